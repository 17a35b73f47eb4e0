//! Schemathesis, an OpenAPI fuzzer (pinned in `.ci/run`), against the real server on both
//! backends: every documented operation with generated and mutated input, and not one server
//! error nor one answer (status, media type, body) that the document does not describe.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message

use std::process::Stdio;
use std::time::Duration;

use suara_store::testing::TestDatabase;
use suara_web::routes;
use time::OffsetDateTime;

mod common;

use common::TestApp;

suara_store::backend_tests!(the_fuzzer_finds_no_server_error_and_nothing_undocumented);

/// The checks that make the contract: no 5xx, and status codes, media types, headers and
/// bodies as documented.
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,\
                      response_headers_conformance,response_schema_conformance";

/// Examples per operation and phase: bounded, so the run ends by itself in about a minute.
const EXAMPLES: &str = "30";

async fn the_fuzzer_finds_no_server_error_and_nothing_undocumented(db: TestDatabase) {
    let Ok(version) = std::process::Command::new("st").arg("--version").output() else {
        eprintln!("SKIPPED (schemathesis): `st` is not installed (pip install schemathesis)");
        return;
    };
    eprintln!("{}", String::from_utf8_lossy(&version.stdout).trim());
    let app = TestApp::spawn(db).await;
    // A queue system's key, so ticket issuing is fuzzed past its key check.
    let key = "schemathesis-queue-key-0123456789";
    app.store
        .create_api_key(
            "t1",
            &suara_app::credentials::token_hash(key),
            "fuzzer",
            "rsud",
            OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let run = tokio::process::Command::new("st")
        .current_dir(scratch.path())
        .args(["run", &app.url(routes::OPENAPI), "--checks", CHECKS])
        .args(["--max-examples", EXAMPLES, "--seed", "20261207"])
        .args(["--header", &format!("Authorization: Bearer {key}")])
        .args(["--phases", "examples,coverage,fuzzing", "--max-time", "120"])
        .args(["--request-timeout", "20"])
        .args(["--no-color", "--generation-database", "none"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(Duration::from_secs(420), run)
        .await
        .expect("schemathesis ran longer than 7 minutes")
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    eprintln!("{report}");
    assert!(
        output.status.success(),
        "schemathesis found problems:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(report.contains("Operations:"), "{report}");
}
