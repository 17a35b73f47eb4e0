//! The audit log, readable: each change in words ("Usulan Musrena · dianggarkan"), and
//! what it changed as a list of fields with their value before and after.

use axum::extract::Query;
use axum::response::Response;
use maud::{html, Markup};
use serde::Deserialize;
use serde_json::Value;
use suara_store::AuditEntry;

use crate::i18n::Lang;
use crate::pages::context::{Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes::AUDIT;

#[derive(Deserialize, Default)]
pub struct AuditQuery {
    pub before: Option<i64>,
}

const AUDIT_PAGE: u32 = 100;

pub async fn audit(cx: StaffCx, Query(query): Query<AuditQuery>) -> Result<Response, PageError> {
    let entries = cx
        .app
        .store
        .audit_log(cx.tenant_id(), query.before, AUDIT_PAGE)
        .await?;
    let (title, content) = render(cx.look(), &entries, cx.tenant.offset(), query.before);
    cx.ok(title, content)
}

/// What was changed, in words.
pub fn entity_label(lang: Lang, entity: &str) -> String {
    let (id, en) = match entity {
        "account" => ("Akun pengguna", "User account"),
        "api_key" => ("Kunci API", "API key"),
        "follow_up_plan" => ("Rencana tindak lanjut", "Follow-up plan"),
        "kiosk" => ("Kios survei", "Survey kiosk"),
        "musrena_forum" => ("Forum Musrena", "Musrena forum"),
        "musrena_proposal" => ("Usulan Musrena", "Musrena proposal"),
        "quarantined_response" => ("Tanggapan yang ditahan", "Held response"),
        "ticket" => ("Tiket survei", "Survey ticket"),
        "tpp_appeal" => ("Keberatan TPP", "TPP appeal"),
        "tpp_base_amounts" => ("TPP dasar", "Base TPP amounts"),
        "tpp_components" => ("Komponen TPP", "TPP components"),
        "tpp_policy" => ("Kebijakan TPP", "TPP policy"),
        "tpp_run" => ("Perhitungan TPP", "TPP run"),
        "unit" => ("Unit layanan", "Service unit"),
        "service" => ("Jenis layanan", "Service"),
        "officer" => ("Pegawai", "Officer"),
        "point" | "service_point" => ("Titik layanan", "Service point"),
        _ => return humanize(entity),
    };
    lang.pick(id, en).to_string()
}

/// The action, in words.
pub fn action_label(lang: Lang, action: &str) -> String {
    let (id, en) = match action {
        "create" => ("dibuat", "created"),
        "update" => ("diubah", "changed"),
        "replace" => ("diganti seluruhnya", "replaced"),
        "import" => ("diimpor", "imported"),
        "issue" => ("diterbitkan", "issued"),
        "revoke" => ("dicabut", "revoked"),
        "compute" => ("dihitung", "computed"),
        "reviewed" => ("diperiksa", "reviewed"),
        "approved" => ("disetujui", "approved"),
        "locked" => ("dikunci", "locked"),
        "file" => ("diajukan", "filed"),
        "uphold" => ("dikabulkan", "upheld"),
        "dismiss" => ("ditolak", "dismissed"),
        "accept" => ("diterima", "accepted"),
        "verify" => ("diverifikasi", "verified"),
        "prioritize" => ("diprioritaskan", "prioritized"),
        "carry" => ("dibawa ke musrenbang", "carried to the musrenbang"),
        "reject" => ("ditolak", "rejected"),
        "set_password" => ("kata sandi diganti", "password set"),
        "disable" => ("dinonaktifkan", "disabled"),
        "enable" => ("diaktifkan", "enabled"),
        "end_sessions" => ("sesinya diakhiri", "sessions ended"),
        "submit" | "submitted" => ("diajukan", "submitted"),
        "accepted" => ("diterima", "accepted"),
        "rejected" => ("ditolak", "rejected"),
        "returned" => ("dikembalikan", "returned"),
        "budget" | "budgeted" => ("dianggarkan", "budgeted"),
        "implement" | "implemented" => ("dilaksanakan", "implemented"),
        "forward" | "forwarded" => ("diteruskan", "forwarded"),
        _ => return humanize(action),
    };
    lang.pick(id, en).to_string()
}

/// An unknown code in readable form: `some_thing` → "some thing".
fn humanize(code: &str) -> String {
    code.replace('_', " ")
}

/// A field of a before/after record, in words.
fn field_label(lang: Lang, field: &str) -> String {
    let (id, en) = match field {
        "unit_id" | "unit" => ("Unit", "Unit"),
        "service_id" | "service" => ("Layanan", "Service"),
        "officer_nip" | "nip" => ("NIP", "NIP"),
        "point_id" | "point" => ("Titik layanan", "Service point"),
        "name" => ("Nama", "Name"),
        "stage" => ("Tahap", "Stage"),
        "status" => ("Status", "Status"),
        "state" => ("Status", "State"),
        "on" | "date" => ("Tanggal", "Date"),
        "reason" => ("Alasan", "Reason"),
        "amount" => ("Jumlah", "Amount"),
        "evidence" => ("Bukti", "Evidence"),
        "title" => ("Judul", "Title"),
        "role" => ("Peran", "Role"),
        "username" => ("Nama pengguna", "Username"),
        "version" => ("Versi", "Version"),
        "label" => ("Nama", "Name"),
        "position" => ("Jabatan", "Position"),
        "position_class" => ("Kelas jabatan", "Position class"),
        "parent_id" => ("Unit induk", "Parent unit"),
        "kind" => ("Jenis", "Kind"),
        "expires_at" => ("Berlaku sampai", "Valid until"),
        "issuer" => ("Penerbit", "Issuer"),
        "note" | "progress_note" => ("Catatan", "Note"),
        "action" => ("Tindak lanjut", "Action"),
        "owner" => ("Penanggung jawab", "Owner"),
        "deadline" => ("Tenggat", "Deadline"),
        "held_on" => ("Tanggal forum", "Forum date"),
        "district" | "district_id" => ("Kecamatan", "District"),
        "village" => ("Desa", "Village"),
        "level" => ("Tingkat", "Level"),
        "participants" => ("Peserta", "Participants"),
        "input_digest" => ("Ringkasan masukan", "Input digest"),
        "policy_version" => ("Versi kebijakan", "Policy version"),
        "total" => ("Jumlah", "Total"),
        "month" => ("Bulan", "Month"),
        "monthly_users" => ("Pengguna per bulan", "Users per month"),
        "serves_public" => ("Melayani masyarakat", "Serves the public"),
        "service_hours" => ("Jam layanan", "Service hours"),
        "upheld" => ("Dikabulkan", "Upheld"),
        _ => return humanize(field),
    };
    lang.pick(id, en).to_string()
}

/// One field's value as text: dates as people write them, codes in words where known.
fn value_text(lang: Lang, value: &Value) -> String {
    let text = match value {
        Value::Null => return "–".to_string(),
        Value::Bool(yes) => {
            return lang
                .pick(
                    if *yes { "ya" } else { "tidak" },
                    if *yes { "yes" } else { "no" },
                )
                .to_string()
        }
        Value::String(s) => s.clone(),
        other => return lang.decimal(other),
    };
    let date = time::macros::format_description!("[year]-[month]-[day]");
    if let Ok(day) = time::Date::parse(&text, date) {
        return lang.date(day);
    }
    if let Some(stage) = suara_domain::musrena::lifecycle::Stage::from_code(&text) {
        return crate::pages::musrena::stage_label(lang, stage).to_string();
    }
    if let Some(status) = suara_domain::skm::follow_up::Status::from_code(&text) {
        return crate::pages::staff::follow_up::status_label(lang, status).to_string();
    }
    if let Some(role) = suara_domain::access::Role::from_code(&text) {
        return crate::i18n::role_label(lang, role).to_string();
    }
    if let Some(state) = suara_domain::tpp::payroll::RunState::from_code(&text) {
        return crate::pages::staff::tpp::state_label(lang, state).to_string();
    }
    text
}

/// The fields of a before/after pair that differ: (field, before, after). A side that is
/// not a JSON object counts as one field named "".
pub fn differences(
    lang: Lang,
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
            .map_or("–".to_string(), |(_, v)| value_text(lang, v))
    };
    names
        .into_iter()
        .map(|name| (name.clone(), find(&before, name), find(&after, name)))
        .filter(|(_, b, a)| b != a)
        .collect()
}

pub fn render(
    look: Look,
    entries: &[AuditEntry],
    offset: time::UtcOffset,
    before: Option<i64>,
) -> (&'static str, Markup) {
    let lang = look.lang;
    let title = look.pick("Log audit", "Audit log");
    let content = html! {
        h1 { (title) }
        p { (look.pick("Setiap perubahan administratif, terbaru di atas. Log ini hanya bisa ditambah, tidak bisa diubah atau dihapus.", "Every administrative change, newest first. This log can only be added to, never changed or deleted.")) }
        table.data.stacked.audit {
            thead { tr {
                th scope="col" { (look.pick("Perubahan", "Change")) }
                th scope="col" { (look.pick("Waktu", "Time")) }
                th scope="col" { (look.pick("Oleh", "By")) }
                th scope="col" { (look.pick("Yang berubah", "What changed")) }
            } }
            tbody { @for e in entries { tr {
                th scope="row" { strong { (entity_label(lang, &e.entity)) } " · " (action_label(lang, &e.action)) br; small { (e.entity_id) } }
                td data-label=(look.pick("Waktu", "Time")) { (lang.date_time(e.at, offset)) }
                td data-label=(look.pick("Oleh", "By")) { (e.actor) }
                td {
                    @let changes = differences(lang, e.before.as_deref(), e.after.as_deref());
                    @if changes.is_empty() { "–" } @else {
                        ul.plain.changes { @for (field, was, now) in &changes { li {
                            @if !field.is_empty() { (field_label(lang, field)) ": " }
                            @if was != "–" { del { (was) } " → " }
                            ins { (now) }
                        } } }
                    }
                }
            } } }
        }
        nav.pager aria-label=(look.pick("Halaman log", "Log pages")) {
            @if before.is_some() { a href=(look.href(AUDIT)) { (look.pick("← Terbaru", "← Newest")) } " " }
            @if entries.len() == AUDIT_PAGE as usize {
                @if let Some(last) = entries.last() {
                    a href={ (AUDIT) "?lang=" (lang.code()) "&before=" (last.audit_id) } { (look.pick("Lebih lama →", "Older →")) }
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
        let changes = differences(
            Lang::Id,
            Some(r#"{"stage":"rkpd","title":"Jalan","on":"2026-01-20"}"#),
            Some(r#"{"stage":"budgeted","title":"Jalan","amount":5000000,"on":"2026-02-10"}"#),
        );
        assert_eq!(changes[0], ("amount".into(), "–".into(), "5000000".into()));
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
            differences(Lang::Id, None, Some("\"x\"")),
            vec![(String::new(), "–".into(), "x".into())]
        );
    }

    #[test]
    fn codes_read_as_words() {
        assert_eq!(entity_label(Lang::Id, "musrena_proposal"), "Usulan Musrena");
        assert_eq!(action_label(Lang::Id, "budget"), "dianggarkan");
        assert_eq!(action_label(Lang::En, "something_new"), "something new");
    }
}
