//! TPP for BKPSDM and BPKAD: base amounts and other components imported from CSV, policy
//! versions edited as TOML, a month's payroll computed once the month has ended (before
//! that, a provisional preview), reviewed, approved, locked and exported. Approving and
//! locking are finance's alone ([`Permission::ApprovePayroll`]).
//!
//! - [`overview`]: runs, base amounts, imports, computing a month;
//! - [`run`]: one run, its state changes and exports; [`preview`]: a month not yet ended;
//! - [`policy`]: policy versions.

pub mod overview;
pub mod policy;
pub mod preview;
pub mod run;

pub use overview::{compute, import, overview};
pub use policy::{policies, save_policy};
pub use run::{advance, export, run_page};

use axum::http::StatusCode;
use suara_domain::decimal::Decimal;
use suara_domain::period::Month;
use suara_domain::tpp::payroll::RunState;
use suara_domain::tpp::policy::{Policy, SatisfactionRule};
use suara_domain::tpp::rupiah;
use suara_store::TppError;

use crate::i18n::Lang;
use crate::pages::failure::PageError;
use crate::routes;

/// Largest upload of a base-amount or component file.
pub const MAX_TPP_UPLOAD_BYTES: usize = 4 * 1024 * 1024;

/// "Rp3.823.500".
pub fn rp(amount: u64) -> String {
    format!("Rp{}", rupiah(amount))
}

pub fn state_label(lang: Lang, state: RunState) -> &'static str {
    match state {
        RunState::Draft => lang.pick("draf", "draft"),
        RunState::Reviewed => lang.pick("sudah diperiksa", "reviewed"),
        RunState::Approved => lang.pick("disetujui", "approved"),
        RunState::Locked => lang.pick("terkunci", "locked"),
    }
}

/// The rule of a policy in a sentence.
pub fn rule_text(lang: Lang, policy: &Policy) -> String {
    match &policy.rule {
        SatisfactionRule::Proportional { threshold } => match lang {
            Lang::Id => format!("nilai ≥ {threshold} → 100%; di bawahnya faktor = nilai/100"),
            Lang::En => format!("score ≥ {threshold} → 100%; below, factor = score/100"),
        },
        SatisfactionRule::LinearToThreshold { threshold } => match lang {
            Lang::Id => {
                format!("nilai ≥ {threshold} → 100%; di bawahnya faktor = nilai/{threshold}")
            }
            Lang::En => format!("score ≥ {threshold} → 100%; below, factor = score/{threshold}"),
        },
        SatisfactionRule::Steps { bands } => {
            let bands: Vec<String> = bands
                .iter()
                .map(|b| format!("≥ {} → {}", b.from, b.factor))
                .collect();
            match lang {
                Lang::Id => format!(
                    "tingkatan: {}; di bawah semua tingkatan 0",
                    bands.join(", ")
                ),
                Lang::En => format!("bands: {}; below every band 0", bands.join(", ")),
            }
        }
    }
}

/// A run's page, of a version or the latest, in the user's language.
pub fn month_href(lang: Lang, month: Month, version: Option<i64>) -> String {
    let mut pairs = vec![("lang", lang.code().to_string())];
    if let Some(v) = version {
        pairs.push(("versi", v.to_string()));
    }
    format!(
        "{}?{}",
        routes::tpp_month(&month.to_string()),
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

/// The officer's explanation of a month.
pub fn explain_href(lang: Lang, nip: &str, month: Month) -> String {
    format!(
        "{}?bulan={month}&lang={}",
        routes::tpp_explain(nip),
        lang.code()
    )
}

pub fn parse_month(text: &str) -> Result<Month, PageError> {
    text.parse()
        .map_err(|_| PageError::BadMonth(text.to_string()))
}

/// A user-facing message for a refused TPP action, or the error for the error page.
pub(super) fn refusal(lang: Lang, error: TppError) -> Result<(StatusCode, String), PageError> {
    if let TppError::Store(e) = error {
        return Err(PageError::Store(e));
    }
    let text = match &error {
        TppError::AwaitingLock(month, version) => match lang {
            Lang::Id => format!("Perhitungan {month} versi {version} sudah disetujui dan menunggu dikunci. Kunci dulu, lalu hitung ulang (menjadi versi baru)."),
            Lang::En => error.to_string(),
        },
        TppError::StateMoved { .. } => lang
            .pick(
                "Status perhitungan sudah diubah orang lain. Muat ulang halaman.",
                "Someone else changed the run's state. Reload the page.",
            )
            .to_string(),
        TppError::MonthNotEnded(month) => match lang {
            Lang::Id => format!("{} belum berakhir. TPP dihitung setelah bulannya selesai; sementara itu lihat pratinjau sementaranya.", lang.month(*month)),
            Lang::En => format!("{} has not ended yet. TPP is computed once the month is over; meanwhile see its provisional preview.", lang.month(*month)),
        },
        TppError::Locked => lang
            .pick("Perhitungan yang terkunci tidak berubah lagi.", "A locked run never changes.")
            .to_string(),
        TppError::PolicyVersionTaken(version) => match lang {
            Lang::Id => format!("Versi kebijakan “{version}” sudah ada dengan isi lain. Simpan perubahan sebagai versi baru."),
            Lang::En => error.to_string(),
        },
        TppError::UnknownOfficers(nips) => match lang {
            Lang::Id => format!("NIP tidak dikenal: {}. Tidak ada yang diimpor.", nips.join(", ")),
            Lang::En => format!("{error}. Nothing was imported."),
        },
        TppError::ReasonRequired => lang.pick("Tuliskan alasannya.", "Write down the reason.").to_string(),
        TppError::FourEyes { computed_by, reviewed_by } => match lang {
            Lang::Id => format!("Empat mata: yang menyetujui harus orang lain daripada yang menghitung ({computed_by}) dan yang memeriksa ({reviewed_by}). Minta rekan BPKAD lain menyetujui."),
            Lang::En => format!("Four eyes: the approver must be someone other than who computed it ({computed_by}) and who reviewed it ({reviewed_by}). Ask another BPKAD colleague to approve."),
        },
        TppError::NotTheirResponse(_) => lang
            .pick("Tanggapan itu tidak menyebut Anda.", "That response does not name you.")
            .to_string(),
        TppError::AlreadyAppealed => lang
            .pick("Tanggapan ini sudah diajukan keberatan.", "This response has been appealed already.")
            .to_string(),
        TppError::AlreadyDecided => lang
            .pick("Keberatan ini sudah diputuskan; keputusan bersifat final.", "This appeal has been decided already; decisions are final.")
            .to_string(),
        _ => error.to_string(),
    };
    let status = match error {
        TppError::StateMoved { .. }
        | TppError::AwaitingLock(..)
        | TppError::Locked
        | TppError::PolicyVersionTaken(_)
        | TppError::AlreadyAppealed
        | TppError::AlreadyDecided
        | TppError::MonthNotEnded(_) => StatusCode::CONFLICT,
        TppError::NoSuchRun(..) | TppError::NoSuchAppeal(_) => StatusCode::NOT_FOUND,
        TppError::FourEyes { .. } => StatusCode::FORBIDDEN,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    Ok((status, text))
}

/// A factor as a percentage: 0.7647 → "76,47%" (Indonesian), "76.47%" (English).
pub fn percent(lang: Lang, factor: Decimal) -> String {
    let places = factor.places();
    let percent = if places >= 2 {
        Decimal::new(factor.scaled(), places - 2)
    } else {
        Decimal::new(factor.scaled() * 10i64.pow(2 - places), 0)
    };
    format!("{}%", lang.decimal(percent))
}
