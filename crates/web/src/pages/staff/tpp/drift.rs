//! The notice on a draft or reviewed run whose inputs moved after it was computed (a
//! back-dated transfer, an appeal decided, a held answer accepted, a new policy version):
//! it is computed again before anyone reviews or approves it, and the officers whose
//! amount would change are listed.

use maud::{html, Markup};
use suara_domain::tpp::payroll::Difference;
use suara_store::StoredRun;

use super::rp;
use crate::pages::context::Look;
use suara_app::i18n::catalogue as T;

pub fn drift_notice(look: Look, run: &StoredRun, changes: &[Difference]) -> Markup {
    let amount = |a: Option<u64>| a.map_or_else(|| "–".to_string(), rp);
    html! {
        div.warning role="note" {
            p { strong { (look.t(T::INPUTS_MOVED_TITLE)) } }
            p { (look.t(T::INPUTS_MOVED_BODY)) }
            @if changes.is_empty() {
                p { (look.t(T::INPUTS_MOVED_NO_AMOUNT)) }
            } @else {
                ul { @for change in changes {
                    @let name = run.officer(&change.nip).map_or(change.nip.as_str(), |o| o.name.as_str());
                    li { (name) ": " (amount(change.before)) " → " (amount(change.after)) }
                } }
            }
        }
    }
}
