//! Three app servers behind nginx on one PostgreSQL, serving two regencies by host name.
//! One server is killed with SIGKILL while citizens submit through the balancer: every
//! acknowledged response is there exactly once, retries count once, and `suara verify`
//! passes for both regencies.
//!
//! Needs PostgreSQL (`SUARA_TEST_POSTGRES_URL`) and nginx (Debian's, which `.ci/run`
//! installs); says SKIPPED without them.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod support;

use std::collections::HashMap;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use suara_store::testing::{responses_by_key, seed_second_regency, TestDatabase};
use support::{http_to, serve, start_nginx, stdout, suara, Server};

const HOSTS: [(&str, &str); 2] = [("t1", "satu.test"), ("t2", "dua.test")];
const CLIENTS: usize = 6;
const PER_CLIENT: usize = 40;

/// A response the balancer acknowledged: regency (index into [`HOSTS`]), idempotency key,
/// the answer given to every element, receipt.
type Acknowledged = (usize, String, u8, String);

/// Submits until acknowledged, with the same idempotency key each time (as the survey page
/// and the kiosks do); the receipt, or `None` if every attempt failed.
fn submit(balancer: &str, host: &str, key: &str, answer: u8) -> Option<String> {
    let body = format!(
        r#"{{"unit":"dukcapil","answers":[{answer},{answer},{answer},{answer},{answer},{answer},{answer},{answer},{answer}],"idempotency_key":"{key}"}}"#
    );
    for _ in 0..20 {
        if let Ok((201, reply)) = http_to(balancer, host, "POST", "/api/v1/responses", Some(&body))
        {
            let reply: serde_json::Value = serde_json::from_str(&reply).ok()?;
            return reply["receipt"].as_str().map(str::to_string);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    None
}

#[test]
fn three_servers_behind_nginx_survive_a_killed_server() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let Some(db) = runtime.block_on(TestDatabase::postgres("cluster")) else {
        println!("SKIPPED: no PostgreSQL (set SUARA_TEST_POSTGRES_URL)");
        return;
    };
    runtime.block_on(async {
        let store = db.seeded_store().await;
        seed_second_regency(&store).await;
        store.close().await;
    });
    for (code, host) in HOSTS {
        let added = suara(&["tenant", "host", code, host, "--database", &db.url]);
        assert!(added.status.success(), "{}", support::stderr(&added));
    }
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("signing-key");
    let key = key.to_str().unwrap();
    // Servers sharing the database make no keys: each regency's is made once, here.
    let refused = support::command(&["serve", "--addr", "127.0.0.1:0", "--database", &db.url])
        .args(["--signing-key", key])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    let said = support::stderr(&refused);
    assert!(said.contains("suara tenant key t1"), "{said}");
    for (code, _) in HOSTS {
        let made = suara(&[
            "tenant",
            "key",
            code,
            "--database",
            &db.url,
            "--signing-key",
            key,
        ]);
        assert!(made.status.success(), "{}", support::stderr(&made));
    }
    let mut servers: Vec<Option<(Server, String)>> = (0..3)
        .map(|_| Some(serve(&db.url, &["--signing-key", key, "--trust-proxy"])))
        .collect();
    let backends: Vec<String> = servers.iter().flatten().map(|(_, a)| a.clone()).collect();
    for backend in &backends {
        assert_eq!(
            http_to(backend, backend, "GET", "/ready", None).unwrap().0,
            200
        );
    }
    let Some((_nginx, balancer)) = start_nginx(dir.path(), &backends) else {
        println!("SKIPPED: nginx is not installed (apt-get install nginx-light)");
        return;
    };

    // A new user at each host name finds their own regency.
    for (name, (_, host)) in ["Kabupaten Uji", "Kabupaten Dua"].iter().zip(HOSTS) {
        let (status, page) = http_to(&balancer, host, "GET", "/", None).unwrap();
        assert_eq!(status, 200);
        assert!(page.contains(name), "{host} shows {name}");
    }

    // Citizens submit through the balancer; a third of the way in, one server is killed.
    let acknowledged: Arc<Mutex<Vec<Acknowledged>>> = Arc::default();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let balancer = balancer.clone();
            let acknowledged = acknowledged.clone();
            std::thread::spawn(move || {
                for i in 0..PER_CLIENT {
                    let regency = (c + i) % 2;
                    let key = format!("cluster-{c}-{i:03}");
                    let answer = (i % 4 + 1) as u8;
                    let receipt = submit(&balancer, HOSTS[regency].1, &key, answer);
                    let receipt = receipt.unwrap_or_else(|| panic!("{key} never acknowledged"));
                    acknowledged
                        .lock()
                        .unwrap()
                        .push((regency, key, answer, receipt));
                }
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(60);
    while acknowledged.lock().unwrap().len() < CLIENTS * PER_CLIENT / 3 {
        assert!(Instant::now() < deadline, "submissions stalled");
        std::thread::sleep(Duration::from_millis(10));
    }
    // Dropping the server sends SIGKILL: no shutdown, no last signature.
    let killed = servers[1].take();
    drop(killed);
    for client in clients {
        client.join().unwrap();
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert_eq!(acknowledged.len(), CLIENTS * PER_CLIENT);

    // The same answers sent again count once: the first receipt comes back.
    for (regency, key, answer, receipt) in acknowledged.iter().take(10) {
        let again = submit(&balancer, HOSTS[*regency].1, key, *answer);
        assert_eq!(again.as_ref(), Some(receipt), "{key}");
    }

    // Every acknowledged response is stored once, in its own regency.
    let stored: HashMap<String, (String, i64)> = runtime.block_on(async {
        let store = db.store().await;
        let mut stored = HashMap::new();
        for (code, _) in HOSTS {
            for (key, receipt, count) in responses_by_key(&store, code, "cluster-").await {
                stored.insert(key, (format!("{code}:{receipt}"), count));
            }
        }
        store.close().await;
        stored
    });
    assert_eq!(
        stored.len(),
        acknowledged.len(),
        "nothing more, nothing less"
    );
    for (regency, key, _, receipt) in &acknowledged {
        let (code, _) = HOSTS[*regency];
        assert_eq!(
            stored.get(key),
            Some(&(format!("{code}:{receipt}"), 1)),
            "{key}"
        );
    }
    for (_, backend) in servers.iter().flatten() {
        let (status, metrics) = http_to(backend, backend, "GET", "/metrics", None).unwrap();
        assert_eq!(status, 200);
        assert!(metrics.contains("suara_responses_total"));
    }

    // The survivors stop as a service manager stops them (SIGTERM: finish, sign, exit).
    for (server, _) in servers.iter_mut().flatten() {
        let _ = Command::new("kill")
            .args(["-TERM", &server.0.id().to_string()])
            .status();
        let _ = server.0.wait();
    }
    for (code, _) in HOSTS {
        let verify = suara(&[
            "verify",
            "--tenant",
            code,
            "--database",
            &db.url,
            "--signing-key",
            key,
        ]);
        assert!(
            verify.status.success(),
            "{code}: {}{}",
            stdout(&verify),
            support::stderr(&verify)
        );
    }
}
