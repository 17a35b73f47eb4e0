//! Why the domain refuses a value: a file's row, a policy's field, a plan, a new account.
//!
//! Each kind of refusal is one variant carrying the values its message needs, so a page
//! translates it by kind (the app's `reason_text`) and never by its English wording. The
//! English (`Display`) is the wording logs, the command line and stored records keep.
//!
//! A file, service hours, a boundary or a village code have their own typed errors where
//! they are read ([`SheetError`], [`CsvProblem`], [`HoursError`], [`BoundaryError`],
//! [`CodeError`]); a reason carries them as they are. This module imports only such value
//! types, none of the modules that refuse, so it closes no import circle.

use time::Date;

use crate::decimal::Decimal;
use crate::org::hours::HoursError;
use crate::org::village::{BoundaryError, CodeError};
use crate::period::Month;
use crate::spreadsheet::{CsvProblem, SheetError};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Reason {
    // A value missing or of the wrong length.
    #[error("is empty")]
    IsEmpty,
    #[error("is required")]
    IsRequired,
    /// As a follow-up plan words it.
    #[error("required")]
    Required,
    #[error("too long")]
    TooLong,
    #[error("is longer than {max} characters")]
    LongerThan { max: usize },
    #[error("must be {min}–{max} characters")]
    Length { min: usize, max: usize },

    // A file, its header and its rows.
    /// A workbook that cannot be read as a list.
    #[error(transparent)]
    Workbook(#[from] SheetError),
    /// A row (or the header) the CSV reader refuses.
    #[error(transparent)]
    Csv(#[from] CsvProblem),
    #[error("column appears twice")]
    ColumnTwice,
    #[error("required column is missing")]
    ColumnMissing,
    #[error("unknown column; the columns this list takes are {}", .columns.join(", "))]
    UnknownColumn { columns: Vec<String> },
    #[error("the header has no column '{column}'")]
    NoColumn { column: String },
    #[error("'{value}' is stored as a number, which loses leading zeros: format the column as text and type it again")]
    StoredAsNumber { value: String },
    #[error("'{value}' appears already on line {line}")]
    AlreadyOnLine { value: String, line: u64 },
    #[error("'{value}' appears twice")]
    AppearsTwice { value: String },

    // Codes and units.
    #[error(
        "'{value}' is not a code: use lowercase letters, digits, '-', '_' or '.' (at most 64)"
    )]
    NotACode { value: String },
    #[error("several units are named '{name}': give the unit's code")]
    UnitsShareAName { name: String },
    #[error("'{value}' is neither the code nor the name of a unit, stored or imported with it")]
    NotAUnit { value: String },
    #[error("unit '{unit}' is neither stored nor among the units imported with it")]
    UnknownUnit { unit: String },
    #[error("'{regency}' is neither the code nor the name of a regency on this deployment")]
    UnknownRegency { regency: String },
    #[error("regency '{regency}' has no service with the code '{service}'")]
    UnknownRegencyService { service: String, regency: String },
    #[error("'{parent}' would make a cycle: {}", .path.join(" → "))]
    Cycle { parent: String, path: Vec<String> },
    #[error("'{value}' is not a whole number ≥ 0")]
    NotAWholeNumber { value: String },

    #[error(transparent)]
    ServiceHours(#[from] HoursError),

    // Villages.
    #[error("'{value}' is neither desa nor kelurahan")]
    NotAVillageKind { value: String },
    #[error("'{code}' {problem}")]
    VillageCode { code: String, problem: CodeError },
    #[error("unit '{unit}' is a {kind}, not a kecamatan")]
    NotAKecamatan { unit: String, kind: String },
    #[error(transparent)]
    Boundary(#[from] BoundaryError),
    #[error("'{code}' is not in regency {regency} like the other villages")]
    OutsideRegency { code: String, regency: String },
    /// `code`, the district part of a village code, is another district unit's.
    #[error("district code {code} belongs to '{owner}', not '{unit}'")]
    DistrictCodeTaken {
        code: String,
        owner: String,
        unit: String,
    },
    /// The unit's villages have district code `code`; a row gives `given`.
    #[error("the villages of '{unit}' have district code {code}, not {given}")]
    DistrictCodeDiffers {
        unit: String,
        code: String,
        given: String,
    },

    // The Musrena catalogue.
    #[error("'{value}' is not an amount in rupiah")]
    NotAnAmount { value: String },
    #[error("'{value}' is not a list of desa, kecamatan, kabupaten (separated by ;)")]
    NotALevelList { value: String },

    // Officers, their pay details and departures.
    #[error("'{value}' is not an 18-digit NIP")]
    NotANip { value: String },
    #[error("no officer has NIP {nip}: import them in the officers' list first or with it")]
    NoSuchSigner { nip: String },
    #[error("'{value}' is not an NPWP of 15 or 16 digits")]
    NotAnNpwp { value: String },
    #[error("'{value}' is not an account number of 5 to 20 digits (a spreadsheet that shows it in exponent form has lost digits: store it as text)")]
    NotAnAccountNumber { value: String },
    #[error("'{value}' is not an e-mail address")]
    NotAnEmail { value: String },
    #[error("'{email}' is the address of another officer ({owner})")]
    AddressOfAnotherOfficer { email: String, owner: String },
    #[error("'{value}' is not ya/tidak (yes/no)")]
    NotYesNo { value: String },
    #[error("'{value}' is not a date such as 2024-01-02 or 02-01-2024")]
    NotADateValue { value: String },
    #[error("the officer left on {last_day} already")]
    OfficerLeftAlready { last_day: Date },
    #[error("the officer left on {last_day}: to bring them back, give a date after it")]
    OfficerLeft { last_day: Date },
    #[error("{day} is not after the start of the current assignment ({since})")]
    NotAfterAssignmentStart { day: Date, since: Date },
    #[error("{day} reaches back into {month}, whose TPP is approved or locked and never changes: give a date after {month}")]
    ReachesClosedMonth { day: Date, month: Month },
    #[error("{last_day} is before the assignment starts ({start})")]
    LastDayBeforeStart { last_day: Date, start: Date },
    #[error("{last_day} is more than a year ahead")]
    LastDayTooFar { last_day: Date },
    #[error("'{value}' is not a status: aktif, pensiun, meninggal, mutasi keluar, diberhentikan or CLTN")]
    NotAStatus { value: String },
    #[error(
        "give why the officer leaves: pensiun, meninggal, mutasi keluar, diberhentikan or CLTN"
    )]
    GiveWhyLeaving,
    #[error("give the officer's last working day")]
    GiveLastDay,

    // The payroll's imported inputs.
    #[error("'{value}' is not whole rupiah like 4500000 or 4.500.000")]
    NotRupiah { value: String },
    /// As the components' file words it (its example is October's).
    #[error("'{value}' is not a month like 2026-10")]
    NotAMonthLikeOctober { value: String },
    #[error("'{value}' is not a factor from 0 to 1 (like 0.95) or a percentage (like 95%)")]
    NotAFactor { value: String },
    #[error("{nip} appears twice for {month}")]
    NipTwice { nip: String, month: Month },

    // A TPP policy.
    #[error("'{value}' is not a month like 2026-01")]
    NotAMonth { value: String },
    #[error("is not a plain decimal number such as 0.85")]
    NotADecimal,
    #[error("{value} is not between {low} and {high}")]
    NotBetween { value: Decimal, low: i64, high: i64 },
    #[error("{value} has more than {places} decimal places")]
    TooManyPlaces { value: Decimal, places: u32 },
    #[error("{value} is below 0")]
    BelowZero { value: i64 },
    #[error("'{value}' is not a golongan group such as III or IV")]
    NotAGroup { value: String },
    #[error("'{value}' is not open, onsite or verified")]
    NotATrust { value: String },
    #[error("{floor} is above the cap {cap}")]
    FloorAboveCap { floor: Decimal, cap: Decimal },
    #[error("'{value}' is not unit or units_led")]
    NotAServingRule { value: String },
    #[error("'{value}' is not last_day or days")]
    NotAPartMonthRule { value: String },
    #[error("is before effective_from")]
    BeforeEffectiveFrom,
    #[error("must be above 0: leave it out for no limit")]
    FallNotAboveZero,
    #[error("has more than 10 deductions")]
    TooManyDeductions,
    #[error("withhold more than 100 percent from some rank together")]
    DeductionsOver100,
    #[error("{value} is not 90, 95 or 99")]
    NotAConfidence { value: i64 },
    #[error("'{value}' is not krejcie_morgan or min_responses")]
    NotASampleRule { value: String },
    #[error("{satisfaction} + {attendance} + {productivity} does not add up to 1")]
    WeightsSum {
        satisfaction: Decimal,
        attendance: Decimal,
        productivity: Decimal,
    },
    #[error("must be above 0: this is a satisfaction-linked allowance")]
    SatisfactionWeightZero,
    #[error("a steps rule needs at least one band")]
    StepsNeedABand,
    #[error("two bands start at {from}")]
    TwoBands { from: Decimal },
    #[error("the band from {higher} pays less than the band from {lower}")]
    BandPaysLess { higher: Decimal, lower: Decimal },
    #[error("'{value}' is not proportional, linear_to_threshold or steps")]
    NotARule { value: String },

    // A follow-up plan.
    #[error("choose one of U1–U9")]
    ChooseElement,
    #[error("not a date YYYY-MM-DD")]
    NotADate,

    // A past survey's export (history).
    #[error("choose the column that holds the date")]
    ChooseDateColumn,
    #[error(
        "choose how the dates are written: no date shows whether the day or the month comes first"
    )]
    ChooseDateOrder,
    #[error("no row answers any element")]
    NothingToImport,
    #[error("choose the column of at least one element")]
    ChooseElementColumns,
    #[error("the column is chosen for more than one question")]
    ColumnChosenTwice,
    #[error(
        "{} is not past yet: history ends before this month, which the survey counts itself", month_words(*month)
    )]
    NotBeforeThisMonth { month: Month },
    #[error(
        "{} already has responses from the survey; history fills only the months before it", month_words(*month)
    )]
    MonthHasSurveyResponses { month: Month },
    #[error("{} is already in an earlier import: remove that import first", month_words(*month))]
    MonthAlreadyImported { month: Month },

    // A new account.
    #[error("username: 3–64 characters of a–z, 0–9, '.', '_' or '-'")]
    Username,
    #[error("password: at least 12 characters")]
    PasswordLength,
    #[error("password: at least 5 different characters")]
    PasswordVariety,
    #[error("a unit admin needs a unit")]
    UnitAdminNeedsUnit,
    #[error("an officer account needs the officer's 18-digit NIP")]
    OfficerNeedsNip,
}

/// A month as English words ("March 2025"): a refusal names the month a person picked
/// from their file, not a code.
fn month_words(month: Month) -> String {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let name = NAMES
        .get(usize::from(month.month()) - 1)
        .copied()
        .unwrap_or_default();
    format!("{name} {}", month.year())
}

impl Reason {
    /// A whole number outside `low..=high`.
    pub fn not_between(value: i64, low: i64, high: i64) -> Reason {
        Reason::NotBetween {
            value: Decimal::new(value, 0),
            low,
            high,
        }
    }
}

/// Written as its English text, as rows and problems were before reasons had kinds.
impl serde::Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_the_domain_always_wrote_them() {
        let cycle = Reason::Cycle {
            parent: "a".into(),
            path: vec!["b".into(), "a".into(), "b".into()],
        };
        assert_eq!(cycle.to_string(), "'a' would make a cycle: b → a → b");
        let columns = Reason::UnknownColumn {
            columns: vec!["NIP".into(), "NAMA".into()],
        };
        assert_eq!(
            columns.to_string(),
            "unknown column; the columns this list takes are NIP, NAMA"
        );
        assert_eq!(
            serde_json::to_value(Reason::Length { min: 1, max: 40 }).unwrap(),
            "must be 1–40 characters"
        );
        // A typed error the reason carries reads as it always did.
        let code = Reason::VillageCode {
            code: "35.x".into(),
            problem: CodeError::Format,
        };
        assert_eq!(
            code.to_string(),
            "'35.x' is not a Kemendagri village code like 35.03.01.2001"
        );
        let hours = Reason::from(HoursError::Backwards("16:00-08:00".into()));
        assert_eq!(hours.to_string(), "'16:00-08:00' must start before it ends");
    }
}
