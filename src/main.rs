//! `suara`: the command-line entry point. Subcommands are thin: they parse arguments and
//! call the application layer (and the web crate, only to serve).

mod admin_command;
mod backup_command;
mod bench;
mod demo;
mod innovation_command;
mod musrena_command;
mod serve;
mod skm_command;
mod tpp_command;
mod witness_command;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use suara_app::signing::Signer;
use suara_store::{Store, DEFAULT_DATABASE_URL};

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
    /// Run the web server (pages, JSON API); options from the command line or --config FILE.
    Serve(serve::Args),
    /// Print this command line's reference as Markdown: the book's `docs/src/cli-reference.md`.
    #[command(hide = true)]
    CliReference,
    /// Generate a regency of any size into an empty database (load tests, benchmarks):
    /// the demo's units and services, N officers and M responses over twelve months.
    Demo(DemoArgs),
    /// Measure ingest, dashboard, payroll and memory on a generated regency (SQLite, and
    /// PostgreSQL with --postgres); prints the figures the book's "Scale and speed" quotes.
    Bench(bench::Args),
    /// SKM (Survei Kepuasan Masyarakat) calculations, PermenPANRB 14/2017.
    Skm {
        #[command(subcommand)]
        command: SkmCommand,
    },
    /// Innovations: the registry, one innovation's measured effect, and the regional
    /// innovation index file (Permendagri 104/2018 fields).
    Innovation {
        #[command(subcommand)]
        command: InnovationCommand,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long, global = true)]
        tenant: Option<String>,
        /// sqlite://PATH or postgres://USER@HOST/DB; created and migrated when needed.
        #[arg(long, global = true, default_value = DEFAULT_DATABASE_URL)]
        database: String,
    },
    /// Musrena Keren: the ranking rules forums are ranked with (versioned TOML).
    Musrena {
        #[command(subcommand)]
        command: MusrenaCommand,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long, global = true)]
        tenant: Option<String>,
        /// sqlite://PATH or postgres://USER@HOST/DB; created and migrated when needed.
        #[arg(long, global = true, default_value = DEFAULT_DATABASE_URL)]
        database: String,
    },
    /// Regencies (tenants) in the database.
    Tenant {
        #[command(subcommand)]
        command: TenantCommand,
        /// sqlite://PATH or postgres://USER@HOST/DB; created and migrated when needed.
        #[arg(long, global = true, default_value = DEFAULT_DATABASE_URL)]
        database: String,
        /// The signing key files (regency CODE's is FILE-CODE), as the server is given them.
        #[arg(long, global = true, env = "SUARA_SIGNING_KEY", default_value = suara_app::signing::DEFAULT_KEY_FILE)]
        signing_key: PathBuf,
    },
    /// Staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
        /// sqlite://PATH or postgres://USER@HOST/DB; created and migrated when needed.
        #[arg(long, global = true, default_value = DEFAULT_DATABASE_URL)]
        database: String,
    },
    /// API keys for queue systems that issue survey tickets.
    Apikey {
        #[command(subcommand)]
        command: ApikeyCommand,
        /// sqlite://PATH or postgres://USER@HOST/DB; created and migrated when needed.
        #[arg(long, global = true, default_value = DEFAULT_DATABASE_URL)]
        database: String,
    },
    /// Recompute everything that pays or is published and check it against the signed
    /// heads: the hash chain, the transparency log (heads in the database and the one kept
    /// beside the key), every monthly total and every payroll run with its seal. Names the
    /// first difference and exits 3.
    Verify {
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long)]
        tenant: Option<String>,
        /// sqlite://PATH or postgres://USER@HOST/DB; created and migrated when needed.
        #[arg(long, default_value = DEFAULT_DATABASE_URL)]
        database: String,
        /// The signing key file (its public half checks the heads).
        #[arg(long, env = "SUARA_SIGNING_KEY", default_value = suara_app::signing::DEFAULT_KEY_FILE)]
        signing_key: PathBuf,
    },
    /// Copy the database, while it is in use, to a new SQLite file (consistent; never
    /// overwrites), or with --to DIR to an encrypted file in a folder that keeps the newest
    /// --keep. Restore by serving the copy: `--database sqlite://FILE`.
    Backup(BackupArgs),
    /// Restore a backup to a scratch folder, verify it with the signing key and the heads
    /// kept beside it, and report what a restore would lose; removes the scratch copy.
    RestoreDrill(DrillArgs),
    /// TPP: policies, base amounts, other components, monthly payroll runs and exports.
    Tpp {
        #[command(subcommand)]
        command: TppCommand,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long, global = true)]
        tenant: Option<String>,
        /// sqlite://PATH or postgres://USER@HOST/DB; created and migrated when needed.
        #[arg(long, global = true, default_value = DEFAULT_DATABASE_URL)]
        database: String,
        /// The signing key a run is sealed with (`tpp run`).
        #[arg(long, global = true, env = "SUARA_SIGNING_KEY", default_value = suara_app::signing::DEFAULT_KEY_FILE)]
        signing_key: PathBuf,
    },
    /// Import units, services, service points, officers, villages and Musrena's catalogue
    /// and strategic issues from CSV files (all checked first; any bad row stops the import,
    /// exit code 2). Re-importing changes nothing.
    Import(ImportCommand),
    /// Witness regencies' logs (c2sp.org/tlog-witness), as a province, university, ombudsman
    /// or newspaper may.
    Witness {
        #[command(subcommand)]
        command: witness_command::WitnessCommand,
    },
    /// Follow a regency's log from outside: check each checkpoint's signatures and
    /// cosignatures, recompute the tree from its entries, and report a log that was rolled
    /// back or rewritten (exit 1; 2 when it could not be reached).
    Monitor(witness_command::MonitorArgs),
}

#[derive(Subcommand)]
enum MusrenaCommand {
    /// Save a ranking rule from a TOML file (see the book's "Musrena Keren"); a saved version never
    /// changes, and each forum keeps the version that was newest when it was recorded.
    Rule { file: PathBuf },
    /// The saved ranking rules, newest first.
    Rules,
}

#[derive(Subcommand)]
enum InnovationCommand {
    /// Every innovation: number, stage, unit, units started, partners, name.
    List,
    /// One innovation's effect on each targeted element and the IKM, with its 95 % interval.
    Effect { id: i64 },
    /// The regional innovation index file: one row per innovation with its evidence.
    Export {
        /// xlsx or csv.
        #[arg(long, default_value = "xlsx")]
        format: String,
        /// Where to write (never overwritten); default indeks-inovasi-REGENCY.FORMAT.
        #[arg(long)]
        output: Option<PathBuf>,
        /// Language of the workbook's words: id or en.
        #[arg(long, default_value = "id")]
        lang: String,
    },
}

#[derive(Subcommand)]
enum TppCommand {
    /// Save a policy version from a TOML file (see the book's "TPP policy reference"); a saved version never changes.
    Policy {
        file: PathBuf,
        /// Save nothing: show what the policy would have paid in the last three months
        /// computed, beside what was paid.
        #[arg(long)]
        dry_run: bool,
    },
    /// Replace the base TPP per position class from a CSV file: position_class,base_amount.
    Base { file: PathBuf },
    /// Import attendance/productivity factors: nip,month,attendance,productivity.
    Components { file: PathBuf },
    /// Compute a month's payroll (a draft; a new version after a locked run).
    Run {
        /// The month, YYYY-MM.
        #[arg(long)]
        period: String,
    },
    /// Write a month's run for finance as xlsx (a sheet per unit, totals) or CSV, or its
    /// payable list (daftar nominatif: deductions, net, accounts, signature blocks).
    Export {
        /// The month, YYYY-MM.
        #[arg(long)]
        period: String,
        /// The run version (default: the latest).
        #[arg(long)]
        version: Option<i64>,
        /// xlsx, csv or payable (the daftar nominatif, xlsx).
        #[arg(long, default_value = "xlsx")]
        format: String,
        /// File to write (default: tpp-YYYY-MM-vN.xlsx in the current directory).
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum TenantCommand {
    /// Set up a regency: `suara tenant add trenggalek "Kabupaten Trenggalek"`.
    Add {
        code: String,
        name: String,
        /// Local time: 420 WIB, 480 WITA, 540 WIT.
        #[arg(long, default_value_t = 420)]
        utc_offset_minutes: i32,
        /// A host name it is served under (repeat for several); requests find their
        /// regency from their Host header.
        #[arg(long = "host")]
        hosts: Vec<String>,
    },
    /// Serve a regency under one more host name: `suara tenant host trenggalek
    /// suara.trenggalekkab.go.id`.
    Host { code: String, host: String },
    /// The regencies and their host names.
    List,
    /// Make regency CODE's signing key if it has none (`tenant add` does too); prints where
    /// it is and its public half. Copy the key folder to every app server.
    Key { code: String },
    /// Set the letterhead of regency CODE's printed reports: the address line under each
    /// office's name and the logo: `suara tenant letterhead trenggalek --address "Jalan
    /// Panglima Sudirman 1, Trenggalek" --logo logo.png`.
    Letterhead {
        code: String,
        /// Street, telephone, e-mail, as the letterhead prints it.
        #[arg(long)]
        address: String,
        /// The logo, a PNG file up to 1 MB and 2000 pixels a side; the one set before is
        /// kept when left out.
        #[arg(long, conflicts_with = "no_logo")]
        logo: Option<PathBuf>,
        /// Remove the logo.
        #[arg(long)]
        no_logo: bool,
    },
}

#[derive(Subcommand)]
enum ApikeyCommand {
    /// Create a key that may issue tickets for UNIT and the units under it; printed once.
    Add {
        /// A name for the key, as the queue system's vendor would recognise it.
        label: String,
        /// The unit whose tickets the key issues.
        #[arg(long)]
        unit: String,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long)]
        tenant: Option<String>,
    },
    /// List the keys (label, unit, created, revoked), never the keys themselves.
    List {
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long)]
        tenant: Option<String>,
    },
    /// Revoke the key(s) with this label: the next ticket they ask for is refused.
    Revoke {
        label: String,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long)]
        tenant: Option<String>,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account. Without --password-stdin a random password is printed once.
    Add {
        username: String,
        /// admin, unit_admin, hr, finance, inspectorate, planner or officer.
        #[arg(long)]
        role: String,
        /// The unit a unit_admin administers (with everything under it).
        #[arg(long)]
        unit: Option<String>,
        /// The NIP of an officer account.
        #[arg(long)]
        nip: Option<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long)]
        tenant: Option<String>,
    },
    /// Make an account for every officer working today who has none (the NIP as username,
    /// the officer role), each with a one-time password changed at the first sign-in; prints
    /// them once as CSV (unit, NIP, name, username, one-time password) for the letters.
    AddOfficers {
        /// Only this unit's officers.
        #[arg(long)]
        unit: Option<String>,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long)]
        tenant: Option<String>,
    },
    /// Set a new password (printed once, or read with --password-stdin); every session of
    /// the account ends.
    Password {
        username: String,
        /// Read the password from standard input instead of asking for it.
        #[arg(long)]
        password_stdin: bool,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long)]
        tenant: Option<String>,
    },
    /// Disable an account: it cannot sign in, and its open sessions stop at once.
    Disable {
        username: String,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long)]
        tenant: Option<String>,
    },
    /// Where the account's alerts go by e-mail (`-` for none).
    Email {
        username: String,
        address: String,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long)]
        tenant: Option<String>,
    },
    /// Enable a disabled account again.
    Enable {
        username: String,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long)]
        tenant: Option<String>,
    },
    /// Remove an account's sign-in code (its authenticator app) and recovery codes, for a
    /// lost phone: its sessions end, and at the next sign-in it sets up a new one.
    ResetSecondFactor {
        username: String,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long)]
        tenant: Option<String>,
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
    /// Check a past survey's export (Google Forms or LimeSurvey, CSV or xlsx) for a unit's
    /// trend: the columns and answers it reads, the months it would add, every problem; with
    /// --import, import it. Imported history never enters pay, the log or a published IKM.
    History {
        file: PathBuf,
        /// Unit code.
        #[arg(long)]
        unit: String,
        /// What an answer off the SKM scale means: TEXT=1…4, or TEXT=0 for not answered.
        /// Repeat for each.
        #[arg(long = "answer", value_name = "TEXT=N")]
        answers: Vec<String>,
        /// How the dates are written when no date shows it: dmy (14/03/2025) or mdy
        /// (3/14/2025).
        #[arg(long, value_parser = ["dmy", "mdy"])]
        date_order: Option<String>,
        /// Import once the check passes (without it, nothing is stored).
        #[arg(long)]
        import: bool,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long)]
        tenant: Option<String>,
        /// sqlite://PATH or postgres://USER@HOST/DB; created and migrated when needed.
        #[arg(long, default_value = DEFAULT_DATABASE_URL)]
        database: String,
    },
    /// Write a unit's SKM report for a period as PDF (as published: profile, NRR per element,
    /// IKM and grade, weakest elements, suggestions, follow-up plan).
    Report {
        /// Unit code.
        #[arg(long)]
        unit: String,
        /// YYYY, YYYY-MM, YYYY-Q1…Q4 or YYYY-S1…S2.
        #[arg(long)]
        period: String,
        /// File to write (default: laporan-skm-UNIT-PERIOD.pdf or .docx).
        #[arg(long)]
        output: Option<PathBuf>,
        /// pdf to print, or docx: a Word document for the unit to finish.
        #[arg(long, default_value = "pdf", value_parser = ["pdf", "docx"])]
        format: String,
        /// The regency's code; may be left out when the database holds one regency.
        #[arg(long)]
        tenant: Option<String>,
        /// sqlite://PATH or postgres://USER@HOST/DB; created and migrated when needed.
        #[arg(long, default_value = DEFAULT_DATABASE_URL)]
        database: String,
    },
}

/// `suara demo`'s options.
#[derive(clap::Args)]
struct DemoArgs {
    /// Officers to generate, spread over the demo's units.
    #[arg(long, default_value_t = 1000)]
    officers: usize,
    /// Responses to generate over the twelve months up to --until.
    #[arg(long, default_value_t = 100_000)]
    responses: u64,
    /// Same seed (and --until) → same data.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The last day with responses, YYYY-MM-DD (default: today).
    #[arg(long)]
    until: Option<String>,
    /// NRR points planted on the demo innovations' targeted element from their start
    /// (one innovation that backfired gets minus this).
    #[arg(long, default_value_t = demo::DEMO_EFFECT, allow_hyphen_values = true)]
    innovation_effect: f64,
    /// Generate another regency under this code (default: trenggalek), e.g. a second
    /// one in a database serving several; needs --name. Its local time is WIB. Stop the
    /// servers on the database first: the load numbers responses as nobody else writes.
    #[arg(long, requires = "name")]
    regency: Option<String>,
    /// The other regency's name, e.g. "Kabupaten Pacitan".
    #[arg(long, requires = "regency")]
    name: Option<String>,
    /// sqlite://PATH or postgres://USER@HOST/DB; created and migrated when needed.
    #[arg(long, default_value = DEFAULT_DATABASE_URL)]
    database: String,
}

/// `suara import`'s files and options.
#[derive(clap::Args)]
struct ImportCommand {
    /// Units: unit_id, name, kind, and parent_id, monthly_users, service_hours… when known (CSV or xlsx; Indonesian headers are read too).
    #[arg(long)]
    units: Option<PathBuf>,
    /// Services: service_id, unit_id, name.
    #[arg(long)]
    services: Option<PathBuf>,
    /// Service points (counters): point_id, unit_id, name.
    #[arg(long)]
    points: Option<PathBuf>,
    /// Officers, as SIMPEG exports them: nip, name, unit_id and position.
    #[arg(long)]
    officers: Option<PathBuf>,
    /// village_code (Kemendagri, 35.03.01.2001), name, kind (desa/kelurahan),
    /// district_unit and an optional GeoJSON boundary.
    #[arg(long)]
    villages: Option<PathBuf>,
    /// Musrena's catalogue of activities (kamus usulan): code, name, unit_id, affair,
    /// measure, unit_price, levels (desa;kecamatan;kabupaten).
    #[arg(long)]
    catalogue: Option<PathBuf>,
    /// Musrena's strategic issues: issue_code, name.
    #[arg(long)]
    issues: Option<PathBuf>,
    /// Check and report, import nothing.
    #[arg(long)]
    dry_run: bool,
    /// The regency's code; may be left out when the database holds one regency.
    #[arg(long)]
    tenant: Option<String>,
    /// sqlite://PATH or postgres://USER@HOST/DB; created and migrated when needed.
    #[arg(long, default_value = DEFAULT_DATABASE_URL)]
    database: String,
}

#[derive(clap::Args)]
struct BackupArgs {
    /// The new file (a plain SQLite database); leave out with --to.
    #[arg(required_unless_present = "to", conflicts_with = "to")]
    file: Option<PathBuf>,
    /// A folder of encrypted backups, named by time (suara-YYYYMMDDTHHMMSSZ.db.age).
    #[arg(long)]
    to: Option<PathBuf>,
    /// How many backups the folder keeps (the oldest beyond are removed).
    #[arg(long, default_value_t = 14, requires = "to")]
    keep: usize,
    /// An age recipient (age1…) the backup is encrypted to; repeat for several.
    #[arg(long, requires = "to")]
    recipient: Vec<String>,
    /// A file of age recipients, one a line (# comments).
    #[arg(long, requires = "to")]
    recipients_file: Option<PathBuf>,
    /// sqlite://PATH or postgres://USER@HOST/DB; created and migrated when needed.
    #[arg(long, default_value = DEFAULT_DATABASE_URL)]
    database: String,
}

#[derive(clap::Args)]
struct DrillArgs {
    /// A backup: an SQLite file, or an encrypted one (.age) with --identity.
    backup: PathBuf,
    /// The age identity (key file) an encrypted backup was encrypted to.
    #[arg(long)]
    identity: Option<PathBuf>,
    /// The live database, to count what it holds that the backup does not.
    #[arg(long)]
    database: Option<String>,
    /// The signing key file (its public half checks the heads).
    #[arg(long, env = "SUARA_SIGNING_KEY", default_value = suara_app::signing::DEFAULT_KEY_FILE)]
    signing_key: PathBuf,
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Skm { command } => skm(command),
        Command::Tenant {
            command,
            database,
            signing_key,
        } => tenant(command, &database, signing_key),
        Command::User { command, database } => user(command, &database),
        Command::Import(args) => import(args),
        Command::Apikey { command, database } => apikey(command, &database),
        Command::Innovation {
            command,
            tenant,
            database,
        } => with_store(&database, default_key(), |store| async move {
            let tenant = tenant.as_deref();
            match command {
                InnovationCommand::List => innovation_command::list(&store, tenant).await,
                InnovationCommand::Effect { id } => {
                    innovation_command::effect(&store, id, tenant).await
                }
                InnovationCommand::Export {
                    format,
                    output,
                    lang,
                } => innovation_command::export(&store, &format, output, &lang, tenant).await,
            }
        }),
        Command::Musrena {
            command,
            tenant,
            database,
        } => with_store(&database, default_key(), |store| async move {
            let tenant = tenant.as_deref();
            match command {
                MusrenaCommand::Rule { file } => musrena_command::rule(&store, &file, tenant).await,
                MusrenaCommand::Rules => musrena_command::rules(&store, tenant).await,
            }
        }),
        Command::Tpp {
            command,
            tenant,
            database,
            signing_key,
        } => tpp(command, tenant, &database, signing_key),
        Command::Demo(args) => demo(args),
        Command::Bench(args) => {
            let outcome = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .map_err(anyhow::Error::from)
                .and_then(|runtime| runtime.block_on(bench::run(args)));
            match outcome {
                Ok(code) => code,
                Err(error) => {
                    eprintln!("error: {error:#}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::Backup(args) => backup(args),
        Command::RestoreDrill(args) => restore_drill(args),
        Command::Verify {
            tenant,
            database,
            signing_key,
        } => with_store(&database, signing_key.clone(), |store| async move {
            admin_command::verify(&store, tenant.as_deref(), &signing_key).await
        }),
        Command::Witness { command } => witness_command::witness(command),
        Command::Monitor(args) => witness_command::monitor(args),
        Command::CliReference => {
            print!("{}", clap_markdown::help_markdown::<Cli>());
            ExitCode::SUCCESS
        }
        Command::Serve(args) => match args.options().and_then(serve::serve) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: {error:#}");
                ExitCode::FAILURE
            }
        },
    }
}

/// `suara import`: the files given, by the table they fill.
fn import(args: ImportCommand) -> ExitCode {
    use suara_domain::org::import::Table;
    let files = [
        (Table::Units, args.units),
        (Table::Services, args.services),
        (Table::Points, args.points),
        (Table::Officers, args.officers),
        (Table::Villages, args.villages),
        (Table::Catalogue, args.catalogue),
        (Table::Issues, args.issues),
    ]
    .into_iter()
    .filter_map(|(table, path)| path.map(|p| (table, p)))
    .collect();
    let import = admin_command::ImportArgs {
        files,
        dry_run: args.dry_run,
        tenant: args.tenant,
    };
    with_store(&args.database, default_key(), |store| async move {
        admin_command::import(&store, import).await
    })
}

/// `suara demo`: a generated regency, the demo's or another beside it.
fn demo(args: DemoArgs) -> ExitCode {
    let regency = match (args.regency, args.name) {
        (Some(code), Some(name)) => suara_store::Tenant {
            tenant_id: code,
            name,
            utc_offset_minutes: 420,
        },
        _ => demo::tenant(),
    };
    with_store(&args.database, default_key(), |store| async move {
        admin_command::generate(
            &store,
            &regency,
            args.officers,
            args.responses,
            args.seed,
            args.until.as_deref(),
            args.innovation_effect,
        )
        .await
    })
}

fn skm(command: SkmCommand) -> ExitCode {
    match command {
        SkmCommand::Score {
            file,
            json,
            legacy_weight,
        } => skm_command::score(&file, json, legacy_weight),
        SkmCommand::Report {
            unit,
            period,
            output,
            format,
            tenant,
            database,
        } => with_store(&database, default_key(), |store| async move {
            let docx = format == "docx";
            skm_command::report(&store, &unit, &period, output, docx, tenant.as_deref()).await
        }),
        SkmCommand::History {
            file,
            unit,
            answers,
            date_order,
            import,
            tenant,
            database,
        } => with_store(&database, default_key(), |store| async move {
            let options = skm_command::HistoryOptions {
                unit: &unit,
                answers: &answers,
                date_order: date_order.as_deref(),
                import,
                tenant: tenant.as_deref(),
            };
            skm_command::history(&store, &file, options).await
        }),
        SkmCommand::SampleSize { population } => {
            println!(
                "{}",
                suara_domain::skm::krejcie_morgan_sample_size(population)
            );
            ExitCode::SUCCESS
        }
    }
}

fn tenant(command: TenantCommand, database: &str, signing_key: PathBuf) -> ExitCode {
    with_store(database, signing_key.clone(), |store| async move {
        match command {
            TenantCommand::Add {
                code,
                name,
                utc_offset_minutes,
                hosts,
            } => {
                admin_command::add_tenant(&store, &code, &name, utc_offset_minutes).await?;
                for host in hosts {
                    admin_command::add_host(&store, &code, &host).await?;
                }
                admin_command::make_key(&store, &code, &signing_key).await?;
            }
            TenantCommand::Key { code } => {
                admin_command::make_key(&store, &code, &signing_key).await?
            }
            TenantCommand::Host { code, host } => {
                admin_command::add_host(&store, &code, &host).await?
            }
            TenantCommand::List => admin_command::list_tenants(&store).await?,
            TenantCommand::Letterhead {
                code,
                address,
                logo,
                no_logo,
            } => admin_command::set_letterhead(&store, &code, address, logo, no_logo).await?,
        }
        Ok(ExitCode::SUCCESS)
    })
}

fn user(command: UserCommand, database: &str) -> ExitCode {
    with_store(database, default_key(), |store| async move {
        use suara_store::AccountChange;
        match command {
            UserCommand::Add {
                username,
                role,
                unit,
                nip,
                password_stdin,
                tenant,
            } => {
                let args = admin_command::UserArgs {
                    username,
                    role,
                    unit,
                    nip,
                    password_stdin,
                    tenant,
                };
                admin_command::add_user(&store, args).await?;
                Ok(ExitCode::SUCCESS)
            }
            UserCommand::AddOfficers { unit, tenant } => {
                admin_command::add_officer_accounts(&store, unit.as_deref(), tenant.as_deref())
                    .await?;
                Ok(ExitCode::SUCCESS)
            }
            UserCommand::Password {
                username,
                password_stdin,
                tenant,
            } => {
                admin_command::set_password(&store, &username, tenant.as_deref(), password_stdin)
                    .await
            }
            UserCommand::Disable { username, tenant } => {
                admin_command::change_user(
                    &store,
                    &username,
                    tenant.as_deref(),
                    AccountChange::Disable,
                )
                .await
            }
            UserCommand::Email {
                username,
                address,
                tenant,
            } => admin_command::set_email(&store, &username, &address, tenant.as_deref()).await,
            UserCommand::Enable { username, tenant } => {
                admin_command::change_user(
                    &store,
                    &username,
                    tenant.as_deref(),
                    AccountChange::Enable,
                )
                .await
            }
            UserCommand::ResetSecondFactor { username, tenant } => {
                admin_command::reset_second_factor(&store, &username, tenant.as_deref()).await
            }
        }
    })
}

fn apikey(command: ApikeyCommand, database: &str) -> ExitCode {
    with_store(database, default_key(), |store| async move {
        match command {
            ApikeyCommand::Add {
                label,
                unit,
                tenant,
            } => admin_command::add_api_key(&store, &label, &unit, tenant.as_deref()).await,
            ApikeyCommand::List { tenant } => {
                admin_command::list_api_keys(&store, tenant.as_deref()).await
            }
            ApikeyCommand::Revoke { label, tenant } => {
                admin_command::revoke_api_key(&store, &label, tenant.as_deref()).await
            }
        }
    })
}

fn tpp(
    command: TppCommand,
    tenant: Option<String>,
    database: &str,
    signing_key: PathBuf,
) -> ExitCode {
    with_store(database, signing_key.clone(), |store| async move {
        let tenant = tenant.as_deref();
        match command {
            TppCommand::Policy {
                file,
                dry_run: false,
            } => tpp_command::policy(&store, &file, tenant).await,
            TppCommand::Policy {
                file,
                dry_run: true,
            } => tpp_command::policy_dry_run(&store, &file, tenant).await,
            TppCommand::Base { file } => tpp_command::base_amounts(&store, &file, tenant).await,
            TppCommand::Components { file } => tpp_command::components(&store, &file, tenant).await,
            TppCommand::Run { period } => {
                tpp_command::run(&store, &period, tenant, &Signer::new(&signing_key)).await
            }
            TppCommand::Export {
                period,
                version,
                format,
                output,
            } => {
                let args = tpp_command::ExportArgs {
                    period,
                    version,
                    format,
                    output,
                    tenant: tenant.map(str::to_string),
                };
                tpp_command::export(&store, args).await
            }
        }
    })
}

/// The signing key file of commands that take no `--signing-key`.
fn default_key() -> PathBuf {
    std::env::var_os("SUARA_SIGNING_KEY")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(suara_app::signing::DEFAULT_KEY_FILE))
}

/// Runs a command against the database; an error is printed and exits 1. What it writes
/// to a regency's signed record is authenticated with the key beside `signing_key`.
fn with_store<F, Fut>(database: &str, signing_key: PathBuf, command: F) -> ExitCode
where
    F: FnOnce(Store) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<ExitCode>>,
{
    run_async(async {
        let store = Store::open(database)
            .await
            .with_context(|| format!("opening database {database}"))?;
        store.set_entry_keys(std::sync::Arc::new(Signer::existing_only(&signing_key)));
        let outcome = command(store.clone()).await;
        store.close().await;
        outcome
    })
}

/// Runs a command on a runtime of one thread; an error is printed and exits 1.
fn run_async(command: impl std::future::Future<Output = anyhow::Result<ExitCode>>) -> ExitCode {
    let result = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)
        .and_then(|runtime| runtime.block_on(command));
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn backup(args: BackupArgs) -> ExitCode {
    let BackupArgs {
        file,
        to,
        keep,
        recipient,
        recipients_file,
        database,
    } = args;
    with_store(&database, default_key(), |store| async move {
        match (file, to) {
            (Some(file), _) => backup_command::backup(&store, &file).await,
            (None, Some(dir)) => {
                let rotation = backup_command::Rotation {
                    dir,
                    keep,
                    recipients: recipient,
                    recipients_file,
                };
                backup_command::rotate(&store, &rotation).await
            }
            (None, None) => anyhow::bail!("give a FILE or --to DIR"),
        }
    })
}

fn restore_drill(args: DrillArgs) -> ExitCode {
    let drill = backup_command::Drill {
        backup: args.backup,
        identity: args.identity,
        live: args.database,
        signing_key: args.signing_key,
    };
    run_async(async move { backup_command::restore_drill(&drill).await })
}
