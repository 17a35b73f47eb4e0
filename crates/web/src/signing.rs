//! The signing key of the transparency log, kept in a file outside the database, and the
//! task that signs a new tree head within a second of each commit (and once more on
//! shutdown), keeping the latest head of each regency in a file beside the key too.

use std::path::{Path, PathBuf};

use rand::RngCore;
use suara_domain::integrity::signed_head::{LogKey, PublicKey, SignedHead};
use suara_store::{Store, StoreError};
use time::OffsetDateTime;

/// The default key file, relative to the working directory.
pub const DEFAULT_KEY_FILE: &str = "suara-keys/signing-key";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}: not a signing key (64 hexadecimal digits)")]
    Malformed(PathBuf),
}

/// The key and where the latest heads are kept.
pub struct Signer {
    pub key: LogKey,
    /// The folder of the key file: `latest-head-{regency}.txt` lives there.
    pub dir: PathBuf,
}

impl Signer {
    /// Reads the key file, creating it (and its folder, readable by the owner only) with a
    /// fresh random key when it does not exist.
    pub fn load_or_create(path: &Path) -> Result<Signer, KeyError> {
        let io = |source| KeyError::Io {
            path: path.to_path_buf(),
            source,
        };
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let key = match std::fs::read_to_string(path) {
            Ok(text) => LogKey::from_hex(&text).ok_or(KeyError::Malformed(path.to_path_buf()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(&dir).map_err(io)?;
                let mut seed = [0u8; 32];
                rand::rngs::OsRng.fill_bytes(&mut seed);
                let key = LogKey::from_seed(seed);
                match write_private(path, &format!("{}\n", key.to_hex())) {
                    Ok(()) => {}
                    // Another process made it first: use theirs.
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        return Signer::load_or_create(path);
                    }
                    Err(e) => return Err(io(e)),
                }
                std::fs::write(
                    dir.join("public-key.txt"),
                    format!("{}\n", key.public().to_hex()),
                )
                .map_err(io)?;
                key
            }
            Err(e) => return Err(io(e)),
        };
        Ok(Signer { key, dir })
    }

    pub fn public(&self) -> PublicKey {
        self.key.public()
    }

    fn head_file(&self, tenant_id: &str) -> PathBuf {
        self.dir.join(format!("latest-head-{tenant_id}.txt"))
    }

    /// The latest head kept beside the key, checked against it (`None` when there is none).
    pub fn kept_head(&self, tenant_id: &str) -> Result<Option<SignedHead>, String> {
        let path = self.head_file(tenant_id);
        match std::fs::read_to_string(&path) {
            Ok(text) => SignedHead::from_note(&text, &self.public())
                .map(Some)
                .map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Signs every regency's log that grew, and keeps each latest head beside the key.
    pub async fn sign_all(&self, store: &Store) -> Result<(), StoreError> {
        for tenant in store.tenants().await? {
            let id = &tenant.tenant_id;
            let Some(head) = store
                .sign_log(id, &self.key, OffsetDateTime::now_utc())
                .await?
            else {
                continue;
            };
            // Never replace a larger kept head with a smaller one: that is what a rolled-back
            // database would ask for, and what `verify` must still be able to see.
            let kept = self.kept_head(id).ok().flatten();
            if kept.is_none_or(|k| k.head.size < head.head.size) {
                let path = self.head_file(id);
                let temporary = path.with_extension("tmp");
                let written = std::fs::write(&temporary, head.to_note())
                    .and_then(|()| std::fs::rename(&temporary, &path));
                if let Err(error) = written {
                    tracing::error!(%error, path = %path.display(), "keeping the signed head");
                }
            }
        }
        Ok(())
    }
}

/// Writes a new file readable by its owner only, whole or not at all: written under a name of
/// its own, then linked into place, which fails if the file exists (another process made it).
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let temporary = path.with_extension(format!("new-{}", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let written = options
        .open(&temporary)
        .and_then(|mut file| {
            file.write_all(text.as_bytes())
                .and_then(|()| file.sync_all())
        })
        .and_then(|()| std::fs::hard_link(&temporary, path));
    let _ = std::fs::remove_file(&temporary);
    written
}

/// Signs every second while the server runs; the caller signs once more on shutdown.
pub async fn sign_periodically(store: Store, signer: std::sync::Arc<Signer>) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(error) = signer.sign_all(&store).await {
            tracing::warn!(%error, "signing the transparency log");
        }
    }
}
