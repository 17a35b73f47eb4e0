//! `suara`: the command-line entry point. Subcommands are thin: they parse arguments and
//! call the domain, store and web crates.

mod demo;
mod skm_command;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Parser, Subcommand};
use suara_store::{Store, DEFAULT_DATABASE_URL};
use suara_web::AppState;

#[derive(Parser)]
#[command(
    name = "suara",
    version,
    about = "Public satisfaction surveys (SKM), satisfaction-linked TPP and Musrena Keren planning for Indonesian regional governments"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (pages, JSON API).
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// Database URL: sqlite://PATH or postgres://USER@HOST/DB.
        #[arg(long, default_value = DEFAULT_DATABASE_URL)]
        database: String,
        /// Fill an empty database with a demo regency (Kabupaten Trenggalek).
        #[arg(long)]
        demo: bool,
        /// Regency (tenant) code used when a request names none.
        #[arg(long)]
        tenant: Option<String>,
    },
    /// SKM (Survei Kepuasan Masyarakat) calculations, PermenPANRB 14/2017.
    Skm {
        #[command(subcommand)]
        command: SkmCommand,
    },
}

#[derive(Subcommand)]
enum SkmCommand {
    /// Compute NRR per element, IKM and grade from a CSV file with columns u1…u9.
    Score {
        file: PathBuf,
        /// Print {"responses":N,"nrr":[…],"ikm":X,"grade":"A"} instead of a table.
        #[arg(long)]
        json: bool,
        /// Weight each element 0.111 instead of exactly 1/9, to reproduce older reports.
        #[arg(long)]
        legacy_weight: bool,
    },
    /// Print the Krejcie–Morgan sample size for a population of N service users.
    SampleSize { population: u64 },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Skm {
            command:
                SkmCommand::Score {
                    file,
                    json,
                    legacy_weight,
                },
        } => skm_command::score(&file, json, legacy_weight),
        Command::Skm {
            command: SkmCommand::SampleSize { population },
        } => {
            println!(
                "{}",
                suara_domain::skm::krejcie_morgan_sample_size(population)
            );
            ExitCode::SUCCESS
        }
        Command::Serve {
            addr,
            database,
            demo,
            tenant,
        } => match serve(addr, &database, demo, tenant) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {error:#}");
                ExitCode::FAILURE
            }
        },
    }
}

fn serve(
    addr: SocketAddr,
    database: &str,
    demo: bool,
    tenant: Option<String>,
) -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let store = Store::open(database)
            .await
            .with_context(|| format!("opening database {database}"))?;
        if demo {
            demo::fill_if_empty(&store)
                .await
                .context("filling the demo regency")?;
        }
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("listening on {addr}"))?;
        let local = listener.local_addr()?;
        println!(
            "suara is serving on http://{local}/ ({} at {database}); press Ctrl-C to stop",
            store.backend().name()
        );
        let state = Arc::new(AppState {
            store: store.clone(),
            default_tenant: tenant,
        });
        suara_web::serve(listener, state).await?;
        store.close().await;
        Ok(())
    })
}
