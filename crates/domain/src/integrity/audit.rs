//! The audit chain: every entry of the audit log (who changed what that pays or is
//! published, with the record before and after) is a link of a hash chain of its own, in the
//! manner of the responses' chain, and the chain's head is signed with the regency's key
//! (a head of [`LogKind::Audit`](super::signed_head::LogKind)). An entry removed, changed or
//! slipped in behind the application's back changes every later link, so it shows against
//! any head signed before, in the database or kept beside the key.

use sha2::{Digest, Sha256};

use super::chain::{put, Digest32};

/// An audit entry's stored columns, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditFields<'a> {
    pub at_us: i64,
    pub actor: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
}

/// The hash of an entry's content (length-prefixed fields, so no two entries encode alike);
/// links follow [`super::chain::link_hash`].
pub fn content_hash(entry: &AuditFields) -> Digest32 {
    let mut h = Sha256::new();
    h.update(b"suara-audit-v1");
    put(&mut h, Some(&entry.at_us.to_be_bytes()));
    put(&mut h, Some(entry.actor.as_bytes()));
    put(&mut h, Some(entry.action.as_bytes()));
    put(&mut h, Some(entry.entity.as_bytes()));
    put(&mut h, Some(entry.entity_id.as_bytes()));
    put(&mut h, entry.before.map(str::as_bytes));
    put(&mut h, entry.after.map(str::as_bytes));
    Digest32(h.finalize().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_and_its_presence_changes_the_hash() {
        let entry = AuditFields {
            at_us: 1,
            actor: "inspektorat",
            action: "uphold",
            entity: "appeal",
            entity_id: "7",
            before: None,
            after: Some("{}"),
        };
        let base = content_hash(&entry);
        let variants = [
            AuditFields {
                at_us: 2,
                ..entry.clone()
            },
            AuditFields {
                actor: "admin",
                ..entry.clone()
            },
            AuditFields {
                action: "dismiss",
                ..entry.clone()
            },
            AuditFields {
                entity: "run",
                ..entry.clone()
            },
            AuditFields {
                entity_id: "8",
                ..entry.clone()
            },
            AuditFields {
                before: Some(""),
                ..entry.clone()
            },
            AuditFields {
                after: None,
                ..entry.clone()
            },
            // Moving text between fields is a different entry too.
            AuditFields {
                actor: "inspektoratu",
                action: "phold",
                ..entry.clone()
            },
        ];
        for variant in variants {
            assert_ne!(content_hash(&variant), base, "{variant:?}");
        }
    }
}
