//! Musrena pages for facilitators and planners: record a forum (participants counted by
//! group; [`forums`]), enter proposals for the participants, also through an easy-read form
//! made for children ([`proposal`]), score and rank them ([`forum`]), carry them up in bulk
//! ([`steps`]), follow each to the budget ([`manage`]) and report the work's progress after
//! it ([`progress`]). Accepting into the plan,
//! budgeting and recording implementation are the planners' own
//! ([`Permission::DecidePlanning`]); a unit admin works only on forums in their districts.

pub mod forum;
pub mod forums;
pub mod kept;
pub mod manage;
pub mod merge;
pub mod offline;
pub mod progress;
pub mod proposal;
pub mod recommend;
pub mod steps;

pub use forum::{forum, save_scores};
pub use forums::{create_forum, forums};
pub use manage::{export, manage};
pub use merge::{district, merge, split};
pub use offline::{offline_page, record as record_offline};
pub use progress::add_progress;
pub use proposal::{add_proposal, proposal_form, MAX_PROPOSAL_UPLOAD_BYTES};
pub use recommend::recommend;
pub use steps::apply_step;

use maud::{html, Markup};
use suara_domain::access::{Permission, Role};
use suara_domain::musrena::catalogue::CostError;
use suara_domain::musrena::forum::Level;
use suara_domain::musrena::lifecycle::{Stage, TransitionError};
use suara_domain::musrena::merge::MergeError;
use suara_domain::musrena::progress::ProgressError;
use suara_domain::musrena::proposal::{check_photo, PhotoError, PhotoType};
use suara_domain::org::tree::UnitTree;
use suara_domain::org::village::Village;
use suara_domain::tpp::rupiah;
use suara_store::{Forum, MusrenaError, StoredProposal};
use time::Date;

use super::{level_label, stage_label};
use crate::auth::Staff;
use crate::pages::context::{field, fields, Pairs, StaffCx};
use crate::pages::failure::{Missing, PageError};
use crate::pages::staff::units_tree;
use crate::routes;
use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

fn parse_date(text: &str) -> Option<Date> {
    Date::parse(
        text.trim(),
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// The districts (code, name), their villages and the unit tree, for scoping forums.
struct Districts {
    districts: Vec<(String, String)>,
    villages: Vec<Village>,
    tree: UnitTree,
}

impl Districts {
    fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.districts
            .iter()
            .find(|(i, _)| i == id)
            .map_or(id, |(_, n)| n.as_str())
    }

    fn village_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.villages
            .iter()
            .find(|v| v.code == code)
            .map_or(code, |v| v.name.as_str())
    }

    /// A forum's name: "Musrena Desa Ngadirenggo, Kecamatan Pogalan", "Musrena Kecamatan
    /// Paron" (the district's name already says what it is), "Musrena Kabupaten Trenggalek".
    fn forum_title(&self, lang: Lang, forum: &Forum, regency: &str) -> String {
        let place = match forum.level {
            Level::Desa => forum.village.as_deref().map(|v| self.village_name(v)),
            Level::Kecamatan => forum.district_id.as_deref().map(|id| self.name(id)),
            Level::Kabupaten => Some(regency),
        };
        let level = level_label(lang, forum.level);
        let mut title = match place {
            // Names carry their kind in Indonesian ("Kecamatan Paron", "Kabupaten Uji").
            Some(place)
                if ["Desa ", "Kelurahan ", "Kecamatan ", "Kabupaten ", "Kota "]
                    .iter()
                    .any(|kind| place.starts_with(kind)) =>
            {
                format!("Musrena {place}")
            }
            Some(place) => format!("Musrena {level} {place}"),
            None => format!("Musrena {level}"),
        };
        if let (Level::Desa, Some(id)) = (forum.level, forum.district_id.as_deref()) {
            title.push_str(", ");
            title.push_str(self.name(id));
        }
        title
    }

    /// A choice of village, grouped by district; only `within`'s villages when given.
    fn village_select(
        &self,
        lang: Lang,
        within: Option<&str>,
        chosen: &str,
        required: bool,
    ) -> Markup {
        html! {
            @if self.villages.is_empty() {
                p.hint { (lang.t(T::NO_VILLAGES_YET)) }
            }
            select #village name="village" required[required] {
                option value="" { "–" }
                @for (id, name) in self.districts.iter().filter(|(id, _)| within.is_none_or(|w| w == id)) {
                    optgroup label=(name) {
                        @for v in self.villages.iter().filter(|v| &v.district_unit == id) {
                            option value=(v.code) selected[v.code == chosen] { (v.name) }
                        }
                    }
                }
            }
        }
    }
}

async fn districts(cx: &StaffCx) -> Result<Districts, PageError> {
    let (units, tree) = units_tree(cx).await?;
    let districts = units
        .into_iter()
        .filter(|u| u.kind == "kecamatan")
        .map(|u| (u.unit_id, u.name))
        .collect();
    let villages = cx.app.store.villages(cx.tenant_id()).await?;
    Ok(Districts {
        districts,
        villages,
        tree,
    })
}

/// A unit admin manages forums of districts in their subtree; others with the permission,
/// any forum.
fn may_manage(staff: &Staff, district: Option<&str>, tree: &UnitTree) -> bool {
    match staff.principal.role {
        Role::UnitAdmin => district.is_some_and(|d| staff.principal.sees_unit(d, tree)),
        _ => staff.principal.may(Permission::ManageMusrena),
    }
}

/// A forum the user manages.
async fn managed_forum(cx: &StaffCx, d: &Districts, forum_id: &str) -> Result<Forum, PageError> {
    cx.app
        .store
        .forum(cx.tenant_id(), forum_id)
        .await?
        .filter(|f| may_manage(&cx.staff, f.district_id.as_deref(), &d.tree))
        .ok_or(PageError::NotFound(Missing::Forum))
}

/// A photo checked by its bytes and stripped of its metadata (a phone's GPS position), or
/// the problem in the user's words.
async fn published_photo(lang: Lang, bytes: &[u8]) -> Result<(PhotoType, Vec<u8>), String> {
    match check_photo(bytes) {
        Ok(kind) => {
            use crate::photos::PhotoProblem;
            // Decoding takes real CPU and up to a hundred megabytes: off the async workers,
            // one photo at a time however many are sent at once.
            static DECODING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);
            let unreadable = || lang.t(T::THE_PHOTO_COULD_NOT_BE_READ_SEND).to_string();
            let _turn = DECODING.acquire().await.map_err(|_| unreadable())?;
            let bytes = bytes.to_vec();
            let decoded =
                tokio::task::spawn_blocking(move || crate::photos::without_metadata(kind, &bytes))
                    .await
                    .map_err(|_| unreadable())?;
            match decoded {
                Ok(kept) => Ok(kept),
                Err(PhotoProblem::TooManyPixels { width, height }) => {
                    Err(lang.fill(T::THE_PHOTO_HAS_TOO_MANY_PIXELS, &[&width, &height]))
                }
                Err(PhotoProblem::Unreadable(_)) => Err(unreadable()),
            }
        }
        Err(PhotoError::TooLarge) => Err(lang.t(T::THE_PHOTO_IS_LARGER_THAN_5_MB).to_string()),
        Err(_) => Err(lang.t(T::THE_PHOTO_MUST_BE_JPEG_PNG_OR).to_string()),
    }
}

/// A proposal the user manages (else not found, whether it exists or not).
async fn managed_proposal(
    cx: &StaffCx,
    d: &Districts,
    code: &str,
) -> Result<StoredProposal, PageError> {
    cx.app
        .store
        .proposal(cx.tenant_id(), code)
        .await?
        .map(|(p, _)| p)
        .filter(|p| may_manage(&cx.staff, p.district_id.as_deref(), &d.tree))
        .ok_or_else(|| PageError::NotFound(Missing::Proposal(code.to_string())))
}

fn forum_href(lang: Lang, forum_id: &str) -> String {
    format!("{}?lang={}", routes::musrena_forum(forum_id), lang.code())
}

fn manage_href(lang: Lang, code: &str) -> String {
    format!("{}?lang={}", routes::musrena_manage(code), lang.code())
}

/// A refused Musrena change in the user's words.
fn refusal(lang: Lang, error: &MusrenaError) -> String {
    let stage = |code: &str| {
        Stage::from_code(code).map_or(code.to_string(), |s| stage_label(lang, s).to_string())
    };
    match error {
        MusrenaError::InBulk { code, error } => format!("{code}: {}", refusal(lang, error)),
        MusrenaError::NoSuchForum(_) => lang.t(T::NO_SUCH_FORUM).to_string(),
        MusrenaError::NoSuchProposal(code) => lang.fill(T::NO_SUCH_PROPOSAL, &[code]),
        MusrenaError::UnknownDistrict(d) => lang.fill(T::NOT_A_DISTRICT, &[d]),
        MusrenaError::UnknownVillage(v) => lang.fill(T::NOT_A_VILLAGE, &[v]),
        MusrenaError::Merge(e) => match e {
            MergeError::NotAtTheDistrict(code) => {
                lang.fill(T::NOT_AT_THE_DISTRICT_MUSRENBANG, &[code])
            }
            MergeError::DifferentDistricts | MergeError::Count => {
                lang.t(T::CHOOSE_TWO_OR_MORE).to_string()
            }
        },
        MusrenaError::TooManyPhotos => lang.t(T::AT_MOST_THREE_PHOTOS).to_string(),
        MusrenaError::UnknownActivity(code) => lang.fill(T::NOT_IN_THE_CATALOGUE, &[code]),
        MusrenaError::UnknownIssue(code) => lang.fill(T::NOT_A_STRATEGIC_ISSUE, &[code]),
        MusrenaError::Cost(e) => match e {
            CostError::LevelNotAllowed(_) => lang.t(T::LEVEL_MAY_NOT_PROPOSE).to_string(),
            CostError::NoVolume => lang.t(T::ACTIVITY_NEEDS_A_VOLUME).to_string(),
            CostError::ReasonRequired(computed) => {
                lang.fill(T::COST_DIFFERS_GIVE_A_REASON, &[&rupiah(*computed)])
            }
            CostError::TooLarge => lang.t(T::COST_TOO_LARGE).to_string(),
        },
        MusrenaError::VillageOutsideDistrict { .. } => {
            lang.t(T::VILLAGE_NOT_IN_THE_DISTRICT).to_string()
        }
        // Rules are saved from the command line; a page never sees these two.
        MusrenaError::Store(_) | MusrenaError::Rule(_) | MusrenaError::RuleVersionTaken(_) => {
            lang.t(T::NOT_SAVED_BY_THE_SERVER).to_string()
        }
        MusrenaError::Progress(e) => match e {
            ProgressError::NotBudgeted => lang.t(T::PROGRESS_NOT_BUDGETED).to_string(),
            ProgressError::BeforeBudget(d) => {
                lang.fill(T::PROGRESS_BEFORE_BUDGET, &[&lang.date(*d)])
            }
            ProgressError::BeforeLast(d) => lang.fill(T::PROGRESS_BEFORE_LAST, &[&lang.date(*d)]),
            ProgressError::LessDone(p) => lang.fill(T::PROGRESS_LESS_DONE, &[p]),
            ProgressError::LessSpent(r) => lang.fill(T::PROGRESS_LESS_SPENT, &[&rupiah(*r)]),
            ProgressError::OverBudget(r) => lang.fill(T::PROGRESS_OVER_BUDGET, &[&rupiah(*r)]),
        },
        MusrenaError::Transition(t) => match t {
            TransitionError::NotAllowed { stage: s, action } => lang.fill(
                T::STEP_NOT_ALLOWED,
                &[&stage(s), &super::action_label(lang, action)],
            ),
            TransitionError::Final(s) => lang.fill(T::PROPOSAL_IS_FINAL, &[&stage(s)]),
            TransitionError::ReasonRequired => lang.t(T::REJECTION_NEEDS_A_REASON).to_string(),
            TransitionError::EvidenceRequired => {
                lang.t(T::IMPLEMENTATION_NEEDS_EVIDENCE).to_string()
            }
            TransitionError::AmountRequired => lang.t(T::BUDGET_MORE_THAN_ZERO).to_string(),
            TransitionError::NoLevelAbove => lang.t(T::NO_LEVEL_ABOVE).to_string(),
        },
    }
}
