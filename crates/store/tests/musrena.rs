//! Musrena on both backends: a village forum records five proposals, ranks them, carries the
//! top three up to the district; a planner budgets one and rejects one with a reason; the
//! history, filters and bulk all-or-nothing hold.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use suara_domain::musrena::forum::{Accommodation, Group, Level, Participants};
use suara_domain::musrena::lifecycle::{Action, Stage, TransitionError};
use suara_domain::musrena::proposal::{check_photo, validate, ProposalDraft};
use suara_domain::musrena::ranking::{rank, Candidate, Rule};
use suara_store::testing::TestDatabase;
use suara_store::{Forum, MusrenaError, ProposalFilter, Store};
use time::macros::date;
use time::OffsetDateTime;

suara_store::backend_tests!(
    a_village_forum_to_the_budget,
    proposals_and_forums_name_villages_of_the_regency,
    progress_is_reported_until_the_work_is_complete,
    forums_keep_the_ranking_rule_they_were_recorded_with,
    proposals_take_their_cost_from_the_catalogue,
    proposals_merge_and_split_at_the_district
);

fn draft(title: &str, groups: &[&str]) -> ProposalDraft {
    ProposalDraft {
        title: title.into(),
        problem: "Masalah yang dialami warga.".into(),
        activity: "Kegiatan yang diusulkan.".into(),
        sector: "infrastructure".into(),
        village: suara_store::testing::VILLAGE.into(),
        address: "Dusun Krajan".into(),
        latitude: String::new(),
        longitude: String::new(),
        estimated_cost: "Rp10.000.000".into(),
        proposed_by: groups.iter().map(|g| g.to_string()).collect(),
        beneficiaries: vec![("women".into(), "40".into())],
        sdgs: "11.2, 10".into(),
        ..ProposalDraft::default()
    }
}

async fn plan(store: &Store, codes: &[String], action: Action) -> Result<Vec<Stage>, MusrenaError> {
    store
        .apply_actions(
            "t1",
            codes,
            &action,
            date!(2026 - 03 - 15),
            "bappeda",
            OffsetDateTime::now_utc(),
        )
        .await
}

async fn carry(
    store: &Store,
    codes: &[String],
    action: Action,
) -> Result<Vec<Stage>, MusrenaError> {
    store
        .apply_actions(
            "t1",
            codes,
            &action,
            date!(2026 - 02 - 10),
            "fasilitator",
            OffsetDateTime::now_utc(),
        )
        .await
}

async fn a_village_forum_to_the_budget(db: TestDatabase) {
    let store = db.seeded_store().await;
    let now = OffsetDateTime::now_utc();
    let mut participants = Participants {
        total: 35,
        ..Participants::default()
    };
    participants.set(Group::Women, 22);
    participants.set(Group::Children, 6);
    participants.set(Group::DisabilityHearing, 2);
    let forum = Forum {
        forum_id: String::new(),
        level: Level::Desa,
        district_id: Some(suara_store::testing::DISTRICT.into()),
        village: Some(suara_store::testing::VILLAGE.into()),
        held_on: date!(2026 - 01 - 20),
        place: "Balai Desa Sumberejo".into(),
        facilitator: "Ibu Sri".into(),
        accommodations: vec![
            Accommodation::SignLanguageInterpreter,
            Accommodation::EasyRead,
        ],
        participants,
        rule_version: None,
    };
    let forum_id = store
        .create_forum("t1", &forum, "fasilitator", now)
        .await
        .unwrap();
    assert_eq!(forum_id, "2026-001");
    let stored = store.forum("t1", &forum_id).await.unwrap().unwrap();
    assert_eq!(stored.participants.of(Group::Women), 22);
    assert_eq!(stored.accommodations, forum.accommodations);
    let unknown = Forum {
        district_id: Some("atlantis".into()),
        ..forum.clone()
    };
    assert!(matches!(
        store.create_forum("t1", &unknown, "x", now).await,
        Err(MusrenaError::UnknownDistrict(_))
    ));

    let titles = [
        ("Jalur landai balai desa", vec!["disability_physical"]),
        ("Posyandu lansia", vec!["elderly", "women"]),
        ("Taman bermain ramah anak", vec!["children"]),
        ("Pelatihan usaha perempuan", vec!["women"]),
        ("Penerangan jalan", vec!["other_vulnerable"]),
    ];
    let mut codes = Vec::new();
    for (title, groups) in &titles {
        let proposal = validate(&draft(title, groups)).unwrap();
        let code = store
            .add_proposal(
                "t1",
                &forum_id,
                &proposal,
                title.contains("Taman"),
                date!(2026 - 01 - 20),
                "fasilitator",
                now,
            )
            .await
            .unwrap();
        assert!(code.starts_with("MR-"));
        codes.push(code);
    }
    // Scores and votes, then the domain's ranking.
    let rule = Rule::standard();
    let inputs = [
        ([5, 5, 4, 4], 20),
        ([4, 4, 4, 4], 15),
        ([5, 4, 3, 3], 18),
        ([2, 3, 3, 2], 5),
        ([1, 2, 2, 2], 2),
    ];
    for (code, (scores, votes)) in codes.iter().zip(inputs) {
        store
            .score_proposal("t1", code, &scores, votes)
            .await
            .unwrap();
    }
    let filter = ProposalFilter {
        forum_id: Some(forum_id.clone()),
        ..ProposalFilter::default()
    };
    let listed = store.proposals("t1", &filter).await.unwrap();
    assert_eq!(listed.len(), 5);
    assert_eq!(listed[0].scores, vec![5, 5, 4, 4]);
    let candidates: Vec<Candidate> = listed
        .iter()
        .map(|p| Candidate {
            code: p.code.clone(),
            scores: p.scores.clone(),
            votes: p.votes,
            estimated_cost: p.proposal.estimated_cost.unwrap_or(0),
            submitted: p.seq as u64,
        })
        .collect();
    let ranking = rank(&rule, &candidates).unwrap();
    let top: Vec<String> = ranking.iter().take(3).map(|r| r.code.clone()).collect();
    assert_eq!(
        top,
        vec![codes[0].clone(), codes[2].clone(), codes[1].clone()]
    );

    // Carrying before verification is refused, and the bulk stores nothing.
    let early = carry(&store, &top, Action::Carry).await;
    assert!(matches!(early, Err(MusrenaError::InBulk { .. })));
    carry(&store, &codes, Action::Verify).await.unwrap();
    carry(&store, &codes, Action::Prioritize).await.unwrap();
    assert_eq!(
        carry(&store, &top, Action::Carry).await.unwrap(),
        vec![Stage::Musrenbang(Level::Desa); 3]
    );
    assert_eq!(
        carry(&store, &top, Action::Carry).await.unwrap(),
        vec![Stage::Musrenbang(Level::Kecamatan); 3]
    );

    // The planner carries one on, accepts and budgets it, and rejects another with a reason.
    plan(&store, &top[..1], Action::Carry).await.unwrap();
    plan(&store, &top[..1], Action::AcceptIntoPlan)
        .await
        .unwrap();
    assert_eq!(
        plan(&store, &top[..1], Action::Budget { amount: 0 })
            .await
            .unwrap_err()
            .to_string(),
        TransitionError::AmountRequired.to_string()
    );
    plan(&store, &top[..1], Action::Budget { amount: 12_500_000 })
        .await
        .unwrap();
    let no_reason = store
        .apply_actions(
            "t1",
            &top[1..2],
            &Action::Reject { reason: " ".into() },
            date!(2026 - 03 - 15),
            "bappeda",
            now,
        )
        .await;
    assert!(matches!(
        no_reason,
        Err(MusrenaError::Transition(TransitionError::ReasonRequired))
    ));
    store
        .apply_actions(
            "t1",
            &top[1..2],
            &Action::Reject {
                reason: "Sudah didanai Dana Desa".into(),
            },
            date!(2026 - 03 - 15),
            "bappeda",
            now,
        )
        .await
        .unwrap();

    let (budgeted, history) = store.proposal("t1", &top[0]).await.unwrap().unwrap();
    assert_eq!(budgeted.stage, Stage::Budgeted);
    assert_eq!(budgeted.budget_amount, Some(12_500_000));
    let actions: Vec<&str> = history.iter().map(|s| s.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "submit",
            "verify",
            "prioritize",
            "carry",
            "carry",
            "carry",
            "accept",
            "budget"
        ]
    );
    assert_eq!(history.last().unwrap().actor, "bappeda");
    let (rejected, history) = store.proposal("t1", &top[1]).await.unwrap().unwrap();
    assert_eq!(rejected.stage, Stage::Rejected);
    assert_eq!(
        history.last().unwrap().reason.as_deref(),
        Some("Sudah didanai Dana Desa")
    );

    // Filters: by group (whole codes only), stage and district.
    let women = ProposalFilter {
        group: Some(Group::Women),
        ..ProposalFilter::default()
    };
    assert_eq!(store.proposals("t1", &women).await.unwrap().len(), 2);
    let at_district = ProposalFilter {
        stage: Some(Stage::Musrenbang(Level::Kecamatan)),
        ..ProposalFilter::default()
    };
    assert_eq!(store.proposals("t1", &at_district).await.unwrap().len(), 1);
    let district = ProposalFilter {
        district_id: Some(suara_store::testing::DISTRICT.into()),
        ..ProposalFilter::default()
    };
    assert_eq!(store.proposals("t1", &district).await.unwrap().len(), 5);
    // By SDG goal: "11.2, 10" serves goals 11 (by a target) and 10, not 1 or 2.
    let by_goal = |goal| ProposalFilter {
        sdg_goal: Some(goal),
        ..ProposalFilter::default()
    };
    for (goal, expected) in [(11, 5), (10, 5), (1, 0), (2, 0)] {
        let found = store.proposals("t1", &by_goal(goal)).await.unwrap();
        assert_eq!(found.len(), expected, "SDG {goal}");
    }
    let stored = &store.proposals("t1", &district).await.unwrap()[0];
    assert_eq!(suara_domain::sdg::join(&stored.proposal.sdgs), "10,11.2");

    // Photos are kept with their checked type.
    let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
    let n = store
        .add_photo("t1", &codes[0], check_photo(&jpeg).unwrap(), &jpeg)
        .await
        .unwrap();
    assert_eq!(store.photos("t1", &codes[0]).await.unwrap(), vec![n]);
    let (kind, bytes) = store.photo("t1", &codes[0], n).await.unwrap().unwrap();
    assert_eq!((kind.as_str(), bytes.as_slice()), ("image/jpeg", &jpeg[..]));
    // A proposal files under its village's district.
    let (filed, _) = store.proposal("t1", &codes[0]).await.unwrap().unwrap();
    assert_eq!(
        filed.district_id.as_deref(),
        Some(suara_store::testing::DISTRICT)
    );
    assert_eq!(filed.village_name.as_deref(), Some("Prigi"));
}

/// Villages come from the organisation import; a forum or proposal naming a village that is
/// not the regency's, or not in the forum's district, is refused and nothing is written.
async fn proposals_and_forums_name_villages_of_the_regency(db: TestDatabase) {
    use suara_domain::org::import::{plan_import, ImportFiles};
    let store = db.seeded_store().await;
    let now = OffsetDateTime::now_utc();
    let today = date!(2026 - 01 - 20);
    // A second district and its village, imported like any other organisation file.
    let files = ImportFiles {
        units: Some(b"unit_id,name,kind\nkecamatan-panggul,Kecamatan Panggul,kecamatan\n"),
        villages: Some(
            b"village_code,name,kind,district_unit\n35.03.01.2001,Panggul,desa,kecamatan-panggul\n",
        ),
        ..ImportFiles::default()
    };
    let snapshot = store.org_snapshot("t1").await.unwrap();
    assert_eq!(snapshot.villages.len(), 2);
    assert!(snapshot.villages[0].boundary.is_some());
    let plan = plan_import(&files, &snapshot, today).unwrap();
    store
        .apply_import("t1", &plan, "bappeda", now)
        .await
        .unwrap();
    let after = store.org_snapshot("t1").await.unwrap();
    assert!(plan_import(&files, &after, today).unwrap().is_empty());
    let names: Vec<String> = store
        .villages("t1")
        .await
        .unwrap()
        .into_iter()
        .map(|v| v.name)
        .collect();
    assert_eq!(names, ["Panggul", "Prigi", "Tasikmadu"]);

    let forum = |village: &str| Forum {
        forum_id: String::new(),
        level: Level::Desa,
        district_id: Some(suara_store::testing::DISTRICT.into()),
        village: Some(village.into()),
        held_on: today,
        place: "Balai desa".into(),
        facilitator: "Ibu Sri".into(),
        accommodations: vec![],
        participants: Participants::default(),
        rule_version: None,
    };
    assert!(matches!(
        store.create_forum("t1", &forum("Sumberejo"), "x", now).await,
        Err(MusrenaError::UnknownVillage(v)) if v == "Sumberejo"
    ));
    assert!(matches!(
        store
            .create_forum("t1", &forum("35.03.01.2001"), "x", now)
            .await,
        Err(MusrenaError::VillageOutsideDistrict { .. })
    ));
    assert!(store.forums("t1").await.unwrap().is_empty());
    let forum_id = store
        .create_forum("t1", &forum(suara_store::testing::VILLAGE), "x", now)
        .await
        .unwrap();
    let elsewhere = validate(&ProposalDraft {
        village: "35.03.01.2001".into(),
        latitude: "-8,27".into(),
        longitude: "111,72".into(),
        ..draft("Jalan di kecamatan lain", &["women"])
    })
    .unwrap();
    let refused = store
        .add_proposal("t1", &forum_id, &elsewhere, false, today, "x", now)
        .await;
    assert!(matches!(
        refused,
        Err(MusrenaError::VillageOutsideDistrict { .. })
    ));
    let here = validate(&ProposalDraft {
        latitude: "-8,27".into(),
        longitude: "111,72".into(),
        ..draft("Jalan di desa sendiri", &["women"])
    })
    .unwrap();
    let code = store
        .add_proposal("t1", &forum_id, &here, false, today, "x", now)
        .await
        .unwrap();
    let (stored, _) = store.proposal("t1", &code).await.unwrap().unwrap();
    assert_eq!(stored.proposal.point, here.point);
    assert_eq!(stored.proposal.address, "Dusun Krajan");
    assert_eq!(stored.village_name.as_deref(), Some("Prigi"));
    let all = store
        .proposals("t1", &ProposalFilter::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
}

/// After the budget: progress entries only move forward, a retry is recorded once, and the
/// entry at 100 % completes the proposal in the same transaction.
async fn progress_is_reported_until_the_work_is_complete(db: TestDatabase) {
    use suara_domain::musrena::progress::{validate as entry, ProgressDraft, ProgressError};
    let store = db.seeded_store().await;
    let now = OffsetDateTime::now_utc();
    let forum_id = store
        .create_forum(
            "t1",
            &Forum {
                forum_id: String::new(),
                level: Level::Desa,
                district_id: Some(suara_store::testing::DISTRICT.into()),
                village: Some(suara_store::testing::VILLAGE.into()),
                held_on: date!(2026 - 01 - 20),
                place: "Balai desa".into(),
                facilitator: "Ibu Sri".into(),
                accommodations: vec![],
                participants: Participants::default(),
                rule_version: None,
            },
            "x",
            now,
        )
        .await
        .unwrap();
    let proposal = validate(&draft("Jalur landai", &["women"])).unwrap();
    let code = store
        .add_proposal(
            "t1",
            &forum_id,
            &proposal,
            false,
            date!(2026 - 01 - 20),
            "x",
            now,
        )
        .await
        .unwrap();
    let codes = vec![code.clone()];
    let report = |on: &str, percent: &str, spent: &str| {
        entry(
            &ProgressDraft {
                on: on.into(),
                percent: percent.into(),
                spent: spent.into(),
                note: format!("Laporan {percent} %"),
            },
            date!(2026 - 11 - 25),
        )
        .unwrap()
    };
    let add = |p: suara_domain::musrena::progress::Progress| {
        let (store, code) = (&store, &code);
        async move {
            store
                .add_progress("t1", code, &p, None, "bappeda", now)
                .await
        }
    };
    // Not yet budgeted: refused.
    assert!(matches!(
        add(report("2026-06-01", "10", "")).await,
        Err(MusrenaError::Progress(ProgressError::NotBudgeted))
    ));
    for action in [
        Action::Verify,
        Action::Prioritize,
        Action::Carry,
        Action::Carry,
        Action::Carry,
        Action::AcceptIntoPlan,
        Action::Budget { amount: 20_000_000 },
    ] {
        plan(&store, &codes, action).await.unwrap();
    }
    assert_eq!(
        add(report("2026-06-01", "40", "8.000.000")).await.unwrap(),
        Stage::Budgeted
    );
    // The same report again (a double click) is recorded once.
    add(report("2026-06-01", "40", "8.000.000")).await.unwrap();
    assert_eq!(store.progress("t1", &code).await.unwrap().len(), 1);
    for (bad, expected) in [
        (
            report("2026-05-01", "50", "9000000"),
            ProgressError::BeforeLast(date!(2026 - 06 - 01)),
        ),
        (
            report("2026-07-01", "30", "9000000"),
            ProgressError::LessDone(40),
        ),
        (
            report("2026-07-01", "50", "7000000"),
            ProgressError::LessSpent(8_000_000),
        ),
        (
            report("2026-07-01", "50", "20000001"),
            ProgressError::OverBudget(20_000_000),
        ),
        (
            report("2026-03-01", "50", "9000000"),
            ProgressError::BeforeBudget(date!(2026 - 03 - 15)),
        ),
    ] {
        match add(bad).await {
            Err(MusrenaError::Progress(e)) => assert_eq!(e, expected),
            other => panic!("{other:?}"),
        }
    }
    let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 9, 9];
    store
        .add_progress(
            "t1",
            &code,
            &report("2026-08-01", "100", "19.500.000"),
            Some((check_photo(&jpeg).unwrap(), &jpeg)),
            "bappeda",
            now,
        )
        .await
        .unwrap();
    let entries = store.progress("t1", &code).await.unwrap();
    assert_eq!(
        entries
            .iter()
            .map(|e| e.progress.percent)
            .collect::<Vec<_>>(),
        [40, 100]
    );
    assert!(entries[1].has_photo && !entries[0].has_photo);
    let (kind, bytes) = store.progress_photo("t1", &code, 2).await.unwrap().unwrap();
    assert_eq!((kind.as_str(), bytes.as_slice()), ("image/jpeg", &jpeg[..]));
    assert_eq!(store.progress_photo("t1", &code, 1).await.unwrap(), None);
    let (done, steps) = store.proposal("t1", &code).await.unwrap().unwrap();
    assert_eq!(done.stage, Stage::Implemented);
    assert_eq!(
        steps.last().unwrap().evidence.as_deref(),
        Some("Laporan 100 %")
    );
    // Complete: nothing more.
    assert!(matches!(
        add(report("2026-09-01", "100", "19500000")).await,
        Err(MusrenaError::Progress(ProgressError::NotBudgeted))
    ));
}

const RULE_2027: &str = r#"
version = "2027-1"
vote_weight = "0.25"

[[criteria]]
code = "urgency"
weight = 2
name_id = "Urgensi"
name_en = "Urgency"

[[criteria]]
code = "disability_access"
weight = 1
name_id = "Akses penyandang disabilitas"
name_en = "Access for people with disabilities"
"#;

/// Ranking rules are saved by version, never changed, and a forum keeps the version that
/// was newest when it was recorded.
async fn forums_keep_the_ranking_rule_they_were_recorded_with(db: TestDatabase) {
    let store = db.seeded_store().await;
    let now = OffsetDateTime::now_utc();
    let forum = |held_on| Forum {
        forum_id: String::new(),
        level: Level::Kecamatan,
        district_id: Some(suara_store::testing::DISTRICT.into()),
        village: None,
        held_on,
        place: "Pendopo kecamatan".into(),
        facilitator: "Camat".into(),
        accommodations: vec![],
        participants: Participants::default(),
        rule_version: Some("ignored: the store sets it".into()),
    };
    let before = store
        .create_forum("t1", &forum(date!(2026 - 02 - 01)), "x", now)
        .await
        .unwrap();
    assert_eq!(
        store
            .forum("t1", &before)
            .await
            .unwrap()
            .unwrap()
            .rule_version,
        None
    );
    assert_eq!(
        store.ranking_rule("t1", None).await.unwrap(),
        Rule::standard()
    );
    let saved = store
        .save_ranking_rule("t1", RULE_2027, "bappeda", now)
        .await
        .unwrap();
    assert_eq!(
        (saved.version.as_str(), saved.criteria.len()),
        ("2027-1", 2)
    );
    let again = store
        .save_ranking_rule("t1", &RULE_2027.replace("0.25", "0.9"), "bappeda", now)
        .await;
    assert!(matches!(again, Err(MusrenaError::RuleVersionTaken(v)) if v == "2027-1"));
    assert!(matches!(
        store
            .save_ranking_rule("t1", "version = \"x\"", "bappeda", now)
            .await,
        Err(MusrenaError::Rule(_))
    ));
    let after = store
        .create_forum("t1", &forum(date!(2027 - 02 - 01)), "x", now)
        .await
        .unwrap();
    let recorded = store.forum("t1", &after).await.unwrap().unwrap();
    assert_eq!(recorded.rule_version.as_deref(), Some("2027-1"));
    let rule = store
        .ranking_rule("t1", recorded.rule_version.as_deref())
        .await
        .unwrap();
    assert_eq!(rule.vote_weight.to_string(), "0.25");
    // The earlier forum still ranks with the standard rule.
    assert_eq!(
        store
            .forum("t1", &before)
            .await
            .unwrap()
            .unwrap()
            .rule_version,
        None
    );
    assert_eq!(store.ranking_rules("t1").await.unwrap(), vec![saved]);
}

/// A proposal picks an activity from the imported catalogue: its cost is volume × unit
/// price unless another amount comes with a reason, and only allowed levels may pick it.
async fn proposals_take_their_cost_from_the_catalogue(db: TestDatabase) {
    use suara_domain::musrena::catalogue::CostError;
    use suara_domain::org::import::{plan_import, ImportFiles};
    let store = db.seeded_store().await;
    let now = OffsetDateTime::now_utc();
    let today = date!(2026 - 01 - 20);
    let files = ImportFiles {
        catalogue: Some(
            b"code,name,unit_id,affair,measure,unit_price,levels\n\
              2.15.02.2.01.0003,Penerangan jalan umum,dukcapil,Perhubungan,titik,8500000,desa;kecamatan\n\
              2.08.02.2.01.0004,Renovasi ruang forum anak,dukcapil,Perlindungan Anak,paket,30000000,kabupaten\n",
        ),
        issues: Some(b"issue_code,name\nis-05,Infrastruktur dasar desa\n"),
        ..ImportFiles::default()
    };
    let plan = plan_import(&files, &store.org_snapshot("t1").await.unwrap(), today).unwrap();
    store
        .apply_import("t1", &plan, "bappeda", now)
        .await
        .unwrap();
    assert_eq!(store.catalogue("t1").await.unwrap().len(), 2);
    let forum_id = store
        .create_forum(
            "t1",
            &Forum {
                forum_id: String::new(),
                level: Level::Desa,
                district_id: Some(suara_store::testing::DISTRICT.into()),
                village: Some(suara_store::testing::VILLAGE.into()),
                held_on: today,
                place: "Balai desa".into(),
                facilitator: "Ibu Sri".into(),
                accommodations: vec![],
                participants: Participants::default(),
                rule_version: None,
            },
            "x",
            now,
        )
        .await
        .unwrap();
    let add = |activity: &str, volume: &str, cost: &str, reason: &str, issue: &str| {
        let proposal = validate(&ProposalDraft {
            activity_code: activity.into(),
            volume: volume.into(),
            estimated_cost: cost.into(),
            cost_reason: reason.into(),
            issue: issue.into(),
            ..draft("Lampu jalan dusun", &["women"])
        })
        .unwrap();
        let (store, forum_id) = (&store, &forum_id);
        async move {
            store
                .add_proposal("t1", forum_id, &proposal, false, today, "x", now)
                .await
        }
    };
    let lamp = "2.15.02.2.01.0003";
    let code = add(lamp, "12,5", "", "", "is-05").await.unwrap();
    let (p, _) = store.proposal("t1", &code).await.unwrap().unwrap();
    assert_eq!(p.proposal.estimated_cost, Some(106_250_000));
    assert_eq!(
        p.proposal.volume.map(|v| v.to_string()).as_deref(),
        Some("12.5")
    );
    assert_eq!(
        p.activity.as_ref().map(|a| a.measure.as_str()),
        Some("titik")
    );
    assert_eq!(p.issue_name.as_deref(), Some("Infrastruktur dasar desa"));
    assert_eq!(p.proposal.cost_reason, None);
    assert!(matches!(
        add(lamp, "10", "90000000", "", "").await,
        Err(MusrenaError::Cost(CostError::ReasonRequired(85_000_000)))
    ));
    let kept = add(lamp, "10", "90000000", "Tiang lebih tinggi di tanjakan", "")
        .await
        .unwrap();
    let (p, _) = store.proposal("t1", &kept).await.unwrap().unwrap();
    assert_eq!(p.proposal.estimated_cost, Some(90_000_000));
    assert_eq!(
        p.proposal.cost_reason.as_deref(),
        Some("Tiang lebih tinggi di tanjakan")
    );
    assert!(matches!(
        add("2.08.02.2.01.0004", "1", "", "", "").await,
        Err(MusrenaError::Cost(CostError::LevelNotAllowed("desa")))
    ));
    assert!(matches!(
        add("9.99", "1", "", "", "").await,
        Err(MusrenaError::UnknownActivity(_))
    ));
    assert!(matches!(
        add(lamp, "1", "", "", "is-99").await,
        Err(MusrenaError::UnknownIssue(_))
    ));
    let all = store
        .proposals("t1", &ProposalFilter::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
}

/// At the district musrenbang two proposals merge into one that joins their groups and
/// beneficiaries, and one splits in two; the originals end pointing to what carries them on.
async fn proposals_merge_and_split_at_the_district(db: TestDatabase) {
    use suara_domain::musrena::merge::MergeError;
    let store = db.seeded_store().await;
    let now = OffsetDateTime::now_utc();
    let on = date!(2026 - 02 - 10);
    let forum_id = store
        .create_forum(
            "t1",
            &Forum {
                forum_id: String::new(),
                level: Level::Desa,
                district_id: Some(suara_store::testing::DISTRICT.into()),
                village: Some(suara_store::testing::VILLAGE.into()),
                held_on: date!(2026 - 01 - 20),
                place: "Balai desa".into(),
                facilitator: "Ibu Sri".into(),
                accommodations: vec![],
                participants: Participants::default(),
                rule_version: None,
            },
            "x",
            now,
        )
        .await
        .unwrap();
    let mut codes = Vec::new();
    for (title, groups) in [
        ("Lampu jalan utara", ["women"]),
        ("Lampu jalan selatan", ["elderly"]),
        ("Posyandu dan taman", ["children"]),
    ] {
        let p = validate(&draft(title, &groups)).unwrap();
        codes.push(
            store
                .add_proposal("t1", &forum_id, &p, false, on, "x", now)
                .await
                .unwrap(),
        );
    }
    // Not yet at the district: refused, nothing changes.
    let merged = validate(&draft("Lampu jalan dusun", &["women"])).unwrap();
    assert!(matches!(
        store
            .merge_proposals("t1", &codes[..2], &merged, on, "camat", now)
            .await,
        Err(MusrenaError::Merge(MergeError::NotAtTheDistrict(_)))
    ));
    for action in [
        Action::Verify,
        Action::Prioritize,
        Action::Carry,
        Action::Carry,
    ] {
        carry(&store, &codes, action).await.unwrap();
    }
    let new = store
        .merge_proposals("t1", &codes[..2], &merged, on, "camat", now)
        .await
        .unwrap();
    let (joined, steps) = store.proposal("t1", &new).await.unwrap().unwrap();
    assert_eq!(joined.stage, Stage::Musrenbang(Level::Kecamatan));
    assert_eq!(
        joined.proposal.proposed_by,
        vec![Group::Women, Group::Elderly]
    );
    assert_eq!(joined.proposal.beneficiaries, vec![(Group::Women, 80)]);
    assert_eq!(steps[0].action, "merge_from");
    assert_eq!(
        steps[0].reason.as_deref(),
        Some(format!("{}, {}", codes[0], codes[1]).as_str())
    );
    for original in &codes[..2] {
        let (p, steps) = store.proposal("t1", original).await.unwrap().unwrap();
        assert_eq!(p.stage, Stage::Merged);
        assert_eq!(steps.last().unwrap().reason.as_deref(), Some(new.as_str()));
        assert_eq!(
            store.links("t1", original).await.unwrap(),
            vec![suara_store::Link::MergedInto(new.clone())]
        );
    }
    // Links are listed by code.
    let mut from = codes[..2].to_vec();
    from.sort();
    assert_eq!(
        store.links("t1", &new).await.unwrap(),
        vec![suara_store::Link::MergedFrom(from)]
    );
    // Merged ones cannot merge again.
    assert!(store
        .merge_proposals(
            "t1",
            &[codes[0].clone(), codes[2].clone()],
            &merged,
            on,
            "camat",
            now
        )
        .await
        .is_err());
    let parts = [
        validate(&draft("Posyandu ramah anak", &["children"])).unwrap(),
        validate(&draft("Taman bermain", &["children"])).unwrap(),
    ];
    let mut split = store
        .split_proposal("t1", &codes[2], &parts, on, "camat", now)
        .await
        .unwrap();
    assert_eq!(split.len(), 2);
    let (whole, _) = store.proposal("t1", &codes[2]).await.unwrap().unwrap();
    assert_eq!(whole.stage, Stage::Split);
    split.sort();
    assert_eq!(
        store.links("t1", &codes[2]).await.unwrap(),
        vec![suara_store::Link::SplitInto(split.clone())]
    );
    assert_eq!(
        store.links("t1", &split[0]).await.unwrap(),
        vec![suara_store::Link::SplitFrom(codes[2].clone())]
    );
    assert!(matches!(
        store
            .split_proposal("t1", &codes[2], &parts, on, "camat", now)
            .await,
        Err(MusrenaError::Merge(MergeError::NotAtTheDistrict(_)))
    ));
    // The map counts what carries the originals on: 3 proposals, not 6.
    let figures = store.village_figures("t1", None).await.unwrap();
    assert_eq!(figures[0].proposals, 3);
}
