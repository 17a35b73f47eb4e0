//! The payroll files hold exactly the run's amounts: per-unit sheets with totals, a summary
//! whose grand total is the run's, and a CSV row per officer.
#![allow(clippy::unwrap_used)] // a test that unwraps fails with the value's message
#![allow(clippy::too_many_lines)] // a scenario reads top to bottom, as its user would do it

use std::collections::BTreeMap;
use std::io::Read;

use suara_domain::decimal::Decimal;
use suara_domain::org::Officer;
use suara_domain::period::Month;
use suara_domain::tpp::payroll::{compute, OfficerInput, RunState};
use suara_domain::tpp::policy::{OtherFactors, Policy};
use suara_domain::tpp::Rated;
use suara_reports::payable::{payable_pdf, payees};
use suara_reports::tpp::{payroll_csv, payroll_xlsx, CSV_COLUMNS};
use suara_store::{RunOfficer, RunSummary, StoredRun};

fn officer(nip: &str, unit: &str, base: Option<u64>, ikm: Option<i64>) -> RunOfficer {
    RunOfficer {
        input: OfficerInput {
            nip: nip.into(),
            unit_id: unit.into(),
            position_class: "7".into(),
            base,
            officer: ikm.map(|ikm| Rated {
                spread: Default::default(),
                responses: 10,
                ikm: Decimal::new(ikm, 2),
            }),
            unit: Some(Rated {
                spread: Default::default(),
                responses: 40,
                ikm: Decimal::new(7000, 2),
            }),
            others: OtherFactors::default(),
            public_facing: true,
            coverage: Default::default(),
            set_aside: None,
            pay: None,
            previous_factor: None,
            led_units: Vec::new(),
            part: None,
        },
        name: if nip.ends_with('1') {
            "=cmd|' /C calc'!A0".into()
        } else {
            "Sri Wahyuni".into()
        },
        unit_name: format!("Unit {unit}"),
        score_unit_id: Some(unit.into()),
    }
}

fn run() -> StoredRun {
    run_of(vec![
        officer(
            "199001012015011001",
            "dukcapil",
            Some(5_000_000),
            Some(5000),
        ),
        officer("199001012015011002", "dukcapil", Some(4_000_000), None),
        officer("199001012015011003", "dinkes", Some(6_500_000), Some(9000)),
        officer("199001012015011004", "dinkes", None, None),
    ])
}

/// October 2026's run of `officers` (in NIP order, as runs keep them), default policy.
fn run_of(officers: Vec<RunOfficer>) -> StoredRun {
    let month = Month::new(2026, 10).unwrap();
    let policy = Policy::regency_default();
    let inputs: Vec<OfficerInput> = officers.iter().map(|o| o.input.clone()).collect();
    let payroll = compute(month, &policy, &inputs);
    StoredRun {
        summary: RunSummary {
            month,
            version: 1,
            state: RunState::Draft,
            policy_version: policy.version.clone(),
            input_digest: payroll.input_digest.clone(),
            total: payroll.total(),
            paid: payroll.rows.len() as u64,
            unpaid: payroll.unpaid.len() as u64,
            computed_by: "keuangan".into(),
            computed_at: time::OffsetDateTime::UNIX_EPOCH,
        },
        policy_text: policy.to_toml(),
        policy,
        officers,
        payroll,
        events: vec![],
    }
}

fn entry(zip: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, name: &str) -> String {
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn xlsx_has_a_summary_and_a_sheet_per_unit_with_the_run_amounts() {
    let run = run();
    // 5,000,000 × (10·50 + 30·70)/40 = 65 % → 3,250,000; 4,000,000 × 70 % = 2,800,000;
    // 6,500,000 × (10·90 + 30·70)/40 = 75 % → 4,875,000; the fourth has no base amount.
    assert_eq!(run.payroll.total(), 3_250_000 + 2_800_000 + 4_875_000);
    // Every label the workbook asks to translate is one a caller can know of.
    let asked = std::cell::RefCell::new(Vec::new());
    let bytes = payroll_xlsx(
        &run,
        "Kabupaten Uji",
        &suara_reports::tpp::RunWords {
            month: "Oktober 2026".into(),
            computed_at: "3 November 2026 09:15".into(),
            policy_version: "bawaan".into(),
        },
        &|label| {
            asked.borrow_mut().push(label);
            label
        },
    )
    .unwrap();
    let known = suara_reports::tpp::LABELS.concat();
    for label in asked.into_inner() {
        assert!(known.contains(&label), "{label:?} is not in LABELS");
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let workbook = entry(&mut zip, "xl/workbook.xml");
    for sheet in ["Ringkasan", "dinkes", "dukcapil", "Tidak dibayar"] {
        assert!(
            workbook.contains(&format!("name=\"{sheet}\"")),
            "{sheet} in {workbook}"
        );
    }
    let summary = entry(&mut zip, "xl/worksheets/sheet1.xml");
    assert!(
        summary.contains("<v>10925000</v>"),
        "grand total in the summary"
    );
    let dinkes = entry(&mut zip, "xl/worksheets/sheet2.xml");
    assert!(dinkes.contains("<v>4875000</v>"));
    let dukcapil = entry(&mut zip, "xl/worksheets/sheet3.xml");
    assert!(dukcapil.contains("<v>6050000</v>"), "unit total");
    let strings = entry(&mut zip, "xl/sharedStrings.xml");
    assert!(
        strings.contains("'=cmd"),
        "a name that looks like a formula stays text"
    );
    assert!(strings.contains("no base TPP was imported for position class"));
    // The month, the moment and the policy as the caller wrote them, never ISO.
    assert!(
        strings.contains("TPP Kabupaten Uji — Oktober 2026"),
        "{strings}"
    );
    assert!(strings.contains("3 November 2026 09:15") && strings.contains("bawaan"));
    assert!(!strings.contains("2026-10") && !strings.contains("1970-01-01"));
}

#[test]
fn csv_has_a_row_per_officer_with_exact_figures() {
    let run = run();
    let bytes = payroll_csv(&run).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        CSV_COLUMNS
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let column = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
    let amount = |i: usize| rows[i].get(column("amount")).unwrap().to_string();
    assert_eq!(amount(0), "3250000");
    assert_eq!(rows[0].get(column("factor")), Some("0.6500"));
    assert_eq!(rows[0].get(column("score")), Some("65.00"));
    assert_eq!(rows[0].get(column("basis")), Some("blended"));
    assert_eq!(amount(3), "", "unpaid: no amount");
    let sum: u64 = (0..4).filter_map(|i| amount(i).parse::<u64>().ok()).sum();
    assert_eq!(sum, run.payroll.total());
}

#[test]
fn each_pdf_table_repeats_its_own_heading_on_a_new_page() {
    // One unit of 80 officers (its list runs over several pages), then 60 units of one
    // each (the summary, a row per unit, runs over a page too).
    let mut officers: Vec<RunOfficer> = (0..80)
        .map(|n| {
            let nip = format!("199001012015{n:06}");
            officer(&nip, "a-besar", Some(5_000_000), Some(8000))
        })
        .collect();
    officers.extend((0..60).map(|u| {
        let nip = format!("199001012016{u:06}");
        officer(&nip, &format!("unit-{u:02}"), Some(4_000_000), Some(7000))
    }));
    let run = run_of(officers);
    let known: BTreeMap<String, Officer> = BTreeMap::new();
    let payees = payees(&run, &known);
    assert_eq!(payees.len(), 140);
    let pdf = payable_pdf(
        &run,
        &payees,
        &BTreeMap::new(),
        "Kabupaten Uji",
        "Oktober 2026",
        &|label| label,
    );
    // Nothing is compressed: each page is one content stream, its ASCII texts as "(…) Tj".
    let text = String::from_utf8_lossy(&pdf).into_owned();
    let mut pages: Vec<&str> = text.split("endstream").collect();
    pages.pop();
    // "Nama" heads only the officers' list, "Pegawai" only the summary.
    let summary = pages
        .iter()
        .position(|p| p.contains("(Rekapitulasi)"))
        .unwrap();
    assert!(pages.len() - summary >= 2, "the summary runs over a page");
    for (i, page) in pages.iter().enumerate() {
        if i < summary {
            assert!(!page.contains("(Pegawai)"), "page {}", i + 1);
        } else {
            assert!(
                page.contains("(Unit)") && page.contains("(Pegawai)") && !page.contains("(Nama)"),
                "page {} of the summary",
                i + 1
            );
        }
    }
    let big_unit: Vec<&str> = pages
        .iter()
        .copied()
        .take_while(|p| !p.contains("(Unit unit-00)"))
        .collect();
    assert!(big_unit.len() >= 3, "the big unit's list runs over pages");
    // Every page but the last (which may hold only the signatures) has rows of the list,
    // under the list's own heading.
    for (i, page) in big_unit[..big_unit.len() - 1].iter().enumerate() {
        assert!(
            page.contains("(Nama)") && !page.contains("(Pegawai)"),
            "page {}",
            i + 1
        );
    }
    assert!(pages[summary..].iter().any(|p| p.contains("(140)")));
}
