//! The public pages in headless Chromium: axe-core finds no WCAG 2.1 A/AA violation, the
//! survey can be answered and sent with the keyboard alone, nothing overflows a 360 px
//! screen, and a response goes through each channel (link, QR poster, ticket, kiosk
//! online and offline) and counts. Needs Chromium (`apt-get install chromium`) and the checker's packages
//! (`npm ci --prefix crates/web/tests/browser`); without them the test says so and skips.

mod common;

use std::path::Path;
use std::process::Command;

use common::TestApp;
use suara_store::testing::{TestDatabase, OFFICER_NIP};
use suara_store::{Issuer, NewKiosk, TicketBinding};

fn skip(why: &str) {
    use std::io::Write;
    let _ = std::io::stderr().write_all(format!("SKIPPED (browser): {why}\n").as_bytes());
}

#[tokio::test]
async fn public_pages_are_accessible_and_keyboard_usable() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    let chromium = std::env::var("SUARA_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if !Path::new(&chromium).exists() {
        return skip(&format!(
            "no Chromium at {chromium}; install it or set SUARA_CHROMIUM"
        ));
    }
    if !dir.join("node_modules/axe-core").exists()
        || !dir.join("node_modules/playwright-core").exists()
    {
        return skip("run `npm ci --prefix crates/web/tests/browser` first");
    }
    if Command::new("node").arg("--version").output().is_err() {
        return skip("no node on PATH");
    }
    let db = TestDatabase::sqlite().await;
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    let binding = TicketBinding {
        unit_id: "dukcapil".into(),
        service_id: Some("ktp".into()),
        officer_nip: None,
        point_id: None,
    };
    app.store
        .issue_ticket(
            "t1",
            "7K2M9QXD4T",
            &binding,
            &Issuer {
                name: "test",
                network: None,
            },
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    let kiosk_token = "browser-test-kiosk-token";
    app.store
        .register_kiosk(
            "t1",
            &NewKiosk {
                kiosk_id: "kiosk-1",
                token_hash: &suara_web::auth::token_hash(kiosk_token),
                point_id: "loket-1",
                officer_nip: None,
                label: "Tablet loket 1",
            },
            "test",
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    let base = app.base.clone();
    let output = tokio::task::spawn_blocking(move || {
        let mut command = Command::new("node");
        command
            .arg(dir.join("check.js"))
            .args([&base, "7K2M9-QXD4T", kiosk_token, OFFICER_NIP])
            .env("SUARA_CHROMIUM", &chromium);
        if let Ok(dir) = std::env::var("SUARA_SCREENSHOTS") {
            command.env("SUARA_SCREENSHOTS", dir);
        }
        command.output().expect("node runs")
    })
    .await
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "browser checks failed:\n{stdout}\n{stderr}"
    );
    assert!(
        stdout.contains("checked keyboard-only answering and sending"),
        "{stdout}"
    );

    // What the browser sent arrived on each channel and counts: the keyboard run and the
    // poster on the web channel, the ticket, and the kiosk's three (one from the axe run,
    // one online, one queued offline).
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let channels: Vec<(String, i64)> =
        sqlx::query_as("SELECT channel, COUNT(*) FROM responses GROUP BY channel ORDER BY channel")
            .fetch_all(&pool)
            .await
            .unwrap();
    let expected = [("kiosk", 3), ("ticket", 1), ("web", 2)].map(|(c, n)| (c.to_string(), n));
    assert_eq!(channels, expected, "{stdout}");
    assert!(app.store.held_responses("t1", 10).await.unwrap().is_empty());
}
