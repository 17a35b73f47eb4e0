//! Musrena Keren pages: the public list, tracker and statistics (`public`), and the
//! facilitators' and planners' pages (`staff`). Labels of the domain's codes live here, in
//! Indonesian and English.

pub mod map;
pub mod public;
pub mod staff;

use maud::{html, Markup};
use suara_domain::musrena::forum::{Accommodation, Level};
use suara_domain::musrena::lifecycle::Stage;
use suara_domain::musrena::proposal::Sector;
use suara_domain::musrena::recommendation::{Recommendation, Recommender};
use suara_domain::tpp::rupiah;

use suara_app::i18n::catalogue as T;
use suara_app::i18n::Lang;

pub fn level_label(lang: Lang, level: Level) -> &'static str {
    match level {
        Level::Desa => lang.t(T::VILLAGE),
        Level::Kecamatan => lang.t(T::DISTRICT),
        Level::Kabupaten => lang.t(T::REGENCY),
    }
}

pub use suara_app::i18n::group_label;

pub fn accommodation_label(lang: Lang, a: Accommodation) -> &'static str {
    match a {
        Accommodation::SignLanguageInterpreter => lang.t(T::SIGN_LANGUAGE_INTERPRETER),
        Accommodation::StepFreeAccess => lang.t(T::STEP_FREE_ACCESS_RAMPS),
        Accommodation::EasyRead => lang.t(T::EASY_READ_MATERIAL),
        Accommodation::Braille => lang.t(T::BRAILLE),
        Accommodation::Childcare => lang.t(T::CHILDCARE),
        Accommodation::Transport => lang.t(T::TRANSPORT),
    }
}

pub fn sector_label(lang: Lang, sector: Sector) -> &'static str {
    match sector {
        Sector::Infrastructure => lang.t(T::INFRASTRUCTURE),
        Sector::Health => lang.t(T::HEALTH),
        Sector::Education => lang.t(T::EDUCATION),
        Sector::Economy => lang.t(T::ECONOMY),
        Sector::Social => lang.t(T::SOCIAL),
        Sector::ChildProtection => lang.t(T::CHILD_PROTECTION),
        Sector::Environment => lang.t(T::ENVIRONMENT),
        Sector::Administration => lang.t(T::ADMINISTRATION),
    }
}

pub fn stage_label(lang: Lang, stage: Stage) -> &'static str {
    match stage {
        Stage::Submitted => lang.t(T::SUBMITTED),
        Stage::Verified => lang.t(T::VERIFIED),
        Stage::Prioritized => lang.t(T::PRIORITIZED),
        Stage::Musrenbang(Level::Desa) => lang.t(T::VILLAGE_MUSRENBANG),
        Stage::Musrenbang(Level::Kecamatan) => lang.t(T::DISTRICT_MUSRENBANG),
        Stage::Musrenbang(Level::Kabupaten) => lang.t(T::REGENCY_MUSRENBANG),
        Stage::AcceptedIntoPlan => lang.t(T::IN_THE_ANNUAL_PLAN_RKPD),
        Stage::Budgeted => lang.t(T::BUDGETED_APBD),
        Stage::Implemented => lang.t(T::IMPLEMENTED),
        Stage::Rejected => lang.t(T::REJECTED),
        Stage::Returned => lang.t(T::PROPOSAL_RETURNED),
        Stage::Cancelled => lang.t(T::PROPOSAL_CANCELLED),
        Stage::Merged => lang.t(T::PROPOSAL_MERGED),
        Stage::Split => lang.t(T::PROPOSAL_SPLIT),
    }
}

pub fn action_label(lang: Lang, action: &str) -> &'static str {
    match action {
        "submit" => lang.t(T::SUBMITTED_AT_THE_FORUM),
        "verify" => lang.t(T::VERIFIED),
        "prioritize" => lang.t(T::PRIORITIZED),
        "carry" => lang.t(T::CARRIED_TO_THE_MUSRENBANG),
        "accept" => lang.t(T::ACCEPTED_INTO_THE_RKPD),
        "budget" => lang.t(T::BUDGETED_IN_THE_APBD),
        "implement" => lang.t(T::IMPLEMENTED_2),
        "reject" => lang.t(T::REJECTED),
        "return" => lang.t(T::PROPOSAL_RETURNED),
        "cancel" => lang.t(T::PROPOSAL_CANCELLED),
        "merged" => lang.t(T::PROPOSAL_MERGED),
        "split" => lang.t(T::PROPOSAL_SPLIT),
        "merge_from" => lang.t(T::MERGED_FROM_OTHERS),
        "split_from" => lang.t(T::SPLIT_FROM_ANOTHER),
        _ => lang.t(T::STEP),
    }
}

pub fn recommender_label(lang: Lang, by: Recommender) -> &'static str {
    match by {
        Recommender::Village => lang.t(T::VILLAGE_OR_KELURAHAN),
        Recommender::District => lang.t(T::DISTRICT),
        Recommender::Unit => lang.t(T::RESPONSIBLE_UNIT_OPD),
        Recommender::Tapd => lang.t(T::BUDGET_TEAM_TAPD),
    }
}

/// The recommendations as a list (tracker and staff page).
pub fn recommendations_list(lang: Lang, recommendations: &[Recommendation]) -> Markup {
    html! {
        h2 { (lang.t(T::RECOMMENDATIONS)) }
        @if recommendations.is_empty() { p { (lang.t(T::NO_RECOMMENDATION_YET)) } }
        @else { dl.facts {
            @for r in recommendations {
                dt { (recommender_label(lang, r.by)) }
                dd {
                    (r.text)
                    @if let Some(v) = r.volume { br; (lang.t(T::RECOMMENDED_VOLUME)) ": " (lang.decimal(v)) }
                    @if let Some(a) = r.amount { br; (lang.t(T::RECOMMENDED_AMOUNT_RP)) ": Rp" (rupiah(a)) }
                }
            }
        } }
    }
}
