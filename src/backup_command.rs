//! Backups of the embedded database, for the day a machine is lost or encrypted by
//! ransomware: `suara backup --to DIR` writes a consistent copy, verifies it, encrypts it to
//! the operators' age recipients (the plaintext never lands in DIR) and keeps the newest N;
//! `suara restore-drill BACKUP` restores one to a scratch place, verifies it against the
//! signed heads kept beside the keys, and reports what a restore would lose.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};
use suara_app::signing::Signer;
use suara_domain::integrity::signed_head::LogKind;
use suara_store::Store;

/// Exit code of a drill whose backup does not verify.
const DOES_NOT_VERIFY: u8 = 3;

/// Encrypted backups in a folder are named `suara-20261208T013000Z.db.age`, so their names
/// sort by age and rotation never touches another file.
const PREFIX: &str = "suara-";
const SUFFIX: &str = ".db.age";

/// Where and to whom `suara backup --to` writes.
pub struct Rotation {
    pub dir: PathBuf,
    pub keep: usize,
    pub recipients: Vec<String>,
    pub recipients_file: Option<PathBuf>,
}

/// A consistent copy of the database at `file`, checked by opening it and verifying every
/// regency's hash chain in it; the chain links verified.
async fn verified_copy(store: &Store, file: &Path) -> anyhow::Result<u64> {
    store.backup_to(file).await?;
    let copy = Store::open(&format!("sqlite://{}", file.display()))
        .await
        .with_context(|| format!("opening the copy {}", file.display()))?;
    let mut links = 0;
    for tenant in copy.tenants().await? {
        let report = copy.verify_chain(&tenant.tenant_id).await?;
        if !report.is_intact() {
            copy.close().await;
            bail!("the copy's chain of {} does not verify", tenant.tenant_id);
        }
        links += report.verified;
    }
    copy.close().await;
    Ok(links)
}

/// `suara backup FILE`: a consistent copy, checked.
pub async fn backup(store: &Store, file: &Path) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let links = verified_copy(store, file).await?;
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    println!(
        "{}: {size} bytes in {:.1} s; {links} chain links verified in the copy",
        file.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// The age recipients given on the command line and in the file (one a line, `#` comments).
fn recipients(rotation: &Rotation) -> anyhow::Result<Vec<age::x25519::Recipient>> {
    let mut lines = rotation.recipients.clone();
    if let Some(file) = &rotation.recipients_file {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("reading the recipients file {}", file.display()))?;
        lines.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_string),
        );
    }
    if lines.is_empty() {
        bail!("a backup in a folder is encrypted: give --recipient age1… or --recipients-file FILE (make a key with `age-keygen -o backup-key.txt`)");
    }
    lines
        .iter()
        .map(|line| {
            line.parse::<age::x25519::Recipient>()
                .map_err(|e| anyhow::anyhow!("recipient {line}: {e}"))
        })
        .collect()
}

/// `suara backup --to DIR`: copied, verified, encrypted, and the oldest beyond `keep`
/// removed.
pub async fn rotate(store: &Store, rotation: &Rotation) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let recipients = recipients(rotation)?;
    if rotation.keep == 0 {
        bail!("--keep must be at least 1");
    }
    std::fs::create_dir_all(&rotation.dir)
        .with_context(|| format!("creating {}", rotation.dir.display()))?;
    // Named by the time, or the next free second when a backup of this second exists (two
    // in a second), so the names keep sorting in the order the backups were made.
    let mut at = time::OffsetDateTime::now_utc();
    let target = loop {
        let stamp = at
            .format(time::macros::format_description!(
                "[year][month][day]T[hour][minute][second]Z"
            ))
            .context("formatting the time")?;
        let target = rotation.dir.join(format!("{PREFIX}{stamp}{SUFFIX}"));
        if !target.exists() {
            break target;
        }
        at += time::Duration::SECOND;
    };
    // The plaintext copy lives in a private folder beside the target, gone on return.
    let scratch = tempfile::Builder::new()
        .prefix(".suara-backup-")
        .tempdir_in(&rotation.dir)
        .context("making a scratch folder")?;
    let plain = scratch.path().join("suara.db");
    let links = verified_copy(store, &plain).await?;
    let partial = scratch.path().join("backup.age");
    encrypt(&plain, &partial, &recipients)?;
    std::fs::rename(&partial, &target)
        .with_context(|| format!("moving the backup to {}", target.display()))?;
    let (removed, kept) = remove_oldest(&rotation.dir, rotation.keep)?;
    let size = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
    println!(
        "{}: {size} bytes, encrypted to {} recipient(s), in {:.1} s; {links} chain links verified; {} older backup(s) removed, {kept} in the folder",
        target.display(),
        recipients.len(),
        started.elapsed().as_secs_f64(),
        removed.len(),
    );
    Ok(ExitCode::SUCCESS)
}

fn encrypt(
    plain: &Path,
    target: &Path,
    recipients: &[age::x25519::Recipient],
) -> anyhow::Result<()> {
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .context("preparing the encryption")?;
    let mut input = std::fs::File::open(plain).context("reading the copy")?;
    let output = std::fs::File::create(target).context("writing the backup")?;
    let mut writer = encryptor.wrap_output(output)?;
    std::io::copy(&mut input, &mut writer).context("encrypting the copy")?;
    let file = writer.finish()?;
    file.sync_all().context("writing the backup to disk")?;
    Ok(())
}

/// Removes the oldest encrypted backups beyond `keep`; returns their names and how many
/// stay.
fn remove_oldest(dir: &Path, keep: usize) -> anyhow::Result<(Vec<String>, usize)> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| name.starts_with(PREFIX) && name.ends_with(SUFFIX))
        .collect();
    names.sort();
    let excess = names.len().saturating_sub(keep);
    let stay = names.len() - excess;
    let old: Vec<String> = names.into_iter().take(excess).collect();
    for name in &old {
        std::fs::remove_file(dir.join(name)).with_context(|| format!("removing {name}"))?;
    }
    Ok((old, stay))
}

/// What `suara restore-drill` is given.
pub struct Drill {
    pub backup: PathBuf,
    pub identity: Option<PathBuf>,
    pub live: Option<String>,
    pub signing_key: PathBuf,
}

/// The backup as a plain SQLite file in `scratch`: decrypted when it is an age file.
fn restored(drill: &Drill, scratch: &Path) -> anyhow::Result<PathBuf> {
    let target = scratch.join("suara.db");
    let mut input = BufReader::new(
        std::fs::File::open(&drill.backup)
            .with_context(|| format!("reading {}", drill.backup.display()))?,
    );
    let mut output = std::fs::File::create(&target)?;
    // An age file says so in its first bytes; looked at without reading past them.
    if input.fill_buf()?.starts_with(b"age-encryption.org/") {
        let Some(identity) = &drill.identity else {
            bail!(
                "{} is encrypted: give --identity FILE (the age key it was encrypted to)",
                drill.backup.display()
            );
        };
        let identities = age::IdentityFile::from_file(identity.display().to_string())
            .with_context(|| format!("reading the identity {}", identity.display()))?
            .into_identities()
            .map_err(|e| anyhow::anyhow!("the identity {}: {e}", identity.display()))?;
        let decryptor = age::Decryptor::new(input).map_err(|e| {
            anyhow::anyhow!("{} is not a readable age file: {e}", drill.backup.display())
        })?;
        let mut reader = decryptor
            .decrypt(identities.iter().map(|i| i.as_ref() as &dyn age::Identity))
            .map_err(|e| anyhow::anyhow!("decrypting {}: {e}", drill.backup.display()))?;
        std::io::copy(&mut reader, &mut output)
            .with_context(|| format!("decrypting {} (damaged?)", drill.backup.display()))?;
    } else {
        std::io::copy(&mut input, &mut output)?;
    }
    output.sync_all()?;
    let mut head = [0u8; 16];
    let read = std::io::Read::read(&mut std::fs::File::open(&target)?, &mut head)?;
    if &head[..read] != b"SQLite format 3\0" {
        bail!(
            "{} holds no SQLite database (nor an age file that decrypts to one)",
            drill.backup.display()
        );
    }
    Ok(target)
}

/// `suara restore-drill BACKUP`: restored to a scratch folder, verified with the key, held
/// to the heads kept beside it; what a restore would lose, in responses and audit entries.
pub async fn restore_drill(drill: &Drill) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let scratch = tempfile::tempdir().context("making a scratch folder")?;
    let file = restored(drill, scratch.path())?;
    let store = Store::open(&format!("sqlite://{}", file.display()))
        .await
        .context("opening the restored copy (not a suara database?)")?;
    let outcome = check_every_regency(&store, drill).await;
    store.close().await;
    let broken = outcome?;
    println!(
        "restored to a scratch folder, verified and compared in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(match broken {
        true => ExitCode::from(DOES_NOT_VERIFY),
        false => ExitCode::SUCCESS,
    })
}

/// Each regency of the restored copy verified; `true` when one does not.
async fn check_every_regency(store: &Store, drill: &Drill) -> anyhow::Result<bool> {
    let live = match &drill.live {
        Some(url) => Some(
            Store::open(url)
                .await
                .with_context(|| format!("opening the live database {url}"))?,
        ),
        None => None,
    };
    let signer = Signer::new(&drill.signing_key);
    let mut broken = false;
    for tenant in store.tenants().await? {
        let id = &tenant.tenant_id;
        let key = signer.existing_key(id)?;
        let kept = match key.as_ref() {
            Some(key) => signer.kept_heads(id, &key.public()).map_err(|problem| {
                anyhow::anyhow!("{id}: the heads kept beside the key: {problem}")
            })?,
            None => {
                println!("{id}: no signing key at {} (give the server's with --signing-key FILE): signatures unchecked", signer.key_file(id).display());
                Vec::new()
            }
        };
        // The copy on its own: every link, signature and entry code.
        let report = store.verify(id, key.as_deref(), &[]).await?;
        println!(
            "{id}: {} responses and {} audit entries in the backup; newest signed head {}",
            report.chain.verified, report.audit.verified, report.chain.head
        );
        if let Some(problem) = &report.problem {
            println!("{id}: DOES NOT VERIFY: {problem}");
            broken = true;
            continue;
        }
        // Held to what was signed since: the heads kept outside the database.
        let held = [
            (LogKind::Responses, report.chain.verified),
            (LogKind::Audit, report.audit.verified),
        ];
        let mut behind = false;
        for (log, in_backup) in held {
            if let Some(head) = kept
                .iter()
                .filter(|h| h.head.log == log)
                .map(|h| &h.head)
                .max_by_key(|h| h.size)
            {
                if head.size > in_backup {
                    behind = true;
                    println!(
                        "{id}: a restore would lose {} {} signed after this backup (the head kept beside the key covers {})",
                        head.size - in_backup,
                        if log == LogKind::Audit { "audit entries" } else { "responses" },
                        head.size
                    );
                }
            }
        }
        if kept.is_empty() {
            println!("{id}: no heads kept beside the key to hold the backup to");
        } else if !behind {
            let held = store.verify(id, key.as_deref(), &kept).await?;
            if let Some(problem) = held.problem {
                println!("{id}: DOES NOT MATCH the heads kept beside the key: {problem}");
                broken = true;
                continue;
            }
            println!("{id}: matches the heads kept beside the key");
        }
        if let Some(live) = &live {
            let (responses, audit) = live.counts(id).await?;
            println!(
                "{id}: the live database holds {} responses and {} audit entries the backup does not",
                responses.saturating_sub(report.chain.verified),
                audit.saturating_sub(report.audit.verified)
            );
        }
    }
    if let Some(live) = live {
        live.close().await;
    }
    Ok(broken)
}
