//! The public pages in headless Chromium: axe-core finds no WCAG 2.1 A/AA violation, the
//! survey can be answered and sent with the keyboard alone, nothing overflows a 360 px
//! screen. Needs Chromium (`apt-get install chromium`) and the checker's packages
//! (`npm ci --prefix crates/web/tests/browser`); without them the test says so and skips.

mod common;

use std::path::Path;
use std::process::Command;

use common::TestApp;
use suara_store::testing::TestDatabase;
use suara_store::{Issuer, TicketBinding};

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
    let app = TestApp::spawn(TestDatabase::sqlite().await).await;
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
    let base = app.base.clone();
    let output = tokio::task::spawn_blocking(move || {
        Command::new("node")
            .arg(dir.join("check.js"))
            .arg(&base)
            .arg("7K2M9-QXD4T")
            .env("SUARA_CHROMIUM", &chromium)
            .output()
            .expect("node runs")
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
}
