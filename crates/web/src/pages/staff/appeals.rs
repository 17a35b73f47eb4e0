//! "Why is my TPP 87 %?": an officer's TPP of a month step by step, from the responses
//! counted to the rupiah exported; the responses naming the officer, which they may appeal;
//! and the inspectorate's page deciding appeals.

use std::sync::Arc;

use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::period::Month;
use suara_store::{Appeal, NamingResponse};
use time::OffsetDateTime;

use super::dashboard::{tenant, tree};
use super::tpp::refusal;
use super::{frame, href, outcome, respond};
use crate::access::{forbidden, APPEALS};
use crate::auth::Staff;
use crate::i18n::{channel_label, Lang};
use crate::pages::{page, LangQuery};
use crate::{ApiError, AppState};

#[derive(Deserialize, Default)]
pub struct ExplainQuery {
    pub lang: Option<String>,
    pub bulan: Option<String>,
}

pub async fn explain(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(nip): Path<String>,
    Query(query): Query<ExplainQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = Lang::from_code(query.lang.as_deref());
    let here = uri.to_string();
    let result = render_explanation(
        &app,
        &staff,
        lang,
        &here,
        &nip,
        query.bulan.as_deref(),
        StatusCode::OK,
        None,
    )
    .await;
    respond(lang, &here, result)
}

fn time_text(at: OffsetDateTime, offset: time::UtcOffset) -> String {
    at.to_offset(offset)
        .format(time::macros::format_description!(
            "[year]-[month]-[day] [hour]:[minute]"
        ))
        .unwrap_or_default()
}

#[allow(clippy::too_many_arguments)]
async fn render_explanation(
    app: &AppState,
    staff: &Staff,
    lang: Lang,
    here: &str,
    nip: &str,
    month: Option<&str>,
    status: StatusCode,
    message: Option<Result<String, String>>,
) -> Result<Response, ApiError> {
    let tenant = tenant(app, staff).await?;
    let tenant_id = tenant.tenant_id.as_str();
    let Some(officer) = app.store.officer(tenant_id, nip).await? else {
        return Err(ApiError::NotFound(format!("officer {nip}")));
    };
    let (_, tree) = tree(app, tenant_id).await?;
    if !staff.principal.sees_officer(nip, &officer.unit_id, &tree) {
        return Ok(forbidden(lang));
    }
    let mut months: Vec<Month> = app
        .store
        .payroll_runs(tenant_id)
        .await?
        .iter()
        .map(|r| r.month)
        .collect();
    months.dedup();
    let month = match month.filter(|m| !m.is_empty()) {
        Some(text) => text
            .parse::<Month>()
            .map_err(|_| ApiError::BadQuery(format!("'{text}' is not a month (YYYY-MM)")))?,
        None => months
            .first()
            .copied()
            .unwrap_or_else(|| tenant.month_of(OffsetDateTime::now_utc()).previous()),
    };
    let run = app.store.payroll_run(tenant_id, month, None).await?;
    let naming = app.store.responses_naming(tenant_id, nip, month).await?;
    // Responses naming the officer in the published SKM, beside those that count for pay.
    let published = app
        .store
        .tally(tenant_id, suara_store::Scope::Officer(nip), month, month)
        .await?
        .responses();
    let own = staff.principal.nip.as_deref() == Some(nip);
    let path = format!("/dasbor/pegawai/{nip}/tpp");
    let title = format!("TPP {} · {month}", officer.name);
    let content = html! {
        p.crumbs { a href=(href(lang, &format!("/dasbor/pegawai/{nip}"), None)) { (officer.name) } }
        h1 { (lang.pick("Mengapa TPP saya sebesar ini?", "Why is my TPP what it is?")) }
        p.lead { (officer.name) " · NIP " (officer.nip) }
        @if months.len() > 1 {
            p { (lang.pick("Bulan: ", "Month: "))
                @for m in &months {
                    @if *m == month { strong aria-current="true" { (m) } }
                    @else { a href={ (path) "?bulan=" (m) "&lang=" (lang.code()) } { (m) } }
                    " "
                }
            }
        }
        (outcome(message.as_ref()))
        @match &run {
            Some(run) => { (super::explanation::steps(lang, run, nip, published)) }
            None => { p { strong { (lang.pick("Belum ada perhitungan TPP bulan ", "No TPP run yet for ")) (month) "." } } }
        }
        (responses_section(lang, staff, &naming, own, nip, month, tenant.offset()))
    };
    Ok(page(status, frame(lang, staff, &title, here, content)))
}

fn appeal_status(lang: Lang, appeal: &Appeal) -> Markup {
    match &appeal.decision {
        None => {
            html! { (lang.pick("Keberatan diajukan, menunggu Inspektorat", "Appealed, awaiting the inspectorate")) }
        }
        Some(d) if d.upheld => {
            html! { strong { (lang.pick("Keberatan dikabulkan", "Appeal upheld")) } ": " (d.reason) }
        }
        Some(d) => html! { (lang.pick("Keberatan ditolak", "Appeal dismissed")) ": " (d.reason) },
    }
}

fn answers_text(answers: &[Option<u8>]) -> String {
    answers
        .iter()
        .map(|a| a.map_or("–".to_string(), |v| v.to_string()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn responses_section(
    lang: Lang,
    staff: &Staff,
    naming: &[NamingResponse],
    own: bool,
    nip: &str,
    month: Month,
    offset: time::UtcOffset,
) -> Markup {
    html! {
        h2 #tanggapan { (lang.pick("Tanggapan yang menyebut pegawai ini", "Responses naming this officer")) " (" (month) ")" }
        @if naming.is_empty() {
            p { (lang.pick("Tidak ada.", "None.")) }
        } @else {
            @if own {
                p { (lang.pick(
                    "Bila sebuah tanggapan bukan tentang layanan Anda (misalnya Anda sedang cuti), ajukan keberatan dengan alasan. Inspektorat memutuskan; bila dikabulkan, tanggapan itu tidak dihitung untuk TPP pada perhitungan berikutnya.",
                    "If a response is not about your service (say, you were on leave), appeal it with a reason. The inspectorate decides; if upheld, the response no longer counts for TPP from the next run on.",
                )) }
            }
            table.data.stacked {
                thead { tr {
                    th scope="col" { (lang.pick("Tanggal", "Date")) }
                    th scope="col" { (lang.pick("Saluran", "Channel")) }
                    th scope="col" { (lang.pick("Jawaban U1–U9", "Answers U1–U9")) }
                    th scope="col" { (lang.pick("Keterangan", "Status")) }
                } }
                tbody { @for r in naming { tr {
                    // The day only, and never whether it was held: an officer must not learn
                    // who rated them, nor tune stuffing by what the rules caught.
                    th scope="row" { (lang.date(r.received_at.to_offset(offset).date())) }
                    td data-label=(lang.pick("Saluran", "Channel")) { (channel_label(lang, &r.channel)) }
                    td data-label=(lang.pick("Jawaban", "Answers")) { code { (answers_text(&r.answers)) } }
                    td {
                        @if let Some(appeal) = &r.appeal { (appeal_status(lang, appeal)) }
                        @else if own {
                            form method="post" action={ "/dasbor/pegawai/" (nip) "/banding?lang=" (lang.code()) } {
                                input type="hidden" name="csrf" value=(staff.session.csrf_token);
                                input type="hidden" name="response" value=(r.response_id);
                                input type="hidden" name="month" value=(month);
                                label for={ "appeal-" (r.response_id) } { (lang.pick("Alasan keberatan", "Reason for the appeal")) }
                                input id={ "appeal-" (r.response_id) } name="reason" required maxlength="1000";
                                button type="submit" { (lang.pick("Ajukan keberatan", "Appeal")) }
                            }
                        }
                    }
                } } }
            }
        }
    }
}

#[derive(Deserialize)]
pub struct AppealForm {
    pub csrf: Option<String>,
    pub response: Option<i64>,
    pub month: Option<String>,
    #[serde(default)]
    pub reason: String,
}

pub async fn file_appeal(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(nip): Path<String>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    Form(form): Form<AppealForm>,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    // Only the officer named may appeal, for themselves.
    if !staff.csrf_ok(form.csrf.as_deref()) || staff.principal.nip.as_deref() != Some(nip.as_str())
    {
        return forbidden(lang);
    }
    let result = async {
        let Some(response_id) = form.response else {
            return Err(ApiError::BadQuery("choose a response".into()));
        };
        let filed = app
            .store
            .file_appeal(
                staff.tenant_id(),
                &nip,
                response_id,
                &form.reason,
                OffsetDateTime::now_utc(),
            )
            .await;
        let (status, message) = match filed {
            Ok(()) => (
                StatusCode::OK,
                Ok(lang
                    .pick(
                        "Keberatan diajukan. Inspektorat akan memutuskan.",
                        "Appeal filed. The inspectorate will decide.",
                    )
                    .to_string()),
            ),
            Err(error) => {
                let (status, text) = refusal(lang, error)?;
                (status, Err(text))
            }
        };
        render_explanation(
            &app,
            &staff,
            lang,
            &here,
            &nip,
            form.month.as_deref(),
            status,
            Some(message),
        )
        .await
    }
    .await;
    respond(lang, &here, result)
}

// ---------------------------------------------------------------------------------------
// The inspectorate decides.

pub async fn appeals(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    let result = appeals_page(&app, &staff, lang, &here, StatusCode::OK, None).await;
    respond(lang, &here, result)
}

async fn appeals_page(
    app: &AppState,
    staff: &Staff,
    lang: Lang,
    here: &str,
    status: StatusCode,
    message: Option<Result<String, String>>,
) -> Result<Response, ApiError> {
    let tenant = tenant(app, staff).await?;
    let tenant_id = tenant.tenant_id.as_str();
    let pending = app.store.pending_appeals(tenant_id).await?;
    let decided = app.store.decided_appeals(tenant_id, 50).await?;
    let mut rows = Vec::new();
    for appeal in &pending {
        let response = app
            .store
            .responses_naming(tenant_id, &appeal.nip, appeal.month)
            .await?
            .into_iter()
            .find(|r| r.response_id == appeal.response_id);
        let name = app
            .store
            .officer(tenant_id, &appeal.nip)
            .await?
            .map(|o| o.name);
        rows.push((appeal, response, name));
    }
    let title = lang.pick("Keberatan atas tanggapan", "Appeals of responses");
    let offset = tenant.offset();
    let content = html! {
        h1 { (title) }
        p { (lang.pick(
            "Pegawai mengajukan keberatan atas tanggapan yang menyebut mereka. Kabulkan bila tanggapan itu bukan tentang layanan mereka (periksa daftar hadir, jadwal loket); tanggapan yang dikabulkan tidak dihitung untuk TPP pada perhitungan berikutnya, tetapi tetap dalam SKM yang diumumkan. Keputusan final dan tercatat di log audit.",
            "Officers appeal responses that name them. Uphold an appeal when the response was not about their service (check attendance, counter rosters); an upheld response no longer counts for TPP from the next run on, but stays in the published SKM. Decisions are final and audit-logged.",
        )) }
        (outcome(message.as_ref()))
        @if rows.is_empty() {
            p { strong { (lang.pick("Tidak ada keberatan yang menunggu.", "No appeals are waiting.")) } }
        } @else {
            table.data {
                thead { tr {
                    th scope="col" { (lang.pick("Pegawai", "Officer")) }
                    th scope="col" { (lang.pick("Tanggapan", "Response")) }
                    th scope="col" { (lang.pick("Alasan pegawai", "Officer's reason")) }
                    th scope="col" { (lang.pick("Keputusan", "Decision")) }
                } }
                tbody { @for (appeal, response, name) in &rows { tr {
                    th scope="row" { (name.as_deref().unwrap_or("")) br; small { (appeal.nip) } }
                    td {
                        @if let Some(r) = response {
                            (time_text(r.received_at, offset)) " · " (channel_label(lang, &r.channel)) br; code { (answers_text(&r.answers)) }
                        }
                    }
                    td { (appeal.reason) br; small.muted { (time_text(appeal.filed_at, offset)) } }
                    td {
                        form.decide method="post" action={ (APPEALS) "?lang=" (lang.code()) } {
                            input type="hidden" name="csrf" value=(staff.session.csrf_token);
                            input type="hidden" name="response" value=(appeal.response_id);
                            label for={ "decision-" (appeal.response_id) } { (lang.pick("Alasan", "Reason")) }
                            input id={ "decision-" (appeal.response_id) } name="reason" required maxlength="1000";
                            button type="submit" name="decision" value="uphold" { (lang.pick("Kabulkan", "Uphold")) }
                            " "
                            button type="submit" name="decision" value="dismiss" { (lang.pick("Tolak", "Dismiss")) }
                        }
                    }
                } } }
            }
        }
        @if !decided.is_empty() {
            h2 { (lang.pick("Sudah diputuskan", "Decided")) }
            table.data {
                thead { tr {
                    th scope="col" { "NIP" } th scope="col" { (lang.pick("Bulan", "Month")) }
                    th scope="col" { (lang.pick("Alasan pegawai", "Officer's reason")) } th scope="col" { (lang.pick("Keputusan", "Decision")) }
                } }
                tbody { @for a in &decided { tr {
                    th scope="row" { (a.nip) } td { (a.month) } td { (a.reason) }
                    td { (appeal_status(lang, a)) @if let Some(d) = &a.decision { br; small.muted { (d.decided_by) ", " (time_text(d.decided_at, offset)) } } }
                } } }
            }
        }
    };
    Ok(page(status, frame(lang, staff, title, here, content)))
}

#[derive(Deserialize)]
pub struct DecideForm {
    pub csrf: Option<String>,
    pub response: Option<i64>,
    pub decision: Option<String>,
    #[serde(default)]
    pub reason: String,
}

pub async fn decide(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    Form(form): Form<DecideForm>,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    if !staff.csrf_ok(form.csrf.as_deref()) {
        return forbidden(lang);
    }
    let result = async {
        let upheld = match form.decision.as_deref() {
            Some("uphold") => Some(true),
            Some("dismiss") => Some(false),
            _ => None,
        };
        let (Some(response_id), Some(upheld)) = (form.response, upheld) else {
            let problem = Err(lang.pick("Pilih keberatan dan keputusan.", "Choose an appeal and a decision.").to_string());
            return appeals_page(&app, &staff, lang, &here, StatusCode::UNPROCESSABLE_ENTITY, Some(problem)).await;
        };
        let decided = app
            .store
            .decide_appeal(staff.tenant_id(), response_id, upheld, &form.reason, staff.username(), OffsetDateTime::now_utc())
            .await;
        let (status, message) = match decided {
            Ok(()) => (StatusCode::OK, Ok(if upheld {
                lang.pick("Dikabulkan; tanggapan tidak dihitung untuk TPP mulai perhitungan berikutnya.", "Upheld; the response no longer counts for TPP from the next run on.")
            } else {
                lang.pick("Ditolak; tanggapan tetap dihitung.", "Dismissed; the response still counts.")
            }.to_string())),
            Err(error) => {
                let (status, text) = refusal(lang, error)?;
                (status, Err(text))
            }
        };
        appeals_page(&app, &staff, lang, &here, status, Some(message)).await
    }
    .await;
    respond(lang, &here, result)
}
