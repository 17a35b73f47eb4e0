//! Hostile input: every parser of files and forms people upload, fed arbitrary bytes and
//! near-valid mutations, must answer with errors (or a result), never panic. Case counts are
//! set here and recorded in the book's "Reliability".
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use proptest::prelude::*;
use suara_domain::musrena::proposal::{check_photo, validate as validate_proposal, ProposalDraft};
use suara_domain::org::import::{plan_import, ImportFiles, Snapshot, Table};
use suara_domain::skm::follow_up::{validate as validate_plan, PlanDraft};
use suara_domain::skm::table::tally_csv;
use suara_domain::survey::{validate, ResponseDraft};
use suara_domain::tpp::inputs::{parse_base_amounts, parse_components};
use suara_domain::tpp::policy::Policy;
use time::macros::date;

/// Cases per property (each property runs this many inputs).
const CASES: u32 = 2_000;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        ..ProptestConfig::default()
    }
}

/// Bytes that look like CSV: headers the parsers know, separators, quotes, odd bytes.
fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    let cell = prop_oneof![
        Just("unit_id".to_string()),
        Just("nip".to_string()),
        Just("u1".to_string()),
        Just("position_class".to_string()),
        Just("base_amount".to_string()),
        Just("\"a,b\"".to_string()),
        Just("Rp1.000.000".to_string()),
        Just("199001012015032001".to_string()),
        Just("2026-13".to_string()),
        "[\\PC]{0,12}",
        "[0-9.,%-]{0,10}",
    ];
    let line = proptest::collection::vec(cell, 0..8).prop_map(|cells| cells.join(","));
    prop_oneof![
        proptest::collection::vec(line, 0..12).prop_map(|lines| lines.join("\n").into_bytes()),
        proptest::collection::vec(any::<u8>(), 0..400),
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn organisation_import_never_panics(bytes in csv_like(), table in 0usize..4) {
        let mut files = ImportFiles::default();
        files.set(Table::ALL[table], &bytes);
        let _ = plan_import(&files, &Snapshot::default(), date!(2026 - 11 - 23));
    }

    #[test]
    fn tpp_inputs_and_skm_tables_never_panic(bytes in csv_like()) {
        let _ = parse_base_amounts(&bytes);
        let _ = parse_components(&bytes);
        let _ = tally_csv(&bytes);
    }

    #[test]
    fn policies_never_panic(text in "[\\PC\\n]{0,300}", number in "[-0-9.e]{0,8}") {
        let _ = Policy::from_toml(&text);
        let near = format!("version = \"x\"\neffective_from = \"{number}\"\nfloor = \"{number}\"\n[satisfaction]\nrule = \"steps\"\nbands = [{{ from = \"{number}\", factor = \"{number}\" }}]\n");
        let _ = Policy::from_toml(&near);
    }

    #[test]
    fn survey_responses_never_panic(json in "[\\PC]{0,200}", answers in proptest::collection::vec(any::<i64>(), 0..12), key in "[\\PC]{0,140}") {
        if let Ok(draft) = serde_json::from_str::<ResponseDraft>(&json) {
            let _ = validate(draft);
        }
        let _ = validate(ResponseDraft {
            unit: Some(key.clone()),
            answers: Some(answers.into_iter().map(Some).collect()),
            idempotency_key: Some(key),
            ..ResponseDraft::default()
        });
    }

    #[test]
    fn musrena_forms_and_photos_never_panic(text in "[\\PC]{0,60}", bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        let _ = validate_proposal(&ProposalDraft {
            title: text.clone(),
            problem: text.clone(),
            activity: text.clone(),
            sector: text.clone(),
            village: text.clone(),
            address: text.clone(),
            latitude: text.clone(),
            longitude: text.clone(),
            estimated_cost: text.clone(),
            proposed_by: vec![text.clone()],
            beneficiaries: vec![(text.clone(), text.clone())],
            sdgs: text.clone(),
            activity_code: text.clone(),
            volume: text.clone(),
            issue: text.clone(),
            cost_reason: text.clone(),
        });
        let _ = validate_plan(&PlanDraft { element: text.clone(), action: text.clone(), owner: text.clone(), deadline: text });
        let _ = check_photo(&bytes);
    }
}
