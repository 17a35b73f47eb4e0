use super::*;

fn thin(responses: u64, needed: u64, days: Option<u32>, days_needed: u32) -> Evidence {
    Evidence::Insufficient {
        responses,
        needed,
        days,
        days_needed,
    }
}

/// A run once listed "22 dari 292 tanggapan; 16 dari 10 hari dengan tanggapan": the
/// line names what is missing and never reads a met criterion as a shortfall.
#[test]
fn a_shortfall_names_the_criterion_not_met() {
    let line = |lang, evidence: Evidence| shortfall(lang, &evidence).into_string();
    assert_eq!(
        line(Lang::ID, thin(22, 292, Some(16), 10)),
        "22 tanggapan yang dihitung untuk TPP, padahal minimal 292 \
         (sebaran hari sudah cukup: tanggapan pada 16 hari berbeda, minimal 10 hari)"
    );
    assert_eq!(
        line(Lang::EN, thin(22, 292, Some(16), 10)),
        "22 responses that count for TPP, where at least 292 are needed \
         (enough days: responses on 16 distinct days, at least 10)"
    );
    assert_eq!(
        line(Lang::ID, thin(44, 179, Some(1), 10)),
        "44 tanggapan yang dihitung untuk TPP, padahal minimal 179; \
         tanggapan hanya pada 1 hari berbeda, padahal minimal 10 hari"
    );
    assert_eq!(
        line(Lang::ID, thin(300, 292, Some(3), 10)),
        "tanggapan hanya pada 3 hari berbeda, padahal minimal 10 hari \
         (jumlah tanggapan sudah cukup: 300, minimal 292)"
    );
    assert_eq!(
        line(Lang::EN, thin(300, 292, Some(3), 10)),
        "responses on only 3 distinct days, where at least 10 are needed \
         (enough responses: 300, at least 292)"
    );
    // Runs stored before days were recorded, and rules asking for no spread: no days.
    for evidence in [thin(5, 30, None, 10), thin(5, 30, Some(2), 0)] {
        assert_eq!(
            line(Lang::ID, evidence),
            "5 tanggapan yang dihitung untuk TPP, padahal minimal 30"
        );
    }
    assert_eq!(
        line(Lang::ID, thin(0, 80, Some(0), 10)),
        "0 tanggapan yang dihitung untuk TPP, padahal minimal 80"
    );
    assert_eq!(line(Lang::ID, Evidence::NotApplied), "");
}

/// The sentence points to the table only when the table says why for every response
/// that does not decide TPP; what the checks on ratings caught is counted, not shown.
#[test]
fn the_count_of_responses_not_deciding_points_below_only_when_all_are_marked() {
    assert_eq!(
        not_deciding_text(Lang::ID, 2, 2),
        "2 di antaranya tidak menentukan TPP (lihat di bawah)."
    );
    let unmarked = not_deciding_text(Lang::ID, 1, 0);
    assert_eq!(unmarked, "1 di antaranya tidak menentukan TPP.");
    let some = not_deciding_text(Lang::EN, 3, 2);
    assert!(
        some.starts_with("3 of them do not decide TPP; the reason for 2 of them is given below"),
        "{some}"
    );
    assert!(!not_deciding_text(Lang::EN, 1, 0).contains("below"));
}
