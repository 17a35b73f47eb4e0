//! `suara witness` and `suara monitor`: watching a regency's log from outside its server.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::Subcommand;
use suara_app::monitor::{self, MonitorError, MonitorState, Trust};
use suara_app::witness::WitnessService;
use suara_domain::integrity::checkpoint::KnownKey;

#[derive(Subcommand)]
pub enum WitnessCommand {
    /// Run a witness (c2sp.org/tlog-witness): cosign each checkpoint of the logs named with
    /// --log that extends the last one it cosigned, and refuse any that does not.
    Serve {
        /// Where to listen, e.g. 127.0.0.1:7380 (behind the machine's TLS proxy).
        #[arg(long)]
        listen: SocketAddr,
        /// The witness's key file (made when missing; keep it, and back it up).
        #[arg(long)]
        key: PathBuf,
        /// The witness's name, a schema-less URL such as saksi.jatimprov.go.id/suara.
        #[arg(long)]
        name: String,
        /// Where the newest cosigned checkpoint of each log is kept.
        #[arg(long)]
        state: PathBuf,
        /// A log to witness: its verifier key, as `suara tenant key` prints it (repeat).
        #[arg(long = "log", required = true)]
        logs: Vec<String>,
    },
    /// Print the witness's verifier key (making the key file when missing), for the logs'
    /// [[witnesses]] settings.
    Key {
        #[arg(long)]
        key: PathBuf,
        #[arg(long)]
        name: String,
    },
}

pub fn witness(command: WitnessCommand) -> ExitCode {
    let done = match command {
        WitnessCommand::Key { key, name } => suara_app::witness::key(&key, &name)
            .map(|key| println!("{}", key.verifier_key()))
            .map_err(anyhow::Error::from),
        WitnessCommand::Serve {
            listen,
            key,
            name,
            state,
            logs,
        } => serve(listen, &key, &name, &state, &logs),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn serve(
    listen: SocketAddr,
    key: &Path,
    name: &str,
    state: &Path,
    logs: &[String],
) -> anyhow::Result<()> {
    let key = suara_app::witness::key(key, name)?;
    let service = Arc::new(WitnessService::open(state, key, logs)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("listening on {listen}"))?;
        println!(
            "witness {} is serving on http://{}/add-checkpoint for {} logs",
            service.verifier_key(),
            listener.local_addr()?,
            logs.len()
        );
        suara_web::witness::serve(listener, service, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
        Ok(())
    })
}

#[derive(clap::Args)]
pub struct MonitorArgs {
    /// The log's address: https://HOST/log/CODE (its checkpoint is PREFIX/checkpoint).
    prefix: String,
    /// The log's verifier key: `verifier_key` of /api/v1/log/heads, or as `suara tenant key` prints it.
    #[arg(long)]
    log_key: String,
    /// A witness whose cosignatures count (repeat).
    #[arg(long = "witness-key")]
    witness_keys: Vec<String>,
    /// How many of those witnesses must have cosigned each checkpoint.
    #[arg(long, default_value_t = 0)]
    quorum: usize,
    /// Where the last verified tree is kept between checks [default: monitor-CODE.state].
    #[arg(long)]
    state: Option<PathBuf>,
    /// Check again every SECONDS until stopped; once when left out. Exit 0: sound; 1: the
    /// log misbehaves; 2: it could not be checked, or is not yet cosigned by --quorum.
    #[arg(long)]
    every: Option<u64>,
}

/// Exit 0 when the log is sound, 1 when it misbehaves, 2 when it could not be checked (or
/// its checkpoint is not yet cosigned by the witnesses asked for).
pub fn monitor(args: MonitorArgs) -> ExitCode {
    match run_monitor(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("suara monitor: {error}");
            match error {
                MonitorError::Misbehaves(_) => ExitCode::from(1),
                _ => ExitCode::from(2),
            }
        }
    }
}

fn run_monitor(args: MonitorArgs) -> Result<(), MonitorError> {
    let setup = |e: String| MonitorError::State(e);
    let log = KnownKey::parse(&args.log_key).map_err(|e| setup(e.to_string()))?;
    let witnesses = args
        .witness_keys
        .iter()
        .map(|k| KnownKey::parse(k).map_err(|e| setup(e.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    let state_path = args.state.clone().unwrap_or_else(|| {
        let code = args
            .prefix
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or("log");
        PathBuf::from(format!("monitor-{code}.state"))
    });
    let trust = Trust::new(log, witnesses, args.quorum)?;
    let client = monitor::client()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| MonitorError::Unreachable(e.to_string()))?;
    runtime.block_on(async {
        loop {
            let state = MonitorState::read(&state_path)?;
            let before = state.as_ref().map_or(0, |s| s.frontier.size());
            let (state, verified) = monitor::check(&client, &args.prefix, &trust, state).await?;
            state.write(&state_path)?;
            let cosigners: Vec<&str> = verified.witnesses.iter().map(|(n, _)| n.as_str()).collect();
            println!(
                "{}: {} entries (root {}), {} new since the last check, cosigned by {}",
                verified.origin,
                verified.size,
                verified.root,
                verified.size - before,
                if cosigners.is_empty() {
                    "no known witness".to_string()
                } else {
                    cosigners.join(", ")
                }
            );
            match args.every {
                Some(seconds) => tokio::time::sleep(Duration::from_secs(seconds.max(1))).await,
                None => return Ok(()),
            }
        }
    })
}
