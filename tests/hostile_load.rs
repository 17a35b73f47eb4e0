//! The hostile-load table of the book's "Reliability" chapter, mounted against the real
//! binary on each backend, one row after another on one server: each row must leave the
//! server under 300 MB at its peak and its `/health` answering, or be refused with a clear
//! 4xx. Every row is bounded in count and time and sends traffic to loopback only.
//!
//! The times are printed, not judged to the millisecond: the book's figures (median under
//! 100 ms) come from this test on a quiet machine, while CI runs it beside other tests and
//! under a faked clock, where only "answers within a second" is a fair bound.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use support::{http, on_both_backends, serve, stderr, suara};

const PEAK_LIMIT_KB: u64 = 300 * 1024;

fn peak_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap()
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse().ok())
        .unwrap()
}

/// Probes `/health` every 50 ms until stopped: the times it took.
fn probe_health(addr: String, stop: Arc<AtomicBool>) -> std::thread::JoinHandle<Vec<Duration>> {
    std::thread::spawn(move || {
        let mut times = Vec::new();
        while !stop.load(Ordering::Relaxed) {
            let started = Instant::now();
            let (status, _) = http(&addr, "GET", "/health", None);
            assert_eq!(status, 200);
            times.push(started.elapsed());
            std::thread::sleep(Duration::from_millis(50));
        }
        times
    })
}

/// Runs `row` while `/health` is probed; checks the median probe and the server's peak, and
/// prints both.
fn row(name: &str, addr: &str, pid: u32, row: impl FnOnce()) {
    let stop = Arc::new(AtomicBool::new(false));
    let probes = probe_health(addr.to_string(), stop.clone());
    row();
    stop.store(true, Ordering::Relaxed);
    let mut times = probes.join().unwrap();
    times.sort();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let slowest = times.last().copied().unwrap_or_default();
    let peak = peak_kb(pid);
    println!(
        "{name}: /health median {median:?}, slowest {slowest:?} ({} probes); peak RSS {} MB",
        times.len(),
        peak / 1024
    );
    assert!(
        median < Duration::from_secs(1),
        "{name}: /health {median:?}"
    );
    assert!(peak < PEAK_LIMIT_KB, "{name}: peak RSS {} MB", peak / 1024);
}

/// Sends `requests` over one keep-alive connection and reads the answers' status lines.
fn pipeline(addr: &str, requests: &[String]) -> Vec<u16> {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut statuses = Vec::new();
    for request in requests {
        stream.write_all(request.as_bytes()).unwrap();
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            stream.read_exact(&mut byte).unwrap();
            head.push(byte[0]);
        }
        let head = String::from_utf8_lossy(&head).to_string();
        statuses.push(head[9..12].parse().unwrap());
        let length: usize = head
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-length:")
                    .map(|v| v.trim().parse().unwrap())
            })
            .unwrap_or(0);
        let mut body = vec![0u8; length];
        stream.read_exact(&mut body).unwrap();
    }
    statuses
}

/// A ring of `points` around a centre, closed, as GeoJSON coordinates.
fn ring(lon: f64, lat: f64, points: usize) -> String {
    let mut coordinates: Vec<String> = (0..points)
        .map(|i| {
            let a = i as f64 / points as f64 * std::f64::consts::TAU;
            format!("[{:.6},{:.6}]", lon + 0.01 * a.cos(), lat + 0.01 * a.sin())
        })
        .collect();
    coordinates.push(coordinates[0].clone());
    format!("[{}]", coordinates.join(","))
}

/// 14 villages of 19,991 boundary points each, in one district, imported as a regency would.
fn import_surveyed_villages(database: &str, dir: &std::path::Path) {
    let units = dir.join("units.csv");
    std::fs::write(
        &units,
        "unit_id,name,kind\nkecamatan-uji,Kecamatan Uji,kecamatan\n",
    )
    .unwrap();
    let mut villages = String::from("village_code,name,kind,district_unit,boundary\n");
    for v in 0..14 {
        let boundary = format!(
            r#"{{"type":"Polygon","coordinates":[{}]}}"#,
            ring(111.5 + 0.03 * f64::from(v), -8.2, 19_990)
        );
        villages.push_str(&format!(
            "35.03.01.20{:02},Desa {v},desa,kecamatan-uji,\"{}\"\n",
            v + 1,
            boundary.replace('"', "\"\"")
        ));
    }
    let villages_file = dir.join("villages.csv");
    std::fs::write(&villages_file, villages).unwrap();
    let imported = suara(&[
        "import",
        "--units",
        units.to_str().unwrap(),
        "--villages",
        villages_file.to_str().unwrap(),
        "--database",
        database,
        "--tenant",
        "uji",
    ]);
    assert!(imported.status.success(), "{}", stderr(&imported));
}

#[test]
fn the_hostile_table_keeps_the_server_small_and_answering() {
    on_both_backends("hostile_table", hostile_table);
}

fn hostile_table(database: &str) {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    import_surveyed_villages(database, dir);
    let (server, addr) = serve(database, &["--trust-proxy"]);
    let pid = server.0.id();

    // Made-up HTTP methods, each new: they fold into one metrics label.
    row("20,000 made-up methods", &addr, pid, || {
        let workers: Vec<_> = (0..4)
            .map(|w| {
                let addr = addr.clone();
                std::thread::spawn(move || {
                    let requests: Vec<String> = (0..5_000)
                        .map(|i| format!("M{w}X{i} /x{i} HTTP/1.1\r\nHost: {addr}\r\n\r\n"))
                        .collect();
                    pipeline(&addr, &requests)
                })
            })
            .collect();
        for worker in workers {
            assert!(worker
                .join()
                .unwrap()
                .iter()
                .all(|s| (400..500).contains(s)));
        }
    });
    let (status, metrics) = http(&addr, "GET", "/metrics", None);
    assert_eq!(status, 200);
    assert!(
        metrics.len() < 200_000,
        "/metrics is {} bytes",
        metrics.len()
    );
    assert!(!metrics.contains("M0X1"));

    // Slow clients: 1,000 POSTs that send their headers and then trickle nothing more.
    row("1,000 trickling POSTs", &addr, pid, || {
        let held: Vec<TcpStream> = (0..1_000)
            .map(|i| {
                let mut stream = TcpStream::connect(&addr).unwrap();
                write!(
                    stream,
                    "POST /api/v1/responses HTTP/1.1\r\nHost: {addr}\r\n\
                     X-Forwarded-For: 10.9.{}.{}\r\nContent-Type: application/json\r\n\
                     Content-Length: 100000\r\n\r\n{{",
                    i / 250,
                    i % 250
                )
                .unwrap();
                stream
            })
            .collect();
        std::thread::sleep(Duration::from_secs(3));
        drop(held);
    });

    // The surveyed map under 16 clients, 5 requests each.
    row(
        "16 clients on the map of 14 surveyed villages",
        &addr,
        pid,
        || {
            let clients: Vec<_> = (0..16)
                .map(|_| {
                    let addr = addr.clone();
                    std::thread::spawn(move || {
                        for _ in 0..5 {
                            let (status, page) = http(&addr, "GET", "/musrena/peta", None);
                            assert_eq!(status, 200);
                            assert!(page.len() < 1_000_000, "{} bytes", page.len());
                        }
                    })
                })
                .collect();
            for client in clients {
                client.join().unwrap();
            }
        },
    );

    // Password guesses at one account from 300 addresses of one IPv6 /64: one client, so
    // they are slowed (429), and none signs in.
    row("300 guesses from one /64", &addr, pid, || {
        let mut slowed = 0;
        for i in 0..300 {
            let body = format!("username=admin&password=tebakan{i}&csrf=t{i}");
            let mut stream = TcpStream::connect(&addr).unwrap();
            write!(
                stream,
                "POST /masuk HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
                 Cookie: suara_login=t{i}\r\nX-Forwarded-For: 2001:db8:7:9::{i:x}\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .unwrap();
            let mut response = String::new();
            let _ = stream.read_to_string(&mut response);
            let status: u16 = response
                .get(9..12)
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            assert!(matches!(status, 401 | 429 | 503), "{status}");
            assert!(!response.contains("suara_session="));
            slowed += usize::from(status == 429);
        }
        assert!(slowed > 250, "only {slowed} of 300 slowed");
    });
}
