//! Losing the database machine (issue 36): PostgreSQL replicated by Patroni (etcd for the
//! leader lock, a synchronous standby so an acknowledged response is on two servers) behind
//! HAProxy, two app servers behind nginx, a steady stream of responses; the primary's
//! Patroni and PostgreSQL are killed with SIGKILL mid-stream. The standby is promoted, the
//! app servers reconnect by themselves, every acknowledged response is there exactly once,
//! writes are back within 30 s, and `suara verify` passes against the heads kept beside the
//! key. Everything runs on loopback, started and stopped by the test (Debian's patroni,
//! etcd-server, haproxy, nginx and PostgreSQL, which `.ci/run` installs); SKIPPED without.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod support;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use suara_store::testing::free_port;
use support::{http, http_to, postgres_bin, serve, start_nginx, stdout, stop_gracefully, suara};

/// Processes of the test, killed when dropped (also when the test fails): children,
/// Patroni by its configuration's path (it runs under runuser), and the PostgreSQL servers
/// of these data folders (Patroni killed leaves them running).
struct Killed {
    children: Vec<Child>,
    patroni: Vec<String>,
    data: Vec<PathBuf>,
}

impl Drop for Killed {
    fn drop(&mut self) {
        for pattern in &self.patroni {
            let _ = Command::new("pkill").args(["-9", "-f", pattern]).status();
        }
        for data in &self.data {
            if let Some(pid) = std::fs::read_to_string(data.join("postmaster.pid"))
                .ok()
                .and_then(|text| text.lines().next().map(str::to_string))
            {
                let _ = Command::new("kill").args(["-9", &pid]).output();
            }
        }
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn installed(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A Patroni node's configuration: its REST port, PostgreSQL port, data in `dir/nN`.
fn node_config(dir: &Path, n: usize, etcd: u16, api: u16, pg: u16, bin: &Path) -> PathBuf {
    let home = dir.join(format!("n{n}"));
    std::fs::create_dir_all(&home).unwrap();
    let text = format!(
        "scope: suara\nname: n{n}\nrestapi:\n  listen: 127.0.0.1:{api}\n  connect_address: 127.0.0.1:{api}\n\
         etcd3:\n  host: 127.0.0.1:{etcd}\n\
         bootstrap:\n  dcs:\n    ttl: 10\n    loop_wait: 2\n    retry_timeout: 3\n\
         \x20   maximum_lag_on_failover: 1048576\n    synchronous_mode: true\n\
         \x20   postgresql:\n      use_pg_rewind: false\n      parameters:\n\
         \x20       wal_level: replica\n        max_wal_senders: 5\n\
         \x20 initdb:\n  - encoding: UTF8\n\
         \x20 pg_hba:\n  - host replication replicator 127.0.0.1/32 trust\n\
         \x20 - host all all 127.0.0.1/32 trust\n\
         postgresql:\n  listen: 127.0.0.1:{pg}\n  connect_address: 127.0.0.1:{pg}\n\
         \x20 data_dir: {home}/data\n  bin_dir: {bin}\n  pgpass: {home}/pgpass\n\
         \x20 authentication:\n    replication:\n      username: replicator\n      password: rep\n\
         \x20   superuser:\n      username: postgres\n      password: pg\n\
         \x20 parameters:\n    unix_socket_directories: '{home}'\n",
        home = home.display(),
        bin = bin.display(),
    );
    let file = dir.join(format!("n{n}.yml"));
    std::fs::write(&file, text).unwrap();
    for path in [&home, &file] {
        let owned = Command::new("chown").arg("postgres").arg(path).status();
        assert!(owned.unwrap().success());
    }
    file
}

fn wait_for(what: &str, seconds: u64, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    while !ready() {
        assert!(Instant::now() < deadline, "{what} within {seconds} s");
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// Whether the Patroni REST API on `port` answers `path` with 200 (`/primary`, `/sync`).
fn patroni_says(port: u16, path: &str) -> bool {
    http_to(&format!("127.0.0.1:{port}"), "localhost", "GET", path, None)
        .is_ok_and(|(status, _)| status == 200)
}

fn psql(bin: &Path, port: u16, database: &str, sql: &str) -> String {
    let output = Command::new(bin.join("psql"))
        .args([
            "-h",
            "127.0.0.1",
            "-p",
            &port.to_string(),
            "-U",
            "postgres",
            "-d",
            database,
        ])
        .args(["-Atc", sql])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

#[test]
fn a_killed_primary_loses_no_acknowledged_response() {
    let Some(bin) = postgres_bin() else {
        println!("SKIPPED: PostgreSQL's server binaries are not installed");
        return;
    };
    for program in ["patroni", "etcd", "haproxy", "runuser"] {
        if !installed(program) {
            println!(
                "SKIPPED: {program} is not installed (apt-get install patroni etcd-server haproxy)"
            );
            return;
        }
    }
    let dir = tempfile::Builder::new()
        .prefix("suara-ha-")
        .tempdir()
        .unwrap();
    let root = dir.path().to_path_buf();
    assert!(Command::new("chmod")
        .arg("755")
        .arg(&root)
        .status()
        .unwrap()
        .success());
    let (etcd, peer, proxy) = (free_port(), free_port(), free_port());
    let api = [free_port(), free_port()];
    let pg = [free_port(), free_port()];
    let mut running = Killed {
        children: Vec::new(),
        patroni: Vec::new(),
        data: Vec::new(),
    };

    // etcd holds the leader lock; two Patroni nodes, the first bootstraps.
    let etcd_url = format!("http://127.0.0.1:{etcd}");
    let peer_url = format!("http://127.0.0.1:{peer}");
    running.children.push(
        Command::new("etcd")
            .args(["--name", "e", "--data-dir"])
            .arg(root.join("etcd"))
            .args([
                "--listen-client-urls",
                &etcd_url,
                "--advertise-client-urls",
                &etcd_url,
            ])
            .args([
                "--listen-peer-urls",
                &peer_url,
                "--initial-advertise-peer-urls",
                &peer_url,
            ])
            .args(["--initial-cluster", &format!("e={peer_url}")])
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(root.join("etcd.log")).unwrap())
            .spawn()
            .unwrap(),
    );
    let mut configs = Vec::new();
    for n in 0..2 {
        let config = node_config(&root, n, etcd, api[n], pg[n], &bin);
        running
            .patroni
            .push(format!("patroni {}", config.display()));
        running.data.push(root.join(format!("n{n}/data")));
        running.children.push(
            Command::new("runuser")
                .args(["-u", "postgres", "--", "patroni"])
                .arg(&config)
                .stdout(std::fs::File::create(root.join(format!("patroni{n}.log"))).unwrap())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        if n == 0 {
            wait_for("the first node leads", 90, || {
                patroni_says(api[0], "/primary")
            });
        }
        configs.push(config);
    }
    wait_for("a synchronous standby", 90, || {
        patroni_says(api[1], "/sync")
    });

    // HAProxy sends connections to whichever node Patroni says is the primary.
    let haproxy = format!(
        "global\n    maxconn 200\ndefaults\n    mode tcp\n    timeout connect 2s\n\
         \x20   timeout client 30m\n    timeout server 30m\n    timeout check 2s\n\
         listen primary\n    bind 127.0.0.1:{proxy}\n    option httpchk OPTIONS /primary\n\
         \x20   http-check expect status 200\n\
         \x20   default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions\n\
         \x20   server n0 127.0.0.1:{} maxconn 100 check port {}\n\
         \x20   server n1 127.0.0.1:{} maxconn 100 check port {}\n",
        pg[0], api[0], pg[1], api[1]
    );
    std::fs::write(root.join("haproxy.cfg"), haproxy).unwrap();
    running.children.push(
        Command::new("haproxy")
            .arg("-db")
            .arg("-f")
            .arg(root.join("haproxy.cfg"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    // HAProxy starts with every server up: it has found the primary once the standby's
    // checks failed, when every connection through it is out of recovery.
    let primary_through_proxy = || {
        Command::new(bin.join("psql"))
            .args([
                "-h",
                "127.0.0.1",
                "-p",
                &proxy.to_string(),
                "-U",
                "postgres",
            ])
            .args(["-d", "postgres", "-Atc", "SELECT pg_is_in_recovery()"])
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "f")
    };
    wait_for("HAProxy finds the primary", 30, || {
        (0..6).all(|_| primary_through_proxy())
    });
    psql(&bin, proxy, "postgres", "CREATE DATABASE suara");
    let database = format!("postgres://postgres@127.0.0.1:{proxy}/suara");

    // Two app servers on it behind nginx, with one signing key.
    let keys = tempfile::tempdir().unwrap();
    let key = keys.path().join("signing-key");
    let key = key.to_str().unwrap();
    let (first, first_addr) = serve(&database, &["--demo", "--signing-key", key]);
    let (second, second_addr) = serve(&database, &["--signing-key", key]);
    let Some((_nginx, balancer)) = start_nginx(&root, &[first_addr, second_addr]) else {
        println!("SKIPPED: nginx is not installed (apt-get install nginx-light)");
        return;
    };

    // A steady stream of responses, each retried with its key until acknowledged; the
    // primary's machine is "lost" (Patroni and PostgreSQL killed) three seconds in.
    let stream = std::thread::spawn({
        let balancer = balancer.clone();
        move || {
            let started = Instant::now();
            let mut acknowledged: HashMap<String, String> = HashMap::new();
            let (mut failed, mut first_failure, mut last_failure) = (0u32, None, None);
            for i in 0..400 {
                let key = format!("failover-{i:05}");
                let body = format!(
                    r#"{{"unit":"dispendukcapil","answers":[4,4,3,4,4,4,3,4,4],"idempotency_key":"{key}"}}"#
                );
                loop {
                    match http_to(
                        &balancer,
                        "localhost",
                        "POST",
                        "/api/v1/responses",
                        Some(&body),
                    ) {
                        Ok((201, reply)) => {
                            let reply: serde_json::Value = serde_json::from_str(&reply).unwrap();
                            acknowledged
                                .insert(key, reply["receipt"].as_str().unwrap().to_string());
                            break;
                        }
                        _ => {
                            failed += 1;
                            let at = started.elapsed().as_secs_f64();
                            first_failure.get_or_insert(at);
                            last_failure = Some(at);
                            assert!(at < 120.0, "writes did not come back");
                            std::thread::sleep(Duration::from_millis(200));
                        }
                    }
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            (acknowledged, failed, first_failure, last_failure)
        }
    });
    std::thread::sleep(Duration::from_secs(3));
    let primary = usize::from(!patroni_says(api[0], "/primary"));
    let postmaster = std::fs::read_to_string(root.join(format!("n{primary}/data/postmaster.pid")))
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_string();
    let pattern = format!("python3 /usr/bin/patroni {}", configs[primary].display());
    assert!(Command::new("pkill")
        .args(["-9", "-f", &pattern])
        .status()
        .unwrap()
        .success());
    assert!(Command::new("kill")
        .args(["-9", &postmaster])
        .status()
        .unwrap()
        .success());
    let (acknowledged, failed, first_failure, last_failure) = stream.join().unwrap();
    let without_writes = match (first_failure, last_failure) {
        (Some(first), Some(last)) => last - first,
        _ => 0.0,
    };
    let standby = 1 - primary;
    assert!(
        patroni_says(api[standby], "/primary"),
        "the standby was promoted"
    );
    assert!(
        without_writes < 30.0,
        "{without_writes:.1} s without writes"
    );

    // Every acknowledged response, exactly once.
    let stored = psql(
        &bin,
        proxy,
        "suara",
        "SELECT string_agg(idempotency_key || '=' || receipt, ',' ORDER BY idempotency_key)
         FROM responses WHERE idempotency_key LIKE 'failover-%'",
    );
    let mut expected: Vec<String> = acknowledged
        .iter()
        .map(|(k, r)| format!("{k}={r}"))
        .collect();
    expected.sort();
    let lost = acknowledged.len()
        - stored
            .split(',')
            .filter(|s| expected.contains(&s.to_string()))
            .count();
    assert_eq!(
        stored,
        expected.join(","),
        "every acknowledged response once"
    );

    // The servers sign on after the failover, and everything signed verifies: no fork.
    let (status, _) = http(&balancer, "GET", "/health", None);
    assert_eq!(status, 200);
    stop_gracefully(first);
    stop_gracefully(second);
    let verified = suara(&["verify", "--database", &database, "--signing-key", key]);
    assert!(
        verified.status.success() && stdout(&verified).contains("chain intact"),
        "{}",
        stdout(&verified)
    );
    println!(
        "failover: {without_writes:.1} s without writes, {failed} requests failed (each retried), {lost} responses lost of {} acknowledged",
        acknowledged.len()
    );
}
