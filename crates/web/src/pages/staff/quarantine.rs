//! `/admin/karantina`: responses the anomaly rules held back, for the inspectorate to accept
//! or reject. Filtered by reason, unit, channel and source (a network, by a short label of its
//! daily hash), paged, and decided one at a time or many at once with one reason; a decision
//! for more than one response asks for confirmation first. Decisions are final and
//! audit-logged.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::integrity::anomaly::Reason;
use suara_domain::integrity::channel::Channel;
use suara_store::{DecisionError, HeldPage, HeldQuery};
use time::OffsetDateTime;

use super::confirm::{self, confirmed, Confirmation};
use super::outcome;
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes::QUARANTINE;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{channel_label, Lang};

/// Held responses per page.
const PAGE_SIZE: u32 = 50;
/// The most one "decide all that match" may decide at once.
const MAX_BULK: u32 = 1000;

/// The page's filters and page number, as in its address.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct Filters {
    pub alasan: Option<String>,
    pub unit: Option<String>,
    pub saluran: Option<String>,
    pub sumber: Option<String>,
    pub halaman: Option<u32>,
}

fn present(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

impl Filters {
    fn page(&self) -> u32 {
        self.halaman.unwrap_or(1).max(1)
    }

    fn query(&self, offset: u32, limit: u32) -> HeldQuery {
        HeldQuery {
            reason: self.alasan.as_deref().and_then(Reason::from_code),
            unit: present(&self.unit),
            channel: present(&self.saluran).filter(|c| Channel::from_code(c).is_some()),
            source: present(&self.sumber),
            offset,
            limit,
        }
    }

    /// The address of another page with the same filters.
    fn link(&self, lang: Lang, page: u32) -> String {
        let mut pairs = vec![("lang", lang.code().to_string())];
        for (key, value) in [
            ("alasan", &self.alasan),
            ("unit", &self.unit),
            ("saluran", &self.saluran),
            ("sumber", &self.sumber),
        ] {
            if let Some(value) = present(value) {
                pairs.push((key, value));
            }
        }
        pairs.push(("halaman", page.to_string()));
        format!(
            "{QUARANTINE}?{}",
            serde_urlencoded::to_string(&pairs).unwrap_or_default()
        )
    }

    /// The filters as hidden fields, so a decision for "all that match" decides what was shown.
    fn hidden(&self) -> Markup {
        html! {
            @for (key, value) in [("alasan", &self.alasan), ("unit", &self.unit), ("saluran", &self.saluran), ("sumber", &self.sumber)] {
                @if let Some(value) = present(value) { input type="hidden" name=(key) value=(value); }
            }
        }
    }
}

fn reason_label(lang: Lang, reason: Reason) -> &'static str {
    match reason {
        Reason::DeviceRepeat => lang.t(T::REPEATED_DEVICE),
        Reason::NetworkBurst => lang.t(T::MANY_FROM_ONE_NETWORK),
        Reason::StraightLinedBulk => lang.t(T::REPEATED_ALL_SAME_ANSWERS),
        Reason::UnitBurst => lang.t(T::BURST_AT_THE_UNIT),
        Reason::TicketAtCounter => lang.t(T::TICKET_ANSWERED_AT_THE_COUNTER),
        Reason::OutsideServiceHours => lang.t(T::OUTSIDE_SERVICE_HOURS),
        Reason::KioskTooFast => lang.t(T::KIOSK_ANSWERED_TOO_FAST),
        Reason::KioskBurst => lang.t(T::MANY_FROM_ONE_KIOSK),
    }
}

pub async fn show(cx: StaffCx, Query(filters): Query<Filters>) -> Result<Response, PageError> {
    respond(&cx, &filters, StatusCode::OK, None).await
}

async fn respond(
    cx: &StaffCx,
    filters: &Filters,
    status: StatusCode,
    message: Option<Result<String, String>>,
) -> Result<Response, PageError> {
    let (lang, look) = (cx.lang, cx.look());
    let page_number = filters.page();
    let held = cx
        .app
        .store
        .held_responses(
            cx.tenant_id(),
            &filters.query((page_number - 1) * PAGE_SIZE, PAGE_SIZE),
        )
        .await?;
    let units = cx.app.store.units(cx.tenant_id()).await?;
    let title = lang.t(T::RESPONSE_QUARANTINE);
    let content = html! {
        h1 { (title) }
        p { (lang.t(T::RESPONSES_HERE_WERE_HELD_BACK_BY_THE)) }
        (outcome(message.as_ref()))
        (filter_form(lang, filters, &units))
        (list(look, filters, &held, &units, cx.tenant.offset()))
    };
    Ok(cx.page(status, title, content))
}

fn filter_form(lang: Lang, filters: &Filters, units: &[suara_store::Unit]) -> Markup {
    let chosen = |value: &Option<String>, option: &str| present(value).as_deref() == Some(option);
    html! {
        form.filters method="get" action=(QUARANTINE) {
            input type="hidden" name="lang" value=(lang.code());
            p {
                label for="alasan" { (lang.t(T::REASON_2)) }
                select #alasan name="alasan" {
                    option value="" { (lang.t(T::ALL)) }
                    @for reason in Reason::ALL {
                        option value=(reason.code()) selected[chosen(&filters.alasan, reason.code())] { (reason_label(lang, reason)) }
                    }
                }
            }
            p {
                label for="unit" { "Unit" }
                select #unit name="unit" {
                    option value="" { (lang.t(T::ALL)) }
                    @for unit in units {
                        option value=(unit.unit_id) selected[chosen(&filters.unit, &unit.unit_id)] { (unit.name) }
                    }
                }
            }
            p {
                label for="saluran" { (lang.t(T::CHANNEL)) }
                select #saluran name="saluran" {
                    option value="" { (lang.t(T::ALL)) }
                    @for channel in Channel::ALL {
                        option value=(channel.code()) selected[chosen(&filters.saluran, channel.code())] { (channel_label(lang, channel.code())) }
                    }
                }
            }
            p {
                label for="sumber" { (lang.t(T::SOURCE_NETWORK_CODE)) }
                input #sumber name="sumber" value=(present(&filters.sumber).unwrap_or_default()) size="10" autocomplete="off";
            }
            p { button type="submit" { (lang.t(T::FILTER)) } }
        }
    }
}

fn list(
    look: Look,
    filters: &Filters,
    held: &HeldPage,
    units: &[suara_store::Unit],
    offset: time::UtcOffset,
) -> Markup {
    let unit_name = |id: &str| {
        units
            .iter()
            .find(|u| u.unit_id == id)
            .map_or(id.to_string(), |u| u.name.clone())
    };
    let lang = look.lang;
    if held.total == 0 {
        let filtered = filters.query(0, 0) != HeldQuery::first(0);
        return html! { p { strong { (if filtered {
            lang.t(T::NO_HELD_RESPONSE_MATCHES_THIS_FILTER)
        } else {
            lang.t(T::NO_RESPONSES_ARE_HELD)
        }) } } };
    }
    let pages = held.total.div_ceil(u64::from(PAGE_SIZE)).max(1) as u32;
    let page_number = filters.page().min(pages);
    html! {
        p { (lang.t(T::AWAITING_A_DECISION)) (held.total) " " (lang.t(T::RESPONSES_2)) " · "
            (lang.t(T::PAGE)) (page_number) (lang.t(T::OF)) (pages) }
        form.decide method="post" action=(look.action(QUARANTINE)) {
            (look.csrf())
            (filters.hidden())
            table.data.stacked aria-label=(lang.t(T::HELD_RESPONSES)) {
                    thead { tr {
                        th scope="col" { span.visually-hidden { (lang.t(T::SELECT)) } }
                        th scope="col" { (lang.t(T::RECEIPT)) }
                        th scope="col" { (lang.t(T::TIME)) }
                        th scope="col" { "Unit" }
                        th scope="col" { (lang.t(T::CHANNEL_AND_SOURCE)) }
                        th scope="col" { (lang.t(T::ANSWERS_U1_U9)) }
                        th scope="col" { (lang.t(T::HELD_BECAUSE)) }
                    } }
                    tbody { @for h in &held.items { tr {
                        td { input type="checkbox" name="response" value=(h.response_id) id={ "r-" (h.response_id) }; }
                        th scope="row" { label for={ "r-" (h.response_id) } { code { (h.receipt) } } }
                        td data-label=(lang.t(T::TIME)) { (lang.date_time(h.received_at, offset)) }
                        td data-label="Unit" { (unit_name(&h.unit_id)) }
                        td data-label=(lang.t(T::CHANNEL)) { (channel_label(lang, &h.channel))
                            @if let Some(source) = &h.source { br; a href=(Filters { sumber: Some(source.clone()), halaman: None, ..filters.clone() }.link(lang, 1)) { code { (source) } } } }
                        td data-label=(lang.t(T::ANSWERS)) { code { @for a in h.answers { (a.map_or("–".to_string(), |v| v.to_string())) " " } } }
                        td data-label=(lang.t(T::REASON_2)) { ul { @for r in &h.reasons { li { (suara_app::i18n::held_because(lang, *r)) } } } }
                    } } }
            }
            fieldset {
                legend { (lang.t(T::DECISION_FOR_THOSE_TICKED)) }
                p {
                    label for="reason" { (lang.t(T::REASON_REQUIRED_ONE_FOR_ALL)) }
                    input #reason name="reason" required;
                }
                p {
                    input #all type="checkbox" name="scope" value="all";
                    " " label for="all" { (lang.t(T::EVERY_ONE_MATCHING_THE_FILTER)) (held.total.min(u64::from(MAX_BULK))) ")" }
                }
                p.buttons {
                    button type="submit" name="decision" value="accept" { (lang.t(T::ACCEPT)) }
                    " "
                    button type="submit" name="decision" value="reject" { (lang.t(T::REJECT_2)) }
                }
            }
        }
        nav.pager aria-label=(lang.t(T::PAGES)) {
            @if page_number > 1 { a href=(filters.link(lang, page_number - 1)) { (lang.t(T::PREVIOUS)) } " " }
            @if page_number < pages { a href=(filters.link(lang, page_number + 1)) { (lang.t(T::NEXT)) } }
        }
    }
}

/// The decision form: pairs, since `response` repeats.
pub async fn decide(
    cx: StaffCx,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let value = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
    let filters = Filters {
        alasan: value("alasan"),
        unit: value("unit"),
        saluran: value("saluran"),
        sumber: value("sumber"),
        halaman: None,
    };
    let fail = |status, text: &str| respond(&cx, &filters, status, Some(Err(text.to_string())));
    let accept = match value("decision").as_deref() {
        Some("accept") => true,
        Some("reject") => false,
        _ => {
            return fail(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang.t(T::CHOOSE_ACCEPT_OR_REJECT),
            )
            .await
        }
    };
    let reason = value("reason").unwrap_or_default();
    let all = value("scope").as_deref() == Some("all");
    let ids = chosen_ids(&cx, &pairs, &filters, all).await?;
    if ids.is_empty() {
        return fail(
            StatusCode::UNPROCESSABLE_ENTITY,
            lang.t(T::TICK_THE_RESPONSES_TO_DECIDE_OR_CHOOSE),
        )
        .await;
    }
    if ids.len() > 1 && !confirmed(value("confirm").as_deref()) {
        return confirm::page(
            &cx,
            &Confirmation {
                title: lang.t(T::CHECK_THE_DECISION),
                facts: vec![
                    (
                        lang.t(T::DECISION),
                        html! { (if accept { lang.t(T::ACCEPT_2) } else { lang.t(T::REJECT_3) }) " " (ids.len()) " " (lang.t(T::RESPONSES_2)) },
                    ),
                    (lang.t(T::REASON_2), html! { (reason) }),
                ],
                consequence: lang.t(T::THIS_DECISION_IS_FINAL_AND_GOES_INTO),
                action: QUARANTINE,
                fields: pairs.clone(),
                yes: lang.t(T::YES_DECIDE),
                cancel: cx.href(QUARANTINE),
            },
        );
    }
    let outcome = cx
        .app
        .store
        .decide_held_many(
            cx.tenant_id(),
            &ids,
            accept,
            &reason,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await;
    match outcome {
        Ok(()) => {
            let done = done_text(lang, accept, ids.len());
            respond(&cx, &filters, StatusCode::OK, Some(Ok(done))).await
        }
        Err(DecisionError::NoReason) => {
            fail(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang.t(T::WRITE_DOWN_THE_REASON),
            )
            .await
        }
        Err(DecisionError::NotHeld(_)) => {
            fail(
                StatusCode::CONFLICT,
                lang.t(T::SOME_OF_THE_RESPONSES_WERE_DECIDED_BY),
            )
            .await
        }
        Err(DecisionError::Store(e)) => Err(PageError::Store(e)),
    }
}

/// The responses to decide: all that match the filters (at most [`MAX_BULK`]) when `all`,
/// else those ticked.
async fn chosen_ids(
    cx: &StaffCx,
    pairs: &[(String, String)],
    filters: &Filters,
    all: bool,
) -> Result<Vec<i64>, PageError> {
    if all {
        Ok(cx
            .app
            .store
            .held_responses(cx.tenant_id(), &filters.query(0, MAX_BULK))
            .await?
            .items
            .iter()
            .map(|h| h.response_id)
            .collect())
    } else {
        Ok(pairs
            .iter()
            .filter(|(k, _)| k == "response")
            .filter_map(|(_, v)| v.parse().ok())
            .collect())
    }
}

/// What deciding `count` responses did, in the user's language.
fn done_text(lang: Lang, accept: bool, count: usize) -> String {
    let text = if accept {
        T::QUARANTINE_ACCEPTED_N
    } else {
        T::QUARANTINE_REJECTED_N
    };
    lang.fill(text, &[&count])
}
