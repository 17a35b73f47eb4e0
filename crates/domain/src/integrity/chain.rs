//! Accepted responses form a hash chain: each link hashes the previous link, its own
//! position and the SHA-256 of the response's full stored content. Changing, removing or
//! reordering any stored response changes every later link, so a published daily chain head
//! lets anyone holding an older head detect a rewrite, and `suara verify` finds the first
//! link that no longer matches.

use std::fmt;

use sha2::{Digest, Sha256};

/// A SHA-256 digest, shown as 64 lowercase hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Digest32(pub [u8; 32]);

impl Digest32 {
    /// The "previous link" of the first link.
    pub const GENESIS: Digest32 = Digest32([0; 32]);

    pub fn to_hex(self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn from_hex(text: &str) -> Option<Digest32> {
        if text.len() != 64 || !text.is_ascii() {
            return None;
        }
        let mut bytes = [0u8; 32];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(Digest32(bytes))
    }
}

impl fmt::Display for Digest32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for Digest32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest32({})", self.to_hex())
    }
}

/// Every stored column of a response, as stored (codes as text, so a tampered code is a
/// content mismatch, not a parse failure).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainRecord<'a> {
    pub idempotency_key: &'a str,
    pub receipt: &'a str,
    pub received_at_us: i64,
    pub period_month: &'a str,
    pub channel: &'a str,
    pub unit: &'a str,
    pub service: Option<&'a str>,
    pub officer: Option<&'a str>,
    pub answers: [Option<i64>; 9],
    /// Sex, age band, education, occupation.
    pub profile: [Option<&'a str>; 4],
    pub suggestion: Option<&'a str>,
}

/// Fields are written with a presence tag and a length prefix, so no two different records
/// encode alike.
pub(crate) fn put(hasher: &mut Sha256, field: Option<&[u8]>) {
    match field {
        None => hasher.update([0u8]),
        Some(bytes) => {
            hasher.update([1u8]);
            hasher.update((bytes.len() as u64).to_be_bytes());
            hasher.update(bytes);
        }
    }
}

pub fn content_hash(record: &ChainRecord) -> Digest32 {
    let mut h = Sha256::new();
    h.update(b"suara-response-v1");
    put(&mut h, Some(record.idempotency_key.as_bytes()));
    put(&mut h, Some(record.receipt.as_bytes()));
    put(&mut h, Some(&record.received_at_us.to_be_bytes()));
    put(&mut h, Some(record.period_month.as_bytes()));
    put(&mut h, Some(record.channel.as_bytes()));
    put(&mut h, Some(record.unit.as_bytes()));
    put(&mut h, record.service.map(str::as_bytes));
    put(&mut h, record.officer.map(str::as_bytes));
    for answer in record.answers {
        put(
            &mut h,
            answer.map(i64::to_be_bytes).as_ref().map(|b| &b[..]),
        );
    }
    for field in record.profile {
        put(&mut h, field.map(str::as_bytes));
    }
    put(&mut h, record.suggestion.map(str::as_bytes));
    Digest32(h.finalize().into())
}

/// The link at `seq` (1, 2, …) after `previous`.
pub fn link_hash(previous: &Digest32, seq: u64, content: &Digest32) -> Digest32 {
    let mut h = Sha256::new();
    h.update(b"suara-link-v1");
    h.update(previous.0);
    h.update(seq.to_be_bytes());
    h.update(content.0);
    Digest32(h.finalize().into())
}

/// One stored link with the content hash recomputed from the stored response (`None` when
/// the response row is gone).
#[derive(Clone, Debug)]
pub struct StoredLink {
    pub seq: u64,
    pub receipt: Option<String>,
    pub recomputed_content: Option<Digest32>,
    pub stored_content: Digest32,
    pub stored_link: Digest32,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Broken {
    #[error("link {expected} is missing (found link {found} next)")]
    Gap { expected: u64, found: u64 },
    #[error("link {seq}: the response it covers is gone")]
    ResponseMissing { seq: u64 },
    #[error("link {seq} (receipt {receipt}): the stored response does not match its hash; it was changed after it was accepted")]
    ContentChanged { seq: u64, receipt: String },
    #[error("link {seq}: the link hash does not follow from the one before; the chain was rewritten here")]
    LinkChanged { seq: u64 },
}

/// Walks links in order, from the start or from a trusted `(seq, hash)` checkpoint.
#[derive(Clone, Debug)]
pub struct Verifier {
    next_seq: u64,
    head: Digest32,
}

impl Default for Verifier {
    fn default() -> Verifier {
        Verifier {
            next_seq: 1,
            head: Digest32::GENESIS,
        }
    }
}

impl Verifier {
    /// Checks the next link; the first problem is returned and the walk should stop.
    pub fn check(&mut self, link: &StoredLink) -> Result<(), Broken> {
        if link.seq != self.next_seq {
            return Err(Broken::Gap {
                expected: self.next_seq,
                found: link.seq,
            });
        }
        let Some(content) = link.recomputed_content else {
            return Err(Broken::ResponseMissing { seq: link.seq });
        };
        if content != link.stored_content {
            return Err(Broken::ContentChanged {
                seq: link.seq,
                receipt: link.receipt.clone().unwrap_or_default(),
            });
        }
        let expected = link_hash(&self.head, link.seq, &content);
        if expected != link.stored_link {
            return Err(Broken::LinkChanged { seq: link.seq });
        }
        self.head = expected;
        self.next_seq += 1;
        Ok(())
    }

    /// Links checked so far and the head they end in.
    pub fn head(&self) -> (u64, Digest32) {
        (self.next_seq - 1, self.head)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(receipt: &str) -> ChainRecord<'_> {
        ChainRecord {
            idempotency_key: "key-0001",
            receipt,
            received_at_us: 1_790_000_000_000_000,
            period_month: "2026-11",
            channel: "web",
            unit: "dukcapil",
            service: Some("ktp"),
            officer: None,
            answers: [
                Some(4),
                Some(3),
                None,
                Some(4),
                Some(4),
                Some(4),
                Some(4),
                Some(2),
                Some(1),
            ],
            profile: [Some("female"), None, None, None],
            suggestion: None,
        }
    }

    fn chain(receipts: &[&str]) -> Vec<StoredLink> {
        let mut head = Digest32::GENESIS;
        receipts
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let content = content_hash(&record(r));
                head = link_hash(&head, i as u64 + 1, &content);
                StoredLink {
                    seq: i as u64 + 1,
                    receipt: Some(r.to_string()),
                    recomputed_content: Some(content),
                    stored_content: content,
                    stored_link: head,
                }
            })
            .collect()
    }

    fn verify(links: &[StoredLink]) -> Result<(u64, Digest32), Broken> {
        let mut v = Verifier::default();
        for link in links {
            v.check(link)?;
        }
        Ok(v.head())
    }

    #[test]
    fn an_intact_chain_verifies_to_its_head() {
        let links = chain(&["A", "B", "C"]);
        assert_eq!(verify(&links), Ok((3, links[2].stored_link)));
        assert_eq!(verify(&[]).map(|h| h.0), Ok(0));
    }

    #[test]
    fn every_kind_of_tampering_is_found_at_its_link() {
        let links = chain(&["A", "B", "C", "D"]);

        let mut edited = links.clone();
        let mut changed = record("B");
        changed.answers[0] = Some(1);
        edited[1].recomputed_content = Some(content_hash(&changed));
        assert_eq!(
            verify(&edited),
            Err(Broken::ContentChanged {
                seq: 2,
                receipt: "B".into()
            })
        );

        let mut rewritten = links.clone();
        rewritten[2].stored_link = Digest32([7; 32]);
        assert_eq!(verify(&rewritten), Err(Broken::LinkChanged { seq: 3 }));

        let mut removed = links.clone();
        removed.remove(1);
        assert_eq!(
            verify(&removed),
            Err(Broken::Gap {
                expected: 2,
                found: 3
            })
        );

        let mut gone = links.clone();
        gone[3].recomputed_content = None;
        assert_eq!(verify(&gone), Err(Broken::ResponseMissing { seq: 4 }));

        // Swapping two responses' content and fixing their content hashes still breaks the links.
        let mut swapped = links.clone();
        let (b, c) = (swapped[1].stored_content, swapped[2].stored_content);
        swapped[1].stored_content = c;
        swapped[1].recomputed_content = Some(c);
        swapped[2].stored_content = b;
        swapped[2].recomputed_content = Some(b);
        assert_eq!(verify(&swapped), Err(Broken::LinkChanged { seq: 2 }));
    }

    #[test]
    fn encoding_is_unambiguous_and_hex_round_trips() {
        let mut a = record("A");
        a.service = Some("ktp");
        a.officer = None;
        let mut b = record("A");
        b.service = None;
        b.officer = Some("ktp");
        assert_ne!(content_hash(&a), content_hash(&b));
        let digest = content_hash(&a);
        assert_eq!(Digest32::from_hex(&digest.to_hex()), Some(digest));
        assert_eq!(Digest32::from_hex("zz"), None);
    }
}
