//! The paced insider, mounted against the real server on SQLite and PostgreSQL: staff who
//! run a kiosk or a counter feed it answers at a real counter's pace, over weeks, where no
//! rule on pace or spread can tell them from citizens. Until the inspectorate confirms a
//! source, its answers move no officer's TPP by more than 1 % of base, up or down, alone or
//! with a second insider; a busy genuine counter (400 tickets from 400 citizens over a
//! month) counts in full once confirmed; only the inspectorate confirms, and a confirmation
//! written into the database by hand confirms nothing.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

mod common;

use common::{Session, TestApp, PASSWORD};
use reqwest::StatusCode;
use suara_domain::access::Role;
use suara_domain::integrity::ticket;
use suara_domain::org::import::CurrentOfficer;
use suara_domain::org::Officer;
use suara_domain::period::Month;
use suara_domain::survey::{validate, ResponseDraft};
use suara_store::testing::{organisation, tenant, TestDatabase, OFFICER_NIP};
use suara_store::{Channel, Issuer, Submission, TicketBinding};
use time::{Duration, OffsetDateTime};

suara_store::backend_tests!(
    a_paced_insider_moves_no_one_by_more_than_one_percent,
    only_the_inspectorate_confirms_and_a_forged_confirmation_confirms_nothing
);

const BASE: u64 = 4_000_000;
/// A second counter officer of the civil-registry office, whom an insider may favour.
const DEWI_NIP: &str = "199002022015032002";

/// Last month as it was when the test began: a test that runs across midnight at the turn of
/// a month keeps judging the one month it filled.
fn last_month() -> Month {
    static FIRST: std::sync::OnceLock<Month> = std::sync::OnceLock::new();
    *FIRST.get_or_init(|| tenant().month_of(OffsetDateTime::now_utc()).previous())
}

/// `minutes` after 08:00 (WIB) on `day` of last month.
fn at(day: u8, minutes: i64) -> OffsetDateTime {
    let month = last_month();
    time::Date::from_calendar_date(
        month.year(),
        time::Month::try_from(month.month()).unwrap(),
        day,
    )
    .unwrap()
    .with_hms(8, 0, 0)
    .unwrap()
    .assume_offset(tenant().offset())
        + Duration::minutes(minutes)
}

/// The app, with a second counter officer and base amounts, and its database's address.
async fn setup(db: TestDatabase) -> (TestApp, String) {
    let url = db.url.clone();
    let app = TestApp::spawn(db).await;
    let mut org = organisation();
    org.officers.push(CurrentOfficer {
        officer: Officer {
            nip: DEWI_NIP.into(),
            name: "Dewi Lestari".into(),
            position: "Verifikator".into(),
            position_class: "7".into(),
            unit_id: "dukcapil".into(),
            serves_public: true,
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
    (app, url)
}

/// How a batch of tickets is issued: by whom, for whom, one every `gap` minutes from 08:00
/// (as many a day as fit before 15:00) from `first_day` of last month on.
struct Batch<'a> {
    issuer: &'a str,
    officer: &'a str,
    n: u32,
    gap: i64,
    first_day: u8,
    /// Makes the batch's codes its own.
    tag: u8,
}

/// A batch of tickets, each answered seven minutes after it was printed with `answers(i)`.
/// Returns how many were taken.
async fn tickets(app: &TestApp, batch: Batch<'_>, answers: impl Fn(u32) -> [i64; 9]) -> usize {
    let Batch {
        issuer,
        officer,
        n,
        gap,
        first_day,
        tag,
    } = batch;
    let per_day = (7 * 60 / gap) as u32;
    let mut taken = 0;
    for i in 0..n {
        let day = first_day + (i / per_day) as u8;
        assert!(day <= 28, "the batch fits in any month");
        let issued = at(day, i64::from(i % per_day) * gap + i64::from(tag % 5));
        // One base-32 digit per character: every ticket its own code.
        let digit = |k: u32| ((i >> (5 * k)) % 32) as u8;
        let code = ticket::code_from_bytes([tag, digit(0), digit(1), digit(2), 7, 7, 7, 7, 7, 7]);
        let binding = TicketBinding {
            unit_id: "dukcapil".into(),
            service_id: Some("ktp".into()),
            officer_nip: Some(officer.into()),
            point_id: Some("loket-1".into()),
        };
        let who = Issuer {
            name: issuer,
            network: None,
            nip: None,
        };
        app.store
            .issue_ticket("t1", &code, &binding, &who, issued)
            .await
            .unwrap();
        let response = validate(ResponseDraft {
            unit: Some("dukcapil".into()),
            service: Some("ktp".into()),
            officer: Some(officer.into()),
            answers: Some(answers(i).iter().map(|a| Some(*a)).collect()),
            ticket: Some(ticket::display(&code)),
            idempotency_key: Some(format!("{issuer}-{tag}-{i:05}")),
            ..ResponseDraft::default()
        })
        .unwrap();
        let recorded = app
            .store
            .record_responses(
                &tenant(),
                [Submission {
                    response: &response,
                    channel: Channel::Web,
                    received_at: issued + Duration::minutes(7),
                    signals: None,
                }],
            )
            .await
            .unwrap();
        taken += recorded.iter().filter(|r| r.is_ok()).count();
    }
    taken
}

/// `n` answers at the unit's approved kiosk naming `officer`, `gap` minutes apart from
/// 15:00 on days 1–28 of last month: a tablet tapped after hours, at a believable pace.
async fn kiosk(app: &TestApp, officer: &str, n: u32, rating: i64, key: &str) -> usize {
    let drafts: Vec<_> = (0..n)
        .map(|i| {
            validate(ResponseDraft {
                unit: Some("dukcapil".into()),
                officer: Some(officer.into()),
                answers: Some(vec![Some(rating); 9]),
                idempotency_key: Some(format!("{key}-{i:05}")),
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
            received_at: at(1 + (i % 28) as u8, 7 * 60 + 3 * (i / 28) as i64),
            signals: None,
        })
        .collect();
    let recorded = app
        .store
        .record_responses(&tenant(), submissions)
        .await
        .unwrap();
    recorded.iter().filter(|r| r.is_ok()).count()
}

/// What last month would pay `nip` now, and what unconfirmed evidence would have paid when
/// it was set aside.
async fn pay(app: &TestApp, nip: &str) -> (u64, Option<u64>, u64) {
    let (_, officers, payroll) = app.store.preview_payroll("t1", last_month()).await.unwrap();
    let officer = officers.iter().find(|o| o.input.nip == nip).unwrap();
    let amount = payroll
        .rows
        .iter()
        .find(|r| r.nip == nip)
        .unwrap()
        .explanation
        .amount;
    let responses = officer.input.officer.map_or(0, |r| r.responses);
    (amount, officer.input.set_aside, responses)
}

fn within_one_percent(label: &str, genuine: u64, after: u64) {
    let moved = genuine.abs_diff(after);
    println!("attack '{label}': TPP Rp{genuine} → Rp{after} (moved Rp{moved})");
    assert!(moved * 100 <= BASE, "{label} moved pay by Rp{moved}");
}

/// What a database keeper without the key can do: write a confirmation covering every
/// answer into the audit log and link it to the end of the chain, with the link hashes
/// right and the one thing they cannot make, the entry code, made up.
async fn forge_confirmation(raw: &sqlx::AnyPool, month: &str, source: &str) {
    use sqlx::Row;
    use suara_domain::integrity::audit::{content_hash, AuditFields};
    use suara_domain::integrity::chain::{link_hash, Digest32};
    let at_us = OffsetDateTime::now_utc().unix_timestamp() * 1_000_000;
    let entity_id = format!("{month}/{source}");
    let after = format!(
        "{{\"month\":\"{month}\",\"unit\":\"dukcapil\",\"answers\":300,\"through\":{}}}",
        i64::MAX / 2
    );
    let audit_id: i64 = sqlx::query(
        "INSERT INTO audit_log (tenant_id, at_us, actor, action, entity, entity_id, before_json, after_json)
         VALUES ('t1', $1, 'inspektorat', 'confirm', 'evidence_source', $2, NULL, $3)
         RETURNING audit_id",
    )
    .bind(at_us)
    .bind(&entity_id)
    .bind(&after)
    .fetch_one(raw)
    .await
    .unwrap()
    .try_get("audit_id")
    .unwrap();
    let head = sqlx::query("SELECT seq, link_hash FROM audit_chain_heads WHERE tenant_id = 't1'")
        .fetch_one(raw)
        .await
        .unwrap();
    let seq: i64 = head.try_get("seq").unwrap();
    let previous = Digest32::from_hex(&head.try_get::<String, _>("link_hash").unwrap()).unwrap();
    let content = content_hash(&AuditFields {
        at_us,
        actor: "inspektorat",
        action: "confirm",
        entity: "evidence_source",
        entity_id: &entity_id,
        before: None,
        after: Some(&after),
    });
    let link = link_hash(&previous, (seq + 1) as u64, &content);
    sqlx::query(
        "INSERT INTO audit_links (tenant_id, seq, audit_id, content_hash, link_hash, entry_code)
         VALUES ('t1', $1, $2, $3, $4, $5)",
    )
    .bind(seq + 1)
    .bind(audit_id)
    .bind(content.to_hex())
    .bind(link.to_hex())
    .bind("ab".repeat(32))
    .execute(raw)
    .await
    .unwrap();
    sqlx::query("UPDATE audit_chain_heads SET seq = $1, link_hash = $2 WHERE tenant_id = 't1'")
        .bind(seq + 1)
        .bind(link.to_hex())
        .execute(raw)
        .await
        .unwrap();
}

async fn page(app: &TestApp, who: &Session, path: &str) -> String {
    let response = app.get_as(who, path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

async fn a_paced_insider_moves_no_one_by_more_than_one_percent(db: TestDatabase) {
    let (app, _) = setup(db).await;
    let month = last_month().to_string();
    // A busy genuine counter: 400 citizens over twenty days, one every 20 minutes, each
    // answering seven minutes after being served; Sri's service is middling (about 70).
    let genuine = tickets(
        &app,
        Batch {
            issuer: "loket",
            officer: OFFICER_NIP,
            n: 400,
            gap: 20,
            first_day: 1,
            tag: 1,
        },
        |i| {
            if i % 2 == 0 {
                [3, 3, 3, 2, 3, 3, 2, 3, 2]
            } else {
                [3; 9]
            }
        },
    )
    .await;
    assert_eq!(genuine, 400);
    // Dewi's counter: 200 citizens, well served.
    let dewi = tickets(
        &app,
        Batch {
            issuer: "loket-dewi",
            officer: DEWI_NIP,
            n: 200,
            gap: 30,
            first_day: 1,
            tag: 2,
        },
        |_| [3, 4, 3, 3, 3, 3, 3, 3, 3],
    )
    .await;
    assert_eq!(dewi, 200);

    // Before the inspectorate has looked, the counter's answers would cut Sri's pay by far
    // more than 1 %: they wait, and she is paid in full.
    let (unconfirmed, set_aside, _) = pay(&app, OFFICER_NIP).await;
    assert_eq!(unconfirmed, BASE);
    let would = set_aside.expect("the unconfirmed evidence is set aside");
    assert!(would < BASE * 90 / 100, "{would}");

    // The inspectorate checks the counters and confirms them: all 400 count in full.
    app.confirm_every_source(&month).await;
    let (sri, set_aside, counted) = pay(&app, OFFICER_NIP).await;
    assert_eq!((sri, set_aside, counted), (would, None, 400));
    let (dewi_paid, _, _) = pay(&app, DEWI_NIP).await;
    println!("genuine counters confirmed: Sri Rp{sri} on 400 answers, Dewi Rp{dewi_paid}");

    // 1. The unit admin taps the approved kiosk after hours, three minutes apart over four
    //    weeks: 140 one-star answers naming Sri, 140 four-star ones naming Dewi.
    assert_eq!(kiosk(&app, OFFICER_NIP, 140, 1, "tablet-low").await, 140);
    assert_eq!(kiosk(&app, DEWI_NIP, 140, 4, "tablet-high").await, 140);
    within_one_percent(
        "a paced kiosk against Sri",
        sri,
        pay(&app, OFFICER_NIP).await.0,
    );
    within_one_percent(
        "a paced kiosk for Dewi",
        dewi_paid,
        pay(&app, DEWI_NIP).await.0,
    );

    // 2. A second insider's counter account issues tickets at a counter's pace and answers
    //    them itself; 3. the confirmed counter's own account adds more after its
    //    confirmation (answers recorded later are not covered, whatever time they claim).
    assert_eq!(
        tickets(
            &app,
            Batch {
                issuer: "loket-2",
                officer: OFFICER_NIP,
                n: 120,
                gap: 25,
                first_day: 1,
                tag: 3
            },
            |_| [1; 9]
        )
        .await,
        120
    );
    assert_eq!(
        tickets(
            &app,
            Batch {
                issuer: "loket",
                officer: OFFICER_NIP,
                n: 60,
                gap: 40,
                first_day: 21,
                tag: 4
            },
            |_| [1; 9]
        )
        .await,
        60
    );
    assert_eq!(
        tickets(
            &app,
            Batch {
                issuer: "loket-2",
                officer: DEWI_NIP,
                n: 60,
                gap: 35,
                first_day: 9,
                tag: 5
            },
            |_| [4; 9]
        )
        .await,
        60
    );
    let (after, set_aside, _) = pay(&app, OFFICER_NIP).await;
    within_one_percent(
        "a paced kiosk and two counter accounts against Sri",
        sri,
        after,
    );
    assert!(set_aside.is_some_and(|a| a < sri), "{set_aside:?}");
    // 4. The kiosk tapped half a minute before each genuine ticket was printed, so that the
    //    pace rule, judging all answers together, would push the genuine ones out: the
    //    confirmed answers are judged among themselves.
    let taps: Vec<_> = (0..400u32)
        .map(|i| {
            validate(ResponseDraft {
                unit: Some("dukcapil".into()),
                officer: Some(OFFICER_NIP.into()),
                answers: Some(vec![Some(1); 9]),
                idempotency_key: Some(format!("tap-before-{i:05}")),
                ..ResponseDraft::default()
            })
            .unwrap()
        })
        .collect();
    let submissions: Vec<_> = taps
        .iter()
        .enumerate()
        .map(|(i, response)| Submission {
            response,
            channel: Channel::Kiosk,
            received_at: at(1 + (i / 21) as u8, (i % 21) as i64 * 20 + 1) - Duration::seconds(30),
            signals: None,
        })
        .collect();
    app.store
        .record_responses(&tenant(), submissions)
        .await
        .unwrap();
    within_one_percent(
        "a kiosk tapped just before each genuine ticket",
        sri,
        pay(&app, OFFICER_NIP).await.0,
    );
    let (_, set_aside, _) = pay(&app, OFFICER_NIP).await;
    within_one_percent(
        "a paced kiosk and a counter account for Dewi",
        dewi_paid,
        pay(&app, DEWI_NIP).await.0,
    );

    // The run finance computes says so; Sri learns that evidence waits, not how much it
    // would move her; HR sees the amount.
    app.add_account("bpkad", Role::Finance, None, None).await;
    app.add_account("bkpsdm", Role::Hr, None, None).await;
    app.add_account("sri", Role::Officer, None, Some(OFFICER_NIP))
        .await;
    let finance = app.sign_in("bpkad", PASSWORD).await.unwrap();
    let computed = app
        .post_form_as(
            Some(&finance),
            "/tpp/hitung?lang=id",
            &[("csrf", finance.csrf.as_str()), ("month", month.as_str())],
        )
        .await;
    assert_eq!(computed.status(), StatusCode::SEE_OTHER);
    let run = page(&app, &finance, &format!("/tpp/{month}?lang=id")).await;
    assert!(
        run.contains("pegawai dihitung dari bukti yang sudah dikonfirmasi saja")
            && run.contains("Dinas Dukcapil: 2 pegawai"),
        "{run}"
    );
    let stored = app
        .store
        .payroll_run("t1", last_month(), None)
        .await
        .unwrap()
        .unwrap();
    let row = |nip: &str| {
        stored
            .payroll
            .rows
            .iter()
            .find(|r| r.nip == nip)
            .unwrap()
            .explanation
            .amount
    };
    within_one_percent("the computed run, Sri", sri, row(OFFICER_NIP));
    within_one_percent("the computed run, Dewi", dewi_paid, row(DEWI_NIP));
    let sri_session = app.sign_in("sri", PASSWORD).await.unwrap();
    let own = page(
        &app,
        &sri_session,
        &format!("/dasbor/pegawai/{OFFICER_NIP}/tpp?bulan={month}&lang=id"),
    )
    .await;
    assert!(own.contains("menunggu konfirmasi Inspektorat"), "{own}");
    assert!(
        !own.contains(&suara_domain::tpp::rupiah(set_aside.unwrap())),
        "{own}"
    );
    let hr = app.sign_in("bkpsdm", PASSWORD).await.unwrap();
    let seen = page(
        &app,
        &hr,
        &format!("/dasbor/pegawai/{OFFICER_NIP}/tpp?bulan={month}&lang=id"),
    )
    .await;
    assert!(
        seen.contains(&format!(
            "menjadi Rp{}",
            suara_domain::tpp::rupiah(set_aside.unwrap())
        )),
        "{seen}"
    );
}

async fn only_the_inspectorate_confirms_and_a_forged_confirmation_confirms_nothing(
    db: TestDatabase,
) {
    let (app, url) = setup(db).await;
    let month = last_month().to_string();
    tickets(
        &app,
        Batch {
            issuer: "loket",
            officer: OFFICER_NIP,
            n: 300,
            gap: 20,
            first_day: 1,
            tag: 1,
        },
        |_| [2, 3, 2, 3, 2, 3, 2, 3, 2],
    )
    .await;
    let (before, set_aside, _) = pay(&app, OFFICER_NIP).await;
    assert_eq!((before, set_aside.is_some()), (BASE, true));
    let key = "dukcapil/tickets/loket";
    let form = |s: &Session| {
        vec![
            ("csrf", s.csrf.clone()),
            ("month", month.clone()),
            ("source", key.to_string()),
            ("confirm", "yes".to_string()),
            ("through", i64::MAX.to_string()),
        ]
    };
    let post = |who: Option<Session>, fields: Vec<(&'static str, String)>| {
        let app = &app;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            app.post_form_as(who.as_ref(), "/admin/sumber-bukti", &fields)
                .await
                .status()
        }
    };
    // An outsider is sent to sign in; every staff role but the inspectorate is refused,
    // the unit's own administrator and the counter account included.
    let outsider = post(
        None,
        vec![
            ("month", month.clone()),
            ("source", key.into()),
            ("confirm", "yes".into()),
        ],
    )
    .await;
    assert!(
        matches!(
            outsider,
            StatusCode::SEE_OTHER | StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
        ),
        "{outsider}"
    );
    for (name, role, unit) in [
        ("admin-dukcapil", Role::UnitAdmin, Some("dukcapil")),
        ("loket", Role::UnitAdmin, Some("dukcapil")),
        ("bkpsdm", Role::Hr, None),
        ("bpkad", Role::Finance, None),
        ("admin", Role::Administrator, None),
    ] {
        app.add_account(name, role, unit, None).await;
        let s = app.sign_in(name, PASSWORD).await.unwrap();
        assert_eq!(
            post(Some(s.clone()), form(&s)).await,
            StatusCode::FORBIDDEN,
            "{name}"
        );
        assert_eq!(
            app.get_as(&s, "/admin/sumber-bukti").await.status(),
            StatusCode::FORBIDDEN
        );
    }
    assert_eq!(
        pay(&app, OFFICER_NIP).await.0,
        BASE,
        "nobody confirmed anything"
    );
    app.add_account("inspektorat", Role::Inspectorate, None, None)
        .await;
    let inspector = app.sign_in("inspektorat", PASSWORD).await.unwrap();
    // Without the CSRF token, nothing.
    let mut forged = form(&inspector);
    forged[0].1 = "not-the-token".into();
    assert_eq!(
        post(Some(inspector.clone()), forged).await,
        StatusCode::FORBIDDEN
    );
    // A made-up source is a bad request, not an error page.
    let mut unknown = form(&inspector);
    unknown[2].1 = "no-such-thing".into();
    assert_eq!(
        post(Some(inspector.clone()), unknown).await,
        StatusCode::BAD_REQUEST
    );

    // Someone with the database but not the key writes the confirmation in by hand, linked
    // into the audit chain: it confirms nothing, and verify names it.
    let signer = &app.state.signer;
    signer.sign_all(&app.store).await.unwrap();
    let signing_key = signer.key("t1").unwrap();
    let verify = || async {
        let kept = signer.kept_heads("t1", &signing_key.public()).unwrap();
        app.store
            .verify("t1", Some(&signing_key), &kept)
            .await
            .unwrap()
            .problem
    };
    assert_eq!(verify().await, None);
    let raw = sqlx::AnyPool::connect(&url).await.unwrap();
    forge_confirmation(&raw, &month, key).await;
    assert_eq!(
        pay(&app, OFFICER_NIP).await.0,
        BASE,
        "a hand-written confirmation counts"
    );
    let found = verify().await.expect("verify names the hand-written entry");
    println!("edit 'a confirmation written by hand': pay unmoved; verify says {found}");

    // The inspectorate's own confirmation, through the confirmation page, counts (the
    // hand-written entry stays, named by verify); its audit entry reads in words.
    app.confirm_every_source(&month).await;
    let (after, set_aside, _) = pay(&app, OFFICER_NIP).await;
    assert!(after < BASE && set_aside.is_none(), "{after} {set_aside:?}");
    let again = post(Some(inspector.clone()), form(&inspector)).await;
    assert_eq!(again, StatusCode::CONFLICT, "nothing is left to confirm");
    let admin = app.sign_in("admin", PASSWORD).await.unwrap();
    let audit = page(&app, &admin, "/admin/audit?lang=id").await;
    assert!(audit.contains("Tiket dari akun loket"), "{audit}");
    // More answers after the confirmation than before it: the confirmed evidence is then
    // read from the confirmed answers themselves, and agrees with what it was.
    let later = Batch {
        issuer: "loket",
        officer: OFFICER_NIP,
        n: 320,
        gap: 15,
        first_day: 16,
        tag: 6,
    };
    assert_eq!(tickets(&app, later, |_| [1; 9]).await, 320);
    let (paid, set_aside, counted) = pay(&app, OFFICER_NIP).await;
    assert_eq!((paid, counted), (after, 300));
    assert!(set_aside.is_some_and(|a| a < after), "{set_aside:?}");
}
