//! `suara bench --tenants N`: the province bench. N regencies of the asked size generated
//! into one PostgreSQL database, with a province entry and its account; `--servers` app
//! servers on that database behind Debian's nginx (a child process with a configuration of
//! its own, as `tests/cluster.rs` runs it); then each regency's dashboard p99 at its own host
//! name, the province view's p99, sustained ingest and latency at a fixed load through the
//! balancer, each regency's payroll, and each server's peak memory.

use std::path::Path;
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use suara_domain::access::Role;
use suara_store::{NewAccount, Store, Tenant};

use super::{
    create_postgres_database, drop_postgres_database, fixed_load, held_count, page_latency,
    print_load, settle, sustained_ingest, Args, Ingest, Latencies, Regency, Server, Targets,
};
use crate::demo::{self, Size, DEMO_PASSWORD};

/// East Java's 38 regencies and cities, by the code and name the bench gives each.
const REGENCIES: [(&str, &str); 38] = [
    ("trenggalek", "Kabupaten Trenggalek"),
    ("bangkalan", "Kabupaten Bangkalan"),
    ("banyuwangi", "Kabupaten Banyuwangi"),
    ("blitar", "Kabupaten Blitar"),
    ("bojonegoro", "Kabupaten Bojonegoro"),
    ("bondowoso", "Kabupaten Bondowoso"),
    ("gresik", "Kabupaten Gresik"),
    ("jember", "Kabupaten Jember"),
    ("jombang", "Kabupaten Jombang"),
    ("kediri", "Kabupaten Kediri"),
    ("lamongan", "Kabupaten Lamongan"),
    ("lumajang", "Kabupaten Lumajang"),
    ("madiun", "Kabupaten Madiun"),
    ("magetan", "Kabupaten Magetan"),
    ("malang", "Kabupaten Malang"),
    ("mojokerto", "Kabupaten Mojokerto"),
    ("nganjuk", "Kabupaten Nganjuk"),
    ("ngawi", "Kabupaten Ngawi"),
    ("pacitan", "Kabupaten Pacitan"),
    ("pamekasan", "Kabupaten Pamekasan"),
    ("pasuruan", "Kabupaten Pasuruan"),
    ("ponorogo", "Kabupaten Ponorogo"),
    ("probolinggo", "Kabupaten Probolinggo"),
    ("sampang", "Kabupaten Sampang"),
    ("sidoarjo", "Kabupaten Sidoarjo"),
    ("situbondo", "Kabupaten Situbondo"),
    ("sumenep", "Kabupaten Sumenep"),
    ("tuban", "Kabupaten Tuban"),
    ("tulungagung", "Kabupaten Tulungagung"),
    ("kota-batu", "Kota Batu"),
    ("kota-blitar", "Kota Blitar"),
    ("kota-kediri", "Kota Kediri"),
    ("kota-madiun", "Kota Madiun"),
    ("kota-malang", "Kota Malang"),
    ("kota-mojokerto", "Kota Mojokerto"),
    ("kota-pasuruan", "Kota Pasuruan"),
    ("kota-probolinggo", "Kota Probolinggo"),
    ("kota-surabaya", "Kota Surabaya"),
];

/// The province's own entry, whose account sees `/provinsi`.
const PROVINCE: (&str, &str) = ("jatim", "Provinsi Jawa Timur");

fn host(code: &str) -> String {
    format!("{code}.suara.test")
}

struct Figures {
    regencies: usize,
    servers: usize,
    generated: u64,
    generate_seconds: f64,
    first_head_seconds: f64,
    ingest: Ingest,
    fixed: Latencies,
    /// Each regency's name and dashboard latencies.
    dashboards: Vec<(String, Latencies)>,
    province: Latencies,
    /// Each regency's name, payroll seconds and officers paid or not.
    payrolls: Vec<(String, f64, u64)>,
    peak_rss_mb: Vec<f64>,
}

pub async fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let Some(server) = &args.postgres else {
        bail!("the province bench (--tenants above 1) runs on PostgreSQL: give --postgres postgres://USER@HOST/DB");
    };
    if args.servers == 0 {
        bail!("--servers: at least one app server");
    }
    if args.tenants > REGENCIES.len() {
        bail!(
            "--tenants: at most {} (East Java's regencies and cities)",
            REGENCIES.len()
        );
    }
    let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .context("the province bench needs nginx (apt-get install nginx-light)")?;
    println!(
        "suara bench: province of {} regencies × {} responses and {} officers, {} app servers behind nginx on PostgreSQL; ingest {} s with {} clients, latency at {} requests/s",
        args.tenants, args.responses, args.officers, args.servers, args.seconds, args.clients, args.rate
    );
    let dir = tempfile::tempdir().context("a temporary directory")?;
    let database = format!("suara_province_{}", std::process::id());
    let url = create_postgres_database(server, &database).await?;
    let measured = measure(args, &url, dir.path(), nginx).await;
    let dropped = drop_postgres_database(server, &database).await;
    print(&measured?);
    dropped?;
    Ok(ExitCode::SUCCESS)
}

async fn measure(args: &Args, url: &str, dir: &Path, nginx: &str) -> anyhow::Result<Figures> {
    let store = Store::open(url)
        .await
        .with_context(|| format!("opening {url}"))?;
    let regencies = &REGENCIES[..args.tenants];
    let (generated, generate_seconds) = generate_regencies(&store, args, regencies).await?;
    add_province(&store).await?;

    let key = dir.join("signing-key");
    // The payroll below writes the audit chain as a server would: with the regency's key.
    let signer = std::sync::Arc::new(suara_app::signing::Signer::new(&key));
    store.set_entry_keys(signer.clone());
    println!("province: signing every regency's log…");
    let started = Instant::now();
    signer.sign_all(&store).await?;
    let first_head_seconds = started.elapsed().as_secs_f64();
    settle(&store, "province", args).await?;

    let mut targets = Vec::new();
    for (code, _) in regencies {
        targets.push(Regency::read(&store, code, Some(host(code))).await?);
    }
    let targets = Arc::new(Targets(targets));
    let mut servers = Vec::new();
    for _ in 0..args.servers {
        servers.push(Server::start(url, &key)?);
    }
    let backends: Vec<String> = servers.iter().map(|s| s.addr.clone()).collect();
    let balancer = Balancer::start(nginx, dir, &backends)?;
    let addr = balancer.addr.clone();
    let codes: Vec<&str> = regencies.iter().map(|(code, _)| *code).collect();
    let outcome = async {
        println!("province: sustained ingest through nginx…");
        let before = held_count(&store, &codes).await?;
        let mut ingest = sustained_ingest(&addr, targets.clone(), args).await?;
        ingest.held = held_count(&store, &codes).await? - before;
        ingest.counted = ingest.accepted.saturating_sub(ingest.held);
        println!("province: latency at a fixed load…");
        let fixed = fixed_load(&addr, &targets, args).await?;
        println!("province: each regency's dashboard…");
        let mut dashboards = Vec::new();
        for (code, name) in regencies {
            let latencies = page_latency(&addr, Some(&host(code)), "bappeda", "/dasbor").await?;
            dashboards.push((name.to_string(), latencies));
        }
        println!("province: the province view…");
        let province =
            page_latency(&addr, Some(&host(PROVINCE.0)), "provinsi", "/provinsi").await?;
        println!("province: each regency's payroll…");
        let payrolls = run_payrolls(&store, &signer, regencies).await?;
        anyhow::Ok((ingest, fixed, dashboards, province, payrolls))
    }
    .await;
    let peak_rss_mb = servers.iter().map(Server::peak_rss_mb).collect();
    drop(balancer);
    drop(servers);
    store.close().await;
    let (ingest, fixed, dashboards, province, payrolls) = outcome?;
    Ok(Figures {
        regencies: regencies.len(),
        servers: args.servers,
        generated,
        generate_seconds,
        first_head_seconds,
        ingest,
        fixed,
        dashboards,
        province,
        payrolls,
        peak_rss_mb,
    })
}

/// Generates each regency with its host name: the responses generated, and the seconds it
/// took.
async fn generate_regencies(
    store: &Store,
    args: &Args,
    regencies: &[(&str, &str)],
) -> anyhow::Result<(u64, f64)> {
    let until = time::OffsetDateTime::now_utc()
        .to_offset(time::macros::offset!(+7))
        .date();
    let started = Instant::now();
    let mut generated = 0;
    for (i, (code, name)) in regencies.iter().enumerate() {
        let tenant = regency(code, name);
        let size = Size {
            officers: args.officers,
            responses: args.responses,
            seed: args.seed + i as u64,
            until,
            innovation_effect: demo::DEMO_EFFECT,
        };
        generated += demo::generate(store, &tenant, &size)
            .await?
            .loaded
            .responses;
        store.add_tenant_host(code, &host(code)).await?;
        println!(
            "province: {name} generated ({} of {}, {generated} responses in {:.0} s)",
            i + 1,
            regencies.len(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok((generated, started.elapsed().as_secs_f64()))
}

/// Runs each regency's payroll for the previous month: its name, the seconds it took and the
/// officers paid or not.
async fn run_payrolls(
    store: &Store,
    signer: &suara_app::signing::Signer,
    regencies: &[(&str, &str)],
) -> anyhow::Result<Vec<(String, f64, u64)>> {
    let mut payrolls = Vec::new();
    for (code, name) in regencies {
        let month = regency(code, name)
            .month_of(time::OffsetDateTime::now_utc())
            .previous();
        let started = Instant::now();
        let run = store
            .run_payroll(
                code,
                month,
                "bench",
                time::OffsetDateTime::now_utc(),
                &suara_store::LogSigner::new(&*signer.key(code)?),
            )
            .await?;
        payrolls.push((
            name.to_string(),
            started.elapsed().as_secs_f64(),
            run.paid + run.unpaid,
        ));
    }
    Ok(payrolls)
}

fn regency(code: &str, name: &str) -> Tenant {
    Tenant {
        tenant_id: code.into(),
        name: name.into(),
        utc_offset_minutes: 420,
    }
}

/// The province's entry, its host name and its account `provinsi`.
async fn add_province(store: &Store) -> anyhow::Result<()> {
    let (code, name) = PROVINCE;
    store.upsert_tenant(&regency(code, name)).await?;
    store.add_tenant_host(code, &host(code)).await?;
    let hash = suara_app::credentials::hash_password(DEMO_PASSWORD)
        .map_err(|e| anyhow::anyhow!("hashing the bench password: {e}"))?;
    let account = NewAccount {
        username: "provinsi",
        password_hash: &hash,
        must_change_password: false,
        role: Role::Province,
        unit_id: None,
        nip: None,
    };
    store
        .create_account(code, &account, "bench", time::OffsetDateTime::now_utc())
        .await?;
    Ok(())
}

/// nginx in the foreground with a configuration of its own, stopped (with SIGTERM, so its
/// workers stop too) when dropped. It passes the load generator's `X-Forwarded-For` on: the
/// bench's requests stand for citizens on many networks, which one machine cannot be.
struct Balancer {
    child: Child,
    addr: String,
}

impl Balancer {
    fn start(nginx: &str, dir: &Path, backends: &[String]) -> anyhow::Result<Balancer> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let servers: String = backends
            .iter()
            .map(|b| format!("        server {b};\n"))
            .collect();
        let config = format!(
            "worker_processes 1;\npid {dir}/nginx.pid;\nerror_log {dir}/error.log warn;\n\
             events {{ worker_connections 1024; }}\n\
             http {{\n    access_log off;\n    client_body_temp_path {dir}/body;\n\
                 proxy_temp_path {dir}/proxy;\n    fastcgi_temp_path {dir}/fastcgi;\n\
                 uwsgi_temp_path {dir}/uwsgi;\n    scgi_temp_path {dir}/scgi;\n\
                 upstream suara {{\n{servers}        keepalive 64;\n    }}\n\
                 server {{\n        listen 127.0.0.1:{port};\n\
                     location / {{\n            proxy_pass http://suara;\n\
                         proxy_http_version 1.1;\n\
                         proxy_set_header Connection \"\";\n\
                         proxy_set_header Host $host;\n\
                         proxy_set_header X-Forwarded-For $http_x_forwarded_for;\n\
                         proxy_max_temp_file_size 0;\n\
                     }}\n    }}\n}}\n",
            dir = dir.display()
        );
        let file = dir.join("nginx.conf");
        std::fs::write(&file, config)?;
        let child = Command::new(nginx)
            .arg("-e")
            .arg(dir.join("error.log"))
            .arg("-p")
            .arg(dir)
            .arg("-c")
            .arg(&file)
            .args(["-g", "daemon off;"])
            .stdout(Stdio::null())
            .spawn()
            .context("starting nginx")?;
        let mut balancer = Balancer {
            child,
            addr: format!("127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(&balancer.addr).is_err() {
            if Instant::now() > deadline || balancer.child.try_wait()?.is_some() {
                bail!("nginx did not start (see {}/error.log)", dir.display());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(balancer)
    }
}

impl Drop for Balancer {
    fn drop(&mut self) {
        let asked = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        if !asked.is_ok_and(|s| s.success()) {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

fn print(f: &Figures) {
    println!(
        "── province: {} regencies, {} app servers behind nginx, PostgreSQL ──",
        f.regencies, f.servers
    );
    println!(
        "  generate     {} responses in {:.0} s ({:.0}/s)",
        f.generated,
        f.generate_seconds,
        f.generated as f64 / f.generate_seconds.max(1e-9)
    );
    println!(
        "  first heads  {:.1} s to sign every regency's generated log",
        f.first_head_seconds
    );
    print_load(&f.ingest, &f.fixed);
    println!(
        "  province     /provinsi p50 {:.1} ms, p99 {:.1} ms ({} requests, {} failed; target p99 < 200 ms)",
        f.province.p50_ms, f.province.p99_ms, f.province.requests, f.province.failed
    );
    for (n, mb) in f.peak_rss_mb.iter().enumerate() {
        println!("  server {}     {mb:.0} MB peak RSS", n + 1);
    }
    println!();
    println!("| regency | dashboard p50 / p99 (ms), target p99 < 50 | payroll (s), target < 1 | officers |");
    println!("|---|---|---|---|");
    for ((name, dashboard), (_, seconds, officers)) in f.dashboards.iter().zip(&f.payrolls) {
        println!(
            "| {name} | {:.1} / {:.1} | {seconds:.2} | {officers} |",
            dashboard.p50_ms, dashboard.p99_ms
        );
    }
    let worst_dashboard = f
        .dashboards
        .iter()
        .map(|(_, d)| d.p99_ms)
        .fold(0.0, f64::max);
    let worst_payroll = f.payrolls.iter().map(|(_, s, _)| *s).fold(0.0, f64::max);
    println!("| worst | – / {worst_dashboard:.1} | {worst_payroll:.2} | |");
}
