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
use crate::i18n::{channel_label, Lang};
use crate::pages::context::{CsrfForm, Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes::QUARANTINE;

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
        Reason::DeviceRepeat => lang.pick("Perangkat berulang", "Repeated device"),
        Reason::NetworkBurst => lang.pick("Banyak dari satu jaringan", "Many from one network"),
        Reason::StraightLinedBulk => {
            lang.pick("Jawaban seragam berulang", "Repeated all-same answers")
        }
        Reason::UnitBurst => lang.pick("Lonjakan di unit", "Burst at the unit"),
        Reason::TicketAtCounter => {
            lang.pick("Tiket dijawab di loket", "Ticket answered at the counter")
        }
        Reason::OutsideServiceHours => lang.pick("Di luar jam layanan", "Outside service hours"),
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
    let title = lang.pick("Karantina tanggapan", "Response quarantine");
    let content = html! {
        h1 { (title) }
        p { (lang.pick(
            "Tanggapan di sini ditahan oleh aturan kewajaran dan belum dihitung. Terima bila wajar (misalnya dicocokkan dengan catatan loket), tolak bila tidak; keduanya wajib beralasan dan tercatat di log audit.",
            "Responses here were held back by the anomaly rules and do not count yet. Accept one when it checks out (say, against the counter's log), reject it otherwise; both need a reason and go into the audit log.",
        )) }
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
                label for="alasan" { (lang.pick("Alasan", "Reason")) }
                select #alasan name="alasan" {
                    option value="" { (lang.pick("Semua", "All")) }
                    @for reason in Reason::ALL {
                        option value=(reason.code()) selected[chosen(&filters.alasan, reason.code())] { (reason_label(lang, reason)) }
                    }
                }
            }
            p {
                label for="unit" { "Unit" }
                select #unit name="unit" {
                    option value="" { (lang.pick("Semua", "All")) }
                    @for unit in units {
                        option value=(unit.unit_id) selected[chosen(&filters.unit, &unit.unit_id)] { (unit.name) }
                    }
                }
            }
            p {
                label for="saluran" { (lang.pick("Saluran", "Channel")) }
                select #saluran name="saluran" {
                    option value="" { (lang.pick("Semua", "All")) }
                    @for channel in Channel::ALL {
                        option value=(channel.code()) selected[chosen(&filters.saluran, channel.code())] { (channel_label(lang, channel.code())) }
                    }
                }
            }
            p {
                label for="sumber" { (lang.pick("Sumber (kode jaringan)", "Source (network code)")) }
                input #sumber name="sumber" value=(present(&filters.sumber).unwrap_or_default()) size="10" autocomplete="off";
            }
            p { button type="submit" { (lang.pick("Saring", "Filter")) } }
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
            lang.pick("Tidak ada tanggapan yang cocok dengan saringan ini.", "No held response matches this filter.")
        } else {
            lang.pick("Tidak ada tanggapan yang ditahan.", "No responses are held.")
        }) } } };
    }
    let pages = held.total.div_ceil(u64::from(PAGE_SIZE)).max(1) as u32;
    let page_number = filters.page().min(pages);
    html! {
        p { (lang.pick("Menunggu keputusan: ", "Awaiting a decision: ")) (held.total) " " (lang.pick("tanggapan", "responses")) " · "
            (lang.pick("halaman ", "page ")) (page_number) (lang.pick(" dari ", " of ")) (pages) }
        form.decide method="post" action=(look.action(QUARANTINE)) {
            (look.csrf())
            (filters.hidden())
            table.data.stacked aria-label=(lang.pick("Tanggapan ditahan", "Held responses")) {
                    thead { tr {
                        th scope="col" { span.visually-hidden { (lang.pick("Pilih", "Select")) } }
                        th scope="col" { (lang.pick("Tanda terima", "Receipt")) }
                        th scope="col" { (lang.pick("Waktu", "Time")) }
                        th scope="col" { "Unit" }
                        th scope="col" { (lang.pick("Saluran dan sumber", "Channel and source")) }
                        th scope="col" { (lang.pick("Jawaban U1–U9", "Answers U1–U9")) }
                        th scope="col" { (lang.pick("Alasan ditahan", "Held because")) }
                    } }
                    tbody { @for h in &held.items { tr {
                        td { input type="checkbox" name="response" value=(h.response_id) id={ "r-" (h.response_id) }; }
                        th scope="row" { label for={ "r-" (h.response_id) } { code { (h.receipt) } } }
                        td data-label=(lang.pick("Waktu", "Time")) { (lang.date_time(h.received_at, offset)) }
                        td data-label="Unit" { (unit_name(&h.unit_id)) }
                        td data-label=(lang.pick("Saluran", "Channel")) { (channel_label(lang, &h.channel))
                            @if let Some(source) = &h.source { br; a href=(Filters { sumber: Some(source.clone()), halaman: None, ..filters.clone() }.link(lang, 1)) { code { (source) } } } }
                        td data-label=(lang.pick("Jawaban", "Answers")) { code { @for a in h.answers { (a.map_or("–".to_string(), |v| v.to_string())) " " } } }
                        td data-label=(lang.pick("Alasan", "Reason")) { ul { @for r in &h.reasons { li { (if lang == Lang::Id { r.describe().0 } else { r.describe().1 }) } } } }
                    } } }
            }
            fieldset {
                legend { (lang.pick("Keputusan untuk yang dicentang", "Decision for those ticked")) }
                p {
                    label for="reason" { (lang.pick("Alasan (wajib, satu untuk semua)", "Reason (required, one for all)")) }
                    input #reason name="reason" required;
                }
                p {
                    input #all type="checkbox" name="scope" value="all";
                    " " label for="all" { (lang.pick("Semua yang cocok dengan saringan (", "Every one matching the filter (")) (held.total.min(u64::from(MAX_BULK))) ")" }
                }
                p.buttons {
                    button type="submit" name="decision" value="accept" { (lang.pick("Terima", "Accept")) }
                    " "
                    button type="submit" name="decision" value="reject" { (lang.pick("Tolak", "Reject")) }
                }
            }
        }
        nav.pager aria-label=(lang.pick("Halaman", "Pages")) {
            @if page_number > 1 { a href=(filters.link(lang, page_number - 1)) { (lang.pick("‹ Sebelumnya", "‹ Previous")) } " " }
            @if page_number < pages { a href=(filters.link(lang, page_number + 1)) { (lang.pick("Berikutnya ›", "Next ›")) } }
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
                lang.pick("Pilih terima atau tolak.", "Choose accept or reject."),
            )
            .await
        }
    };
    let reason = value("reason").unwrap_or_default();
    let ids: Vec<i64> = if value("scope").as_deref() == Some("all") {
        cx.app
            .store
            .held_responses(cx.tenant_id(), &filters.query(0, MAX_BULK))
            .await?
            .items
            .iter()
            .map(|h| h.response_id)
            .collect()
    } else {
        pairs
            .iter()
            .filter(|(k, _)| k == "response")
            .filter_map(|(_, v)| v.parse().ok())
            .collect()
    };
    if ids.is_empty() {
        return fail(
            StatusCode::UNPROCESSABLE_ENTITY,
            lang.pick(
                "Centang tanggapan yang diputuskan, atau pilih semua yang cocok.",
                "Tick the responses to decide, or choose every one matching.",
            ),
        )
        .await;
    }
    if ids.len() > 1 && !confirmed(value("confirm").as_deref()) {
        return confirm::page(
            &cx,
            &Confirmation {
                title: lang.pick("Periksa keputusan", "Check the decision"),
                facts: vec![
                    (
                        lang.pick("Keputusan", "Decision"),
                        html! { (if accept { lang.pick("terima", "accept") } else { lang.pick("tolak", "reject") }) " " (ids.len()) " " (lang.pick("tanggapan", "responses")) },
                    ),
                    (lang.pick("Alasan", "Reason"), html! { (reason) }),
                ],
                consequence: lang.pick(
                    "Keputusan ini final dan tercatat di log audit.",
                    "This decision is final and goes into the audit log.",
                ),
                action: QUARANTINE,
                fields: pairs.clone(),
                yes: lang.pick("Ya, putuskan", "Yes, decide"),
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
            let done = match (accept, lang) {
                (true, Lang::Id) => format!("{} tanggapan diterima dan kini dihitung.", ids.len()),
                (false, Lang::Id) => format!("{} tanggapan ditolak dan tidak dihitung.", ids.len()),
                (true, Lang::En) => format!("{} responses accepted; they now count.", ids.len()),
                (false, Lang::En) => format!("{} responses rejected; they do not count.", ids.len()),
            };
            respond(&cx, &filters, StatusCode::OK, Some(Ok(done))).await
        }
        Err(DecisionError::NoReason) => fail(StatusCode::UNPROCESSABLE_ENTITY, lang.pick("Tuliskan alasannya.", "Write down the reason.")).await,
        Err(DecisionError::NotHeld(_)) => fail(StatusCode::CONFLICT, lang.pick("Sebagian tanggapan sudah diputuskan orang lain; tidak ada yang diubah. Periksa daftar lalu ulangi.", "Some of the responses were decided by someone else; nothing was changed. Check the list and try again.")).await,
        Err(DecisionError::Store(e)) => Err(PageError::Store(e)),
    }
}
