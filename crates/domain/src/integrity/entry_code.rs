//! Entry authentication codes. A signed head vouches for whatever the log holds when it is
//! signed, so one who can write the database could append a complete, well-linked entry in
//! the second before the next signature. Each link of the responses' log and of the audit
//! chain is therefore written with an HMAC-SHA-256 of its place and link hash, under a key
//! derived from the regency's signing key; the server signs only links whose codes check,
//! and `suara verify` checks every code.
//!
//! Links written before codes existed carry none. They are accepted only as a prefix: once
//! a link carries a code, every later link must carry a valid one, and so must every link
//! from the place where the server recorded that it began writing codes (an audit entry,
//! itself coded), so a log whose legacy links end it cannot be grown without a code.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::chain::Digest32;
use super::signed_head::{LogKey, LogKind};

type HmacSha256 = Hmac<Sha256>;

/// A regency's key for entry codes, derived from its signing key
/// ([`super::signed_head::LogKey::entry_key`]).
#[derive(Clone)]
pub struct EntryKey([u8; 32]);

impl std::fmt::Debug for EntryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EntryKey(…)")
    }
}

fn hmac(key: &[u8]) -> HmacSha256 {
    // HMAC takes a key of any length.
    HmacSha256::new_from_slice(key).expect("HMAC accepts every key length")
}

impl EntryKey {
    /// The key that authenticates regency `tenant_id`'s entries as they are written, from the
    /// deployment's signing key.
    pub fn of(key: &LogKey, tenant_id: &str) -> EntryKey {
        let mut mac = hmac(&key.seed());
        mac.update(b"suara entry key v1\n");
        mac.update(tenant_id.as_bytes());
        EntryKey(mac.finalize().into_bytes().into())
    }

    fn mac(&self, log: LogKind, seq: u64, link: &Digest32) -> HmacSha256 {
        let mut mac = hmac(&self.0);
        mac.update(match log {
            LogKind::Responses => b"responses\n",
            LogKind::Audit => b"audit\n\n\n\n",
        });
        mac.update(&seq.to_be_bytes());
        mac.update(&link.0);
        mac
    }

    /// The code of link `seq` of `log`, whose link hash is `link` (which covers every link
    /// before it), as stored: 64 hex digits.
    pub fn code(&self, log: LogKind, seq: u64, link: &Digest32) -> String {
        Digest32(self.mac(log, seq, link).finalize().into_bytes().into()).to_hex()
    }

    /// Whether `code` is the code of that link (compared in constant time).
    pub fn checks(&self, log: LogKind, seq: u64, link: &Digest32, code: &str) -> bool {
        Digest32::from_hex(code)
            .is_some_and(|given| self.mac(log, seq, link).verify_slice(&given.0).is_ok())
    }
}

/// Why a link is not one the key's holder wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Unauthenticated {
    #[error("link {0} carries no authentication code, though the server writes one for every link since: it was written without the signing key")]
    Missing(u64),
    #[error("link {0} carries a wrong authentication code: it was written or changed without the signing key")]
    Wrong(u64),
}

/// Checks a log's links in order, from any link on: codes may be missing only before the
/// first link that has one.
#[derive(Clone, Debug)]
pub struct CodeWalk {
    key: EntryKey,
    log: LogKind,
    /// A link with a code has been seen (or the walk starts after one).
    coded: bool,
    /// Every link from this one on must carry a code.
    required_from: Option<u64>,
}

impl CodeWalk {
    /// A walk of `log` under `key`; `after_coded` when the link before the first one given
    /// carried a code; `required_from` where the server began writing codes, if known.
    pub fn new(
        key: EntryKey,
        log: LogKind,
        after_coded: bool,
        required_from: Option<u64>,
    ) -> CodeWalk {
        CodeWalk {
            key,
            log,
            coded: after_coded,
            required_from,
        }
    }

    pub fn next(
        &mut self,
        seq: u64,
        link: &Digest32,
        code: Option<&str>,
    ) -> Result<(), Unauthenticated> {
        let required = self.coded || self.required_from.is_some_and(|from| seq >= from);
        match code {
            None if required => Err(Unauthenticated::Missing(seq)),
            None => Ok(()),
            Some(code) if self.key.checks(self.log, seq, link, code) => {
                self.coded = true;
                Ok(())
            }
            Some(_) => Err(Unauthenticated::Wrong(seq)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(tenant: &str) -> EntryKey {
        EntryKey::of(&LogKey::from_seed([7; 32]), tenant)
    }

    #[test]
    fn a_code_checks_only_for_its_key_log_place_and_link() {
        let link = Digest32([1; 32]);
        let code = key("t1").code(LogKind::Responses, 5, &link);
        assert!(key("t1").checks(LogKind::Responses, 5, &link, &code));
        assert!(!key("t2").checks(LogKind::Responses, 5, &link, &code));
        assert!(!EntryKey::of(&LogKey::from_seed([8; 32]), "t1").checks(
            LogKind::Responses,
            5,
            &link,
            &code
        ));
        assert!(!key("t1").checks(LogKind::Audit, 5, &link, &code));
        assert!(!key("t1").checks(LogKind::Responses, 6, &link, &code));
        assert!(!key("t1").checks(LogKind::Responses, 5, &Digest32([2; 32]), &code));
        assert!(!key("t1").checks(LogKind::Responses, 5, &link, "not hex"));
    }

    #[test]
    fn uncoded_links_are_accepted_only_before_the_first_coded_one() {
        let k = key("t1");
        let link = |i: u8| Digest32([i; 32]);
        let code = |i: u8| k.code(LogKind::Audit, u64::from(i), &link(i));
        let mut walk = CodeWalk::new(k.clone(), LogKind::Audit, false, None);
        assert_eq!(walk.next(1, &link(1), None), Ok(()));
        assert_eq!(walk.next(2, &link(2), Some(&code(2))), Ok(()));
        assert_eq!(
            walk.next(3, &link(3), None),
            Err(Unauthenticated::Missing(3))
        );
        let mut after = CodeWalk::new(k.clone(), LogKind::Audit, true, None);
        assert_eq!(
            after.next(4, &link(4), None),
            Err(Unauthenticated::Missing(4))
        );
        assert_eq!(
            after.next(4, &link(4), Some(&code(3))),
            Err(Unauthenticated::Wrong(4))
        );
        // A legacy log the server began coding at link 3: an uncoded link 3 is refused.
        let mut begun = CodeWalk::new(k.clone(), LogKind::Audit, false, Some(3));
        assert_eq!(begun.next(2, &link(2), None), Ok(()));
        assert_eq!(
            begun.next(3, &link(3), None),
            Err(Unauthenticated::Missing(3))
        );
    }
}
