//! `suara monitor`: follows a regency's log from outside, as a citizen, journalist or the
//! province would. Each check fetches the checkpoint, verifies the log's signature and the
//! witnesses' cosignatures, fetches every entry added since the last check and recomputes
//! the tree: its root must be the checkpoint's. The last verified tree's edge is kept in a
//! state file, so a log that was rolled back, rewritten or forked since is reported, even
//! if each of its checkpoints is validly signed.

use std::path::Path;

use suara_domain::integrity::chain::Digest32;
use suara_domain::integrity::checkpoint::{self, KnownKey, Verified};
use suara_domain::integrity::merkle::{leaf_hash, Frontier, TILE_WIDTH};

/// What a check found wrong with the log: the exit status says misbehaviour, not an outage.
#[derive(Debug, thiserror::Error)]
pub enum MonitorError {
    #[error("the log misbehaves: {0}")]
    Misbehaves(String),
    #[error("could not check the log: {0}")]
    Unreachable(String),
    /// Its checkpoint lacks the cosignatures asked for: not yet, or the witnesses refuse.
    #[error("the log's checkpoint is not cosigned by enough witnesses yet: {0}")]
    NotWitnessed(String),
    #[error("the state file {0}")]
    State(String),
}

/// The last verified tree: its origin, size, root, and the edge to extend it from.
pub struct MonitorState {
    pub origin: String,
    pub frontier: Frontier,
    pub root: Digest32,
}

const STATE_TITLE: &str = "suara monitor v1";

impl MonitorState {
    pub fn read(path: &Path) -> Result<Option<MonitorState>, MonitorError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(MonitorError::State(format!("{}: {e}", path.display()))),
        };
        let bad = || MonitorError::State(format!("{}: not a monitor's state", path.display()));
        let mut lines = text.lines();
        if lines.next() != Some(STATE_TITLE) {
            return Err(bad());
        }
        let origin = lines.next().ok_or_else(bad)?.to_string();
        let size = lines
            .next()
            .and_then(|l| l.parse::<u64>().ok())
            .ok_or_else(bad)?;
        let root = lines.next().and_then(Digest32::from_hex).ok_or_else(bad)?;
        let edge = lines
            .map(|l| {
                let (height, hash) = l.split_once(' ')?;
                Some((height.parse().ok()?, Digest32::from_hex(hash)?))
            })
            .collect::<Option<Vec<_>>>()
            .ok_or_else(bad)?;
        let frontier = Frontier::resume(size, edge).ok_or_else(bad)?;
        Ok(Some(MonitorState {
            origin,
            frontier,
            root,
        }))
    }

    pub fn write(&self, path: &Path) -> Result<(), MonitorError> {
        let mut text = format!(
            "{STATE_TITLE}\n{}\n{}\n{}\n",
            self.origin,
            self.frontier.size(),
            self.root
        );
        for (height, hash) in self.frontier.edge() {
            text.push_str(&format!("{height} {hash}\n"));
        }
        let temporary = path.with_extension("new");
        std::fs::write(&temporary, text)
            .and_then(|()| std::fs::rename(&temporary, path))
            .map_err(|e| MonitorError::State(format!("{}: {e}", path.display())))
    }
}

/// What to check against: the log's key, the witnesses' keys and how many must cosign.
pub struct Trust {
    log: KnownKey,
    witnesses: Vec<KnownKey>,
    quorum: usize,
}

impl Trust {
    /// Refuses a witness key that is a log's, and a quorum larger than the witnesses named.
    pub fn new(
        log: KnownKey,
        witnesses: Vec<KnownKey>,
        quorum: usize,
    ) -> Result<Trust, MonitorError> {
        if log.is_witness() {
            return Err(MonitorError::State(format!(
                "--log-key {}: a witness's key, not a log's",
                log.name()
            )));
        }
        if let Some(k) = witnesses.iter().find(|k| !k.is_witness()) {
            return Err(MonitorError::State(format!(
                "--witness-key {}: a log's key, not a witness's",
                k.name()
            )));
        }
        if quorum > witnesses.len() {
            return Err(MonitorError::State(format!(
                "--quorum {quorum}, but {} witness keys are given",
                witnesses.len()
            )));
        }
        Ok(Trust {
            log,
            witnesses,
            quorum,
        })
    }
}

/// One check of the log at `prefix` (`https://HOST/log/CODE`) from `state`; the new state
/// and the checkpoint verified.
pub async fn check(
    client: &reqwest::Client,
    prefix: &str,
    trust: &Trust,
    state: Option<MonitorState>,
) -> Result<(MonitorState, Verified), MonitorError> {
    let prefix = prefix.trim_end_matches('/');
    let note = get(client, &format!("{prefix}/checkpoint")).await?;
    let misbehaves = |why: String| MonitorError::Misbehaves(why);
    let verified = checkpoint::verify(&note, &trust.log, &trust.witnesses)
        .map_err(|e| misbehaves(e.to_string()))?
        .require(trust.quorum)
        .map_err(|e| MonitorError::NotWitnessed(e.to_string()))?;
    let mut frontier = match state {
        Some(state) => {
            if state.origin != verified.origin {
                return Err(MonitorError::State(format!(
                    "is for the log {}, not {}",
                    state.origin, verified.origin
                )));
            }
            let seen = state.frontier.size();
            if verified.size < seen {
                return Err(misbehaves(format!(
                    "its checkpoint covers {} entries, but {seen} were verified before: it was rolled back",
                    verified.size
                )));
            }
            state.frontier
        }
        None => Frontier::default(),
    };
    let seen = frontier.size();
    let mut next = seen;
    while next < verified.size {
        let bundle = next / TILE_WIDTH;
        let start = bundle * TILE_WIDTH;
        let width = (verified.size - start).min(TILE_WIDTH);
        let path = bundle_path(bundle, width);
        let bytes = get(client, &format!("{prefix}/tile/entries/{path}")).await?;
        let entries = split_bundle(&bytes)
            .filter(|e| e.len() as u64 == width)
            .ok_or_else(|| misbehaves(format!("entry bundle {path} is malformed")))?;
        for entry in &entries[(next - start) as usize..] {
            frontier.push(leaf_hash(entry));
        }
        next = start + width;
    }
    if frontier.root() != verified.root {
        return Err(misbehaves(if seen == 0 {
            format!(
                "its entries do not make the root its checkpoint of {} entries signs",
                verified.size
            )
        } else {
            format!(
                "its checkpoint of {} entries does not extend the {seen} entries verified before: history was rewritten",
                verified.size
            )
        }));
    }
    Ok((
        MonitorState {
            origin: verified.origin.clone(),
            frontier,
            root: verified.root,
        },
        verified,
    ))
}

/// `<N>[.p/<W>]` of `c2sp.org/tlog-tiles`.
fn bundle_path(index: u64, width: u64) -> String {
    let mut groups = vec![format!("{:03}", index % 1000)];
    let mut rest = index / 1000;
    while rest > 0 {
        groups.push(format!("x{:03}", rest % 1000));
        rest /= 1000;
    }
    groups.reverse();
    let mut path = groups.join("/");
    if width < TILE_WIDTH {
        path.push_str(&format!(".p/{width}"));
    }
    path
}

/// Entries of a bundle: each after its length in two big-endian bytes.
fn split_bundle(mut bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let mut entries = Vec::new();
    while !bytes.is_empty() {
        let (length, rest) = bytes.split_first_chunk::<2>()?;
        let length = usize::from(u16::from_be_bytes(*length));
        entries.push(rest.get(..length)?);
        bytes = &rest[length..];
    }
    Some(entries)
}

/// The HTTP client a monitor checks with: no redirects (only the address given is read).
pub fn client() -> Result<reqwest::Client, MonitorError> {
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| MonitorError::Unreachable(e.to_string()))
}

async fn get(client: &reqwest::Client, url: &str) -> Result<Vec<u8>, MonitorError> {
    let unreachable = |e: String| MonitorError::Unreachable(format!("{url}: {e}"));
    let answer = client
        .get(url)
        .send()
        .await
        .map_err(|e| unreachable(e.to_string()))?;
    if !answer.status().is_success() {
        return Err(unreachable(format!("answered {}", answer.status())));
    }
    Ok(answer
        .bytes()
        .await
        .map_err(|e| unreachable(e.to_string()))?
        .to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundle_paths_and_bundles_read_as_the_specification_writes_them() {
        assert_eq!(bundle_path(1_234_067, 256), "x001/x234/067");
        assert_eq!(bundle_path(0, 5), "000.p/5");
        let bundle = [0u8, 2, 7, 8, 0, 0, 0, 1, 9];
        assert_eq!(
            split_bundle(&bundle),
            Some(vec![&[7u8, 8][..], &[][..], &[9][..]])
        );
        assert_eq!(split_bundle(&[0, 3, 1]), None);
    }

    #[test]
    fn the_state_file_round_trips_and_refuses_a_broken_edge() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state");
        let mut frontier = Frontier::default();
        for i in 0u64..11 {
            frontier.push(leaf_hash(&i.to_be_bytes()));
        }
        let root = frontier.root();
        MonitorState {
            origin: "suara/t1".into(),
            frontier,
            root,
        }
        .write(&path)
        .unwrap();
        let read = MonitorState::read(&path).unwrap().unwrap();
        assert_eq!(
            (read.frontier.size(), read.frontier.root(), read.root),
            (11, root, root)
        );
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace("\n11\n", "\n12\n");
        std::fs::write(&path, text).unwrap();
        assert!(MonitorState::read(&path).is_err());
    }
}
