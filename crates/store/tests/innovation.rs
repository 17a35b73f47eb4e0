//! Innovations on both backends: a staff idea is taken up, moves through its stages with
//! dates, gains a partner, evidence and a copying unit; its effect is measured from counted
//! responses around the start against a unit that never adopted it.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use suara_domain::innovation::effect::{EffectRule, Method, Verdict, SPAN_MONTHS};
use suara_domain::innovation::measure::measure;
use suara_domain::innovation::registry::{
    check_evidence, validate, validate_partner, Indicator, InnovationDraft, PartnerDraft,
};
use suara_domain::innovation::Stage;
use suara_domain::period::Month;
use suara_domain::skm::Element;
use suara_domain::survey::{validate as validate_response, ResponseDraft, ValidResponse};
use suara_store::testing::{tenant, TestDatabase, OFFICER_NIP};
use suara_store::{Channel, IdeaStatus, InnovationError, Store, Submission};
use time::macros::{date, datetime};
use time::{Duration, OffsetDateTime};

suara_store::backend_tests!(an_idea_becomes_a_measured_innovation);

fn draft() -> InnovationDraft {
    InnovationDraft {
        title: "Antrean daring".into(),
        problem: "Warga menunggu lama".into(),
        change: "Nomor antrean lewat WhatsApp".into(),
        elements: vec!["U3".into()],
        initiator: "unit".into(),
        form: "public_service".into(),
        digital: true,
        sdgs: "16.6".into(),
        groups: vec!["elderly".into()],
        team: OFFICER_NIP.into(),
        ..InnovationDraft::default()
    }
}

fn response(key: String, unit: &str, u3: i64, suggestion: Option<&str>) -> ValidResponse {
    let mut answers = vec![Some(3); 9];
    answers[2] = Some(u3);
    validate_response(ResponseDraft {
        unit: Some(unit.into()),
        answers: Some(answers),
        suggestion: suggestion.map(Into::into),
        idempotency_key: Some(key),
        ..ResponseDraft::default()
    })
    .unwrap()
}

/// 40 responses a month in each unit from December to November; completion time (U3) in
/// `dukcapil` rises by one point from June, everywhere else it stays.
async fn fill(store: &Store) {
    let mut owned = Vec::new();
    for month in 0..12i64 {
        let first = datetime!(2025-12-05 03:00 UTC) + Duration::days(month * 30 + month / 2);
        for i in 0..40i64 {
            let at = first + Duration::minutes(i);
            let base = 2 + i % 2; // 2 or 3: spread in every group
            for unit in ["dukcapil", "rsud-igd"] {
                let lifted = unit == "dukcapil" && at >= datetime!(2026-06-01 00:00 UTC);
                let u3 = if lifted { base + 1 } else { base };
                let suggestion = (i < 3 && unit == "dukcapil").then_some("Antrean  terlalu lama");
                owned.push((
                    response(format!("{unit}-{month}-{i}"), unit, u3, suggestion),
                    at,
                ));
            }
        }
    }
    let submissions = owned.iter().map(|(r, at)| Submission {
        response: r,
        channel: Channel::Web,
        received_at: *at,
        signals: None,
    });
    let outcomes = store
        .record_responses(&tenant(), submissions)
        .await
        .unwrap();
    assert!(outcomes.iter().all(Result::is_ok));
}

async fn an_idea_becomes_a_measured_innovation(db: TestDatabase) {
    let store = db.seeded_store().await;
    let now = OffsetDateTime::now_utc();
    let idea = store
        .submit_idea(
            "t1",
            "dukcapil",
            "Antrean daring",
            "Lewat WhatsApp",
            "pegawai",
            now,
        )
        .await
        .unwrap();
    let innovation = validate(&draft()).unwrap();
    let mut stranger = innovation.clone();
    stranger.team = vec!["199901012020011001".into()];
    assert!(matches!(
        store
            .register_innovation(
                "t1",
                "dukcapil",
                &stranger,
                &[],
                None,
                date!(2026 - 01 - 10),
                "admin",
                now
            )
            .await,
        Err(InnovationError::UnknownOfficer(_))
    ));
    assert!(matches!(
        store
            .register_innovation(
                "t1",
                "dukcapil",
                &innovation,
                &["MR-NONE".into()],
                None,
                date!(2026 - 01 - 10),
                "admin",
                now
            )
            .await,
        Err(InnovationError::UnknownProposal(_))
    ));
    let id = store
        .register_innovation(
            "t1",
            "dukcapil",
            &innovation,
            &[],
            Some(idea),
            date!(2026 - 01 - 10),
            "admin",
            now,
        )
        .await
        .unwrap();
    let taken = store.idea("t1", idea).await.unwrap().unwrap();
    assert_eq!(
        (taken.status, taken.innovation_id),
        (IdeaStatus::TakenUp, Some(id))
    );
    assert!(matches!(
        store.decline_idea("t1", idea, "sudah", "admin", now).await,
        Err(InnovationError::IdeaDecided)
    ));
    assert!(matches!(
        store
            .decline_idea("t1", 999, "tidak ada", "admin", now)
            .await,
        Err(InnovationError::NoSuchIdea(999))
    ));

    // Stages move one at a time; a trial starts the innovation in its own unit.
    assert!(matches!(
        store
            .advance_innovation(
                "t1",
                id,
                Stage::Implemented,
                date!(2026 - 06 - 01),
                "admin",
                now
            )
            .await,
        Err(InnovationError::Stage(_))
    ));
    store
        .advance_innovation("t1", id, Stage::Trial, date!(2026 - 06 - 01), "admin", now)
        .await
        .unwrap();
    store
        .advance_innovation(
            "t1",
            id,
            Stage::Implemented,
            date!(2026 - 07 - 01),
            "admin",
            now,
        )
        .await
        .unwrap();
    assert!(matches!(
        store
            .advance_innovation(
                "t1",
                id,
                Stage::Replicated,
                date!(2026 - 08 - 01),
                "admin",
                now
            )
            .await,
        Err(InnovationError::NoReplication)
    ));
    store
        .start_innovation_in("t1", id, "rsud", date!(2026 - 08 - 15), "admin", now)
        .await
        .unwrap();
    store
        .advance_innovation(
            "t1",
            id,
            Stage::Replicated,
            date!(2026 - 09 - 01),
            "admin",
            now,
        )
        .await
        .unwrap();
    let partner = validate_partner(&PartnerDraft {
        name: "Universitas Brawijaya".into(),
        kind: "university".into(),
        role: "Desain layanan".into(),
        amount: "Rp25.000.000".into(),
        in_kind: String::new(),
    })
    .unwrap();
    store
        .add_innovation_partner("t1", id, &partner, "admin", now)
        .await
        .unwrap();
    let pdf = b"%PDF-1.4\n%%EOF".to_vec();
    let kind = check_evidence(&pdf).unwrap();
    let no = store
        .add_innovation_evidence(
            "t1",
            id,
            Indicator::Regulation,
            "SK Bupati",
            kind,
            &pdf,
            "admin",
            now,
        )
        .await
        .unwrap();
    assert_eq!(
        store.innovation_evidence("t1", id, no).await.unwrap(),
        Some((kind, pdf))
    );
    assert_eq!(
        store.innovation_evidence("t1", id, no + 1).await.unwrap(),
        None
    );

    let stored = store.innovation("t1", id).await.unwrap().unwrap();
    assert_eq!(stored.stage, Stage::Replicated);
    assert_eq!(stored.started_on(), Some(date!(2026 - 06 - 01)));
    assert_eq!(
        stored.reached(Stage::Implemented),
        Some(date!(2026 - 07 - 01))
    );
    assert_eq!(stored.units.len(), 2);
    assert!(stored
        .units
        .iter()
        .any(|u| u.unit_id == "rsud" && u.replicated));
    assert_eq!(stored.partners, vec![partner]);
    assert_eq!(stored.evidence.len(), 1);
    assert_eq!(stored.innovation, innovation);
    assert_eq!(store.innovations("t1").await.unwrap(), vec![stored.clone()]);
    let audit = store.audit_log("t1", None, 50).await.unwrap();
    let logged = audit.iter().filter(|e| e.entity == "innovation").count();
    assert_eq!(
        logged, 7,
        "create, three stages, a start, a partner, evidence"
    );

    // The effect: U3 rose by one point in dukcapil and not in rsud-igd (which never
    // adopted it). rsud has no responses, so its cohort is left out.
    fill(&store).await;
    let current = Month::new(2026, 11).unwrap();
    let cells = store
        .effect_cells("t1", Month::new(2025, 1).unwrap(), current)
        .await
        .unwrap();
    let effects = measure(
        &stored.adoption(),
        &stored.innovation.elements,
        &cells,
        current,
        SPAN_MONTHS,
        &EffectRule::default(),
    );
    assert_eq!(effects.len(), 2, "U3 and the IKM");
    let u3 = &effects[0];
    assert_eq!(u3.element, Some(Element::CompletionTime));
    assert_eq!(u3.effect.method, Method::DifferenceInDifferences);
    assert_eq!(u3.effect.verdict, Verdict::RoseClearly);
    assert!(
        (u3.effect.estimate.unwrap() - 1.0).abs() < 1e-9,
        "{:?}",
        u3.effect
    );
    assert_eq!(u3.effect.used.adopters_before.n, 240, "December to May");
    assert_eq!(u3.effect.used.adopters_after.n, 240, "June to November");
    let ikm = &effects[1];
    assert!(
        (ikm.effect.estimate.unwrap() - 25.0 / 9.0).abs() < 1e-9,
        "{:?}",
        ikm.effect
    );

    let groups = store
        .suggestion_groups(
            "t1",
            Some("dukcapil"),
            Month::new(2025, 12).unwrap(),
            Month::new(2026, 11).unwrap(),
        )
        .await
        .unwrap();
    // Filed under the lowest-rated element (ties: the first): U3 when it was 2, else U1.
    let counts: Vec<(Element, &str, u64)> = groups
        .iter()
        .map(|g| (g.element, g.text.as_str(), g.count))
        .collect();
    assert_eq!(
        counts,
        [
            (Element::Requirements, "Antrean terlalu lama", 24),
            (Element::CompletionTime, "Antrean terlalu lama", 12)
        ]
    );
}
