//! The log in the transparency ecosystem's own formats (C2SP), so that tools this software
//! does not ship (monitors, witnesses, the verifiers of the Go checksum database) can watch
//! it: each signed head is also a *checkpoint* (`c2sp.org/tlog-checkpoint`), a signed note
//! (`c2sp.org/signed-note`) signed by the regency's key, and witnesses add their Ed25519
//! *cosignatures* (`c2sp.org/tlog-cosignature`, `cosignature/v1`) to it.
//!
//! Notes, key IDs and verifier keys are `signed_note`'s; the checkpoint's lines are
//! `tlog_tiles`'s. This module adds what those crates leave to their users: the log's and a
//! witness's keys as note signers, and the cosignature's timestamped message.

use base64::prelude::{Engine, BASE64_STANDARD};
use ed25519_dalek::{Signature, Signer as _, SigningKey, Verifier as _, VerifyingKey};
use signed_note::{Note, NoteError, Signer, VerificationError, Verifier, Verifiers};
use tlog_tiles::{Checkpoint, Hash};

use super::chain::Digest32;
use super::signed_head::{LogKey, PublicKey, TreeHead};

/// Signature type of a log's Ed25519 note signature (`c2sp.org/signed-note`).
const ED25519: u8 = 0x01;
/// Signature type of an Ed25519 `cosignature/v1` (`c2sp.org/tlog-cosignature`).
const COSIGNATURE_V1: u8 = 0x04;

/// A regency's log origin, the checkpoint's first line and its key's name. It never changes
/// (witnesses know a log by it), so it is made from the regency's code alone, not from a
/// host name that may move.
pub fn origin(tenant_id: &str) -> String {
    format!("suara/{tenant_id}")
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    #[error("not a checkpoint: {0}")]
    Malformed(String),
    #[error("not a verifier key: {0}")]
    BadKey(String),
    #[error("a signature by {0} does not verify: the checkpoint was changed, or signed with another key")]
    BadSignature(String),
    #[error("the checkpoint carries no signature of the log's key {0}")]
    NotSigned(String),
    #[error("{found} of the required {needed} witnesses cosigned the checkpoint")]
    NoQuorum { found: usize, needed: usize },
}

/// A checkpoint's body lines.
pub fn body(origin: &str, size: u64, root: &Digest32) -> Result<Vec<u8>, CheckpointError> {
    Checkpoint::new(origin, size, Hash(root.0), "")
        .map(|c| c.to_bytes())
        .map_err(|e| CheckpointError::Malformed(e.to_string()))
}

/// The signed head as a checkpoint signed by the regency's key (deterministic: Ed25519).
pub fn checkpoint(head: &TreeHead, key: &LogKey) -> Result<String, CheckpointError> {
    let origin = origin(&head.tenant_id);
    let signer = KeySigner::new(origin.clone(), ED25519, key.signing_key(), None);
    sign_note(&body(&origin, head.size, &head.root)?, &signer)
}

fn sign_note(text: &[u8], signer: &KeySigner) -> Result<String, CheckpointError> {
    let mut note = Note::new(text, &[]).map_err(malformed)?;
    note.add_sigs(&[signer]).map_err(malformed)?;
    String::from_utf8(note.to_bytes()).map_err(|e| CheckpointError::Malformed(e.to_string()))
}

/// The log's verifier key, as witnesses and monitors are configured with it:
/// `suara/CODE+<key ID>+<base64 of 0x01 and the public key>`.
pub fn log_verifier_key(tenant_id: &str, key: &PublicKey) -> String {
    vkey(&origin(tenant_id), ED25519, &key.bytes())
}

fn vkey(name: &str, kind: u8, public: &[u8; 32]) -> String {
    let mut material = vec![kind];
    material.extend_from_slice(public);
    format!(
        "{name}+{:08x}+{}",
        signed_note::key_id(name, &material),
        BASE64_STANDARD.encode(&material)
    )
}

fn malformed(error: NoteError) -> CheckpointError {
    CheckpointError::Malformed(error.to_string())
}

/// An Ed25519 key as a note signer: the log's (plain signatures) or a witness's
/// (cosignatures, stamped with `time`, POSIX seconds).
struct KeySigner {
    name: String,
    id: u32,
    key: SigningKey,
    time: Option<u64>,
}

impl KeySigner {
    fn new(name: String, kind: u8, key: SigningKey, time: Option<u64>) -> KeySigner {
        let mut material = vec![kind];
        material.extend_from_slice(key.verifying_key().as_bytes());
        let id = signed_note::key_id(&name, &material);
        KeySigner {
            name,
            id,
            key,
            time,
        }
    }
}

impl Signer for KeySigner {
    fn name(&self) -> &str {
        &self.name
    }
    fn key_id(&self) -> u32 {
        self.id
    }
    fn sign(&self, msg: &[u8]) -> Result<Vec<u8>, ed25519_dalek::SignatureError> {
        Ok(match self.time {
            None => self.key.sign(msg).to_bytes().to_vec(),
            Some(time) => {
                let mut out = time.to_be_bytes().to_vec();
                out.extend_from_slice(&self.key.sign(&cosigned_message(time, msg)).to_bytes());
                out
            }
        })
    }
}

/// What an Ed25519 `cosignature/v1` signs: a header line, the time, then the note's body.
fn cosigned_message(time: u64, body: &[u8]) -> Vec<u8> {
    let mut message = format!("cosignature/v1\ntime {time}\n").into_bytes();
    message.extend_from_slice(body);
    message
}

/// A witness's key and name (`c2sp.org/tlog-witness`).
pub struct WitnessKey {
    name: String,
    key: SigningKey,
}

impl WitnessKey {
    /// `name` is a schema-less URL naming the witness (for example `bpkad.jatimprov.go.id/saksi`).
    pub fn new(name: &str, seed: [u8; 32]) -> Result<WitnessKey, CheckpointError> {
        if !signed_note::is_key_name_valid(name) {
            return Err(CheckpointError::BadKey(format!(
                "'{name}' is not a key name (no spaces, no '+')"
            )));
        }
        Ok(WitnessKey {
            name: name.to_string(),
            key: SigningKey::from_bytes(&seed),
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// `NAME+<key ID>+<base64 of 0x04 and the public key>`, for the logs' configuration.
    pub fn verifier_key(&self) -> String {
        vkey(
            &self.name,
            COSIGNATURE_V1,
            self.key.verifying_key().as_bytes(),
        )
    }

    /// The cosignature line (`— NAME base64…\n`) over a checkpoint's body, at `time`.
    pub fn cosign(&self, body: &[u8], time: u64) -> Result<String, CheckpointError> {
        let signer = KeySigner::new(
            self.name.clone(),
            COSIGNATURE_V1,
            self.key.clone(),
            Some(time),
        );
        let note = sign_note(body, &signer)?;
        let lines = note.get(body.len() + 1..).unwrap_or_default();
        Ok(lines.to_string())
    }
}

/// A verifier key read from its text: the log's (type 0x01) or a witness's (type 0x04).
#[derive(Clone, Debug)]
pub struct KnownKey {
    name: String,
    id: u32,
    kind: u8,
    key: VerifyingKey,
}

impl KnownKey {
    /// The key regency `tenant_id`'s checkpoints are signed with.
    pub fn log(tenant_id: &str, key: &PublicKey) -> KnownKey {
        KnownKey {
            name: origin(tenant_id),
            id: {
                let mut material = vec![ED25519];
                material.extend_from_slice(&key.bytes());
                signed_note::key_id(&origin(tenant_id), &material)
            },
            kind: ED25519,
            key: key.verifying(),
        }
    }

    pub fn parse(text: &str) -> Result<KnownKey, CheckpointError> {
        let bad = |why: &str| CheckpointError::BadKey(format!("{why}: '{text}'"));
        let mut parts = text.trim().splitn(3, '+');
        let (Some(name), Some(id), Some(material)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(bad("expected NAME+ID+KEY"));
        };
        let id = u32::from_str_radix(id, 16)
            .ok()
            .filter(|_| id.len() == 8)
            .ok_or_else(|| bad("the key ID is not 8 hexadecimal digits"))?;
        let material = BASE64_STANDARD
            .decode(material)
            .map_err(|_| bad("the key is not base64"))?;
        let (&kind, public) = material.split_first().ok_or_else(|| bad("empty key"))?;
        if kind != ED25519 && kind != COSIGNATURE_V1 {
            return Err(bad(
                "neither an Ed25519 log key (1) nor an Ed25519 cosignature key (4)",
            ));
        }
        let public = <[u8; 32]>::try_from(public).map_err(|_| bad("not 32 bytes"))?;
        let key = VerifyingKey::from_bytes(&public).map_err(|_| bad("not an Ed25519 key"))?;
        if !signed_note::is_key_name_valid(name) || signed_note::key_id(name, &material) != id {
            return Err(bad("the key ID does not match the name and key"));
        }
        Ok(KnownKey {
            name: name.to_string(),
            id,
            kind,
            key,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn is_witness(&self) -> bool {
        self.kind == COSIGNATURE_V1
    }
}

impl Verifier for KnownKey {
    fn name(&self) -> &str {
        &self.name
    }
    fn key_id(&self) -> u32 {
        self.id
    }
    fn verify(&self, msg: &[u8], sig: &[u8]) -> bool {
        let (message, sig) = if self.kind == COSIGNATURE_V1 {
            let Some((time, sig)) = sig.split_first_chunk::<8>() else {
                return false;
            };
            (cosigned_message(u64::from_be_bytes(*time), msg), sig)
        } else {
            (msg.to_vec(), sig)
        };
        Signature::from_slice(sig).is_ok_and(|sig| self.key.verify(&message, &sig).is_ok())
    }
}

/// A cosignature's time: its signature's first eight bytes.
fn stamp(signature: &signed_note::Signature) -> u64 {
    signature
        .signature()
        .first_chunk::<8>()
        .map_or(0, |t| u64::from_be_bytes(*t))
}

/// Keys a note is checked against, by name and ID.
struct Keys<'a>(&'a [KnownKey]);

impl Verifiers for Keys<'_> {
    fn verifier(&self, name: &str, id: u32) -> Result<&dyn Verifier, VerificationError> {
        self.0
            .iter()
            .find(|k| k.name == name && k.id == id)
            .map(|k| k as &dyn Verifier)
            .ok_or_else(|| VerificationError::UnknownKey {
                name: name.to_string(),
                id,
            })
    }
}

/// A checkpoint whose log signature verified, with the witnesses whose cosignatures did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    pub origin: String,
    pub size: u64,
    pub root: Digest32,
    /// Names of the known witnesses that cosigned it, with the time each cosigned.
    pub witnesses: Vec<(String, u64)>,
    /// The note's body, as signed.
    pub body: Vec<u8>,
}

/// Checks a signed checkpoint: `log`'s signature is required, signatures of unknown keys are
/// ignored, a known key's signature that fails is refused. `witnesses` are counted, not
/// required (see [`Verified::require`]).
pub fn verify(
    note: &[u8],
    log: &KnownKey,
    witnesses: &[KnownKey],
) -> Result<Verified, CheckpointError> {
    let parsed = Note::from_bytes(note).map_err(malformed)?;
    let checkpoint = Checkpoint::from_bytes(parsed.text())
        .map_err(|e| CheckpointError::Malformed(e.to_string()))?;
    let log_only = std::slice::from_ref(log);
    let (signed, _) = match parsed.verify(&Keys(log_only)) {
        Ok(found) => found,
        Err(NoteError::InvalidSignature { name, .. }) => {
            return Err(CheckpointError::BadSignature(name))
        }
        Err(_) => return Err(CheckpointError::NotSigned(log.name.clone())),
    };
    if signed.is_empty() || checkpoint.origin() != log.name {
        return Err(CheckpointError::NotSigned(log.name.clone()));
    }
    let mut cosigned = Vec::new();
    if !witnesses.is_empty() {
        match parsed.verify(&Keys(witnesses)) {
            Ok((found, _)) => cosigned = found,
            Err(NoteError::UnverifiedNote) => {}
            Err(NoteError::InvalidSignature { name, .. }) => {
                return Err(CheckpointError::BadSignature(name))
            }
            Err(e) => return Err(malformed(e)),
        }
    }
    let witnesses = cosigned
        .iter()
        .map(|s| (s.name().to_string(), stamp(s)))
        .collect();
    Ok(Verified {
        origin: checkpoint.origin().to_string(),
        size: checkpoint.size(),
        root: Digest32(checkpoint.hash().0),
        witnesses,
        body: parsed.text().to_vec(),
    })
}

/// `note` followed by the cosignature lines that verify with `witnesses`, and those lines: a
/// line edited in the database, or a witness no longer trusted, is left out rather than
/// making the whole checkpoint fail for every verifier.
pub fn keep_verified(
    note: &str,
    lines: &[String],
    witnesses: &[KnownKey],
) -> (String, Vec<String>) {
    let mut joined = note.to_string();
    let mut kept = Vec::new();
    for line in lines {
        let verifies = witnesses
            .iter()
            .any(|w| cosignatures_of(note, line, w).is_ok_and(|found| !found.is_empty()));
        if verifies && !kept.contains(line) {
            joined.push_str(line);
            kept.push(line.clone());
        }
    }
    (joined, kept)
}

impl Verified {
    /// Refuses unless at least `quorum` distinct known witnesses cosigned.
    pub fn require(self, quorum: usize) -> Result<Verified, CheckpointError> {
        if self.witnesses.len() < quorum {
            return Err(CheckpointError::NoQuorum {
                found: self.witnesses.len(),
                needed: quorum,
            });
        }
        Ok(self)
    }
}

/// The signature lines a witness answered that verify with `witness`'s key over `checkpoint`
/// (the log's own note), with the cosignature's time; none when it did not cosign.
pub fn cosignatures_of(
    checkpoint: &str,
    lines: &str,
    witness: &KnownKey,
) -> Result<Vec<(String, u64)>, CheckpointError> {
    if lines.is_empty() {
        return Ok(Vec::new());
    }
    // Only signature lines: a blank line would move where the note's text ends, and a
    // cosignature of another text would be kept (then fail every verifier of the real one).
    if lines
        .split_inclusive('\n')
        .any(|l| !l.starts_with("— ") || !l.ends_with('\n'))
    {
        return Err(CheckpointError::Malformed(
            "the answer holds more than signature lines".into(),
        ));
    }
    let joined = format!("{checkpoint}{lines}");
    let parsed = Note::from_bytes(joined.as_bytes()).map_err(malformed)?;
    let own = Note::from_bytes(checkpoint.as_bytes()).map_err(malformed)?;
    if parsed.text() != own.text() {
        return Err(CheckpointError::Malformed(
            "the cosignatures are of another text".into(),
        ));
    }
    match parsed.verify(&Keys(std::slice::from_ref(witness))) {
        Ok((found, _)) => Ok(found
            .iter()
            .map(|s| {
                (
                    String::from_utf8_lossy(&s.to_bytes()).into_owned(),
                    stamp(s),
                )
            })
            .collect()),
        Err(NoteError::UnverifiedNote) => Ok(Vec::new()),
        Err(NoteError::InvalidSignature { name, .. }) => Err(CheckpointError::BadSignature(name)),
        Err(e) => Err(malformed(e)),
    }
}
