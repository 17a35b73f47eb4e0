//! Validation of one submitted survey response.
//!
//! A response is anonymous: it names the service unit, optionally the service and the
//! officer (ASN, by NIP) who served, carries the answers and an optional respondent
//! profile and suggestion, but never the respondent's name or contact details. Phone
//! numbers, ID numbers and e-mail addresses typed into the suggestion are masked before
//! the response is stored (UU 27/2022); [`review`] holds back what such masking cannot
//! catch (names, addresses) until a person has looked.

pub mod adapt;
pub mod review;

use serde::Deserialize;

use crate::skm::{Answers, Element, Rating, ELEMENT_COUNT};

/// Longest suggestion kept, in characters.
pub const SUGGESTION_MAX_CHARS: usize = 1000;

/// What a client sends, before validation. Field names are the JSON API contract, and the
/// API document's schema of the body is derived from this type (feature `openapi`).
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ResponseDraft {
    /// Tenant (regency) code; the server's default tenant when absent.
    #[serde(default)]
    pub tenant: Option<String>,
    /// Unit code, e.g. dukcapil.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub unit: Option<String>,
    /// Service code of that unit.
    #[serde(default)]
    pub service: Option<String>,
    /// NIP (18 digits) of the officer who served.
    #[serde(default)]
    pub officer: Option<String>,
    /// U1…U9 on 1–4; null = not answered; at least one answered.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(required = true, schema_with = schema::answers))]
    pub answers: Option<Vec<Option<i64>>>,
    #[serde(default)]
    pub profile: ProfileDraft,
    /// Phone numbers, ID numbers and e-mail addresses are masked before storing.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub suggestion: Option<String>,
    /// Chosen by the client, unique per response; a retry with the same key is not counted
    /// again (the `Idempotency-Key` header may carry it instead).
    #[serde(default)]
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 8, max_length = 128, pattern = "^[A-Za-z0-9_.:-]+$")
    )]
    pub idempotency_key: Option<String>,
    /// A one-time ticket code from the counter, when the response answers one. The response
    /// must name the ticket's unit (and service and officer, when the ticket has them) and
    /// counts as verified. A used ticket is 409, an expired one 422.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(example = "7K2M9-QXD4T"))]
    pub ticket: Option<String>,
    /// Answers to the service's extra questions: stored and exported, never in the IKM.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub extra: Option<Vec<adapt::ExtraAnswerDraft>>,
}

/// The respondent's profile, each part optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ProfileDraft {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::sex))]
    pub sex: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::age_band))]
    pub age_band: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::education))]
    pub education: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = schema::occupation))]
    pub occupation: Option<String>,
}

/// Schemas the derive cannot say alone: the answers' range and the profile's codes.
#[cfg(feature = "openapi")]
mod schema {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, SchemaType, Type};

    use super::{AgeBand, Education, Occupation, Sex};
    use crate::skm::ELEMENT_COUNT;

    pub fn answers() -> ArrayBuilder {
        let answer = ObjectBuilder::new()
            .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
            .minimum(Some(1))
            .maximum(Some(4));
        ArrayBuilder::new()
            .items(answer)
            .min_items(Some(ELEMENT_COUNT))
            .max_items(Some(ELEMENT_COUNT))
    }

    fn codes(codes: &[&'static str]) -> ObjectBuilder {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(codes.iter().copied()))
    }

    pub fn sex() -> ObjectBuilder {
        codes(Sex::CODES)
    }

    pub fn age_band() -> ObjectBuilder {
        codes(AgeBand::CODES)
    }

    pub fn education() -> ObjectBuilder {
        codes(Education::CODES)
    }

    pub fn occupation() -> ObjectBuilder {
        codes(Occupation::CODES)
    }
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
    /// Answers to the service's extra questions, outside the IKM.
    pub extra: Vec<adapt::ExtraAnswer>,
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
    /// Not one of the extra question's answers.
    NotAChoice,
    /// The same extra question answered twice.
    Repeated,
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
            Problem::NotAChoice => "not_a_choice",
            Problem::Repeated => "repeated",
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
            Problem::NotAChoice => "is not one of the question's answers".into(),
            Problem::Repeated => "answers a question answered already".into(),
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

    let extra = adapt::validate_extra(draft.extra, &mut errors);

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
                extra,
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

/// Masks what could identify a respondent: runs of 10 or more digits (phone numbers, NIK)
/// and e-mail addresses, however they were dressed up to pass a filter. Digits of any
/// script and width count; spaces, line breaks, zero-width characters and any punctuation
/// or symbol inside a run are part of it; letters that look like digits (`l`, `I`, `O`,
/// `o`) between digits count as digits; an address may be written `budi @ gmail.com`,
/// `budi(at)gmail(dot)com`, `budi (at) gmail (dot) com` or `budi at gmail dot com`.
pub fn mask_contact_details(text: &str) -> String {
    let text: String = text
        .chars()
        .filter(|c| !is_invisible(*c))
        .map(|c| match c {
            '\u{FF20}' => '@',
            '\u{FF0E}' => '.',
            '\u{FF0B}' => '+',
            c => ascii_digit(c).unwrap_or(c),
        })
        .collect();
    mask_digit_runs(&mask_emails(&text))
}

/// Characters that show nothing: typed between digits, they would split a run unseen.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}')
}

/// A decimal digit of another script (Arabic-Indic, Persian, Devanagari, Bengali, Thai,
/// full-width …) as its ASCII twin.
fn ascii_digit(c: char) -> Option<char> {
    const ZEROS: [u32; 9] = [
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0E50, 0x1040, 0x17E0, 0xFF10,
    ];
    let code = c as u32;
    ZEROS
        .iter()
        .find(|zero| (**zero..**zero + 10).contains(&code))
        .and_then(|zero| char::from_digit(code - zero, 10))
}

/// E-mail addresses, each replaced by [`MASK`].
fn mask_emails(text: &str) -> String {
    // Written-out signs, with or without spaces around them, become the signs themselves.
    let mut joined = text.to_string();
    for (hidden, plain) in [
        ("(at)", "@"),
        ("[at]", "@"),
        ("{at}", "@"),
        ("(dot)", "."),
        ("[dot]", "."),
        ("{dot}", "."),
    ] {
        joined = replace_ignoring_case(&joined, hidden, plain);
    }
    let words: Vec<&str> = joined.split_inclusive(char::is_whitespace).collect();
    let bare = |i: usize| -> String {
        words
            .get(i)
            .map(|w| w.trim().to_lowercase())
            .unwrap_or_default()
    };
    let mut out = String::with_capacity(joined.len());
    let mut i = 0;
    while i < words.len() {
        // `budi @ gmail.com`, `budi @gmail.com`, `budi at gmail dot com`: one address.
        let glued = if bare(i + 1) == "@" && !bare(i + 2).is_empty() {
            Some((3, format!("{}@{}", bare(i), bare(i + 2))))
        } else if (bare(i + 1).starts_with('@') && bare(i + 1).len() > 1)
            || (bare(i).ends_with('@') && !bare(i + 1).is_empty())
        {
            Some((2, format!("{}{}", bare(i), bare(i + 1))))
        } else if bare(i + 1) == "at" && bare(i + 3) == "dot" && !bare(i + 4).is_empty() {
            Some((5, format!("{}@{}.{}", bare(i), bare(i + 2), bare(i + 4))))
        } else {
            None
        };
        let glued = glued.map(|(n, word)| {
            // Further "dot part" pairs belong to the address too (`go dot id`).
            let mut n = n;
            let mut word = word;
            while bare(i + n) == "dot" && !bare(i + n + 1).is_empty() {
                word = format!("{word}.{}", bare(i + n + 1));
                n += 2;
            }
            (n, word)
        });
        match glued {
            Some((n, word)) if looks_like_email(&word) => {
                let last = words[i + n - 1];
                out.push_str(MASK);
                out.push_str(&last[last.trim_end().len()..]);
                i += n;
            }
            _ => {
                let word = words[i];
                let trimmed = word.trim_end();
                if looks_like_email(trimmed) {
                    out.push_str(MASK);
                    out.push_str(&word[trimmed.len()..]);
                } else {
                    out.push_str(word);
                }
                i += 1;
            }
        }
    }
    out
}

/// `text` with every `hidden` (ASCII, any case) replaced by `plain`, and the spaces on
/// either side of it dropped.
fn replace_ignoring_case(text: &str, hidden: &str, plain: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    while let Some(found) = lower[rest..].find(hidden) {
        let start = rest + found;
        out.push_str(text[rest..start].trim_end_matches(' '));
        out.push_str(plain);
        rest = start + hidden.len();
        rest += text[rest..].len() - text[rest..].trim_start_matches(' ').len();
    }
    out.push_str(&text[rest..]);
    out
}

fn looks_like_email(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    match word.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !domain.starts_with('.')
        }
        None => false,
    }
}

/// A letter typed for a digit: `l` and `I` for 1, `O` and `o` for 0.
fn looks_like_digit(c: char) -> bool {
    matches!(c, 'l' | 'I' | 'O' | 'o')
}

fn mask_digit_runs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    // Inside a run: a digit, a separator (anything but a letter or digit), or a word of
    // look-alike letters only (`9O`, `08l2`), which counts as digits.
    let look_alike_word = |j: usize| -> usize {
        let len = chars[j..].iter().take_while(|c| c.is_alphabetic()).count();
        let before_is_letter = j > 0 && chars[j - 1].is_alphabetic();
        let all = chars[j..j + len].iter().all(|c| looks_like_digit(*c));
        if !before_is_letter && all {
            len
        } else {
            0
        }
    };
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
        // Extend over digits, look-alikes and separators, ending on a digit or look-alike.
        let (mut end, mut digits, mut j) = (i, 0, i);
        while j < chars.len() {
            let c = chars[j];
            if c.is_ascii_digit() {
                digits += 1;
                j += 1;
                end = j;
            } else if c.is_alphabetic() {
                let len = look_alike_word(j);
                if len == 0 {
                    break;
                }
                digits += len;
                j += len;
                end = j;
            } else if c.is_alphanumeric() {
                break;
            } else {
                j += 1;
            }
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
    fn contact_details_dressed_up_to_pass_a_filter_are_masked() {
        for text in [
            "0812*3456*7890",
            "0812|3456|7890",
            "0812:3456:7890",
            "0812~3456~7890",
            "0812\u{2014}3456\u{2014}7890",
            "0812\u{B7}3456\u{B7}7890",
            "0812\n3456\n7890",
            "0812\u{200B}3456\u{200B}7890",
            "\u{660}\u{668}\u{661}\u{662}\u{663}\u{664}\u{665}\u{666}\u{667}\u{668}\u{669}\u{660}",
            "08l2345678 9O",
            "budi (at) gmail (dot) com",
            "budi @ gmail.com",
            "budi@ gmail.com",
            "budi at gmail dot com",
            "budi at trenggalekkab dot go dot id",
        ] {
            assert_eq!(
                mask_contact_details(&format!("hubungi {text} ya")),
                "hubungi [disamarkan] ya",
                "{text:?}"
            );
        }
        for kept in [
            "tgl 25/11/2026 jam 10:30",
            "10 Oktober 2026, loket 3 dan 4",
            "12 orang antre 45 menit",
            "datang at 9 lalu pulang",
        ] {
            assert_eq!(mask_contact_details(kept), kept);
        }
    }

    proptest::proptest! {
        /// Phone numbers and NIKs written with any separators, scripts and look-alike
        /// letters, and addresses written out, inside ordinary words: none survives.
        #[test]
        fn no_generated_contact_detail_survives(
            digits in proptest::collection::vec(0u32..10, 10..17),
            separators in proptest::collection::vec(
                proptest::sample::select(vec![
                    "", "", " ", "-", ".", "*", "|", ":", "~", "\u{2014}", "\u{B7}", "\n",
                    "\u{200B}", "/", "_", " - ", "(", ")",
                ]),
                17,
            ),
            zero in proptest::sample::select(vec![0x30u32, 0x660, 0x6F0, 0x966, 0xFF10]),
            look_alike in proptest::bool::ANY,
            user in "[a-z]{3,10}",
            host in "[a-z]{3,10}",
            email_form in 0usize..6,
            // Upper case, so they never spell the lower-case address by chance.
            before in "[A-Z ]{0,20}",
            after in "[A-Z ]{0,20}",
        ) {
            let mut phone = String::new();
            for (i, d) in digits.iter().enumerate() {
                let c = match (look_alike, d) {
                    (true, 0) if i > 0 => 'O',
                    (true, 1) if i > 0 => 'l',
                    _ => char::from_u32(zero + d).unwrap(),
                };
                phone.push(c);
                if i + 1 < digits.len() {
                    phone.push_str(separators[i]);
                }
            }
            let email = match email_form {
                0 => format!("{user}@{host}.com"),
                1 => format!("{user} @ {host}.com"),
                2 => format!("{user}(at){host}(dot)com"),
                3 => format!("{user} (at) {host} (dot) com"),
                4 => format!("{user} at {host} dot com"),
                _ => format!("{user}[AT]{host}.co.id"),
            };
            let text = format!("{before} {phone} {after} {email} {after}");
            let masked = mask_contact_details(&text);
            proptest::prop_assert!(
                !masked.chars().any(|c| c.is_numeric()),
                "{text:?} → {masked:?}"
            );
            proptest::prop_assert!(
                !masked.replace(MASK, "").contains(&host),
                "{text:?} → {masked:?}"
            );
        }
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
