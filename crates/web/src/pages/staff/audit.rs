//! The audit log, readable: each change in words ("Usulan Musrena · dianggarkan"), and
//! what it changed as a list of fields with their value before and after.

use axum::extract::Query;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use serde_json::Value;
use suara_store::AuditEntry;

use std::collections::HashMap;

use super::audit_values::Words;
use crate::pages::context::{Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes::AUDIT;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    pub before: Option<i64>,
    /// Words an entry must contain (who, what, or a value before or after).
    pub cari: Option<String>,
}

const AUDIT_PAGE: u32 = 100;

pub async fn audit(cx: StaffCx, Query(query): Query<AuditQuery>) -> Result<Response, PageError> {
    let search = query.cari.as_deref().unwrap_or("").trim();
    let entries = cx
        .app
        .store
        .audit_search(cx.tenant_id(), search, query.before, AUDIT_PAGE)
        .await?;
    let units = cx.app.store.units(cx.tenant_id()).await?;
    let view = AuditView {
        entries,
        units: units.into_iter().map(|u| (u.unit_id, u.name)).collect(),
        offset: cx.tenant.offset(),
        before: query.before,
        search: search.to_string(),
    };
    let (title, content) = render(cx.look(), &view);
    cx.ok(title, content)
}

/// What was changed, in words.
pub fn entity_label(lang: Lang, entity: &str) -> String {
    let text = match entity {
        "account" => T::USER_ACCOUNT,
        "api_key" => T::API_KEY,
        "follow_up_plan" => T::FOLLOW_UP_PLAN,
        "suggestion" => T::CITIZEN_SUGGESTION,
        "kiosk" => T::SURVEY_KIOSK,
        "musrena_forum" => T::MUSRENA_FORUM,
        "musrena_proposal" => T::MUSRENA_PROPOSAL,
        "quarantined_response" => T::HELD_RESPONSE,
        "ticket" => T::SURVEY_TICKET,
        "tpp_appeal" => T::TPP_APPEAL,
        "tpp_base_amounts" => T::BASE_TPP_AMOUNTS,
        "tpp_components" => T::TPP_COMPONENTS,
        "tpp_policy" => T::TPP_POLICY,
        "tpp_run" => T::TPP_RUN,
        "tpp_bank_file" => T::BANK_TRANSFER_FILE,
        "evidence_source" => T::EVIDENCE_SOURCE,
        "unit" => T::SERVICE_UNIT,
        "service" => T::SERVICE_2,
        "officer" => T::OFFICER,
        "officer_contact" => T::OFFICER_EMAIL,
        "point" | "service_point" => T::SERVICE_POINT,
        "entry_codes" => T::ENTRY_CODES,
        "innovation" => T::INNOVATION,
        "innovation_idea" => T::AUDIT_INNOVATION_IDEA,
        "village" => T::VILLAGE,
        "musrena_progress" => T::AUDIT_WORK_PROGRESS,
        "musrena_catalogue" => T::TABLE_CATALOGUE,
        "musrena_issue" => T::STRATEGIC_ISSUE,
        "musrena_rule" => T::AUDIT_MUSRENA_RULE,
        _ => return humanize(entity),
    };
    lang.t(text).to_string()
}

/// The action, in words.
pub fn action_label(lang: Lang, action: &str) -> String {
    let text = match action {
        "create" => T::CREATED,
        "update" => T::CHANGED_2,
        "replace" => T::REPLACED,
        "import" => T::IMPORTED,
        "issue" => T::ISSUED,
        "revoke" => T::REVOKED_2,
        "compute" => T::COMPUTED,
        "reviewed" => T::REVIEWED_2,
        "approved" => T::APPROVED,
        "locked" => T::LOCKED_2,
        "file" => T::FILED,
        "uphold" => T::UPHELD,
        "dismiss" => T::DISMISSED,
        "accept" => T::ACCEPTED,
        "verify" => T::VERIFIED_2,
        "prioritize" => T::PRIORITIZED_2,
        "carry" => T::CARRIED_TO_THE_MUSRENBANG_2,
        "reject" => T::REJECTED_2,
        "set_password" => T::PASSWORD_SET,
        "set_email" => T::EMAIL_ADDRESS_SET,
        "set_second_factor" => T::SECOND_FACTOR_SET,
        "use_recovery_code" => T::RECOVERY_CODE_USED,
        "reset_second_factor" => T::SECOND_FACTOR_RESET,
        "disable" => T::DISABLED_2,
        "enable" => T::ENABLED,
        "end_sessions" => T::SESSIONS_ENDED,
        "submit" | "submitted" => T::SUBMITTED_2,
        "accepted" => T::ACCEPTED,
        "rejected" => T::REJECTED_2,
        "returned" => T::RETURNED,
        "budget" | "budgeted" => T::BUDGETED_2,
        "implement" | "implemented" => T::IMPLEMENTED_3,
        "forward" | "forwarded" => T::FORWARDED,
        "end" => T::ASSIGNMENT_ENDED,
        "begin" => T::BEGUN,
        "discarded" => T::DISCARDED,
        "approve" => T::APPROVED,
        "confirm" => T::CONFIRMED,
        "decide" => T::AUDIT_DECIDED,
        "evidence" => T::AUDIT_EVIDENCE_ADDED,
        "partner" => T::AUDIT_PARTNER_ADDED,
        "stage" => T::AUDIT_STAGE_CHANGED,
        "start" => T::AUDIT_STARTED,
        "recommend" => T::AUDIT_RECOMMENDED,
        "attach_rab" => T::AUDIT_RAB_ATTACHED,
        "assisted_vote" => T::AUDIT_ASSISTED_VOTE,
        "return" => T::PROPOSAL_RETURNED,
        "cancel" => T::PROPOSAL_CANCELLED,
        _ => return humanize(action),
    };
    lang.t(text).to_string()
}

/// An unknown code in readable form: `some_thing` → "some thing".
fn humanize(code: &str) -> String {
    code.replace('_', " ")
}

/// A field of a before/after record, in words.
fn field_label(lang: Lang, field: &str) -> String {
    let text = match field {
        "unit_id" | "unit" => T::UNIT_2,
        "service_id" | "service" => T::SERVICE,
        "officer_nip" | "nip" | "officer" => T::NIP,
        "point_id" | "point" => T::SERVICE_POINT,
        "name" => T::NAME,
        "stage" => T::STAGE,
        "status" => T::STATUS,
        "state" => T::STATE,
        "on" | "date" => T::DATE,
        "reason" => T::REASON_2,
        "amount" => T::AMOUNT,
        "evidence" => T::EVIDENCE_2,
        "title" => T::TITLE_2,
        "role" => T::ROLE,
        "username" => T::USERNAME,
        "version" => T::VERSION_2,
        "label" => T::NAME,
        "position" => T::POSITION,
        "position_class" => T::POSITION_CLASS,
        "parent_id" => T::PARENT_UNIT,
        "kind" => T::KIND,
        "expires_at" => T::VALID_UNTIL,
        "issuer" => T::ISSUER,
        "note" | "progress_note" => T::NOTE,
        "action" => T::ACTION,
        "owner" => T::OWNER,
        "deadline" => T::DEADLINE,
        "responses_from" => T::FROM_RESPONSE_NUMBER,
        "held_on" => T::FORUM_DATE,
        "district" | "district_id" => T::DISTRICT,
        "village" => T::VILLAGE,
        "level" => T::LEVEL,
        "participants" => T::PARTICIPANTS,
        "input_digest" => T::INPUT_DIGEST,
        "policy_version" => T::POLICY_VERSION,
        "total" => T::TOTAL,
        "payees" => T::PAYEES,
        "sha256" => T::FILE_FINGERPRINT,
        "month" => T::MONTH,
        "answers" => T::ANSWERS,
        "through" => T::COVERS_RESPONSES_UP_TO,
        "monthly_users" => T::USERS_PER_MONTH,
        "serves_public" => T::SERVES_THE_PUBLIC,
        "service_hours" => T::SERVICE_HOURS_2,
        "upheld" => T::UPHELD_2,
        "assigned_from" => T::ASSIGNED_FROM,
        "assigned_until" => T::LAST_WORKING_DAY,
        "head_nip" => T::UNIT_HEAD_NIP,
        "email" => T::EMAIL_ADDRESS,
        "treasurer_nip" => T::TREASURER_NIP,
        "affair" => T::AUDIT_AFFAIR,
        "benefit" => T::BENEFIT,
        "change" => T::AUDIT_CHANGE,
        "design" => T::DESIGN,
        "goal" => T::GOAL,
        "problem" => T::PROBLEM,
        "result" => T::RESULT,
        "initiator" => T::INITIATOR,
        "in_kind" => T::GIFTS_IN_KIND,
        "percent" => T::AUDIT_PERCENT,
        "photo" | "photos" => T::AUDIT_PHOTO,
        "spent" => T::AUDIT_SPENT,
        "period" => T::PERIOD_2,
        "element" | "elements" => T::ELEMENT,
        "code" => T::CODE,
        "district_unit" => T::DISTRICT,
        "levels" => T::AUDIT_LEVELS,
        "measure" => T::AUDIT_MEASURE,
        "unit_price" => T::AUDIT_UNIT_PRICE,
        "account_number" => T::ACCOUNT_NUMBER,
        "bank" => T::BANK,
        "npwp" => T::AUDIT_NPWP,
        "rank" => T::AUDIT_RANK,
        "groups" => T::AUDIT_GROUPS,
        "digital" => T::AUDIT_DIGITAL,
        "proposals" => T::AUDIT_PROPOSALS,
        "sdgs" => T::AUDIT_SDGS,
        "team" => T::TEAM,
        "boundary" => T::AUDIT_BOUNDARY,
        "form" => T::INNOVATION_FORM,
        "indicator" | "indicators" => T::INDICATOR,
        "innovation" => T::INNOVATION,
        _ => return humanize(field),
    };
    lang.t(text).to_string()
}

/// The fields of a before/after pair that differ: (field, before, after). A side that is
/// not a JSON object counts as one field named "".
pub fn differences(
    words: &Words,
    before: Option<&str>,
    after: Option<&str>,
) -> Vec<(String, String, String)> {
    let fields = |text: Option<&str>| -> Vec<(String, Value)> {
        match text.map(serde_json::from_str::<Value>) {
            Some(Ok(Value::Object(map))) => map.into_iter().collect(),
            Some(Ok(other)) => vec![(String::new(), other)],
            Some(Err(_)) => vec![(String::new(), Value::String(text.unwrap_or("").into()))],
            None => Vec::new(),
        }
    };
    let (before, after) = (fields(before), fields(after));
    let mut names: Vec<&String> = before.iter().chain(&after).map(|(k, _)| k).collect();
    names.sort();
    names.dedup();
    let find = |side: &[(String, Value)], name: &str| {
        side.iter()
            .find(|(k, _)| k == name)
            .map_or("–".to_string(), |(_, v)| words.value(name, v))
    };
    names
        .into_iter()
        .map(|name| (name.clone(), find(&before, name), find(&after, name)))
        .filter(|(_, b, a)| b != a)
        .collect()
}

pub struct AuditView {
    pub entries: Vec<AuditEntry>,
    /// The regency's units by code, to name them.
    pub units: HashMap<String, String>,
    pub offset: time::UtcOffset,
    /// The page's start: entries older than this one.
    pub before: Option<i64>,
    pub search: String,
}

/// The log page's address: the search kept, starting before an entry.
fn page_href(lang: Lang, search: &str, before: Option<i64>) -> String {
    let mut pairs = vec![("lang", lang.code().to_string())];
    if !search.is_empty() {
        pairs.push(("cari", search.to_string()));
    }
    if let Some(before) = before {
        pairs.push(("before", before.to_string()));
    }
    format!(
        "{AUDIT}?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

pub fn render(look: Look, view: &AuditView) -> (&'static str, Markup) {
    let (entries, offset) = (&view.entries, view.offset);
    let lang = look.lang;
    let words = Words {
        lang,
        units: &view.units,
    };
    let title = look.t(T::AUDIT_LOG);
    let content = html! {
        h1 { (title) }
        p { (look.t(T::EVERY_ADMINISTRATIVE_CHANGE_NEWEST_FIRST_THIS_LOG)) }
        form.search method="get" action=(AUDIT) role="search" {
            input type="hidden" name="lang" value=(lang.code());
            label for="cari" { (look.t(T::AUDIT_SEARCH)) }
            input #cari type="search" name="cari" value=(view.search);
            button type="submit" { (look.t(T::SEARCH)) }
        }
        @if entries.is_empty() { p { strong { (look.t(T::NO_ENTRY_MATCHES)) } } }
        table.data.stacked.audit {
            thead { tr {
                th scope="col" { (look.t(T::CHANGE)) }
                th scope="col" { (look.t(T::TIME)) }
                th scope="col" { (look.t(T::BY)) }
                th scope="col" { (look.t(T::WHAT_CHANGED)) }
            } }
            tbody { @for e in entries { tr {
                th scope="row" { strong { (entity_label(lang, &e.entity)) } " · " (action_label(lang, &e.action)) br; small { (words.entity_id(&e.entity_id)) } }
                td data-label=(look.t(T::TIME)) { (lang.date_time(e.at, offset)) }
                td data-label=(look.t(T::BY)) {
                    @if e.actor == "system" { (look.t(T::THE_SYSTEM)) } @else { (e.actor) }
                }
                td {
                    @let changes = differences(&words, e.before.as_deref(), e.after.as_deref());
                    @if changes.is_empty() { "–" } @else {
                        ul.plain.changes { @for (field, was, now) in &changes { li {
                            @if !field.is_empty() { (field_label(lang, field)) ": " }
                            // SDG targets (16.6) are codes, not decimals.
                            @let class = if field == "sdgs" { "sdg" } else { "" };
                            @if was != "–" { del class=[(!class.is_empty()).then_some(class)] { (was) } " → " }
                            ins class=[(!class.is_empty()).then_some(class)] { (now) }
                        } } }
                    }
                }
            } } }
        }
        nav.pager aria-label=(look.t(T::LOG_PAGES)) {
            @if view.before.is_some() { a href=(page_href(lang, &view.search, None)) { (look.t(T::NEWEST)) } " " }
            @if entries.len() == AUDIT_PAGE as usize {
                @if let Some(last) = entries.last() {
                    a href=(page_href(lang, &view.search, Some(last.audit_id))) { (look.t(T::OLDER)) }
                }
            }
        }
    };
    (title, content)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changed_fields_are_listed() {
        let units = HashMap::from([("dinkes".to_string(), "Dinas Kesehatan".to_string())]);
        let words = Words {
            lang: Lang::ID,
            units: &units,
        };
        let changes = differences(
            &words,
            Some(r#"{"stage":"rkpd","title":"Jalan","on":"2026-01-20"}"#),
            Some(r#"{"stage":"budgeted","title":"Jalan","amount":5000000,"on":"2026-02-10"}"#),
        );
        assert_eq!(
            changes[0],
            ("amount".into(), "–".into(), "5.000.000".into())
        );
        assert_eq!(
            changes[1],
            (
                "on".into(),
                "20 Januari 2026".into(),
                "10 Februari 2026".into()
            )
        );
        assert_eq!(changes[2].0, "stage");
        assert_ne!(changes[2].2, "budgeted", "a stage in words");
        assert_eq!(changes.len(), 3, "the title did not change");
        assert_eq!(
            differences(&words, None, Some("\"x\"")),
            vec![(String::new(), "–".into(), "x".into())]
        );
        // Codes, units, months, lists and old entries' enum names in words.
        let changes = differences(
            &words,
            None,
            Some(
                r#"{"kind":"Community","unit_id":"dinkes","month":"2026-11","groups":["children","elderly"],"sdgs":[{"goal":3,"target":"8"}],"boundary":[[{"lat":1,"lon":2}]]}"#,
            ),
        );
        let after: Vec<&str> = changes.iter().map(|(_, _, a)| a.as_str()).collect();
        assert_eq!(
            after,
            [
                "(peta batas wilayah tercatat)",
                "Anak, Lansia",
                "LSM atau komunitas",
                "November 2026",
                "SDG 3.8",
                "Dinas Kesehatan"
            ]
        );
        assert_eq!(words.entity_id("2026-10 v1"), "Oktober 2026 · versi 1");
        assert_eq!(words.entity_id("all"), "");
    }

    #[test]
    fn codes_read_as_words() {
        assert_eq!(entity_label(Lang::ID, "musrena_proposal"), "Usulan Musrena");
        assert_eq!(action_label(Lang::ID, "budget"), "dianggarkan");
        assert_eq!(action_label(Lang::EN, "something_new"), "something new");
    }
}
