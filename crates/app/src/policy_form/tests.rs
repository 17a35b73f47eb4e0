use super::*;

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The default policy's fields, named and moved to 2027.
fn default_fields() -> PolicyFields {
    let mut fields = PolicyFields::of(&Policy::regency_default(), ',');
    fields.version = "2027".into();
    fields.effective_from = "2027-01".into();
    fields
}

fn kinds(problems: &[FormProblem]) -> Vec<(&str, ProblemKind)> {
    problems
        .iter()
        .map(|p| (p.field.as_str(), p.kind))
        .collect()
}

#[test]
fn a_policy_written_from_its_own_fields_reads_back_the_same() {
    let default = Policy::regency_default();
    let written = default_fields().write(&default.to_toml()).unwrap();
    let read = Policy::from_toml(&written.text).unwrap();
    assert_eq!(
        read,
        Policy {
            version: "2027".into(),
            effective_from: Month::new(2027, 1).unwrap(),
            ..default
        }
    );
    // Shares are shown as percentages, with the decimal comma.
    let fields = default_fields();
    assert_eq!((fields.floor.as_str(), fields.cap.as_str()), ("0", "100"));
    assert_eq!(fields.threshold, "80");
}

#[test]
fn comments_and_layout_of_the_base_text_are_kept() {
    let base = "# Disetujui rapat TAPD 3 Desember 2026\nversion = \"2026\"\neffective_from = \"2026-01\"\nfloor = \"0.5\" # paling rendah setengah\n\n[satisfaction]\n# ambang dari Perbup\nrule = \"proportional\"\nthreshold = \"80\"\n";
    let mut fields = PolicyFields::of(&Policy::from_toml(base).unwrap(), ',');
    assert_eq!(fields.floor, "50");
    fields.version = "2027".into();
    fields.floor = "60,5".into();
    fields.threshold = "85".into();
    fields.note = "Perbup No. 12 Tahun 2026\n\nberlaku\u{7} Januari".into();
    let text = fields.write(base).unwrap().text;
    for kept in [
        "# Perbup No. 12 Tahun 2026\n# berlaku Januari\n# Disetujui rapat TAPD",
        "floor = \"0.605\" # paling rendah setengah",
        "# ambang dari Perbup\nrule = \"proportional\"\nthreshold = \"85\"",
    ] {
        assert!(text.contains(kept), "{kept} in {text}");
    }
    let policy = Policy::from_toml(&text).unwrap();
    assert_eq!(policy.floor, Decimal::new(605, 3));
    assert_eq!(policy.version, "2027");
}

#[test]
fn what_cannot_be_written_is_named_by_field() {
    let mut fields = default_fields();
    fields.version = " ".into();
    fields.effective_until = "2026-06".into();
    fields.floor = "150".into();
    fields.cap = "abc".into();
    fields.max_monthly_fall = "10,125".into();
    fields.weight_satisfaction = "50".into();
    fields.weight_attendance = "30".into();
    fields.min_days = "sepuluh".into();
    fields.min_trust = "siapa saja".into();
    fields.deductions[0].percent = "5".into();
    let problems = fields.write("").unwrap_err();
    assert_eq!(
        kinds(&problems),
        vec![
            ("version", ProblemKind::Required),
            ("effective_until", ProblemKind::UntilBeforeFrom),
            ("floor", ProblemKind::NotAPercent),
            ("cap", ProblemKind::NotANumber),
            ("max_monthly_fall", ProblemKind::NotAPercent),
            ("min_trust", ProblemKind::NotAChoice),
            ("min_days", ProblemKind::NotAWholeNumber),
            ("weight_satisfaction", ProblemKind::WeightsDoNotAddUp),
            ("deduction_1_name", ProblemKind::DeductionUnnamed),
        ]
    );
}

#[test]
fn steps_need_bands_and_each_band_both_halves() {
    let mut fields = default_fields();
    fields.rule = "steps".into();
    assert_eq!(
        kinds(&fields.write("").unwrap_err()),
        vec![("band_from_1", ProblemKind::NoBand)]
    );
    fields.bands[0] = BandFields {
        from: "90".into(),
        factor: "100".into(),
    };
    fields.bands[1] = BandFields {
        from: "70".into(),
        factor: String::new(),
    };
    assert_eq!(
        kinds(&fields.write("").unwrap_err()),
        vec![("band_factor_2", ProblemKind::BandIncomplete)]
    );
    fields.bands[1].factor = "75".into();
    let text = fields
        .write(&Policy::regency_default().to_toml())
        .unwrap()
        .text;
    let policy = Policy::from_toml(&text).unwrap();
    let SatisfactionRule::Steps { bands } = policy.rule else {
        panic!("{text}")
    };
    assert_eq!(bands[1].factor, Decimal::new(75, 2));
    assert!(!text.contains("threshold"), "{text}");
}

#[test]
fn deductions_keep_ranks_the_form_does_not_show() {
    let base = "version = \"2026\"\neffective_from = \"2026-01\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n\n# dari KPP Pratama\n[[deductions]]\nname = \"PPh Pasal 21\"\npercent = \"0\"\npercent_by_rank = { \"IV\" = \"15\", \"IX\" = \"5\" }\n";
    let mut fields = PolicyFields::of(&Policy::from_toml(base).unwrap(), ',');
    assert_eq!(fields.deductions.len(), 2, "the policy's one and a spare");
    assert_eq!(fields.deductions[0].by_rank[0], "15");
    fields.version = "2027".into();
    fields.deductions[0].by_rank[0] = "10".into();
    fields.deductions[0].by_rank[1] = "5".into();
    fields.deductions[1] = DeductionFields {
        name: "BPJS Kesehatan".into(),
        percent: "1".into(),
        cap: "Rp 120.000".into(),
        ..DeductionFields::default()
    };
    let written = fields.write(base).unwrap();
    assert_eq!(written.deduction_rows, vec![1, 2]);
    assert!(
        written.text.contains("# dari KPP Pratama"),
        "{}",
        written.text
    );
    let policy = Policy::from_toml(&written.text).unwrap();
    let pph = &policy.deductions[0];
    assert_eq!(pph.by_rank["IV"], Decimal::new(10, 0));
    assert_eq!(pph.by_rank["III"], Decimal::new(5, 0));
    assert_eq!(pph.by_rank["IX"], Decimal::new(5, 0));
    assert_eq!(policy.deductions[1].cap, Some(120_000));
    // All rows emptied: no deductions left in the text.
    fields.deductions = vec![DeductionFields::default()];
    let text = fields.write(base).unwrap().text;
    assert!(
        Policy::from_toml(&text).unwrap().deductions.is_empty(),
        "{text}"
    );
}

#[test]
fn a_posted_form_is_read_by_its_field_names() {
    let fields = PolicyFields::from_pairs(&pairs(&[
        ("version", "2027"),
        ("sample", "yes"),
        ("band_from_2", "70"),
        ("band_factor_2", "75"),
        ("deduction_3_rank_III", "5"),
        ("deduction_3_name", "PPh"),
        ("deduction_999_name", "capped"),
        ("unknown", "x"),
    ]));
    assert_eq!(fields.version, "2027");
    assert!(fields.sample);
    assert_eq!(fields.bands.len(), 2);
    assert_eq!(fields.bands[1].factor, "75");
    assert_eq!(fields.deductions[2].by_rank[1], "5");
    assert_eq!(fields.deductions[2].name, "PPh");
    assert_eq!(fields.deductions.len(), 20, "rows are bounded");
    assert!(!PolicyFields::from_pairs(&[]).sample);
}

#[test]
fn problems_of_the_policy_check_point_at_form_fields() {
    for (key, field) in [
        ("floor", "floor"),
        ("satisfaction.threshold", "threshold"),
        ("satisfaction.bands[1].factor", "band_from_2"),
        ("satisfaction.bands", "band_from_1"),
        ("deductions[0].percent_by_rank.IX", "deduction_1_percent"),
        ("evidence.months", "months"),
        ("weights", "weight_satisfaction"),
        ("deductions[1].percent", "deduction_3_percent"),
        ("deductions[0].percent_by_rank.IV", "deduction_1_rank_IV"),
    ] {
        assert_eq!(field_of_key(key, &[1, 3]), field, "{key}");
    }
}

#[test]
fn a_note_can_only_ever_be_a_comment() {
    let mut fields = default_fields();
    fields.note = "rapat\nfloor = \"1\"\r\n[weights]\rsatisfaction = \"0\"".into();
    fields.version = "2027\"\nfloor = \"1".into();
    let text = fields
        .write(&Policy::regency_default().to_toml())
        .unwrap()
        .text;
    let policy = Policy::from_toml(&text).unwrap();
    assert_eq!(policy.floor, Decimal::new(0, 0), "{text}");
    assert_eq!(policy.weights, Policy::regency_default().weights, "{text}");
    assert_eq!(policy.version, "2027\"\nfloor = \"1");
    assert!(
        text.starts_with("# rapat\n# floor = \"1\"\n# [weights]satisfaction = \"0\"\n"),
        "{text}"
    );
}

#[test]
fn emptying_a_deduction_moves_nothing_onto_another() {
    let base = "version = \"2026\"\neffective_from = \"2026-01\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n\n# potongan A\n[[deductions]]\nname = \"A\"\npercent = \"1\"\npercent_by_rank = { \"IX\" = \"2\", \"iii\" = \"7\" }\n\n# potongan B\n[[deductions]]\nname = \"B\"\npercent = \"3\"\n";
    let mut fields = PolicyFields::of(&Policy::from_toml(base).unwrap(), ',');
    fields.version = "2027".into();
    // A's rate for III (typed "iii" in the text) is cleared on the form: it is gone.
    fields.deductions[0].by_rank[1] = String::new();
    let text = fields.write(base).unwrap().text;
    let a = &Policy::from_toml(&text).unwrap().deductions[0];
    assert!(!a.by_rank.contains_key("III"), "{text}");
    assert_eq!(a.by_rank["IX"], Decimal::new(2, 0));
    // A emptied: B keeps its own comment and gains no rate of A's.
    fields.deductions[0] = DeductionFields::default();
    let written = fields.write(base).unwrap();
    let policy = Policy::from_toml(&written.text).unwrap();
    assert_eq!(policy.deductions.len(), 1);
    assert_eq!(policy.deductions[0].name, "B");
    assert!(policy.deductions[0].by_rank.is_empty(), "{}", written.text);
    assert!(written.text.contains("# potongan B") && !written.text.contains("# potongan A"));
    assert_eq!(written.deduction_rows, vec![2]);
}
