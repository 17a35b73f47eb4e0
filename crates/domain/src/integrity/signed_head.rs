//! Signed tree heads of the transparency log and signed seals of payroll runs (Ed25519, with
//! `ed25519-dalek`). The key is kept outside the database, so an insider who can rewrite
//! rows cannot make a head or a seal that verifies.
//!
//! A head is a short text, one field a line, in the manner of Go's signed notes:
//!
//! ```text
//! suara transparency log v1
//! trenggalek
//! 12345
//! 9f86d08…(64 hex)
//! 1795600000000
//! ```
//!
//! (the regency, the tree size, the root, the signing time in Unix milliseconds), then a
//! blank line and the signature in hex. The same text is stored, published and kept in a
//! file beside the key.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};

use super::chain::Digest32;

const HEAD_TITLE: &str = "suara transparency log v1";
const AUDIT_TITLE: &str = "suara audit chain v1";

/// Which of a regency's two signed structures a head is of: the transparency log of counted
/// responses (a Merkle tree: `size` leaves, `root`), or the audit chain of every change that
/// pays (a hash chain: `size` entries, `root` the last link). The first line of the signed
/// text names it, so a head of one can never pass for the other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LogKind {
    #[default]
    Responses,
    Audit,
}

impl LogKind {
    fn title(self) -> &'static str {
        match self {
            LogKind::Responses => HEAD_TITLE,
            LogKind::Audit => AUDIT_TITLE,
        }
    }
}
const SEAL_TITLE: &str = "suara payroll run v1";

/// The deployment's signing key: 32 secret bytes, kept in a file outside the database.
pub struct LogKey(SigningKey);

impl LogKey {
    /// A key from 32 random bytes (the caller supplies randomness; this stays pure).
    pub fn from_seed(seed: [u8; 32]) -> LogKey {
        LogKey(SigningKey::from_bytes(&seed))
    }

    /// The key as stored in its file: 64 hex digits.
    pub fn from_hex(text: &str) -> Option<LogKey> {
        Digest32::from_hex(text.trim()).map(|d| LogKey::from_seed(d.0))
    }

    pub fn to_hex(&self) -> String {
        Digest32(self.0.to_bytes()).to_hex()
    }

    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }

    /// The secret seed, from which each regency's entry key is derived
    /// (`super::entry_code::EntryKey::of`).
    pub(crate) fn seed(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The key itself, to sign the same head as a C2SP checkpoint (`super::checkpoint`).
    pub(crate) fn signing_key(&self) -> SigningKey {
        self.0.clone()
    }

    fn sign(&self, message: &str) -> String {
        hex_bytes(&self.0.sign(message.as_bytes()).to_bytes())
    }
}

/// The public half, published on the transparency page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    pub fn to_hex(&self) -> String {
        Digest32(self.0.to_bytes()).to_hex()
    }

    pub(crate) fn verifying(&self) -> VerifyingKey {
        self.0
    }

    pub(crate) fn bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    pub fn from_hex(text: &str) -> Option<PublicKey> {
        let bytes = Digest32::from_hex(text.trim())?;
        VerifyingKey::from_bytes(&bytes.0).ok().map(PublicKey)
    }

    fn verifies(&self, message: &str, signature_hex: &str) -> bool {
        let Some(bytes) = unhex(signature_hex) else {
            return false;
        };
        let Ok(bytes) = <[u8; 64]>::try_from(bytes.as_slice()) else {
            return false;
        };
        self.0
            .verify(message.as_bytes(), &Signature::from_bytes(&bytes))
            .is_ok()
    }
}

/// What a head commits to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeHead {
    pub log: LogKind,
    pub tenant_id: String,
    pub size: u64,
    pub root: Digest32,
    /// Unix milliseconds.
    pub signed_at_ms: i64,
}

impl TreeHead {
    fn message(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}\n{}\n",
            self.log.title(),
            self.tenant_id,
            self.size,
            self.root,
            self.signed_at_ms
        )
    }

    pub fn sign(self, key: &LogKey) -> SignedHead {
        let signature = key.sign(&self.message());
        SignedHead {
            head: self,
            signature,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedHead {
    pub head: TreeHead,
    /// Ed25519 signature of the head's text, hex.
    pub signature: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HeadError {
    #[error("not a signed head: {0}")]
    Malformed(&'static str),
    #[error("the signature does not match the head (it was changed, or signed with another key)")]
    BadSignature,
}

impl SignedHead {
    /// The head's text and signature, as published and kept in the file beside the key.
    pub fn to_note(&self) -> String {
        format!("{}\n{}\n", self.head.message(), self.signature)
    }

    /// Reads a note and checks its signature.
    pub fn from_note(text: &str, key: &PublicKey) -> Result<SignedHead, HeadError> {
        let (body, signature) = text
            .split_once("\n\n")
            .ok_or(HeadError::Malformed("no blank line before the signature"))?;
        let mut lines = body.lines();
        let log = match lines.next() {
            Some(HEAD_TITLE) => LogKind::Responses,
            Some(AUDIT_TITLE) => LogKind::Audit,
            _ => return Err(HeadError::Malformed("first line")),
        };
        let tenant_id = lines.next().ok_or(HeadError::Malformed("regency"))?;
        let size = lines
            .next()
            .and_then(|l| l.parse().ok())
            .ok_or(HeadError::Malformed("size"))?;
        let root = lines
            .next()
            .and_then(Digest32::from_hex)
            .ok_or(HeadError::Malformed("root"))?;
        let signed_at_ms = lines
            .next()
            .and_then(|l| l.parse().ok())
            .ok_or(HeadError::Malformed("time"))?;
        let head = SignedHead {
            head: TreeHead {
                log,
                tenant_id: tenant_id.to_string(),
                size,
                root,
                signed_at_ms,
            },
            signature: signature.trim().to_string(),
        };
        head.check(key)?;
        Ok(head)
    }

    pub fn check(&self, key: &PublicKey) -> Result<(), HeadError> {
        if key.verifies(&self.head.message(), &self.signature) {
            Ok(())
        } else {
            Err(HeadError::BadSignature)
        }
    }
}

/// What a payroll run's seal commits to: the run, its input digest, its total and the
/// signed head of the log it was computed on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunSeal<'a> {
    pub tenant_id: &'a str,
    pub month: &'a str,
    pub version: i64,
    pub policy_version: &'a str,
    pub input_digest: &'a str,
    pub total: u64,
    pub log_size: u64,
    pub log_root: &'a Digest32,
}

impl RunSeal<'_> {
    fn message(&self) -> String {
        format!(
            "{SEAL_TITLE}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n",
            self.tenant_id,
            self.month,
            self.version,
            self.policy_version,
            self.input_digest,
            self.total,
            self.log_size,
            self.log_root
        )
    }

    pub fn sign(&self, key: &LogKey) -> String {
        key.sign(&self.message())
    }

    pub fn verifies(&self, key: &PublicKey, signature: &str) -> bool {
        key.verifies(&self.message(), signature)
    }
}

fn hex_bytes(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(size: u64) -> TreeHead {
        TreeHead {
            log: LogKind::Responses,
            tenant_id: "trenggalek".into(),
            size,
            root: Digest32([7; 32]),
            signed_at_ms: 1_795_600_000_000,
        }
    }

    #[test]
    fn a_head_round_trips_through_its_note_and_resists_edits() {
        let key = LogKey::from_seed([3; 32]);
        let public = key.public();
        let signed = head(42).sign(&key);
        let note = signed.to_note();
        assert_eq!(SignedHead::from_note(&note, &public), Ok(signed.clone()));
        let edited = note.replace("\n42\n", "\n43\n");
        assert_eq!(
            SignedHead::from_note(&edited, &public),
            Err(HeadError::BadSignature)
        );
        let other = LogKey::from_seed([4; 32]).public();
        assert_eq!(
            SignedHead::from_note(&note, &other),
            Err(HeadError::BadSignature)
        );
        assert!(matches!(
            SignedHead::from_note("garbage", &public),
            Err(HeadError::Malformed(_))
        ));
        assert_eq!(LogKey::from_hex(&key.to_hex()).unwrap().public(), public);
        // The audit chain's head of the same numbers is another text: neither passes for
        // the other.
        let audit = TreeHead {
            log: LogKind::Audit,
            ..head(42)
        }
        .sign(&key);
        assert_ne!(audit.signature, signed.signature);
        assert_eq!(
            SignedHead::from_note(&audit.to_note(), &public),
            Ok(audit.clone())
        );
        let swapped = SignedHead {
            head: signed.head.clone(),
            signature: audit.signature,
        };
        assert_eq!(swapped.check(&public), Err(HeadError::BadSignature));
        assert_eq!(PublicKey::from_hex(&public.to_hex()), Some(public));
    }

    #[test]
    fn a_seal_covers_every_field() {
        let key = LogKey::from_seed([5; 32]);
        let root = Digest32([1; 32]);
        let seal = RunSeal {
            tenant_id: "t1",
            month: "2026-10",
            version: 1,
            policy_version: "2026-default",
            input_digest: "abc",
            total: 4_000_000,
            log_size: 10,
            log_root: &root,
        };
        let signature = seal.sign(&key);
        assert!(seal.verifies(&key.public(), &signature));
        let more = RunSeal {
            total: 4_000_001,
            ..seal.clone()
        };
        assert!(!more.verifies(&key.public(), &signature));
        assert!(!seal.verifies(&key.public(), "00"));
    }
}
