//! The signing keys of the transparency logs, one per regency, kept in files outside the
//! database, and the task that signs a new tree head within a second of each commit (and
//! once more on shutdown), keeping the latest head of each regency in a file beside its key.
//!
//! `--signing-key FILE` names them: regency CODE's key is `FILE-CODE`, its public half
//! `public-key-CODE.txt` and its latest head `latest-head-CODE.txt`, all in FILE's folder. A
//! regency's key signs nothing of another's, so a key leaked from one regency cannot vouch
//! for another's figures.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rand::RngCore;
use suara_domain::integrity::entry_code::EntryKey;
use suara_domain::integrity::signed_head::{LogKey, LogKind, PublicKey, SignedHead};
use suara_store::{LogSigner, Store, StoreError};
use time::OffsetDateTime;

/// The default key file name, relative to the working directory.
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
    #[error(
        "no signing key for regency {tenant} at {}: make it once with `suara tenant key {tenant}` \
         and copy the key folder to every app server",
        path.display()
    )]
    Missing { tenant: String, path: PathBuf },
    #[error("the head kept beside the key: {0}")]
    KeptHead(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The keys, loaded (or made) on first use, and where they and the latest heads are kept.
pub struct Signer {
    /// `FILE` of `--signing-key FILE`.
    base: PathBuf,
    /// Whether a missing key is made (one server), or refused (servers sharing a database
    /// must all sign a regency's log with the same key, made once and copied).
    make_missing: bool,
    keys: Mutex<HashMap<String, Arc<LogKey>>>,
}

impl Signer {
    /// Keys named after `base` (see the module's documentation); nothing is read yet.
    pub fn new(base: &Path) -> Signer {
        Signer {
            base: base.to_path_buf(),
            make_missing: true,
            keys: Mutex::default(),
        }
    }

    /// Keys named after `base` that must exist already: one missing is an error.
    pub fn existing_only(base: &Path) -> Signer {
        Signer {
            make_missing: false,
            ..Signer::new(base)
        }
    }

    /// A signer whose regency `tenant_id` signs with `key` (tests, benchmarks).
    pub fn with_key(base: &Path, tenant_id: &str, key: LogKey) -> Signer {
        let signer = Signer::new(base);
        signer.cached().insert(tenant_id.to_string(), Arc::new(key));
        signer
    }

    fn cached(&self) -> std::sync::MutexGuard<'_, HashMap<String, Arc<LogKey>>> {
        // A panic elsewhere while holding it left the map as it was: still usable.
        self.keys.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn dir(&self) -> PathBuf {
        self.base
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf()
    }

    /// The file holding regency `tenant_id`'s key.
    pub fn key_file(&self, tenant_id: &str) -> PathBuf {
        let mut name = self.base.as_os_str().to_os_string();
        name.push(format!("-{tenant_id}"));
        PathBuf::from(name)
    }

    /// Regency `tenant_id`'s key, read from its file, which is made (readable by the owner
    /// only) with a fresh random key when it does not exist.
    pub fn key(&self, tenant_id: &str) -> Result<Arc<LogKey>, KeyError> {
        if let Some(key) = self.cached().get(tenant_id) {
            return Ok(key.clone());
        }
        let path = self.key_file(tenant_id);
        let key = match self.read(&path)? {
            Some(key) => key,
            None if self.make_missing => self.create(&path, tenant_id)?,
            None => {
                return Err(KeyError::Missing {
                    tenant: tenant_id.to_string(),
                    path,
                })
            }
        };
        let key = Arc::new(key);
        self.cached().insert(tenant_id.to_string(), key.clone());
        Ok(key)
    }

    /// Regency `tenant_id`'s key if it has one; never makes one (a key `verify` made would
    /// check nothing).
    pub fn existing_key(&self, tenant_id: &str) -> Result<Option<Arc<LogKey>>, KeyError> {
        if let Some(key) = self.cached().get(tenant_id) {
            return Ok(Some(key.clone()));
        }
        Ok(self.read(&self.key_file(tenant_id))?.map(Arc::new))
    }

    fn read(&self, path: &Path) -> Result<Option<LogKey>, KeyError> {
        match std::fs::read_to_string(path) {
            Ok(text) => LogKey::from_hex(&text)
                .map(Some)
                .ok_or(KeyError::Malformed(path.to_path_buf())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(KeyError::Io {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    fn create(&self, path: &Path, tenant_id: &str) -> Result<LogKey, KeyError> {
        let io = |source| KeyError::Io {
            path: path.to_path_buf(),
            source,
        };
        let dir = self.dir();
        std::fs::create_dir_all(&dir).map_err(io)?;
        let mut seed = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut seed);
        let key = LogKey::from_seed(seed);
        match write_private(path, &format!("{}\n", key.to_hex())) {
            Ok(()) => {}
            // Another process made it first: use theirs.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return self
                    .read(path)?
                    .ok_or(KeyError::Malformed(path.to_path_buf()));
            }
            Err(e) => return Err(io(e)),
        }
        std::fs::write(
            dir.join(format!("public-key-{tenant_id}.txt")),
            format!("{}\n", key.public().to_hex()),
        )
        .map_err(io)?;
        Ok(key)
    }

    /// Reads (or makes) the key of every regency there is, so that a server with an
    /// unreadable key folder fails at start rather than at its first signature.
    pub async fn load_all(&self, store: &Store) -> Result<(), KeyError> {
        for tenant in store.tenants().await? {
            self.key(&tenant.tenant_id)?;
        }
        Ok(())
    }

    pub fn public(&self, tenant_id: &str) -> Result<PublicKey, KeyError> {
        Ok(self.key(tenant_id)?.public())
    }

    fn head_file(&self, tenant_id: &str, log: LogKind) -> PathBuf {
        self.dir().join(match log {
            LogKind::Responses => format!("latest-head-{tenant_id}.txt"),
            LogKind::Audit => format!("latest-audit-head-{tenant_id}.txt"),
        })
    }

    /// The latest heads kept beside the key, of the log and of the audit chain, each
    /// checked against `public`.
    pub fn kept_heads(
        &self,
        tenant_id: &str,
        public: &PublicKey,
    ) -> Result<Vec<SignedHead>, String> {
        let mut heads = Vec::new();
        for log in [LogKind::Responses, LogKind::Audit] {
            heads.extend(self.kept_head(tenant_id, log, public)?);
        }
        Ok(heads)
    }

    /// The latest head of `log` kept beside the key, checked against `public` (`None` when
    /// there is none).
    pub fn kept_head(
        &self,
        tenant_id: &str,
        log: LogKind,
        public: &PublicKey,
    ) -> Result<Option<SignedHead>, String> {
        let path = self.head_file(tenant_id, log);
        match std::fs::read_to_string(&path) {
            Ok(text) => match SignedHead::from_note(&text, public) {
                Ok(head) if head.head.log == log => Ok(Some(head)),
                Ok(_) => Err(format!("{}: a head of the other log", path.display())),
                Err(e) => Err(format!("{}: {e}", path.display())),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Regency `tenant_id`'s key with the head kept beside it, which whatever it signs
    /// must extend. A kept head that cannot be read or does not carry the key's signature
    /// is an error: signing past it would drop the one record outside the database.
    pub fn log_signer(&self, tenant_id: &str) -> Result<(Arc<LogKey>, Vec<SignedHead>), KeyError> {
        let key = self.key(tenant_id)?;
        let kept = self
            .kept_heads(tenant_id, &key.public())
            .map_err(KeyError::KeptHead)?;
        Ok((key, kept))
    }

    /// Signs every regency's log that grew, each with its own key, and keeps each latest
    /// head beside the keys. A regency whose log does not extend its last signed head is
    /// not signed (see [`Signer::sign_each`]); the others are. The first error is returned.
    pub async fn sign_all(&self, store: &Store) -> Result<(), KeyError> {
        match self.sign_each(store).await?.into_iter().next() {
            Some((_, error)) => Err(error),
            None => Ok(()),
        }
    }

    /// [`Signer::sign_all`], returning each regency that was not signed with why. A log
    /// that does not extend its last signed head is logged as an error and counted in
    /// `suara_log_signing_refused_total`: both live outside the database.
    pub async fn sign_each(&self, store: &Store) -> Result<Vec<(String, KeyError)>, KeyError> {
        let mut errors = Vec::new();
        for tenant in store.tenants().await? {
            let id = tenant.tenant_id;
            if let Err(error) = self.sign_one(store, &id).await {
                if refuses(&error) {
                    metrics::counter!("suara_log_signing_refused_total", "tenant" => id.clone())
                        .increment(1);
                    tracing::error!(%error, tenant = %id, "the log was rolled back or rewritten");
                }
                errors.push((id, error));
            }
        }
        Ok(errors)
    }

    /// Signs regency `id`'s log and audit chain where they grew, and keeps each new head
    /// beside the key.
    async fn sign_one(&self, store: &Store, id: &str) -> Result<(), KeyError> {
        let (key, kept) = self.log_signer(id)?;
        let signer = LogSigner {
            key: &key,
            outside: kept.clone(),
            witnessed: suara_store::Witnessed::default(),
        };
        let now = OffsetDateTime::now_utc();
        store.begin_entry_codes(id, now).await?;
        let log = store.sign_log(id, &signer, now).await?;
        store.complete_checkpoint(id, &key).await?;
        let audit = store.sign_audit(id, &signer, now).await?;
        for head in log.into_iter().chain(audit) {
            // Never replace a larger kept head with a smaller one: that is what a rolled-back
            // database would ask for, and what `verify` must still be able to see.
            let larger = kept
                .iter()
                .filter(|k| k.head.log == head.head.log)
                .all(|k| k.head.size < head.head.size);
            if larger {
                self.keep(id, &head);
            }
        }
        Ok(())
    }

    fn keep(&self, id: &str, head: &SignedHead) {
        let path = self.head_file(id, head.head.log);
        let temporary = path.with_extension(format!("tmp-{}", std::process::id()));
        let written = std::fs::write(&temporary, head.to_note())
            .and_then(|()| std::fs::rename(&temporary, &path));
        if let Err(error) = written {
            tracing::error!(%error, path = %path.display(), "keeping the signed head");
        }
    }
}

/// Writes a new file readable by its owner only, whole or not at all: written under a name of
/// its own, then linked into place, which fails if the file exists (another process made it).
pub(crate) fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
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

/// New links are authenticated with the regency's key: the server's (made when missing, as
/// it would be to sign), or a command's, which writes without one only where the record
/// carries no codes yet.
impl suara_store::EntryKeys for Signer {
    fn entry_key(&self, tenant_id: &str) -> Result<Option<EntryKey>, String> {
        let key = if self.make_missing {
            self.key(tenant_id).map(Some)
        } else {
            self.existing_key(tenant_id)
        };
        key.map(|key| key.map(|key| EntryKey::of(&key, tenant_id)))
            .map_err(|e| e.to_string())
    }
}

/// Whether `error` is a refusal to sign a log that does not extend its signed head.
pub fn refuses(error: &KeyError) -> bool {
    matches!(error, KeyError::Store(StoreError::NotExtending(_)))
}

/// Signs every second while the server runs; the caller signs once more on shutdown. A
/// regency's refusal is handed to `refused` (regency, why) once, when it begins: its text
/// changes as answers keep arriving, the refusal does not.
pub async fn sign_periodically<F, R>(store: Store, signer: Arc<Signer>, refused: F)
where
    F: Fn(String, String) -> R,
    R: std::future::Future<Output = ()>,
{
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // A failure lasts until someone mends it: say so when it changes, not every second.
    let mut last: HashMap<String, String> = HashMap::new();
    loop {
        tick.tick().await;
        let errors = match signer.sign_each(&store).await {
            Ok(errors) => errors,
            Err(error) => vec![(String::new(), error)],
        };
        let mut now = HashMap::new();
        for (tenant, error) in errors {
            let said = if refuses(&error) {
                "refused".to_string()
            } else {
                error.to_string()
            };
            if last.get(&tenant) != Some(&said) {
                tracing::warn!(%error, tenant = %tenant, "signing the transparency log");
                if refuses(&error) {
                    refused(tenant.clone(), error.to_string()).await;
                }
            }
            now.insert(tenant, said);
        }
        last = now;
    }
}
