//! Validation of one submitted survey response.
//!
//! A response is anonymous: it names the service unit, optionally the service and the
//! officer (ASN, by NIP) who served, carries the answers and an optional respondent
//! profile and suggestion, but never the respondent's name or contact details. Phone
//! numbers, ID numbers and e-mail addresses typed into the suggestion are masked before
//! the response is stored (UU 27/2022).

use serde::Deserialize;

use crate::skm::{Answers, Element, Rating, ELEMENT_COUNT};

/// Longest suggestion kept, in characters.
pub const SUGGESTION_MAX_CHARS: usize = 1000;

/// What a client sends, before validation. Field names are the JSON API contract.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseDraft {
    /// Tenant (regency) code; the server's default tenant when absent.
    #[serde(default)]
    pub tenant: Option<String>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub service: Option<String>,
    /// Officer's NIP (18 digits).
    #[serde(default)]
    pub officer: Option<String>,
    /// Nine answers U1…U9, each 1–4 or null for "not answered".
    #[serde(default)]
    pub answers: Option<Vec<Option<i64>>>,
    #[serde(default)]
    pub profile: ProfileDraft,
    #[serde(default)]
    pub suggestion: Option<String>,
    /// Chosen by the client, unique per response; a retry with the same key is not counted again.
    #[serde(default)]
    pub idempotency_key: Option<String>,
    /// A one-time ticket code from the counter, when the response answers one.
    #[serde(default)]
    pub ticket: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileDraft {
    #[serde(default)]
    pub sex: Option<String>,
    #[serde(default)]
    pub age_band: Option<String>,
    #[serde(default)]
    pub education: Option<String>,
    #[serde(default)]
    pub occupation: Option<String>,
}

/// A response that passed validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidResponse {
    pub tenant: Option<String>,
    pub unit: String,
    pub service: Option<String>,
    pub officer: Option<String>,
    pub answers: Answers,
    pub profile: Profile,
    pub suggestion: Option<String>,
    pub idempotency_key: String,
    /// The normalized ticket code; the response then takes the ticket's unit, service and
    /// officer and counts as verified.
    pub ticket: Option<String>,
}

/// Why one field was refused. Rendered as English text in the API and translated on pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Required,
    /// A rating outside 1–4.
    RatingOutOfRange(i64),
    WrongAnswerCount(usize),
    NothingAnswered,
    /// Not one of the listed codes.
    NotOneOf(&'static [&'static str]),
    /// A code with characters outside `a-z 0-9 - _ .` or too long.
    BadCode {
        max_len: usize,
    },
    /// An idempotency key outside 8–128 characters of letters, digits and `- _ . :`.
    BadKey,
    BadNip,
    TooLong {
        max_chars: usize,
    },
    /// Well-formed, but no such unit, service, officer or tenant exists.
    Unknown,
    /// The service exists but belongs to another unit.
    ServiceOfOtherUnit,
    /// The officer exists but was not assigned to this unit (or a unit under it) that day.
    OfficerOfOtherUnit,
    /// The idempotency key was already used for a response with other content.
    KeyReused,
    /// A JSON value of the wrong type (e.g. a string where a number belongs), with the
    /// parser's explanation.
    WrongType(String),
    /// Not a ticket code (10 characters like `7K2M9-QXD4T`).
    BadTicket,
    /// The ticket was used already.
    TicketUsed,
    TicketExpired,
    /// The response names another unit, service or officer than the ticket was issued for.
    TicketMismatch,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's JSON path, e.g. `answers[2]` or `profile.sex`.
    pub field: String,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: impl Into<String>, problem: Problem) -> FieldError {
        FieldError {
            field: field.into(),
            problem,
        }
    }

    /// A stable machine-readable code for clients.
    pub fn code(&self) -> &'static str {
        match self.problem {
            Problem::Required => "required",
            Problem::RatingOutOfRange(_) => "out_of_range",
            Problem::WrongAnswerCount(_) => "wrong_count",
            Problem::NothingAnswered => "nothing_answered",
            Problem::NotOneOf(_) => "not_one_of",
            // The same code as other malformed codes: clients already handle it.
            Problem::BadCode { .. } | Problem::BadKey => "bad_code",
            Problem::BadNip => "bad_nip",
            Problem::TooLong { .. } => "too_long",
            Problem::Unknown => "unknown",
            Problem::ServiceOfOtherUnit => "service_of_other_unit",
            Problem::OfficerOfOtherUnit => "officer_of_other_unit",
            Problem::KeyReused => "key_reused",
            Problem::WrongType(_) => "wrong_type",
            Problem::BadTicket => "bad_ticket",
            Problem::TicketUsed => "ticket_used",
            Problem::TicketExpired => "ticket_expired",
            Problem::TicketMismatch => "ticket_mismatch",
        }
    }

    /// An English sentence for API clients and logs.
    pub fn message(&self) -> String {
        match &self.problem {
            Problem::Required => "is required".into(),
            Problem::RatingOutOfRange(v) => format!("{v} is outside the scale 1–4"),
            Problem::WrongAnswerCount(n) => {
                format!("needs {ELEMENT_COUNT} answers (U1…U9, null when not answered), got {n}")
            }
            Problem::NothingAnswered => "at least one of the nine elements must be answered".into(),
            Problem::NotOneOf(codes) => format!("must be one of: {}", codes.join(", ")),
            Problem::BadCode { max_len } => {
                format!("must be 1–{max_len} characters of a-z, 0-9, '-', '_' or '.'")
            }
            Problem::BadKey => {
                "must be 8–128 characters of letters, digits, '-', '_', '.' or ':'".into()
            }
            Problem::BadNip => "must be an 18-digit NIP".into(),
            Problem::TooLong { max_chars } => format!("is longer than {max_chars} characters"),
            Problem::Unknown => "does not exist".into(),
            Problem::ServiceOfOtherUnit => "belongs to another unit".into(),
            Problem::OfficerOfOtherUnit => {
                "was not assigned to this unit (or a unit under it) on that day".into()
            }
            Problem::KeyReused => {
                "was already used for a different response; use a new key for a new response".into()
            }
            Problem::WrongType(explanation) => explanation.clone(),
            Problem::BadTicket => "is not a ticket code (10 characters, like 7K2M9-QXD4T)".into(),
            Problem::TicketUsed => "was used already: each ticket counts once".into(),
            Problem::TicketExpired => "has expired".into(),
            Problem::TicketMismatch => {
                "was issued for another unit, service or officer than this response names".into()
            }
        }
    }
}

macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const CODES: &'static [&'static str] = &[$($code),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

code_enum!(
    /// Respondent's sex (jenis kelamin), optional.
    Sex { Female = "female", Male = "male" }
);
code_enum!(
    /// Respondent's age band, optional.
    AgeBand {
        Under20 = "under_20",
        From20To29 = "20_29",
        From30To39 = "30_39",
        From40To49 = "40_49",
        From50To59 = "50_59",
        From60 = "60_plus",
    }
);
code_enum!(
    /// Highest completed education (pendidikan terakhir), optional.
    Education {
        None = "none",
        Elementary = "sd",
        JuniorHigh = "smp",
        SeniorHigh = "sma",
        Diploma = "diploma",
        Bachelor = "s1",
        Postgraduate = "s2_s3",
    }
);
code_enum!(
    /// Main occupation (pekerjaan utama), optional.
    Occupation {
        CivilServant = "pns_tni_polri",
        PrivateEmployee = "private_employee",
        SelfEmployed = "self_employed",
        FarmerFisher = "farmer_fisher",
        Student = "student",
        Homemaker = "homemaker",
        NotWorking = "not_working",
        Other = "other",
    }
);

/// The anonymous respondent profile: every field optional.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    pub sex: Option<Sex>,
    pub age_band: Option<AgeBand>,
    pub education: Option<Education>,
    pub occupation: Option<Occupation>,
}

/// Checks every field and reports all problems at once, so a form can show them together.
pub fn validate(draft: ResponseDraft) -> Result<ValidResponse, Vec<FieldError>> {
    let mut errors = Vec::new();

    let tenant = optional_code(draft.tenant, "tenant", &mut errors);
    let unit = optional_code(draft.unit, "unit", &mut errors);
    if unit.is_none() && !errors.iter().any(|e| e.field == "unit") {
        errors.push(FieldError::new("unit", Problem::Required));
    }
    let service = optional_code(draft.service, "service", &mut errors);
    let officer = blank_to_none(draft.officer).and_then(|nip| {
        let digits: String = nip.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() == 18 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Some(digits)
        } else {
            errors.push(FieldError::new("officer", Problem::BadNip));
            None
        }
    });

    let answers = validate_answers(draft.answers, &mut errors);

    let profile = Profile {
        sex: profile_field(
            draft.profile.sex,
            "profile.sex",
            Sex::from_code,
            Sex::CODES,
            &mut errors,
        ),
        age_band: profile_field(
            draft.profile.age_band,
            "profile.age_band",
            AgeBand::from_code,
            AgeBand::CODES,
            &mut errors,
        ),
        education: profile_field(
            draft.profile.education,
            "profile.education",
            Education::from_code,
            Education::CODES,
            &mut errors,
        ),
        occupation: profile_field(
            draft.profile.occupation,
            "profile.occupation",
            Occupation::from_code,
            Occupation::CODES,
            &mut errors,
        ),
    };

    let suggestion = blank_to_none(draft.suggestion).and_then(|text| {
        if text.chars().count() > SUGGESTION_MAX_CHARS {
            errors.push(FieldError::new(
                "suggestion",
                Problem::TooLong {
                    max_chars: SUGGESTION_MAX_CHARS,
                },
            ));
            None
        } else {
            Some(mask_contact_details(&clean_text(&text)))
        }
    });

    let idempotency_key = match blank_to_none(draft.idempotency_key) {
        None => {
            errors.push(FieldError::new("idempotency_key", Problem::Required));
            None
        }
        Some(key) if valid_idempotency_key(&key) => Some(key),
        Some(_) => {
            errors.push(FieldError::new("idempotency_key", Problem::BadKey));
            None
        }
    };

    let ticket = blank_to_none(draft.ticket).and_then(|text| {
        let code = crate::integrity::ticket::normalize(&text);
        if code.is_none() {
            errors.push(FieldError::new("ticket", Problem::BadTicket));
        }
        code
    });

    match (unit, answers, idempotency_key) {
        (Some(unit), Some(answers), Some(idempotency_key)) if errors.is_empty() => {
            Ok(ValidResponse {
                tenant,
                unit,
                service,
                officer,
                answers,
                profile,
                suggestion,
                idempotency_key,
                ticket,
            })
        }
        _ => Err(errors),
    }
}

fn blank_to_none(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Unit, service and tenant codes: lowercase slugs, so they are safe in URLs and CSV.
pub fn valid_code(code: &str) -> bool {
    (1..=CODE_MAX_LEN).contains(&code.len())
        && code.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        })
}

const CODE_MAX_LEN: usize = 64;

fn optional_code(
    value: Option<String>,
    field: &str,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let value = blank_to_none(value)?.to_ascii_lowercase();
    if valid_code(&value) {
        Some(value)
    } else {
        errors.push(FieldError::new(
            field,
            Problem::BadCode {
                max_len: CODE_MAX_LEN,
            },
        ));
        None
    }
}

fn valid_idempotency_key(key: &str) -> bool {
    (8..=128).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
}

fn validate_answers(
    values: Option<Vec<Option<i64>>>,
    errors: &mut Vec<FieldError>,
) -> Option<Answers> {
    let Some(values) = values else {
        errors.push(FieldError::new("answers", Problem::Required));
        return None;
    };
    if values.len() != ELEMENT_COUNT {
        errors.push(FieldError::new(
            "answers",
            Problem::WrongAnswerCount(values.len()),
        ));
        return None;
    }
    let mut ratings = [None; ELEMENT_COUNT];
    let mut bad = false;
    for (element, value) in Element::ALL.iter().zip(values) {
        if let Some(value) = value {
            match Rating::new(value) {
                Some(rating) => ratings[element.index()] = Some(rating),
                None => {
                    bad = true;
                    errors.push(FieldError::new(
                        format!("answers[{}]", element.index()),
                        Problem::RatingOutOfRange(value),
                    ));
                }
            }
        }
    }
    if bad {
        return None;
    }
    match Answers::new(ratings) {
        Ok(answers) => Some(answers),
        Err(_) => {
            errors.push(FieldError::new("answers", Problem::NothingAnswered));
            None
        }
    }
}

fn profile_field<T>(
    value: Option<String>,
    field: &str,
    parse: fn(&str) -> Option<T>,
    codes: &'static [&'static str],
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    let value = blank_to_none(value)?;
    let parsed = parse(&value);
    if parsed.is_none() {
        errors.push(FieldError::new(field, Problem::NotOneOf(codes)));
    }
    parsed
}

/// Drops control characters other than line breaks, and trims.
fn clean_text(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect::<String>()
        .trim()
        .to_string()
}

/// Text that replaces a phone number, ID number or e-mail address in a suggestion.
pub const MASK: &str = "[disamarkan]";

/// Masks what could identify a respondent: runs of 10 or more digits (phone numbers,
/// NIK; spaces, dots, dashes and a leading + inside the run are part of it) and
/// e-mail addresses.
pub fn mask_contact_details(text: &str) -> String {
    // Full-width digits and signs (as phone keyboards type them) read as their ASCII twins.
    let text: String = text
        .chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
            '\u{FF20}' => '@',
            '\u{FF0E}' => '.',
            '\u{FF0B}' => '+',
            c => c,
        })
        .collect();
    let words: Vec<String> = text
        .split_inclusive(char::is_whitespace)
        .map(|word| {
            let trimmed = word.trim_end();
            if looks_like_email(trimmed) {
                format!("{MASK}{}", &word[trimmed.len()..])
            } else {
                word.to_string()
            }
        })
        .collect();
    mask_digit_runs(&words.concat())
}

fn looks_like_email(word: &str) -> bool {
    // "budi(at)gmail(dot)com", "budi[at]gmail.com": the usual ways of hiding an address.
    let mut word = word.to_lowercase();
    for (hidden, plain) in [
        ("(at)", "@"),
        ("[at]", "@"),
        ("{at}", "@"),
        ("(dot)", "."),
        ("[dot]", "."),
    ] {
        word = word.replace(hidden, plain);
    }
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    match word.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.')
        }
        None => false,
    }
}

fn mask_digit_runs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts_run = chars[i].is_ascii_digit()
            || (chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if !starts_run {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // Extend over digits and separators, ending on a digit.
        let (mut end, mut digits, mut j) = (i, 0, i);
        while j < chars.len()
            && (chars[j].is_ascii_digit()
                || matches!(
                    chars[j],
                    ' ' | '-' | '.' | '+' | '(' | ')' | '/' | '_' | ',' | '\u{2013}'
                ))
        {
            if chars[j].is_ascii_digit() {
                digits += 1;
                end = j + 1;
            }
            j += 1;
        }
        if digits >= 10 {
            out.push_str(MASK);
        } else {
            out.extend(&chars[i..end]);
        }
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ResponseDraft {
        ResponseDraft {
            unit: Some("dukcapil".into()),
            answers: Some(vec![
                Some(4),
                Some(3),
                Some(3),
                Some(4),
                Some(4),
                Some(3),
                Some(4),
                Some(2),
                Some(3),
            ]),
            idempotency_key: Some("kiosk-1:0001".into()),
            ..ResponseDraft::default()
        }
    }

    fn fields(result: Result<ValidResponse, Vec<FieldError>>) -> Vec<String> {
        result.unwrap_err().into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn accepts_a_minimal_response() {
        let valid = validate(draft()).unwrap();
        assert_eq!(valid.unit, "dukcapil");
        assert_eq!(
            valid
                .answers
                .get(Element::ComplaintHandling)
                .unwrap()
                .value(),
            2
        );
        assert_eq!(valid.profile, Profile::default());
    }

    #[test]
    fn reports_every_bad_field() {
        let mut d = draft();
        d.unit = None;
        d.answers = Some(vec![
            Some(4),
            Some(5),
            Some(0),
            None,
            None,
            None,
            None,
            None,
            None,
        ]);
        d.profile.sex = Some("x".into());
        d.officer = Some("123".into());
        d.idempotency_key = None;
        assert_eq!(
            fields(validate(d)),
            [
                "unit",
                "officer",
                "answers[1]",
                "answers[2]",
                "profile.sex",
                "idempotency_key"
            ]
        );
    }

    #[test]
    fn answers_need_nine_and_one_answered() {
        let mut d = draft();
        d.answers = Some(vec![Some(4); 8]);
        assert_eq!(fields(validate(d)), ["answers"]);
        let mut d = draft();
        d.answers = Some(vec![None; 9]);
        let errors = validate(d).unwrap_err();
        assert_eq!(errors[0].problem, Problem::NothingAnswered);
    }

    #[test]
    fn codes_are_normalised_and_checked() {
        let mut d = draft();
        d.unit = Some(" DukCapil ".into());
        d.officer = Some("19800101 200501 1 001".into());
        let valid = validate(d).unwrap();
        assert_eq!(valid.unit, "dukcapil");
        assert_eq!(valid.officer.as_deref(), Some("198001012005011001"));
        let mut d = draft();
        d.unit = Some("dinas kesehatan/../".into());
        assert_eq!(fields(validate(d)), ["unit"]);
    }

    #[test]
    fn suggestion_is_cleaned_masked_and_bounded() {
        let mut d = draft();
        d.suggestion =
            Some("  Tolong hubungi saya di 0812-3456-7890 atau budi@mail.com\u{7}  ".into());
        assert_eq!(
            validate(d).unwrap().suggestion.as_deref(),
            Some("Tolong hubungi saya di [disamarkan] atau [disamarkan]")
        );
        let mut d = draft();
        d.suggestion = Some("x".repeat(SUGGESTION_MAX_CHARS + 1));
        assert_eq!(fields(validate(d)), ["suggestion"]);
    }

    #[test]
    fn short_numbers_and_dates_are_kept() {
        assert_eq!(
            mask_contact_details("antre 45 menit, loket 3"),
            "antre 45 menit, loket 3"
        );
        assert_eq!(mask_contact_details("tgl 12-10-2026"), "tgl 12-10-2026");
        assert_eq!(
            mask_contact_details("NIK 3503123456780001."),
            "NIK [disamarkan]."
        );
        assert_eq!(mask_contact_details("+62 812 3456 7890"), "[disamarkan]");
    }

    #[test]
    fn hidden_contact_details_are_masked_too() {
        for (text, masked) in [
            ("wa 0812/3456/7890 ya", "wa [disamarkan] ya"),
            ("budi(at)gmail.com", "[disamarkan]"),
            ("email Budi[AT]gmail(dot)com.", "email [disamarkan]"),
            ("hp ０８１２３４５６７８９０", "hp [disamarkan]"),
            ("NIK 3503_0101_0101_0001", "NIK [disamarkan]"),
            ("budi＠mail．com", "[disamarkan]"),
        ] {
            assert_eq!(mask_contact_details(text), masked, "{text}");
        }
        assert_eq!(mask_contact_details("tgl 25/11/2026"), "tgl 25/11/2026");
    }

    #[test]
    fn profile_codes_round_trip() {
        for sex in Sex::ALL {
            assert_eq!(Sex::from_code(sex.code()), Some(*sex));
        }
        for o in Occupation::ALL {
            assert_eq!(Occupation::from_code(o.code()), Some(*o));
        }
        assert_eq!(AgeBand::CODES.len(), AgeBand::ALL.len());
        assert_eq!(Education::CODES.len(), Education::ALL.len());
    }
}
