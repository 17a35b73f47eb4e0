//! Public Musrena pages: the list of proposals (filterable by district, village, year,
//! sector, group, stage and SDG goal; [`list`]), a proposal's tracker by its code with its
//! whole history ([`tracker`]), and the statistics per group and per district
//! ([`statistics`]). No personal data is shown: forums count participants by group.

pub mod list;
pub mod statistics;
pub mod tracker;

pub use list::list;
pub use statistics::statistics;
pub use tracker::{
    links_notice, photo, progress_photo, proposal_details, rab, tracker, tracker_href,
};

use suara_domain::musrena::forum::Group;

use super::group_label;
use crate::pages::failure::PageError;
use crate::state::AppState;
use suara_app::i18n::Lang;

fn chosen(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// District code → name, for the regency's districts (kecamatan units).
async fn districts(app: &AppState, tenant_id: &str) -> Result<Vec<(String, String)>, PageError> {
    Ok(app
        .store
        .units(tenant_id)
        .await?
        .into_iter()
        .filter(|u| u.kind == "kecamatan")
        .map(|u| (u.unit_id, u.name))
        .collect())
}

fn groups_text(lang: Lang, groups: &[Group]) -> String {
    groups
        .iter()
        .map(|g| group_label(lang, *g))
        .collect::<Vec<_>>()
        .join(", ")
}
