//! Entering a proposal for a forum's participants: the standard form, and an easy-read
//! form made for children (large controls, plain questions). A refused form comes back with
//! the problems and the draft as typed; a saved one leads to the forum page naming its
//! tracking code.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use maud::{html, Markup};
use serde::Deserialize;
use suara_domain::access::Permission;
use suara_domain::musrena::forum::Group;
use suara_domain::musrena::proposal::{
    check_rab, validate, PhotoType, ProposalDraft, RabType, Sector, MAX_PHOTOS,
};
use suara_domain::tpp::rupiah;
use suara_store::MusrenaError;
use time::OffsetDateTime;

use super::{districts, field, fields, forum_href, kept, managed_forum, refusal, Pairs};
use crate::pages::context::{StaffCx, Upload};
use crate::pages::failure::PageError;
use crate::pages::musrena::{group_label, sector_label};
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

/// Largest upload of the proposal form: three photos and a cost breakdown of up to 5 MB
/// each, and the text; room for them as kept after a refusal too (base64, a third more).
pub const MAX_PROPOSAL_UPLOAD_BYTES: usize = 29 * 1024 * 1024;

#[derive(Deserialize, Default)]
pub struct ProposalFormQuery {
    pub mudah: Option<String>,
}

pub async fn proposal_form(
    cx: StaffCx,
    Path(forum_id): Path<String>,
    Query(query): Query<ProposalFormQuery>,
) -> Result<Response, PageError> {
    let easy = query.mudah.as_deref() == Some("1");
    proposal_page(
        &cx,
        &forum_id,
        easy,
        StatusCode::OK,
        &ProposalDraft::default(),
        &[],
        html! {},
    )
    .await
}

/// The form; after a refusal, with the problems, the draft as typed and the files attached
/// (`kept`, see [`kept`]).
async fn proposal_page(
    cx: &StaffCx,
    forum_id: &str,
    easy: bool,
    status: StatusCode,
    draft: &ProposalDraft,
    problems: &[String],
    kept: Markup,
) -> Result<Response, PageError> {
    let (lang, look) = (cx.lang, cx.look());
    let d = districts(cx).await?;
    let forum = managed_forum(cx, &d, forum_id).await?;
    let planner = cx.staff.principal.may(Permission::DecidePlanning);
    let catalogue = cx.app.store.catalogue(cx.tenant_id()).await?;
    let issues = cx.app.store.strategic_issues(cx.tenant_id()).await?;
    let title = if easy {
        lang.t(T::OUR_PROPOSAL_EASY_FORM)
    } else {
        lang.t(T::NEW_PROPOSAL)
    };
    let proposed = |g: Group| {
        draft.proposed_by.iter().any(|c| c == g.code())
            || (easy && draft.proposed_by.is_empty() && g == Group::Children)
    };
    let content = html! {
        p.crumbs { a href=(forum_href(lang, &forum.forum_id)) { "Forum " (forum.forum_id) } }
        h1 { (title) }
        @if !problems.is_empty() {
            div.error-summary role="alert" tabindex="-1" { h2 { (lang.t(T::PLEASE_CHECK)) } ul { @for p in problems { li { (p) } } } }
        }
        form.proposal.stack.easy[easy] method="post" action=(look.action(&routes::musrena_proposal_form(&forum.forum_id))) enctype="multipart/form-data" {
            (look.csrf())
            @if easy { input type="hidden" name="mudah" value="1"; }
            p { label for="title" { @if easy { (lang.t(T::GIVE_YOUR_IDEA_A_NAME)) } @else { (lang.t(T::TITLE)) } }
                input #title name="title" required maxlength="160" value=(draft.title); }
            p { label for="problem" { @if easy { (lang.t(T::WHAT_MAKES_THINGS_HARD_OR_SAD_FOR)) } @else { (lang.t(T::PROBLEM)) } }
                textarea #problem name="problem" required rows="3" { (draft.problem) } }
            p { label for="activity" { @if easy { (lang.t(T::WHAT_WOULD_YOU_LIKE_TO_ASK_FOR)) } @else { (lang.t(T::PROPOSED_ACTIVITY)) } }
                textarea #activity name="activity" required rows="3" { (draft.activity) } }
            p { label for="sector" { @if easy { (lang.t(T::WHAT_IS_IT_ABOUT)) } @else { (lang.t(T::SECTOR)) } }
                select #sector name="sector" required {
                    option value="" { "–" }
                    @for s in Sector::ALL { option value=(s.code()) selected[draft.sector == s.code()] { (sector_label(lang, s)) } }
                } }
            @let chosen = if draft.village.is_empty() { forum.village.as_deref().unwrap_or("") } else { draft.village.as_str() };
            p { label for="village" { @if easy { (lang.t(T::WHERE)) } @else { (lang.t(T::VILLAGE_OR_KELURAHAN)) } }
                (d.village_select(lang, forum.district_id.as_deref(), chosen, true)) }
            p { label for="address" { (lang.t(T::ADDRESS_IN_THE_VILLAGE)) }
                input #address name="address" maxlength="160" value=(draft.address); }
            @if !easy {
                fieldset {
                    legend { (lang.t(T::SPOT_ON_THE_MAP_OPTIONAL)) }
                    p.hint { (lang.t(T::SPOT_HINT)) }
                    p.pair {
                        label for="latitude" { (lang.t(T::LATITUDE)) " " input #latitude name="latitude" inputmode="decimal" size="12" value=(draft.latitude); }
                        " "
                        label for="longitude" { (lang.t(T::LONGITUDE)) " " input #longitude name="longitude" inputmode="decimal" size="12" value=(draft.longitude); }
                    }
                }
            }
            @if !easy {
                p { label for="activity_code" { (lang.t(T::ACTIVITY_FROM_THE_CATALOGUE)) }
                    select #activity_code name="activity_code" {
                        option value="" { (lang.t(T::NOT_FROM_THE_CATALOGUE)) }
                        @for e in catalogue.iter().filter(|e| e.levels.contains(&forum.level)) {
                            option value=(e.code) selected[draft.activity_code == e.code] { (e.name) " · Rp" (rupiah(e.unit_price)) "/" (e.measure) }
                        }
                    } }
                p { label for="volume" { (lang.t(T::VOLUME_IN_THE_UNIT_OF_MEASURE)) } input #volume name="volume" inputmode="decimal" value=(draft.volume); }
                p { label for="issue" { (lang.t(T::STRATEGIC_ISSUE)) }
                    select #issue name="issue" {
                        option value="" { "–" }
                        @for i in &issues { option value=(i.code) selected[draft.issue == i.code] { (i.name) } }
                    } }
                p { label for="estimated_cost" { (lang.t(T::ESTIMATED_COST_RP)) } span.hint { (lang.t(T::COST_FROM_VOLUME_HINT)) }
                    input #estimated_cost name="estimated_cost" inputmode="numeric" value=(draft.estimated_cost); }
                @if planner {
                    p { label for="cost_reason" { (lang.t(T::COST_REASON)) } input #cost_reason name="cost_reason" maxlength="1000" value=(draft.cost_reason); }
                }
                p { label for="sdgs" { (lang.t(T::SDG_TARGETS)) } span.hint { (lang.t(T::SDG_TARGETS_HINT)) " " span.sdg { "11.2, 10.2" } }
                    input #sdgs name="sdgs" inputmode="decimal" value=(draft.sdgs); }
            }
            fieldset {
                legend { @if easy { (lang.t(T::WHO_IS_ASKING)) } @else { (lang.t(T::PROPOSING_GROUPS)) } }
                @for g in Group::ALL {
                    label.choice { input type="checkbox" name="proposed_by" value=(g.code()) checked[proposed(g)]; " " (group_label(lang, g)) }
                }
            }
            fieldset {
                legend { @if easy { (lang.t(T::HOW_MANY_PEOPLE_WOULD_IT_HELP)) } @else { (lang.t(T::BENEFICIARIES_PER_GROUP_PEOPLE)) } }
                @for g in Group::ALL {
                    @let typed = draft.beneficiaries.iter().find(|(c, _)| c == g.code()).map(|(_, v)| v.as_str());
                    p { label for={ "b-" (g.code()) } { (group_label(lang, g)) } input id={ "b-" (g.code()) } type="number" min="0" name={ "b-" (g.code()) } inputmode="numeric" value=[typed]; }
                }
            }
            p { label for="photo" { (lang.t(T::PHOTOS_UP_TO_THREE)) }
                input #photo type="file" name="photo" multiple accept="image/jpeg,image/png,image/webp"; }
            @if !easy {
                p { label for="rab" { (lang.t(T::COST_BREAKDOWN_RAB)) }
                    input #rab type="file" name="rab" accept="application/pdf,.xlsx"; }
            }
            (kept)
            p.buttons { button.primary type="submit" { (lang.t(T::SAVE_THE_PROPOSAL)) } }
        }
    };
    Ok(cx.page(status, title, content))
}

pub async fn add_proposal(
    cx: StaffCx,
    Path(forum_id): Path<String>,
    upload: Upload,
) -> Result<Response, PageError> {
    let lang = cx.lang;
    let pairs: Pairs = upload
        .pairs()
        .into_iter()
        .filter(|(k, _)| !["photo", "rab", kept::PHOTO, kept::RAB].contains(&k.as_str()))
        .collect();
    // Files attached before a refusal come back kept; new ones are added to them.
    let kept_photos = kept::sent(&upload, kept::PHOTO);
    let kept_rab = kept::sent(&upload, kept::RAB);
    let photos: Vec<&[u8]> = kept_photos
        .iter()
        .map(Vec::as_slice)
        .chain(upload.all("photo").map(|b| b.as_ref()))
        .collect();
    let rab = upload
        .file("rab")
        .map(|b| b.as_ref())
        .or(kept_rab.first().map(Vec::as_slice));
    let d = districts(&cx).await?;
    managed_forum(&cx, &d, &forum_id).await?;
    let easy = field(&pairs, "mudah") == Some("1");
    let draft = typed_draft(&pairs);
    let mut problems: Vec<String> = Vec::new();
    // The cost of a catalogue activity is volume × unit price; planners alone may set
    // another, with the reason.
    if !draft.cost_reason.trim().is_empty() && !cx.staff.principal.may(Permission::DecidePlanning) {
        problems.push(lang.t(T::ONLY_PLANNERS_CHANGE_THE_COST).to_string());
    }
    let (checked_photos, checked_rab) = checked_uploads(lang, photos, rab, &mut problems).await;
    // The form again with every problem, the draft as typed and the good files kept.
    let refused = |problems: Vec<String>| {
        let (cx, forum_id, draft) = (&cx, &forum_id, &draft);
        let photos: Vec<String> = checked_photos
            .iter()
            .map(|(_, b)| kept::encode(b))
            .collect();
        let rab = checked_rab.and(rab).map(kept::encode);
        let kept = kept::fields(lang, &photos, rab.as_deref());
        async move {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            proposal_page(cx, forum_id, easy, status, draft, &problems, kept).await
        }
    };
    let proposal = match validate(&draft) {
        Ok(p) if problems.is_empty() => p,
        Ok(_) => return refused(problems).await,
        Err(found) => {
            problems.extend(
                found
                    .iter()
                    .map(|p| problem_text(lang, &p.field, p.problem)),
            );
            return refused(problems).await;
        }
    };
    let tenant_id = cx.tenant_id();
    let now = OffsetDateTime::now_utc();
    let code = match cx
        .app
        .store
        .add_proposal(
            tenant_id,
            &forum_id,
            &proposal,
            easy,
            cx.today(),
            cx.username(),
            now,
        )
        .await
    {
        Ok(code) => code,
        Err(MusrenaError::Store(e)) => return Err(PageError::Store(e)),
        Err(error) => {
            problems.push(refusal(lang, &error));
            return refused(problems).await;
        }
    };
    let unexpected = |e: MusrenaError| match e {
        MusrenaError::Store(e) => PageError::Store(e),
        _ => PageError::BadRequest,
    };
    for (kind, bytes) in checked_photos {
        cx.app
            .store
            .add_photo(tenant_id, &code, kind, &bytes)
            .await
            .map_err(unexpected)?;
    }
    if let (Some(kind), Some(bytes)) = (checked_rab, rab) {
        cx.app
            .store
            .set_rab(tenant_id, &code, kind, bytes, cx.username(), now)
            .await
            .map_err(unexpected)?;
    }
    // Back to the forum, which names the new proposal's tracking code.
    Ok(Redirect::to(&format!(
        "{}?lang={}&baru={code}",
        routes::musrena_forum(&forum_id),
        lang.code()
    ))
    .into_response())
}

/// The draft as typed in the form's fields.
fn typed_draft(pairs: &Pairs) -> ProposalDraft {
    let text = |name: &str| field(pairs, name).unwrap_or("").to_string();
    ProposalDraft {
        title: text("title"),
        problem: text("problem"),
        activity: text("activity"),
        sector: text("sector"),
        village: text("village"),
        address: text("address"),
        latitude: text("latitude"),
        longitude: text("longitude"),
        estimated_cost: text("estimated_cost"),
        proposed_by: fields(pairs, "proposed_by").map(str::to_string).collect(),
        beneficiaries: Group::ALL
            .iter()
            .map(|g| (g.code().to_string(), text(&format!("b-{}", g.code()))))
            .collect(),
        sdgs: text("sdgs"),
        activity_code: text("activity_code"),
        volume: text("volume"),
        issue: text("issue"),
        cost_reason: text("cost_reason"),
    }
}

/// Checks the photos and the cost breakdown sent, noting each problem; returns those kept.
async fn checked_uploads(
    lang: Lang,
    photos: Vec<&[u8]>,
    rab: Option<&[u8]>,
    problems: &mut Vec<String>,
) -> (Vec<(PhotoType, Vec<u8>)>, Option<RabType>) {
    let mut checked_photos = Vec::new();
    if photos.len() > MAX_PHOTOS {
        problems.push(lang.t(T::AT_MOST_THREE_PHOTOS).to_string());
    } else {
        for bytes in photos {
            match super::published_photo(lang, bytes).await {
                Ok(kept) => checked_photos.push(kept),
                Err(problem) => problems.push(problem),
            }
        }
    }
    let checked_rab = match rab.map(check_rab) {
        Some(Ok(kind)) => Some(kind),
        Some(Err(_)) => {
            problems.push(lang.t(T::RAB_MUST_BE_PDF_OR_XLSX).to_string());
            None
        }
        None => None,
    };
    (checked_photos, checked_rab)
}

pub(super) fn problem_text(lang: Lang, field: &str, problem: &str) -> String {
    let name = match field {
        "title" => lang.t(T::TITLE_2),
        "problem" => lang.t(T::PROBLEM),
        "activity" => lang.t(T::ACTIVITY),
        "sector" => lang.t(T::SECTOR),
        "village" => lang.t(T::VILLAGE_OR_KELURAHAN),
        "address" => lang.t(T::ADDRESS_IN_THE_VILLAGE),
        "point" => lang.t(T::SPOT),
        "volume" => lang.t(T::VOLUME_IN_THE_UNIT_OF_MEASURE),
        "cost_reason" => lang.t(T::COST_REASON),
        "estimated_cost" => lang.t(T::ESTIMATED_COST),
        "proposed_by" => lang.t(T::PROPOSING_GROUPS),
        "sdgs" => lang.t(T::SDG_TARGETS),
        _ => lang.t(T::BENEFICIARIES),
    };
    let what = match problem {
        "required" => lang.t(T::IS_REQUIRED),
        "too_long" => lang.t(T::IS_TOO_LONG),
        "not_rupiah" => lang.t(T::IS_NOT_AN_AMOUNT_IN_RUPIAH),
        "not_a_count" => lang.t(T::MUST_BE_A_NUMBER),
        "not_a_point" => lang.t(T::IS_NOT_A_SPOT),
        "not_a_volume" => lang.t(T::IS_NOT_A_VOLUME),
        _ => lang.t(T::IS_NOT_KNOWN),
    };
    format!("{name} {what}")
}
