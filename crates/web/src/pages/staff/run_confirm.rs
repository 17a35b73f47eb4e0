//! "Check before you approve (or lock)": approving and locking a payroll run cannot be undone,
//! so the run page's button leads here first, naming the run, its total and what follows.

use axum::http::StatusCode;
use axum::response::Response;
use maud::html;
use suara_domain::period::Month;
use suara_domain::tpp::payroll::RunState;

use super::frame;
use super::tpp::rp;
use crate::auth::Staff;
use crate::i18n::Lang;
use crate::pages::page;

/// What the run looked like when the button was pressed.
pub struct Pending {
    pub month: Month,
    pub version: i64,
    pub from: RunState,
    pub total: u64,
    pub officers: u64,
}

pub fn page_for(lang: Lang, staff: &Staff, here: &str, run: &Pending) -> Response {
    let approving = run.from == RunState::Reviewed;
    let title = if approving {
        lang.pick("Setujui perhitungan TPP?", "Approve the TPP run?")
    } else {
        lang.pick("Kunci perhitungan TPP?", "Lock the TPP run?")
    };
    let consequence = if approving {
        lang.pick(
            "Setelah disetujui, perhitungan ini tidak dapat dihitung ulang; langkah berikutnya hanya menguncinya untuk dibayar.",
            "Once approved, this run cannot be recomputed; the only next step is locking it for payment.",
        )
    } else {
        lang.pick(
            "Setelah dikunci, jumlah ini final dan dibayarkan. Perubahan sesudahnya hanya dapat dibuat sebagai versi baru, dengan selisihnya dicatat.",
            "Once locked, these amounts are final and paid. Any later change can only be a new version, with its differences recorded.",
        )
    };
    let content = html! {
        h1 { (title) }
        dl.facts {
            dt { (lang.pick("Perhitungan", "Run")) } dd { "TPP " (run.month) " · " (lang.pick("versi ", "version ")) (run.version) }
            dt { (lang.pick("Dibayar", "Paid")) } dd { (run.officers) " " (lang.pick("pegawai", "officers")) ", " strong { (rp(run.total)) } }
        }
        div.warning role="note" { p { strong { (consequence) } } }
        form method="post" action={ "/tpp/" (run.month) "/status?lang=" (lang.code()) } {
            input type="hidden" name="csrf" value=(staff.session.csrf_token);
            input type="hidden" name="version" value=(run.version);
            input type="hidden" name="from" value=(run.from.code());
            input type="hidden" name="confirm" value="yes";
            p.buttons {
                button.primary type="submit" { (if approving { lang.pick("Ya, setujui", "Yes, approve") } else { lang.pick("Ya, kunci", "Yes, lock") }) }
                " "
                a href={ "/tpp/" (run.month) "?lang=" (lang.code()) "&versi=" (run.version) } { (lang.pick("Batal", "Cancel")) }
            }
        }
    };
    page(StatusCode::OK, frame(lang, staff, title, here, content))
}
