//! Page texts in Indonesian (first), English, and any language whose file is added. The
//! texts live in Project Fluent files, `crates/app/locales/<code>.ftl`, which translators
//! edit without Rust; [`catalogue`] names each message for the code, and [`Lang`] reads it.

pub mod catalogue;
pub mod innovation;
mod locales;
pub mod reasons;

pub use reasons::reason_text;

use crate::i18n::catalogue as T;
use suara_domain::skm::{Element, Grade};
use suara_domain::survey::{AgeBand, Education, FieldError, Occupation, Problem, Sex};

/// A language of the pages: one of the translation files, Indonesian first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Lang(u8);

impl Lang {
    /// Indonesian: the reference language and the default.
    pub const ID: Lang = Lang(0);
    pub const EN: Lang = Lang(1);

    /// Every language there is a file for, Indonesian first.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..locales::LOCALES.len()).filter_map(|i| u8::try_from(i).ok().map(Lang))
    }

    /// The language with this code (`id`, `en`, or another file's name); Indonesian otherwise.
    pub fn from_code(code: Option<&str>) -> Lang {
        Lang::all()
            .find(|lang| Some(lang.code()) == code)
            .unwrap_or_default()
    }

    /// From a query string's `lang` parameter.
    pub fn from_query(query: Option<&str>) -> Lang {
        let pairs: Vec<(String, String)> = query
            .and_then(|q| serde_urlencoded::from_str(q).ok())
            .unwrap_or_default();
        Lang::from_code(
            pairs
                .iter()
                .find(|(k, _)| k == "lang")
                .map(|(_, v)| v.as_str()),
        )
    }

    /// The language's code, as in its file's name and HTML's `lang`.
    pub fn code(self) -> &'static str {
        self.locale().code
    }

    /// The languages a page offers to switch to.
    pub fn others(self) -> impl Iterator<Item = Lang> {
        Lang::all().filter(move |lang| *lang != self)
    }

    fn locale(self) -> &'static locales::Locale {
        let all = locales::all();
        all.get(usize::from(self.0)).unwrap_or(&all[0])
    }

    /// A message by its identifier; Indonesian's when this language's file lacks it.
    fn message(self, id: &str) -> &'static str {
        self.locale()
            .plain(id)
            .or_else(|| Lang::ID.locale().plain(id))
            .unwrap_or("")
    }

    fn month_name(self, month: u8) -> &'static str {
        self.message(&format!("calendar-month-{month}"))
    }

    /// A day as people write it: "25 November 2026" (month names in this language).
    pub fn date(self, date: time::Date) -> String {
        let name = self.month_name(u8::from(date.month()));
        format!("{} {name} {}", date.day(), date.year())
    }

    /// A month as people write it: "Oktober 2026".
    pub fn month(self, month: suara_domain::period::Month) -> String {
        self.fill(
            T::PERIOD_MONTH,
            &[&self.month_name(month.month()), &month.year()],
        )
    }

    /// A month in a chart's few letters: "Okt '26", "Agu '26" ("Oct '26" in English).
    pub fn short_month(self, month: suara_domain::period::Month) -> String {
        let name: String = self.month_name(month.month()).chars().take(3).collect();
        format!("{name} '{:02}", month.year() % 100)
    }

    /// A period in words: "Oktober 2026", "Triwulan III 2026"; "Q3 2026" in English.
    pub fn period(self, period: suara_domain::period::Period) -> String {
        use suara_domain::period::Period;
        const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
        let roman = |n: u8| ROMAN[usize::from(n.clamp(1, 4) - 1)];
        match period {
            Period::Month(m) => self.month(m),
            Period::Quarter { year, quarter } => {
                self.fill(T::PERIOD_QUARTER, &[&quarter, &roman(quarter), &year])
            }
            Period::Semester { year, semester } => {
                self.fill(T::PERIOD_SEMESTER, &[&semester, &roman(semester), &year])
            }
            Period::Year(year) => self.fill(T::PERIOD_YEAR, &[&year]),
        }
    }

    /// A moment as people write it: "25 November 2026 20:59", in the given offset.
    pub fn date_time(self, at: time::OffsetDateTime, offset: time::UtcOffset) -> String {
        let local = at.to_offset(offset);
        format!(
            "{} {:02}:{:02}",
            self.date(local.date()),
            local.hour(),
            local.minute()
        )
    }

    /// A decimal as this language writes it: `76,47` in Indonesian, `76.47` in English.
    pub fn decimal(self, value: impl std::fmt::Display) -> String {
        value
            .to_string()
            .replace('.', self.t(T::NUMBER_DECIMAL_SEPARATOR))
    }

    /// A text of the [`catalogue`] in this language, `{}` standing for any values.
    pub fn t(self, text: Text) -> &'static str {
        self.message(text.id)
    }

    /// A text of the [`catalogue`] with its values (`$v1`, `$v2`… in the file) filled in.
    pub fn fill(self, text: Text, values: &[&dyn std::fmt::Display]) -> String {
        self.locale()
            .format(text.id, values)
            .or_else(|| Lang::ID.locale().format(text.id, values))
            .unwrap_or_default()
    }

    /// The public pages' texts in this language.
    pub fn texts(self) -> &'static Texts {
        static ALL: std::sync::OnceLock<Vec<Texts>> = std::sync::OnceLock::new();
        let all = ALL.get_or_init(|| Lang::all().map(Texts::load).collect());
        all.get(usize::from(self.0)).unwrap_or(&all[0])
    }
}

/// A message of the translation files, named by its identifier there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub id: &'static str,
}

impl Text {
    pub const fn new(id: &'static str) -> Text {
        Text { id }
    }
}

/// One survey question (per SKM element) with its four answer labels, 1 → 4.
pub struct Question {
    pub text: &'static str,
    pub options: [&'static str; 4],
}

/// The public pages' texts as fields: `site-<field>` and `question-<n>[-option-<m>]` in the
/// files.
macro_rules! site_texts {
    ($($field:ident),* $(,)?) => {
        pub struct Texts {
            $(pub $field: &'static str,)*
            pub questions: [Question; 9],
        }

        impl Texts {
            fn load(lang: Lang) -> Texts {
                let site = |field: &str| lang.message(&format!("site-{}", field.replace('_', "-")));
                Texts {
                    $($field: site(stringify!($field)),)*
                    questions: std::array::from_fn(|i| Question {
                        text: lang.message(&format!("question-{}", i + 1)),
                        options: std::array::from_fn(|j| {
                            lang.message(&format!("question-{}-option-{}", i + 1, j + 1))
                        }),
                    }),
                }
            }
        }
    };
}

site_texts! {
    language_name, skip_to_content, site_name, site_tagline, footer, home_title, home_intro,
    home_units, home_no_units, take_survey, ikm_this_year, no_responses_yet, responses_word,
    chain_heading, chain_intro, chain_day, chain_links, chain_head, chain_now, survey_title,
    survey_intro, survey_unit, survey_service, survey_service_any, survey_officer,
    questions_heading, profile_heading, profile_intro, sex, age_band, education, occupation,
    prefer_not_to_say, suggestion, suggestion_hint, submit, errors_heading, thanks_title,
    thanks_body, receipt_label, receipt_hint, receipt_check, received_at, already_received,
    another_response, back_home, not_found_title, not_found_body, error_title, error_body,
    missing_regency, missing_unit, missing_officer, missing_run, missing_forum,
    missing_proposal, bad_address_title, bad_period, period_examples, bad_month,
    month_examples, bad_request, forbidden_title, forbidden_body, sign_in_first_title,
    sign_in_first_body, too_many_title, too_many_body, server_error_body, back_to_start,
    staff_sign_in, find_unit, search, no_unit_matches, meta_description,
}

/// An SKM element's name: the official Indonesian one (PermenPANRB 14/2017), or English.
pub fn element_name(lang: Lang, element: Element) -> &'static str {
    lang.t(match element {
        Element::Requirements => catalogue::ELEMENT_REQUIREMENTS,
        Element::Procedure => catalogue::ELEMENT_PROCEDURE,
        Element::CompletionTime => catalogue::ELEMENT_COMPLETION_TIME,
        Element::Cost => catalogue::ELEMENT_COST,
        Element::ProductSpecification => catalogue::ELEMENT_PRODUCT_SPECIFICATION,
        Element::Competence => catalogue::ELEMENT_COMPETENCE,
        Element::Behaviour => catalogue::ELEMENT_BEHAVIOUR,
        Element::ComplaintHandling => catalogue::ELEMENT_COMPLAINT_HANDLING,
        Element::Facilities => catalogue::ELEMENT_FACILITIES,
    })
}

/// A group Musrena and innovations serve (women, children, each disability…), in words.
pub fn group_label(lang: Lang, group: suara_domain::musrena::forum::Group) -> &'static str {
    use suara_domain::musrena::forum::Group;
    match group {
        Group::Women => lang.t(T::WOMEN),
        Group::Children => lang.t(T::CHILDREN),
        Group::DisabilityPhysical => lang.t(T::PHYSICAL_DISABILITY),
        Group::DisabilityVisual => lang.t(T::VISUAL_DISABILITY),
        Group::DisabilityHearing => lang.t(T::HEARING_SPEECH_DISABILITY),
        Group::DisabilityIntellectual => lang.t(T::INTELLECTUAL_DISABILITY),
        Group::DisabilityMental => lang.t(T::PSYCHOSOCIAL_DISABILITY),
        Group::Elderly => lang.t(T::ELDERLY),
        Group::OtherVulnerable => lang.t(T::OTHER_VULNERABLE_GROUPS),
    }
}

pub fn role_label(lang: Lang, role: suara_domain::access::Role) -> &'static str {
    use suara_domain::access::Role;
    lang.t(match role {
        Role::Administrator => T::ROLE_ADMINISTRATOR,
        Role::UnitAdmin => T::ROLE_UNIT_ADMIN,
        Role::Hr => T::ROLE_HR,
        Role::Finance => T::ROLE_FINANCE,
        Role::Inspectorate => T::ROLE_INSPECTORATE,
        Role::Planner => T::ROLE_PLANNER,
        Role::Officer => T::ROLE_OFFICER,
        Role::Province => T::ROLE_PROVINCE,
    })
}

/// A grade's official performance label, or its English.
pub fn grade_label(lang: Lang, grade: Grade) -> &'static str {
    lang.t(match grade {
        Grade::A => catalogue::GRADE_A,
        Grade::B => catalogue::GRADE_B,
        Grade::C => catalogue::GRADE_C,
        Grade::D => catalogue::GRADE_D,
    })
}

/// A follow-up plan's status in words.
pub fn plan_status_label(lang: Lang, status: suara_domain::skm::follow_up::Status) -> &'static str {
    use suara_domain::skm::follow_up::Status;
    lang.t(match status {
        Status::Planned => catalogue::PLAN_PLANNED,
        Status::InProgress => catalogue::PLAN_IN_PROGRESS,
        Status::Done => catalogue::PLAN_DONE,
    })
}

pub fn sex_label(lang: Lang, value: Sex) -> &'static str {
    lang.t(match value {
        Sex::Female => T::SEX_FEMALE,
        Sex::Male => T::SEX_MALE,
    })
}

pub fn age_band_label(lang: Lang, value: AgeBand) -> &'static str {
    lang.t(match value {
        AgeBand::Under20 => T::AGE_UNDER_20,
        AgeBand::From20To29 => T::AGE_20_29,
        AgeBand::From30To39 => T::AGE_30_39,
        AgeBand::From40To49 => T::AGE_40_49,
        AgeBand::From50To59 => T::AGE_50_59,
        AgeBand::From60 => T::AGE_60_OR_OLDER,
    })
}

pub fn education_label(lang: Lang, value: Education) -> &'static str {
    lang.t(match value {
        Education::None => T::EDUCATION_NONE,
        Education::Elementary => T::EDUCATION_ELEMENTARY,
        Education::JuniorHigh => T::EDUCATION_JUNIOR_HIGH,
        Education::SeniorHigh => T::EDUCATION_SENIOR_HIGH,
        Education::Diploma => T::EDUCATION_DIPLOMA,
        Education::Bachelor => T::EDUCATION_BACHELOR,
        Education::Postgraduate => T::EDUCATION_POSTGRADUATE,
    })
}

pub fn occupation_label(lang: Lang, value: Occupation) -> &'static str {
    lang.t(match value {
        Occupation::CivilServant => T::OCCUPATION_CIVIL_SERVANT,
        Occupation::PrivateEmployee => T::OCCUPATION_PRIVATE_EMPLOYEE,
        Occupation::SelfEmployed => T::OCCUPATION_SELF_EMPLOYED,
        Occupation::FarmerFisher => T::OCCUPATION_FARMER_FISHER,
        Occupation::Student => T::OCCUPATION_STUDENT,
        Occupation::Homemaker => T::OCCUPATION_HOMEMAKER,
        Occupation::NotWorking => T::OCCUPATION_NOT_WORKING,
        Occupation::Other => T::OCCUPATION_OTHER,
    })
}

/// A field problem as a sentence for the survey page.
pub fn problem_text(lang: Lang, error: &FieldError) -> String {
    let subject = field_label(lang, &error.field);
    let problem = match &error.problem {
        Problem::Required => lang.t(T::SURVEY_PROBLEM_REQUIRED).to_string(),
        Problem::RatingOutOfRange(_)
        | Problem::NotOneOf(_)
        | Problem::WrongType(_)
        | Problem::NotAChoice
        | Problem::Repeated => lang.t(T::SURVEY_PROBLEM_NOT_AN_ANSWER).to_string(),
        Problem::WrongAnswerCount(_) | Problem::NothingAnswered => {
            lang.t(T::SURVEY_PROBLEM_NOTHING_ANSWERED).to_string()
        }
        Problem::TooLong { max_chars } => lang.fill(T::SURVEY_PROBLEM_TOO_LONG, &[max_chars]),
        Problem::Unknown | Problem::BadCode { .. } | Problem::BadKey | Problem::BadNip => {
            lang.t(T::SURVEY_PROBLEM_UNKNOWN).to_string()
        }
        Problem::ServiceOfOtherUnit => lang.t(T::SURVEY_PROBLEM_SERVICE_OF_OTHER_UNIT).to_string(),
        Problem::OfficerOfOtherUnit => lang.t(T::SURVEY_PROBLEM_OFFICER_OF_OTHER_UNIT).to_string(),
        Problem::KeyReused => lang.t(T::SURVEY_PROBLEM_KEY_REUSED).to_string(),
        Problem::BadTicket => lang.t(T::SURVEY_PROBLEM_BAD_TICKET).to_string(),
        Problem::TicketUsed => lang.t(T::SURVEY_PROBLEM_TICKET_USED).to_string(),
        Problem::TicketExpired => lang.t(T::SURVEY_PROBLEM_TICKET_EXPIRED).to_string(),
        Problem::TicketMismatch => lang.t(T::SURVEY_PROBLEM_TICKET_MISMATCH).to_string(),
    };
    format!("{subject}: {problem}")
}

/// A human name for an API field path (`answers[2]` → "Pertanyaan 3 (Waktu penyelesaian)").
pub fn field_label(lang: Lang, field: &str) -> String {
    if let Some(index) = answer_index(field) {
        let element = Element::ALL[index];
        return lang.fill(
            T::SURVEY_QUESTION_N,
            &[&(index + 1), &element_name(lang, element)],
        );
    }
    let t = lang.texts();
    match field {
        "unit" => t.survey_unit.into(),
        "service" => t.survey_service.into(),
        "officer" => t.survey_officer.into(),
        "profile.sex" => t.sex.into(),
        "profile.age_band" => t.age_band.into(),
        "profile.education" => t.education.into(),
        "profile.occupation" => t.occupation.into(),
        "suggestion" => t.suggestion.into(),
        "answers" => t.questions_heading.into(),
        "ticket" => lang.t(T::SURVEY_FIELD_TICKET).into(),
        other if other.starts_with("extra") => lang.t(T::SURVEY_FIELD_EXTRA).into(),
        other => other.into(),
    }
}

/// `answers[i]` → `Some(i)`.
pub fn answer_index(field: &str) -> Option<usize> {
    field
        .strip_prefix("answers[")?
        .strip_suffix(']')?
        .parse()
        .ok()
        .filter(|i| *i < Element::ALL.len())
}

/// A policy version's name as shown: the built-in policy's `default` in the reader's
/// language, any other as its author named it.
pub fn policy_name(lang: Lang, version: &str) -> &str {
    match version {
        "default" => lang.t(T::BUILT_IN_POLICY),
        named => named,
    }
}

/// A payroll run's month, the moment it was computed (in the regency's time) and its
/// policy, in `lang`'s words, for its workbook.
pub fn run_words(
    lang: Lang,
    run: &suara_store::RunSummary,
    offset: time::UtcOffset,
) -> suara_reports::tpp::RunWords {
    suara_reports::tpp::RunWords {
        month: lang.month(run.month),
        computed_at: lang.date_time(run.computed_at, offset),
        policy_version: policy_name(lang, &run.policy_version).to_string(),
    }
}

/// A label of the payroll workbook (written in Indonesian) in this language.
pub fn sheet_label(lang: Lang, label: &'static str) -> &'static str {
    catalogue::PAYROLL_SHEET
        .iter()
        .chain(catalogue::PAYABLE_SHEET)
        .find(|text| Lang::ID.t(**text) == label)
        .map_or(label, |text| lang.t(*text))
}

/// Why a response was held, in a sentence.
pub fn held_because(lang: Lang, reason: suara_domain::integrity::anomaly::Reason) -> &'static str {
    use suara_domain::integrity::anomaly::Reason;
    lang.t(match reason {
        Reason::DeviceRepeat => catalogue::HELD_DEVICE_REPEAT,
        Reason::NetworkBurst => catalogue::HELD_NETWORK_BURST,
        Reason::StraightLinedBulk => catalogue::HELD_STRAIGHT_LINED,
        Reason::UnitBurst => catalogue::HELD_UNIT_BURST,
        Reason::TicketAtCounter => catalogue::HELD_TICKET_AT_COUNTER,
        Reason::OutsideServiceHours => catalogue::HELD_OUTSIDE_HOURS,
        Reason::KioskTooFast => catalogue::HELD_KIOSK_TOO_FAST,
        Reason::KioskBurst => catalogue::HELD_KIOSK_BURST,
    })
}

/// A channel in plain words.
pub fn channel_label(lang: Lang, channel: &str) -> &'static str {
    use suara_domain::integrity::channel::Channel;
    match Channel::from_code(channel) {
        Some(Channel::Web) => lang.t(T::LINK_OR_QR),
        Some(Channel::Api) => "API",
        Some(Channel::Kiosk) => lang.t(T::KIOSK),
        Some(Channel::KioskPending) => lang.t(T::KIOSK_NOT_YET_APPROVED),
        Some(Channel::Ticket) => lang.t(T::TICKET),
        None => "–",
    }
}

/// The responses sheet's column headers, in the order of `suara_reports::results`.
pub fn response_headers(lang: Lang) -> [&'static str; 20] {
    let elements = [
        T::SHEET_U1,
        T::SHEET_U2,
        T::SHEET_U3,
        T::SHEET_U4,
        T::SHEET_U5,
        T::SHEET_U6,
        T::SHEET_U7,
        T::SHEET_U8,
        T::SHEET_U9,
    ]
    .map(|text| lang.t(text));
    let [u1, u2, u3, u4, u5, u6, u7, u8, u9] = elements;
    [
        lang.t(T::RECEIVED_LOCAL_TIME),
        lang.t(T::MONTH),
        lang.t(T::CHANNEL),
        "Unit",
        lang.t(T::SERVICE),
        lang.t(T::OFFICER_S_NIP),
        u1,
        u2,
        u3,
        u4,
        u5,
        u6,
        u7,
        u8,
        u9,
        lang.t(T::SEX),
        lang.t(T::AGE),
        lang.t(T::EDUCATION),
        lang.t(T::OCCUPATION),
        lang.t(T::SUGGESTION),
    ]
}

/// A coded value of an export (channel, profile answers) in words; `None` for an unknown code.
pub fn code_label(
    lang: Lang,
    kind: suara_reports::results::Coded,
    code: &str,
) -> Option<&'static str> {
    use suara_reports::results::Coded;
    match kind {
        Coded::Channel => Some(channel_label(lang, code)).filter(|l| *l != "–"),
        Coded::Sex => Sex::from_code(code).map(|v| sex_label(lang, v)),
        Coded::AgeBand => AgeBand::from_code(code).map(|v| age_band_label(lang, v)),
        Coded::Education => Education::from_code(code).map(|v| education_label(lang, v)),
        Coded::Occupation => Occupation::from_code(code).map(|v| occupation_label(lang, v)),
        Coded::Unit | Coded::Service => None,
    }
}

#[cfg(test)]
mod official_names {
    use super::*;

    /// The catalogue's Indonesian is the regulation's wording the domain (and the printed
    /// report) uses.
    #[test]
    fn official_labels_agree_with_the_domain() {
        for element in Element::ALL {
            assert_eq!(element_name(Lang::ID, element), element.name_id());
        }
        for grade in [Grade::A, Grade::B, Grade::C, Grade::D] {
            assert_eq!(grade_label(Lang::ID, grade), grade.label_id());
        }
        for status in suara_domain::skm::follow_up::Status::ALL {
            assert_eq!(plan_status_label(Lang::ID, status), status.label_id());
        }
    }
}

#[cfg(test)]
mod payroll_sheet {
    use super::*;

    #[test]
    fn every_label_of_the_payroll_workbook_has_its_english() {
        let payable = suara_reports::payable::LABELS.concat();
        for label in suara_reports::tpp::LABELS
            .concat()
            .into_iter()
            .chain(payable)
        {
            let english = sheet_label(Lang::EN, label);
            assert!(
                english != label || ["Unit", "NIP", "Bank"].contains(&label),
                "no English for {label:?}"
            );
            assert_eq!(sheet_label(Lang::ID, label), label);
        }
    }
}
