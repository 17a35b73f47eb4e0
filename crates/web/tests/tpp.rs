//! TPP as its users go through it, over HTTP: finance imports base amounts and computes the
//! month; BKPSDM reviews; only BPKAD approves and locks; the xlsx and CSV hold the amounts;
//! the officer's explanation adds up to the exported amount; an appeal upheld by the
//! inspectorate changes the next version, whose differences are listed.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{hidden_value, Session, TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_domain::survey::{validate, ResponseDraft};
use suara_domain::tpp::inputs::BaseAmount;
use suara_store::testing::{tenant, TestDatabase, OFFICER_NIP, OTHER_OFFICER_NIP};
use suara_store::{Channel, Submission};
use time::OffsetDateTime;

suara_store::backend_tests!(
    finance_runs_a_month_and_an_officer_sees_why,
    finance_pays_from_the_payable_list,
    a_back_dated_move_waits_for_a_new_computation_and_never_reopens_a_paid_month
);

async fn answer(app: &TestApp, key: &str, officer: Option<&str>, rating: i64) {
    let response = validate(ResponseDraft {
        unit: Some("dukcapil".into()),
        officer: officer.map(str::to_string),
        answers: Some(vec![Some(rating); 9]),
        idempotency_key: Some(key.into()),
        ..ResponseDraft::default()
    })
    .unwrap();
    let submission = Submission {
        response: &response,
        channel: Channel::Web,
        received_at: last_month(),
        signals: None,
    };
    app.store
        .record_response(&tenant(), submission)
        .await
        .unwrap();
}

/// The middle of last month (a run is computed only for a month that has ended).
fn last_month() -> OffsetDateTime {
    let month = tenant().month_of(OffsetDateTime::now_utc()).previous();
    let day = time::Date::from_calendar_date(
        month.year(),
        time::Month::try_from(month.month()).unwrap(),
        15,
    )
    .unwrap();
    day.with_hms(5, 0, 0).unwrap().assume_utc()
}

async fn page(app: &TestApp, session: &Session, path: &str) -> (StatusCode, String) {
    let response = app.get_as(session, path).await;
    (response.status(), response.text().await.unwrap())
}

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
    let body = response.text().await.unwrap();
    (status, location.unwrap_or(body))
}

async fn finance_runs_a_month_and_an_officer_sees_why(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    // Web responses and the point score, as before the evidence rule (see attacks.rs).
    let open = "version = \"open\"\neffective_from = \"2026-01\"\nmin_trust = \"open\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n";
    app.store
        .save_policy("t1", open, "admin", time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    app.add_account("bpkad", Role::Finance, None, None).await;
    app.add_account("bkpsdm", Role::Hr, None, None).await;
    app.add_account("inspektorat", Role::Inspectorate, None, None)
        .await;
    app.add_account("pegawai", Role::Officer, None, Some(OFFICER_NIP))
        .await;
    let this_month = tenant().month_of(OffsetDateTime::now_utc());
    let month = this_month.previous().to_string();
    // The officer: four responses at 2 (IKM 50); the rest of the unit: six at 4.
    for i in 0..4 {
        answer(&app, &format!("tpp-named-{i:03}"), Some(OFFICER_NIP), 2).await;
    }
    for i in 0..6 {
        answer(&app, &format!("tpp-unit-{i:03}"), None, 4).await;
    }
    let finance = app.sign_in("bpkad", PASSWORD).await.unwrap();
    // A month never computed says so, with what to do, inside the staff pages.
    let never = app.get_as(&finance, "/tpp/2020-01").await;
    assert_eq!(never.status(), StatusCode::NOT_FOUND);
    let never = never.text().await.unwrap();
    assert!(
        never.contains("TPP bulan itu belum dihitung")
            && never.contains("setelah bulan itu berakhir")
            && never.contains(r#"href="/tpp?lang=id""#)
            && !never.contains("Halaman tidak ditemukan"),
        "{never}"
    );

    // Finance imports the base amounts (a bad file first: every problem named, nothing kept).
    let upload = |csv: &'static str| {
        let form = reqwest::multipart::Form::new()
            .text("csrf", finance.csrf.clone())
            .text("kind", "base")
            .part(
                "file",
                reqwest::multipart::Part::bytes(csv.as_bytes()).file_name("base.csv"),
            );
        app.client
            .post(app.url("/tpp/impor"))
            .header("cookie", format!("suara_session={}", finance.cookie))
            .multipart(form)
            .send()
    };
    let bad = upload("position_class,base_amount\n7,lima juta\n")
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let bad = bad.text().await.unwrap();
    assert!(
        bad.contains("Baris 2") && bad.contains("bukan rupiah utuh"),
        "{bad}"
    );
    let good = upload("position_class,base_amount\n7,\"Rp5.000.000\"\n")
        .await
        .unwrap();
    assert_eq!(good.status(), StatusCode::OK);
    assert!(good.text().await.unwrap().contains("Rp5.000.000"));

    // The current month has not ended: no run, only a marked provisional preview.
    let (status, body) = post(
        &app,
        &finance,
        "/tpp/hitung?lang=id",
        &[("month", &this_month.to_string())],
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("belum berakhir"), "{body}");
    let (status, body) = page(&app, &finance, &format!("/tpp/{this_month}?lang=id")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("Pratinjau sementara") && !body.contains("name=\"from\""),
        "{body}"
    );

    // …and computes last month.
    let (status, location) =
        post(&app, &finance, "/tpp/hitung?lang=id", &[("month", &month)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    assert_eq!(location, format!("/tpp/{month}?lang=id&versi=1"));
    let (status, run) = page(&app, &finance, &location).await;
    assert_eq!(status, StatusCode::OK);
    // Blended (4·50 + 30·80)/34 = 76.47 → Rp3.823.500; the other officer's unit has no
    // responses → Rp5.000.000.
    assert!(run.contains("Rp8.823.500"), "{run}");
    // Ten answers where the unit's 100 monthly users call for a sample of 80: a warning.
    assert!(
        run.contains("Krejcie–Morgan") && run.contains("padahal minimal 80"),
        "{run}"
    );

    // BKPSDM reviews; approving is finance's alone.
    let hr = app.sign_in("bkpsdm", PASSWORD).await.unwrap();
    let state_path = format!("/tpp/{month}/status?lang=id");
    let step = |from: &'static str| [("version", "1"), ("from", from)];
    let (status, body) = post(&app, &hr, &state_path, &step("draft")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("sudah diperiksa"));
    let (status, _) = post(&app, &hr, &state_path, &step("reviewed")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Approving and locking are confirmed on a page of their own first; nothing moves before.
    let confirmed = |from: &'static str| [("version", "1"), ("from", from), ("confirm", "yes")];
    let (status, body) = post(&app, &finance, &state_path, &step("reviewed")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("Setujui perhitungan TPP?") && body.contains("name=\"confirm\""),
        "{body}"
    );
    // Four eyes: finance computed it, so another finance account approves.
    let (status, body) = post(&app, &finance, &state_path, &confirmed("reviewed")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body.contains("Empat mata"), "{body}");
    app.add_account("bpkad-kabid", Role::Finance, None, None)
        .await;
    let approver = app.sign_in("bpkad-kabid", PASSWORD).await.unwrap();
    let (status, _) = post(&app, &approver, &state_path, &confirmed("reviewed")).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = post(&app, &approver, &state_path, &step("approved")).await;
    assert!(
        status == StatusCode::OK && body.contains("Kunci perhitungan TPP?"),
        "{body}"
    );
    let (status, body) = post(&app, &approver, &state_path, &confirmed("approved")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("terkunci"));
    let (status, _) = post(&app, &finance, &state_path, &confirmed("approved")).await;
    assert_eq!(status, StatusCode::CONFLICT, "a locked run stays locked");

    // The exports hold the run's amounts.
    let xlsx = app
        .get_as(&finance, &format!("/tpp/{month}/ekspor?format=xlsx"))
        .await;
    assert_eq!(xlsx.status(), StatusCode::OK);
    assert!(xlsx.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains(&format!("tpp-t1-{month}-v1.xlsx")));
    assert!(xlsx.bytes().await.unwrap().starts_with(b"PK"));
    let (_, csv) = page(&app, &finance, &format!("/tpp/{month}/ekspor?format=csv")).await;
    let csv = common::machine_csv(&csv);
    let amount = csv
        .lines()
        .next()
        .and_then(|header| header.split(',').position(|c| c == "amount"))
        .unwrap();
    let exported: u64 = csv
        .lines()
        .find(|l| l.contains(OFFICER_NIP))
        .and_then(|l| l.split(',').nth(amount))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(exported, 3_823_500);

    // The officer sees why, and the numbers add up to the exported amount.
    let officer = app.sign_in("pegawai", PASSWORD).await.unwrap();
    let explain = format!("/dasbor/pegawai/{OFFICER_NIP}/tpp?lang=id");
    let (status, why) = page(&app, &officer, &explain).await;
    assert_eq!(status, StatusCode::OK);
    for part in [
        "Rp3.823.500</strong> = 76,47% × Rp5.000.000",
        "(4·50,00 + 30·80,00) / (4 + 30) = <strong>76,47</strong>",
        "Rp5.000.000 × 76,47% = <strong>Rp3.823.500</strong>",
        "Kebijakan ini tidak memakai aturan bukti",
        // The gap in plain words: points below the threshold and what it cost.
        "Pada 76,47 Anda 3,53 poin di bawah 80, dan itu mengurangi TPP Anda sebesar Rp1.176.500.",
        "setara dengan 30 tanggapan",
    ] {
        assert!(why.contains(part), "{part} in {why}");
    }
    // The month under way is a link away, not an address to type (read after the page: if
    // the month turned in between, the page's month under way is now the one before).
    let current = tenant().month_of(OffsetDateTime::now_utc());
    assert!(
        [current, current.previous()]
            .iter()
            .any(|m| why.contains(&format!("?bulan={m}&amp;lang=id"))),
        "a link to {current} in {why}"
    );

    // The officer appeals one response; the inspectorate upholds it.
    let response = hidden_value(&why, "response").expect("an appeal form");
    let appeal_path = format!("/dasbor/pegawai/{OFFICER_NIP}/banding?lang=id");
    let reason = "Saya cuti hari itu.";
    let (status, body) = post(
        &app,
        &officer,
        &appeal_path,
        &[
            ("response", &response),
            ("month", &month),
            ("reason", reason),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Keberatan diajukan"));
    let inspector = app.sign_in("inspektorat", PASSWORD).await.unwrap();
    let (_, waiting) = page(&app, &inspector, "/admin/banding").await;
    assert!(waiting.contains(reason));
    let decision = [
        ("response", response.as_str()),
        ("decision", "uphold"),
        ("reason", "Daftar hadir: cuti"),
    ];
    // Deciding is final: a confirmation page first, naming the officer and the consequence.
    let (status, body) = post(&app, &inspector, "/admin/banding", &decision).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("Kabulkan keberatan ini?") && body.contains("final"),
        "{body}"
    );
    let mut confirmed = decision.to_vec();
    confirmed.push(("confirm", "yes"));
    let (status, body) = post(&app, &inspector, "/admin/banding", &confirmed).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Dikabulkan"));

    // The next version leaves it out (blended 80.30 → 100 %) and lists the difference.
    let (status, location) =
        post(&app, &finance, "/tpp/hitung?lang=id", &[("month", &month)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, second) = page(&app, &finance, &location).await;
    assert!(second.contains("versi 2") && second.contains("Perubahan dari versi 1"));
    assert!(
        second.contains("Rp3.823.500") && second.contains("+Rp1.176.500"),
        "{second}"
    );
    // Until version 2 is approved, the officer sees the locked version 1 they were paid,
    // and that a new one is being prepared.
    let (_, why) = page(&app, &officer, &explain).await;
    assert!(
        why.contains("Rp3.823.500</strong> = 76,47% × Rp5.000.000")
            && why.contains("versi 1")
            && why.contains("sedang menyiapkan versi baru"),
        "{why}"
    );

    // Version 2 is not wanted: finance discards it, after a confirmation page. It is kept
    // and listed as discarded, the month shows the locked version 1 again, and the next
    // computation is version 3.
    let discard_path = format!("/tpp/{month}/buang?lang=id");
    let (status, body) = post(
        &app,
        &finance,
        &discard_path,
        &[("version", "2"), ("from", "draft")],
    )
    .await;
    assert!(
        status == StatusCode::OK
            && body.contains("Buang versi perhitungan TPP ini?")
            && body.contains("name=\"confirm\""),
        "{body}"
    );
    let (_, still) = page(&app, &finance, &format!("/tpp/{month}?lang=id&versi=2")).await;
    assert!(
        still.contains("Buang versi ini"),
        "nothing discarded before confirming"
    );
    let discard = [("version", "2"), ("from", "draft"), ("confirm", "yes")];
    let (status, body) = post(&app, &finance, &discard_path, &discard).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("Versi itu dibuang") && body.contains("dibuang"),
        "{body}"
    );
    let (status, _) = post(&app, &finance, &discard_path, &discard).await;
    assert_eq!(status, StatusCode::CONFLICT, "discarded once");
    // A locked version is what was paid: never discarded.
    let locked = [("version", "1"), ("from", "locked"), ("confirm", "yes")];
    let (status, body) = post(&app, &finance, &discard_path, &locked).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("hanya draf"), "{body}");
    let (_, shown) = page(&app, &finance, &format!("/tpp/{month}?lang=id")).await;
    assert!(
        shown.contains("versi 1") && shown.contains("terkunci"),
        "{shown}"
    );
    let (_, overview) = page(&app, &finance, "/tpp?lang=id").await;
    assert!(overview.contains("dibuang"), "{overview}");
    let (_, why) = page(&app, &officer, &explain).await;
    assert!(!why.contains("sedang menyiapkan versi baru"), "{why}");
    let (status, location) =
        post(&app, &finance, "/tpp/hitung?lang=id", &[("month", &month)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.ends_with("versi=3"), "{location}");
    let (_, third) = page(&app, &finance, &location).await;
    assert!(third.contains("Perubahan dari versi 1"), "{third}");
    // The discarded version's history is one the application writes: verify passes.
    let signer = &app.state.signer;
    signer.sign_all(&app.store).await.unwrap();
    let key = signer.key("t1").unwrap();
    let kept = signer.kept_heads("t1", &key.public()).unwrap();
    let report = app.store.verify("t1", Some(&key), &kept).await.unwrap();
    assert_eq!(report.problem, None);
}

/// HR's officer list (a CSV as SIMPEG exports it), as HR uploads it on the import page.
async fn import_officers(app: &TestApp, hr: &Session, csv: &str) {
    let (status, html) = send_officers(app, hr, csv).await;
    assert!(
        status == StatusCode::OK && html.contains("Impor selesai"),
        "{html}"
    );
}

async fn send_officers(app: &TestApp, hr: &Session, csv: &str) -> (StatusCode, String) {
    send_list(app, hr, "officers", csv).await
}

/// Posts one list (`units`, `officers`…) to the import page, to import at once.
async fn send_list(app: &TestApp, hr: &Session, table: &str, csv: &str) -> (StatusCode, String) {
    let form = reqwest::multipart::Form::new()
        .text("csrf", hr.csrf.clone())
        .text("action", "import")
        .part(
            table.to_string(),
            reqwest::multipart::Part::bytes(csv.as_bytes().to_vec())
                .file_name(format!("{table}.csv")),
        );
    let sent = app
        .client
        .post(app.url("/admin/impor"))
        .header("cookie", format!("suara_session={}", hr.cookie))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = sent.status();
    (status, sent.text().await.unwrap())
}

/// The month's payable list: gross from the run, each deduction of the policy, net, rank and
/// account from the officer list; the bank file only for a locked run whose every payee has
/// an account, and never after the accounts were changed behind the application's back.
/// Version `version` of a run reviewed by `hr`, then approved and locked by `approver`,
/// each through its confirmation page, at the run's `state` address.
async fn review_approve_lock(
    app: &TestApp,
    hr: &Session,
    approver: &Session,
    state: &str,
    version: &str,
) {
    for (who, from) in [
        (hr, "draft"),
        (approver, "reviewed"),
        (approver, "approved"),
    ] {
        let (status, body) = post(
            app,
            who,
            state,
            &[("version", version), ("from", from), ("confirm", "yes")],
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{from}: {body}");
    }
}

async fn finance_pays_from_the_payable_list(db: TestDatabase) {
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    let policy = "version = \"potongan\"\neffective_from = \"2026-01\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n\n[[deductions]]\nname = \"PPh Pasal 21\"\npercent_by_rank = { IV = \"15\", III = \"5\" }\n\n[[deductions]]\nname = \"Iuran BPJS Kesehatan\"\npercent = \"1\"\ncap = 120000\n";
    app.store
        .save_policy("t1", policy, "admin", OffsetDateTime::now_utc())
        .await
        .unwrap();
    app.store
        .replace_base_amounts(
            "t1",
            &[BaseAmount {
                position_class: "7".into(),
                amount: 5_000_000,
            }],
            "bpkad",
            OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    app.add_account("bpkad", Role::Finance, None, None).await;
    app.add_account("bpkad-kabid", Role::Finance, None, None)
        .await;
    app.add_account("bkpsdm", Role::Hr, None, None).await;
    let hr = app.sign_in("bkpsdm", PASSWORD).await.unwrap();
    // Sri's rank and account arrive with the list; Bambang's account is not in it yet.
    import_officers(
        &app,
        &hr,
        &format!(
            "NIP;NAMA;JABATAN;UNIT KERJA;KELAS JABATAN;GOL/RUANG;NPWP;NAMA BANK;NOMOR REKENING\n\
             {OFFICER_NIP};Sri Wahyuni;Verifikator;dukcapil;7;III/c;09.254.294.3-407.000;Bank Jatim;0011223344\n\
             {OTHER_OFFICER_NIP};Bambang Setiawan;Verifikator;rsud-igd;7;;;;\n"
        ),
    )
    .await;
    // Who signs: the civil registry names its head and treasurer; the hospital its head
    // only, and its emergency ward no one, so the ward's list takes the hospital's head and
    // leaves the treasurer's name to be written in. A signer must be an officer.
    let units = |treasurer: &str| {
        format!(
            "KODE UNIT;NAMA UNIT;JENIS;INDUK;NIP KEPALA;NIP BENDAHARA\n\
             dukcapil;Dinas Dukcapil;dinas;;{OFFICER_NIP};{treasurer}\n\
             rsud;RSUD dr. Soedomo;dinas;;{OTHER_OFFICER_NIP};\n"
        )
    };
    let (status, html) = send_list(&app, &hr, "units", &units("199912312020121001")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("tidak ada pegawai dengan NIP 199912312020121001"),
        "{html}"
    );
    let (status, html) = send_list(&app, &hr, "units", &units(OTHER_OFFICER_NIP)).await;
    assert!(
        status == StatusCode::OK && html.contains("Impor selesai"),
        "{html}"
    );
    let finance = app.sign_in("bpkad", PASSWORD).await.unwrap();
    let month = tenant()
        .month_of(OffsetDateTime::now_utc())
        .previous()
        .to_string();
    let (status, location) =
        post(&app, &finance, "/tpp/hitung?lang=id", &[("month", &month)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{location}");
    let (_, run) = page(&app, &finance, &location).await;
    assert!(
        run.contains("daftar nominatif (xlsx)") && !run.contains("berkas-bank"),
        "{run}"
    );

    // The list of a draft, for checking: no answers, so both are paid their 5,000,000.
    // Sri (III/c): 5 % tax 250,000 and 1 % insurance 50,000; Bambang (no rank): 50,000.
    let list = app
        .get_as(
            &finance,
            &format!("/tpp/{month}/daftar-nominatif?versi=1&lang=id"),
        )
        .await;
    assert_eq!(list.status(), StatusCode::OK);
    let workbook = list.bytes().await.unwrap();
    let summary = suara_domain::spreadsheet::as_csv(&workbook).unwrap();
    let summary = String::from_utf8_lossy(&summary);
    assert!(
        summary.contains("DAFTAR NOMINATIF PEMBAYARAN TPP")
            && summary.contains("PPh Pasal 21, Iuran BPJS Kesehatan")
            && summary.contains(",Jumlah,2,10000000,250000,100000,9650000"),
        "{summary}"
    );
    let sheet_text = |name: &str| common::sheet_text(&workbook, name);
    let registry = sheet_text("dukcapil");
    assert!(
        registry.contains("Sri Wahyuni")
            && registry.contains(&format!("NIP {OFFICER_NIP}"))
            && registry.contains(&format!("NIP {OTHER_OFFICER_NIP}")),
        "{registry}"
    );
    let ward = sheet_text("rsud-igd");
    assert!(
        ward.contains(&format!("NIP {OTHER_OFFICER_NIP}")) && ward.contains("NIP ....."),
        "{ward}"
    );
    let pdf = app
        .get_as(
            &finance,
            &format!("/tpp/{month}/daftar-nominatif?versi=1&format=pdf"),
        )
        .await;
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let pdf = pdf.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    if let Ok(dir) = std::env::var("SUARA_SCREENSHOTS") {
        std::fs::write(format!("{dir}/daftar-nominatif.pdf"), &pdf).unwrap();
    }
    let bank = format!("/tpp/{month}/berkas-bank?versi=1&lang=id");
    let (status, body) = page(&app, &finance, &bank).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("sudah terkunci"), "{body}");

    // Reviewed, approved by a second account, locked.
    let state = format!("/tpp/{month}/status?lang=id");
    let approver = app.sign_in("bpkad-kabid", PASSWORD).await.unwrap();
    review_approve_lock(&app, &hr, &approver, &state, "1").await;
    // BKPSDM imports the accounts, so the bank file is finance's alone.
    let (status, _) = page(&app, &hr, &bank).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Nobody is left out of a bank file: Bambang has no account yet.
    let (status, body) = page(&app, &finance, &bank).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("Bambang Setiawan"), "{body}");
    import_officers(
        &app,
        &hr,
        &format!(
            "NIP;NAMA;JABATAN;UNIT KERJA;KELAS JABATAN;NAMA BANK;NO REK\n\
             {OTHER_OFFICER_NIP};Bambang Setiawan;Verifikator;rsud-igd;7;Bank Jatim;0055667788\n"
        ),
    )
    .await;
    // The locked run pays what it was approved with: the account imported after it waits
    // for a new version, computed, reviewed and approved again.
    let (status, body) = page(&app, &finance, &bank).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("hitung ulang bulan ini"), "{body}");
    let computed = app
        .post_form_as(
            Some(&finance),
            "/tpp/hitung?lang=id",
            &[("csrf", finance.csrf.as_str()), ("month", month.as_str())],
        )
        .await;
    assert_eq!(computed.status(), StatusCode::SEE_OTHER);
    review_approve_lock(&app, &hr, &approver, &state, "2").await;
    let bank = format!("/tpp/{month}/berkas-bank?versi=2&lang=id");
    let (status, file) = page(&app, &finance, &bank).await;
    assert_eq!(status, StatusCode::OK, "{file}");
    let lines: Vec<&str> = file.lines().collect();
    assert_eq!(lines[0], "account_number,name,amount,description,bank,nip");
    assert!(
        lines[1].starts_with("0011223344,Sri Wahyuni,4700000,TPP ")
            && lines[2].starts_with("0055667788,Bambang Setiawan,4950000,TPP "),
        "{file}"
    );
    // The file is on the record, with its fingerprint, before it leaves.
    let entry = &app.store.audit_log("t1", None, 1).await.unwrap()[0];
    let fingerprint: String = {
        use sha2::Digest;
        sha2::Sha256::digest(file.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let after = entry.after.as_deref().unwrap_or_default();
    assert!(
        entry.entity == "tpp_bank_file"
            && entry.actor == "bpkad"
            && after.contains("\"payees\":2")
            && after.contains("\"total\":9650000")
            && after.contains(&fingerprint),
        "{entry:?}"
    );
    // Another site's link cannot make one in finance's name (nothing recorded).
    let forged = app
        .client
        .get(app.url(&bank))
        .header("cookie", format!("suara_session={}", finance.cookie))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    let latest = &app.store.audit_log("t1", None, 1).await.unwrap()[0];
    assert_eq!(latest.audit_id, entry.audit_id);

    // BKPSDM sends Sri's pay to another account after the run was locked (a proper,
    // audit-logged import): the locked run still pays the account it was approved with.
    import_officers(
        &app,
        &hr,
        &format!(
            "NIP;NAMA;JABATAN;UNIT KERJA;KELAS JABATAN;NAMA BANK;NO REK\n\
             {OFFICER_NIP};Sri Wahyuni;Verifikator;dukcapil;7;Bank Lain;0099887766\n"
        ),
    )
    .await;
    let (status, again) = page(&app, &finance, &bank).await;
    assert_eq!(status, StatusCode::OK, "{again}");
    assert!(
        again.contains("0011223344,Sri Wahyuni,4700000") && !again.contains("0099887766"),
        "{again}"
    );

    // A database keeper raises the locked run's total: no bank file until it is put back.
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    for (edit, status) in [
        ("total_amount + 1", StatusCode::CONFLICT),
        ("total_amount - 1", StatusCode::OK),
    ] {
        let sql =
            format!("UPDATE tpp_runs SET total_amount = {edit} WHERE period_month = '{month}'");
        sqlx::query(&sql).execute(&raw).await.unwrap();
        let (found, body) = page(&app, &finance, &bank).await;
        assert_eq!(found, status, "{edit}: {body}");
    }

    // A database keeper sends Sri's pay to their own account: no bank file (`verify` names
    // the officer: attacks.rs).
    let redirect =
        format!("UPDATE officers SET account_number = '9999999999' WHERE nip = '{OFFICER_NIP}'");
    sqlx::query(&redirect).execute(&raw).await.unwrap();
    let (status, body) = page(&app, &finance, &bank).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(body.contains("Inspektorat"), "{body}");
    // Nor is the edit laundered into a properly recorded entry: a list without the pay
    // columns (which keeps what is stored) and a departure (which copies the officer) are
    // refused, with the staff menu and nothing written.
    let (status, body) = send_officers(
        &app,
        &hr,
        &format!(
            "NIP;NAMA;JABATAN;UNIT KERJA;KELAS JABATAN\n\
             {OFFICER_NIP};Sri Wahyuni;Kepala Seksi;dukcapil;7\n"
        ),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(
        body.contains("berbeda dengan catatan perubahan") && body.contains("Keluar"),
        "{body}"
    );
    // The regency's today: in UTC it is still the paid month for seven hours of each 1st.
    let last_day = OffsetDateTime::now_utc()
        .to_offset(tenant().offset())
        .date()
        .to_string();
    let (status, body) = post(
        &app,
        &hr,
        &format!("/dasbor/pegawai/{OFFICER_NIP}/berhenti?lang=id"),
        &[
            ("last_day", &last_day),
            ("reason", "retired"),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    let officer = app.store.officer("t1", OFFICER_NIP).await.unwrap().unwrap();
    assert_eq!(officer.position, "Verifikator");
    assert_eq!(
        app.store.assignments("t1", OFFICER_NIP).await.unwrap()[0].until,
        None
    );
}

/// A transfer dated back into a month already computed: while the month is a draft, the
/// import goes through, the run page says the data moved, and nobody reviews or approves
/// the run until it is computed again (so a second account approves the change before it
/// is paid); once the month is approved or locked, such a date is refused.
async fn a_back_dated_move_waits_for_a_new_computation_and_never_reopens_a_paid_month(
    db: TestDatabase,
) {
    let app = TestApp::spawn(db).await;
    let policy = "version = \"dasar\"\neffective_from = \"2026-01\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n";
    let now = OffsetDateTime::now_utc();
    app.store
        .save_policy("t1", policy, "admin", now)
        .await
        .unwrap();
    let base = BaseAmount {
        position_class: "7".into(),
        amount: 4_000_000,
    };
    app.store
        .replace_base_amounts("t1", &[base], "bpkad", now)
        .await
        .unwrap();
    app.add_account("bpkad", Role::Finance, None, None).await;
    app.add_account("bpkad-kabid", Role::Finance, None, None)
        .await;
    app.add_account("bkpsdm", Role::Hr, None, None).await;
    let hr = app.sign_in("bkpsdm", PASSWORD).await.unwrap();
    let finance = app.sign_in("bpkad", PASSWORD).await.unwrap();
    let approver = app.sign_in("bpkad-kabid", PASSWORD).await.unwrap();
    let month = tenant().month_of(now).previous();
    let compute = [("month", month.to_string())];
    let compute: Vec<(&str, &str)> = compute.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, run_page) = post(&app, &finance, "/tpp/hitung?lang=id", &compute).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{run_page}");

    // Bambang moved to the civil registry from the 1st of the computed month.
    import_officers(
        &app,
        &hr,
        &format!(
            "NIP;NAMA;JABATAN;UNIT KERJA;KELAS JABATAN;TMT JABATAN\n\
             {OTHER_OFFICER_NIP};Bambang Setiawan;Verifikator;dukcapil;7;{month}-01\n"
        ),
    )
    .await;
    let (_, shown) = page(&app, &finance, &run_page).await;
    assert!(
        shown.contains("Data yang dipakai berubah sesudah perhitungan ini"),
        "{shown}"
    );
    let state = format!("/tpp/{month}/status?lang=id");
    let step = |from| [("version", "1"), ("from", from), ("confirm", "yes")];
    let (status, body) = post(&app, &hr, &state, &step("draft")).await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert!(body.contains("Hitung ulang dulu"), "{body}");

    // Computed again, the run is current: reviewed, approved by a second account, locked.
    let (status, _) = post(&app, &finance, "/tpp/hitung?lang=id", &compute).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, shown) = page(&app, &finance, &run_page).await;
    assert!(!shown.contains("berubah sesudah perhitungan"), "{shown}");
    for (who, from) in [
        (&hr, "draft"),
        (&approver, "reviewed"),
        (&approver, "approved"),
    ] {
        let (status, body) = post(&app, who, &state, &step(from)).await;
        assert_eq!(status, StatusCode::OK, "{from}: {body}");
    }

    // The month is paid: a move dated into it is refused, named, and nothing changes.
    let (status, body) = send_officers(
        &app,
        &hr,
        &format!(
            "NIP;NAMA;JABATAN;UNIT KERJA;KELAS JABATAN;TMT JABATAN\n\
             {OTHER_OFFICER_NIP};Bambang Setiawan;Kepala Seksi;dukcapil;7;{month}-15\n"
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body.contains(&format!("{month}-15 jatuh pada atau sebelum bulan {month}")),
        "{body}"
    );
    let bambang = app
        .store
        .officer("t1", OTHER_OFFICER_NIP)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(bambang.position, "Verifikator");
    // Nor can the departure page end his assignment inside the paid month.
    let last_day = format!("{month}-20");
    let (status, body) = post(
        &app,
        &hr,
        &format!("/dasbor/pegawai/{OTHER_OFFICER_NIP}/berhenti?lang=id"),
        &[
            ("last_day", &last_day),
            ("reason", "retired"),
            ("confirm", "yes"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body.contains("sudah disetujui atau dikunci") && body.contains(&last_day),
        "{body}"
    );
    let open = app
        .store
        .assignments("t1", OTHER_OFFICER_NIP)
        .await
        .unwrap();
    assert!(
        open.iter()
            .any(|a| a.unit_id == "dukcapil" && a.until.is_none()),
        "{open:?}"
    );
}
