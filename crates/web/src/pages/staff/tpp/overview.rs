//! The TPP start page: runs, base amounts, imports, and computing a month that has ended.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::period::Month;
use suara_domain::tpp::inputs::{parse_base_amounts, parse_components, LineError};
use suara_domain::tpp::policy::Policy;
use suara_store::RunSummary;
use time::OffsetDateTime;

use super::{month_href, refusal, rp, rule_text, state_label};
use crate::pages::context::{CsrfForm, Look, StaffCx, Upload};
use crate::pages::failure::PageError;
use crate::routes;
use suara_app::i18n::catalogue as T;

/// What the page shows, loaded from the store.
pub struct OverviewView {
    pub runs: Vec<RunSummary>,
    pub bases: std::collections::BTreeMap<String, u64>,
    /// The latest month that has ended: the one to compute.
    pub last_month: Month,
    pub current_month: Month,
    pub policy: Policy,
}

async fn load(cx: &StaffCx) -> Result<OverviewView, PageError> {
    let store = &cx.app.store;
    let current_month = cx.current_month();
    let last_month = current_month.previous();
    Ok(OverviewView {
        runs: store.payroll_runs(cx.tenant_id()).await?,
        bases: store.base_amounts(cx.tenant_id()).await?,
        policy: store.policy_for(cx.tenant_id(), last_month).await?,
        last_month,
        current_month,
    })
}

/// The page with an optional outcome of a form (a confirmation or the problem).
async fn respond(
    cx: &StaffCx,
    status: StatusCode,
    message: Option<Result<Markup, Markup>>,
) -> Result<Response, PageError> {
    let view = load(cx).await?;
    let (title, content) = render(cx.look(), &view, message.as_ref());
    Ok(cx.page(status, title, content))
}

pub async fn overview(cx: StaffCx) -> Result<Response, PageError> {
    respond(&cx, StatusCode::OK, None).await
}

pub fn render(
    look: Look,
    view: &OverviewView,
    message: Option<&Result<Markup, Markup>>,
) -> (&'static str, Markup) {
    let lang = look.lang;
    let title = look.t(T::TPP_MONTHLY_PAYROLL);
    let content = html! {
        h1 { (title) }
        @match message {
            Some(Ok(m)) => { div.success role="status" { (m) } }
            Some(Err(m)) => { div.error-summary role="alert" tabindex="-1" { h2 { (look.t(T::THERE_IS_A_PROBLEM)) } (m) } }
            None => {}
        }
        p { (look.t(T::EACH_OFFICER_S_TPP_FOLLOWS_PUBLIC_SATISFACTION)) }
        h2 { (look.t(T::COMPUTE_A_MONTH_S_TPP)) }
        form method="post" action=(look.action(routes::TPP_RUN)) {
            (look.csrf())
            label for="month" { (look.t(T::A_MONTH_THAT_HAS_ENDED)) }
            " "
            select #month name="month" {
                @for (i, month) in ended_months(view.last_month).enumerate() {
                    option value=(month) selected[i == 0] { (lang.month(month)) }
                }
            }
            " "
            button.primary type="submit" { (look.t(T::COMPUTE)) }
        }
        p.muted { (look.t(T::POLICY_IN_FORCE_FOR)) (lang.month(view.last_month)) ": "
            a href=(look.href(routes::TPP_POLICY)) { (super::policy_name(lang, &view.policy.version)) } " (" (rule_text(lang, &view.policy)) ")" }
        p { a href=(look.href(&routes::tpp_month(&view.current_month.to_string()))) {
            (look.t(T::PROVISIONAL_PREVIEW_OF_THE_CURRENT_MONTH)) " (" (lang.month(view.current_month)) ")"
        } }
        h2 { (look.t(T::RUNS)) }
        @if view.runs.is_empty() {
            p { (look.t(T::NO_RUNS_YET)) }
        } @else {
            (runs_table(look, &view.runs))
        }
        h2 #dasar { (look.t(T::BASE_TPP_PER_POSITION_CLASS)) }
        @if view.bases.is_empty() {
            p { strong { (look.t(T::NOT_IMPORTED_YET_WITHOUT_BASE_AMOUNTS_NO)) } }
        } @else {
            table.data tabindex="0" {
                thead { tr { th scope="col" { (look.t(T::POSITION_CLASS)) } th.num scope="col" { (look.t(T::BASE_TPP)) } } }
                tbody { @for (class, amount) in by_class(&view.bases) { tr { th scope="row" { (class) } td.num { (rp(*amount)) } } } }
            }
        }
        (upload_form(look, "base", look.t(T::IMPORT_BASE_AMOUNTS_REPLACES_THE_TABLE), "KELAS JABATAN, TPP DASAR"))
        h2 { (look.t(T::OTHER_COMPONENTS_ATTENDANCE_PRODUCTIVITY)) }
        p { (look.t(T::USED_ONLY_WHEN_THE_POLICY_GIVES_THEM)) }
        (upload_form(look, "components", look.t(T::IMPORT_COMPONENTS), "NIP, BULAN, KEHADIRAN, PRODUKTIVITAS"))
    };
    (title, content)
}

fn runs_table(look: Look, runs: &[RunSummary]) -> Markup {
    let lang = look.lang;
    html! {
        table.data tabindex="0" {
            thead { tr {
                th scope="col" { (look.t(T::MONTH)) }
                th.num scope="col" { (look.t(T::TOTAL)) }
                th scope="col" { (look.t(T::STATE)) }
                th.num scope="col" { (look.t(T::VERSION_2)) }
                th scope="col" { (look.t(T::POLICY_2)) }
                th.num scope="col" { (look.t(T::PAID)) }
                th.num scope="col" { (look.t(T::UNPAID)) }
            } }
            tbody { @for r in runs { tr {
                th scope="row" { a href=(month_href(lang, r.month, Some(r.version))) { (lang.month(r.month)) } }
                td.num { (rp(r.total)) }
                td { (state_label(lang, r.state)) }
                td.num { (r.version) }
                td { (super::policy_name(lang, &r.policy_version)) }
                td.num { (r.paid) }
                td.num { (r.unpaid) }
            } } }
        }
    }
}

fn upload_form(look: Look, kind: &str, label: &str, columns: &str) -> Markup {
    html! {
        form.import method="post" action=(look.action(routes::TPP_IMPORT)) enctype="multipart/form-data" {
            (look.csrf())
            input type="hidden" name="kind" value=(kind);
            p {
                label for={ "file-" (kind) } { (label) }
                input id={ "file-" (kind) } type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required;
                span.hint { (look.t(T::COLUMNS)) code { (columns) } }
            }
            p.buttons { button type="submit" { (look.t(T::IMPORT)) } }
        }
    }
}

fn line_errors(look: Look, errors: &[LineError]) -> Markup {
    html! {
        p { strong { (errors.len()) " " (look.t(T::PROBLEMS_FOUND_NOTHING_WAS_IMPORTED)) } }
        ul { @for e in errors { li { (look.t(T::LINE_2)) (e.line) ", " code { (e.field) } ": " (suara_app::i18n::reason_text(look.lang, &e.reason)) } } }
    }
}

pub async fn import(cx: StaffCx, upload: Upload) -> Result<Response, PageError> {
    let look = cx.look();
    let now = OffsetDateTime::now_utc();
    let store = &cx.app.store;
    let Some(file) = upload.file("file") else {
        let m = html! { p { (look.t(T::CHOOSE_A_CSV_FILE)) } };
        return respond(&cx, StatusCode::UNPROCESSABLE_ENTITY, Some(Err(m))).await;
    };
    let message = match upload.text("kind").as_deref() {
        Some("base") => match parse_base_amounts(file) {
            Err(errors) => Err(line_errors(look, &errors)),
            Ok(rows) => {
                store
                    .replace_base_amounts(cx.tenant_id(), &rows, cx.username(), now)
                    .await?;
                Ok(html! { p { (rows.len()) " " (look.t(T::POSITION_CLASSES_IMPORTED)) } })
            }
        },
        Some("components") => match parse_components(file) {
            Err(errors) => Err(line_errors(look, &errors)),
            Ok(rows) => match store
                .import_components(cx.tenant_id(), &rows, cx.username(), now)
                .await
            {
                Ok(()) => Ok(html! { p { (rows.len()) " " (look.t(T::COMPONENT_ROWS_IMPORTED)) } }),
                Err(error) => Err(html! { p { (refusal(cx.lang, error)?.1) } }),
            },
        },
        _ => Err(html! { p { (look.t(T::UNKNOWN_KIND_OF_IMPORT)) } }),
    };
    let status = if message.is_ok() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    respond(&cx, status, Some(message)).await
}

#[derive(Deserialize)]
pub struct RunForm {
    pub month: Option<String>,
}

/// Months offered to compute: the latest that has ended and those before it, two years in
/// all (an older month is computed again from the command line).
fn ended_months(last: Month) -> impl Iterator<Item = Month> {
    std::iter::successors(Some(last), |m| Some(m.previous())).take(24)
}

pub async fn compute(
    cx: StaffCx,
    CsrfForm(form): CsrfForm<RunForm>,
) -> Result<Response, PageError> {
    let Some(month) = form.month.as_deref().and_then(|m| m.parse::<Month>().ok()) else {
        let m = html! { p { (cx.t(T::CHOOSE_A_MONTH_FROM_THE_LIST)) } };
        return respond(&cx, StatusCode::UNPROCESSABLE_ENTITY, Some(Err(m))).await;
    };
    let (key, kept) = cx.app.signer.log_signer(cx.tenant_id())?;
    let computed = cx
        .app
        .store
        .run_payroll(
            cx.tenant_id(),
            month,
            cx.username(),
            OffsetDateTime::now_utc(),
            &suara_store::LogSigner {
                key: &key,
                outside: kept,
                witnessed: cx.app.witnesses.witnessed(),
            },
        )
        .await;
    match computed {
        Ok(summary) => {
            Ok(Redirect::to(&month_href(cx.lang, month, Some(summary.version))).into_response())
        }
        Err(error) => {
            let (status, text) = refusal(cx.lang, error)?;
            respond(&cx, status, Some(Err(html! { p { (text) } }))).await
        }
    }
}

/// The base amounts in the order of their classes: 1, 2, … 10, 11 (as numbers, not text);
/// a class that is no number comes after them.
fn by_class(bases: &std::collections::BTreeMap<String, u64>) -> Vec<(&String, &u64)> {
    let mut rows: Vec<_> = bases.iter().collect();
    rows.sort_by_key(|(class, _)| (class.parse::<u32>().unwrap_or(u32::MAX), class.as_str()));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use suara_app::i18n::Lang;

    #[test]
    fn the_page_offers_only_ended_months_and_a_preview() {
        let month = |m: &str| m.parse::<Month>().unwrap();
        let view = OverviewView {
            runs: Vec::new(),
            bases: [
                ("7".to_string(), 3_300_000),
                ("10".to_string(), 5_100_000),
                ("3".to_string(), 1_900_000),
            ]
            .into(),
            last_month: month("2026-10"),
            current_month: month("2026-11"),
            policy: Policy::regency_default(),
        };
        let look = Look {
            lang: Lang::ID,
            csrf: "token",
        };
        let (title, markup) = render(look, &view, None);
        let html = markup.into_string();
        assert!(title.starts_with("TPP"));
        // Ended months in words, the latest chosen, none after it; two years back.
        assert!(html.contains(r#"<option value="2026-10" selected>Oktober 2026</option>"#));
        assert!(!html.contains(r#"value="2026-11""#));
        assert!(html.contains(r#"value="2024-11""#) && !html.contains(r#"value="2024-10""#));
        assert!(html.contains("Pratinjau sementara bulan berjalan"));
        assert!(html.contains("November 2026"));
        let order: Vec<usize> = ["Rp1.900.000", "Rp3.300.000", "Rp5.100.000"]
            .iter()
            .map(|amount| html.find(amount).unwrap())
            .collect();
        assert!(order.is_sorted(), "classes 3, 7, 10 in that order");
        assert!(html.contains(r#"value="token""#));
    }
}
