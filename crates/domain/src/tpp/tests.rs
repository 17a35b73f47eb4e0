use num_rational::BigRational;
use proptest::prelude::*;

use super::policy::{
    Band, NotServingPublic, OtherFactors, Policy, PolicyError, SatisfactionRule, Weights,
};
use super::*;

fn dec(text: &str) -> Decimal {
    Decimal::parse(text).unwrap()
}

fn score(text: &str) -> BigRational {
    dec(text).to_rational()
}

fn paid(policy: &Policy, s: &str) -> String {
    policy
        .factor(&score(s), &OtherFactors::default())
        .unwrap()
        .paid
        .to_string()
}

#[test]
fn the_default_pays_in_full_from_80_and_the_score_as_a_percentage_below() {
    let policy = Policy::regency_default();
    assert_eq!(paid(&policy, "80"), "1.0000");
    assert_eq!(paid(&policy, "100"), "1.0000");
    assert_eq!(paid(&policy, "79.99"), "0.7999");
    assert_eq!(paid(&policy, "50"), "0.5000", "the regent's example");
    assert_eq!(amount(5_000_000, dec("0.7999")), 3_999_500);
    // Rounded down to whole rupiah: 1,234,567 × 0.7853 = 969,505.4551.
    assert_eq!(amount(1_234_567, dec("0.7853")), 969_505);
}

#[test]
fn other_rules_floors_caps_and_components() {
    let linear = Policy {
        rule: SatisfactionRule::LinearToThreshold {
            threshold: dec("80"),
        },
        ..Policy::regency_default()
    };
    assert_eq!(paid(&linear, "60"), "0.7500");
    assert_eq!(paid(&linear, "79.99"), "0.9999", "79.99 / 80 = 0.999875");
    let steps = Policy {
        rule: SatisfactionRule::Steps {
            bands: vec![
                Band {
                    from: dec("80"),
                    factor: dec("1"),
                },
                Band {
                    from: dec("65"),
                    factor: dec("0.8"),
                },
            ],
        },
        floor: dec("0.5"),
        ..Policy::regency_default()
    };
    assert_eq!(paid(&steps, "79"), "0.8000");
    assert_eq!(
        paid(&steps, "64.99"),
        "0.5000",
        "below every band, held at the floor"
    );
    let weighted = Policy {
        weights: Weights {
            satisfaction: dec("0.6"),
            attendance: dec("0.2"),
            productivity: dec("0.2"),
        },
        cap: dec("0.95"),
        ..Policy::regency_default()
    };
    let others = OtherFactors {
        attendance: Some(dec("0.9")),
        productivity: Some(dec("1")),
    };
    // 0.6 × 0.7 + 0.2 × 0.9 + 0.2 × 1 = 0.8.
    let steps = weighted.factor(&score("70"), &others).unwrap();
    assert_eq!(steps.paid.to_string(), "0.8000");
    assert_eq!(
        weighted
            .factor(&score("90"), &others)
            .unwrap()
            .paid
            .to_string(),
        "0.9500",
        "capped"
    );
    assert_eq!(
        weighted.factor(&score("90"), &OtherFactors::default()),
        Err(policy::MissingComponent("attendance"))
    );
}

/// `responses` counted with an IKM of `ikm`.
fn rated(responses: u64, ikm: &str) -> Rated {
    Rated {
        spread: Default::default(),
        responses,
        ikm: dec(ikm),
    }
}

#[test]
fn small_samples_are_blended_with_the_unit() {
    // Three bad ratings against a good unit: (3 × 50 + 30 × 85) / 33 = 81.818…
    let basis = officer_score(Some(rated(3, "50.00")), Some(rated(400, "85.00")), 30);
    assert_eq!(basis.score().unwrap().to_string(), "81.82");
    // Many ratings weigh more: (300 × 50 + 30 × 85) / 330 = 53.18…
    let basis = officer_score(Some(rated(300, "50.00")), Some(rated(400, "85.00")), 30);
    assert_eq!(basis.score().unwrap().to_string(), "53.18");
    assert_eq!(
        officer_score(None, Some(rated(400, "85.00")), 30),
        ScoreBasis::UnitOnly {
            unit: rated(400, "85.00")
        }
    );
    assert_eq!(
        officer_score(Some(rated(0, "25.00")), None, 30),
        ScoreBasis::NoResponses
    );
    let nobody = explain(
        &Policy::regency_default(),
        ScoreBasis::NoResponses,
        &Default::default(),
        &OtherFactors::default(),
        None,
        4_000_000,
    )
    .unwrap();
    assert_eq!((nobody.score, nobody.amount), (None, 4_000_000));
    let explained = explain(
        &Policy::regency_default(),
        officer_score(Some(rated(300, "50.00")), Some(rated(400, "85.00")), 30),
        &Default::default(),
        &OtherFactors::default(),
        None,
        4_000_000,
    )
    .unwrap();
    assert_eq!(explained.factor.paid.to_string(), "0.5318");
    assert_eq!(explained.amount, 2_127_200);
    // Ten of thirty days: base × factor × 10/30, rounded down once.
    let part = part_of_month(explained.clone(), (10, 30));
    assert_eq!((part.amount, part.part), (709_066, Some((10, 30))));
    assert_eq!(part_of_month(explained, (30, 30)).amount, 2_127_200);
}

#[test]
fn paying_part_of_a_month_is_a_policy_choice_that_reads_back() {
    let text = "version = \"harian\"\neffective_from = \"2026-01\"\npart_month = \"days\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n";
    let policy = Policy::from_toml(text).unwrap();
    assert_eq!(policy.part_month, policy::PartMonth::Days);
    assert_eq!(Policy::from_toml(&policy.to_toml()).unwrap(), policy);
    // The default is written as before, so earlier policies digest as they did.
    assert!(!Policy::regency_default().to_toml().contains("part_month"));
    let wrong = text.replace("\"days\"", "\"hari\"");
    let Err(PolicyError::Invalid(problems)) = Policy::from_toml(&wrong) else {
        panic!("refused")
    };
    assert_eq!(problems[0].field, "part_month");
}

const EXAMPLE: &str = r#"
version = "2026-02"
effective_from = "2026-02"
effective_until = "2026-12"
blend_k = 20
min_trust = "onsite"
floor = 0.4
cap = "1"

[satisfaction]
rule = "steps"
bands = [{ from = 60, factor = "0.8" }, { from = "80", factor = 1 }]

[weights]
satisfaction = 0.7
attendance = "0.3"
"#;

#[test]
fn policies_read_from_toml_exactly_and_write_back() {
    let policy = Policy::from_toml(EXAMPLE).unwrap();
    assert_eq!(policy.blend_k, 20);
    assert_eq!(policy.floor.to_rational(), score("0.4"));
    assert_eq!(policy.weights.satisfaction.to_rational(), score("0.7"));
    assert!(
        policy.covers("2026-12".parse().unwrap()) && !policy.covers("2027-01".parse().unwrap())
    );
    match &policy.rule {
        SatisfactionRule::Steps { bands } => assert_eq!(bands[0].from.to_string(), "80"),
        other => panic!("{other:?}"),
    }
    assert_eq!(Policy::from_toml(&policy.to_toml()).unwrap(), policy);
}

/// A policy saved before the sample and day rules existed reads without them and writes
/// back byte for byte, so its stored runs digest as they did; the default states both.
#[test]
fn evidence_rules_of_earlier_policies_stay_as_they_were() {
    let earlier = "version = \"2026-01\"\neffective_from = \"2026-01\"\nblend_k = 30\nmin_trust = \"onsite\"\nfloor = \"0\"\ncap = \"1\"\n\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n\n[evidence]\nmin_responses = 30\nconfidence = 95\n\n[weights]\nsatisfaction = \"1\"\nattendance = \"0\"\nproductivity = \"0\"\n";
    let policy = Policy::from_toml(earlier).unwrap();
    let rule = policy.evidence.clone().unwrap();
    assert!(!rule.sample_from_users && rule.min_days == 0);
    assert_eq!(policy.to_toml(), earlier);
    let default = Policy::regency_default().to_toml();
    assert!(default.contains("sample = \"krejcie_morgan\"") && default.contains("min_days = 10"));
    assert_eq!(
        Policy::from_toml(&default).unwrap(),
        Policy::regency_default()
    );
    let bad = earlier.replace(
        "min_responses = 30",
        "sample = \"guess\"\nmin_responses = 30\nmin_days = 40",
    );
    let Err(PolicyError::Invalid(problems)) = Policy::from_toml(&bad) else {
        panic!("accepted");
    };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["evidence.sample", "evidence.min_days"]);
}

/// Deductions are read in order, write back, and may not withhold more than the TPP.
#[test]
fn deductions_read_and_are_checked() {
    let text = format!(
        "{EXAMPLE}\n[[deductions]]\nname = \"PPh Pasal 21\"\npercent_by_rank = {{ IV = \"15\", III = \"5\" }}\n\n[[deductions]]\nname = \"Iuran BPJS Kesehatan\"\npercent = \"1\"\ncap = 120000\n"
    );
    let policy = Policy::from_toml(&text).unwrap();
    let names: Vec<&str> = policy.deductions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["PPh Pasal 21", "Iuran BPJS Kesehatan"]);
    assert_eq!(policy.deductions[1].cap, Some(120_000));
    assert_eq!(Policy::from_toml(&policy.to_toml()).unwrap(), policy);
    let greedy = text.replace("III = \"5\"", "III = \"99.5\"");
    let Err(PolicyError::Invalid(problems)) = Policy::from_toml(&greedy) else {
        panic!("accepted");
    };
    assert_eq!(problems[0].field, "deductions");
    let bad = text
        .replace("cap = 120000", "cap = -1")
        .replace("\"15\"", "\"15.12345\"")
        .replace("III = ", "\"III/c\" = ");
    let Err(PolicyError::Invalid(problems)) = Policy::from_toml(&bad) else {
        panic!("accepted");
    };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "deductions[0].percent_by_rank.III/c",
            "deductions[0].percent_by_rank.IV",
            "deductions[1].cap"
        ]
    );
}

#[test]
fn a_decimal_comma_reads_as_the_point() {
    let text = EXAMPLE.replace("floor = 0.4", "floor = \"0,4\"");
    assert_ne!(text, EXAMPLE);
    assert_eq!(
        Policy::from_toml(&text).unwrap(),
        Policy::from_toml(EXAMPLE).unwrap()
    );
    let two = EXAMPLE.replace("floor = 0.4", "floor = \"0,4,1\"");
    assert!(Policy::from_toml(&two).is_err());
}

#[test]
fn the_example_policy_reads() {
    let policy =
        Policy::from_toml(include_str!("../../../../examples/tpp/policy-2027.toml")).unwrap();
    assert_eq!(policy.max_monthly_fall, Some(Decimal::new(1, 1)));
    let rule = policy.evidence.unwrap();
    assert!(rule.sample_from_users && rule.min_days == 10);
}

#[test]
fn bad_policies_list_every_problem() {
    let text = r#"
version = ""
effective_from = "2026-13"
min_trust = "anyone"
floor = "0.9"
cap = "0.8"
[satisfaction]
rule = "steps"
bands = [{ from = 80, factor = "0.5" }, { from = 60, factor = "0.9" }, { from = 10, factor = "1.5" }]
[weights]
satisfaction = "0.5"
attendance = "0.25"
"#;
    let Err(PolicyError::Invalid(problems)) = Policy::from_toml(text) else {
        panic!("accepted");
    };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "version",
            "effective_from",
            "min_trust",
            "floor",
            "satisfaction.bands[2].from",
            "satisfaction.bands[2].factor",
            "weights",
        ],
        "{problems:?}"
    );
    let monotone = text.replace(", { from = 10, factor = \"1.5\" }", "");
    let Err(PolicyError::Invalid(problems)) = Policy::from_toml(&monotone) else {
        panic!("accepted");
    };
    assert!(
        problems.iter().any(
            |p| matches!(p.reason, crate::reason::Reason::BandPaysLess { .. })
                && p.reason.to_string().contains("pays less")
        ),
        "{problems:?}"
    );
    assert!(matches!(
        Policy::from_toml("version = "),
        Err(PolicyError::Toml(_))
    ));
    assert!(matches!(
        Policy::from_toml("version = \"x\"\neffective_from = \"2026-01\"\ncolour = 1\n[satisfaction]\nrule = \"proportional\"\nthreshold = 80"),
        Err(PolicyError::Toml(_))
    ));
    let too_fine = EXAMPLE.replace("floor = 0.4", "floor = \"0.00001\"");
    assert!(
        Policy::from_toml(&too_fine).is_err(),
        "a floor finer than 0.01 % is refused"
    );
}

fn arb_share() -> impl Strategy<Value = Decimal> {
    (0i64..=10_000).prop_map(|n| Decimal::new(n, 4))
}

fn arb_score() -> impl Strategy<Value = Decimal> {
    (2500i64..=10_000).prop_map(|n| Decimal::new(n, 2))
}

fn arb_policy() -> impl Strategy<Value = Policy> {
    let rule = prop_oneof![
        arb_score().prop_map(|threshold| SatisfactionRule::Proportional { threshold }),
        arb_score().prop_map(|threshold| SatisfactionRule::LinearToThreshold { threshold }),
        proptest::collection::btree_map(2500i64..=10_000, 0i64..=10_000, 1..5).prop_map(|bands| {
            // Higher bands pay at least as much: sort the factors along with the starts.
            let mut factors: Vec<i64> = bands.values().copied().collect();
            factors.sort_unstable();
            let mut bands: Vec<Band> = bands
                .keys()
                .zip(factors)
                .map(|(from, factor)| Band {
                    from: Decimal::new(*from, 2),
                    factor: Decimal::new(factor, 4),
                })
                .collect();
            bands.reverse();
            SatisfactionRule::Steps { bands }
        }),
    ];
    let fall = proptest::option::of(1i64..=10_000).prop_map(|f| f.map(|f| Decimal::new(f, 4)));
    let judged = (any::<bool>(), 1u32..=12).prop_map(|(led, months)| {
        let not_serving_public = if led {
            NotServingPublic::UnitsLed
        } else {
            NotServingPublic::Unit
        };
        (not_serving_public, months)
    });
    (rule, arb_share(), arb_share(), 0u32..100, fall, judged).prop_map(
        |(rule, a, b, k, fall, (not_serving_public, months))| {
            let (floor, cap) = if a.to_rational() <= b.to_rational() {
                (a, b)
            } else {
                (b, a)
            };
            let mut policy = Policy {
                rule,
                floor,
                cap,
                blend_k: k,
                max_monthly_fall: fall,
                not_serving_public,
                ..Policy::regency_default()
            };
            if let Some(evidence) = policy.evidence.as_mut() {
                evidence.months = months;
            }
            policy
        },
    )
}

proptest! {
    #[test]
    fn the_factor_rises_with_the_score_and_stays_between_floor_and_cap(
        policy in arb_policy(), a in arb_score(), b in arb_score()
    ) {
        let (low, high) = if a.to_rational() <= b.to_rational() { (a, b) } else { (b, a) };
        let none = OtherFactors::default();
        let low = policy.factor(&low.to_rational(), &none).unwrap().paid;
        let high = policy.factor(&high.to_rational(), &none).unwrap().paid;
        prop_assert!(low.to_rational() <= high.to_rational());
        prop_assert!(high.to_rational() <= policy.cap.to_rational());
        prop_assert!(low.to_rational() >= policy.floor.to_rational());
    }

    #[test]
    fn pay_falls_at_most_the_limit_a_month_and_never_rises_above_the_cap(
        policy in arb_policy(), score in arb_score(), previous in proptest::option::of(arb_share())
    ) {
        let none = OtherFactors::default();
        let steps = policy.factor(&score.to_rational(), &none).unwrap();
        let held = policy.hold_fall(steps.clone(), previous);
        let cap = policy.cap.to_rational();
        prop_assert!(held.paid.to_rational() <= cap.clone());
        prop_assert!(held.paid.to_rational() >= steps.paid.to_rational());
        match policy.max_monthly_fall {
            None => prop_assert_eq!(&held, &steps),
            Some(fall) => {
                let from = previous.map_or(cap.clone(), |p| p.to_rational().min(cap.clone()));
                prop_assert!(held.paid.to_rational() >= from - fall.to_rational());
                // Held only when the limit binds, and then at exactly its lowest.
                prop_assert_eq!(held.fall_held.map(|h| h.lowest), held.fall_held.map(|_| held.paid));
            }
        }
    }

    #[test]
    fn the_default_pays_exactly_in_full_at_and_above_80(s in 8000i64..=10_000, base in 0u64..100_000_000) {
        let policy = Policy::regency_default();
        let steps = policy.factor(&Decimal::new(s, 2).to_rational(), &OtherFactors::default()).unwrap();
        prop_assert_eq!(steps.paid, Decimal::new(10_000, 4));
        prop_assert_eq!(amount(base, steps.paid), base);
    }

    #[test]
    fn amounts_never_exceed_the_exact_product(base in 0u64..1_000_000_000, factor in arb_share()) {
        let paid = amount(base, factor);
        let exact = BigRational::from_integer(base.into()) * factor.to_rational();
        prop_assert!(BigRational::from_integer(paid.into()) <= exact);
        prop_assert!(BigRational::from_integer((paid + 1).into()) > exact);
    }

    #[test]
    fn a_blend_lies_between_the_officer_and_the_unit(
        n in 1u64..500, officer in arb_score(), unit in arb_score(), k in 0u32..100
    ) {
        let rated = |responses, ikm| Rated {
            responses,
            ikm,
            spread: Default::default(),
        };
        let blended = officer_score(Some(rated(n, officer)), Some(rated(1000, unit)), k).score().unwrap();
        let (low, high) = if officer <= unit { (officer, unit) } else { (unit, officer) };
        prop_assert!(low <= blended && blended <= high);
    }

    #[test]
    fn policies_survive_a_round_trip_through_toml(policy in arb_policy()) {
        prop_assert_eq!(Policy::from_toml(&policy.to_toml()).unwrap(), policy);
    }
}

#[test]
fn a_fall_limit_spreads_a_low_month_over_several() {
    let policy = Policy::from_toml(
        "version = \"batas\"\neffective_from = \"2026-01\"\nmax_monthly_fall = \"0,1\"\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n",
    )
    .unwrap();
    assert_eq!(policy.max_monthly_fall, Some(Decimal::new(1, 1)));
    assert!(policy.to_toml().contains("max_monthly_fall = \"0.1\""));
    let low = officer_score(None, Some(rated(400, "50.00")), 30);
    let month = |previous| {
        explain(
            &policy,
            low,
            &Default::default(),
            &OtherFactors::default(),
            previous,
            4_000_000,
        )
        .unwrap()
    };
    // Paid in full last month (or nothing paid): 90 %, not 50 %.
    let first = month(Some(Decimal::new(1, 0)));
    assert_eq!(
        (first.factor.paid, first.amount),
        (Decimal::new(9000, 4), 3_600_000)
    );
    assert_eq!(month(None).amount, 3_600_000);
    assert_eq!(
        first.factor.fall_held.map(|h| (h.previous, h.lowest)),
        Some((Decimal::new(1, 0), Decimal::new(9000, 4)))
    );
    // Then 80 %, …, until the rule's own 50 % is reached and no longer held.
    assert_eq!(month(Some(first.factor.paid)).amount, 3_200_000);
    let settled = month(Some(Decimal::new(5500, 4)));
    assert_eq!(
        (settled.factor.paid, settled.factor.fall_held),
        (Decimal::new(5000, 4), None)
    );
    // A rise is never held.
    let good = explain(
        &policy,
        officer_score(None, Some(rated(400, "90.00")), 30),
        &Default::default(),
        &OtherFactors::default(),
        Some(Decimal::new(5000, 4)),
        4_000_000,
    )
    .unwrap();
    assert_eq!(good.amount, 4_000_000);
    // No limit of 0: that would cut pay loose from satisfaction.
    let zero = Policy::from_toml(
        "version = \"x\"\neffective_from = \"2026-01\"\nmax_monthly_fall = 0\n[satisfaction]\nrule = \"proportional\"\nthreshold = \"80\"\n",
    );
    assert!(matches!(zero, Err(PolicyError::Invalid(p)) if p[0].field == "max_monthly_fall"));
}

#[test]
fn rupiah_has_dots_between_thousands() {
    assert_eq!(rupiah(0), "0");
    assert_eq!(rupiah(999), "999");
    assert_eq!(rupiah(1000), "1.000");
    assert_eq!(rupiah(3_823_500), "3.823.500");
}
