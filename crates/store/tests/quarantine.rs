//! Suspicious responses are held back instead of counted, and the inspectorate's decision
//! counts them in or keeps them out; on both backends.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use suara_domain::integrity::anomaly::Reason;
use suara_domain::org::import::{plan_import, ImportFiles};
use suara_domain::period::Month;
use suara_domain::survey::{validate, ResponseDraft};
use suara_store::testing::{tenant, TestDatabase};
use suara_store::{
    Channel, DecisionError, HeldQuery, Issuer, Scope, Signals, Store, Submission, TicketBinding,
};
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

suara_store::backend_tests!(
    ballot_stuffing_is_held_and_reviewed,
    answers_out_of_hours_and_tickets_answered_at_the_counter_are_held,
    held_responses_are_filtered_paged_and_decided_together,
    a_burst_of_kiosk_taps_holds_itself_not_the_citizens_after_it,
    open_answers_past_a_units_plausible_hour_wait_and_the_next_hour_counts
);

async fn submit(
    store: &Store,
    key: &str,
    answers: [i64; 9],
    device: &str,
    network: &str,
    at: OffsetDateTime,
) {
    let signals = Signals {
        network: Some(network.into()),
        device: Some(device.into()),
    };
    submit_by(store, Channel::Web, key, answers, signals, at).await;
}

/// A response to `dukcapil` by `channel`, with the signals its route would record.
async fn submit_by(
    store: &Store,
    channel: Channel,
    key: &str,
    answers: [i64; 9],
    signals: Signals,
    at: OffsetDateTime,
) {
    let response = validate(ResponseDraft {
        unit: Some("dukcapil".into()),
        answers: Some(answers.iter().map(|a| Some(*a)).collect()),
        idempotency_key: Some(key.into()),
        ..ResponseDraft::default()
    })
    .unwrap();
    let submission = Submission {
        response: &response,
        channel,
        received_at: at,
        signals: Some(signals),
    };
    store.record_response(&tenant(), submission).await.unwrap();
}

/// Responses the civil registry counts in `month`.
async fn counted_in(store: &Store, month: Month) -> u64 {
    store
        .tally("t1", Scope::Unit("dukcapil"), month, month)
        .await
        .unwrap()
        .responses()
}

/// The first hundred responses waiting in quarantine, and how many wait in all.
async fn waiting(store: &Store) -> suara_store::HeldPage {
    store
        .held_responses("t1", &HeldQuery::first(100))
        .await
        .unwrap()
}

async fn ballot_stuffing_is_held_and_reviewed(db: TestDatabase) {
    let store = db.seeded_store().await;
    // Users a month unknown: the unit's hourly limit (its own test below) leaves the
    // device and network rules to be seen alone.
    suara_store::testing::set_monthly_users(&store, None).await;
    // A fixed instant mid-month (12:00 WIB): the half hour before it is in the same month
    // whatever day the test runs (at 00:00 WIB on the 1st it was in the month before).
    let now = datetime!(2026-11-16 05:00 UTC);
    let month = tenant().month_of(now);
    let ikm = |store: &Store| {
        let store = store.clone();
        async move {
            let tally = store
                .tally("t1", Scope::Unit("dukcapil"), month, month)
                .await
                .unwrap();
            (
                tally.responses(),
                tally
                    .score(suara_domain::skm::Weighting::Exact)
                    .map(|s| s.ikm_rounded().to_string()),
            )
        }
    };
    // Ten citizens on their own phones and networks.
    for i in 0..10 {
        submit(
            &store,
            &format!("citizen-{i:03}"),
            [3, 2, 3, 3, 2, 3, 3, 2, 3],
            &format!("phone-{i}"),
            &format!("10.0.{i}.0/24"),
            now - Duration::minutes(30 - i),
        )
        .await;
    }
    let before = ikm(&store).await;
    assert_eq!(before.0, 10);

    // One phone then sends fifty perfect scores.
    for i in 0..50 {
        submit(
            &store,
            &format!("stuffing-{i:03}"),
            [4; 9],
            "the-same-phone",
            "10.9.9.0/24",
            now + Duration::seconds(i),
        )
        .await;
    }
    let after = ikm(&store).await;
    // The first two are indistinguishable from a citizen who answers twice; the rest wait.
    assert_eq!(after.0, 12, "{after:?}");
    let held = waiting(&store).await.items;
    assert_eq!(held.len(), 48);
    assert!(held
        .iter()
        .all(|h| h.reasons.contains(&Reason::DeviceRepeat)));
    assert!(
        held[10].reasons.contains(&Reason::StraightLinedBulk),
        "{:?}",
        held[10].reasons
    );

    // Held responses count nowhere: the full recount agrees with the running totals, and the
    // chain, which holds only counted responses, is intact.
    assert_eq!(
        store
            .recompute_tally("t1", Scope::Unit("dukcapil"), month, month)
            .await
            .unwrap(),
        store
            .tally("t1", Scope::Unit("dukcapil"), month, month)
            .await
            .unwrap()
    );
    assert!(store.verify_chain("t1").await.unwrap().is_intact());

    // The inspectorate accepts one (it checked with the counter) and rejects the next.
    let (first, second) = (held[0].response_id, held[1].response_id);
    store
        .decide_held(
            "t1",
            first,
            true,
            "verified with the counter log",
            "inspektorat",
            now,
        )
        .await
        .unwrap();
    store
        .decide_held(
            "t1",
            second,
            false,
            "same phone, 50 answers in a minute",
            "inspektorat",
            now,
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .decide_held("t1", first, false, "again", "x", now)
            .await,
        Err(DecisionError::NotHeld(_))
    ));
    assert!(matches!(
        store
            .decide_held("t1", held[2].response_id, true, "  ", "x", now)
            .await,
        Err(DecisionError::NoReason)
    ));
    assert_eq!(ikm(&store).await.0, 13);
    assert_eq!(waiting(&store).await.items.len(), 46);
    let report = store.verify_chain("t1").await.unwrap();
    assert!(report.is_intact() && report.verified == 13, "{report:?}");
    assert_eq!(
        store
            .recompute_tally("t1", Scope::Unit("dukcapil"), month, month)
            .await
            .unwrap(),
        store
            .tally("t1", Scope::Unit("dukcapil"), month, month)
            .await
            .unwrap()
    );
    let audit = store.audit_log("t1", None, 2).await.unwrap();
    assert_eq!(
        (audit[0].action.as_str(), audit[1].action.as_str()),
        ("reject", "accept")
    );
}

/// Submits one varied response for `dukcapil` from its own device and the given network,
/// and returns the reasons it was held for (empty: it counts).
async fn reasons_for(
    store: &Store,
    key: &str,
    ticket: Option<&str>,
    network: &str,
    at: OffsetDateTime,
) -> Vec<Reason> {
    let response = validate(ResponseDraft {
        unit: Some("dukcapil".into()),
        service: ticket.map(|_| "ktp".into()),
        answers: Some([3, 2, 3, 4, 3, 3, 2, 3, 3].map(Some).to_vec()),
        idempotency_key: Some(format!("hours-{key}")),
        ticket: ticket.map(Into::into),
        ..ResponseDraft::default()
    })
    .unwrap();
    let submission = Submission {
        response: &response,
        channel: Channel::Web,
        received_at: at,
        signals: Some(Signals {
            network: Some(network.into()),
            device: Some(format!("device-{key}")),
        }),
    };
    let recorded = store.record_response(&tenant(), submission).await.unwrap();
    waiting(store)
        .await
        .items
        .into_iter()
        .find(|h| h.receipt == recorded.receipt().code)
        .map(|h| h.reasons)
        .unwrap_or_default()
}

async fn answers_out_of_hours_and_tickets_answered_at_the_counter_are_held(db: TestDatabase) {
    let store = db.seeded_store().await;
    let units =
        "unit_id,name,kind,service_hours\ndukcapil,Dinas Dukcapil,dinas,Sen-Jum 08:00-16:00\n";
    let files = ImportFiles {
        units: Some(units.as_bytes()),
        ..ImportFiles::default()
    };
    let plan = plan_import(
        &files,
        &store.org_snapshot("t1").await.unwrap(),
        datetime!(2026-11-23 0:00).date(),
    )
    .unwrap();
    store
        .apply_import("t1", &plan, "admin", OffsetDateTime::now_utc())
        .await
        .unwrap();
    // The test regency keeps Western Indonesian Time (UTC+7); 2026-11-23 is a Monday.
    let monday_10 = datetime!(2026-11-23 10:00 +7);
    let outside = vec![Reason::OutsideServiceHours];
    assert!(
        reasons_for(&store, "mon-10", None, "10.1.1.0/24", monday_10)
            .await
            .is_empty()
    );
    assert!(
        reasons_for(
            &store,
            "mon-18",
            None,
            "10.1.2.0/24",
            datetime!(2026-11-23 18:59 +7)
        )
        .await
        .is_empty(),
        "three hours' grace after closing"
    );
    assert_eq!(
        reasons_for(
            &store,
            "mon-19",
            None,
            "10.1.3.0/24",
            datetime!(2026-11-23 19:00 +7)
        )
        .await,
        outside
    );
    assert_eq!(
        reasons_for(
            &store,
            "sun-10",
            None,
            "10.1.4.0/24",
            datetime!(2026-11-22 10:00 +7)
        )
        .await,
        outside
    );

    let issue = |code: &'static str, network: &'static str, at: OffsetDateTime| {
        let store = store.clone();
        async move {
            let binding = TicketBinding {
                unit_id: "dukcapil".into(),
                service_id: Some("ktp".into()),
                officer_nip: None,
                point_id: None,
            };
            let issuer = Issuer {
                nip: None,
                name: "loket-1",
                network: Some(network),
            };
            store
                .issue_ticket("t1", code, &binding, &issuer, at)
                .await
                .unwrap();
        }
    };
    // A ticket speaks of the service when it was issued: answering it at home at night is fine,
    // a ticket issued on Sunday is not.
    issue("AAAAA11111", "10.5.5.0/24", monday_10).await;
    assert!(reasons_for(
        &store,
        "ticket-at-home",
        Some("AAAAA11111"),
        "10.6.6.0/24",
        datetime!(2026-11-23 22:00 +7)
    )
    .await
    .is_empty());
    issue("BBBBB22222", "10.5.5.0/24", datetime!(2026-11-22 09:00 +7)).await;
    assert_eq!(
        reasons_for(
            &store,
            "ticket-sunday",
            Some("BBBBB22222"),
            "10.6.7.0/24",
            monday_10
        )
        .await,
        outside
    );

    // Answered from the issuing counter's network: held within the first minute, fine after.
    issue("CCCCC33333", "10.5.5.0/24", monday_10).await;
    assert_eq!(
        reasons_for(
            &store,
            "ticket-fast",
            Some("CCCCC33333"),
            "10.5.5.0/24",
            monday_10 + Duration::seconds(20)
        )
        .await,
        [Reason::TicketAtCounter]
    );
    issue("DDDDD44444", "10.5.5.0/24", monday_10).await;
    assert!(reasons_for(
        &store,
        "ticket-slow",
        Some("DDDDD44444"),
        "10.5.5.0/24",
        monday_10 + Duration::seconds(90)
    )
    .await
    .is_empty());
    issue("EEEEE55555", "10.5.5.0/24", monday_10).await;
    assert!(
        reasons_for(
            &store,
            "ticket-phone",
            Some("EEEEE55555"),
            "10.7.7.0/24",
            monday_10 + Duration::seconds(20)
        )
        .await
        .is_empty(),
        "a quick citizen on their own network"
    );

    // Early in the morning here it is still yesterday in UTC: the issuing network is
    // recognised all the same (issue and answer hash it with the same day).
    let early = datetime!(2026-11-24 06:50 +7);
    issue("FFFFF66666", "10.5.5.0/24", early).await;
    assert!(reasons_for(
        &store,
        "ticket-early",
        Some("FFFFF66666"),
        "10.5.5.0/24",
        early + Duration::seconds(20)
    )
    .await
    .contains(&Reason::TicketAtCounter));
}

async fn held_responses_are_filtered_paged_and_decided_together(db: TestDatabase) {
    let store = db.seeded_store().await;
    // Only the network rules hold here (see `ballot_stuffing_is_held_and_reviewed`).
    suara_store::testing::set_monthly_users(&store, None).await;
    // A fixed time: the floods must not straddle the top of an hour (the hourly limit counts
    // by the clock's hour), which made this test fail when run at a quarter to midnight.
    let now = datetime!(2026-11-24 02:00 UTC);
    // Two floods from two networks: past 30 an hour each, the rest is held.
    for i in 0..40 {
        // 40 s apart: neither flood alone nor both together pass 40 for the unit in 10 minutes.
        let at = now + Duration::seconds(40 * i);
        submit(
            &store,
            &format!("flood-a-{i:04}"),
            [1, 2, 1, 2, 1, 2, 1, 2, 1],
            &format!("a{i}"),
            "10.1.1.0/24",
            at,
        )
        .await;
        submit(
            &store,
            &format!("flood-b-{i:04}"),
            [2, 1, 2, 1, 2, 1, 2, 1, 2],
            &format!("b{i}"),
            "10.2.2.0/24",
            at,
        )
        .await;
    }
    let all = store
        .held_responses("t1", &HeldQuery::first(5))
        .await
        .unwrap();
    assert_eq!((all.items.len(), all.total), (5, 20));
    let second = HeldQuery {
        offset: 5,
        ..HeldQuery::first(5)
    };
    let page_two = store.held_responses("t1", &second).await.unwrap();
    assert!(page_two.items[0].response_id > all.items[4].response_id);

    // One source, by the label the page shows.
    let source = all.items[0].source.clone().unwrap();
    assert_eq!(source.len(), suara_store::SOURCE_CHARS);
    let from_one = HeldQuery {
        source: Some(source.clone()),
        ..HeldQuery::first(100)
    };
    let one = store.held_responses("t1", &from_one).await.unwrap();
    assert_eq!(one.total, 10);
    assert!(one
        .items
        .iter()
        .all(|h| h.source.as_deref() == Some(source.as_str())));
    let by_reason = |reason| HeldQuery {
        reason: Some(reason),
        ..HeldQuery::first(100)
    };
    assert_eq!(
        store
            .held_responses("t1", &by_reason(Reason::NetworkBurst))
            .await
            .unwrap()
            .total,
        20
    );
    assert_eq!(
        store
            .held_responses("t1", &by_reason(Reason::TicketAtCounter))
            .await
            .unwrap()
            .total,
        0
    );
    let kiosk_only = HeldQuery {
        channel: Some("kiosk".into()),
        ..HeldQuery::first(100)
    };
    assert_eq!(
        store.held_responses("t1", &kiosk_only).await.unwrap().total,
        0
    );
    let wildcard = HeldQuery {
        source: Some("%_".into()),
        ..HeldQuery::first(100)
    };
    assert_eq!(
        store.held_responses("t1", &wildcard).await.unwrap().total,
        20,
        "no wildcard reaches LIKE"
    );

    // One source rejected at once, with one reason.
    let ids: Vec<i64> = one.items.iter().map(|h| h.response_id).collect();
    store
        .decide_held_many(
            "t1",
            &ids,
            false,
            "banjir dari satu jaringan",
            "inspektorat",
            now,
        )
        .await
        .unwrap();
    assert_eq!(waiting(&store).await.total, 10);
    // All or none: one already decided refuses the batch, and nothing changes.
    let left = waiting(&store).await;
    let mut mixed: Vec<i64> = left.items.iter().map(|h| h.response_id).collect();
    mixed.push(ids[0]);
    let refused = store
        .decide_held_many("t1", &mixed, true, "semua diterima", "inspektorat", now)
        .await;
    assert!(matches!(refused, Err(DecisionError::NotHeld(id)) if id == ids[0]));
    assert_eq!(waiting(&store).await.total, 10);
    assert!(store.verify_chain("t1").await.unwrap().is_intact());
}

/// Ten all-same taps on a kiosk within ten seconds, then twelve citizens one after another,
/// eight of them answering all "very good": the taps are held, every citizen counts; three
/// answers queued offline arrive together and count; then a script paced like citizens,
/// held once the kiosk passes what one counter serves in an hour.
async fn a_burst_of_kiosk_taps_holds_itself_not_the_citizens_after_it(db: TestDatabase) {
    let store = db.seeded_store().await;
    // 09:00 WIB mid-month, within the unit's hours.
    let start = datetime!(2026-11-16 02:00 UTC);
    let month = tenant().month_of(start);
    // The kiosk route names the kiosk as the network and records no device.
    let kiosk = || Signals {
        network: Some("kiosk:tablet-1".into()),
        device: None,
    };
    let counted = || counted_in(&store, month);
    let before = counted().await;
    for i in 0..10 {
        let at = start + Duration::seconds(i);
        submit_by(
            &store,
            // Tapped while the kiosk still awaits its approval: judged alike.
            Channel::KioskPending,
            &format!("kiosk-tap-{i:04}"),
            [1; 9],
            kiosk(),
            at,
        )
        .await;
    }
    assert_eq!(
        counted().await - before,
        1,
        "the first tap is one answer like any"
    );
    let held = waiting(&store).await.items;
    assert_eq!(held.len(), 9);
    assert!(held.iter().all(|h| h.reasons == [Reason::KioskTooFast]));
    let after_taps = counted().await;
    for i in 0..12 {
        let answers = if i % 3 == 2 {
            [3, 4, 3, 3, 4, 3, 4, 3, 3]
        } else {
            [4; 9]
        };
        let at = start + Duration::seconds(30 + 90 * i);
        submit_by(
            &store,
            Channel::Kiosk,
            &format!("citizen-{i}"),
            answers,
            kiosk(),
            at,
        )
        .await;
    }
    assert_eq!(counted().await - after_taps, 12, "every citizen counts");
    assert_eq!(waiting(&store).await.total, 9);

    // The tablet lost its connection for a while: three answers queued on it arrive within
    // two seconds when it is back, and count.
    let before_flush = counted().await;
    for (i, answers) in [
        [3, 4, 3, 3, 4, 3, 4, 3, 3],
        [4; 9],
        [2, 3, 3, 2, 3, 3, 2, 3, 3],
    ]
    .into_iter()
    .enumerate()
    {
        let at = start + Duration::minutes(18) + Duration::seconds(i as i64);
        submit_by(
            &store,
            Channel::Kiosk,
            &format!("kiosk-queued-{i:04}"),
            answers,
            kiosk(),
            at,
        )
        .await;
    }
    assert_eq!(counted().await - before_flush, 3, "queued answers count");

    // A script at a citizen's pace (one every 21 seconds): past 60 answers within the hour
    // (the 25 above among them), more than one counter serves, the rest is held.
    let after_citizens = counted().await;
    let script = start + Duration::minutes(20);
    for i in 0..50 {
        let at = script + Duration::seconds(21 * i);
        submit_by(
            &store,
            Channel::Kiosk,
            &format!("kiosk-script-{i:04}"),
            [2, 1, 2, 2, 1, 2, 2, 1, 2],
            kiosk(),
            at,
        )
        .await;
    }
    assert_eq!(counted().await - after_citizens, 35);
    let burst = HeldQuery {
        reason: Some(Reason::KioskBurst),
        ..HeldQuery::first(100)
    };
    assert_eq!(store.held_responses("t1", &burst).await.unwrap().total, 15);
}

/// A unit of 100 users a month plausibly gets 3 open answers in an hour: a flood from 40
/// networks counts three and waits for review with the rest; an hour after its third counted
/// answer, a citizen's web answer counts again. Many users a month, a higher limit.
async fn open_answers_past_a_units_plausible_hour_wait_and_the_next_hour_counts(db: TestDatabase) {
    let store = db.seeded_store().await;
    let now = datetime!(2026-11-18 03:00 UTC);
    let month = tenant().month_of(now);
    for i in 0..40 {
        submit(
            &store,
            &format!("networks-{i:04}"),
            [1, 2, 1, 2, 1, 2, 1, 2, 1],
            &format!("phone-{i}"),
            &format!("100.64.{i}.0/24"),
            now + Duration::seconds(i),
        )
        .await;
    }
    assert_eq!(counted_in(&store, month).await, 3);
    let held = waiting(&store).await;
    assert_eq!(held.total, 37);
    assert!(held.items.iter().all(|h| h.reasons == [Reason::UnitBurst]));
    // Within the hour of the three, a web answer waits; just past it, one counts.
    let citizen = |key: &'static str, at| {
        let store = store.clone();
        async move {
            submit(
                &store,
                key,
                [4, 3, 4, 4, 3, 4, 4, 4, 3],
                key,
                "36.71.0.0/24",
                at,
            )
            .await;
        }
    };
    citizen("citizen-early", now + Duration::minutes(59)).await;
    assert_eq!(counted_in(&store, month).await, 3);
    citizen("citizen-later", now + Duration::minutes(61)).await;
    assert_eq!(counted_in(&store, month).await, 4);

    // A city office of 5,000 users a month takes 57 open answers an hour (spread over it: 40
    // in ten minutes is a burst whatever the unit).
    suara_store::testing::set_monthly_users(&store, Some(5_000)).await;
    let later = now + Duration::hours(3);
    for i in 0..60 {
        submit(
            &store,
            &format!("busy-{i:04}"),
            [3, 3, 4, 3, 3, 4, 3, 3, 4],
            &format!("busy-phone-{i}"),
            &format!("100.65.{i}.0/24"),
            later + Duration::seconds(50 * i),
        )
        .await;
    }
    assert_eq!(counted_in(&store, month).await, 4 + 57);
}
