//! An audit entry's recorded values in words: codes of the domain (stages, kinds, groups,
//! SKM elements) by their labels, unit codes by the unit's name, months and days as people
//! write them, large numbers with separators, lists joined, a map boundary as a mark.

use std::collections::HashMap;

use serde_json::Value;
use suara_domain::innovation::registry::{Form, Indicator, Initiator, PartnerKind};
use suara_domain::innovation::Stage as InnovationStage;
use suara_domain::musrena::forum::Group;
use suara_domain::period::Month;
use suara_domain::skm::Element;
use suara_store::IdeaStatus;

use crate::pages::innovation as innovation_pages;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// How the log's values read: the language and the regency's units by code.
pub struct Words<'a> {
    pub lang: Lang,
    pub units: &'a HashMap<String, String>,
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

/// A coded value of one of `all`, written as its code or (in older entries) its name.
fn coded<V: Copy + std::fmt::Debug>(
    all: &[V],
    code: impl Fn(V) -> &'static str,
    text: &str,
) -> Option<V> {
    all.iter()
        .copied()
        .find(|v| code(*v) == text || format!("{v:?}") == text)
}

impl Words<'_> {
    /// One field's value as text.
    pub fn value(&self, field: &str, value: &Value) -> String {
        let lang = self.lang;
        match value {
            Value::Null => "–".to_string(),
            Value::String(text) if text.is_empty() => "–".to_string(),
            Value::Bool(yes) => lang.t(if *yes { T::YES } else { T::NO }).to_string(),
            // A drawn boundary is hundreds of points: only whether there is one reads.
            _ if field == "boundary" => lang.t(T::MAP_BOUNDARY_RECORDED).to_string(),
            Value::Number(n) => match n.as_u64() {
                Some(whole) => integer(lang, whole),
                None => lang.decimal(n),
            },
            Value::Array(items) => items
                .iter()
                .map(|item| self.value(field, item))
                .collect::<Vec<_>>()
                .join(", "),
            Value::Object(map) => match (map.get("goal"), map.get("target")) {
                (Some(goal), Some(Value::String(target))) => format!("SDG {goal}.{target}"),
                (Some(goal), _) => format!("SDG {goal}"),
                _ => map
                    .iter()
                    .map(|(k, v)| format!("{}: {}", k, self.value(k, v)))
                    .collect::<Vec<_>>()
                    .join("; "),
            },
            Value::String(text) => self.text(field, text),
        }
    }

    fn text(&self, field: &str, text: &str) -> String {
        let lang = self.lang;
        if UNIT_FIELDS.contains(&field) {
            if let Some(name) = self.units.get(text) {
                return name.clone();
            }
        }
        let day = time::macros::format_description!("[year]-[month]-[day]");
        if let Ok(day) = time::Date::parse(text, day) {
            return lang.date(day);
        }
        if let Some(month) = month_of(text) {
            return lang.month(month);
        }
        let words: Option<&str> = match field {
            "stage" => InnovationStage::from_code(text)
                .map(|s| innovation_pages::stage_label(lang, s))
                .or_else(|| {
                    suara_domain::musrena::lifecycle::Stage::from_code(text)
                        .map(|s| crate::pages::musrena::stage_label(lang, s))
                }),
            "kind" => coded(PartnerKind::ALL, PartnerKind::code, text)
                .map(|k| innovation_pages::partner_kind_label(lang, k)),
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

    /// What an entry is about, as its record names it: a unit by name, a month (or a run
    /// of one) in words, the whole table as nothing more.
    pub fn entity_id(&self, id: &str) -> String {
        if id == "all" {
            return String::new();
        }
        if let Some(name) = self.units.get(id) {
            return name.clone();
        }
        let source = id.split_once('/').and_then(|(month, key)| {
            Some((
                month_of(month)?,
                suara_domain::tpp::sources::Source::from_key(key)?,
            ))
        });
        if let Some((month, source)) = source {
            let unit = self.units.get(&source.unit_id).unwrap_or(&source.unit_id);
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
