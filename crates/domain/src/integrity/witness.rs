//! The witness protocol (`c2sp.org/tlog-witness`): what a log sends to have a checkpoint
//! cosigned, and what a witness decides. A witness remembers, per log, the newest checkpoint
//! it cosigned and cosigns a new one only with a consistency proof from it, so a log that
//! was rolled back or forked cannot gather cosignatures for its new history.

use base64::prelude::{Engine, BASE64_STANDARD};
use signed_note::Note;
use tlog_tiles::Checkpoint;

use super::chain::Digest32;
use super::checkpoint::{self, CheckpointError, KnownKey, Verified};
use super::merkle;

/// The protocol's limit on consistency proof lines.
const MAX_PROOF_LINES: usize = 63;

/// An `add-checkpoint` request: the size the log believes the witness holds, a consistency
/// proof from it, and the signed checkpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddCheckpoint {
    pub old: u64,
    pub proof: Vec<Digest32>,
    pub checkpoint: Vec<u8>,
}

/// Why a witness did not cosign, each with the HTTP status the protocol gives it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("{0}")]
    BadRequest(String),
    #[error("this witness does not follow the log {0}")]
    UnknownLog(String),
    #[error("{0}")]
    NotSigned(String),
    /// The size of the newest checkpoint the witness cosigned.
    #[error("the witness last cosigned a tree of {0} leaves")]
    Conflict(u64),
    #[error("{0}")]
    Inconsistent(String),
}

impl Refusal {
    pub fn status(&self) -> u16 {
        match self {
            Refusal::BadRequest(_) => 400,
            Refusal::NotSigned(_) => 403,
            Refusal::UnknownLog(_) => 404,
            Refusal::Conflict(_) => 409,
            Refusal::Inconsistent(_) => 422,
        }
    }
}

impl AddCheckpoint {
    pub fn to_body(&self) -> Vec<u8> {
        let mut body = format!("old {}\n", self.old);
        for hash in &self.proof {
            body.push_str(&BASE64_STANDARD.encode(hash.0));
            body.push('\n');
        }
        body.push('\n');
        let mut body = body.into_bytes();
        body.extend_from_slice(&self.checkpoint);
        body
    }

    pub fn parse(body: &[u8]) -> Result<AddCheckpoint, Refusal> {
        let bad = |why: &str| Refusal::BadRequest(format!("not an add-checkpoint request: {why}"));
        let blank = body
            .windows(2)
            .position(|w| w == b"\n\n")
            .ok_or_else(|| bad("no empty line before the checkpoint"))?;
        let head = std::str::from_utf8(&body[..=blank]).map_err(|_| bad("not UTF-8"))?;
        let mut lines = head.lines();
        let old = lines
            .next()
            .and_then(|l| l.strip_prefix("old "))
            .filter(|n| n == &"0" || (!n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit())))
            .and_then(|n| n.parse::<u64>().ok())
            .ok_or_else(|| bad("the first line must be 'old SIZE'"))?;
        let proof = lines
            .map(|line| {
                BASE64_STANDARD
                    .decode(line)
                    .ok()
                    .and_then(|b| <[u8; 32]>::try_from(b).ok())
                    .map(Digest32)
                    .ok_or_else(|| bad("a proof line is not a base64 hash"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if proof.len() > MAX_PROOF_LINES {
            return Err(bad("more than 63 proof lines"));
        }
        Ok(AddCheckpoint {
            old,
            proof,
            checkpoint: body[blank + 2..].to_vec(),
        })
    }

    /// The origin the checkpoint names, to find the log's key.
    pub fn origin(&self) -> Result<String, Refusal> {
        let note = Note::from_bytes(&self.checkpoint)
            .map_err(|e| Refusal::BadRequest(format!("not a signed note: {e}")))?;
        Checkpoint::from_bytes(note.text())
            .map(|c| c.origin().to_string())
            .map_err(|e| Refusal::BadRequest(e.to_string()))
    }
}

/// What a witness remembers of a log: the newest checkpoint it cosigned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Seen {
    pub size: u64,
    pub root: Digest32,
}

/// Decides a request for the log whose key is `log`, given what the witness cosigned last
/// (`None`: never). On success the caller stores the checkpoint as seen, then cosigns it,
/// both under one lock (the protocol's race between two requests).
pub fn check(
    request: &AddCheckpoint,
    log: &KnownKey,
    seen: Option<Seen>,
) -> Result<Verified, Refusal> {
    let verified = checkpoint::verify(&request.checkpoint, log, &[]).map_err(|e| match e {
        CheckpointError::Malformed(why) => Refusal::BadRequest(why),
        other => Refusal::NotSigned(other.to_string()),
    })?;
    if request.old > verified.size {
        return Err(Refusal::BadRequest(format!(
            "old size {} is larger than the checkpoint's {}",
            request.old, verified.size
        )));
    }
    let seen_size = seen.map_or(0, |s| s.size);
    if request.old != seen_size {
        return Err(Refusal::Conflict(seen_size));
    }
    let inconsistent = |why: String| Err(Refusal::Inconsistent(why));
    if verified.size == 0 && verified.root != merkle::empty_root() {
        return inconsistent("a tree of 0 leaves must have the empty tree's root".into());
    }
    match seen {
        None if !request.proof.is_empty() => {
            inconsistent("no proof is needed from the empty tree".into())
        }
        None => Ok(verified),
        Some(_) if request.old == 0 && !request.proof.is_empty() => {
            inconsistent("no proof is needed from the empty tree".into())
        }
        Some(_) if request.old == 0 => Ok(verified),
        Some(seen)
            if merkle::verify_consistency(
                seen.size,
                verified.size,
                &request.proof,
                &seen.root,
                &verified.root,
            ) =>
        {
            Ok(verified)
        }
        Some(seen) => inconsistent(format!(
            "the tree of {} leaves does not extend the tree of {} leaves this witness cosigned",
            verified.size, seen.size
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::integrity::checkpoint::{log_verifier_key, WitnessKey};
    use crate::integrity::merkle::{leaf_hash, Frontier};
    use crate::integrity::signed_head::{LogKey, LogKind, TreeHead};

    /// The example of `c2sp.org/signed-note`: its verifier key verifies its note.
    #[test]
    fn the_signed_note_documents_example_verifies() {
        let key = KnownKey::parse(
            "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
        )
        .unwrap();
        let note = "This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
        let parsed = Note::from_bytes(note.as_bytes()).unwrap();
        assert!(parsed
            .verify(&signed_note::VerifierList::new(vec![Box::new(key)]))
            .is_ok());
        let changed = note.replace("example message", "example massage");
        let key = KnownKey::parse(
            "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
        )
        .unwrap();
        let parsed = Note::from_bytes(changed.as_bytes()).unwrap();
        assert!(parsed
            .verify(&signed_note::VerifierList::new(vec![Box::new(key)]))
            .is_err());
        // A key whose ID does not follow from its name and key is refused.
        assert!(KnownKey::parse(
            "example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"
        )
        .is_err());
        assert!(KnownKey::parse("example.com/foo").is_err());
    }

    fn tree(leaves: u64) -> (u64, Digest32) {
        let mut frontier = Frontier::default();
        for i in 0..leaves {
            frontier.push(leaf_hash(&i.to_be_bytes()));
        }
        (leaves, frontier.root())
    }

    fn signed(key: &LogKey, (size, root): (u64, Digest32)) -> Vec<u8> {
        let head = TreeHead {
            log: LogKind::Responses,
            tenant_id: "trenggalek".into(),
            size,
            root,
            signed_at_ms: 0,
        };
        checkpoint::checkpoint(&head, key).unwrap().into_bytes()
    }

    fn proof(old: u64, new: u64) -> Vec<Digest32> {
        // From the leaves themselves, as the store computes it from tiles.
        let leaves: Vec<Digest32> = (0..new).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        let root = |s: u64, e: u64| {
            let mut parts = Vec::new();
            merkle::full_subtrees(s, e, &mut parts);
            let hashes = parts
                .iter()
                .map(|&(start, h)| {
                    let slice = &leaves[start as usize..(start + (1 << h)) as usize];
                    ((start, h), merkle::perfect_root(slice).unwrap())
                })
                .collect();
            merkle::combine(s, e, &hashes).unwrap()
        };
        merkle::consistency_ranges(old, new)
            .unwrap()
            .into_iter()
            .map(|(s, e)| root(s, e))
            .collect()
    }

    #[test]
    fn a_witness_cosigns_growth_and_refuses_a_rollback() {
        let log = LogKey::from_seed([7; 32]);
        let log_key = KnownKey::parse(&log_verifier_key("trenggalek", &log.public())).unwrap();
        let witness = WitnessKey::new("saksi.example/w1", [9; 32]).unwrap();
        let witness_key = KnownKey::parse(&witness.verifier_key()).unwrap();
        assert!(witness_key.is_witness() && !log_key.is_witness());

        // First contact: old 0, no proof.
        let first = AddCheckpoint {
            old: 0,
            proof: vec![],
            checkpoint: signed(&log, tree(5)),
        };
        let first = AddCheckpoint::parse(&first.to_body()).unwrap();
        assert_eq!(first.origin().unwrap(), "suara/trenggalek");
        let verified = check(&first, &log_key, None).unwrap();
        let line = witness.cosign(&verified.body, 1_790_000_000).unwrap();
        assert!(line.starts_with("— saksi.example/w1 ") && line.ends_with('\n'));
        let note = String::from_utf8(first.checkpoint.clone()).unwrap();
        let cosigned =
            checkpoint::verify(format!("{note}{line}").as_bytes(), &log_key, &[witness_key])
                .unwrap();
        assert_eq!(
            cosigned.witnesses,
            vec![("saksi.example/w1".to_string(), 1_790_000_000)]
        );
        assert_eq!(cosigned.clone().require(1).map(|v| v.size), Ok(5));
        assert!(cosigned.require(2).is_err());
        let seen = Seen {
            size: 5,
            root: verified.root,
        };

        // Growth from 5 to 13 with its proof.
        let grown = AddCheckpoint {
            old: 5,
            proof: proof(5, 13),
            checkpoint: signed(&log, tree(13)),
        };
        let grown = AddCheckpoint::parse(&grown.to_body()).unwrap();
        assert_eq!(check(&grown, &log_key, Some(seen)).map(|v| v.size), Ok(13));
        // A log that believes the witness holds less is told what it holds.
        let stale = AddCheckpoint {
            old: 0,
            proof: vec![],
            checkpoint: signed(&log, tree(13)),
        };
        assert_eq!(
            check(&stale, &log_key, Some(seen)),
            Err(Refusal::Conflict(5))
        );

        // A rolled-back and regrown log: another tree of 13 leaves, signed with the same key.
        let (_, other_root) = tree(12);
        let mut forked = signed(
            &log,
            (
                13,
                crate::integrity::merkle::node_hash(&other_root, &other_root),
            ),
        );
        let fork = AddCheckpoint {
            old: 5,
            proof: proof(5, 13),
            checkpoint: forked.clone(),
        };
        assert!(matches!(
            check(&fork, &log_key, Some(seen)),
            Err(Refusal::Inconsistent(_))
        ));
        // A smaller tree than the witness holds.
        let smaller = AddCheckpoint {
            old: 5,
            proof: vec![],
            checkpoint: signed(&log, tree(3)),
        };
        assert!(matches!(
            check(&smaller, &log_key, Some(seen)),
            Err(Refusal::BadRequest(_))
        ));
        // Same size, other root.
        let same = AddCheckpoint {
            old: 5,
            proof: vec![],
            checkpoint: signed(&log, (5, other_root)),
        };
        assert!(matches!(
            check(&same, &log_key, Some(seen)),
            Err(Refusal::Inconsistent(_))
        ));
        // A checkpoint changed after signing, or signed by another key.
        let at = forked.iter().position(|b| *b == b'\n').unwrap() + 1;
        forked[at] = b'9';
        let edited = AddCheckpoint {
            old: 5,
            proof: vec![],
            checkpoint: forked,
        };
        assert_eq!(
            check(&edited, &log_key, Some(seen)).map_err(|e| e.status()),
            Err(403)
        );
        let stranger = AddCheckpoint {
            old: 5,
            proof: proof(5, 13),
            checkpoint: signed(&LogKey::from_seed([8; 32]), tree(13)),
        };
        assert_eq!(
            check(&stranger, &log_key, Some(seen)).map_err(|e| e.status()),
            Err(403)
        );
    }

    #[test]
    fn malformed_requests_are_refused_with_400() {
        for body in [
            "",
            "old 1\n",
            "old 01\n\nx",
            "old +5\n\nx",
            "new 1\n\nx",
            "old 1\nnot base64!\n\nx",
        ] {
            assert_eq!(
                AddCheckpoint::parse(body.as_bytes()).map_err(|e| e.status()),
                Err(400),
                "{body:?}"
            );
        }
        let many = format!(
            "old 1\n{}\n",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n".repeat(64)
        );
        assert!(AddCheckpoint::parse(many.as_bytes()).is_err());
    }

    /// A witness's answer holding more than signature lines (a blank line moves where the
    /// note's text ends) is refused; lines that do not verify are left out when served.
    #[test]
    fn only_cosignatures_of_this_checkpoint_are_kept() {
        let log = LogKey::from_seed([7; 32]);
        let witness = WitnessKey::new("saksi.example/w1", [9; 32]).unwrap();
        let key = KnownKey::parse(&witness.verifier_key()).unwrap();
        let note = String::from_utf8(signed(&log, tree(5))).unwrap();
        let log_key = KnownKey::parse(&log_verifier_key("trenggalek", &log.public())).unwrap();
        let body = checkpoint::verify(note.as_bytes(), &log_key, &[])
            .unwrap()
            .body;
        let line = witness.cosign(&body, 1_790_000_000).unwrap();
        // A cosignature of the whole note (body, blank line, log signature) as its text.
        let other = witness.cosign(note.as_bytes(), 1_790_000_000).unwrap();
        assert!(checkpoint::cosignatures_of(&note, &format!("\n{other}"), &key).is_err());
        assert_eq!(
            checkpoint::cosignatures_of(&note, &line, &key)
                .unwrap()
                .len(),
            1
        );
        let edited = line.replacen('A', "B", 1).replacen("==", "A=", 1);
        let (served, kept) = checkpoint::keep_verified(&note, &[edited, line.clone()], &[key]);
        assert_eq!((served, kept), (format!("{note}{line}"), vec![line]));
    }
}
