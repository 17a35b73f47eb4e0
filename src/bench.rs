//! `suara bench`: the figures the book's "Scale and speed" quotes, measured on this machine. For each backend
//! it generates a regency (`suara demo` at the asked size), starts the real server as a
//! child process and measures HTTP ingest (sustained, and latency at a fixed offered load),
//! the regency dashboard, a payroll run, and the server's peak memory; for SQLite also the
//! raw single-thread insert rate of the same rows, as the ceiling ingest is compared with.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use suara_store::{Store, Submission};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tokio::sync::Mutex;

use crate::demo::{self, Size, DEMO_PASSWORD, TENANT_ID};

mod province;

/// What to measure, from the command line.
#[derive(clap::Args)]
pub struct Args {
    /// Responses in the generated regency.
    #[arg(long, default_value_t = 10_000_000)]
    pub responses: u64,
    /// Officers in the generated regency.
    #[arg(long, default_value_t = 10_000)]
    pub officers: usize,
    /// The same seed generates the same regency.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// PostgreSQL server URL to measure too, e.g. postgres://postgres@127.0.0.1:5432/test
    /// (a database is created for the bench and dropped after).
    #[arg(long)]
    pub postgres: Option<String>,
    /// Offered load for the latency figures, requests per second.
    #[arg(long, default_value_t = 1000)]
    pub rate: u32,
    /// Seconds of each ingest phase.
    #[arg(long, default_value_t = 20)]
    pub seconds: u64,
    /// Concurrent clients for the sustained ingest.
    #[arg(long, default_value_t = 64)]
    pub clients: usize,
    /// Answers to one-time tickets sent in the counted ingest phase (as many tickets are
    /// issued first, at many counters).
    #[arg(long, default_value_t = 20_000)]
    pub counted: u64,
    /// Directory for the SQLite files (default: a temporary one, removed after).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Regencies of the asked size: more than one runs the province bench (PostgreSQL only,
    /// `--servers` app servers behind nginx).
    #[arg(long, default_value_t = 1)]
    pub tenants: usize,
    /// App servers behind nginx in the province bench.
    #[arg(long, default_value_t = 3)]
    pub servers: usize,
    /// Measure the database as the load left it: no VACUUM (ANALYZE) and CHECKPOINT after
    /// generating, so PostgreSQL is still writing out the load while requests are timed.
    #[arg(long)]
    pub no_settle: bool,
}

/// One backend's figures.
struct Figures {
    backend: &'static str,
    generated: u64,
    generate_seconds: f64,
    /// The first signed head of the generated log: every tile computed from the leaves.
    first_head_seconds: f64,
    raw_rows_per_second: Option<f64>,
    /// Responses per second through the store with none held, and how many were held.
    counted_path: Option<(f64, u64)>,
    /// Open answers at full speed: nearly all held by the unit-burst rule (the held path).
    ingest: Ingest,
    /// Ticket answers at full speed, spread over units and networks: the counted path.
    counted: Ingest,
    fixed: Latencies,
    dashboard: Latencies,
    payroll_seconds: f64,
    payroll_officers: u64,
    peak_rss_mb: f64,
}

#[derive(Default)]
struct Ingest {
    clients: usize,
    accepted: u64,
    failed: u64,
    seconds: f64,
    counted: u64,
    held: u64,
}

struct Latencies {
    requests: usize,
    failed: usize,
    p50_ms: f64,
    p99_ms: f64,
    max_ms: f64,
    /// For the fixed load: when it began, and how many requests took over 50 ms in each of
    /// its seconds (to line the tail up with the database's log).
    tail: Option<(time::OffsetDateTime, Vec<usize>)>,
}

impl Latencies {
    fn of(mut samples: Vec<Duration>, failed: usize) -> Latencies {
        samples.sort_unstable();
        let at = |q: f64| {
            samples
                .get(((samples.len() as f64 * q).ceil() as usize).saturating_sub(1))
                .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
        };
        Latencies {
            requests: samples.len(),
            failed,
            p50_ms: at(0.50),
            p99_ms: at(0.99),
            max_ms: at(1.0),
            tail: None,
        }
    }
}

pub async fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.tenants > 1 {
        return province::run(&args).await;
    }
    let temporary = tempfile::tempdir().context("a temporary directory")?;
    let dir = args.dir.clone().unwrap_or_else(|| temporary.path().into());
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    println!(
        "suara bench: {} responses, {} officers, seed {}; ingest {} s with {} clients, latency at {} requests/s",
        args.responses, args.officers, args.seed, args.seconds, args.clients, args.rate
    );
    let mut all = Vec::new();
    let sqlite = format!("sqlite://{}", dir.join("bench.db").display());
    if Path::new(&dir.join("bench.db")).exists() {
        bail!(
            "{} exists; give an empty --dir",
            dir.join("bench.db").display()
        );
    }
    let key = dir.join("signing-key");
    let mut figures = measure(&args, "SQLite", &sqlite, &key).await?;
    figures.raw_rows_per_second = Some(raw_insert_rate(&dir, &args).await?);
    figures.counted_path = Some(counted_path_rate(&dir, &args).await?);
    print(&figures);
    all.push(figures);
    if let Some(server) = &args.postgres {
        let database = format!("suara_bench_{}", std::process::id());
        let url = create_postgres_database(server, &database).await?;
        // A key folder of its own: the heads kept beside SQLite's key are of another log.
        let key_dir = dir.join("postgres");
        std::fs::create_dir_all(&key_dir)
            .with_context(|| format!("creating {}", key_dir.display()))?;
        let key = key_dir.join("signing-key");
        let measured = measure(&args, "PostgreSQL", &url, &key).await;
        drop_postgres_database(server, &database).await?;
        let figures = measured?;
        print(&figures);
        all.push(figures);
    } else {
        println!("PostgreSQL: not measured (give --postgres postgres://USER@HOST/DB)");
    }
    summary(&all);
    Ok(ExitCode::SUCCESS)
}

async fn measure(
    args: &Args,
    backend: &'static str,
    url: &str,
    key: &Path,
) -> anyhow::Result<Figures> {
    println!("{backend}: generating the regency…");
    let store = Store::open(url)
        .await
        .with_context(|| format!("opening {url}"))?;
    // Written as the server writes: every link authenticated with the regency's key.
    let signer = Arc::new(suara_app::signing::Signer::new(key));
    store.set_entry_keys(signer.clone());
    let until = time::OffsetDateTime::now_utc()
        .to_offset(time::macros::offset!(+7))
        .date();
    let size = Size {
        officers: args.officers,
        responses: args.responses,
        seed: args.seed,
        until,
        innovation_effect: demo::DEMO_EFFECT,
    };
    let started = Instant::now();
    let generated = demo::generate(&store, &demo::tenant(), &size).await?;
    let generate_seconds = started.elapsed().as_secs_f64();
    let targets = Arc::new(Targets(vec![Regency::read(&store, TENANT_ID, None).await?]));

    // The transparency log's tiles for the generated leaves, once, before the server starts
    // (a real log grows its tiles a commit at a time).
    println!("{backend}: signing the log…");
    let started = Instant::now();
    signer.sign_all(&store).await?;
    let first_head_seconds = started.elapsed().as_secs_f64();
    println!("{backend}: issuing {} tickets…", args.counted);
    let tickets = issue_tickets(&targets, &store, args.counted).await?;
    settle(&store, backend, args).await?;
    let server = Server::start(url, key)?;
    let addr = server.addr.clone();
    let outcome = async {
        println!("{backend}: sustained ingest…");
        let before = held_count(&store, &[TENANT_ID]).await?;
        let mut ingest = sustained_ingest(&addr, targets.clone(), args).await?;
        ingest.held = held_count(&store, &[TENANT_ID]).await? - before;
        ingest.counted = ingest.accepted.saturating_sub(ingest.held);
        println!("{backend}: counted ingest…");
        let counted = counted_ingest(&addr, &targets, tickets, &store, args).await?;
        println!("{backend}: latency at a fixed load…");
        let fixed = fixed_load(&addr, &targets, args).await?;
        println!("{backend}: dashboard…");
        // Bappeda sees every unit and, not touching pay, signs in with a password alone.
        let dashboard = page_latency(&addr, None, "bappeda", "/dasbor").await?;
        println!("{backend}: payroll…");
        let month = store
            .tenants()
            .await?
            .first()
            .context("the generated regency")?
            .month_of(time::OffsetDateTime::now_utc())
            .previous();
        let started = Instant::now();
        let run = store
            .run_payroll(
                TENANT_ID,
                month,
                "bench",
                time::OffsetDateTime::now_utc(),
                &suara_store::LogSigner::new(&*signer.key(TENANT_ID)?),
            )
            .await?;
        let payroll_seconds = started.elapsed().as_secs_f64();
        anyhow::Ok((
            ingest,
            counted,
            fixed,
            dashboard,
            payroll_seconds,
            run.paid + run.unpaid,
        ))
    }
    .await;
    let peak_rss_mb = server.peak_rss_mb();
    drop(server);
    store.close().await;
    let (ingest, counted, fixed, dashboard, payroll_seconds, payroll_officers) = outcome?;
    Ok(Figures {
        backend,
        generated: generated.loaded.responses,
        generate_seconds,
        first_head_seconds,
        raw_rows_per_second: None,
        counted_path: None,
        ingest,
        counted,
        fixed,
        dashboard,
        payroll_seconds,
        payroll_officers,
        peak_rss_mb,
    })
}

/// Responses held for review in these regencies.
/// Lets the database settle after the load (see [`Store::settle`]), saying how long it took.
async fn settle(store: &Store, what: &str, args: &Args) -> anyhow::Result<()> {
    if args.no_settle {
        println!("{what}: measured as the load left the database (--no-settle)");
        return Ok(());
    }
    println!("{what}: letting the database settle after the load…");
    let started = Instant::now();
    store.settle().await?;
    println!(
        "{what}: settled in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn held_count(store: &Store, tenants: &[&str]) -> anyhow::Result<u64> {
    let mut held = 0;
    for tenant in tenants {
        held += store.held_count(tenant).await?;
    }
    Ok(held)
}

/// One regency's units that post no hours (so nothing is held for the time of day), their
/// services and front-line officers: what the bench's responses name. `host` is the name
/// requests for it carry, on a deployment of many regencies.
struct Regency {
    host: Option<String>,
    units: Vec<(String, Vec<String>, Vec<String>)>,
}

impl Regency {
    async fn read(store: &Store, tenant_id: &str, host: Option<String>) -> anyhow::Result<Regency> {
        let mut units = Vec::new();
        let offset = store
            .tenant(tenant_id)
            .await?
            .map_or(time::UtcOffset::UTC, |t| t.offset());
        let today = time::OffsetDateTime::now_utc().to_offset(offset).date();
        for unit in store.units(tenant_id).await? {
            if unit.service_hours.is_some() {
                continue;
            }
            let services = store.services_of_unit(tenant_id, &unit.unit_id).await?;
            if services.is_empty() {
                continue;
            }
            let officers = store
                .officers_of_unit(tenant_id, &unit.unit_id, today)
                .await?
                .into_iter()
                .filter(|o| o.serves_public)
                .map(|o| o.nip)
                .collect();
            units.push((
                unit.unit_id,
                services.into_iter().map(|s| s.service_id).collect(),
                officers,
            ));
        }
        if units.is_empty() {
            bail!("the generated regency {tenant_id} has no unit to rate");
        }
        Ok(Regency { host, units })
    }
}

/// Every regency the bench's requests go to, in turn.
struct Targets(Vec<Regency>);

/// One response to send: the host it is for (the server's own address if `None`), the
/// body, and the network it comes from.
struct Request<'a> {
    host: Option<&'a str>,
    body: String,
    network: String,
}

/// The regency, unit, service and officer (if any) the `n`-th request names.
struct Pick<'a> {
    regency: &'a Regency,
    unit: &'a str,
    service: &'a str,
    officer: Option<&'a str>,
}

impl Targets {
    fn pick(&self, n: u64) -> Pick<'_> {
        let mix = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let regency = &self.0[(n % self.0.len() as u64) as usize];
        let (unit, services, officers) =
            &regency.units[(mix % regency.units.len() as u64) as usize];
        let service = &services[((mix >> 8) % services.len() as u64) as usize];
        let officer = (!officers.is_empty() && (mix >> 16) % 10 < 7)
            .then(|| officers[((mix >> 20) % officers.len() as u64) as usize].as_str());
        Pick {
            regency,
            unit,
            service,
            officer,
        }
    }

    /// The `n`-th request: a response with varied answers, from one of many networks, with
    /// the code of a ticket issued for the same unit, service and officer when given.
    fn request(&self, phase: &str, n: u64, ticket: Option<&str>) -> Request<'_> {
        let mix = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let Pick {
            regency,
            unit,
            service,
            officer,
        } = self.pick(n);
        let officer = officer.map_or("null".to_string(), |nip| format!("\"{nip}\""));
        let ticket = ticket.map_or(String::new(), |code| format!(r#""ticket":"{code}","#));
        let answers: Vec<String> = (0..9)
            .map(|i| (2 + (mix >> (24 + 3 * i)) % 3).to_string())
            .collect();
        let body = format!(
            r#"{{{ticket}"unit":"{unit}","service":"{service}","officer":{officer},"answers":[{}],"idempotency_key":"bench-{phase}-{n}"}}"#,
            answers.join(",")
        );
        let network = format!("10.{}.{}.{}", (mix >> 40) & 255, (mix >> 48) & 255, n & 255);
        Request {
            host: regency.host.as_deref(),
            body,
            network,
        }
    }
}

/// Where a phase's `n`-th request comes from; `None` ends the phase.
trait Source: Send + Sync + 'static {
    fn request(&self, n: u64) -> Option<Request<'_>>;
}

/// Open answers (web page, API) until a deadline.
struct OpenAnswers {
    targets: Arc<Targets>,
    until: Instant,
}

impl Source for OpenAnswers {
    fn request(&self, n: u64) -> Option<Request<'_>> {
        (Instant::now() < self.until).then(|| self.targets.request("sustained", n, None))
    }
}

/// Answers to the issued tickets, one each. Each comes from another network than its
/// ticket's counter, as a citizen's phone does.
struct TicketAnswers {
    targets: Arc<Targets>,
    codes: Vec<String>,
}

impl Source for TicketAnswers {
    fn request(&self, n: u64) -> Option<Request<'_>> {
        let code = self.codes.get(usize::try_from(n).ok()?)?;
        Some(self.targets.request("counted", n, Some(code)))
    }
}

/// The source's requests from `clients` connections at once, each sent as soon as the one
/// before it on its connection is answered.
async fn drive(addr: &str, clients: usize, source: Arc<dyn Source>) -> anyhow::Result<Ingest> {
    let started = Instant::now();
    let next = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (addr, next, source) = (addr.to_string(), next.clone(), source.clone());
        tasks.push(tokio::spawn(async move {
            let mut conn = Connection::open(&addr, None).await?;
            let (mut accepted, mut failed) = (0u64, 0u64);
            while let Some(request) =
                source.request(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
            {
                match conn.post_json(&request).await? {
                    201 => accepted += 1,
                    _ => failed += 1,
                }
            }
            anyhow::Ok((accepted, failed))
        }));
    }
    let mut ingest = Ingest {
        clients,
        ..Ingest::default()
    };
    for task in tasks {
        let (accepted, failed) = task.await??;
        ingest.accepted += accepted;
        ingest.failed += failed;
    }
    ingest.seconds = started.elapsed().as_secs_f64();
    Ok(ingest)
}

/// Open answers as fast as `args.clients` clients send them for `args.seconds`.
async fn sustained_ingest(
    addr: &str,
    targets: Arc<Targets>,
    args: &Args,
) -> anyhow::Result<Ingest> {
    let until = Instant::now() + Duration::from_secs(args.seconds);
    drive(addr, args.clients, Arc::new(OpenAnswers { targets, until })).await
}

/// One-time tickets for the counted ingest, issued through the store before the server
/// starts, at as many counters as a real regency's (25 each, under the counters' own pace
/// limit), for the units, services and officers the `n`-th request names.
async fn issue_tickets(
    targets: &Targets,
    store: &Store,
    count: u64,
) -> anyhow::Result<Vec<String>> {
    let now = time::OffsetDateTime::now_utc();
    let mut codes = Vec::with_capacity(usize::try_from(count)?);
    for n in 0..count {
        let pick = targets.pick(n);
        let code = suara_app::credentials::new_ticket_code();
        let binding = suara_store::TicketBinding {
            unit_id: pick.unit.to_string(),
            service_id: Some(pick.service.to_string()),
            officer_nip: pick.officer.map(str::to_string),
            point_id: None,
        };
        let counter = format!("bench-counter-{}", n / 25);
        let issuer = suara_store::Issuer {
            name: &counter,
            network: None,
            nip: None,
        };
        store
            .issue_ticket(TENANT_ID, &code, &binding, &issuer, now)
            .await
            .map_err(|e| anyhow::anyhow!("issuing a bench ticket: {e}"))?;
        codes.push(code);
    }
    Ok(codes)
}

/// Answers to the tickets as fast as `args.clients` clients send them: the path of answers
/// that count.
async fn counted_ingest(
    addr: &str,
    targets: &Arc<Targets>,
    codes: Vec<String>,
    store: &Store,
    args: &Args,
) -> anyhow::Result<Ingest> {
    let before = held_count(store, &[TENANT_ID]).await?;
    let source = TicketAnswers {
        targets: targets.clone(),
        codes,
    };
    let mut ingest = drive(addr, args.clients, Arc::new(source)).await?;
    ingest.held = held_count(store, &[TENANT_ID]).await? - before;
    ingest.counted = ingest.accepted.saturating_sub(ingest.held);
    Ok(ingest)
}

/// Requests sent at fixed times (open loop), latency measured from the time each was due,
/// so a slow server cannot hide its queue.
async fn fixed_load(addr: &str, targets: &Targets, args: &Args) -> anyhow::Result<Latencies> {
    let total = u64::from(args.rate) * args.seconds;
    let interval = Duration::from_secs_f64(1.0 / f64::from(args.rate.max(1)));
    let idle: Arc<Mutex<Vec<Connection>>> = Arc::new(Mutex::new(Vec::new()));
    let began = time::OffsetDateTime::now_utc();
    let start = tokio::time::Instant::now();
    let mut pending = Vec::new();
    for n in 0..total {
        let due = start + interval * n as u32;
        tokio::time::sleep_until(due).await;
        let Request {
            host,
            body,
            network,
        } = targets.request("fixed", n, None);
        let host = host.map(str::to_string);
        let (addr, idle) = (addr.to_string(), idle.clone());
        pending.push(tokio::spawn(async move {
            let reused = idle.lock().await.pop();
            let mut conn = match reused {
                Some(conn) => conn,
                None => Connection::open(&addr, None).await?,
            };
            let request = Request {
                host: host.as_deref(),
                body,
                network,
            };
            let status = conn.post_json(&request).await?;
            let latency = due.elapsed();
            idle.lock().await.push(conn);
            anyhow::Ok((status, latency))
        }));
    }
    let mut samples = Vec::new();
    let mut slow = vec![0; args.seconds as usize];
    let mut failed = 0;
    for (n, request) in pending.into_iter().enumerate() {
        match request.await? {
            Ok((201, latency)) => {
                if latency > Duration::from_millis(50) {
                    if let Some(count) = slow.get_mut(n / args.rate.max(1) as usize) {
                        *count += 1;
                    }
                }
                samples.push(latency);
            }
            _ => failed += 1,
        }
    }
    let mut latencies = Latencies::of(samples, failed);
    latencies.tail = Some((began, slow));
    Ok(latencies)
}

/// A staff page (the regency dashboard: every unit's IKM; the province view), signed in as
/// `username`, at `host` if given.
async fn page_latency(
    addr: &str,
    host: Option<&str>,
    username: &str,
    path: &str,
) -> anyhow::Result<Latencies> {
    let mut conn = Connection::open(addr, host).await?;
    let form = conn.get("/masuk", "").await?;
    let login_cookie = form
        .cookie("suara_login")
        .context("the sign-in page set no cookie")?;
    let body = String::from_utf8_lossy(&form.body);
    let csrf = body
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .context("the sign-in page has no csrf field")?
        .to_string();
    let signed_in = conn
        .post_form(
            "/masuk",
            &format!("suara_login={login_cookie}"),
            &format!("username={username}&password={DEMO_PASSWORD}&csrf={csrf}"),
        )
        .await?;
    let session = signed_in
        .cookie("suara_session")
        .with_context(|| format!("signing in as {username} failed"))?;
    let cookie = format!("suara_session={session}");
    let mut samples = Vec::new();
    let mut failed = 0;
    for round in 0..60 {
        let started = Instant::now();
        let page = conn.get(path, &cookie).await?;
        // The first requests warm the caches; the figures are of the rest.
        if round >= 10 {
            if page.status == 200 {
                samples.push(started.elapsed());
            } else {
                failed += 1;
            }
        }
    }
    Ok(Latencies::of(samples, failed))
}

/// A fresh SQLite database at `path` holding the bench's regency without responses.
async fn empty_regency(path: &Path, args: &Args) -> anyhow::Result<Store> {
    let store = Store::open(&format!("sqlite://{}", path.display())).await?;
    demo::generate(&store, &demo::tenant(), &bench_size(args, 0)).await?;
    Ok(store)
}

/// The bench's regency with `responses` generated responses, dated up to a fixed day.
fn bench_size(args: &Args, responses: u64) -> Size {
    Size {
        officers: args.officers,
        responses,
        seed: args.seed,
        until: time::macros::date!(2026 - 01 - 01),
        innovation_effect: demo::DEMO_EFFECT,
    }
}

/// The same generated rows inserted with prepared statements, 1,000 per durable
/// transaction, into a fresh database with the same schema: no checks, totals or chain.
async fn raw_insert_rate(dir: &Path, args: &Args) -> anyhow::Result<f64> {
    println!("SQLite: raw insert rate…");
    let path = dir.join("raw.db");
    let store = empty_regency(&path, args).await?;
    store.close().await;
    let batches = demo::generated_responses(&bench_size(args, args.responses.clamp(1, 200_000)));
    tokio::task::spawn_blocking(move || -> anyhow::Result<f64> {
        let mut conn = rusqlite::Connection::open(&path)?;
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")?;
        let all: Vec<_> = batches.flatten().collect();
        let started = Instant::now();
        for (n, chunk) in all.chunks(1000).enumerate() {
            let tx = conn.transaction()?;
            {
                let mut insert = tx.prepare_cached(
                    "INSERT INTO responses (tenant_id, idempotency_key, receipt, received_at_us,
                     period_month, channel, unit_id, service_id, officer_nip,
                     u1, u2, u3, u4, u5, u6, u7, u8, u9, sex, age_band, education, occupation, suggestion)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                             ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
                )?;
                for row in chunk {
                    let r = &row.response;
                    let a = r.answers.ratings().map(|x| x.map(|x| x.value()));
                    let p = &r.profile;
                    insert.execute(rusqlite::params![
                        TENANT_ID,
                        format!("raw-{n}-{}", r.idempotency_key),
                        row.receipt,
                        row.received_at.unix_timestamp() * 1_000_000,
                        "2026-01",
                        "web",
                        r.unit,
                        r.service,
                        r.officer,
                        a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8],
                        p.sex.map(|c| c.code()),
                        p.age_band.map(|c| c.code()),
                        p.education.map(|c| c.code()),
                        p.occupation.map(|c| c.code()),
                        r.suggestion,
                    ])?;
                }
            }
            tx.commit()?;
        }
        Ok(all.len() as f64 / started.elapsed().as_secs_f64())
    })
    .await?
}

/// Responses per transaction in [`counted_path_rate`]: about what group commit gathers
/// under the sustained load.
const COUNTED_GROUP: usize = 64;

/// Generated responses (up to 50,000) recorded through the store as the server records them
/// (references checked, anomaly rules, totals, chain), [`COUNTED_GROUP`] per durable
/// transaction. Spread over days as generated, almost none is held, so this measures the
/// counted path that the bench's HTTP bursts (held by the unit-burst rule) mostly skip.
async fn counted_path_rate(dir: &Path, args: &Args) -> anyhow::Result<(f64, u64)> {
    println!("SQLite: counted path…");
    let store = empty_regency(&dir.join("counted.db"), args).await?;
    let tenant = store
        .tenants()
        .await?
        .into_iter()
        .next()
        .context("the generated regency")?;
    let rows: Vec<_> =
        demo::generated_responses(&bench_size(args, args.responses.clamp(1, 50_000)))
            .flatten()
            .collect();
    let started = Instant::now();
    for group in rows.chunks(COUNTED_GROUP) {
        let submissions = group.iter().map(|row| Submission {
            response: &row.response,
            channel: row.channel,
            received_at: row.received_at,
            signals: None,
        });
        let outcomes = store.record_responses(&tenant, submissions).await?;
        if let Some(Err(refused)) = outcomes.iter().find(|o| o.is_err()) {
            bail!("a generated response was refused: {refused}");
        }
    }
    let rate = rows.len() as f64 / started.elapsed().as_secs_f64();
    let held = held_count(&store, &[TENANT_ID]).await?;
    store.close().await;
    Ok((rate, held))
}

/// The server as a child process, as it runs in production.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(url: &str, key: &Path) -> anyhow::Result<Server> {
        let mut child = Command::new(std::env::current_exe()?)
            .args([
                "serve",
                "--addr",
                "127.0.0.1:0",
                "--trust-proxy",
                "--database",
                url,
            ])
            .arg("--signing-key")
            .arg(key)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .context("starting the server")?;
        let stdout = child.stdout.take().context("the server's output")?;
        let mut lines = std::io::BufReader::new(stdout).lines();
        let addr = loop {
            let Some(line) = lines.next() else {
                bail!("the server stopped before serving");
            };
            let line = line?;
            if let Some(rest) = line.split("serving on http://").nth(1) {
                break rest.split('/').next().unwrap_or_default().to_string();
            }
        };
        // Keep reading: the server's warnings show here, and it never writes to a closed pipe.
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                eprintln!("server: {line}");
            }
        });
        Ok(Server { child, addr })
    }

    /// Peak resident memory (VmHWM) of the server process so far.
    fn peak_rss_mb(&self) -> f64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .ok()
            .and_then(|status| {
                status
                    .lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kb| kb.parse::<f64>().ok())
            })
            .map_or(0.0, |kb| kb / 1024.0)
    }
}

/// Stopped however the bench ends, an error included: no server outlives it.
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A keep-alive HTTP/1.1 connection: enough client for the bench, with no overhead of its own.
struct Connection {
    stream: BufReader<TcpStream>,
    /// The `Host` header it sends unless a request names another.
    host: String,
}

struct Reply {
    status: u16,
    set_cookies: Vec<String>,
    body: Vec<u8>,
}

impl Reply {
    fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookies.iter().find_map(|c| {
            c.strip_prefix(&format!("{name}="))
                .map(|rest| rest.split(';').next().unwrap_or_default().to_string())
        })
    }
}

impl Connection {
    async fn open(addr: &str, host: Option<&str>) -> anyhow::Result<Connection> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Connection {
            stream: BufReader::new(stream),
            host: host.unwrap_or(addr).to_string(),
        })
    }

    async fn post_json(&mut self, request: &Request<'_>) -> anyhow::Result<u16> {
        let head = format!(
            "POST /api/v1/responses HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nX-Forwarded-For: {}\r\nContent-Length: {}\r\n\r\n",
            request.host.unwrap_or(&self.host),
            request.network,
            request.body.len()
        );
        Ok(self.exchange(head, request.body.as_bytes()).await?.status)
    }

    async fn post_form(&mut self, path: &str, cookie: &str, body: &str) -> anyhow::Result<Reply> {
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
            self.host,
            body.len()
        );
        self.exchange(head, body.as_bytes()).await
    }

    async fn get(&mut self, path: &str, cookie: &str) -> anyhow::Result<Reply> {
        let cookie = if cookie.is_empty() {
            String::new()
        } else {
            format!("Cookie: {cookie}\r\n")
        };
        let head = format!("GET {path} HTTP/1.1\r\nHost: {}\r\n{cookie}\r\n", self.host);
        self.exchange(head, b"").await
    }

    async fn exchange(&mut self, head: String, body: &[u8]) -> anyhow::Result<Reply> {
        let stream = self.stream.get_mut();
        stream.write_all(head.as_bytes()).await?;
        stream.write_all(body).await?;
        let mut line = String::new();
        self.stream.read_line(&mut line).await?;
        let status = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .with_context(|| format!("a bad status line {line:?}"))?;
        let mut length = 0usize;
        let mut set_cookies = Vec::new();
        loop {
            line.clear();
            self.stream.read_line(&mut line).await?;
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                let value = value.trim();
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.parse().context("content-length")?;
                } else if name.eq_ignore_ascii_case("set-cookie") {
                    set_cookies.push(value.to_string());
                }
            }
        }
        let mut body = vec![0; length];
        self.stream.read_exact(&mut body).await?;
        Ok(Reply {
            status,
            set_cookies,
            body,
        })
    }
}

async fn create_postgres_database(server: &str, name: &str) -> anyhow::Result<String> {
    use sqlx::{Connection as _, Executor};
    sqlx::any::install_default_drivers();
    let mut admin = sqlx::AnyConnection::connect(server)
        .await
        .with_context(|| format!("connecting to {server}"))?;
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await?;
    admin.close().await?;
    let base = server.rsplit_once('/').map_or(server, |(base, _)| base);
    Ok(format!("{base}/{name}"))
}

async fn drop_postgres_database(server: &str, name: &str) -> anyhow::Result<()> {
    use sqlx::{Connection as _, Executor};
    let mut admin = sqlx::AnyConnection::connect(server).await?;
    admin
        .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
        .await?;
    admin.close().await?;
    Ok(())
}

fn print(f: &Figures) {
    println!("── {} ──", f.backend);
    println!(
        "  generate     {} responses in {:.1} s ({:.0}/s)",
        f.generated,
        f.generate_seconds,
        f.generated as f64 / f.generate_seconds.max(1e-9)
    );
    if let Some(raw) = f.raw_rows_per_second {
        println!("  raw insert   {raw:.0} rows/s (one thread, 1,000 rows per durable commit)");
    }
    if let Some((rate, held)) = f.counted_path {
        println!(
            "  counted      {rate:.0} responses/s through the store, {COUNTED_GROUP} per durable commit, no HTTP ({held} held)"
        );
    }
    print_load(&f.ingest, &f.fixed);
    let c = &f.counted;
    println!(
        "  counted HTTP {:.0} ticket answers/s ({} in {:.1} s, {} clients; {} counted, {} held for review; {} not accepted)",
        c.accepted as f64 / c.seconds.max(1e-9),
        c.accepted,
        c.seconds,
        c.clients,
        c.counted,
        c.held,
        c.failed
    );
    println!(
        "  dashboard    p50 {:.1} ms, p99 {:.1} ms ({} requests for all units, {} failed)",
        f.dashboard.p50_ms, f.dashboard.p99_ms, f.dashboard.requests, f.dashboard.failed
    );
    println!(
        "  first head   {:.1} s to sign the generated log (tiles of {} leaves)",
        f.first_head_seconds, f.generated
    );
    println!(
        "  payroll      {:.2} s for {} officers",
        f.payroll_seconds, f.payroll_officers
    );
    println!("  server RSS   {:.0} MB peak", f.peak_rss_mb);
}

/// Sustained ingest, then the fixed load with its slow requests second by second and the
/// UTC time it began.
fn print_load(i: &Ingest, fixed: &Latencies) {
    println!(
        "  ingest       {:.0} accepted/s sustained ({} in {:.1} s, {} clients; {} counted, {} held for review; {} not accepted)",
        i.accepted as f64 / i.seconds.max(1e-9),
        i.accepted,
        i.seconds,
        i.clients,
        i.counted,
        i.held,
        i.failed
    );
    println!(
        "  fixed load   p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms ({} requests, {} not accepted)",
        fixed.p50_ms, fixed.p99_ms, fixed.max_ms, fixed.requests, fixed.failed
    );
    if let Some((began, slow)) = &fixed.tail {
        let seconds: Vec<String> = slow.iter().map(usize::to_string).collect();
        println!(
            "  tail         over 50 ms in each second from {:02}:{:02}:{:02} UTC: {}",
            began.hour(),
            began.minute(),
            began.second(),
            seconds.join(" ")
        );
    }
}

fn summary(all: &[Figures]) {
    println!();
    println!(
        "| figure | {} |",
        all.iter()
            .map(|f| f.backend)
            .collect::<Vec<_>>()
            .join(" | ")
    );
    println!("|---|{}", "---|".repeat(all.len()));
    let row = |name: &str, value: &dyn Fn(&Figures) -> String| {
        println!(
            "| {name} | {} |",
            all.iter().map(value).collect::<Vec<_>>().join(" | ")
        );
    };
    row("generate (responses/s)", &|f| {
        format!("{:.0}", f.generated as f64 / f.generate_seconds.max(1e-9))
    });
    row(
        "ingest, sustained open answers, mostly held (accepted/s)",
        &|f| {
            format!(
                "{:.0}",
                f.ingest.accepted as f64 / f.ingest.seconds.max(1e-9)
            )
        },
    );
    row(
        "counted ingest over HTTP, ticket answers (counted/s)",
        &|f| {
            format!(
                "{:.0}",
                f.counted.counted as f64 / f.counted.seconds.max(1e-9)
            )
        },
    );
    row("raw insert, one thread (rows/s)", &|f| {
        f.raw_rows_per_second
            .map_or("–".into(), |r| format!("{r:.0}"))
    });
    row("counted path, store only (responses/s)", &|f| {
        f.counted_path
            .map_or("–".into(), |(rate, _)| format!("{rate:.0}"))
    });
    row("p50 / p99 at fixed load (ms)", &|f| {
        format!("{:.1} / {:.1}", f.fixed.p50_ms, f.fixed.p99_ms)
    });
    row("dashboard p50 / p99 (ms)", &|f| {
        format!("{:.1} / {:.1}", f.dashboard.p50_ms, f.dashboard.p99_ms)
    });
    row("first signed head of the log (s)", &|f| {
        format!("{:.1}", f.first_head_seconds)
    });
    row("payroll (s)", &|f| format!("{:.2}", f.payroll_seconds));
    row("server peak RSS (MB)", &|f| format!("{:.0}", f.peak_rss_mb));
}
