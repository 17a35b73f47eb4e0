//! Innovations over HTTP, as their users go through them: a unit admin registers one for
//! a weak element with a university partner, moves it to trial (confirmed first), uploads
//! evidence; after its start the public page shows its effect with an interval and a plain
//! verdict; the API and the index export carry it. And as attackers: other units, other
//! roles, no session, forged stages and files, script in the title, formulas in the export.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{Session, TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_domain::survey::{validate, ResponseDraft};
use suara_store::testing::{tenant, TestDatabase, OFFICER_NIP};
use suara_store::{Channel, Submission};
use time::{Duration, OffsetDateTime};

suara_store::backend_tests!(
    a_unit_admin_registers_an_innovation_and_the_public_sees_its_effect,
    attackers_cannot_register_move_or_forge_innovations,
    the_registry_links_only_to_pages_the_user_may_open,
);

async fn post(
    app: &TestApp,
    session: &Session,
    path: &str,
    form: &[(&str, &str)],
) -> (StatusCode, String) {
    let mut fields = vec![("csrf", session.csrf.as_str())];
    fields.extend_from_slice(form);
    let response = app.post_form_as(Some(session), path, &fields).await;
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string());
    (status, location.unwrap_or(response.text().await.unwrap()))
}

const REGISTRATION: &[(&str, &str)] = &[
    ("unit", "dukcapil"),
    ("title", "Antrean daring"),
    ("problem", "Warga menunggu lama di loket KTP"),
    ("change", "Nomor antrean lewat WhatsApp"),
    ("elements", "U3"),
    ("initiator", "unit"),
    ("form", "public_service"),
    ("digital", "yes"),
    ("sdgs", "16.6"),
    ("groups", "elderly"),
];

/// 40 responses a month in `dukcapil` and `rsud-igd` over the twelve months before this
/// one; completion time (U3) in `dukcapil` one point higher from six months ago.
async fn responses(app: &TestApp, start: time::Date) {
    let now = OffsetDateTime::now_utc();
    let mut owned = Vec::new();
    for day in 0..365i64 {
        let at = now - Duration::days(day) - Duration::hours(1);
        for (unit, n) in [("dukcapil", 0), ("rsud-igd", 1)] {
            let lifted = unit == "dukcapil" && at.date() >= start;
            let base = 2 + (day + n) % 2;
            let mut answers = vec![Some(3); 9];
            answers[2] = Some(base + i64::from(lifted));
            let response = validate(ResponseDraft {
                unit: Some(unit.into()),
                answers: Some(answers),
                idempotency_key: Some(format!("{unit}-{day}")),
                ..ResponseDraft::default()
            })
            .unwrap();
            owned.push((response, at));
        }
    }
    let submissions = owned.iter().map(|(r, at)| Submission {
        response: r,
        channel: Channel::Web,
        received_at: *at,
        signals: None,
    });
    let outcomes = app
        .store
        .record_responses(&tenant(), submissions)
        .await
        .unwrap();
    assert!(outcomes.iter().all(Result::is_ok));
}

async fn a_unit_admin_registers_an_innovation_and_the_public_sees_its_effect(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("admin-dukcapil", Role::UnitAdmin, Some("dukcapil"), None)
        .await;
    let admin = app.sign_in("admin-dukcapil", PASSWORD).await.unwrap();
    let start = OffsetDateTime::now_utc().date() - Duration::days(200);
    responses(&app, start).await;

    // The form shows the unit's weakest element, ticked as the dashboard's link asks.
    let form = app
        .get_as(&admin, "/kelola/inovasi?unit=dukcapil&unsur=U3")
        .await;
    assert_eq!(form.status(), StatusCode::OK);
    let form = form.text().await.unwrap();
    assert!(form.contains("Unsur terlemah Dinas Dukcapil"), "{form}");
    assert!(form.contains("value=\"U3\" checked"));

    // A missing name comes back with the problem and the rest kept.
    let mut missing: Vec<(&str, &str)> = REGISTRATION.to_vec();
    missing.retain(|(k, _)| *k != "title");
    let (status, body) = post(&app, &admin, "/kelola/inovasi", &missing).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("Nama inovasi: wajib diisi") && body.contains("Nomor antrean lewat WhatsApp")
    );

    let (status, location) = post(&app, &admin, "/kelola/inovasi", REGISTRATION).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    assert!(location.starts_with("/kelola/inovasi/1"), "{location}");
    let (status, _) = post(
        &app,
        &admin,
        "/kelola/inovasi/1",
        &[
            ("do", "partner"),
            ("name", "Universitas Brawijaya"),
            ("kind", "university"),
            ("role", "Merancang alur"),
            ("amount", ""),
            ("in_kind", "Pendampingan mahasiswa"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // Moving to trial asks first, then records the day as the unit's start.
    let on = start.to_string();
    let stage = [("do", "stage"), ("stage", "trial"), ("on", on.as_str())];
    let (status, page) = post(&app, &admin, "/kelola/inovasi/1", &stage).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Periksa sebelum memindah tahap"), "{page}");
    let stored = app.store.innovation("t1", 1).await.unwrap().unwrap();
    assert_eq!(
        stored.stage.code(),
        "idea",
        "nothing moved before confirming"
    );
    let mut confirmed = stage.to_vec();
    confirmed.push(("confirm", "yes"));
    let (status, _) = post(&app, &admin, "/kelola/inovasi/1", &confirmed).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let stored = app.store.innovation("t1", 1).await.unwrap().unwrap();
    assert_eq!(
        (stored.stage.code(), stored.started_on()),
        ("trial", Some(start))
    );

    // Evidence: a PDF is kept and served with its checked type.
    let upload = |bytes: &'static [u8]| {
        let form = reqwest::multipart::Form::new()
            .text("csrf", admin.csrf.clone())
            .text("indicator", "regulation")
            .text("title", "SK Kepala Dinas")
            .part(
                "file",
                reqwest::multipart::Part::bytes(bytes)
                    .file_name("sk.pdf")
                    .mime_str("application/pdf")
                    .unwrap(),
            );
        app.client
            .post(app.url("/kelola/inovasi/1/bukti"))
            .header("cookie", format!("suara_session={}", admin.cookie))
            .multipart(form)
            .send()
    };
    let ok = upload(b"%PDF-1.4\n%%EOF\n").await.unwrap();
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let file = app.get("/inovasi/1/bukti/1").await;
    assert_eq!(file.headers()["content-type"], "application/pdf");

    // The public page: the effect with its interval and verdict, the partner, the unit.
    let public = app.get("/inovasi/1").await.text().await.unwrap();
    assert!(
        public.contains("Waktu penyelesaian: <strong>Naik dengan jelas</strong>"),
        "{public}"
    );
    assert!(public.contains("95% yakin antara"));
    assert!(public.contains("Universitas Brawijaya") && public.contains("Perguruan tinggi"));
    assert!(public.contains("svg class=\"interval\""));
    let english = app.get("/inovasi/1?lang=en").await.text().await.unwrap();
    assert!(english.contains("Rose clearly"), "{english}");
    let gallery = app
        .get("/inovasi?mitra=university&tahap=trial")
        .await
        .text()
        .await
        .unwrap();
    assert!(gallery.contains("Antrean daring") && gallery.contains("1 inovasi"));
    let none = app.get("/inovasi?mitra=media").await.text().await.unwrap();
    assert!(none.contains("0 inovasi"));

    // The API and the index export carry the same.
    let api: serde_json::Value = app.get("/api/v1/innovations").await.json().await.unwrap();
    let effect = &api["innovations"][0]["effects"][0];
    assert_eq!(effect["score"], "U3");
    assert_eq!(effect["verdict"], "rose_clearly");
    let estimate = effect["estimate"].as_f64().unwrap();
    assert!((0.7..1.3).contains(&estimate), "{effect}");
    let csv = app
        .get_as(&admin, "/kelola/inovasi/indeks?format=csv")
        .await
        .text()
        .await
        .unwrap();
    let csv = common::machine_csv(&csv);
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.contains("regulation:SK Kepala Dinas") && csv.contains("rose_clearly"));
    let xlsx = app
        .get_as(&admin, "/kelola/inovasi/indeks?format=xlsx")
        .await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(xlsx.bytes().await.unwrap().starts_with(b"PK"));

    // An idea from an officer, declined with a reason after a confirmation.
    app.add_account("pegawai", Role::Officer, None, Some(OFFICER_NIP))
        .await;
    let officer = app.sign_in("pegawai", PASSWORD).await.unwrap();
    let (status, _) = post(
        &app,
        &officer,
        "/kelola/inovasi/ide",
        &[
            ("do", "submit"),
            ("unit", "dukcapil"),
            ("title", "Loket lansia"),
            ("description", "Loket khusus lansia."),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let decline = [
        ("do", "decline"),
        ("idea", "1"),
        ("reason", "Sudah ada loket prioritas"),
    ];
    let (status, page) = post(&app, &admin, "/kelola/inovasi/ide", &decline).await;
    assert!(status == StatusCode::OK && page.contains("Periksa sebelum menolak ide"));
    let mut confirmed = decline.to_vec();
    confirmed.push(("confirm", "yes"));
    let (status, _) = post(&app, &admin, "/kelola/inovasi/ide", &confirmed).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let ideas = app
        .get_as(&officer, "/kelola/inovasi/ide")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        ideas.contains("Sudah ada loket prioritas"),
        "the author reads the reason"
    );
    let audit = app.store.audit_log("t1", None, 100).await.unwrap();
    assert!(audit
        .iter()
        .any(|e| e.entity == "innovation" && e.action == "stage"));
    assert!(audit
        .iter()
        .any(|e| e.entity == "innovation_idea" && e.action == "decide"));
}

async fn attackers_cannot_register_move_or_forge_innovations(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("admin-dukcapil", Role::UnitAdmin, Some("dukcapil"), None)
        .await;
    app.add_account("admin-rsud", Role::UnitAdmin, Some("rsud"), None)
        .await;
    app.add_account("bappeda", Role::Planner, None, None).await;
    let dukcapil = app.sign_in("admin-dukcapil", PASSWORD).await.unwrap();
    let rsud = app.sign_in("admin-rsud", PASSWORD).await.unwrap();
    let planner = app.sign_in("bappeda", PASSWORD).await.unwrap();
    let mut hostile: Vec<(&str, &str)> = REGISTRATION.to_vec();
    hostile.retain(|(k, _)| *k != "title");
    hostile.push(("title", "=HYPERLINK(\"http://x\")<script>alert(1)</script>"));
    let (status, _) = post(&app, &dukcapil, "/kelola/inovasi", &hostile).await;
    assert_eq!(status, StatusCode::SEE_OTHER);

    // No session, no CSRF token, another unit, another role: refused, nothing stored.
    let anonymous = app
        .post_form_as(None, "/kelola/inovasi", REGISTRATION)
        .await;
    assert!(matches!(
        anonymous.status(),
        StatusCode::SEE_OTHER | StatusCode::UNAUTHORIZED
    ));
    let no_token = app
        .post_form_as(Some(&dukcapil), "/kelola/inovasi", REGISTRATION)
        .await;
    assert_eq!(no_token.status(), StatusCode::FORBIDDEN);
    let (status, _) = post(&app, &rsud, "/kelola/inovasi", REGISTRATION).await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "rsud's admin registering for dukcapil"
    );
    let (status, _) = post(&app, &planner, "/kelola/inovasi", REGISTRATION).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get_as(&rsud, "/kelola/inovasi/1").await.status(),
        StatusCode::FORBIDDEN
    );
    let (status, _) = post(
        &app,
        &rsud,
        "/kelola/inovasi/1",
        &[
            ("do", "stage"),
            ("stage", "trial"),
            ("on", "2026-01-01"),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // A forged jump from idea to replicated, and a script posing as a PDF: refused.
    let (status, body) = post(
        &app,
        &dukcapil,
        "/kelola/inovasi/1",
        &[
            ("do", "stage"),
            ("stage", "replicated"),
            ("on", "2026-01-01"),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("Tahap inovasi maju satu per satu"));
    let form = reqwest::multipart::Form::new()
        .text("csrf", dukcapil.csrf.clone())
        .text("indicator", "regulation")
        .text("title", "SK")
        .part(
            "file",
            reqwest::multipart::Part::bytes(&b"<html><script>alert(1)</script>"[..])
                .file_name("sk.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        );
    let fake = app
        .client
        .post(app.url("/kelola/inovasi/1/bukti"))
        .header("cookie", format!("suara_session={}", dukcapil.cookie))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(fake.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let stored = app.store.innovation("t1", 1).await.unwrap().unwrap();
    assert_eq!((stored.stage.code(), stored.evidence.len()), ("idea", 0));
    assert_eq!(app.store.innovations("t1").await.unwrap().len(), 1);

    // Script is shown as text; the export's cells never become formulas.
    let public = app.get("/inovasi/1").await.text().await.unwrap();
    assert!(!public.contains("<script>alert(1)") && public.contains("&lt;script&gt;"));
    let csv = app
        .get_as(&dukcapil, "/kelola/inovasi/indeks?format=csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    // Unknown numbers are a plain 404, not an error.
    assert_eq!(
        app.get("/inovasi/999").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/inovasi/abc").await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/inovasi/1/bukti/9").await.status(),
        StatusCode::NOT_FOUND
    );

    // A start recorded in a unit the admin does not run, or on a day out of range: refused.
    let (status, _) = post(
        &app,
        &dukcapil,
        "/kelola/inovasi/1",
        &[
            ("do", "start"),
            ("unit", "rsud"),
            ("started_on", "2026-01-05"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = post(
        &app,
        &dukcapil,
        "/kelola/inovasi/1",
        &[
            ("do", "start"),
            ("unit", "dukcapil"),
            ("started_on", "0000-03-15"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("antara 1 Januari 2000"));
    let stored = app.store.innovation("t1", 1).await.unwrap().unwrap();
    assert!(stored.units.iter().all(|u| u.started_on.is_none()));
    // Another unit's weakest elements and plans are not shown on the form.
    let form = app
        .get_as(&dukcapil, "/kelola/inovasi?unit=rsud")
        .await
        .text()
        .await
        .unwrap();
    assert!(!form.contains("Unsur terlemah"));

    // Taking up, or declining, another unit's idea is refused; the idea stays open.
    app.store
        .submit_idea(
            "t1",
            "dukcapil",
            "Ide",
            "Ide dukcapil",
            "x",
            OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    let mut taking: Vec<(&str, &str)> = REGISTRATION.to_vec();
    taking.retain(|(k, _)| *k != "unit");
    taking.extend([("unit", "rsud"), ("idea", "1")]);
    let (status, _) = post(&app, &rsud, "/kelola/inovasi", &taking).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let idea = app.store.idea("t1", 1).await.unwrap().unwrap();
    assert_eq!(idea.status, suara_store::IdeaStatus::Open);
    let (status, _) = post(
        &app,
        &rsud,
        "/kelola/inovasi/ide",
        &[
            ("do", "decline"),
            ("idea", "1"),
            ("reason", "tidak"),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// The address of every link (`<a href>`) on a page, as a browser reads it.
fn links(html: &str) -> Vec<String> {
    html.split("<a ")
        .skip(1)
        .filter_map(|tag| {
            let tag = &tag[..tag.find('>')?];
            let start = tag.find("href=\"")? + "href=\"".len();
            let end = start + tag[start..].find('"')?;
            Some(tag[start..end].replace("&amp;", "&"))
        })
        .collect()
}

async fn the_registry_links_only_to_pages_the_user_may_open(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    app.add_account("admin-dukcapil", Role::UnitAdmin, Some("dukcapil"), None)
        .await;
    app.add_account("admin-rsud", Role::UnitAdmin, Some("rsud"), None)
        .await;
    app.add_account("pegawai", Role::Officer, None, Some(OFFICER_NIP))
        .await;
    let dukcapil = app.session_for("admin-dukcapil").await;
    let rsud = app.session_for("admin-rsud").await;
    let officer = app.session_for("pegawai").await;
    let (status, location) = post(&app, &dukcapil, "/kelola/inovasi", REGISTRATION).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    assert!(location.starts_with("/kelola/inovasi/1"), "{location}");
    let mut of_rsud: Vec<(&str, &str)> = REGISTRATION.to_vec();
    of_rsud.retain(|(k, _)| *k != "unit");
    of_rsud.push(("unit", "rsud"));
    let (status, location) = post(&app, &rsud, "/kelola/inovasi", &of_rsud).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    assert!(location.starts_with("/kelola/inovasi/2"), "{location}");

    // Every link on the registry opens for whoever is offered it.
    let mut offered = Vec::new();
    for (who, session) in [
        ("pegawai", &officer),
        ("admin-rsud", &rsud),
        ("admin-dukcapil", &dukcapil),
    ] {
        let page = app.get_as(session, "/kelola/inovasi").await;
        assert_eq!(page.status(), StatusCode::OK, "{who}");
        let found = links(&page.text().await.unwrap());
        for link in found
            .iter()
            .filter(|l| l.starts_with('/') && !l.starts_with("//"))
        {
            let status = app.get_as(session, link).await.status();
            assert_ne!(status, StatusCode::FORBIDDEN, "{who} is offered {link}");
        }
        offered.push(found);
    }
    let [officer_links, rsud_links, dukcapil_links] = &offered[..] else {
        panic!("three pages");
    };
    let has = |links: &[String], wanted: &str| links.iter().any(|l| l == wanted);
    let has_prefix = |links: &[String], prefix: &str| links.iter().any(|l| l.starts_with(prefix));

    // An officer reads the list: each innovation opens its public page; the summary and the
    // index export, which are not theirs to open, are not offered.
    assert!(
        has(officer_links, "/inovasi/1?lang=id") && has(officer_links, "/inovasi/2?lang=id"),
        "{officer_links:?}"
    );
    assert!(
        has_prefix(officer_links, "/kelola/inovasi/ide"),
        "{officer_links:?}"
    );
    for hidden in [
        "/kelola/inovasi/1",
        "/kelola/inovasi/2",
        "/kelola/inovasi/ringkasan",
        "/kelola/inovasi/indeks",
    ] {
        assert!(
            !has_prefix(officer_links, hidden),
            "{hidden} in {officer_links:?}"
        );
    }
    // A unit admin manages their own unit's innovation, and reads the other's public page.
    assert!(
        has(rsud_links, "/kelola/inovasi/2?lang=id") && has(rsud_links, "/inovasi/1?lang=id"),
        "{rsud_links:?}"
    );
    assert!(
        !has_prefix(rsud_links, "/kelola/inovasi/1"),
        "{rsud_links:?}"
    );
    assert!(
        has(dukcapil_links, "/kelola/inovasi/1?lang=id")
            && has(dukcapil_links, "/inovasi/2?lang=id"),
        "{dukcapil_links:?}"
    );
    assert!(
        !has_prefix(dukcapil_links, "/kelola/inovasi/2"),
        "{dukcapil_links:?}"
    );
    assert!(
        has_prefix(dukcapil_links, "/kelola/inovasi/indeks?format=csv"),
        "{dukcapil_links:?}"
    );
}
