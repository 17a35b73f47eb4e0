//! The audit log, readable: each change in words ("Usulan Musrena · dianggarkan"), and
//! what it changed as a list of fields with their value before and after.

use axum::extract::Query;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use serde_json::Value;
use suara_store::AuditEntry;

use std::collections::HashMap;

use super::audit_values::{Names, Subject, Words};
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
    let names = load_names(&cx, &entries).await?;
    let view = AuditView {
        entries,
        names,
        offset: cx.tenant.offset(),
        before: query.before,
        search: search.to_string(),
    };
    let (title, content) = render(cx.look(), &view);
    cx.ok(title, content)
}

/// The names the entries' codes stand for: the regency's units, services, service points,
/// villages, strategic issues and kiosks (each a small table), and the officers among the
/// page's actors (an officer's own actions are recorded under their NIP), looked up one by
/// one.
async fn load_names(cx: &StaffCx, entries: &[AuditEntry]) -> Result<Names, PageError> {
    let (store, tenant) = (&cx.app.store, cx.tenant_id());
    let accounts = store.accounts(tenant).await?;
    let mut officers = HashMap::new();
    let mut asked = std::collections::HashSet::new();
    for entry in entries {
        let nip = entry.actor.as_str();
        if officer_actor(&accounts, nip) && asked.insert(nip) {
            if let Some(officer) = store.officer(tenant, nip).await? {
                officers.insert(nip.to_string(), officer.name);
            }
        }
    }
    let units = store.units(tenant).await?;
    let services = store.services(tenant).await?;
    let points = store.service_points(tenant).await?;
    let villages = store.villages(tenant).await?;
    let issues = store.strategic_issues(tenant).await?;
    let kiosks = store.kiosks(tenant).await?;
    Ok(Names {
        units: units.into_iter().map(|u| (u.unit_id, u.name)).collect(),
        services: services
            .into_iter()
            .map(|s| (s.service_id, s.name))
            .collect(),
        points: points.into_iter().map(|p| (p.point_id, p.name)).collect(),
        villages: villages.into_iter().map(|v| (v.code, v.name)).collect(),
        issues: issues.into_iter().map(|i| (i.code, i.name)).collect(),
        kiosks: kiosks.into_iter().map(|k| (k.kiosk_id, k.label)).collect(),
        officers,
    })
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
        "letterhead" => T::LETTERHEAD,
        "service_survey" => T::SURVEY_ADAPT_TITLE,
        "province_service_map" => T::PROVINCE_MAP,
        "survey_history" => T::SURVEY_HISTORY,
        "village" => T::VILLAGE,
        "musrena_progress" => T::AUDIT_WORK_PROGRESS,
        "musrena_catalogue" => T::TABLE_CATALOGUE,
        "musrena_issue" => T::STRATEGIC_ISSUE,
        "musrena_rule" => T::AUDIT_MUSRENA_RULE,
        _ => return super::audit_fields::humanize(entity),
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
        "merged" => T::PROPOSAL_MERGED,
        "split" => T::PROPOSAL_SPLIT,
        "sso_update" => T::AUDIT_SSO_UPDATED,
        "remove" => T::REMOVED,
        _ => return super::audit_fields::humanize(action),
    };
    lower_first(lang.t(text))
}

/// A text with its first letter in lower case, as an action reads after the record's
/// name ("Usulan Musrena · dikembalikan"): some of these texts begin a line elsewhere
/// ("Dikembalikan" as a stage). An acronym ("RAB dilampirkan") is kept.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => first
            .to_lowercase()
            .chain(text[first.len_utf8()..].chars())
            .collect(),
        _ => text.to_string(),
    }
}

/// A field of an entry's before/after record, in words: base TPP is recorded by position
/// class (`{"5": 2350000}`), so its fields are classes.
fn change_label(lang: Lang, entity: &str, field: &str) -> String {
    if entity == "tpp_base_amounts" {
        return lang.fill(T::AUDIT_POSITION_CLASS_NUMBER, &[&field]);
    }
    super::audit_fields::field_label(lang, field)
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
    // Numbered fields (position classes) in their order: 2 before 10.
    names.sort_by(|a, b| (a.parse::<u64>().ok(), a).cmp(&(b.parse::<u64>().ok(), b)));
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
    /// The names of the regency's codes, and of the officers acting under their NIP.
    pub names: Names,
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
        names: &view.names,
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
                th scope="row" { strong { (entity_label(lang, &e.entity)) } " · " (action_label(lang, &e.action)) br; small {
                    @match words.subject(&e.entity, &e.entity_id) {
                        Subject::Name(name) => { (name) }
                        Subject::Code(code) => { code { (code) } }
                    }
                } }
                td data-label=(look.t(T::TIME)) { (lang.date_time(e.at, offset)) }
                td data-label=(look.t(T::BY)) { (actor_cell(lang, &view.names, &e.actor)) }
                td {
                    @let changes = differences(&words, e.before.as_deref(), e.after.as_deref());
                    @if changes.is_empty() { "–" } @else {
                        ul.plain.changes { @for (field, was, now) in &changes { li {
                            @if !field.is_empty() { (change_label(lang, &e.entity, field)) ": " }
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

/// Who made a change: an account by its username, an officer (whose account is their NIP)
/// by name with the NIP under it, the system in words.
/// Whether an actor is an officer acting under their NIP: an officer's account holds that
/// NIP, and no other account is named so. A username is free text, so an account named
/// like someone's NIP must never be shown as that officer.
fn officer_actor(accounts: &[suara_store::Account], actor: &str) -> bool {
    let officer = |a: &suara_store::Account| {
        a.role == suara_domain::access::Role::Officer && a.nip.as_deref() == Some(actor)
    };
    suara_domain::org::valid_nip(actor)
        && accounts.iter().any(officer)
        && !accounts.iter().any(|a| a.username == actor && !officer(a))
}

fn actor_cell(lang: Lang, names: &Names, actor: &str) -> Markup {
    html! {
        @if actor == "system" { (lang.t(T::THE_SYSTEM)) } @else {
            @match names.officers.get(actor) {
                Some(name) => { (name) br; small { (lang.t(T::NIP)) " " (actor) } }
                None => { (actor) }
            }
        }
    }
}

#[cfg(test)]
mod tests;
