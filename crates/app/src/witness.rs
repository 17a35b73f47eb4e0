//! A witness (`c2sp.org/tlog-witness`) as `suara witness serve` runs it: for each log it
//! follows, the newest checkpoint it cosigned is kept in a file of its own, written and
//! flushed to disk before the cosignature is answered, and every request is decided under
//! one lock, so two requests cannot both pass the check against the same old size.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use base64::prelude::{Engine, BASE64_STANDARD};
use rand::RngCore;
use sha2::{Digest, Sha256};
use suara_domain::integrity::chain::Digest32;
use suara_domain::integrity::checkpoint::{KnownKey, WitnessKey};
use suara_domain::integrity::witness::{self, AddCheckpoint, Refusal, Seen};

#[derive(Debug, thiserror::Error)]
pub enum WitnessError {
    #[error(transparent)]
    Refused(#[from] Refusal),
    #[error("{0}")]
    Setup(String),
    #[error("keeping the cosigned checkpoint: {0}")]
    Io(#[from] std::io::Error),
}

/// The witness's key from `path` (64 hexadecimal digits), made there when missing.
pub fn key(path: &Path, name: &str) -> Result<WitnessKey, WitnessError> {
    let setup = |e: String| WitnessError::Setup(format!("{}: {e}", path.display()));
    let seed = match std::fs::read_to_string(path) {
        Ok(text) => {
            Digest32::from_hex(text.trim())
                .ok_or_else(|| setup("not a key (64 hexadecimal digits)".into()))?
                .0
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut seed = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut seed);
            crate::signing::write_private(path, &format!("{}\n", Digest32(seed).to_hex()))
                .map_err(|e| setup(e.to_string()))?;
            seed
        }
        Err(e) => return Err(setup(e.to_string())),
    };
    WitnessKey::new(name, seed).map_err(|e| WitnessError::Setup(e.to_string()))
}

pub struct WitnessService {
    key: WitnessKey,
    logs: Vec<KnownKey>,
    dir: PathBuf,
    /// Held while the process runs: a second witness on the same folder is refused.
    _lock: File,
    decide: tokio::sync::Mutex<()>,
}

impl WitnessService {
    /// A witness keeping its state in `dir` (made when missing) for the logs whose verifier
    /// keys are `logs`.
    pub fn open(
        dir: &Path,
        key: WitnessKey,
        logs: &[String],
    ) -> Result<WitnessService, WitnessError> {
        let logs = logs
            .iter()
            .map(|k| KnownKey::parse(k).map_err(|e| WitnessError::Setup(e.to_string())))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(k) = logs.iter().find(|k| k.is_witness()) {
            return Err(WitnessError::Setup(format!(
                "{}: a witness's key, not a log's",
                k.name()
            )));
        }
        std::fs::create_dir_all(dir)?;
        let lock = File::create(dir.join("lock"))?;
        lock.try_lock().map_err(|_| {
            WitnessError::Setup(format!(
                "{}: another witness keeps its state here",
                dir.display()
            ))
        })?;
        Ok(WitnessService {
            key,
            logs,
            dir: dir.to_path_buf(),
            _lock: lock,
            decide: tokio::sync::Mutex::new(()),
        })
    }

    pub fn verifier_key(&self) -> String {
        self.key.verifier_key()
    }

    /// Decides an `add-checkpoint` request; on success the cosignature lines to answer.
    pub async fn add_checkpoint(&self, body: &[u8], now_secs: u64) -> Result<String, WitnessError> {
        let request = AddCheckpoint::parse(body)?;
        let origin = request.origin()?;
        let log = self
            .logs
            .iter()
            .find(|k| k.name() == origin)
            .ok_or_else(|| Refusal::UnknownLog(origin.clone()))?;
        let _decided = self.decide.lock().await;
        let path = self.dir.join(state_name(&origin));
        let seen = read_seen(&path)?;
        let verified = witness::check(&request, log, seen)?;
        write_seen(
            &path,
            Seen {
                size: verified.size,
                root: verified.root,
            },
        )?;
        self.key
            .cosign(&verified.body, now_secs)
            .map_err(|e| WitnessError::Setup(e.to_string()))
    }
}

/// One file per log, named by its origin's hash (an origin may hold any character).
fn state_name(origin: &str) -> String {
    Digest32(Sha256::digest(origin.as_bytes()).into()).to_hex()
}

fn read_seen(path: &Path) -> Result<Option<Seen>, WitnessError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let mut lines = text.lines();
    let size = lines.next().and_then(|l| l.parse::<u64>().ok());
    let root = lines
        .next()
        .and_then(|l| BASE64_STANDARD.decode(l).ok())
        .and_then(|b| <[u8; 32]>::try_from(b).ok());
    match (size, root) {
        (Some(size), Some(root)) => Ok(Some(Seen {
            size,
            root: Digest32(root),
        })),
        _ => Err(WitnessError::Setup(format!(
            "{}: not a witness's state",
            path.display()
        ))),
    }
}

/// Written under another name, flushed, renamed into place, and the folder flushed: a
/// cosignature is answered only for a state that survives a crash.
fn write_seen(path: &Path, seen: Seen) -> std::io::Result<()> {
    let temporary = path.with_extension("new");
    let mut file = File::create(&temporary)?;
    file.write_all(format!("{}\n{}\n", seen.size, BASE64_STANDARD.encode(seen.root.0)).as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&temporary, path)?;
    if let Some(dir) = path.parent() {
        File::open(dir)?.sync_all()?;
    }
    Ok(())
}
