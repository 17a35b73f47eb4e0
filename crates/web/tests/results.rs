//! Results for staff and the public over HTTP: the regency summary and a unit's anonymous
//! responses as CSV/xlsx, the SKM report PDF, follow-up plans added and updated on the unit
//! page and published on the transparency page.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_domain::survey::{validate, ResponseDraft};
use suara_store::testing::{tenant, TestDatabase};
use suara_store::{Channel, Submission};
use time::OffsetDateTime;

suara_store::backend_tests!(exports_report_and_follow_up);

async fn exports_report_and_follow_up(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("admin", Role::Administrator, None, None)
        .await;
    let admin = app.sign_in("admin", PASSWORD).await.unwrap();
    let now = OffsetDateTime::now_utc();
    for (i, suggestion) in [None, Some("Antrean lama"), Some("=HYPERLINK(\"x\")")]
        .into_iter()
        .enumerate()
    {
        let response = validate(ResponseDraft {
            unit: Some("dukcapil".into()),
            answers: Some(vec![Some(3); 9]),
            suggestion: suggestion.map(str::to_string),
            idempotency_key: Some(format!("results-{i:03}")),
            ..ResponseDraft::default()
        })
        .unwrap();
        let submission = Submission {
            response: &response,
            channel: Channel::Web,
            received_at: now,
            signals: None,
        };
        app.store
            .record_response(&tenant(), submission)
            .await
            .unwrap();
    }
    let year = tenant().month_of(now).year().to_string();

    let csv = app
        .get_as(
            &admin,
            &format!("/dasbor/ekspor?jenis=tanggapan&unit=dukcapil&period={year}&format=csv"),
        )
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    let csv = common::machine_csv(&csv.text().await.unwrap());
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(csv.contains("'=HYPERLINK"), "a formula stays text: {csv}");
    let summary = app
        .get_as(&admin, &format!("/dasbor/ekspor?period={year}&format=csv"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        summary.contains("dukcapil,Dinas Dukcapil,3,3.000,3.000"),
        "{summary}"
    );
    assert!(summary.contains(",75.00,C"), "{summary}");
    let xlsx = app
        .get_as(&admin, &format!("/dasbor/ekspor?period={year}"))
        .await;
    assert!(xlsx.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .ends_with(".xlsx\""));
    assert!(xlsx.bytes().await.unwrap().starts_with(b"PK"));

    let pdf = app
        .get_as(
            &admin,
            &format!("/dasbor/unit/dukcapil/laporan?period={year}"),
        )
        .await;
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let pdf = pdf.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // Three responses: the figure is given with its margin, provisional, and not graded.
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("Batas galat (95 %)") && text.contains("Sementara: belum dinilai"),
        "the SKM report says how sure its IKM is"
    );

    // Follow-up: a bad plan is refused, a good one added, then updated; the public sees it.
    let path = "/dasbor/unit/dukcapil/tindak-lanjut?lang=id";
    let bad = app
        .post_form_as(
            Some(&admin),
            path,
            &[
                ("csrf", &admin.csrf),
                ("period", &year),
                ("element", "U3"),
                ("action", "Menambah loket"),
            ],
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // The problem is named and what was typed is kept, inside the staff layout.
    let bad = bad.text().await.unwrap();
    assert!(
        bad.contains("Penanggung jawab: wajib diisi")
            && bad.contains("value=\"Menambah loket\"")
            && bad.contains("<option value=\"U3\" selected>")
            && bad.contains("nav class=\"staff\""),
        "{bad}"
    );
    let added = app
        .post_form_as(
            Some(&admin),
            path,
            &[
                ("csrf", &admin.csrf),
                ("period", &year),
                ("element", "U3"),
                ("action", "Menambah loket pada jam sibuk"),
                ("owner", "Kepala Bidang Pelayanan"),
                ("deadline", "2027-03-31"),
            ],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    let page = app
        .get_as(&admin, &format!("/dasbor/unit/dukcapil?period={year}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Menambah loket pada jam sibuk"));
    let plan = common::hidden_value(&page, "plan").expect("a status form");
    let updated = app
        .post_form_as(
            Some(&admin),
            path,
            &[
                ("csrf", &admin.csrf),
                ("period", &year),
                ("plan", &plan),
                ("status", "in_progress"),
                ("note", "Loket 4 dibuka"),
            ],
        )
        .await;
    assert_eq!(updated.status(), StatusCode::SEE_OTHER);
    let public = app.get("/transparansi").await.text().await.unwrap();
    assert!(
        public.contains("Menambah loket pada jam sibuk")
            && public.contains("Berjalan")
            && public.contains("Loket 4 dibuka"),
        "{public}"
    );
    assert!(public.contains("Dinas Dukcapil") && public.contains("75,00"));
    // A few answers are shown with how sure they are, not graded.
    assert!(
        public.contains("Batas galat (95 %)")
            && public.contains("Dari kios dan tiket")
            && public.contains("Sementara"),
        "{public}"
    );
    assert!(
        public.contains("class=\"digest\""),
        "the chain head is shown"
    );
    // Light for slow phones: the page (with its one stylesheet, ~10 KB) well under 50 KB.
    assert!(public.len() < 40 * 1024, "{} bytes", public.len());
}
