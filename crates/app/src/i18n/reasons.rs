//! The domain's refusals (import rows, payroll inputs, policy fields, follow-up plans, new
//! accounts) in the reader's language. Each kind of [`Reason`](R) has its catalogue text, whose
//! English is the domain's wording with `{}` for the values the reason carries; the matches
//! name every kind, so a new one does not compile until it has its words.

use std::fmt::Display;

use suara_domain::org::hours::HoursError;
use suara_domain::org::village::{BoundaryError, CodeError, MAX_BOUNDARY_POINTS};
use suara_domain::reason::Reason as R;
use suara_domain::spreadsheet::{CsvProblem, SheetError, MAX_COLUMNS, MAX_ROWS};
use suara_domain::tpp::policy::PolicyError;

use super::catalogue as T;
use super::{Lang, Text};

/// A reason in `lang`, its values written as the domain writes them (dates YYYY-MM-DD,
/// months YYYY-MM, decimals with a point), as in the files it refuses.
#[allow(clippy::too_many_lines)] // one flat arm per kind, as the doc above says
pub fn reason_text(lang: Lang, reason: &R) -> String {
    // The values live until the text is filled, whichever arm borrowed them.
    let (text, values): (Text, &[&dyn Display]) = match reason {
        R::IsEmpty => (T::R_IS_EMPTY, &[]),
        R::IsRequired => (T::IS_REQUIRED, &[]),
        R::Required => (T::R_REQUIRED, &[]),
        R::TooLong => (T::R_TOO_LONG, &[]),
        R::LongerThan { max } => (T::R_LONGER_THAN, &[max]),
        R::Length { min, max } => (T::R_LENGTH, &[min, max]),
        R::Workbook(error) => return workbook_text(lang, error),
        R::Csv(problem) => return csv_text(lang, problem),
        R::ColumnTwice => (T::R_COLUMN_TWICE, &[]),
        R::ColumnMissing => (T::R_COLUMN_MISSING, &[]),
        R::UnknownColumn { columns } => (T::R_UNKNOWN_COLUMN, &[&columns.join(", ")]),
        R::NoColumn { column } => (T::R_NO_COLUMN, &[column]),
        R::StoredAsNumber { value } => (T::R_STORED_AS_NUMBER, &[value]),
        R::AlreadyOnLine { value, line } => (T::R_ALREADY_ON_LINE, &[value, line]),
        R::AppearsTwice { value } => (T::R_APPEARS_TWICE, &[value]),
        R::NotACode { value } => (T::R_NOT_A_CODE, &[value]),
        R::UnitsShareAName { name } => (T::R_UNITS_SHARE_A_NAME, &[name]),
        R::NotAUnit { value } => (T::R_NOT_A_UNIT, &[value]),
        R::UnknownUnit { unit } => (T::R_UNKNOWN_UNIT, &[unit]),
        R::UnknownRegency { regency } => (T::R_UNKNOWN_REGENCY, &[regency]),
        R::UnknownRegencyService { service, regency } => {
            (T::R_UNKNOWN_REGENCY_SERVICE, &[regency, service])
        }
        R::Cycle { parent, path } => (T::R_CYCLE, &[parent, &path.join(" → ")]),
        R::NotAWholeNumber { value } => (T::R_NOT_A_WHOLE_NUMBER, &[value]),
        R::ServiceHours(error) => return hours_text(lang, error),
        R::NotAVillageKind { value } => (T::R_NOT_A_VILLAGE_KIND, &[value]),
        R::VillageCode { code, problem } => (village_code_text(*problem), &[code]),
        R::NotAKecamatan { unit, kind } => (T::R_NOT_A_KECAMATAN, &[unit, kind]),
        R::Boundary(error) => return boundary_text(lang, error),
        R::OutsideRegency { code, regency } => (T::R_OUTSIDE_REGENCY, &[code, regency]),
        R::DistrictCodeTaken { code, owner, unit } => {
            (T::R_DISTRICT_CODE_TAKEN, &[code, owner, unit])
        }
        R::DistrictCodeDiffers { unit, code, given } => {
            (T::R_DISTRICT_CODE_DIFFERS, &[unit, code, given])
        }
        R::NotAnAmount { value } => (T::R_NOT_AN_AMOUNT, &[value]),
        R::NotALevelList { value } => (T::R_NOT_A_LEVEL_LIST, &[value]),
        R::NotANip { value } => (T::R_NOT_A_NIP, &[value]),
        R::NoSuchSigner { nip } => (T::R_NO_SUCH_SIGNER, &[nip]),
        R::NotAnNpwp { value } => (T::R_NOT_AN_NPWP, &[value]),
        R::NotAnAccountNumber { value } => (T::R_NOT_AN_ACCOUNT_NUMBER, &[value]),
        R::NotAnEmail { value } => (T::R_NOT_AN_EMAIL, &[value]),
        R::AddressOfAnotherOfficer { email, owner } => {
            (T::R_ADDRESS_OF_ANOTHER_OFFICER, &[email, owner])
        }
        R::NotYesNo { value } => (T::R_NOT_YES_NO, &[value]),
        R::NotADateValue { value } => (T::R_NOT_A_DATE_VALUE, &[value]),
        R::OfficerLeftAlready { last_day } => (T::R_OFFICER_LEFT_ALREADY, &[last_day]),
        R::OfficerLeft { last_day } => (T::R_OFFICER_LEFT, &[last_day]),
        R::NotAfterAssignmentStart { day, since } => {
            (T::R_NOT_AFTER_ASSIGNMENT_START, &[day, since])
        }
        R::ReachesClosedMonth { day, month } => (T::R_REACHES_CLOSED_MONTH, &[day, month, month]),
        R::LastDayBeforeStart { last_day, start } => {
            (T::R_LAST_DAY_BEFORE_START, &[last_day, start])
        }
        R::LastDayTooFar { last_day } => (T::R_LAST_DAY_TOO_FAR, &[last_day]),
        R::NotAStatus { value } => (T::R_NOT_A_STATUS, &[value]),
        R::GiveWhyLeaving => (T::R_GIVE_WHY_LEAVING, &[]),
        R::GiveLastDay => (T::R_GIVE_LAST_DAY, &[]),
        R::NotRupiah { value } => (T::R_NOT_RUPIAH, &[value]),
        R::NotAMonthLikeOctober { value } => (T::R_NOT_A_MONTH_OCTOBER, &[value]),
        R::NotAFactor { value } => (T::R_NOT_A_FACTOR, &[value]),
        R::NipTwice { nip, month } => (T::R_NIP_TWICE, &[nip, month]),
        R::NotAMonth { value } => (T::R_NOT_A_MONTH, &[value]),
        R::NotADecimal => (T::R_NOT_A_DECIMAL, &[]),
        R::NotBetween { value, low, high } => (T::R_NOT_BETWEEN, &[value, low, high]),
        R::TooManyPlaces { value, places } => (T::R_TOO_MANY_PLACES, &[value, places]),
        R::BelowZero { value } => (T::R_BELOW_0, &[value]),
        R::NotAGroup { value } => (T::R_NOT_A_GROUP, &[value]),
        R::NotATrust { value } => (T::R_NOT_A_TRUST, &[value]),
        R::FloorAboveCap { floor, cap } => (T::R_FLOOR_ABOVE_CAP, &[floor, cap]),
        R::NotAServingRule { value } => (T::R_NOT_A_SERVING_RULE, &[value]),
        R::NotAPartMonthRule { value } => (T::R_NOT_A_PART_MONTH_RULE, &[value]),
        R::BeforeEffectiveFrom => (T::R_BEFORE_EFFECTIVE_FROM, &[]),
        R::FallNotAboveZero => (T::R_FALL_NOT_ABOVE_ZERO, &[]),
        R::TooManyDeductions => (T::R_MORE_THAN_10_DEDUCTIONS, &[]),
        R::DeductionsOver100 => (T::R_DEDUCTIONS_OVER_100, &[]),
        R::NotAConfidence { value } => (T::R_NOT_A_CONFIDENCE, &[value]),
        R::NotASampleRule { value } => (T::R_NOT_A_SAMPLE_RULE, &[value]),
        R::WeightsSum {
            satisfaction,
            attendance,
            productivity,
        } => (T::R_WEIGHTS_SUM, &[satisfaction, attendance, productivity]),
        R::SatisfactionWeightZero => (T::R_SATISFACTION_WEIGHT_ZERO, &[]),
        R::StepsNeedABand => (T::R_STEPS_NEED_A_BAND, &[]),
        R::TwoBands { from } => (T::R_TWO_BANDS, &[from]),
        R::BandPaysLess { higher, lower } => (T::R_BAND_PAYS_LESS, &[higher, lower]),
        R::NotARule { value } => (T::R_NOT_A_RULE, &[value]),
        R::ChooseElement => (T::R_CHOOSE_ELEMENT, &[]),
        R::NotADate => (T::R_NOT_A_DATE, &[]),
        R::ChooseDateColumn => (T::R_CHOOSE_DATE_COLUMN, &[]),
        R::ChooseDateOrder => (T::R_CHOOSE_DATE_ORDER, &[]),
        R::NothingToImport => (T::R_NOTHING_TO_IMPORT, &[]),
        R::ChooseElementColumns => (T::R_CHOOSE_ELEMENT_COLUMNS, &[]),
        R::ColumnChosenTwice => (T::R_COLUMN_CHOSEN_TWICE, &[]),
        R::NotBeforeThisMonth { month }
        | R::MonthHasSurveyResponses { month }
        | R::MonthAlreadyImported { month } => return history_month_text(lang, reason, *month),
        R::Username => (T::R_USERNAME, &[]),
        R::PasswordLength => (T::R_PASSWORD_LENGTH, &[]),
        R::PasswordVariety => (T::R_PASSWORD_VARIETY, &[]),
        R::UnitAdminNeedsUnit => (T::R_UNIT_ADMIN_NEEDS_UNIT, &[]),
        R::OfficerNeedsNip => (T::R_OFFICER_NEEDS_NIP, &[]),
    };
    lang.fill(text, values)
}

/// A past survey's month refused, the month as people write it.
fn history_month_text(lang: Lang, reason: &R, month: suara_domain::period::Month) -> String {
    let text = match reason {
        R::NotBeforeThisMonth { .. } => T::R_NOT_BEFORE_THIS_MONTH,
        R::MonthHasSurveyResponses { .. } => T::R_MONTH_HAS_SURVEY_RESPONSES,
        _ => T::R_MONTH_ALREADY_IMPORTED,
    };
    lang.fill(text, &[&lang.month(month)])
}

/// A workbook that cannot be read as a list.
fn workbook_text(lang: Lang, error: &SheetError) -> String {
    match error {
        SheetError::Unreadable(detail) => lang.fill(T::R_UNREADABLE_WORKBOOK, &[detail]),
        SheetError::NoSheet => lang.t(T::R_NO_SHEET).to_string(),
        SheetError::TooLarge => lang.fill(T::R_SHEET_TOO_LARGE, &[&MAX_ROWS, &MAX_COLUMNS]),
    }
}

/// A row or header the CSV reader refuses.
fn csv_text(lang: Lang, problem: &CsvProblem) -> String {
    match problem {
        CsvProblem::FieldCount { expected, found } => {
            lang.fill(T::R_FIELD_COUNT, &[expected, found])
        }
        CsvProblem::NotUtf8 => lang.t(T::R_NOT_UTF8).to_string(),
        CsvProblem::Other(detail) => lang.fill(T::R_UNREADABLE_CSV, &[detail]),
    }
}

/// Service hours that do not read as days and times.
fn hours_text(lang: Lang, error: &HoursError) -> String {
    let (text, value) = match error {
        HoursError::Day(value) => (T::R_NOT_A_DAY, value),
        HoursError::Range(value) => (T::R_NOT_A_TIME_RANGE, value),
        HoursError::Backwards(value) => (T::R_HOURS_BACKWARDS, value),
        HoursError::Repeated(value) => (T::R_DAY_TWICE, value),
        HoursError::Part(value) => (T::R_NEEDS_DAYS_AND_TIMES, value),
    };
    lang.fill(text, &[value])
}

/// The text for a village code refused for `problem`, the code its one value.
fn village_code_text(problem: CodeError) -> Text {
    match problem {
        CodeError::Format => T::R_NOT_A_VILLAGE_CODE,
        CodeError::KindMismatch => T::R_VILLAGE_CODE_KIND,
    }
}

/// A boundary that is no area on the map.
fn boundary_text(lang: Lang, error: &BoundaryError) -> String {
    match error {
        BoundaryError::NotGeoJson(detail) => lang.fill(T::R_NOT_GEOJSON, &[detail]),
        BoundaryError::NotAnArea(kind) => lang.fill(T::R_NOT_AN_AREA, &[kind]),
        BoundaryError::OffTheGlobe => lang.t(T::R_OFF_THE_GLOBE).to_string(),
        BoundaryError::OpenRing => lang.t(T::R_OPEN_RING).to_string(),
        BoundaryError::TooLarge => lang.fill(T::R_TOO_MANY_POINTS, &[&MAX_BOUNDARY_POINTS]),
    }
}

/// A policy that cannot be read, in `lang`: as the domain words it in English (each field's
/// problem, `; ` between them), with every reason translated.
pub fn policy_error_text(lang: Lang, error: &PolicyError) -> String {
    match error {
        PolicyError::Toml(detail) => lang.fill(T::R_POLICY_NOT_TOML, &[detail]),
        PolicyError::Invalid(problems) => problems
            .iter()
            .map(|p| format!("{}: {}", p.field, reason_text(lang, &p.reason)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use suara_domain::decimal::Decimal;
    use suara_domain::period::Month;
    use suara_domain::tpp::policy::PolicyProblem;
    use time::macros::date;

    #[test]
    fn reasons_read_in_indonesian_with_their_values() {
        let not_a_month = R::NotAMonth {
            value: "2026-13".into(),
        };
        assert_eq!(
            reason_text(Lang::ID, &not_a_month),
            "'2026-13' bukan bulan seperti 2026-01"
        );
        let weights = R::WeightsSum {
            satisfaction: Decimal::new(3, 1),
            attendance: Decimal::new(3, 1),
            productivity: Decimal::new(3, 1),
        };
        assert_eq!(
            reason_text(Lang::ID, &weights),
            "0.3 + 0.3 + 0.3 jumlahnya bukan 1"
        );
        let repeated = R::AlreadyOnLine {
            value: "x".into(),
            line: 4,
        };
        assert_eq!(reason_text(Lang::ID, &repeated), "'x' sudah ada di baris 4");
        let closed = R::ReachesClosedMonth {
            day: date!(2026 - 11 - 15),
            month: month("2026-11"),
        };
        assert!(reason_text(Lang::ID, &closed)
            .starts_with("2026-11-15 jatuh pada atau sebelum bulan 2026-11 yang TPP-nya"));
        assert_eq!(reason_text(Lang::ID, &R::IsRequired), "wajib diisi");
        // The typed errors a reason carries are translated by their kind too.
        let hours = R::from(HoursError::Backwards("16:00-08:00".into()));
        assert_eq!(
            reason_text(Lang::ID, &hours),
            "'16:00-08:00' harus dimulai sebelum berakhir"
        );
        let code = R::VillageCode {
            code: "35.03".into(),
            problem: CodeError::Format,
        };
        assert_eq!(
            reason_text(Lang::ID, &code),
            "'35.03' bukan kode desa Kemendagri seperti 35.03.01.2001"
        );
    }

    #[test]
    fn a_policy_reads_in_indonesian_field_by_field() {
        let error = PolicyError::Invalid(vec![
            PolicyProblem {
                field: "version".into(),
                reason: R::Length { min: 1, max: 40 },
            },
            PolicyProblem {
                field: "blend_k".into(),
                reason: R::not_between(-1, 0, 10_000),
            },
        ]);
        assert_eq!(
            policy_error_text(Lang::ID, &error),
            "version: harus 1–40 karakter; blend_k: -1 tidak di antara 0 dan 10000"
        );
        assert_eq!(policy_error_text(Lang::EN, &error), error.to_string());
        let toml = PolicyError::Toml("expected `=`".into());
        assert_eq!(policy_error_text(Lang::EN, &toml), toml.to_string());
        assert_ne!(policy_error_text(Lang::ID, &toml), toml.to_string());
    }

    /// English pages show the domain's own wording, and every kind has Indonesian of its
    /// own.
    #[test]
    fn every_reason_has_both_languages() {
        let samples = samples();
        // Every kind the domain declares (one `#[error]` each) has its sample; the typed
        // errors a kind carries have one of each of theirs below.
        let declared = include_str!("../../../domain/src/reason.rs")
            .matches("#[error(")
            .count();
        let kinds: std::collections::HashSet<_> =
            samples.iter().map(std::mem::discriminant).collect();
        assert_eq!(kinds.len(), declared, "one sample of each kind");
        for reason in &samples {
            assert_eq!(reason_text(Lang::EN, reason), reason.to_string());
            let indonesian = reason_text(Lang::ID, reason);
            assert_ne!(indonesian, reason.to_string(), "{reason:?}");
            assert!(!indonesian.contains("{}"), "{reason:?}: {indonesian}");
        }
    }

    fn month(text: &str) -> Month {
        text.parse().unwrap()
    }

    fn value(text: &str) -> String {
        text.to_string()
    }

    /// One reason of each kind.
    fn samples() -> Vec<R> {
        [
            file_samples(),
            org_samples(),
            officer_samples(),
            policy_samples(),
        ]
        .concat()
    }

    /// A file and its rows: lengths, sheets, columns.
    fn file_samples() -> Vec<R> {
        vec![
            R::IsEmpty,
            R::IsRequired,
            R::Required,
            R::TooLong,
            R::LongerThan { max: 60 },
            R::Length { min: 1, max: 32 },
            SheetError::Unreadable(value("zip")).into(),
            SheetError::NoSheet.into(),
            SheetError::TooLarge.into(),
            CsvProblem::FieldCount {
                expected: 9,
                found: 3,
            }
            .into(),
            CsvProblem::NotUtf8.into(),
            CsvProblem::Other(value("CSV error")).into(),
            R::ColumnTwice,
            R::ColumnMissing,
            R::UnknownColumn {
                columns: vec![value("NIP"), value("NAMA")],
            },
            R::NoColumn {
                column: value("TPP DASAR"),
            },
            R::StoredAsNumber {
                value: value("0123"),
            },
            R::AlreadyOnLine {
                value: value("x"),
                line: 4,
            },
            R::AppearsTwice { value: value("7") },
        ]
    }

    /// Units, service hours and villages.
    fn org_samples() -> Vec<R> {
        vec![
            R::NotACode {
                value: value("Bad Id"),
            },
            R::UnitsShareAName {
                name: value("Puskesmas"),
            },
            R::NotAUnit {
                value: value("Dinas X"),
            },
            R::UnknownUnit {
                unit: value("dinas-x"),
            },
            R::UnknownRegency {
                regency: value("ngawi"),
            },
            R::UnknownRegencyService {
                service: value("ktp"),
                regency: value("pacitan"),
            },
            R::Cycle {
                parent: value("b"),
                path: vec![value("a"), value("b"), value("a")],
            },
            R::NotAWholeNumber { value: value("-1") },
            HoursError::Day(value("Xyz")).into(),
            HoursError::Range(value("08:00")).into(),
            HoursError::Backwards(value("16:00-08:00")).into(),
            HoursError::Repeated(value("Jum 08:00-11:00")).into(),
            HoursError::Part(value("Senin")).into(),
            R::NotAVillageKind {
                value: value("dusun"),
            },
            R::VillageCode {
                code: value("35.03"),
                problem: CodeError::Format,
            },
            R::VillageCode {
                code: value("35.03.01.1001"),
                problem: CodeError::KindMismatch,
            },
            R::NotAKecamatan {
                unit: value("dinkes"),
                kind: value("dinas"),
            },
            BoundaryError::NotGeoJson(value("EOF")).into(),
            BoundaryError::NotAnArea(value("Point")).into(),
            BoundaryError::OffTheGlobe.into(),
            BoundaryError::OpenRing.into(),
            BoundaryError::TooLarge.into(),
            R::OutsideRegency {
                code: value("35.04.01.2001"),
                regency: value("35.03"),
            },
            R::DistrictCodeTaken {
                code: value("35.03.01"),
                owner: value("kecamatan-panggul"),
                unit: value("kecamatan-dongko"),
            },
            R::DistrictCodeDiffers {
                unit: value("kecamatan-panggul"),
                code: value("35.03.01"),
                given: value("35.03.02"),
            },
            R::NotAnAmount {
                value: value("mahal"),
            },
            R::NotALevelList {
                value: value("provinsi"),
            },
        ]
    }

    /// Officers and the payroll's inputs.
    fn officer_samples() -> Vec<R> {
        let day = date!(2026 - 11 - 30);
        vec![
            R::NotANip {
                value: value("123"),
            },
            R::NoSuchSigner {
                nip: value("199912312020121001"),
            },
            R::NotAnNpwp { value: value("12") },
            R::NotAnAccountNumber {
                value: value("1.2E+15"),
            },
            R::NotAnEmail {
                value: value("sri@"),
            },
            R::AddressOfAnotherOfficer {
                email: value("sri@example.go.id"),
                owner: value("198001012005011001"),
            },
            R::NotYesNo {
                value: value("mungkin"),
            },
            R::NotADateValue {
                value: value("32-01-2026"),
            },
            R::OfficerLeftAlready { last_day: day },
            R::OfficerLeft { last_day: day },
            R::NotAfterAssignmentStart { day, since: day },
            R::ReachesClosedMonth {
                day,
                month: month("2026-11"),
            },
            R::LastDayBeforeStart {
                last_day: day,
                start: day,
            },
            R::LastDayTooFar { last_day: day },
            R::NotAStatus {
                value: value("cuti"),
            },
            R::GiveWhyLeaving,
            R::GiveLastDay,
            R::NotRupiah {
                value: value("banyak"),
            },
            R::NotAMonthLikeOctober {
                value: value("2026-13"),
            },
            R::NotAFactor { value: value("2") },
            R::NipTwice {
                nip: value("198001012005011001"),
                month: month("2026-10"),
            },
        ]
    }

    /// Policies, plans and accounts.
    fn policy_samples() -> Vec<R> {
        let half = Decimal::new(5, 1);
        vec![
            R::NotAMonth {
                value: value("2026-13"),
            },
            R::NotADecimal,
            R::not_between(40, 0, 31),
            R::TooManyPlaces {
                value: half,
                places: 4,
            },
            R::BelowZero { value: -1 },
            R::NotAGroup {
                value: value("III/c"),
            },
            R::NotATrust {
                value: value("anyone"),
            },
            R::FloorAboveCap {
                floor: half,
                cap: half,
            },
            R::NotAServingRule {
                value: value("all"),
            },
            R::NotAPartMonthRule {
                value: value("hari"),
            },
            R::BeforeEffectiveFrom,
            R::FallNotAboveZero,
            R::TooManyDeductions,
            R::DeductionsOver100,
            R::NotAConfidence { value: 80 },
            R::NotASampleRule {
                value: value("guess"),
            },
            R::WeightsSum {
                satisfaction: half,
                attendance: half,
                productivity: half,
            },
            R::SatisfactionWeightZero,
            R::StepsNeedABand,
            R::TwoBands { from: half },
            R::BandPaysLess {
                higher: half,
                lower: half,
            },
            R::NotARule {
                value: value("flat"),
            },
            R::ChooseElement,
            R::NotADate,
            R::ChooseDateColumn,
            R::ChooseDateOrder,
            R::NothingToImport,
            R::ChooseElementColumns,
            R::ColumnChosenTwice,
            R::NotBeforeThisMonth {
                month: month("2026-12"),
            },
            R::MonthHasSurveyResponses {
                month: month("2026-01"),
            },
            R::MonthAlreadyImported {
                month: month("2025-06"),
            },
            R::Username,
            R::PasswordLength,
            R::PasswordVariety,
            R::UnitAdminNeedsUnit,
            R::OfficerNeedsNip,
        ]
    }
}
