//! The SKM report as an official document (issue 34): a unit administrator downloads the
//! report of their unit with the regency's letterhead and logo, the IKM of each service and
//! the unit head's signature block, as a PDF to print and as a Word document to finish. The
//! letterhead is set once, audited, and a bad logo is refused; another unit's administrator
//! gets neither file.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use std::io::Read;

use common::{TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_domain::survey::{validate, ResponseDraft};
use suara_store::testing::{tenant, TestDatabase, OFFICER_NIP};
use suara_store::{Channel, StoredLetterhead, Submission};
use time::OffsetDateTime;

suara_store::backend_tests!(a_unit_admin_prints_a_report_a_head_could_sign_and_edits_it);

/// A 4 × 4 green PNG: the regency's logo.
const LOGO: [u8; 75] = [
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 4, 0, 0, 0, 4, 8, 6, 0,
    0, 0, 169, 241, 158, 126, 0, 0, 0, 18, 73, 68, 65, 84, 120, 156, 99, 224, 142, 178, 249, 143,
    140, 25, 72, 23, 0, 0, 94, 129, 26, 1, 45, 171, 35, 139, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66,
    96, 130,
];

async fn a_unit_admin_prints_a_report_a_head_could_sign_and_edits_it(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let now = OffsetDateTime::now_utc();
    // The civil registry's head is Sri Wahyuni (named in the officer list's import).
    suara_store::testing::set_unit_head(&app.store, "dukcapil", OFFICER_NIP).await;
    // The letterhead, set once by an administrator on its page: a logo that is no PNG is
    // refused with the address kept and nothing changes; then the address and the logo.
    app.add_account("admin-kab", Role::Administrator, None, None)
        .await;
    let regency_admin = app.sign_in("admin-kab", PASSWORD).await.unwrap();
    let form = app
        .get_as(&regency_admin, "/admin/kop-surat")
        .await
        .text()
        .await
        .unwrap();
    assert!(form.contains("PEMERINTAH KABUPATEN UJI") && form.contains("Belum ada logo"));
    let send = |address: &'static str, logo: &'static [u8]| {
        let form = reqwest::multipart::Form::new()
            .text("csrf", regency_admin.csrf.clone())
            .text("address", address)
            .part(
                "logo",
                reqwest::multipart::Part::bytes(logo).file_name("logo.png"),
            );
        app.client
            .post(app.url("/admin/kop-surat?lang=id"))
            .header("cookie", format!("suara_session={}", regency_admin.cookie))
            .multipart(form)
            .send()
    };
    let refused = send("Jalan Panglima Sudirman 1", b"GIF89a").await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("Logo harus berupa gambar PNG")
            && page.contains("value=\"Jalan Panglima Sudirman 1\""),
        "{page}"
    );
    assert_eq!(
        app.store.letterhead("t1").await.unwrap(),
        StoredLetterhead::default()
    );
    let saved = send("Jalan Panglima Sudirman 1, Telepon (0355) 791234", &LOGO)
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let page = app
        .get_as(
            &regency_admin,
            saved.headers()["location"].to_str().unwrap(),
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Kop surat disimpan") && page.contains("Logo terpasang"));
    for (i, service) in [Some("ktp"), Some("ktp"), None].into_iter().enumerate() {
        let response = validate(ResponseDraft {
            unit: Some("dukcapil".into()),
            service: service.map(str::to_string),
            answers: Some(vec![Some(3); 9]),
            idempotency_key: Some(format!("report-{i:03}")),
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
    app.add_account("admin-dukcapil", Role::UnitAdmin, Some("dukcapil"), None)
        .await;
    let admin = app.sign_in("admin-dukcapil", PASSWORD).await.unwrap();

    // The unit page offers both files.
    let page = app
        .get_as(&admin, &format!("/dasbor/unit/dukcapil?period={year}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Unduh laporan SKM untuk disunting (Word)") && page.contains("format=docx"),
        "{page}"
    );

    // The PDF: letterhead with logo, each service, the signature block. (Lines holding a
    // sign outside ASCII, like the dates' dash, are hex strings in the PDF: the survey's
    // dates are checked in the Word document's text below.)
    let pdf = app
        .get_as(
            &admin,
            &format!("/dasbor/unit/dukcapil/laporan?period={year}"),
        )
        .await;
    assert_eq!(pdf.status(), StatusCode::OK);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let pdf = String::from_utf8_lossy(&pdf.bytes().await.unwrap()).into_owned();
    for part in [
        "(PEMERINTAH KABUPATEN UJI)",
        "(DINAS DUKCAPIL)",
        "(Jalan Panglima Sudirman 1, Telepon (0355) 791234)",
        "/Im1 Do",
        "(Hasil per jenis layanan)",
        "(KTP-el)",
        "(Kepala Dinas Dukcapil)",
        "(Sri Wahyuni)",
        &format!("(NIP {OFFICER_NIP})"),
    ] {
        assert!(pdf.contains(part), "{part} in the PDF");
    }

    // The Word document: the same text, the logo embedded, for the unit to finish.
    let docx = app
        .get_as(
            &admin,
            &format!("/dasbor/unit/dukcapil/laporan?period={year}&format=docx"),
        )
        .await;
    assert_eq!(docx.status(), StatusCode::OK);
    assert_eq!(
        docx.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    assert!(docx.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains(&format!("laporan-skm-dukcapil-{year}.docx")));
    let bytes = docx.bytes().await.unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    for part in [
        "PEMERINTAH KABUPATEN UJI",
        "Jalan Panglima Sudirman 1",
        // The year is still running: the survey ran from its first day to today.
        &format!("Waktu pelaksanaan survei: 1 Januari {year} \u{2013} "),
        "Hasil per jenis layanan",
        "KTP-el",
        "Kepala Dinas Dukcapil",
        "Sri Wahyuni",
        "V. Rencana Tindak Lanjut",
    ] {
        assert!(xml.contains(part), "{part} in the Word document");
    }
    assert!(zip.file_names().any(|n| n.starts_with("word/media/")));

    // A format the report does not come in, and a unit the admin does not run.
    let odd = app
        .get_as(
            &admin,
            &format!("/dasbor/unit/dukcapil/laporan?period={year}&format=odt"),
        )
        .await;
    assert_eq!(odd.status(), StatusCode::BAD_REQUEST);
    app.add_account("admin-rsud", Role::UnitAdmin, Some("rsud"), None)
        .await;
    let other = app.sign_in("admin-rsud", PASSWORD).await.unwrap();
    for format in ["pdf", "docx"] {
        let refused = app
            .get_as(
                &other,
                &format!("/dasbor/unit/dukcapil/laporan?period={year}&format={format}"),
            )
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{format}");
    }

    // The letterhead's change is in the audit log, in words.
    app.add_account("auditor", Role::Administrator, None, None)
        .await;
    let auditor = app.sign_in("auditor", PASSWORD).await.unwrap();
    let audit = app
        .get_as(&auditor, "/admin/audit")
        .await
        .text()
        .await
        .unwrap();
    assert!(audit.contains("Kop surat"), "{audit}");
}
