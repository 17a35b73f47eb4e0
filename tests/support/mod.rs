//! Running the `suara` binary from tests: commands, servers and plain HTTP/1.1 exchanges.

#![allow(dead_code)] // Each test file uses its own part of this.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub fn suara(args: &[&str]) -> Output {
    command(args).output().expect("the suara binary runs")
}

/// The binary with these arguments; the signing key lives beside the SQLite database the
/// arguments name (so every test has its own), or in a scratch folder.
pub fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_suara"));
    command.args(args);
    let database = args
        .windows(2)
        .find(|w| w[0] == "--database")
        .and_then(|w| w[1].strip_prefix("sqlite://"))
        .map(|path| Path::new(path).with_file_name("signing-key"));
    let key = database.unwrap_or_else(|| std::env::temp_dir().join("suara-cli-test-key"));
    command.env("SUARA_SIGNING_KEY", key);
    command
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Kills the server when the test ends, also when it fails.
pub struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One HTTP/1.1 exchange over a fresh connection: (status, body).
pub fn http(addr: &str, method: &str, path: &str, json: Option<&str>) -> (u16, String) {
    http_to(addr, addr, method, path, json).expect("the server answers")
}

/// [`http`] with the `Host` header `host`; an error when the connection fails or closes
/// without an answer (a server killed mid-request).
pub fn http_to(
    addr: &str,
    host: &str,
    method: &str,
    path: &str,
    json: Option<&str>,
) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(std::time::Duration::from_secs(30)))?;
    let body = json.unwrap_or("");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let status = response
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no HTTP answer"))?;
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Ok((status, body))
}

/// Stops a server as systemd does (SIGTERM): it signs every regency's log once more.
pub fn stop_gracefully(mut server: Server) {
    let pid = server.0.id().to_string();
    let sent = Command::new("kill").args(["-TERM", &pid]).status();
    assert!(sent.unwrap().success());
    server.0.wait().unwrap();
}

/// `suara serve` on the database with extra arguments: the running server and its address.
pub fn serve(database: &str, extra: &[&str]) -> (Server, String) {
    let mut child = command(&["serve", "--addr", "127.0.0.1:0", "--database", database])
        .args(extra)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let server = Server(child);
    for line in lines {
        let line = line.unwrap();
        if let Some(rest) = line.split_once("serving on http://").map(|(_, r)| r) {
            let addr = rest.split('/').next().unwrap().to_string();
            return (server, addr);
        }
    }
    panic!("the server did not announce its address");
}

/// A fresh SQLite database in `dir` holding the tenant `uji`; its URL.
pub fn regency_database(dir: &Path) -> String {
    let database = format!("sqlite://{}", dir.join("suara.db").display());
    add_regency(&database);
    database
}

/// The regency `uji` added to the database at `database`.
pub fn add_regency(database: &str) {
    let added = suara(&[
        "tenant",
        "add",
        "uji",
        "Kabupaten Uji",
        "--database",
        database,
    ]);
    assert!(added.status.success(), "{}", stderr(&added));
}

/// Runs `test` with a database holding the regency `uji`: a fresh SQLite file, then a fresh
/// PostgreSQL database when `SUARA_TEST_POSTGRES_URL` is set.
pub fn on_both_backends(name: &str, test: impl Fn(&str)) {
    let dir = tempfile::tempdir().unwrap();
    test(&regency_database(dir.path()));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    if let Some(db) = runtime.block_on(suara_store::testing::TestDatabase::postgres(name)) {
        add_regency(&db.url);
        test(&db.url);
    }
}

/// nginx in the foreground with a configuration of its own, stopped when dropped.
pub struct Balancer(Child);

impl Drop for Balancer {
    fn drop(&mut self) {
        // SIGTERM, not SIGKILL: nginx's master then stops its workers too.
        let _ = Command::new("kill")
            .args(["-TERM", &self.0.id().to_string()])
            .status();
        let _ = self.0.wait();
    }
}

/// nginx in front of `backends` (round robin, a failed one skipped), in `dir`; `None`
/// where nginx is not installed.
pub fn start_nginx(dir: &Path, backends: &[String]) -> Option<(Balancer, String)> {
    let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .find(|p| Path::new(p).exists())?;
    let port = suara_store::testing::free_port();
    let servers: String = backends
        .iter()
        .map(|b| format!("        server {b} max_fails=1 fail_timeout=10s;\n"))
        .collect();
    let config = format!(
        "worker_processes 1;\npid {dir}/nginx.pid;\nerror_log {dir}/error.log warn;\n\
         events {{ worker_connections 256; }}\n\
         http {{\n    access_log off;\n    client_body_temp_path {dir}/body;\n\
             proxy_temp_path {dir}/proxy;\n    fastcgi_temp_path {dir}/fastcgi;\n\
             uwsgi_temp_path {dir}/uwsgi;\n    scgi_temp_path {dir}/scgi;\n\
             upstream suara {{\n{servers}    }}\n\
             server {{\n        listen 127.0.0.1:{port};\n\
                 location / {{\n            proxy_pass http://suara;\n\
                     proxy_set_header Host $host;\n\
                     proxy_set_header X-Forwarded-For $remote_addr;\n\
                     proxy_next_upstream error timeout http_502 http_503;\n\
                     proxy_connect_timeout 2s;\n        }}\n    }}\n}}\n",
        dir = dir.display()
    );
    let file = dir.join("nginx.conf");
    std::fs::write(&file, config).unwrap();
    let child = Command::new(nginx)
        .args(["-e", &format!("{}/error.log", dir.display())])
        .args([
            "-p",
            &dir.display().to_string(),
            "-c",
            &file.display().to_string(),
        ])
        .args(["-g", "daemon off;"])
        .stdout(Stdio::null())
        .spawn()
        .ok()?;
    let balancer = Balancer(child);
    let addr = format!("127.0.0.1:{port}");
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::net::TcpStream::connect(&addr).is_err() {
        assert!(Instant::now() < deadline, "nginx did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    Some((balancer, addr))
}

/// Debian's PostgreSQL server binaries (`/usr/lib/postgresql/N/bin`), the newest.
pub fn postgres_bin() -> Option<std::path::PathBuf> {
    let mut found: Vec<std::path::PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path().join("bin"))
        .filter(|bin| bin.join("initdb").exists())
        .collect();
    found.sort();
    found.pop()
}
