//! The evidence rule as a regency meets it: one afternoon of low answers (44 kiosk answers
//! on one day, from a unit of 334 users a month) leaves the whole unit's pay as it was and
//! each officer's explanation says why and what would change it; a month of answers that
//! meets the Krejcie–Morgan sample, spread over the month, still cuts a poorly rated unit.
//! A new policy's effect is shown before it is saved, and agrees to the rupiah with the run
//! it then makes.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{Session, TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_app::i18n::Lang;
use suara_domain::access::Role;
use suara_domain::org::import::CurrentOfficer;
use suara_domain::org::Officer;
use suara_domain::period::Month;
use suara_domain::survey::{validate, ResponseDraft};
use suara_store::testing::{organisation, tenant, TestDatabase, OFFICER_NIP, OTHER_OFFICER_NIP};
use suara_store::{Channel, Submission};
use time::OffsetDateTime;

suara_store::backend_tests!(
    one_afternoon_never_decides_a_month,
    a_low_month_moves_pay_by_a_bounded_step,
    a_small_unit_is_judged_over_a_quarter,
    a_head_who_serves_no_one_is_judged_on_the_units_they_lead,
    a_month_someone_leaves_in_is_paid_as_the_policy_says
);

/// The head of the office: serves nobody at a counter, so nobody rates her by name.
const HEAD_NIP: &str = "197001011995032001";
const BASE: u64 = 4_000_000;

/// `n` kiosk answers of `rating` to the unit, naming `officer` or no one, on `day` of
/// `month` (the test's "last month", read once: the date sweep turns the month while a test
/// runs) from 13:00 (WIB), 4 minutes apart.
async fn kiosk(
    app: &TestApp,
    month: &str,
    key: &str,
    n: usize,
    rating: i64,
    officer: Option<&str>,
    day: u8,
) {
    let month = month.parse().unwrap();
    kiosk_in(app, ("dukcapil", month), key, n, rating, officer, day).await;
}

/// `kiosk`, to another unit or in another month.
async fn kiosk_in(
    app: &TestApp,
    (unit, month): (&str, Month),
    key: &str,
    n: usize,
    rating: i64,
    officer: Option<&str>,
    day: u8,
) {
    let date = time::Date::from_calendar_date(
        month.year(),
        time::Month::try_from(month.month()).unwrap(),
        day,
    )
    .unwrap();
    let start = date
        .with_hms(13, 0, 0)
        .unwrap()
        .assume_offset(tenant().offset());
    let drafts: Vec<_> = (0..n)
        .map(|i| {
            validate(ResponseDraft {
                unit: Some(unit.into()),
                officer: officer.map(str::to_string),
                answers: Some(vec![Some(rating); 9]),
                idempotency_key: Some(format!("{key}-{unit}-{month}-{day}-{i:03}")),
                ..ResponseDraft::default()
            })
            .unwrap()
        })
        .collect();
    let submissions: Vec<_> = drafts
        .iter()
        .enumerate()
        .map(|(i, response)| Submission {
            response,
            channel: Channel::Kiosk,
            received_at: start + time::Duration::minutes(4 * i as i64),
            signals: None,
        })
        .collect();
    app.store
        .record_responses(&tenant(), submissions)
        .await
        .unwrap();
}

async fn page(app: &TestApp, session: &Session, path: &str) -> String {
    let response = app.get_as(session, path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

/// Computes last month as finance does and returns the run page.
async fn compute(app: &TestApp, finance: &Session, month: &str) -> String {
    let response = app
        .post_form_as(
            Some(finance),
            "/tpp/hitung?lang=id",
            &[("csrf", finance.csrf.as_str()), ("month", month)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    page(app, finance, &location).await
}

/// The policy form filled as `policy` says (its version named), with `changes` made.
fn policy_form(policy: &str, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let policy = suara_domain::tpp::policy::Policy::from_toml(policy).unwrap();
    let f = suara_app::policy_form::PolicyFields::of(&policy, ',');
    let mut pairs: Vec<(String, String)> = [
        ("version", policy.version.as_str()),
        ("effective_from", f.effective_from.as_str()),
        ("effective_until", f.effective_until.as_str()),
        ("rule", f.rule.as_str()),
        ("threshold", f.threshold.as_str()),
        ("floor", f.floor.as_str()),
        ("cap", f.cap.as_str()),
        ("max_monthly_fall", f.max_monthly_fall.as_str()),
        ("not_serving_public", f.not_serving_public.as_str()),
        ("part_month", f.part_month.as_str()),
        ("min_trust", f.min_trust.as_str()),
        ("blend_k", f.blend_k.as_str()),
        ("months", f.months.as_str()),
        ("min_responses", f.min_responses.as_str()),
        ("min_days", f.min_days.as_str()),
        ("confidence", f.confidence.as_str()),
        ("unconfirmed_percent", f.unconfirmed_percent.as_str()),
        ("weight_satisfaction", f.weight_satisfaction.as_str()),
        ("weight_attendance", f.weight_attendance.as_str()),
        ("weight_productivity", f.weight_productivity.as_str()),
    ]
    .into_iter()
    .chain(f.sample.then_some(("sample", "yes")))
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    for (k, v) in changes {
        pairs.retain(|(key, _)| key != k);
        pairs.push((k.to_string(), v.to_string()));
    }
    pairs
}

/// The policy page after pressing `action` ("preview" or "save") on the form as `pairs`.
async fn policy_posted(
    app: &TestApp,
    finance: &Session,
    mut pairs: Vec<(String, String)>,
    action: &str,
) -> (StatusCode, String) {
    pairs.push(("csrf".into(), finance.csrf.clone()));
    pairs.push(("action".into(), action.into()));
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let response = app
        .post_form_as(Some(finance), "/tpp/kebijakan?lang=id", &pairs)
        .await;
    (response.status(), response.text().await.unwrap())
}

/// The policy page after "see its effect first" with the form filled as `policy` says.
async fn previewed(app: &TestApp, finance: &Session, policy: &str) -> (StatusCode, String) {
    policy_posted(app, finance, policy_form(policy, &[]), "preview").await
}

/// What an officer is paid in the month's newest run.
async fn paid_to(app: &TestApp, month: &str, nip: &str) -> u64 {
    app.store
        .payroll_run("t1", month.parse().unwrap(), None)
        .await
        .unwrap()
        .unwrap()
        .payroll
        .rows
        .iter()
        .find(|r| r.nip == nip)
        .unwrap()
        .explanation
        .amount
}

/// What Sri and the office's head are paid in the month's newest run.
async fn amounts(app: &TestApp, month: &str) -> (u64, u64) {
    (
        paid_to(app, month, OFFICER_NIP).await,
        paid_to(app, month, HEAD_NIP).await,
    )
}

/// What Sri is paid in the month's newest run.
async fn amounts_of(app: &TestApp, month: &str) -> u64 {
    paid_to(app, month, OFFICER_NIP).await
}

/// A statement run on the database directly, as a database keeper without the key would.
async fn edit_database(url: &str, sql: &str) {
    let raw = sqlx::AnyPool::connect(url).await.unwrap();
    sqlx::query(sql).execute(&raw).await.unwrap();
    raw.close().await;
}

/// An officer's explanation of a month, as `session` reads it.
async fn explanation(app: &TestApp, session: &Session, nip: &str, month: &str) -> String {
    page(
        app,
        session,
        &format!("/dasbor/pegawai/{nip}/tpp?bulan={month}&lang=id"),
    )
    .await
}

async fn one_afternoon_never_decides_a_month(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    // The civil-registry office serves 334 citizens a month, and has a head.
    let mut org = organisation();
    for unit in org.units.iter_mut().filter(|u| u.unit_id == "dukcapil") {
        unit.monthly_users = Some(334);
    }
    org.officers.push(CurrentOfficer {
        officer: Officer {
            nip: HEAD_NIP.into(),
            name: "Kepala Dinas".into(),
            position: "Kepala Dinas".into(),
            position_class: "7".into(),
            unit_id: "dukcapil".into(),
            serves_public: false,
            pay: Default::default(),
        },
        since: time::macros::date!(2024 - 01 - 02),
        left_on: None,
    });
    app.store
        .seed_organisation("t1", &org, "test", OffsetDateTime::now_utc())
        .await
        .unwrap();
    app.set_base_amount(4_000_000).await;
    app.add_account("bpkad", Role::Finance, None, None).await;
    app.add_account("sri", Role::Officer, None, Some(OFFICER_NIP))
        .await;
    let finance = app.sign_in("bpkad", PASSWORD).await.unwrap();
    let month = tenant()
        .month_of(OffsetDateTime::now_utc())
        .previous()
        .to_string();

    // One afternoon: 44 answers of 2 (IKM 50), half naming Sri.
    kiosk(&app, &month, "afternoon", 22, 2, Some(OFFICER_NIP), 15).await;
    kiosk(&app, &month, "afternoon-unit", 22, 2, None, 15).await;
    let run = compute(&app, &finance, &month).await;
    assert_eq!(amounts(&app, &month).await, (BASE, BASE));
    assert!(
        run.contains("unit dinilai dengan bukti belum cukup")
            && run.contains(
                "Dinas Dukcapil: 44 tanggapan yang dihitung untuk TPP, padahal minimal 179; \
                 tanggapan hanya pada 1 hari berbeda, padahal minimal 10 hari"
            )
            && run.contains("pasang kios atau tiket antrean"),
        "{run}"
    );
    // Sri sees which rule applied and what would change it.
    let sri = app.sign_in("sri", PASSWORD).await.unwrap();
    let why = explanation(&app, &sri, OFFICER_NIP, &month).await;
    for part in [
        "<strong>44</strong> tanggapan yang dihitung untuk TPP; TPP baru dapat dikurangi bila ada sedikitnya 179 (sampel Krejcie–Morgan untuk 334 pengguna layanan per bulan).",
        "Tanggapan itu diberikan pada <strong>1</strong> hari berbeda; aturan meminta sedikitnya 10 hari",
        "Bukti belum cukup, jadi komponen kepuasan Anda 100%.",
        "Yang dapat mengubahnya: 135 tanggapan lagi dan tanggapan pada 9 hari lagi.",
    ] {
        assert!(why.contains(part), "{part} in {why}");
    }

    // The sample over the month: 168 more answers of 2 or 3 on twenty-one more days. The unit
    // is poorly rated, and now pay falls, for the head too (she takes the unit's score).
    for day in 1..=22u8 {
        if day != 15 {
            kiosk(&app, &month, "month", 6, 2, None, day).await;
            kiosk(&app, &month, "month-3", 2, 3, None, day).await;
        }
    }
    // Until the inspectorate confirms the kiosks, their answers move nobody by more than 1 %.
    compute(&app, &finance, &month).await;
    assert_eq!(amounts(&app, &month).await, (BASE, BASE));
    app.confirm_every_source(&month).await;
    let run = compute(&app, &finance, &month).await;
    let (sri_paid, head_paid) = amounts(&app, &month).await;
    assert!(sri_paid < BASE * 70 / 100, "{sri_paid}");
    assert!(head_paid < BASE * 70 / 100, "{head_paid}");
    // Only the unit nobody rated is still listed as short of evidence.
    assert!(
        run.contains(
            "Instalasi Gawat Darurat: 0 tanggapan yang dihitung untuk TPP, padahal minimal 80"
        ) && !run.contains("Dinas Dukcapil: "),
        "{run}"
    );
    let why = explanation(&app, &sri, OFFICER_NIP, &month).await;
    assert!(why.contains("batas atas"), "{why}");
    // The unit whose score decided is named as people know it, not by its code.
    assert!(
        why.contains("Unit Dinas Dukcapil: ") && !why.contains("<code>dukcapil</code>"),
        "{why}"
    );

    // A new policy, previewed first: what it would have paid last month, nothing saved.
    let text = format!(
        "version = \"skala-90\"\neffective_from = \"{month}\"\n\n[satisfaction]\nrule = \"linear_to_threshold\"\nthreshold = \"90\"\n\n[evidence]\nsample = \"krejcie_morgan\"\nmin_days = 10\n"
    );
    let (status, preview) = previewed(&app, &finance, &text).await;
    assert_eq!(status, StatusCode::OK);
    let label = r#"data-label="Dengan kebijakan ini"><strong>"#;
    let at = preview.find(label).unwrap_or_else(|| panic!("{preview}")) + label.len();
    let simulated = &preview[at..at + preview[at..].find('<').unwrap()];
    assert!(
        preview.contains("belum disimpan") && preview.contains("skala-90"),
        "{preview}"
    );
    assert!(
        app.store.policies("t1").await.unwrap().is_empty(),
        "nothing saved"
    );
    // A policy with a problem: named beside its field, what was typed kept, no effect shown.
    let broken = policy_form(&text, &[("threshold", "190")]);
    let (status, refused) = policy_posted(&app, &finance, broken, "preview").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.contains(r##"<a href="#threshold">Ambang nilai IKM: "##)
            && refused.contains(r#"value="190""#)
            && !refused.contains(label),
        "{refused}"
    );
    // Saved from the form with a note, and the month computed again under it: the very
    // total the preview showed.
    let form = policy_form(&text, &[("note", "Disetujui rapat TAPD")]);
    let (status, saved) = policy_posted(&app, &finance, form, "save").await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    compute(&app, &finance, &month).await;
    let run = app
        .store
        .payroll_run("t1", month.parse().unwrap(), None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(run.policy.version, "skala-90");
    // The note is kept in the version's text, and the next version made from it keeps it.
    let next = policy_form(
        &text,
        &[
            ("version", "skala-85"),
            ("threshold", "85"),
            ("base", "skala-90"),
        ],
    );
    let (status, saved) = policy_posted(&app, &finance, next, "save").await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let stored = app.store.policies("t1").await.unwrap();
    assert!(
        stored
            .iter()
            .all(|p| p.text.starts_with("# Disetujui rapat TAPD\n")),
        "{stored:?}"
    );
    // What cannot be a policy is named in words beside its field: first what the form
    // itself cannot take, then what the policy check refuses.
    let wrong = policy_form(&text, &[("version", "salah"), ("floor", "150")]);
    let (status, html) = policy_posted(&app, &finance, wrong, "preview").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("Persentase TPP terendah (%): tulis persentase dari 0 sampai 100"),
        "{html}"
    );
    let wrong = policy_form(
        &text,
        &[
            ("version", "salah"),
            ("deduction_1_name", "PPh"),
            ("deduction_1_percent", "150"),
        ],
    );
    let (status, html) = policy_posted(&app, &finance, wrong, "preview").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains(
            r##"<a href="#deduction_1_percent">Potongan ke-1: persentase untuk semua golongan: "##
        ),
        "{html}"
    );
    assert_eq!(
        simulated,
        format!("Rp{}", suara_domain::tpp::rupiah(run.summary.total))
    );
    assert_ne!(
        run.summary.total,
        sri_paid + head_paid + BASE,
        "the policy changed pay"
    );
}

/// Moves a month's run on one state, as `session` presses the button on the run page.
async fn advance(app: &TestApp, session: &Session, month: &str, from: &str) {
    let response = app
        .post_form_as(
            Some(session),
            &format!("/tpp/{month}/status?lang=id"),
            &[
                ("csrf", session.csrf.as_str()),
                ("version", "1"),
                ("from", from),
                ("confirm", "yes"),
            ],
        )
        .await;
    let status = response.status();
    assert_eq!(
        status,
        StatusCode::OK,
        "{from}: {}",
        response.text().await.unwrap()
    );
}

/// Under a policy that limits how far pay falls in a month, a month of low answers after a
/// month paid in full pays 90 %, not 50 %, and the officer reads why; the run records the
/// factor it started from, so no one edits it in the database unseen.
async fn a_low_month_moves_pay_by_a_bounded_step(db: TestDatabase) {
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    app.set_base_amount(4_000_000).await;
    for (name, role) in [
        ("bpkad", Role::Finance),
        ("bpkad-kabid", Role::Finance),
        ("bkpsdm", Role::Hr),
    ] {
        app.add_account(name, role, None, None).await;
    }
    app.add_account("sri", Role::Officer, None, Some(OFFICER_NIP))
        .await;
    let finance = app.sign_in("bpkad", PASSWORD).await.unwrap();
    let approver = app.sign_in("bpkad-kabid", PASSWORD).await.unwrap();
    let hr = app.sign_in("bkpsdm", PASSWORD).await.unwrap();
    let last = tenant().month_of(OffsetDateTime::now_utc()).previous();
    let before = last.previous().to_string();
    let last = last.to_string();
    let policy = format!(
        "version = \"bertahap\"\neffective_from = \"{before}\"\nmax_monthly_fall = \"0,1\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n"
    );
    app.store
        .save_policy("t1", &policy, "bpkad", OffsetDateTime::now_utc())
        .await
        .unwrap();

    // The month before: no answers, paid in full, approved by a second account.
    compute(&app, &finance, &before).await;
    advance(&app, &hr, &before, "draft").await;
    advance(&app, &approver, &before, "reviewed").await;
    // Last month: 40 kiosk answers of 2 (IKM 50), half naming Sri.
    kiosk(&app, &last, "low", 20, 2, Some(OFFICER_NIP), 15).await;
    kiosk(&app, &last, "low-unit", 20, 2, None, 16).await;
    let run = compute(&app, &finance, &last).await;
    assert!(
        run.contains("turun paling banyak 10%")
            && run.contains("1 pegawai dibayar sebesar batas penurunan"),
        "{run}"
    );
    assert_eq!(amounts_of(&app, &last).await, BASE * 90 / 100);
    let sri = app.sign_in("sri", PASSWORD).await.unwrap();
    let why = explanation(&app, &sri, OFFICER_NIP, &last).await;
    assert!(
        why.contains("Batas penurunan bulanan: TPP turun paling banyak 10% dari TPP penuh dalam sebulan. Bulan lalu dibayar 100%, jadi bulan ini paling sedikit 90,00%."),
        "{why}"
    );

    // A database keeper lowers the factor the run started from, so the limit would let pay
    // fall further: the run no longer computes to its digest, and is not shown as it is.
    edit_database(
        &url,
        &format!(
            "UPDATE tpp_run_officers SET previous_factor = '0.5' WHERE period_month = '{last}'"
        ),
    )
    .await;
    assert!(app
        .store
        .payroll_run("t1", last.parse().unwrap(), None)
        .await
        .is_err());
    // Nor can last month's paid run be edited to the same end: the next computation stops.
    edit_database(
        &url,
        &format!("UPDATE tpp_run_officers SET amount = 2000000 WHERE period_month = '{before}'"),
    )
    .await;
    let response = app
        .post_form_as(
            Some(&finance),
            "/tpp/hitung?lang=id",
            &[("csrf", finance.csrf.as_str()), ("month", last.as_str())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
}

/// A unit of 30 users a month never reaches ten days of answers in a month; under a policy
/// that judges on three months, its quarter's answers are the evidence: the sample for the
/// quarter's 90 users (74), on ten days of it. Until they are there, pay stays full and the
/// officer reads which months were counted.
async fn a_small_unit_is_judged_over_a_quarter(db: TestDatabase) {
    let app = TestApp::spawn(db).await;
    let mut org = organisation();
    for unit in org.units.iter_mut().filter(|u| u.unit_id == "dukcapil") {
        unit.monthly_users = Some(30);
    }
    app.store
        .seed_organisation("t1", &org, "test", OffsetDateTime::now_utc())
        .await
        .unwrap();
    app.set_base_amount(BASE).await;
    app.add_account("bpkad", Role::Finance, None, None).await;
    app.add_account("sri", Role::Officer, None, Some(OFFICER_NIP))
        .await;
    let finance = app.sign_in("bpkad", PASSWORD).await.unwrap();
    let last = tenant().month_of(OffsetDateTime::now_utc()).previous();
    let (before, first) = (last.previous(), last.previous().previous());
    let quarterly = format!(
        "version = \"triwulan\"\neffective_from = \"{first}\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n\n[evidence]\nsample = \"krejcie_morgan\"\nmin_responses = 10\nmin_days = 10\nmonths = 3\n"
    );
    app.store
        .save_policy("t1", &quarterly, "bpkad", OffsetDateTime::now_utc())
        .await
        .unwrap();

    // Last month: 48 answers of 2 on eight days, a few naming Sri. A month's sample (28)
    // but not ten days; the quarter's sample is not there yet either.
    for day in 1..=8u8 {
        kiosk_in(&app, ("dukcapil", last), "last", 5, 2, None, day).await;
        kiosk_in(
            &app,
            ("dukcapil", last),
            "last-sri",
            1,
            2,
            Some(OFFICER_NIP),
            day,
        )
        .await;
    }
    let run = compute(&app, &finance, &last.to_string()).await;
    assert!(
        run.contains("bukti dinilai dari 3 bulan terakhir")
            && run.contains(
                "Dinas Dukcapil: 48 tanggapan yang dihitung untuk TPP, padahal minimal 74; \
                 tanggapan hanya pada 8 hari berbeda, padahal minimal 10 hari"
            ),
        "{run}"
    );
    assert_eq!(amounts_of(&app, &last.to_string()).await, BASE);
    let sri = app.sign_in("sri", PASSWORD).await.unwrap();
    let why = explanation(&app, &sri, OFFICER_NIP, &last.to_string()).await;
    let months = format!(
        "Dalam 3 bulan ({} sampai {}), unit Anda punya <strong>48</strong>",
        Lang::ID.month(first),
        Lang::ID.month(last)
    );
    for part in [
        months.as_str(),
        "sedikitnya 74 (sampel Krejcie–Morgan untuk 90 pengguna layanan dalam 3 bulan).",
        "Yang dapat mengubahnya: 26 tanggapan lagi dan tanggapan pada 2 hari lagi.",
    ] {
        assert!(why.contains(part), "{part} in {why}");
    }

    // The month before: 30 more answers on six days. Over the quarter, 78 answers on 14
    // days: the poorly rated unit's pay falls, Sri's with it.
    for day in 10..=15u8 {
        kiosk_in(&app, ("dukcapil", before), "before", 5, 2, None, day).await;
    }
    compute(&app, &finance, &last.to_string()).await;
    let paid = amounts_of(&app, &last.to_string()).await;
    assert!(paid < BASE * 70 / 100, "{paid}");
    // Judged month by month, the same answers cut nobody: last month had eight days.
    let monthly = quarterly
        .replace("triwulan", "bulanan")
        .replace("months = 3\n", "");
    app.store
        .save_policy("t1", &monthly, "bpkad", OffsetDateTime::now_utc())
        .await
        .unwrap();
    compute(&app, &finance, &last.to_string()).await;
    assert_eq!(amounts_of(&app, &last.to_string()).await, BASE);
}

/// The hospital's director serves no one at a counter and her own unit has no answers; the
/// emergency ward below it is poorly rated. Judged on her unit's score, nothing decides her
/// pay; under a policy that judges heads on the units they lead, the ward's evidence does,
/// and her explanation says so.
async fn a_head_who_serves_no_one_is_judged_on_the_units_they_lead(db: TestDatabase) {
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    let mut org = organisation();
    for unit in org
        .units
        .iter_mut()
        .filter(|u| u.unit_id.starts_with("rsud"))
    {
        unit.monthly_users = Some(20);
        if unit.unit_id == "rsud" {
            unit.head_nip = Some(HEAD_NIP.into());
        }
    }
    org.officers.push(CurrentOfficer {
        officer: Officer {
            nip: HEAD_NIP.into(),
            name: "Direktur RSUD".into(),
            position: "Direktur".into(),
            position_class: "7".into(),
            unit_id: "rsud".into(),
            serves_public: false,
            pay: Default::default(),
        },
        since: time::macros::date!(2024 - 01 - 02),
        left_on: None,
    });
    app.store
        .seed_organisation("t1", &org, "test", OffsetDateTime::now_utc())
        .await
        .unwrap();
    app.set_base_amount(BASE).await;
    app.add_account("bpkad", Role::Finance, None, None).await;
    app.add_account("direktur", Role::Officer, None, Some(HEAD_NIP))
        .await;
    let finance = app.sign_in("bpkad", PASSWORD).await.unwrap();
    let last = tenant().month_of(OffsetDateTime::now_utc()).previous();
    let month = last.to_string();
    let policy = |version: &str, extra: &str| {
        format!(
            "version = \"{version}\"\neffective_from = \"{month}\"\n{extra}\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n\n[evidence]\nsample = \"krejcie_morgan\"\nmin_responses = 10\nmin_days = 10\n"
        )
    };
    // The ward: 40 answers of 2 over ten days, its sample for 20 users (19) and more.
    for day in 1..=10u8 {
        kiosk_in(&app, ("rsud-igd", last), "igd", 4, 2, None, day).await;
    }
    app.store
        .save_policy(
            "t1",
            &policy("unit", ""),
            "bpkad",
            OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    compute(&app, &finance, &month).await;
    assert_eq!(
        paid_to(&app, &month, HEAD_NIP).await,
        BASE,
        "nothing rated the director's unit"
    );
    assert!(paid_to(&app, &month, OTHER_OFFICER_NIP).await < BASE * 60 / 100);

    let led = policy("dipimpin", "not_serving_public = \"units_led\"\n");
    let (status, preview) = previewed(&app, &finance, &led).await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    app.store
        .save_policy("t1", &led, "bpkad", OffsetDateTime::now_utc())
        .await
        .unwrap();
    let run = compute(&app, &finance, &month).await;
    assert!(
        run.contains("pegawai yang tidak melayani publik dan memimpin unit dinilai dari unit yang dipimpinnya"),
        "{run}"
    );
    let director = paid_to(&app, &month, HEAD_NIP).await;
    assert!(director < BASE * 60 / 100, "{director}");
    let session = app.sign_in("direktur", PASSWORD).await.unwrap();
    let why = explanation(&app, &session, HEAD_NIP, &month).await;
    assert!(
        why.contains("beserta unit di bawahnya (2 unit): 40 tanggapan, IKM <strong>50,00</strong>"),
        "{why}"
    );
    // A database keeper who narrows the units she was judged on (to her own, unrated one)
    // leaves a run that no longer computes to its digest: it is not shown as it is.
    edit_database(
        &url,
        &format!("UPDATE tpp_run_officers SET led_units = '[\"rsud\"]' WHERE nip = '{HEAD_NIP}'"),
    )
    .await;
    assert!(app.store.payroll_run("t1", last, None).await.is_err());
    edit_database(
        &url,
        &format!(
        "UPDATE tpp_run_officers SET led_units = '[\"rsud\",\"rsud-igd\"]' WHERE nip = '{HEAD_NIP}'"
    ),
    )
    .await;
    // A policy naming a choice that does not exist is refused in words.
    let form = policy_form(&policy("x", ""), &[("not_serving_public", "kepala")]);
    let (status, refused) = policy_posted(&app, &finance, form, "preview").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.contains("Penilaian pegawai yang tidak melayani publik: pilih salah satu pilihan"),
        "{refused}"
    );
}

/// Sri retires on the 10th of last month. Under the default rule the month's TPP goes to
/// whoever works on its last day, so she is not in its run; under `part_month = "days"`,
/// chosen on the policy form, she is paid for her ten days, to the rupiah, and her
/// explanation says so. A database keeper who gives her the whole month breaks the run's
/// digest: it is not shown as it is.
async fn a_month_someone_leaves_in_is_paid_as_the_policy_says(db: TestDatabase) {
    use suara_domain::org::departure::{Departure, DepartureReason};
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    app.set_base_amount(BASE).await;
    app.add_account("bpkad", Role::Finance, None, None).await;
    let finance = app.sign_in("bpkad", PASSWORD).await.unwrap();
    let last = tenant().month_of(OffsetDateTime::now_utc()).previous();
    let month = last.to_string();
    let tenth = last.last_day().replace_day(10).unwrap();
    let departure = Departure {
        last_day: tenth,
        reason: DepartureReason::Retired,
    };
    assert!(app
        .store
        .end_assignment(
            "t1",
            OFFICER_NIP,
            &departure,
            "bkpsdm",
            OffsetDateTime::now_utc()
        )
        .await
        .unwrap());

    compute(&app, &finance, &month).await;
    let run = app
        .store
        .payroll_run("t1", last, None)
        .await
        .unwrap()
        .unwrap();
    assert!(run.payroll.rows.iter().all(|r| r.nip != OFFICER_NIP));
    assert_eq!(paid_to(&app, &month, OTHER_OFFICER_NIP).await, BASE);

    let text = format!(
        "version = \"harian\"\neffective_from = \"{month}\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n"
    );
    let form = policy_form(&text, &[("part_month", "days")]);
    let (status, saved) = policy_posted(&app, &finance, form, "save").await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let page = compute(&app, &finance, &month).await;
    assert!(page.contains("dibayar menurut hari bertugasnya"), "{page}");
    let days = u64::from(last.last_day().day());
    assert_eq!(paid_to(&app, &month, OFFICER_NIP).await, BASE * 10 / days);
    assert_eq!(paid_to(&app, &month, OTHER_OFFICER_NIP).await, BASE);
    let why = explanation(&app, &finance, OFFICER_NIP, &month).await;
    assert!(
        why.contains(&format!("Anda bertugas 10 dari {days} hari bulan ini")),
        "{why}"
    );

    edit_database(
        &url,
        &format!("UPDATE tpp_run_officers SET part_days = {days} WHERE nip = '{OFFICER_NIP}'"),
    )
    .await;
    assert!(app.store.payroll_run("t1", last, None).await.is_err());
}
