//! Point-in-time recovery after a ransomware-style attack (issue 36): a PostgreSQL server of
//! its own (Debian's binaries, on a loopback port, as the `postgres` user when run as root)
//! archives its WAL continuously into an encrypted pgBackRest repository with a full backup
//! and an incremental one; `suara serve` acknowledges responses on it; then tables are
//! dropped and rows scrambled.
//! Restored with pgBackRest to a moment before the attack, every acknowledged response is
//! back exactly once and `suara verify` passes against the heads kept beside the key. Said
//! SKIPPED (and passes) where pgBackRest or PostgreSQL's server binaries are not installed;
//! `.ci/run` installs them.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use suara_store::testing::free_port;
use support::{http, postgres_bin, serve, stdout, stop_gracefully, suara};

/// The scratch cluster: its folder, port and binaries; stopped when dropped, also when the
/// test fails.
struct Cluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    as_postgres: bool,
}

impl Cluster {
    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn config(&self) -> String {
        format!(
            "--config={}",
            self.dir.path().join("pgbackrest.conf").display()
        )
    }

    /// A command of the cluster's own user (root may not run PostgreSQL).
    fn run(&self, program: &Path, args: &[&str]) -> std::process::Output {
        let mut command = if self.as_postgres {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(program);
            c
        } else {
            Command::new(program)
        };
        let output = command.args(args).output().unwrap();
        assert!(
            output.status.success(),
            "{} {args:?}: {}{}",
            program.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    fn pg_ctl(&self, args: &[&str]) {
        let data = self.data();
        let log = self.dir.path().join("postgres.log");
        let mut all = vec![
            "-D",
            data.to_str().unwrap(),
            "-l",
            log.to_str().unwrap(),
            "-w",
        ];
        all.extend_from_slice(args);
        self.run(&self.bin.join("pg_ctl"), &all);
    }

    fn backrest(&self, args: &[&str]) -> std::process::Output {
        let config = self.config();
        let mut all = vec![config.as_str(), "--stanza=suara"];
        all.extend_from_slice(args);
        self.run(Path::new("pgbackrest"), &all)
    }

    /// One SQL statement's result, as text.
    fn sql(&self, database: &str, sql: &str) -> String {
        let port = self.port.to_string();
        let output = self.run(
            &self.bin.join("psql"),
            &[
                "-h",
                "127.0.0.1",
                "-p",
                &port,
                "-U",
                "postgres",
                "-d",
                database,
                "-Atc",
                sql,
            ],
        );
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/suara", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        let args = ["-D", data.to_str().unwrap_or(""), "-m", "immediate", "stop"];
        let pg_ctl = self.bin.join("pg_ctl");
        let _ = if self.as_postgres {
            Command::new("runuser")
                .args(["-u", "postgres", "--"])
                .arg(&pg_ctl)
                .args(args)
                .output()
        } else {
            Command::new(&pg_ctl).args(args).output()
        };
    }
}

/// A fresh cluster archiving into an encrypted repository, with its first full backup.
fn cluster(bin: PathBuf) -> Cluster {
    let as_postgres = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let dir = tempfile::Builder::new()
        .prefix("suara-pitr-")
        .tempdir()
        .unwrap();
    let cluster = Cluster {
        dir,
        bin,
        port: free_port(),
        as_postgres,
    };
    let root = cluster.dir.path().display().to_string();
    if as_postgres {
        let owned = Command::new("chown").args(["postgres", &root]).status();
        assert!(owned.unwrap().success());
    }
    // The repository is encrypted: a stolen copy of it is no copy of the data.
    std::fs::write(
        cluster.dir.path().join("pgbackrest.conf"),
        format!(
            "[global]\nrepo1-path={root}/repo\nrepo1-cipher-type=aes-256-cbc\n\
             repo1-cipher-pass=a-drill-passphrase\nrepo1-retention-full=2\n\
             log-level-console=warn\nlog-level-file=off\nlock-path={root}/lock\n\
             spool-path={root}/spool\nstart-fast=y\n\n[suara]\npg1-path={root}/data\n\
             pg1-port={}\npg1-socket-path={root}\n",
            cluster.port
        ),
    )
    .unwrap();
    if as_postgres {
        let conf = format!("{root}/pgbackrest.conf");
        assert!(Command::new("chown")
            .args(["postgres", &conf])
            .status()
            .unwrap()
            .success());
    }
    let data = cluster.data();
    cluster.run(
        &cluster.bin.join("initdb"),
        &[
            "-D",
            data.to_str().unwrap(),
            "-A",
            "trust",
            "-U",
            "postgres",
        ],
    );
    let settings = format!(
        "listen_addresses = '127.0.0.1'\nport = {}\nunix_socket_directories = '{root}'\n\
         wal_level = replica\narchive_mode = on\n\
         archive_command = 'pgbackrest {} --stanza=suara archive-push %p'\n\
         archive_timeout = 1\n",
        cluster.port,
        cluster.config()
    );
    let conf = data.join("postgresql.conf");
    let mut text = std::fs::read_to_string(&conf).unwrap_or_default();
    text.push_str(&settings);
    let mut write = Command::new("runuser");
    if as_postgres {
        // The file belongs to postgres: written through tee as that user.
        use std::io::Write;
        let mut child = write
            .args(["-u", "postgres", "--", "tee", conf.to_str().unwrap()])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
        assert!(child.wait().unwrap().success());
    } else {
        std::fs::write(&conf, text).unwrap();
    }
    cluster.pg_ctl(&["start"]);
    cluster.backrest(&["stanza-create"]);
    cluster.sql("postgres", "CREATE DATABASE suara");
    cluster
}

#[test]
fn a_point_in_time_restore_brings_back_every_acknowledged_response() {
    let Some(bin) = postgres_bin() else {
        println!("SKIPPED: PostgreSQL's server binaries are not installed");
        return;
    };
    if Command::new("pgbackrest").arg("version").output().is_err() {
        println!("SKIPPED: pgbackrest is not installed (apt-get install pgbackrest)");
        return;
    }
    let cluster = cluster(bin);
    let keys = tempfile::tempdir().unwrap();
    let key = keys.path().join("signing-key");
    let key = key.to_str().unwrap();
    let database = cluster.url();

    // The regency's server on it, a full backup, then thirty acknowledged responses.
    let (server, addr) = serve(&database, &["--demo", "--signing-key", key]);
    let started = Instant::now();
    cluster.backrest(&["--type=full", "backup"]);
    let backup_seconds = started.elapsed().as_secs_f64();
    let mut receipts = Vec::new();
    for i in 0..30 {
        // Half-way, the nightly incremental backup: the restore starts from it.
        if i == 15 {
            cluster.backrest(&["--type=incr", "backup"]);
        }
        let body = format!(
            r#"{{"unit":"dispendukcapil","answers":[4,3,4,4,3,4,4,3,4],"idempotency_key":"pitr-{i:04}"}}"#
        );
        let (status, answer) = http(&addr, "POST", "/api/v1/responses", Some(&body));
        assert_eq!(status, 201, "{answer}");
        let answer: serde_json::Value = serde_json::from_str(&answer).unwrap();
        receipts.push(answer["receipt"].as_str().unwrap().to_string());
    }
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let before_attack = cluster.sql(
        "postgres",
        "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'",
    );
    std::thread::sleep(std::time::Duration::from_millis(1500));

    // The attack: answers scrambled as ransomware encrypts them, the chain and totals gone.
    cluster.sql(
        "suara",
        "UPDATE responses SET suggestion = md5(random()::text), u1 = 1",
    );
    cluster.sql("suara", "DROP TABLE chain_links CASCADE");
    cluster.sql("suara", "DROP TABLE skm_monthly_totals CASCADE");
    // The WAL of the attack is archived too (archive_timeout = 1 s), so recovery finds where
    // to stop.
    std::thread::sleep(std::time::Duration::from_millis(3000));
    stop_gracefully(server);

    // Restored to the moment before the attack.
    let started = Instant::now();
    cluster.pg_ctl(&["-m", "fast", "stop"]);
    let target = format!("--target={before_attack}");
    cluster.backrest(&[
        "--delta",
        "--type=time",
        &target,
        "--target-action=promote",
        "restore",
    ]);
    cluster.pg_ctl(&["-t", "120", "start"]);
    for _ in 0..120 {
        if cluster.sql("postgres", "SELECT pg_is_in_recovery()") == "f" {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    let restore_seconds = started.elapsed().as_secs_f64();
    assert_eq!(cluster.sql("postgres", "SELECT pg_is_in_recovery()"), "f");

    // Every acknowledged response, exactly once, as it was answered.
    let back = cluster.sql(
        "suara",
        "SELECT string_agg(receipt, ',' ORDER BY idempotency_key) FROM responses
         WHERE idempotency_key LIKE 'pitr-%' AND u1 = 4",
    );
    assert_eq!(
        back,
        receipts.join(","),
        "every acknowledged response, once"
    );
    assert_eq!(
        cluster.sql(
            "suara",
            "SELECT count(*) FROM responses WHERE suggestion ~ '^[0-9a-f]{32}$'"
        ),
        "0"
    );
    // And what was signed verifies: the chain, the totals, the log's heads and the audit
    // chain, held to the heads kept beside the key.
    let started = Instant::now();
    let verified = suara(&["verify", "--database", &database, "--signing-key", key]);
    let verify_seconds = started.elapsed().as_secs_f64();
    assert!(
        verified.status.success() && stdout(&verified).contains("chain intact"),
        "{}",
        stdout(&verified)
    );
    println!(
        "point-in-time recovery: full backup {backup_seconds:.1} s; restore to before the attack and recovery {restore_seconds:.1} s; verify {verify_seconds:.1} s; {} acknowledged responses back, 0 lost",
        receipts.len()
    );
}
