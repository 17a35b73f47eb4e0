//! `/admin/sumber-bukti`: the inspectorate confirms the sources of a month's pay evidence
//! (the tickets each counter account issued, a unit's kiosks) after checking them: on site,
//! against the queue system's log. Until then a source's answers move no officer's TPP by
//! more than the policy's margin (rule in `suara_domain::tpp::sources`). A confirmation
//! covers the answers given so far, is recorded in the audit log, and cannot be undone.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::period::Month;
use suara_domain::tpp::sources::{Source, SourceKind};
use suara_store::{ConfirmError, SourceSummary};
use time::OffsetDateTime;

use super::outcome;
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::pages::staff::confirm::{self, confirmed, Confirmation};
use crate::routes::EVIDENCE_SOURCES;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{channel_label, Lang};

/// Months offered: the one under way and these many before it.
const MONTHS_BACK: u32 = 5;

#[derive(Deserialize, Default)]
pub struct SourcesQuery {
    pub bulan: Option<String>,
}

#[derive(Deserialize)]
pub struct ConfirmForm {
    pub month: Option<String>,
    pub source: Option<String>,
    /// The latest answer of the source the page showed: the confirmation covers no later one.
    pub through: Option<i64>,
    pub confirm: Option<String>,
}

/// A source with its unit's name and how many officers of that unit the confirmed
/// evidence alone decides now.
pub struct Listed {
    pub summary: SourceSummary,
    pub unit: String,
    pub set_aside: usize,
}

pub struct SourcesView {
    pub month: Month,
    pub months: Vec<Month>,
    pub sources: Vec<Listed>,
    /// Officers whose unconfirmed evidence is set aside this month.
    pub set_aside: usize,
    /// The policy's margin, in percent of base; `None` when the policy has no such rule.
    pub margin: Option<u32>,
    pub offset: time::UtcOffset,
}

async fn view(cx: &StaffCx, month: Month) -> Result<SourcesView, PageError> {
    let store = &cx.app.store;
    let tenant_id = cx.tenant_id();
    let current = cx.tenant.month_of(OffsetDateTime::now_utc());
    let mut months = vec![current];
    for _ in 0..MONTHS_BACK {
        let earlier = months[months.len() - 1].previous();
        months.push(earlier);
    }
    // A month asked for by address is offered too, so the list shows what is shown.
    if !months.contains(&month) {
        months.push(month);
        months.sort_unstable_by(|a, b| b.cmp(a));
    }
    let (policy, officers, _) = store
        .preview_payroll(tenant_id, month)
        .await
        .map_err(|error| match error {
            suara_store::TppError::Store(e) => PageError::Store(e),
            _ => PageError::BadRequest,
        })?;
    let held: Vec<_> = officers
        .iter()
        .filter(|o| o.input.set_aside.is_some())
        .collect();
    let units = store.units(tenant_id).await?;
    let sources = store
        .evidence_sources(tenant_id, month, &policy)
        .await?
        .into_iter()
        .map(|summary| {
            let unit_id = &summary.source.unit_id;
            Listed {
                unit: units
                    .iter()
                    .find(|u| &u.unit_id == unit_id)
                    .map_or_else(|| unit_id.clone(), |u| u.name.clone()),
                set_aside: held
                    .iter()
                    .filter(|o| {
                        &o.input.unit_id == unit_id || o.score_unit_id.as_ref() == Some(unit_id)
                    })
                    .count(),
                summary,
            }
        })
        .collect();
    Ok(SourcesView {
        month,
        months,
        sources,
        set_aside: held.len(),
        margin: policy.evidence.and_then(|rule| rule.unconfirmed_percent),
        offset: cx.tenant.offset(),
    })
}

/// A count with the thousands separated, as the rest of the pages write them.
fn whole(n: u64) -> String {
    suara_domain::tpp::rupiah(n)
}

/// What a source is, in words.
pub fn source_name(lang: Lang, source: &Source) -> String {
    match &source.kind {
        SourceKind::Tickets { issuer } => lang.fill(T::TICKETS_ISSUED_BY, &[issuer]),
        SourceKind::Kiosks => lang.t(T::THE_UNIT_S_KIOSKS).to_string(),
        SourceKind::Channel { code } => channel_label(lang, code).to_string(),
    }
}

pub fn render(
    look: Look,
    view: &SourcesView,
    notice: Option<&Result<String, String>>,
) -> (String, Markup) {
    let lang = look.lang;
    let title = format!("{} {}", lang.t(T::EVIDENCE_SOURCES), lang.month(view.month));
    let date = |at: OffsetDateTime| lang.date(at.to_offset(view.offset).date());
    let content = html! {
        h1 { (title) }
        p { (lang.t(T::EVIDENCE_SOURCES_INTRO)) }
        (outcome(notice))
        form.inline method="get" action=(EVIDENCE_SOURCES) {
            input type="hidden" name="lang" value=(lang.code());
            label for="bulan" { (lang.t(T::MONTH)) }
            select id="bulan" name="bulan" {
                @for m in &view.months {
                    option value=(m.to_string()) selected[*m == view.month] { (lang.month(*m)) }
                }
            }
            button.secondary type="submit" { (lang.t(T::SHOW)) }
        }
        @match view.margin {
            None => p.muted { (lang.t(T::POLICY_COUNTS_EVERY_SOURCE)) },
            Some(margin) if view.set_aside == 0 => {
                p { (lang.fill(T::NO_OFFICER_WAITS_FOR_CONFIRMATION, &[&margin])) }
            }
            Some(margin) => {
                p { strong { (lang.fill(T::OFFICERS_PAID_ON_CONFIRMED_EVIDENCE_ONLY, &[&view.set_aside, &margin])) } }
            }
        }
        @if view.sources.is_empty() {
            p.muted { (lang.t(T::NO_PAY_EVIDENCE_THIS_MONTH)) }
        } @else {
            div.table-scroll tabindex="0" role="region" aria-label=(lang.t(T::EVIDENCE_SOURCES)) {
                table.data.stacked {
                    thead { tr {
                        th scope="col" { (lang.t(T::SOURCE)) }
                        th scope="col" { (lang.t(T::UNIT_2)) }
                        th scope="col" { (lang.t(T::ANSWERS)) }
                        th scope="col" { (lang.t(T::NOT_YET_CONFIRMED)) }
                        th scope="col" { (lang.t(T::OFFICERS_NAMED)) }
                        th scope="col" { (lang.t(T::PERIOD_2)) }
                        th scope="col" { (lang.t(T::CONFIRMATION)) }
                    } }
                    tbody { @for l in &view.sources {
                        @let s = &l.summary;
                        tr {
                            th scope="row" { (source_name(lang, &s.source)) }
                            td data-label=(lang.t(T::UNIT_2)) {
                                (l.unit)
                                @if l.set_aside > 0 {
                                    br; strong { (lang.fill(T::OFFICERS_WAIT_FOR_CONFIRMATION, &[&l.set_aside])) }
                                }
                            }
                            td.num data-label=(lang.t(T::ANSWERS)) { (whole(s.answers)) }
                            td.num data-label=(lang.t(T::NOT_YET_CONFIRMED)) { (whole(s.unconfirmed)) }
                            td.num data-label=(lang.t(T::OFFICERS_NAMED)) { (whole(s.officers)) }
                            td data-label=(lang.t(T::PERIOD_2)) { (date(s.first)) " – " (date(s.last)) }
                            td data-label=(lang.t(T::CONFIRMATION)) {
                                @if let Some((by, at)) = &s.confirmed {
                                    (lang.fill(T::CONFIRMED_BY_ON, &[by, &lang.date_time(*at, view.offset)]))
                                    br;
                                }
                                @if s.unconfirmed > 0 {
                                    form method="post" action=(look.action(EVIDENCE_SOURCES)) {
                                        (look.csrf())
                                        input type="hidden" name="month" value=(view.month.to_string());
                                        input type="hidden" name="source" value=(s.source.key());
                                        input type="hidden" name="through" value=(s.latest_response);
                                        button type="submit" aria-label={ (lang.t(T::CONFIRM_SOURCE)) " " (source_name(lang, &s.source)) ", " (l.unit) } {
                                            (lang.t(T::CONFIRM_SOURCE))
                                        }
                                    }
                                }
                            }
                        }
                    } }
                }
            }
        }
    };
    (title, content)
}

pub async fn show(cx: StaffCx, Query(query): Query<SourcesQuery>) -> Result<Response, PageError> {
    let month = match query.bulan.as_deref().filter(|m| !m.is_empty()) {
        Some(text) => super::tpp::parse_month(text)?,
        None => cx.tenant.month_of(OffsetDateTime::now_utc()).previous(),
    };
    respond(&cx, month, StatusCode::OK, None).await
}

async fn respond(
    cx: &StaffCx,
    month: Month,
    status: StatusCode,
    notice: Option<Result<String, String>>,
) -> Result<Response, PageError> {
    let view = view(cx, month).await?;
    let (title, content) = render(cx.look(), &view, notice.as_ref());
    Ok(cx.page(status, &title, content))
}

pub async fn confirm(
    cx: StaffCx,
    CsrfForm(form): CsrfForm<ConfirmForm>,
) -> Result<Response, PageError> {
    let month = super::tpp::parse_month(form.month.as_deref().unwrap_or(""))?;
    let (Some(source), Some(through)) = (
        form.source.as_deref().and_then(Source::from_key),
        form.through,
    ) else {
        return Err(PageError::BadRequest);
    };
    let lang = cx.lang;
    if !confirmed(form.confirm.as_deref()) {
        let view = view(&cx, month).await?;
        let Some(listed) = view.sources.iter().find(|l| l.summary.source == source) else {
            return respond(
                &cx,
                month,
                StatusCode::CONFLICT,
                Some(Err(lang.t(T::THAT_SOURCE_HAS_NO_ANSWERS).into())),
            )
            .await;
        };
        let action = EVIDENCE_SOURCES;
        return confirm::page(
            &cx,
            &Confirmation {
                title: cx.t(T::CONFIRM_THIS_SOURCE),
                facts: vec![
                    (cx.t(T::SOURCE), html! { (source_name(lang, &source)) }),
                    (cx.t(T::UNIT_2), html! { (listed.unit) }),
                    (cx.t(T::MONTH), html! { (lang.month(month)) }),
                    (
                        cx.t(T::ANSWERS),
                        html! { (lang.fill(T::ANSWERS_OF_WHICH_UNCONFIRMED, &[&whole(listed.summary.answers), &whole(listed.summary.unconfirmed)])) },
                    ),
                ],
                consequence: cx.t(T::A_CONFIRMATION_MAKES_THESE_ANSWERS_PAY),
                action,
                fields: vec![
                    ("month".into(), month.to_string()),
                    ("source".into(), source.key()),
                    ("through".into(), through.to_string()),
                ],
                yes: cx.t(T::YES_CONFIRM_SOURCE),
                cancel: format!("{}&bulan={month}", cx.href(EVIDENCE_SOURCES)),
            },
        );
    }
    let outcome = cx
        .app
        .store
        .confirm_source(
            cx.tenant_id(),
            month,
            &source,
            through,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await;
    let (status, notice) = match outcome {
        Ok(answers) => (
            StatusCode::OK,
            Ok(lang.fill(T::SOURCE_CONFIRMED, &[&whole(answers)])),
        ),
        Err(ConfirmError::NothingToConfirm) => (
            StatusCode::CONFLICT,
            Err(lang.t(T::NOTHING_LEFT_TO_CONFIRM).into()),
        ),
        Err(ConfirmError::OwnTickets) => (
            StatusCode::FORBIDDEN,
            Err(lang.t(T::YOU_ISSUED_THESE_TICKETS).into()),
        ),
        Err(ConfirmError::MonthClosed(_)) => (
            StatusCode::CONFLICT,
            Err(lang.t(T::THAT_MONTH_S_TPP_IS_APPROVED).into()),
        ),
        Err(ConfirmError::Store(error)) => return Err(error.into()),
    };
    respond(&cx, month, status, Some(notice)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_source_waiting_for_confirmation_has_a_button_and_a_confirmed_one_says_by_whom() {
        let at = time::macros::datetime!(2026-11-25 02:00 UTC);
        let summary = |kind: SourceKind, unconfirmed: u64| SourceSummary {
            source: Source {
                unit_id: "puskesmas".into(),
                kind,
            },
            answers: 120,
            unconfirmed,
            officers: 3,
            first: at,
            last: at,
            confirmed: (unconfirmed == 0).then(|| ("inspektorat".to_string(), at)),
            latest_response: 120,
        };
        let view = SourcesView {
            month: Month::new(2026, 11).unwrap(),
            months: vec![Month::new(2026, 12).unwrap(), Month::new(2026, 11).unwrap()],
            sources: vec![
                Listed {
                    summary: summary(
                        SourceKind::Tickets {
                            issuer: "loket-1".into(),
                        },
                        120,
                    ),
                    unit: "Puskesmas Pogalan".into(),
                    set_aside: 4,
                },
                Listed {
                    summary: summary(SourceKind::Kiosks, 0),
                    unit: "Puskesmas Pogalan".into(),
                    set_aside: 4,
                },
            ],
            set_aside: 4,
            margin: Some(1),
            offset: time::UtcOffset::from_hms(7, 0, 0).unwrap(),
        };
        let look = Look {
            lang: Lang::ID,
            csrf: "token",
        };
        let html = render(look, &view, None).1.into_string();
        assert!(
            html.contains("name=\"source\" value=\"puskesmas/tickets/loket-1\""),
            "{html}"
        );
        assert!(!html.contains("value=\"puskesmas/kiosks\""), "{html}");
        assert!(
            html.contains("loket-1") && html.contains("25 November 2026"),
            "{html}"
        );
        assert!(html.contains("inspektorat"), "{html}");
    }
}
