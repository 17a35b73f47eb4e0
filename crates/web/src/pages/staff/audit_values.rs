//! An audit entry's recorded values in words: codes of the domain (stages, kinds, groups,
//! SKM elements) by their labels, the regency's codes (units, services, service points,
//! villages, strategic issues, kiosks) by their names, months and days as people write
//! them, large numbers with separators, lists joined, a map boundary as a mark.

use std::collections::HashMap;

use serde_json::Value;
use suara_domain::innovation::registry::{Form, Indicator, Initiator, PartnerKind};
use suara_domain::innovation::Stage as InnovationStage;
use suara_domain::musrena::forum::{Group, Level};
use suara_domain::musrena::recommendation::Recommender;
use suara_domain::period::{Month, Period};
use suara_domain::skm::Element;
use suara_domain::survey::adapt::ExtraKind;
use suara_store::IdeaStatus;

use super::audit_fields::field_label;
use crate::pages::innovation as innovation_pages;
use crate::pages::staff::tpp::policy_name;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{Lang, Text};

/// How the log's values read: the language and the names of the regency's codes.
pub struct Words<'a> {
    pub lang: Lang,
    pub names: &'a Names,
}

/// The regency's codes with their names, each table by code.
#[derive(Default)]
pub struct Names {
    pub units: HashMap<String, String>,
    pub services: HashMap<String, String>,
    pub points: HashMap<String, String>,
    /// Villages by Kemendagri code (`35.03.12.2004`).
    pub villages: HashMap<String, String>,
    pub issues: HashMap<String, String>,
    /// Kiosks by id, named by their label.
    pub kiosks: HashMap<String, String>,
    /// Officers by NIP: an officer's account is their NIP, so it acts under it.
    pub officers: HashMap<String, String>,
}

impl Names {
    /// The name of the code a field holds, when the field holds a code of the regency's.
    fn of(&self, field: &str, code: &str) -> Option<&String> {
        let table = match field {
            _ if UNIT_FIELDS.contains(&field) => &self.units,
            "service" | "service_id" => &self.services,
            "point" | "point_id" => &self.points,
            "village" | "village_code" => &self.villages,
            _ => return None,
        };
        table.get(code)
    }
}

/// What an entry is about, as the page shows it: a name, or an id that names nothing
/// people know (a kiosk's, a ticket's), set apart as a code.
#[derive(Debug, PartialEq, Eq)]
pub enum Subject {
    Name(String),
    Code(String),
}

/// Fields that hold a unit's code.
const UNIT_FIELDS: &[&str] = &[
    "unit",
    "unit_id",
    "parent_id",
    "district",
    "district_id",
    "district_unit",
    "score_unit_id",
];

/// Fields people write in their own words (or pick, like a username): shown as written,
/// never read as a code even when they look like one (the account `admin` is not the role).
const AS_GIVEN: &[&str] = &[
    "username",
    "name",
    "label",
    "title",
    "note",
    "progress_note",
    "shown",
    "owner",
    "action",
    "email",
    "position",
    "file",
    "text",
    "question",
    "options",
];

/// Fields holding response numbers: identifiers, written without thousands separators.
const NUMBER_FIELDS: &[&str] = &["ids", "responses_from", "through"];

/// A coded value of one of `all`, written as its code or (in older entries) its name.
fn coded<V: Copy + std::fmt::Debug>(
    all: &[V],
    code: impl Fn(V) -> &'static str,
    text: &str,
) -> Option<V> {
    all.iter().copied().find(|v| {
        let name = format!("{v:?}");
        code(*v) == text || name == text || snake_case(&name) == text
    })
}

/// `TakenUp` → `taken_up`, as serde writes an enum's variant.
fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// A file's type as its format's name (`application/pdf` → PDF).
fn format_name(content_type: &str) -> Option<&'static str> {
    Some(match content_type {
        "application/pdf" => "PDF",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "Excel",
        "image/jpeg" => "JPEG",
        "image/png" => "PNG",
        "image/webp" => "WebP",
        _ => return None,
    })
}

impl Words<'_> {
    /// One field's value as text.
    pub fn value(&self, field: &str, value: &Value) -> String {
        let lang = self.lang;
        match value {
            // Nothing recorded reads as nothing, so a field empty on both sides is not listed.
            Value::Null => "–".to_string(),
            Value::String(text) if text.is_empty() => "–".to_string(),
            Value::Array(items) if items.is_empty() => "–".to_string(),
            Value::Object(map) if map.is_empty() => "–".to_string(),
            Value::Bool(yes) => lang.t(if *yes { T::YES } else { T::NO }).to_string(),
            // A drawn boundary is hundreds of points: only whether there is one reads.
            _ if field == "boundary" => lang.t(T::MAP_BOUNDARY_RECORDED).to_string(),
            Value::Number(n) => match n.as_u64() {
                Some(whole) if NUMBER_FIELDS.contains(&field) => whole.to_string(),
                Some(whole) => integer(lang, whole),
                None => lang.decimal(n),
            },
            Value::Array(items) => {
                // Records in a list (a review each) are told apart from the lists inside them.
                let records = items
                    .iter()
                    .any(|item| matches!(item, Value::Object(map) if !map.contains_key("goal")));
                let separator = if records { " · " } else { ", " };
                items
                    .iter()
                    .map(|item| self.value(field, item))
                    .collect::<Vec<_>>()
                    .join(separator)
            }
            Value::Object(map) => match (map.get("goal"), map.get("target")) {
                (Some(goal), Some(Value::String(target))) => format!("SDG {goal}.{target}"),
                (Some(goal), _) => format!("SDG {goal}"),
                _ => map
                    .iter()
                    .filter(|(_, v)| !is_empty(v))
                    .map(|(k, v)| {
                        let label = field_label(lang, k);
                        format!("{label}: {}", self.value(k, v))
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            },
            Value::String(text) => self.text(field, text),
        }
    }

    fn text(&self, field: &str, text: &str) -> String {
        let lang = self.lang;
        if AS_GIVEN.contains(&field) {
            return text.to_string();
        }
        if let Some(name) = self.names.of(field, text) {
            return name.clone();
        }
        let day = time::macros::format_description!("[year]-[month]-[day]");
        if let Ok(day) = time::Date::parse(text, day) {
            return lang.date(day);
        }
        if let Some(month) = month_of(text) {
            return lang.month(month);
        }
        if field == "period" {
            if let Ok(period) = text.parse::<Period>() {
                return lang.period(period);
            }
        }
        let words: Option<&str> = match field {
            "policy_version" => Some(policy_name(lang, text)),
            "level" | "levels" => coded(&Level::ALL, Level::code, text)
                .map(|l| crate::pages::musrena::level_label(lang, l)),
            "stage" => InnovationStage::from_code(text)
                .map(|s| innovation_pages::stage_label(lang, s))
                .or_else(|| {
                    suara_domain::musrena::lifecycle::Stage::from_code(text)
                        .map(|s| crate::pages::musrena::stage_label(lang, s))
                }),
            "kind" => coded(PartnerKind::ALL, PartnerKind::code, text)
                .map(|k| innovation_pages::partner_kind_label(lang, k))
                .or_else(|| {
                    ExtraKind::from_code(text)
                        .map(|k| crate::pages::staff::service_survey::kind_label(lang, k))
                })
                .or_else(|| unit_kind(text).map(|k| lang.t(k))),
            "initiator" => coded(Initiator::ALL, Initiator::code, text)
                .map(|i| innovation_pages::initiator_label(lang, i)),
            "form" => {
                coded(Form::ALL, Form::code, text).map(|f| innovation_pages::form_label(lang, f))
            }
            "indicator" | "indicators" => coded(Indicator::ALL, Indicator::code, text)
                .map(|i| innovation_pages::indicator_label(lang, i)),
            "status" => coded(
                &[IdeaStatus::Open, IdeaStatus::TakenUp, IdeaStatus::Declined],
                IdeaStatus::code,
                text,
            )
            .map(|s| innovation_pages::idea_status_label(lang, s)),
            "groups" | "group" => coded(&Group::ALL, Group::code, text)
                .map(|g| crate::pages::musrena::group_label(lang, g)),
            "element" | "elements" => coded(&Element::ALL, Element::code, text)
                .map(|e| suara_app::i18n::element_name(lang, e)),
            "by" => coded(&Recommender::ALL, Recommender::code, text)
                .map(|r| crate::pages::musrena::recommender_label(lang, r)),
            "type" => format_name(text),
            _ => None,
        };
        if let Some(words) = words {
            return words.to_string();
        }
        if let Some(stage) = suara_domain::musrena::lifecycle::Stage::from_code(text) {
            return crate::pages::musrena::stage_label(lang, stage).to_string();
        }
        if let Some(status) = suara_domain::skm::follow_up::Status::from_code(text) {
            return suara_app::i18n::plan_status_label(lang, status).to_string();
        }
        if let Some(role) = suara_domain::access::Role::from_code(text) {
            return suara_app::i18n::role_label(lang, role).to_string();
        }
        if let Some(reason) = suara_domain::org::departure::DepartureReason::from_code(text) {
            return crate::pages::staff::departure::reason_label(lang, reason).to_string();
        }
        if let Some(state) = suara_domain::tpp::payroll::RunState::from_code(text) {
            return crate::pages::staff::tpp::state_label(lang, state).to_string();
        }
        text.to_string()
    }

    /// What an entry about an `entity` is about, as its record names it: an account by its
    /// username, a service, point, village, issue or kiosk by its name, a follow-up plan by
    /// its unit and period, an opaque id as a code.
    pub fn subject(&self, entity: &str, id: &str) -> Subject {
        let names = self.names;
        let named = |table: &HashMap<String, String>| match table.get(id) {
            Some(name) => Subject::Name(name.clone()),
            None => Subject::Code(id.to_string()),
        };
        match entity {
            // Names people chose (a username, a key's label) or NIPs: never another code.
            "account" | "api_key" | "officer" | "officer_contact" => Subject::Name(id.to_string()),
            // The regency's own id: the whole log is the regency's.
            "entry_codes" => Subject::Name(String::new()),
            "service" | "service_survey" => named(&names.services),
            "point" | "service_point" => named(&names.points),
            "village" => named(&names.villages),
            "musrena_issue" => named(&names.issues),
            "kiosk" => named(&names.kiosks),
            "ticket" => Subject::Code(id.to_string()),
            "tpp_policy" => Subject::Name(policy_name(self.lang, id).to_string()),
            "follow_up_plan" => self
                .plan(id)
                .map_or_else(|| Subject::Code(id.to_string()), Subject::Name),
            _ => Subject::Name(self.entity_id(id)),
        }
    }

    /// A follow-up plan's id, `{unit}-{period}-{8 hex digits}`, as its unit's name and the
    /// period; `None` when no unit of the regency starts it. A unit's code may hold dashes.
    fn plan(&self, id: &str) -> Option<String> {
        let (rest, _) = id.rsplit_once('-')?;
        self.names.units.iter().find_map(|(code, name)| {
            let period: Period = rest
                .strip_prefix(code.as_str())?
                .strip_prefix('-')?
                .parse()
                .ok()?;
            Some(format!("{name} · {}", self.lang.period(period)))
        })
    }

    /// What an entry is about, as its record names it: a unit by name, a month (or a run
    /// of one) in words, the whole table as nothing more.
    fn entity_id(&self, id: &str) -> String {
        if id == "all" {
            return String::new();
        }
        if let Some(name) = self.names.units.get(id) {
            return name.clone();
        }
        let source = id.split_once('/').and_then(|(month, key)| {
            Some((
                month_of(month)?,
                suara_domain::tpp::sources::Source::from_key(key)?,
            ))
        });
        if let Some((month, source)) = source {
            let unit = self
                .names
                .units
                .get(&source.unit_id)
                .unwrap_or(&source.unit_id);
            let name = crate::pages::staff::evidence_sources::source_name(self.lang, &source);
            return format!("{} · {name} · {unit}", self.lang.month(month));
        }
        let run = id
            .split_once(" v")
            .and_then(|(month, version)| Some((month_of(month)?, version)));
        if let Some((month, version)) = run {
            let lang = self.lang;
            return format!("{} · {}{version}", lang.month(month), lang.t(T::VERSION_3));
        }
        month_of(id).map_or_else(|| id.to_string(), |m| self.lang.month(m))
    }
}

/// `2026-11` as a month; anything else is not.
fn month_of(text: &str) -> Option<Month> {
    (text.len() == 7 && text.as_bytes()[4] == b'-')
        .then(|| text.parse().ok())
        .flatten()
}

/// A whole number with the language's thousands separator: 3.466.143.025 (3,466,143,025).
fn integer(lang: Lang, value: u64) -> String {
    suara_domain::tpp::rupiah(value).replace('.', lang.t(T::NUMBER_GROUP_SEPARATOR))
}

/// Whether a value records nothing: null, an empty text, list or record.
fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(text) => text.is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(map) => map.is_empty(),
        _ => false,
    }
}

/// A unit's kind (a free code of the organisation file) in words, for the usual kinds;
/// `None` for another, which is shown as written. Villages' kinds (desa, kelurahan) too.
fn unit_kind(code: &str) -> Option<Text> {
    Some(match code {
        "dinas" => T::AUDIT_UNIT_KIND_DINAS,
        "badan" => T::AUDIT_UNIT_KIND_BADAN,
        "kantor" => T::AUDIT_UNIT_KIND_KANTOR,
        "inspektorat" => T::AUDIT_UNIT_KIND_INSPEKTORAT,
        "sekretariat" => T::AUDIT_UNIT_KIND_SEKRETARIAT,
        "bagian" => T::AUDIT_UNIT_KIND_BAGIAN,
        "kecamatan" => T::DISTRICT,
        "kelurahan" => T::AUDIT_UNIT_KIND_KELURAHAN,
        "desa" => T::VILLAGE,
        "puskesmas" => T::AUDIT_UNIT_KIND_PUSKESMAS,
        "upt" => T::AUDIT_UNIT_KIND_UPT,
        "rsud" => T::AUDIT_UNIT_KIND_RSUD,
        _ => return None,
    })
}
