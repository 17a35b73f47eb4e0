//! `/transparansi`: every unit's IKM so far this year with its grade and the last three
//! months, the published follow-up plans and how far each has come, and where to check the
//! day's hash-chain head. Plain tables, no script, light for slow phones.

use std::collections::HashMap;

use axum::http::StatusCode;
use axum::response::Response;
use maud::html;
use suara_domain::period::{Month, Period};
use suara_domain::skm::{Tally, Weighting};
use suara_store::ScopeKind;
use time::OffsetDateTime;

use super::context::PageCx;
use super::failure::PageError;
use super::staff::follow_up::status_label;
use super::{layout, page};
use crate::i18n::{element_name, grade_label, Lang};
use crate::routes;

fn ikm_text(lang: Lang, tally: Option<&Tally>) -> (String, String, u64) {
    match tally.and_then(|t| t.score(Weighting::Exact).map(|s| (t.responses(), s))) {
        Some((n, s)) => (
            lang.decimal(s.ikm_rounded()),
            s.grade().letter().to_string(),
            n,
        ),
        None => ("–".into(), "–".into(), 0),
    }
}

pub async fn show(cx: PageCx) -> Result<Response, PageError> {
    let (app, lang, here) = (&cx.app, cx.lang, cx.here.as_str());
    let tenant = app.tenant(None).await?;
    let tenant_id = tenant.tenant_id.as_str();
    let units = app.store.units(tenant_id).await?;
    let now = tenant.month_of(OffsetDateTime::now_utc());
    let (first, last) = Period::Year(now.year()).months();
    let year: HashMap<String, Tally> = app
        .store
        .tallies_of_kind(tenant_id, ScopeKind::Unit, first, last)
        .await?
        .into_iter()
        .collect();
    let months: Vec<Month> = vec![now.previous().previous(), now.previous(), now];
    let mut monthly: Vec<HashMap<String, Tally>> = Vec::new();
    for m in &months {
        monthly.push(
            app.store
                .tallies_of_kind(tenant_id, ScopeKind::Unit, *m, *m)
                .await?
                .into_iter()
                .collect(),
        );
    }
    let plans = app.store.follow_ups(tenant_id, None, None).await?;
    let signed = app.store.latest_head(tenant_id).await?;
    let head = app
        .store
        .chain_heads_at(tenant_id, &[OffsetDateTime::now_utc()])
        .await?
        .into_iter()
        .next()
        .flatten();
    let names: HashMap<&str, &str> = units
        .iter()
        .map(|u| (u.unit_id.as_str(), u.name.as_str()))
        .collect();
    let rated: Vec<_> = units
        .iter()
        .filter(|u| year.contains_key(&u.unit_id))
        .collect();
    let title = lang.pick("Transparansi hasil SKM", "SKM results in the open");
    let content = html! {
        h1 { (title) }
        p.lead { (tenant.name) ". " (lang.pick(
            "Indeks Kepuasan Masyarakat (IKM) setiap unit layanan tahun ini, tiga bulan terakhir, dan rencana tindak lanjut atas unsur yang masih lemah.",
            "The public satisfaction index (IKM) of every service unit this year, the last three months, and the follow-up plans for the elements still weak.",
        )) }
        h2 { (lang.pick("IKM per unit", "IKM per unit")) " " (now.year()) }
        @if rated.is_empty() {
            p { (lang.pick("Belum ada tanggapan tahun ini.", "No responses this year yet.")) }
        } @else {
            table.data tabindex="0" {
                caption { (lang.pick("IKM 25–100; mutu A (88,31–100) sampai D.", "IKM 25–100; grades A (88.31–100) to D.")) }
                thead { tr {
                    th scope="col" { "Unit" }
                    th.num scope="col" { "IKM" }
                    th scope="col" { (lang.pick("Mutu", "Grade")) }
                    th.num scope="col" { (lang.pick("Tanggapan", "Responses")) }
                    @for m in &months { th.num scope="col" { (lang.month(*m)) } }
                } }
                tbody { @for u in &rated {
                    @let (ikm, grade, n) = ikm_text(lang, year.get(&u.unit_id));
                    tr {
                        th scope="row" { a href={ (routes::survey(&u.unit_id)) "?lang=" (lang.code()) } { (u.name) } }
                        td.num { strong { (ikm) } }
                        td { (grade)
                            @if let Some(score) = year.get(&u.unit_id).and_then(|t| t.score(Weighting::Exact)) { " " small { (grade_label(lang, score.grade())) } } }
                        td.num { (n) }
                        @for month in &monthly { td.num { (ikm_text(lang, month.get(&u.unit_id)).0) } }
                    }
                } }
            }
        }
        h2 #tindak-lanjut { (lang.pick("Rencana tindak lanjut", "Follow-up plans")) }
        @if plans.is_empty() {
            p { (lang.pick("Belum ada rencana tindak lanjut yang diumumkan.", "No follow-up plans have been published yet.")) }
        } @else {
            table.data.stacked {
                thead { tr {
                    th scope="col" { "Unit" }
                    th scope="col" { (lang.pick("Periode", "Period")) }
                    th scope="col" { (lang.pick("Unsur", "Element")) }
                    th scope="col" { (lang.pick("Tindak lanjut", "Action")) }
                    th scope="col" { (lang.pick("Tenggat", "Deadline")) }
                    th scope="col" { (lang.pick("Status", "Status")) }
                } }
                tbody { @for p in &plans { tr {
                    th scope="row" { (names.get(p.unit_id.as_str()).copied().unwrap_or(p.unit_id.as_str())) }
                    td data-label=(lang.pick("Periode", "Period")) { (p.period.parse().map_or_else(|_| p.period.clone(), |period| lang.period(period))) }
                    td data-label=(lang.pick("Unsur", "Element")) { (p.plan.element.code()) " " (element_name(lang, p.plan.element)) }
                    td data-label=(lang.pick("Tindak lanjut", "Action")) { (p.plan.action) " — " small { (p.plan.owner) } @if let Some(note) = &p.progress_note { br; small { (note) } } }
                    td data-label=(lang.pick("Tenggat", "Deadline")) { (lang.date(p.plan.deadline)) }
                    td data-label=(lang.pick("Status", "Status")) { strong { (status_label(lang, p.status)) } }
                } } }
            }
        }
        h2 #integritas { (lang.pick("Keutuhan data", "Data integrity")) }
        p { (lang.pick(
            "Setiap tanggapan yang dihitung menjadi daun sebuah pohon Merkle (seperti Certificate Transparency, RFC 9162). Kepala pohon ditandatangani dengan kunci Ed25519 yang disimpan di luar basis data, sehingga perubahan diam-diam pada tanggapan, jumlah, atau TPP terlihat oleh siapa pun yang mencatat kepala ini.",
            "Every counted response is a leaf of a Merkle tree (as in Certificate Transparency, RFC 9162). The tree's head is signed with an Ed25519 key kept outside the database, so a quiet change to responses, totals or TPP shows to anyone who noted this head.",
        )) }
        @match &signed {
            Some(signed) => {
                dl.facts {
                    dt { (lang.pick("Tanggapan dalam log", "Responses in the log")) } dd { (signed.head.size) }
                    dt { (lang.pick("Akar pohon", "Tree root")) } dd { code.digest { (signed.head.root) } }
                    dt { (lang.pick("Tanda tangan", "Signature")) } dd { code.digest { (signed.signature) } }
                    dt { (lang.pick("Kunci publik", "Public key")) } dd { code.digest { (app.signer.public().to_hex()) } }
                }
                details {
                    summary { (lang.pick("Kepala bertanda tangan, utuh (untuk diperiksa mesin)", "The whole signed head (for machines to check)")) }
                    pre { (signed.to_note()) }
                }
            }
            None => { p { (lang.pick("Belum ada tanggapan yang dihitung.", "No responses counted yet.")) } }
        }
        @if let Some((links, hash)) = &head {
            p { (lang.pick("Kepala rantai hash saat ini: ", "The hash chain's head now: ")) code.digest { (hash) } " (" (links) " " (lang.pick("tanggapan", "responses")) "); " (lang.pick("kepala tujuh hari terakhir ada di ", "those of the last seven days are on ")) a href={ "/?lang=" (lang.code()) "#integritas" } { (lang.pick("halaman depan", "the home page")) } "." }
        }
        h2 #tanda-terima { (lang.pick("Periksa penilaian Anda", "Check your rating")) }
        form method="get" action=(routes::RECEIPT_LOOKUP) {
            input type="hidden" name="lang" value=(lang.code());
            label for="nomor" { (lang.pick("Nomor bukti (SKM-…)", "Receipt number (SKM-…)")) }
            input #nomor name="nomor" autocomplete="off" spellcheck="false";
            " "
            button type="submit" { (lang.pick("Periksa", "Check")) }
        }
    };
    Ok(page(StatusCode::OK, layout(lang, title, here, content)))
}
