//! The inspectorate decides appeals: officers appeal responses that name them; an upheld
//! response leaves later TPP runs (not the published SKM). Deciding is final, so it asks
//! first on a confirmation page.

use axum::http::StatusCode;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use suara_store::{Appeal, NamingResponse};
use time::OffsetDateTime;

use super::confirm::{self, confirmed, Confirmation};
use super::outcome;
use super::tpp::refusal;
use crate::i18n::{channel_label, Lang};
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes;

pub fn appeal_status(lang: Lang, appeal: &Appeal) -> Markup {
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

pub fn answers_text(answers: &[Option<u8>]) -> String {
    answers
        .iter()
        .map(|a| a.map_or("–".to_string(), |v| v.to_string()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A pending appeal with the response it is about and the officer's name.
pub struct PendingRow {
    pub appeal: Appeal,
    pub response: Option<NamingResponse>,
    pub name: Option<String>,
}

pub struct AppealsView {
    pub pending: Vec<PendingRow>,
    pub decided: Vec<Appeal>,
    pub offset: time::UtcOffset,
}

async fn load(cx: &StaffCx) -> Result<AppealsView, PageError> {
    let store = &cx.app.store;
    let tenant_id = cx.tenant_id();
    let mut pending = Vec::new();
    for appeal in store.pending_appeals(tenant_id).await? {
        let response = store
            .responses_naming(tenant_id, &appeal.nip, appeal.month)
            .await?
            .into_iter()
            .find(|r| r.response_id == appeal.response_id);
        let name = store.officer(tenant_id, &appeal.nip).await?.map(|o| o.name);
        pending.push(PendingRow {
            appeal,
            response,
            name,
        });
    }
    Ok(AppealsView {
        pending,
        decided: store.decided_appeals(tenant_id, 50).await?,
        offset: cx.tenant.offset(),
    })
}

async fn respond(
    cx: &StaffCx,
    status: StatusCode,
    message: Option<Result<String, String>>,
) -> Result<Response, PageError> {
    let view = load(cx).await?;
    let (title, content) = render(cx.look(), &view, message.as_ref());
    Ok(cx.page(status, title, content))
}

pub async fn appeals(cx: StaffCx) -> Result<Response, PageError> {
    respond(&cx, StatusCode::OK, None).await
}

pub fn render(
    look: Look,
    view: &AppealsView,
    message: Option<&Result<String, String>>,
) -> (&'static str, Markup) {
    let lang = look.lang;
    let when = |at: OffsetDateTime| lang.date_time(at, view.offset);
    let title = look.pick("Keberatan atas tanggapan", "Appeals of responses");
    let content = html! {
        h1 { (title) }
        p { (look.pick(
            "Pegawai mengajukan keberatan atas tanggapan yang menyebut mereka. Kabulkan bila tanggapan itu bukan tentang layanan mereka (periksa daftar hadir, jadwal loket); tanggapan yang dikabulkan tidak dihitung untuk TPP pada perhitungan berikutnya, tetapi tetap dalam SKM yang diumumkan. Keputusan final dan tercatat di log audit.",
            "Officers appeal responses that name them. Uphold an appeal when the response was not about their service (check attendance, counter rosters); an upheld response no longer counts for TPP from the next run on, but stays in the published SKM. Decisions are final and audit-logged.",
        )) }
        (outcome(message))
        @if view.pending.is_empty() {
            p { strong { (look.pick("Tidak ada keberatan yang menunggu.", "No appeals are waiting.")) } }
        } @else {
            table.data.stacked {
                thead { tr {
                    th scope="col" { (look.pick("Pegawai", "Officer")) }
                    th scope="col" { (look.pick("Tanggapan", "Response")) }
                    th scope="col" { (look.pick("Alasan pegawai", "Officer's reason")) }
                    th scope="col" { (look.pick("Keputusan", "Decision")) }
                } }
                tbody { @for row in &view.pending { tr {
                    @let appeal = &row.appeal;
                    th scope="row" { (row.name.as_deref().unwrap_or("")) br; small { "NIP " (appeal.nip) } }
                    td data-label=(look.pick("Tanggapan", "Response")) {
                        @if let Some(r) = &row.response {
                            (when(r.received_at)) " · " (channel_label(lang, &r.channel)) br; code { (answers_text(&r.answers)) }
                        }
                    }
                    td data-label=(look.pick("Alasan pegawai", "Officer's reason")) { (appeal.reason) br; small.muted { (when(appeal.filed_at)) } }
                    td {
                        form.decide method="post" action=(look.action(routes::APPEALS)) {
                            (look.csrf())
                            input type="hidden" name="response" value=(appeal.response_id);
                            label for={ "decision-" (appeal.response_id) } { (look.pick("Alasan keputusan", "Reason for the decision")) }
                            input id={ "decision-" (appeal.response_id) } name="reason" required maxlength="1000";
                            button type="submit" name="decision" value="uphold" { (look.pick("Kabulkan…", "Uphold…")) }
                            " "
                            button type="submit" name="decision" value="dismiss" { (look.pick("Tolak…", "Dismiss…")) }
                        }
                    }
                } } }
            }
        }
        @if !view.decided.is_empty() {
            h2 { (look.pick("Sudah diputuskan", "Decided")) }
            table.data.stacked {
                thead { tr {
                    th scope="col" { "NIP" } th scope="col" { (look.pick("Bulan", "Month")) }
                    th scope="col" { (look.pick("Alasan pegawai", "Officer's reason")) } th scope="col" { (look.pick("Keputusan", "Decision")) }
                } }
                tbody { @for a in &view.decided { tr {
                    th scope="row" { (a.nip) }
                    td data-label=(look.pick("Bulan", "Month")) { (lang.month(a.month)) }
                    td data-label=(look.pick("Alasan pegawai", "Officer's reason")) { (a.reason) }
                    td data-label=(look.pick("Keputusan", "Decision")) { (appeal_status(lang, a)) @if let Some(d) = &a.decision { br; small.muted { (d.decided_by) ", " (when(d.decided_at)) } } }
                } } }
            }
        }
    };
    (title, content)
}

#[derive(Deserialize)]
pub struct DecideForm {
    pub response: Option<i64>,
    pub decision: Option<String>,
    #[serde(default)]
    pub reason: String,
    pub confirm: Option<String>,
}

pub async fn decide(
    cx: StaffCx,
    CsrfForm(form): CsrfForm<DecideForm>,
) -> Result<Response, PageError> {
    let upheld = match form.decision.as_deref() {
        Some("uphold") => Some(true),
        Some("dismiss") => Some(false),
        _ => None,
    };
    let (Some(response_id), Some(upheld)) = (form.response, upheld) else {
        let problem = Err(cx
            .pick(
                "Pilih keberatan dan keputusan.",
                "Choose an appeal and a decision.",
            )
            .to_string());
        return respond(&cx, StatusCode::UNPROCESSABLE_ENTITY, Some(problem)).await;
    };
    if form.reason.trim().is_empty() {
        let problem = Err(cx
            .pick(
                "Tuliskan alasan keputusan.",
                "Write down the reason for the decision.",
            )
            .to_string());
        return respond(&cx, StatusCode::UNPROCESSABLE_ENTITY, Some(problem)).await;
    }
    if !confirmed(form.confirm.as_deref()) {
        let view = load(&cx).await?;
        let Some(row) = view
            .pending
            .iter()
            .find(|r| r.appeal.response_id == response_id)
        else {
            let gone = Err(cx
                .pick(
                    "Keberatan ini sudah diputuskan; keputusan bersifat final.",
                    "This appeal has been decided already; decisions are final.",
                )
                .to_string());
            return respond(&cx, StatusCode::CONFLICT, Some(gone)).await;
        };
        return confirm_page(&cx, row, upheld, &form);
    }
    let decided = cx
        .app
        .store
        .decide_appeal(
            cx.tenant_id(),
            response_id,
            upheld,
            &form.reason,
            cx.username(),
            OffsetDateTime::now_utc(),
        )
        .await;
    let (status, message) = match decided {
        Ok(()) => (
            StatusCode::OK,
            Ok(if upheld {
                cx.pick(
                    "Dikabulkan; tanggapan tidak dihitung untuk TPP mulai perhitungan berikutnya.",
                    "Upheld; the response no longer counts for TPP from the next run on.",
                )
            } else {
                cx.pick(
                    "Ditolak; tanggapan tetap dihitung.",
                    "Dismissed; the response still counts.",
                )
            }
            .to_string()),
        ),
        Err(error) => {
            let (status, text) = refusal(cx.lang, error)?;
            (status, Err(text))
        }
    };
    respond(&cx, status, Some(message)).await
}

fn confirm_page(
    cx: &StaffCx,
    row: &PendingRow,
    upheld: bool,
    form: &DecideForm,
) -> Result<Response, PageError> {
    let appeal = &row.appeal;
    confirm::page(
        cx,
        &Confirmation {
            title: if upheld {
                cx.pick("Kabulkan keberatan ini?", "Uphold this appeal?")
            } else {
                cx.pick("Tolak keberatan ini?", "Dismiss this appeal?")
            },
            facts: vec![
                (
                    cx.pick("Pegawai", "Officer"),
                    html! { (row.name.as_deref().unwrap_or("")) " · NIP " (appeal.nip) },
                ),
                (
                    cx.pick("Bulan", "Month"),
                    html! { (cx.lang.month(appeal.month)) },
                ),
                (
                    cx.pick("Alasan pegawai", "Officer's reason"),
                    html! { (appeal.reason) },
                ),
                (
                    cx.pick("Alasan keputusan", "Reason for the decision"),
                    html! { (form.reason) },
                ),
            ],
            consequence: if upheld {
                cx.pick(
                    "Keputusan ini final. Tanggapan itu tidak lagi dihitung untuk TPP pegawai mulai perhitungan berikutnya; SKM yang diumumkan tidak berubah.",
                    "This decision is final. The response no longer counts for the officer's TPP from the next run on; the published SKM does not change.",
                )
            } else {
                cx.pick(
                    "Keputusan ini final. Tanggapan itu tetap dihitung untuk TPP pegawai.",
                    "This decision is final. The response still counts for the officer's TPP.",
                )
            },
            action: routes::APPEALS,
            fields: vec![
                ("response".into(), appeal.response_id.to_string()),
                (
                    "decision".into(),
                    if upheld { "uphold" } else { "dismiss" }.into(),
                ),
                ("reason".into(), form.reason.clone()),
            ],
            yes: if upheld {
                cx.pick("Ya, kabulkan", "Yes, uphold")
            } else {
                cx.pick("Ya, tolak", "Yes, dismiss")
            },
            cancel: cx.href(routes::APPEALS),
        },
    )
}
