//! `suara serve`: its options, from the command line or a TOML file (`--config FILE`; an
//! option on the command line wins over the file, the file over the default), and the
//! server's start.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use serde::Deserialize;
use suara_app::signing::Signer;
use suara_app::sso::SsoConfig;
use suara_store::{Backend, Store, DEFAULT_DATABASE_URL};
use suara_web::AppState;

use crate::demo;

const DEFAULT_ADDR: &str = "127.0.0.1:8080";

#[derive(clap::Args)]
pub struct Args {
    /// A TOML file with any of the options below (same names, `-` written `_`), as
    /// packaged in /etc/suara/suara.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long)]
    addr: Option<SocketAddr>,
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DB [default: an SQLite file
    /// under ./suara-data/].
    #[arg(long)]
    database: Option<String>,
    /// Fill an empty database with a demo regency (Kabupaten Trenggalek).
    #[arg(long)]
    demo: bool,
    /// Regency (tenant) code served on addresses that no regency's host name claims.
    #[arg(long)]
    tenant: Option<String>,
    /// Public address printed on tickets and QR posters on addresses no regency's host
    /// name claims, e.g. https://suara.example.go.id; its scheme is used for regencies'
    /// host names too.
    #[arg(long)]
    public_url: Option<String>,
    /// Behind your own reverse proxy: take client addresses from X-Forwarded-For.
    #[arg(long)]
    trust_proxy: bool,
    /// The transparency logs' signing keys, kept outside the database: regency CODE's key
    /// is FILE-CODE, made on first start [default: suara-keys/signing-key].
    #[arg(long, env = "SUARA_SIGNING_KEY")]
    signing_key: Option<PathBuf>,
    /// Log lines as text (for a terminal) or JSON (one object per line, for collectors).
    #[arg(long, value_enum)]
    log_format: Option<LogFormat>,
    /// Send alerts by e-mail through this SMTP relay, smtp://HOST[:PORT] (off when unset).
    #[arg(long)]
    smtp: Option<String>,
    /// The sender of alerts, e.g. "suara <suara@trenggalekkab.go.id>" (needed with --smtp).
    #[arg(long)]
    mail_from: Option<String>,
    /// The documentation book's folder (`mdbook build docs`), served at /panduan/ [default:
    /// /usr/share/doc/suara/book or ./docs/book, the first that holds a built book].
    #[arg(long)]
    book: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// The configuration file: every option of [`Args`] but `config`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    addr: Option<SocketAddr>,
    database: Option<String>,
    demo: Option<bool>,
    tenant: Option<String>,
    public_url: Option<String>,
    trust_proxy: Option<bool>,
    signing_key: Option<PathBuf>,
    log_format: Option<LogFormat>,
    smtp: Option<String>,
    mail_from: Option<String>,
    book: Option<PathBuf>,
    /// `[sso.CODE]`: regency CODE's staff sign in through its identity provider (file only).
    #[serde(default)]
    sso: BTreeMap<String, SsoConfig>,
    /// `[[witnesses]]`: the witnesses asked to cosign every regency's checkpoints (file only).
    #[serde(default)]
    witnesses: Vec<WitnessConfig>,
    /// How many of them must cosign before receipts point to a checkpoint [default: 1 when
    /// witnesses are named] (file only).
    witness_quorum: Option<usize>,
}

/// A witness (`c2sp.org/tlog-witness`): where its `add-checkpoint` is, and its key as it
/// prints it (`suara witness key`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WitnessConfig {
    pub url: String,
    pub key: String,
}

/// The options in force.
#[derive(Debug, PartialEq)]
pub struct Options {
    pub addr: SocketAddr,
    pub database: String,
    pub demo: bool,
    pub tenant: Option<String>,
    pub public_url: Option<String>,
    pub trust_proxy: bool,
    pub signing_key: PathBuf,
    pub log_format: LogFormat,
    pub smtp: Option<String>,
    pub mail_from: Option<String>,
    pub book: Option<PathBuf>,
    pub sso: BTreeMap<String, SsoConfig>,
    pub witnesses: Vec<WitnessConfig>,
    pub witness_quorum: Option<usize>,
}

impl Args {
    /// The command line over the file over the defaults.
    pub fn options(self) -> anyhow::Result<Options> {
        let file = match &self.config {
            Some(path) => read_file(path)?,
            None => File::default(),
        };
        Ok(Options {
            addr: match self.addr.or(file.addr) {
                Some(addr) => addr,
                None => DEFAULT_ADDR.parse()?,
            },
            database: self
                .database
                .or(file.database)
                .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string()),
            demo: self.demo || file.demo.unwrap_or(false),
            tenant: self.tenant.or(file.tenant),
            public_url: self.public_url.or(file.public_url),
            trust_proxy: self.trust_proxy || file.trust_proxy.unwrap_or(false),
            signing_key: self
                .signing_key
                .or(file.signing_key)
                .unwrap_or_else(|| suara_app::signing::DEFAULT_KEY_FILE.into()),
            log_format: self.log_format.or(file.log_format).unwrap_or_default(),
            smtp: self.smtp.or(file.smtp),
            mail_from: self.mail_from.or(file.mail_from),
            book: self.book.or(file.book),
            sso: file.sso,
            witnesses: file.witnesses,
            witness_quorum: file.witness_quorum,
        })
    }
}

fn read_file(path: &Path) -> anyhow::Result<File> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the configuration {}", path.display()))?;
    toml::from_str(&text).with_context(|| format!("{}: not a suara configuration", path.display()))
}

/// Each `[sso.CODE]` checked (its regency exists, its settings hold) before serving.
async fn providers(
    store: &Store,
    settings: BTreeMap<String, SsoConfig>,
) -> anyhow::Result<suara_app::sso::Providers> {
    let mut providers = suara_app::sso::Providers::new();
    // Groups at one provider do not say which regency they are for: a provider serves one.
    let mut issuers = std::collections::BTreeSet::new();
    for (code, config) in settings {
        if !issuers.insert(config.issuer.clone()) {
            anyhow::bail!(
                "[sso.{code}]: issuer {} serves another regency here too; its groups would \
                 give roles in both (give each regency a provider, or a realm, of its own)",
                config.issuer
            );
        }
        if store.tenant(&code).await?.is_none() {
            anyhow::bail!("[sso.{code}]: no regency has the code {code} (see `suara tenant add`)");
        }
        let sso = suara_app::sso::Sso::new(config).with_context(|| format!("[sso.{code}]"))?;
        providers.insert(code, Arc::new(sso));
    }
    Ok(providers)
}

/// Where the packaged book is installed, then where `mdbook build docs` writes it.
const BOOK_FOLDERS: [&str; 2] = ["/usr/share/doc/suara/book", "docs/book"];

/// The book's folder: the one given, which must hold a built book, or the first default
/// that does; none is fine (the pages then link to no chapter).
fn book_folder(given: Option<PathBuf>) -> anyhow::Result<Option<PathBuf>> {
    let built = |dir: &Path| dir.join("index.html").is_file();
    match given {
        Some(dir) if built(&dir) => Ok(Some(dir)),
        Some(dir) => anyhow::bail!(
            "--book {}: no built book there (run `mdbook build docs`, or leave --book out)",
            dir.display()
        ),
        None => Ok(BOOK_FOLDERS
            .iter()
            .map(PathBuf::from)
            .find(|dir| built(dir))),
    }
}

fn start_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let logger = tracing_subscriber::fmt().with_env_filter(filter);
    match format {
        LogFormat::Text => logger.init(),
        LogFormat::Json => logger.json().flatten_event(true).init(),
    }
}

pub fn serve(options: Options) -> anyhow::Result<()> {
    start_logging(options.log_format);
    let Options {
        addr,
        database,
        demo,
        tenant,
        public_url,
        trust_proxy,
        signing_key,
        log_format: _,
        smtp,
        mail_from,
        book,
        sso,
        witnesses,
        witness_quorum,
    } = options;
    let witnesses = suara_app::witnessing::Witnesses::new(
        witnesses.into_iter().map(|w| (w.url, w.key)).collect(),
        witness_quorum,
    )
    .map_err(|e| anyhow::anyhow!("[[witnesses]]: {e}"))?;
    let book = book_folder(book)?;
    match &book {
        Some(dir) => tracing::info!(book = %dir.display(), "serving the book at /panduan/"),
        None => tracing::info!("no built book found: /panduan/ is not served"),
    }
    let mailer = match (smtp, mail_from) {
        (Some(smtp), Some(from)) => Some(Arc::new(suara_web::alerts::Mailer::new(&smtp, &from)?)),
        (Some(_), None) => anyhow::bail!("--smtp needs --mail-from, the address alerts come from"),
        (None, _) => None,
    };
    // Tickets and posters print this server's address; from the Host header anyone could
    // make them point elsewhere, so a server others can reach must be told its address.
    if !addr.ip().is_loopback() && public_url.is_none() {
        anyhow::bail!(
            "listening on {addr}, which other machines can reach: give the address people use, \
             e.g. --public-url https://suara.trenggalekkab.go.id"
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let store = Store::open(&database)
            .await
            .with_context(|| format!("opening database {database}"))?;
        // Servers sharing a PostgreSQL database must sign with the same keys: none makes
        // one of its own (the demo makes its one regency's).
        let signer = Arc::new(if store.backend() == Backend::Postgres && !demo {
            Signer::existing_only(&signing_key)
        } else {
            Signer::new(&signing_key)
        });
        store.set_entry_keys(signer.clone());
        if demo {
            let key = signer.key(demo::TENANT_ID)?;
            demo::fill_if_empty(&store, &key)
                .await
                .context("filling the demo regency")?;
        }
        signer.load_all(&store).await?;
        let sso = providers(&store, sso).await?;
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("listening on {addr}"))?;
        let local = listener.local_addr()?;
        // Listening for a stop before saying so: one right after is a clean one.
        let shutdown = suara_web::shutdown_signal();
        tracing::info!(addr = %local, database = store.backend().name(), "serving");
        println!(
            "suara is serving on http://{local}/ ({} at {database}); press Ctrl-C to stop",
            store.backend().name()
        );
        let state = Arc::new(AppState {
            store: store.clone(),
            default_tenant: tenant,
            public_url,
            trust_proxy,
            signer,
            effect_cells: Default::default(),
            hosts: Default::default(),
            draining: Default::default(),
            mailer,
            sso,
            book,
            witnesses: Arc::new(witnesses),
        });
        suara_web::serve_with(listener, state, suara_web::Limits::default(), shutdown).await?;
        store.close().await;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: Args,
    }

    fn options(args: &[&str]) -> anyhow::Result<Options> {
        Cli::try_parse_from(std::iter::once("serve").chain(args.iter().copied()))?
            .args
            .options()
    }

    #[test]
    fn the_command_line_wins_over_the_file_and_the_file_over_the_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("suara.toml");
        std::fs::write(
            &file,
            "addr = \"127.0.0.1:9000\"\ndatabase = \"sqlite:///var/lib/suara/suara.db\"\n\
             trust_proxy = true\nsigning_key = \"/etc/suara/keys/signing-key\"\nlog_format = \"json\"\n",
        )
        .unwrap();
        let path = file.to_str().unwrap();
        let from_file = options(&["--config", path]).unwrap();
        assert_eq!(from_file.addr, "127.0.0.1:9000".parse().unwrap());
        assert_eq!(from_file.database, "sqlite:///var/lib/suara/suara.db");
        assert!(from_file.trust_proxy && !from_file.demo);
        assert_eq!(from_file.log_format, LogFormat::Json);
        let over = options(&["--config", path, "--addr", "127.0.0.1:9001", "--demo"]).unwrap();
        assert_eq!(over.addr, "127.0.0.1:9001".parse().unwrap());
        assert!(over.demo);
        assert_eq!(
            over.signing_key,
            PathBuf::from("/etc/suara/keys/signing-key")
        );
        let defaults = options(&[]).unwrap();
        assert_eq!(defaults.addr, DEFAULT_ADDR.parse().unwrap());
        assert_eq!(defaults.database, DEFAULT_DATABASE_URL);
    }

    #[test]
    fn single_sign_on_is_set_per_regency_in_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("suara.toml");
        std::fs::write(
            &file,
            "[sso.trenggalek]\nissuer = \"https://sso.example.go.id\"\nclient_id = \"suara\"\n\
             client_secret = \"s\"\nlabel = \"Akun Pemkab\"\n\
             [sso.trenggalek.roles]\n\"suara-bkpsdm\" = \"hr\"\n",
        )
        .unwrap();
        let read = options(&["--config", file.to_str().unwrap()]).unwrap();
        let sso = &read.sso["trenggalek"];
        assert_eq!(sso.role_claim, "groups");
        assert_eq!(sso.roles["suara-bkpsdm"], "hr");
        std::fs::write(
            &file,
            "[sso.trenggalek]\nissuer = \"x\"\nclient_idd = \"suara\"\n",
        )
        .unwrap();
        let error = options(&["--config", file.to_str().unwrap()]).unwrap_err();
        assert!(format!("{error:#}").contains("client_idd"), "{error:#}");
    }

    #[test]
    fn a_misspelt_option_in_the_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("suara.toml");
        std::fs::write(&file, "adress = \"127.0.0.1:9000\"\n").unwrap();
        let error = options(&["--config", file.to_str().unwrap()]).unwrap_err();
        assert!(format!("{error:#}").contains("adress"), "{error:#}");
    }
}
