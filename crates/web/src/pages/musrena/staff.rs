//! Musrena pages for facilitators and planners: record a forum (participants counted by
//! group), enter proposals for the participants (also through an easy-read form made for
//! children), score and rank them, carry them up in bulk, and follow each to the budget.
//! Accepting into the plan, budgeting and recording implementation are the planners' own
//! ([`Permission::DecidePlanning`]); a unit admin works only on forums in their districts.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Multipart, OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Permission;
use suara_domain::musrena::forum::{Accommodation, Group, Level, Participants};
use suara_domain::musrena::lifecycle::{Action, Stage};
use suara_domain::musrena::proposal::{check_photo, validate, ProposalDraft, Sector};
use suara_domain::musrena::ranking::{rank, Candidate, Rule, TieBreak, MAX_SCORE};
use suara_domain::org::tree::UnitTree;
use suara_domain::tpp::inputs::parse_rupiah;
use suara_store::{Forum, MusrenaError, ProposalFilter, StoredProposal};
use time::{Date, OffsetDateTime};

use super::public::{proposal_details, tracker_href};
use super::{accommodation_label, group_label, level_label, sector_label, stage_label};
use crate::access::{forbidden, MUSRENA_EXPORT, MUSRENA_FORUMS};
use crate::auth::Staff;
use crate::i18n::Lang;
use crate::pages::staff::{frame, respond};
use crate::pages::{download, page, LangQuery, SheetFormat};
use crate::{ApiError, AppState};

/// Largest upload of the proposal form (a photo of up to 5 MB and the text).
pub const MAX_PROPOSAL_UPLOAD_BYTES: usize = 6 * 1024 * 1024;

fn today(app_tenant: &suara_store::Tenant) -> Date {
    OffsetDateTime::now_utc()
        .to_offset(app_tenant.offset())
        .date()
}

fn parse_date(text: &str) -> Option<Date> {
    Date::parse(
        text.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

struct Context {
    tenant: suara_store::Tenant,
    districts: Vec<(String, String)>,
    tree: UnitTree,
}

async fn context(app: &AppState, staff: &Staff) -> Result<Context, ApiError> {
    let tenant = app
        .store
        .tenant(staff.tenant_id())
        .await?
        .ok_or_else(|| ApiError::NotFound("regency".into()))?;
    let units = app.store.units(&tenant.tenant_id).await?;
    let tree = UnitTree::new(
        units
            .iter()
            .map(|u| (u.unit_id.as_str(), u.parent_id.as_deref())),
    );
    let districts = units
        .into_iter()
        .filter(|u| u.kind == "kecamatan")
        .map(|u| (u.unit_id, u.name))
        .collect();
    Ok(Context {
        tenant,
        districts,
        tree,
    })
}

/// A unit admin manages forums of districts in their subtree; others with the permission,
/// any forum.
fn may_manage(staff: &Staff, district: Option<&str>, tree: &UnitTree) -> bool {
    match staff.principal.role {
        suara_domain::access::Role::UnitAdmin => {
            district.is_some_and(|d| staff.principal.sees_unit(d, tree))
        }
        _ => staff.principal.may(Permission::ManageMusrena),
    }
}

fn forum_href(lang: Lang, forum_id: &str) -> String {
    format!("/musrena/forum/{forum_id}?lang={}", lang.code())
}

fn manage_href(lang: Lang, code: &str) -> String {
    format!("/musrena/kelola/{code}?lang={}", lang.code())
}

fn csrf(staff: &Staff) -> Markup {
    html! { input type="hidden" name="csrf" value=(staff.session.csrf_token); }
}

/// Repeated form fields (`code=…&code=…`) as pairs.
type Pairs = Vec<(String, String)>;

fn field<'a>(pairs: &'a Pairs, name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn fields<'a>(pairs: &'a Pairs, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    pairs
        .iter()
        .filter(move |(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

// ---------------------------------------------------------------------------------------
// Forums.

pub async fn forums(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    let result = forums_page(&app, &staff, lang, &here, StatusCode::OK, None).await;
    respond(lang, &here, result)
}

async fn forums_page(
    app: &AppState,
    staff: &Staff,
    lang: Lang,
    here: &str,
    status: StatusCode,
    problems: Option<Vec<String>>,
) -> Result<Response, ApiError> {
    let ctx = context(app, staff).await?;
    let forums: Vec<Forum> = app
        .store
        .forums(&ctx.tenant.tenant_id)
        .await?
        .into_iter()
        .filter(|f| may_manage(staff, f.district_id.as_deref(), &ctx.tree))
        .collect();
    let names: HashMap<&str, &str> = ctx
        .districts
        .iter()
        .map(|(i, n)| (i.as_str(), n.as_str()))
        .collect();
    let title = lang.pick("Forum Musrena Keren", "Musrena Keren forums");
    let content = html! {
        h1 { (title) }
        @if let Some(problems) = &problems {
            div.error-summary role="alert" tabindex="-1" {
                p { strong { (lang.pick("Forum belum dapat disimpan:", "The forum cannot be saved yet:")) } }
                ul { @for p in problems { li { (p) } } }
            }
        }
        @if staff.principal.may(Permission::DecidePlanning) {
            p { a href={ (MUSRENA_EXPORT) "?format=xlsx&lang=" (lang.code()) } { (lang.pick("Ekspor usulan yang masuk RKPD untuk SIPD (xlsx)", "Export proposals in the RKPD for SIPD (xlsx)")) } " · "
                a href={ (MUSRENA_EXPORT) "?format=csv&lang=" (lang.code()) } { "CSV" } }
        }
        @if forums.is_empty() {
            p { (lang.pick("Belum ada forum.", "No forums yet.")) }
        } @else {
            table.data {
                thead { tr {
                    th scope="col" { (lang.pick("Forum", "Forum")) }
                    th scope="col" { (lang.pick("Tanggal", "Date")) }
                    th scope="col" { (lang.pick("Tempat", "Place")) }
                    th.num scope="col" { (lang.pick("Peserta", "Participants")) }
                } }
                tbody { @for f in &forums { tr {
                    th scope="row" { a href=(forum_href(lang, &f.forum_id)) { (f.forum_id) " · " (level_label(lang, f.level))
                        @if let Some(d) = f.district_id.as_deref() { " " (names.get(d).copied().unwrap_or(d)) }
                        @if let Some(v) = &f.village { " / " (v) } } }
                    td { (f.held_on) }
                    td { (f.place) }
                    td.num { (f.participants.total) }
                } } }
            }
        }
        h2 { (lang.pick("Catat forum baru", "Record a new forum")) }
        form.stack method="post" action={ (MUSRENA_FORUMS) "?lang=" (lang.code()) } {
            (csrf(staff))
            fieldset {
                legend { (lang.pick("Tingkat", "Level")) }
                @for level in Level::ALL {
                    label.choice { input type="radio" name="level" value=(level.code()) checked[level == Level::Desa] required; " " (level_label(lang, level)) }
                }
            }
            p { label for="district" { (lang.pick("Kecamatan (kosong untuk tingkat kabupaten)", "District (empty for the regency level)")) }
                select #district name="district" {
                    option value="" { "–" }
                    @for (id, name) in &ctx.districts { option value=(id) { (name) } }
                } }
            p { label for="village" { (lang.pick("Desa/kelurahan (forum desa)", "Village (village forums)")) } input #village name="village"; }
            p { label for="held_on" { (lang.pick("Tanggal", "Date")) } input #held_on type="date" name="held_on" value=(today(&ctx.tenant)) required; }
            p { label for="place" { (lang.pick("Tempat", "Place")) } input #place name="place" required; }
            p { label for="facilitator" { (lang.pick("Fasilitator", "Facilitator")) } input #facilitator name="facilitator" required; }
            fieldset {
                legend { (lang.pick("Akomodasi yang disediakan", "Accessibility provided")) }
                @for a in Accommodation::ALL {
                    label.choice { input type="checkbox" name="accommodation" value=(a.code()); " " (accommodation_label(lang, a)) }
                }
            }
            fieldset {
                legend { (lang.pick("Peserta (jumlah saja, tanpa nama)", "Participants (numbers only, no names)")) }
                p { label for="total" { (lang.pick("Jumlah peserta", "Participants in all")) } input #total type="number" name="total" min="0" required inputmode="numeric"; }
                @for g in Group::ALL {
                    p { label for={ "p-" (g.code()) } { (group_label(lang, g)) } input id={ "p-" (g.code()) } type="number" name={ "p-" (g.code()) } min="0" inputmode="numeric"; }
                }
            }
            p.buttons { button type="submit" { (lang.pick("Simpan forum", "Save the forum")) } }
        }
    };
    Ok(page(status, frame(lang, staff, title, here, content)))
}

pub async fn create_forum(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    Form(pairs): Form<Pairs>,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    if !staff.csrf_ok(field(&pairs, "csrf")) {
        return forbidden(lang);
    }
    let result = async {
        let ctx = context(&app, &staff).await?;
        let mut problems = Vec::new();
        let text = |name: &str| {
            field(&pairs, name)
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let level = field(&pairs, "level").and_then(Level::from_code);
        if level.is_none() {
            problems.push(
                lang.pick("Pilih tingkat forum.", "Choose the forum's level.")
                    .to_string(),
            );
        }
        let district = text("district");
        if level.is_some_and(|l| l != Level::Kabupaten) && district.is_none() {
            problems.push(
                lang.pick("Pilih kecamatan.", "Choose the district.")
                    .to_string(),
            );
        }
        let village = text("village");
        if level == Some(Level::Desa) && village.is_none() {
            problems.push(
                lang.pick("Tuliskan nama desa.", "Write the village's name.")
                    .to_string(),
            );
        }
        let held_on = field(&pairs, "held_on").and_then(parse_date);
        if held_on.is_none() {
            problems.push(
                lang.pick("Tanggal tidak valid.", "The date is not valid.")
                    .to_string(),
            );
        }
        let (place, facilitator) = (text("place"), text("facilitator"));
        if place.is_none() || facilitator.is_none() {
            problems.push(
                lang.pick(
                    "Isi tempat dan fasilitator.",
                    "Fill in the place and facilitator.",
                )
                .to_string(),
            );
        }
        let count = |name: &str| -> Result<u32, ()> {
            match field(&pairs, name).map(str::trim) {
                None | Some("") => Ok(0),
                Some(v) => v.parse().map_err(|_| ()),
            }
        };
        let mut participants = Participants::default();
        match count("total") {
            Ok(n) => participants.total = n,
            Err(()) => problems.push(
                lang.pick(
                    "Jumlah peserta harus angka.",
                    "Participants must be a number.",
                )
                .to_string(),
            ),
        }
        for g in Group::ALL {
            match count(&format!("p-{}", g.code())) {
                Ok(n) => participants.set(g, n),
                Err(()) => problems.push(format!(
                    "{}: {}",
                    group_label(lang, g),
                    lang.pick("harus angka", "must be a number")
                )),
            }
        }
        for g in participants.problems() {
            problems.push(format!(
                "{}: {}",
                group_label(lang, g),
                lang.pick(
                    "lebih dari jumlah peserta",
                    "more than the participants in all"
                )
            ));
        }
        if !may_manage(&staff, district.as_deref(), &ctx.tree) {
            return Ok(forbidden(lang));
        }
        let (Some(level), Some(held_on), Some(place), Some(facilitator)) =
            (level, held_on, place, facilitator)
        else {
            return forums_page(
                &app,
                &staff,
                lang,
                &here,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(problems),
            )
            .await;
        };
        if !problems.is_empty() {
            return forums_page(
                &app,
                &staff,
                lang,
                &here,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(problems),
            )
            .await;
        }
        let forum = Forum {
            forum_id: String::new(),
            level,
            district_id: district.filter(|_| level != Level::Kabupaten),
            village: village.filter(|_| level == Level::Desa),
            held_on,
            place,
            facilitator,
            accommodations: fields(&pairs, "accommodation")
                .filter_map(Accommodation::from_code)
                .collect(),
            participants,
        };
        match app
            .store
            .create_forum(
                &ctx.tenant.tenant_id,
                &forum,
                staff.username(),
                OffsetDateTime::now_utc(),
            )
            .await
        {
            Ok(id) => Ok(Redirect::to(&forum_href(lang, &id)).into_response()),
            Err(MusrenaError::Store(e)) => Err(ApiError::Store(e)),
            Err(error) => {
                forums_page(
                    &app,
                    &staff,
                    lang,
                    &here,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    Some(vec![error.to_string()]),
                )
                .await
            }
        }
    }
    .await;
    respond(lang, &here, result)
}

// ---------------------------------------------------------------------------------------
// One forum: proposals, ranking, bulk steps.

#[derive(Deserialize, Default)]
pub struct ForumQuery {
    pub lang: Option<String>,
    pub selesai: Option<usize>,
}

async fn load_forum(
    app: &AppState,
    staff: &Staff,
    ctx: &Context,
    forum_id: &str,
) -> Result<Option<Forum>, ApiError> {
    let forum = app.store.forum(&ctx.tenant.tenant_id, forum_id).await?;
    Ok(forum.filter(|f| may_manage(staff, f.district_id.as_deref(), &ctx.tree)))
}

pub async fn forum(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(forum_id): Path<String>,
    Query(query): Query<ForumQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = Lang::from_code(query.lang.as_deref());
    let here = uri.to_string();
    let result = async {
        let ctx = context(&app, &staff).await?;
        let Some(forum) = load_forum(&app, &staff, &ctx, &forum_id).await? else {
            return Err(ApiError::NotFound(format!("forum {forum_id}")));
        };
        let filter = ProposalFilter { forum_id: Some(forum_id.clone()), ..ProposalFilter::default() };
        let proposals = app.store.proposals(&ctx.tenant.tenant_id, &filter).await?;
        let rule = Rule::standard();
        let scored: Vec<Candidate> = proposals
            .iter()
            .filter(|p| p.scores.len() == rule.criteria.len())
            .map(|p| Candidate {
                code: p.code.clone(),
                scores: p.scores.clone(),
                votes: p.votes,
                estimated_cost: p.proposal.estimated_cost.unwrap_or(0),
                submitted: u64::try_from(p.seq).unwrap_or(0),
            })
            .collect();
        let ranking = rank(&rule, &scored).unwrap_or_default();
        let by_code: HashMap<&str, &StoredProposal> = proposals.iter().map(|p| (p.code.as_str(), p)).collect();
        let unscored: Vec<&StoredProposal> = proposals.iter().filter(|p| p.scores.len() != rule.criteria.len()).collect();
        let title = format!("Forum {}", forum.forum_id);
        let names: HashMap<&str, &str> = ctx.districts.iter().map(|(i, n)| (i.as_str(), n.as_str())).collect();
        let content = html! {
            p.crumbs { a href={ (MUSRENA_FORUMS) "?lang=" (lang.code()) } { (lang.pick("Forum Musrena", "Musrena forums")) } }
            h1 { "Musrena " (level_label(lang, forum.level)) " " (forum.forum_id) }
            @if let Some(n) = query.selesai { div.success role="status" { p { (n) " " (lang.pick("usulan diperbarui.", "proposals updated.")) } } }
            dl.facts {
                dt { (lang.pick("Tempat dan tanggal", "Place and date")) } dd { (forum.place) ", " (forum.held_on) }
                @if let Some(d) = forum.district_id.as_deref() { dt { (lang.pick("Kecamatan", "District")) } dd { (names.get(d).copied().unwrap_or(d)) @if let Some(v) = &forum.village { " / " (v) } } }
                dt { (lang.pick("Fasilitator", "Facilitator")) } dd { (forum.facilitator) }
                dt { (lang.pick("Peserta", "Participants")) } dd { (forum.participants.total)
                    @for g in Group::ALL { @let n = forum.participants.of(g); @if n > 0 { " · " (group_label(lang, g)) " " (n) } } }
                dt { (lang.pick("Akomodasi", "Accessibility")) } dd {
                    @if forum.accommodations.is_empty() { "–" }
                    @for (i, a) in forum.accommodations.iter().enumerate() { @if i > 0 { ", " } (accommodation_label(lang, *a)) } }
            }
            p { a href={ "/musrena/forum/" (forum.forum_id) "/usulan?lang=" (lang.code()) } { (lang.pick("Tambah usulan", "Add a proposal")) } " · "
                a href={ "/musrena/forum/" (forum.forum_id) "/usulan?mudah=1&lang=" (lang.code()) } { (lang.pick("Formulir mudah (anak)", "Easy-read form (children)")) } }
            h2 { (lang.pick("Peringkat", "Ranking")) }
            p.muted { (lang.pick(
                "Nilai tiap kriteria 1–5 (bobot: urgensi 3, penerima manfaat rentan 3, kelayakan 2, keberlanjutan 2) digabung dengan suara peserta (40%). Nilai sama dipisahkan oleh: suara lebih banyak, nilai kriteria lebih tinggi, biaya lebih rendah, diajukan lebih dulu, lalu kode.",
                "Scores 1–5 per criterion (weights: urgency 3, vulnerable beneficiaries 3, feasibility 2, sustainability 2) combined with the participants' votes (40%). Ties go to more votes, a higher criteria score, a lower cost, earlier submission, then the code.",
            )) }
            form method="post" action={ "/musrena/forum/" (forum.forum_id) "/nilai?lang=" (lang.code()) } {
                (csrf(&staff))
                table.data {
                    thead { tr {
                        th.num scope="col" { "#" }
                        th scope="col" { (lang.pick("Usulan", "Proposal")) }
                        @for c in &rule.criteria { th scope="col" { (criterion_label(lang, &c.code)) } }
                        th scope="col" { (lang.pick("Suara", "Votes")) }
                        th.num scope="col" { (lang.pick("Nilai gabungan", "Combined")) }
                        th scope="col" { (lang.pick("Tahap", "Stage")) }
                    } }
                    tbody {
                        @for r in &ranking { @if let Some(p) = by_code.get(r.code.as_str()) {
                            (score_row(lang, &rule, p, Some(r.rank), Some((suara_domain::decimal::Decimal::round_half_away(&r.combined, 3), r.decided_by))))
                        } }
                        @for p in &unscored { (score_row(lang, &rule, p, None, None)) }
                    }
                }
                p.buttons { button type="submit" { (lang.pick("Simpan nilai dan suara", "Save scores and votes")) } }
            }
            h2 { (lang.pick("Langkah untuk usulan terpilih", "A step for the chosen proposals")) }
            (step_form(lang, &staff, &proposals, &format!("/musrena/forum/{}", forum.forum_id), false))
        };
        Ok(page(StatusCode::OK, frame(lang, &staff, &title, &here, content)))
    }
    .await;
    respond(lang, &here, result)
}

fn criterion_label(lang: Lang, code: &str) -> &'static str {
    match code {
        "urgency" => lang.pick("Urgensi", "Urgency"),
        "vulnerable_beneficiaries" => {
            lang.pick("Penerima manfaat rentan", "Vulnerable beneficiaries")
        }
        "feasibility" => lang.pick("Kelayakan", "Feasibility"),
        "sustainability" => lang.pick("Keberlanjutan", "Sustainability"),
        _ => lang.pick("Kriteria", "Criterion"),
    }
}

fn tie_label(lang: Lang, tie: TieBreak) -> &'static str {
    match tie {
        TieBreak::First | TieBreak::CombinedScore => "",
        TieBreak::Votes => lang.pick("seri; suara lebih sedikit", "tie; fewer votes"),
        TieBreak::CriteriaScore => lang.pick(
            "seri; nilai kriteria lebih rendah",
            "tie; lower criteria score",
        ),
        TieBreak::LowerCost => lang.pick("seri; biaya lebih tinggi", "tie; higher cost"),
        TieBreak::EarlierSubmission => lang.pick("seri; diajukan kemudian", "tie; submitted later"),
        TieBreak::Code => lang.pick("seri; urutan kode", "tie; by code"),
    }
}

fn score_row(
    lang: Lang,
    rule: &Rule,
    p: &StoredProposal,
    rank: Option<usize>,
    combined: Option<(suara_domain::decimal::Decimal, TieBreak)>,
) -> Markup {
    html! {
        tr {
            td.num { (rank.map_or("–".to_string(), |r| r.to_string())) }
            th scope="row" { a href=(manage_href(lang, &p.code)) { (p.proposal.title) } br; small { (p.code) } }
            @for (i, c) in rule.criteria.iter().enumerate() {
                td { input.score type="number" min="1" max=(MAX_SCORE) name={ "score:" (p.code) ":" (i) }
                    value=[p.scores.get(i)] aria-label={ (criterion_label(lang, &c.code)) ": " (p.proposal.title) } inputmode="numeric"; }
            }
            td { input.score type="number" min="0" name={ "votes:" (p.code) } value=(p.votes) aria-label={ (lang.pick("Suara", "Votes")) ": " (p.proposal.title) } inputmode="numeric"; }
            td.num { @if let Some((c, tie)) = combined { (c) @let t = tie_label(lang, tie); @if !t.is_empty() { br; small { (t) } } } @else { "–" } }
            td { (stage_label(lang, p.stage)) }
        }
    }
}

/// The step form: checkboxes for several proposals (forum page) or one proposal.
fn step_form(
    lang: Lang,
    staff: &Staff,
    proposals: &[StoredProposal],
    back: &str,
    single: bool,
) -> Markup {
    let planner = staff.principal.may(Permission::DecidePlanning);
    let open: Vec<&StoredProposal> = proposals.iter().filter(|p| !p.stage.is_final()).collect();
    html! {
        @if open.is_empty() {
            p { (lang.pick("Tidak ada usulan yang masih berjalan.", "No proposal is still under way.")) }
        } @else {
            form.stack method="post" action={ "/musrena/langkah?lang=" (lang.code()) } {
                (csrf(staff))
                input type="hidden" name="back" value=(back);
                @if single {
                    input type="hidden" name="code" value=(open[0].code);
                } @else {
                    fieldset {
                        legend { (lang.pick("Usulan", "Proposals")) }
                        @for p in &open {
                            label.choice { input type="checkbox" name="code" value=(p.code); " " (p.proposal.title) " (" (stage_label(lang, p.stage)) ")" }
                        }
                    }
                }
                p { label for="action" { (lang.pick("Langkah", "Step")) }
                    select #action name="action" {
                        option value="verify" { (lang.pick("Verifikasi", "Verify")) }
                        option value="prioritize" { (lang.pick("Tetapkan sebagai prioritas", "Prioritize")) }
                        option value="carry" { (lang.pick("Bawa ke musrenbang (tingkat berikutnya)", "Carry to the musrenbang (next level)")) }
                        @if planner {
                            option value="accept" { (lang.pick("Terima dalam RKPD", "Accept into the RKPD")) }
                            option value="budget" { (lang.pick("Anggarkan dalam APBD", "Budget in the APBD")) }
                            option value="implement" { (lang.pick("Tandai terlaksana", "Mark implemented")) }
                        }
                        option value="reject" { (lang.pick("Tolak", "Reject")) }
                    } }
                p { label for="on" { (lang.pick("Tanggal", "Date")) } input #on type="date" name="on" required; }
                p { label for="reason" { (lang.pick("Alasan (wajib bila ditolak)", "Reason (required to reject)")) } input #reason name="reason" maxlength="1000"; }
                @if planner {
                    p { label for="amount" { (lang.pick("Anggaran APBD (Rp)", "APBD budget (Rp)")) } input #amount name="amount" inputmode="numeric"; }
                    p { label for="evidence" { (lang.pick("Bukti pelaksanaan", "Evidence of implementation")) } input #evidence name="evidence" maxlength="1000"; }
                }
                p.buttons { button type="submit" { (lang.pick("Terapkan", "Apply")) } }
            }
        }
    }
}

pub async fn save_scores(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(forum_id): Path<String>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    Form(pairs): Form<Pairs>,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    if !staff.csrf_ok(field(&pairs, "csrf")) {
        return forbidden(lang);
    }
    let result = async {
        let ctx = context(&app, &staff).await?;
        if load_forum(&app, &staff, &ctx, &forum_id).await?.is_none() {
            return Err(ApiError::NotFound(format!("forum {forum_id}")));
        }
        let filter = ProposalFilter {
            forum_id: Some(forum_id.clone()),
            ..ProposalFilter::default()
        };
        let proposals = app.store.proposals(&ctx.tenant.tenant_id, &filter).await?;
        let criteria = Rule::standard().criteria.len();
        let mut updated = 0;
        for p in &proposals {
            let scores: Vec<Option<u8>> = (0..criteria)
                .map(|i| {
                    field(&pairs, &format!("score:{}:{i}", p.code))
                        .and_then(|v| v.trim().parse().ok())
                        .filter(|s| (1..=MAX_SCORE).contains(s))
                })
                .collect();
            let votes = field(&pairs, &format!("votes:{}", p.code))
                .and_then(|v| v.trim().parse::<u32>().ok());
            // Only complete rows are saved; a half-scored proposal stays unranked.
            if let (Some(scores), Some(votes)) =
                (scores.into_iter().collect::<Option<Vec<u8>>>(), votes)
            {
                app.store
                    .score_proposal(&ctx.tenant.tenant_id, &p.code, &scores, votes)
                    .await
                    .map_err(|e| match e {
                        MusrenaError::Store(e) => ApiError::Store(e),
                        other => ApiError::BadQuery(other.to_string()),
                    })?;
                updated += 1;
            }
        }
        Ok(Redirect::to(&format!(
            "/musrena/forum/{forum_id}?lang={}&selesai={updated}",
            lang.code()
        ))
        .into_response())
    }
    .await;
    respond(lang, &here, result)
}

pub async fn apply_step(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    Form(pairs): Form<Pairs>,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    if !staff.csrf_ok(field(&pairs, "csrf")) {
        return forbidden(lang);
    }
    let result = async {
        let ctx = context(&app, &staff).await?;
        let codes: Vec<String> = fields(&pairs, "code").map(str::to_string).collect();
        let back = field(&pairs, "back")
            .filter(|b| b.starts_with("/musrena/") && !b.contains("//"))
            .unwrap_or("/musrena/forum");
        let text = |name: &str| field(&pairs, name).map(str::trim).unwrap_or("").to_string();
        let action = match field(&pairs, "action") {
            Some("verify") => Some(Action::Verify),
            Some("prioritize") => Some(Action::Prioritize),
            Some("carry") => Some(Action::Carry),
            Some("accept") => Some(Action::AcceptIntoPlan),
            Some("budget") => Some(Action::Budget {
                amount: parse_rupiah(&text("amount")).unwrap_or(0),
            }),
            Some("implement") => Some(Action::Implement {
                evidence: text("evidence"),
            }),
            Some("reject") => Some(Action::Reject {
                reason: text("reason"),
            }),
            _ => None,
        };
        let on = field(&pairs, "on").and_then(parse_date);
        let problem = |message: String| {
            Ok(crate::pages::message_page(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang,
                lang.pick("Langkah tidak diterapkan", "The step was not applied"),
                &message,
                back,
            ))
        };
        let (Some(action), Some(on), false) = (action, on, codes.is_empty()) else {
            return problem(
                lang.pick(
                    "Pilih usulan, langkah dan tanggal.",
                    "Choose proposals, a step and a date.",
                )
                .to_string(),
            );
        };
        if matches!(
            action,
            Action::AcceptIntoPlan | Action::Budget { .. } | Action::Implement { .. }
        ) && !staff.principal.may(Permission::DecidePlanning)
        {
            return Ok(forbidden(lang));
        }
        // Each proposal must belong to a forum this user manages.
        for code in &codes {
            let Some((p, _)) = app.store.proposal(&ctx.tenant.tenant_id, code).await? else {
                return problem(format!(
                    "{}: {code}",
                    lang.pick("Usulan tidak dikenal", "Unknown proposal")
                ));
            };
            if !may_manage(&staff, p.district_id.as_deref(), &ctx.tree) {
                return Ok(forbidden(lang));
            }
        }
        match app
            .store
            .apply_actions(
                &ctx.tenant.tenant_id,
                &codes,
                &action,
                on,
                staff.username(),
                OffsetDateTime::now_utc(),
            )
            .await
        {
            Ok(stages) => {
                let separator = if back.contains('?') { '&' } else { '?' };
                Ok(Redirect::to(&format!(
                    "{back}{separator}lang={}&selesai={}",
                    lang.code(),
                    stages.len()
                ))
                .into_response())
            }
            Err(MusrenaError::Store(e)) => Err(ApiError::Store(e)),
            Err(error) => problem(format!(
                "{error}. {}",
                lang.pick("Tidak ada yang diubah.", "Nothing was changed.")
            )),
        }
    }
    .await;
    respond(lang, &here, result)
}

// ---------------------------------------------------------------------------------------
// Entering a proposal (standard and easy-read forms).

#[derive(Deserialize, Default)]
pub struct ProposalFormQuery {
    pub lang: Option<String>,
    pub mudah: Option<String>,
}

pub async fn proposal_form(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(forum_id): Path<String>,
    Query(query): Query<ProposalFormQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = Lang::from_code(query.lang.as_deref());
    let here = uri.to_string();
    let easy = query.mudah.as_deref() == Some("1");
    let result = proposal_page(
        &app,
        &staff,
        lang,
        &here,
        &forum_id,
        easy,
        StatusCode::OK,
        &ProposalDraft::default(),
        &[],
    )
    .await;
    respond(lang, &here, result)
}

#[allow(clippy::too_many_arguments)]
async fn proposal_page(
    app: &AppState,
    staff: &Staff,
    lang: Lang,
    here: &str,
    forum_id: &str,
    easy: bool,
    status: StatusCode,
    draft: &ProposalDraft,
    problems: &[String],
) -> Result<Response, ApiError> {
    let ctx = context(app, staff).await?;
    let Some(forum) = load_forum(app, staff, &ctx, forum_id).await? else {
        return Err(ApiError::NotFound(format!("forum {forum_id}")));
    };
    let title = if easy {
        lang.pick("Usulan kami (formulir mudah)", "Our proposal (easy form)")
    } else {
        lang.pick("Usulan baru", "New proposal")
    };
    let proposed = |g: Group| {
        draft.proposed_by.iter().any(|c| c == g.code())
            || (easy && draft.proposed_by.is_empty() && g == Group::Children)
    };
    let content = html! {
        p.crumbs { a href=(forum_href(lang, &forum.forum_id)) { "Forum " (forum.forum_id) } }
        h1 { (title) }
        @if !problems.is_empty() {
            div.error-summary role="alert" tabindex="-1" { p { strong { (lang.pick("Periksa lagi:", "Please check:")) } } ul { @for p in problems { li { (p) } } } }
        }
        form.proposal.stack method="post" action={ "/musrena/forum/" (forum.forum_id) "/usulan?lang=" (lang.code()) } enctype="multipart/form-data" {
            (csrf(staff))
            @if easy { input type="hidden" name="mudah" value="1"; }
            p { label for="title" { @if easy { (lang.pick("Beri nama usulanmu", "Give your idea a name")) } @else { (lang.pick("Judul usulan", "Title")) } }
                input #title name="title" required maxlength="160" value=(draft.title); }
            p { label for="problem" { @if easy { (lang.pick("Apa yang membuatmu sedih atau susah?", "What makes things hard or sad for you?")) } @else { (lang.pick("Masalah", "Problem")) } }
                textarea #problem name="problem" required rows="3" { (draft.problem) } }
            p { label for="activity" { @if easy { (lang.pick("Apa yang ingin kamu minta?", "What would you like to ask for?")) } @else { (lang.pick("Kegiatan yang diusulkan", "Proposed activity")) } }
                textarea #activity name="activity" required rows="3" { (draft.activity) } }
            p { label for="sector" { @if easy { (lang.pick("Ini tentang apa?", "What is it about?")) } @else { (lang.pick("Sektor", "Sector")) } }
                select #sector name="sector" required {
                    option value="" { "–" }
                    @for s in Sector::ALL { option value=(s.code()) selected[draft.sector == s.code()] { (sector_label(lang, s)) } }
                } }
            p { label for="location" { @if easy { (lang.pick("Di mana?", "Where?")) } @else { (lang.pick("Lokasi (desa/dusun)", "Location (village/hamlet)")) } }
                input #location name="location" required value={ @if draft.location.is_empty() { (forum.village.clone().unwrap_or_default()) } @else { (draft.location) } }; }
            @if forum.level == Level::Kabupaten {
                p { label for="district" { (lang.pick("Kecamatan", "District")) }
                    select #district name="district" { option value="" { "–" } @for (id, name) in &ctx.districts { option value=(id) { (name) } } } }
            }
            @if !easy {
                p { label for="estimated_cost" { (lang.pick("Perkiraan biaya (Rp)", "Estimated cost (Rp)")) } input #estimated_cost name="estimated_cost" inputmode="numeric" value=(draft.estimated_cost); }
            }
            fieldset {
                legend { @if easy { (lang.pick("Siapa yang mengusulkan?", "Who is asking?")) } @else { (lang.pick("Kelompok pengusul", "Proposing groups")) } }
                @for g in Group::ALL {
                    label.choice { input type="checkbox" name="proposed_by" value=(g.code()) checked[proposed(g)]; " " (group_label(lang, g)) }
                }
            }
            fieldset {
                legend { @if easy { (lang.pick("Berapa orang yang terbantu?", "How many people would it help?")) } @else { (lang.pick("Penerima manfaat per kelompok (orang)", "Beneficiaries per group (people)")) } }
                @for g in Group::ALL {
                    p { label for={ "b-" (g.code()) } { (group_label(lang, g)) } input id={ "b-" (g.code()) } type="number" min="0" name={ "b-" (g.code()) } inputmode="numeric"; }
                }
            }
            p { label for="photo" { (lang.pick("Foto (JPEG, PNG atau WebP, paling besar 5 MB; tidak wajib)", "Photo (JPEG, PNG or WebP, up to 5 MB; optional)")) }
                input #photo type="file" name="photo" accept="image/jpeg,image/png,image/webp"; }
            p.buttons { button type="submit" { (lang.pick("Simpan usulan", "Save the proposal")) } }
        }
    };
    Ok(page(status, frame(lang, staff, title, here, content)))
}

pub async fn add_proposal(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(forum_id): Path<String>,
    Query(query): Query<LangQuery>,
    uri: OriginalUri,
    mut multipart: Multipart,
) -> Response {
    let lang = query.lang();
    let here = uri.to_string();
    let result = async {
        let mut pairs: Pairs = Vec::new();
        let mut photo: Option<Vec<u8>> = None;
        while let Some(part) = multipart
            .next_field()
            .await
            .map_err(|e| ApiError::BadQuery(format!("the upload could not be read: {e}")))?
        {
            let name = part.name().unwrap_or_default().to_string();
            let bytes = part
                .bytes()
                .await
                .map_err(|e| ApiError::BadQuery(format!("the upload could not be read: {e}")))?;
            if name == "photo" {
                photo = Some(bytes.to_vec()).filter(|b| !b.is_empty());
            } else {
                pairs.push((name, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
        if !staff.csrf_ok(field(&pairs, "csrf")) {
            return Ok(forbidden(lang));
        }
        let ctx = context(&app, &staff).await?;
        if load_forum(&app, &staff, &ctx, &forum_id).await?.is_none() {
            return Err(ApiError::NotFound(format!("forum {forum_id}")));
        }
        let easy = field(&pairs, "mudah") == Some("1");
        let text = |name: &str| field(&pairs, name).unwrap_or("").to_string();
        let draft = ProposalDraft {
            title: text("title"),
            problem: text("problem"),
            activity: text("activity"),
            sector: text("sector"),
            location: text("location"),
            estimated_cost: text("estimated_cost"),
            proposed_by: fields(&pairs, "proposed_by").map(str::to_string).collect(),
            beneficiaries: Group::ALL
                .iter()
                .map(|g| (g.code().to_string(), text(&format!("b-{}", g.code()))))
                .collect(),
        };
        let mut problems: Vec<String> = Vec::new();
        let checked_photo = match &photo {
            Some(bytes) => {
                let checked = match check_photo(bytes) {
                    // Decoding takes real CPU: off the async workers.
                    Ok(kind) => {
                        let bytes = bytes.clone();
                        tokio::task::spawn_blocking(move || {
                            crate::photos::without_metadata(kind, &bytes).ok()
                        })
                        .await
                        .ok()
                        .flatten()
                        .ok_or(None)
                    }
                    Err(e) => Err(Some(e)),
                };
                match checked {
                    Ok(kept) => Some(kept),
                    Err(None) => {
                        problems.push(
                            lang.pick(
                                "Foto tidak dapat dibaca; kirim foto lain.",
                                "The photo could not be read; send another one.",
                            )
                            .to_string(),
                        );
                        None
                    }
                    Err(Some(e)) => {
                        problems.push(match e {
                            suara_domain::musrena::proposal::PhotoError::TooLarge => lang
                                .pick("Foto lebih dari 5 MB.", "The photo is larger than 5 MB.")
                                .to_string(),
                            _ => lang
                                .pick(
                                    "Foto harus JPEG, PNG atau WebP.",
                                    "The photo must be JPEG, PNG or WebP.",
                                )
                                .to_string(),
                        });
                        None
                    }
                }
            }
            None => None,
        };
        let proposal = match validate(&draft) {
            Ok(p) if problems.is_empty() => p,
            Ok(_) => {
                return proposal_page(
                    &app,
                    &staff,
                    lang,
                    &here,
                    &forum_id,
                    easy,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &draft,
                    &problems,
                )
                .await
            }
            Err(found) => {
                problems.extend(
                    found
                        .iter()
                        .map(|p| problem_text(lang, &p.field, p.problem)),
                );
                return proposal_page(
                    &app,
                    &staff,
                    lang,
                    &here,
                    &forum_id,
                    easy,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &draft,
                    &problems,
                )
                .await;
            }
        };
        let district = field(&pairs, "district")
            .map(str::trim)
            .filter(|d| !d.is_empty());
        let tenant_id = ctx.tenant.tenant_id.as_str();
        let now = OffsetDateTime::now_utc();
        let code = match app
            .store
            .add_proposal(
                tenant_id,
                &forum_id,
                &proposal,
                district,
                easy,
                today(&ctx.tenant),
                staff.username(),
                now,
            )
            .await
        {
            Ok(code) => code,
            Err(MusrenaError::Store(e)) => return Err(ApiError::Store(e)),
            Err(error) => {
                problems.push(error.to_string());
                return proposal_page(
                    &app,
                    &staff,
                    lang,
                    &here,
                    &forum_id,
                    easy,
                    StatusCode::UNPROCESSABLE_ENTITY,
                    &draft,
                    &problems,
                )
                .await;
            }
        };
        if let Some((kind, bytes)) = checked_photo {
            app.store
                .add_photo(tenant_id, &code, kind, &bytes)
                .await
                .map_err(|e| match e {
                    MusrenaError::Store(e) => ApiError::Store(e),
                    other => ApiError::BadQuery(other.to_string()),
                })?;
        }
        Ok(Redirect::to(&format!(
            "/musrena/forum/{forum_id}?lang={}&selesai=1",
            lang.code()
        ))
        .into_response())
    }
    .await;
    respond(lang, &here, result)
}

fn problem_text(lang: Lang, field: &str, problem: &str) -> String {
    let name = match field {
        "title" => lang.pick("Judul", "Title"),
        "problem" => lang.pick("Masalah", "Problem"),
        "activity" => lang.pick("Kegiatan", "Activity"),
        "sector" => lang.pick("Sektor", "Sector"),
        "location" => lang.pick("Lokasi", "Location"),
        "estimated_cost" => lang.pick("Perkiraan biaya", "Estimated cost"),
        "proposed_by" => lang.pick("Kelompok pengusul", "Proposing groups"),
        _ => lang.pick("Penerima manfaat", "Beneficiaries"),
    };
    let what = match problem {
        "required" => lang.pick("wajib diisi", "is required"),
        "too_long" => lang.pick("terlalu panjang", "is too long"),
        "not_rupiah" => lang.pick("bukan jumlah rupiah", "is not an amount in rupiah"),
        "not_a_count" => lang.pick("harus angka", "must be a number"),
        _ => lang.pick("tidak dikenal", "is not known"),
    };
    format!("{name} {what}")
}

// ---------------------------------------------------------------------------------------
// One proposal, for those who manage it.

pub async fn manage(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Path(code): Path<String>,
    Query(query): Query<ForumQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = Lang::from_code(query.lang.as_deref());
    let here = uri.to_string();
    let result = async {
        let ctx = context(&app, &staff).await?;
        let Some((proposal, steps)) = app.store.proposal(&ctx.tenant.tenant_id, &code).await? else {
            return Err(ApiError::NotFound(format!("proposal {code}")));
        };
        if !may_manage(&staff, proposal.district_id.as_deref(), &ctx.tree) {
            return Ok(forbidden(lang));
        }
        let photos = app.store.photos(&ctx.tenant.tenant_id, &code).await?;
        let district = proposal.district_id.as_deref().and_then(|d| ctx.districts.iter().find(|(i, _)| i == d)).map(|(_, n)| n.as_str());
        let title = proposal.proposal.title.clone();
        let content = html! {
            p.crumbs { a href=(forum_href(lang, &proposal.forum_id)) { "Forum " (proposal.forum_id) } " · " a href=(tracker_href(lang, &code)) { (lang.pick("Halaman publik", "Public page")) } }
            h1 { (title) }
            @if let Some(n) = query.selesai { div.success role="status" { p { (n) " " (lang.pick("usulan diperbarui.", "proposals updated.")) } } }
            (proposal_details(lang, &proposal, &steps, &photos, district))
            h2 { (lang.pick("Langkah berikutnya", "Next step")) }
            (step_form(lang, &staff, std::slice::from_ref(&proposal), &format!("/musrena/kelola/{code}"), true))
        };
        Ok(page(StatusCode::OK, frame(lang, &staff, &title, &here, content)))
    }
    .await;
    respond(lang, &here, result)
}

// ---------------------------------------------------------------------------------------
// Export for SIPD.

#[derive(Deserialize, Default)]
pub struct ExportQuery {
    pub lang: Option<String>,
    pub format: Option<String>,
}

pub async fn export(
    State(app): State<Arc<AppState>>,
    Extension(staff): Extension<Staff>,
    Query(query): Query<ExportQuery>,
    uri: OriginalUri,
) -> Response {
    let lang = Lang::from_code(query.lang.as_deref());
    let here = uri.to_string();
    let result = async {
        let ctx = context(&app, &staff).await?;
        let proposals: Vec<StoredProposal> = app
            .store
            .proposals(&ctx.tenant.tenant_id, &ProposalFilter::default())
            .await?
            .into_iter()
            .filter(|p| p.stage.has_reached(Stage::AcceptedIntoPlan))
            .collect();
        let names: HashMap<String, String> = ctx.districts.iter().cloned().collect();
        let format = SheetFormat::from_query(query.format.as_deref())?;
        let bytes = match format {
            SheetFormat::Xlsx => {
                suara_reports::musrena::accepted_xlsx(&proposals, &names, &ctx.tenant.name)
            }
            SheetFormat::Csv => suara_reports::musrena::accepted_csv(&proposals, &names),
        };
        download(
            format,
            &format!("musrena-rkpd-{}", ctx.tenant.tenant_id),
            bytes,
        )
    }
    .await;
    respond(lang, &here, result)
}
