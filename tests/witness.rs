//! Two regencies' logs and a witness (issue 33): the logs grow and every checkpoint is
//! cosigned; the checkpoint, tiles and proofs verify with an independent implementation
//! (`crates/web/tests/c2sp/verify_log.py`, written from the C2SP and RFC texts); then the
//! database is rolled back and regrown by someone holding the key: the witness refuses to
//! cosign the forked history and `suara monitor` reports it. On SQLite and PostgreSQL.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use sqlx::{Connection, Executor};
use suara_store::testing::{seed_second_regency, TestDatabase};
use support::{http_to, serve, stderr, stdout, suara, Server};

const HOSTS: [(&str, &str); 2] = [("t1", "satu.test"), ("t2", "dua.test")];
const WITNESS: &str = "saksi.test/w1";

/// One web answer, not straight-lined (a run of identical answers from one network is held).
fn submit(server: &str, host: &str, key: &str, answer: u8) {
    let answers: Vec<String> = (0..9u8)
        .map(|e| ((answer + e) % 4 + 1).to_string())
        .collect();
    let body = format!(
        r#"{{"unit":"dukcapil","answers":[{}],"idempotency_key":"{key}"}}"#,
        answers.join(",")
    );
    let (status, reply) = http_to(server, host, "POST", "/api/v1/responses", Some(&body)).unwrap();
    assert_eq!(status, 201, "{reply}");
}

/// The checkpoint of regency `code` once it covers `size` entries (and, with `cosigned`,
/// carries the witness's cosignature).
fn checkpoint(server: &str, code: &str, size: usize, cosigned: bool) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (status, note) = http_to(
            server,
            server,
            "GET",
            &format!("/log/{code}/checkpoint"),
            None,
        )
        .unwrap();
        let has_size = note.lines().nth(1) == Some(&size.to_string());
        if status == 200 && has_size && (!cosigned || note.contains(&format!("— {WITNESS} "))) {
            return note;
        }
        assert!(
            Instant::now() < deadline,
            "{code}: no checkpoint of {size} (cosigned: {cosigned}); last: {note}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Waits (at most 30 seconds) for a signed head of `size` entries.
fn signed(server: &str, code: &str, size: usize) {
    let deadline = Instant::now() + Duration::from_secs(30);
    let wanted = format!("\"tree_size\":{size},");
    loop {
        let path = format!("/api/v1/log/heads?tenant={code}&limit=1");
        let (_, heads) = http_to(server, server, "GET", &path, None).unwrap();
        if heads.contains(&wanted) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "{code}: no head of {size}: {heads}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

fn monitor(server: &str, code: &str, log_key: &str, witness_key: &str, state: &Path) -> Output {
    suara(&[
        "monitor",
        &format!("http://{server}/log/{code}"),
        "--log-key",
        log_key,
        "--witness-key",
        witness_key,
        "--quorum",
        "1",
        "--state",
        state.to_str().unwrap(),
    ])
}

/// The independent verifier; `None` when Python or its `cryptography` package is missing.
fn independent(
    server: &str,
    code: &str,
    log_key: &str,
    witness_key: &str,
    extra: &[&str],
) -> Option<Output> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/web/tests/c2sp/verify_log.py");
    let ready = Command::new("python3")
        .args(["-c", "import cryptography"])
        .output();
    if !ready.is_ok_and(|o| o.status.success()) {
        println!("SKIPPED: the independent verifier needs python3 and its cryptography package");
        return None;
    }
    let prefix = format!("http://{server}/log/{code}");
    let api = format!("http://{server}/api/v1/log");
    Some(
        Command::new("python3")
            .arg(script)
            .args([
                "--prefix",
                &prefix,
                "--log-key",
                log_key,
                "--witness-key",
                witness_key,
            ])
            .args(["--quorum", "1", "--api", &api, "--tenant", code])
            .args(extra)
            .output()
            .unwrap(),
    )
}

fn printed_key(output: &Output, label: &str) -> String {
    assert!(output.status.success(), "{}", stderr(output));
    stdout(output)
        .lines()
        .find_map(|l| l.split_once(label).map(|(_, k)| k.trim().to_string()))
        .unwrap_or_else(|| panic!("no {label} in {}", stdout(output)))
}

/// `suara witness serve`, killed when dropped; its address.
fn start_witness(dir: &Path, logs: &[String]) -> (Server, String) {
    let addr = format!("127.0.0.1:{}", suara_store::testing::free_port());
    let mut command = support::command(&["witness", "serve", "--listen", &addr, "--name", WITNESS]);
    command
        .args(["--key", dir.join("witness-key").to_str().unwrap()])
        .args(["--state", dir.join("witness-state").to_str().unwrap()]);
    for log in logs {
        command.args(["--log", log]);
    }
    let mut child = command.stdout(Stdio::piped()).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let server = Server(child);
    let line = lines.next().unwrap().unwrap();
    assert!(line.contains("is serving"), "{line}");
    (server, addr)
}

/// A copy of the database as it is now (the server stopped): a file copy, or a PostgreSQL
/// database made from it as a template. Its URL, and what to drop afterwards.
async fn snapshot(url: &str, dir: &Path) -> (String, Option<String>) {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let copy = dir.join("snapshot.db");
        // With the write-ahead log beside it: a killed server's last commits are there.
        std::fs::copy(path, &copy).unwrap();
        for suffix in ["-wal", "-shm"] {
            if Path::new(&format!("{path}{suffix}")).exists() {
                std::fs::copy(
                    format!("{path}{suffix}"),
                    format!("{}{suffix}", copy.display()),
                )
                .unwrap();
            }
        }
        return (format!("sqlite://{}", copy.display()), None);
    }
    let (server, name) = url.rsplit_once('/').unwrap();
    let copy = format!("{name}_snapshot");
    let mut admin = sqlx::PgConnection::connect(&format!("{server}/postgres"))
        .await
        .unwrap();
    // A template must have no sessions: the killed server's may linger until PostgreSQL
    // notices, so they are ended.
    for attempt in 0.. {
        let end = format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
        );
        admin.execute(end.as_str()).await.unwrap();
        let made = admin
            .execute(format!("CREATE DATABASE {copy} TEMPLATE {name}").as_str())
            .await;
        match made {
            Ok(_) => break,
            Err(e) if attempt < 50 => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("copying the database: {e}"),
        }
    }
    admin.close().await.unwrap();
    (format!("{server}/{copy}"), Some(copy))
}

fn witnessed_logs(database: &str, dir: &Path) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let key = dir.join("signing-key");
    let key = key.to_str().unwrap();
    for (code, host) in HOSTS {
        let added = suara(&["tenant", "host", code, host, "--database", database]);
        assert!(added.status.success(), "{}", stderr(&added));
    }
    let log_keys: Vec<String> = HOSTS
        .iter()
        .map(|(code, _)| {
            let made = suara(&[
                "tenant",
                "key",
                code,
                "--database",
                database,
                "--signing-key",
                key,
            ]);
            printed_key(&made, "verifier key:")
        })
        .collect();
    assert!(log_keys[0].starts_with("suara/t1+"), "{}", log_keys[0]);
    let made = suara(&[
        "witness",
        "key",
        "--name",
        WITNESS,
        "--key",
        dir.join("witness-key").to_str().unwrap(),
    ]);
    let witness_key = stdout(&made).trim().to_string();
    assert!(
        witness_key.starts_with(&format!("{WITNESS}+")),
        "{witness_key}"
    );
    let (_witness, witness) = start_witness(dir, &log_keys);

    // Outsiders at the witness: nothing but a checkpoint signed by a known log's key is cosigned.
    let (status, said) =
        http_to(&witness, &witness, "POST", "/add-checkpoint", Some("hello")).unwrap();
    assert_eq!(status, 400, "{said}");
    let stranger = "old 0\n\nsomewhere.else/log\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n— somewhere.else/log AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    assert_eq!(
        http_to(
            &witness,
            &witness,
            "POST",
            "/add-checkpoint",
            Some(stranger)
        )
        .unwrap()
        .0,
        404
    );
    let forged = stranger.replace("somewhere.else/log", "suara/t1");
    assert_eq!(
        http_to(&witness, &witness, "POST", "/add-checkpoint", Some(&forged))
            .unwrap()
            .0,
        403
    );

    let config = dir.join("suara.toml");
    std::fs::write(
        &config,
        format!("[[witnesses]]\nurl = \"http://{witness}\"\nkey = \"{witness_key}\"\n"),
    )
    .unwrap();
    let config = config.to_str().unwrap();
    let serve_on = |db: &str| serve(db, &["--signing-key", key, "--config", config]);

    // The logs grow; each newest checkpoint is cosigned.
    let (server, addr) = serve_on(database);
    for i in 0..12 {
        submit(
            &addr,
            HOSTS[0].1,
            &format!("first-{i:03}"),
            (i % 4 + 1) as u8,
        );
    }
    for i in 0..3 {
        submit(&addr, HOSTS[1].1, &format!("second-{i:03}"), 4);
    }
    let note = checkpoint(&addr, "t1", 12, true);
    assert!(note.starts_with("suara/t1\n12\n"), "{note}");
    checkpoint(&addr, "t2", 3, true);
    let states: Vec<_> = ["t1", "t2"]
        .iter()
        .map(|c| dir.join(format!("monitor-{c}")))
        .collect();
    for (i, (code, _)) in HOSTS.iter().enumerate() {
        let checked = monitor(&addr, code, &log_keys[i], &witness_key, &states[i]);
        assert!(checked.status.success(), "{}", stderr(&checked));
        assert!(
            stdout(&checked).contains(&format!("cosigned by {WITNESS}")),
            "{}",
            stdout(&checked)
        );
    }
    let saved = dir.join("checkpoint-t1");
    if let Some(out) = independent(
        &addr,
        "t1",
        &log_keys[0],
        &witness_key,
        &["--save", saved.to_str().unwrap()],
    ) {
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(stdout(&out).contains(r#""size": 12"#), "{}", stdout(&out));
    }
    drop(server);
    let (rolled_back, scratch) = runtime.block_on(snapshot(database, dir));

    // More answers: consistent growth, cosigned; both verifiers accept it.
    let (server, addr) = serve_on(database);
    for i in 0..6 {
        submit(&addr, HOSTS[0].1, &format!("more-{i:04}"), 2);
    }
    checkpoint(&addr, "t1", 18, true);
    let checked = monitor(&addr, "t1", &log_keys[0], &witness_key, &states[0]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert!(stdout(&checked).contains("6 new"), "{}", stdout(&checked));
    if let Some(out) = independent(
        &addr,
        "t1",
        &log_keys[0],
        &witness_key,
        &[
            "--previous",
            saved.to_str().unwrap(),
            "--save",
            saved.to_str().unwrap(),
        ],
    ) {
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stdout(&out).contains(r#""consistent_with_previous": true"#),
            "{}",
            stdout(&out)
        );
    }
    drop(server);

    // Someone holding the key and the database rolls it back to 12 entries (removing the head
    // kept beside the key, which would stop the server) and regrows it with other answers.
    std::fs::remove_file(dir.join("latest-head-t1.txt")).unwrap();
    let (server, addr) = serve_on(&rolled_back);
    for i in 0..9 {
        submit(&addr, HOSTS[0].1, &format!("forged-{i:03}"), 4);
    }
    signed(&addr, "t1", 21);
    // The witness never cosigns the fork: it holds 18 entries the fork does not extend. The
    // log serves the newest checkpoint its witnesses cosigned: still the copy's 12.
    std::thread::sleep(Duration::from_secs(3));
    let note = checkpoint(&addr, "t1", 12, true);
    assert!(!note.contains("\n21\n"), "{note}");
    let (_, page) = http_to(&addr, HOSTS[0].1, "GET", "/transparansi/log", None).unwrap();
    assert!(page.contains(r#"<th scope="row">21</th>"#), "{page}");
    let checked = monitor(&addr, "t1", &log_keys[0], &witness_key, &states[0]);
    assert_eq!(checked.status.code(), Some(1), "{}", stdout(&checked));
    assert!(
        stderr(&checked).contains("misbehaves"),
        "{}",
        stderr(&checked)
    );
    if let Some(out) = independent(
        &addr,
        "t1",
        &log_keys[0],
        &witness_key,
        &["--previous", saved.to_str().unwrap()],
    ) {
        assert!(
            !out.status.success(),
            "the independent verifier accepted the fork: {}",
            stdout(&out)
        );
    }
    // The other regency was not touched: still sound.
    let checked = monitor(&addr, "t2", &log_keys[1], &witness_key, &states[1]);
    assert!(checked.status.success(), "{}", stderr(&checked));
    drop(server);

    // Without the key: a cosignature edited in the database no longer verifies.
    runtime.block_on(async {
        let mut db = sqlx::AnyConnection::connect(database).await.unwrap();
        // The line's base64 ends in "==" (4 + 72 bytes): one more byte makes no signature.
        db.execute(
            "UPDATE log_cosignatures SET line = replace(line, '==', 'A=') WHERE tenant_id = 't2'",
        )
        .await
        .unwrap();
        db.close().await.unwrap();
    });
    let (_server, addr) = serve_on(database);
    let checked = monitor(
        &addr,
        "t2",
        &log_keys[1],
        &witness_key,
        &dir.join("monitor-fresh"),
    );
    assert_eq!(checked.status.code(), Some(2), "{}", stdout(&checked));
    let said = stderr(&checked);
    assert!(said.contains("not cosigned by enough witnesses"), "{said}");
    if let Some(copy) = scratch {
        runtime.block_on(async {
            let mut admin = sqlx::PgConnection::connect(database).await.unwrap();
            admin
                .execute(format!("DROP DATABASE {copy}").as_str())
                .await
                .unwrap();
        });
    }
}

#[test]
fn witnesses_cosign_growth_and_refuse_a_rolled_back_log() {
    sqlx::any::install_default_drivers();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let sqlite = runtime.block_on(TestDatabase::sqlite());
    let postgres = runtime.block_on(TestDatabase::postgres("witness"));
    for db in std::iter::once(sqlite).chain(postgres) {
        runtime.block_on(async {
            let store = db.seeded_store().await;
            seed_second_regency(&store).await;
            // No hourly limit for the fixture's units: this test answers faster than 100 users a month do.
            suara_store::testing::set_monthly_users(&store, None).await;
            store.close().await;
        });
        let dir = tempfile::tempdir().unwrap();
        witnessed_logs(&db.url, dir.path());
    }
}
