//! An officer leaves the regency's service, as BKPSDM records it: the form refuses what is
//! wrong and keeps what was typed, a confirmation page comes before anything changes, and
//! afterwards nobody can name the officer in an answer, the month's payroll leaves them out,
//! and `verify` replays the ended assignment from the audit chain. On both backends.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{Session, TestApp, PASSWORD};
use reqwest::StatusCode;
use serde_json::json;
use suara_domain::access::Role;
use suara_store::testing::{tenant, TestDatabase, OFFICER_NIP};
use time::OffsetDateTime;

suara_store::backend_tests!(hr_records_that_an_officer_leaves);

async fn post(app: &TestApp, session: &Session, form: &[(&str, &str)]) -> (StatusCode, String) {
    let mut fields = vec![("csrf", session.csrf.as_str())];
    fields.extend_from_slice(form);
    let response = app
        .post_form_as(
            Some(session),
            &format!("/dasbor/pegawai/{OFFICER_NIP}/berhenti?lang=id"),
            &fields,
        )
        .await;
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string());
    (status, location.unwrap_or(response.text().await.unwrap()))
}

async fn page(app: &TestApp, session: &Session, path: &str) -> String {
    let response = app.get_as(session, path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

async fn hr_records_that_an_officer_leaves(db: TestDatabase) {
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    app.add_account("bkpsdm", Role::Hr, None, None).await;
    let hr = app.sign_in("bkpsdm", PASSWORD).await.unwrap();
    let officer_page = format!("/dasbor/pegawai/{OFFICER_NIP}?lang=id");
    let form_page = format!("/dasbor/pegawai/{OFFICER_NIP}/berhenti?lang=id");
    let before = page(&app, &hr, &officer_page).await;
    assert!(
        before.contains("Catat pegawai berhenti") && before.contains("/berhenti?lang=id"),
        "{before}"
    );
    let form = page(&app, &hr, &form_page).await;
    assert!(
        form.contains("Hari kerja terakhir") && form.contains("Meninggal dunia"),
        "{form}"
    );

    // Nothing typed: both problems named, nothing changed.
    let (status, body) = post(&app, &hr, &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("error-summary")
            && body.contains("Isi hari kerja terakhir")
            && body.contains("Pilih alasan pegawai berhenti")
            && body.contains("Menu staf"),
        "{body}"
    );
    // A date written the Indonesian way by hand: refused, the reason kept as chosen.
    let (status, body) = post(&app, &hr, &[("last_day", "30/11/2026"), ("reason", "died")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("harus tanggal yang benar")
            && body.contains(r#"value="died" checked"#)
            && body.contains(r#"value="30/11/2026""#),
        "{body}"
    );

    // She retired on the last day of last month: first the confirmation page, nothing ended.
    let last_month = tenant().month_of(OffsetDateTime::now_utc()).previous();
    let last_day = last_month.previous().last_day().to_string();
    let (status, body) = post(&app, &hr, &[("last_day", &last_day), ("reason", "retired")]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("Akhiri penugasan Sri Wahyuni?")
            && body.contains("Ya, akhiri penugasan")
            && body.contains("Pensiun")
            && body.contains(r#"name="confirm" value="yes""#),
        "{body}"
    );
    let open = app.store.assignments("t1", OFFICER_NIP).await.unwrap();
    assert!(open[0].until.is_none());
    let (status, location) = post(
        &app,
        &hr,
        &[
            ("last_day", &last_day),
            ("reason", "retired"),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    assert_eq!(location, officer_page);
    let after = page(&app, &hr, &officer_page).await;
    assert!(
        after.contains("Berhenti") && !after.contains("Catat pegawai berhenti"),
        "{after}"
    );
    // A second tab sending the same: the officer has left already, nothing changes twice.
    let (status, body) = post(
        &app,
        &hr,
        &[
            ("last_day", &last_day),
            ("reason", "retired"),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("sudah berhenti"), "{body}");

    // Nobody can name her now, and last month's payroll leaves her out.
    let named = app
        .client
        .post(app.url("/api/v1/responses"))
        .json(&json!({"unit": "dukcapil", "officer": OFFICER_NIP,
            "answers": [1, 1, 1, 1, 1, 1, 1, 1, 1], "idempotency_key": "after-she-left"}))
        .send()
        .await
        .unwrap();
    assert_eq!(named.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let (_, officers, _) = app.store.preview_payroll("t1", last_month).await.unwrap();
    assert!(officers.iter().all(|o| o.input.nip != OFFICER_NIP));
    // Her old QR poster still opens the survey, for the unit: nobody's answer is refused.
    let poster = app
        .client
        .get(app.url(&format!("/survei/dukcapil?officer={OFFICER_NIP}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !poster.contains("Sri Wahyuni") && !poster.contains(&format!(r#"value="{OFFICER_NIP}""#)),
        "{poster}"
    );
    // The counter no longer offers her for a ticket.
    app.add_account("admin-dukcapil", Role::UnitAdmin, Some("dukcapil"), None)
        .await;
    let admin = app.sign_in("admin-dukcapil", PASSWORD).await.unwrap();
    let counter = page(&app, &admin, "/loket?lang=id").await;
    assert!(!counter.contains("Sri Wahyuni"), "{counter}");

    // A list that still carries her changes nothing; she returns only on a start date after
    // her last day, as a new assignment.
    use suara_domain::org::import::{plan_import, ImportFiles};
    let today = tenant().month_of(OffsetDateTime::now_utc());
    let plan_for = |csv: String| {
        let store = &app.store;
        async move {
            let snapshot = store.org_snapshot("t1").await.unwrap();
            let files = ImportFiles {
                officers: Some(csv.as_bytes()),
                ..Default::default()
            };
            plan_import(&files, &snapshot, OffsetDateTime::now_utc().date())
        }
    };
    let row = format!("nip,name,position,position_class,unit_id\n{OFFICER_NIP},Sri Wahyuni,Verifikator,7,dukcapil\n");
    assert!(plan_for(row.clone()).await.unwrap().is_empty());
    let moved = row.replace("Verifikator", "Kepala Seksi");
    let refused = plan_for(moved).await.unwrap_err();
    assert!(
        refused[0].reason.to_string().contains("left on"),
        "{refused:?}"
    );
    let back = today.last_day().to_string();
    let returning = format!("nip,name,position,position_class,unit_id,assigned_from\n{OFFICER_NIP},Sri Wahyuni,Verifikator,7,dukcapil,{back}\n");
    let plan = plan_for(returning).await.unwrap();
    assert_eq!(
        plan.officers[0].new_assignment_from.map(|d| d.to_string()),
        Some(back.clone())
    );
    app.store
        .apply_import("t1", &plan, "bkpsdm", OffsetDateTime::now_utc())
        .await
        .unwrap();
    let history = app.store.assignments("t1", OFFICER_NIP).await.unwrap();
    assert_eq!((history.len(), history[0].until), (2, None));
    assert_eq!(
        history[1].until.map(|d| d.to_string()),
        Some(last_day.clone())
    );

    // The audit chain replays the ended assignment: verify finds nothing amiss (it names the
    // first officer whose unit history differs from the chain's).
    let report = app.store.verify("t1", None, &[]).await.unwrap();
    assert_eq!(report.problem, None);
    // Someone with the database reopens her assignment, so she is paid again: named.
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    sqlx::query("UPDATE officer_assignments SET valid_until = NULL WHERE nip = $1")
        .bind(OFFICER_NIP)
        .execute(&raw)
        .await
        .unwrap();
    let report = app.store.verify("t1", None, &[]).await.unwrap();
    let problem = report.problem.unwrap_or_default();
    assert!(
        problem.contains(&format!("unit history of officer {OFFICER_NIP}")),
        "{problem}"
    );
}
