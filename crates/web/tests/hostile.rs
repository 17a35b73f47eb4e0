//! Hostile input over HTTP: random and mangled bodies at the public JSON API and the survey
//! form get a clear 4xx (never a 5xx, never a panic), an oversized body 413, and the server
//! keeps answering. The number of bodies tried is recorded in the book's "Reliability".
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::TestApp;
use suara_store::testing::TestDatabase;

/// Bodies sent to each endpoint.
const BODIES: usize = 300;

/// A deterministic byte generator (no extra dependency, same bodies on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn body(rng: &mut Lcg, i: usize) -> Vec<u8> {
    const VALID: &str =
        r#"{"unit":"dukcapil","answers":[4,4,3,4,4,3,4,4,3],"idempotency_key":"hostile-00001"}"#;
    match i % 4 {
        // Random bytes.
        0 => (0..rng.next() % 300)
            .map(|_| (rng.next() % 256) as u8)
            .collect(),
        // A valid body with bytes flipped.
        1 => {
            let mut b = VALID.as_bytes().to_vec();
            for _ in 0..1 + rng.next() % 5 {
                let at = (rng.next() as usize) % b.len();
                b[at] = (rng.next() % 128) as u8;
            }
            b
        }
        // Valid JSON of the wrong shapes and values.
        2 => {
            let values = [
                "null",
                "-1",
                "1e309",
                "\"\"",
                "[]",
                "{}",
                "[null,null]",
                "99999999999999999999",
                "\"\\u0000\"",
            ];
            let pick = |rng: &mut Lcg| values[(rng.next() as usize) % values.len()];
            format!(
                r#"{{"unit":{},"answers":{},"officer":{},"idempotency_key":{},"profile":{}}}"#,
                pick(rng),
                pick(rng),
                pick(rng),
                pick(rng),
                pick(rng)
            )
            .into_bytes()
        }
        // Truncated valid bodies.
        _ => VALID.as_bytes()[..(rng.next() as usize) % VALID.len()].to_vec(),
    }
}

#[tokio::test]
async fn random_bodies_get_clear_4xx_and_the_server_keeps_answering() {
    let app = TestApp::spawn(TestDatabase::sqlite().await).await;
    let mut rng = Lcg(0x5eed);
    for i in 0..BODIES {
        let bytes = body(&mut rng, i);
        for (path, content_type) in [
            ("/api/v1/responses", "application/json"),
            ("/api/v1/responses", "application/x-www-form-urlencoded"),
        ] {
            let response = app
                .client
                .post(app.url(path))
                .header("content-type", content_type)
                .body(bytes.clone())
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            // A mutation may by chance still be a valid response (201) or a duplicate (200).
            assert!(
                status < 500,
                "{path} answered {status} to {:?}",
                String::from_utf8_lossy(&bytes)
            );
        }
    }
    let huge = vec![b'a'; 64 * 1024];
    let too_big = app
        .client
        .post(app.url("/api/v1/responses"))
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(too_big.status().as_u16(), 413);
    assert_eq!(app.get("/health").await.status().as_u16(), 200);
}

/// A server with short limits, so slow clients are cut off within the test.
async fn impatient_server() -> (String, TestDatabase) {
    let db = TestDatabase::sqlite().await;
    let store = db.seeded_store().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let state = std::sync::Arc::new(suara_web::AppState {
        store,
        default_tenant: None,
        public_url: None,
        trust_proxy: false,
        signer: std::sync::Arc::new(suara_app::signing::Signer::with_key(
            &std::env::temp_dir().join("signing-key"),
            "t1",
            suara_store::testing::log_key(),
        )),
        effect_cells: Default::default(),
        hosts: Default::default(),
        draining: Default::default(),
        mailer: None,
        sso: Default::default(),
        book: None,
        witnesses: Default::default(),
    });
    let limits = suara_web::Limits {
        header_read: std::time::Duration::from_millis(300),
        request: std::time::Duration::from_millis(600),
        connections: 4,
    };
    tokio::spawn(suara_web::serve_with(
        listener,
        state,
        limits,
        std::future::pending(),
    ));
    (addr, db)
}

/// Everything the server sends until it closes the connection (or 5 s pass).
async fn read_until_closed(stream: &mut tokio::net::TcpStream) -> String {
    use tokio::io::AsyncReadExt;
    let mut received = Vec::new();
    let read = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        stream.read_to_end(&mut received),
    )
    .await;
    assert!(
        read.is_ok(),
        "the server kept a slow client's connection open"
    );
    String::from_utf8_lossy(&received).into_owned()
}

#[tokio::test]
async fn slow_clients_are_cut_off() {
    use tokio::io::AsyncWriteExt;
    let (addr, _db) = impatient_server().await;

    // Headers trickling in (slowloris): the connection is closed.
    let mut slow_headers = tokio::net::TcpStream::connect(&addr).await.unwrap();
    slow_headers
        .write_all(b"POST /api/v1/responses HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let started = std::time::Instant::now();
    read_until_closed(&mut slow_headers).await;
    assert!(started.elapsed() < std::time::Duration::from_secs(3));

    // A body that never arrives in full: 408 with the JSON error, then closed.
    let mut slow_body = tokio::net::TcpStream::connect(&addr).await.unwrap();
    slow_body
        .write_all(
            b"POST /api/v1/responses HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"unit\":",
        )
        .await
        .unwrap();
    let reply = read_until_closed(&mut slow_body).await;
    assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
    assert!(reply.contains("\"timed_out\""), "{reply}");

    // Prompt clients are served as before.
    let client = reqwest::Client::new();
    let health = client
        .get(format!("http://{addr}/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
}

/// Connections past the limit wait for a slot instead of taking file descriptors: with four
/// held by clients that never finish their headers, a fifth is answered once the header
/// timeout frees one, not before.
#[tokio::test]
async fn connections_past_the_limit_wait_for_a_slot() {
    use tokio::io::AsyncWriteExt;
    let (addr, _db) = impatient_server().await;
    let mut held = Vec::new();
    for _ in 0..4 {
        let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
        stream.write_all(b"GET /health HTTP/1.1\r\n").await.unwrap();
        held.push(stream);
    }
    // Let the server take all four before the fifth arrives.
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    let started = std::time::Instant::now();
    let health = reqwest::Client::new()
        .get(format!("http://{addr}/health"))
        .timeout(std::time::Duration::from_secs(5))
        .send()
        .await
        .unwrap();
    let waited = started.elapsed();
    assert_eq!(health.status(), 200);
    assert!(
        waited >= std::time::Duration::from_millis(200),
        "served at once past the limit: {waited:?}"
    );
    assert!(waited < std::time::Duration::from_secs(3), "{waited:?}");
}
