//! The steps of "why is my TPP what it is?": from the responses that count for pay, through
//! the blended score and the evidence rule, to the policy's factor and the rupiah exported.
//! Every step shows the numbers that went into it.

use maud::{html, Markup};
use suara_domain::decimal::Decimal;
use suara_domain::integrity::channel::Trust;
use suara_domain::period::Month;
use suara_domain::tpp::evidence::Evidence;
use suara_domain::tpp::payroll::Payroll;
use suara_domain::tpp::policy::{factor_shown, Policy, SatisfactionRule};
use suara_domain::tpp::{Explanation, ScoreBasis, SCORE_PLACES};
use suara_store::{RunOfficer, RunSummary, StoredRun};

use super::tpp::{percent, rp, rule_text, state_label};
use crate::i18n::Lang;

/// What counts for pay under a trust level, in a few words.
pub fn trust_label(lang: Lang, trust: Trust) -> &'static str {
    match trust {
        Trust::Open => lang.pick("semua saluran", "every channel"),
        Trust::Onsite => lang.pick("kios dan tiket", "kiosks and tickets"),
        Trust::Verified => lang.pick("tiket saja", "tickets only"),
    }
}

/// How the run's officers stand under the evidence rule: bounded, and not enough evidence
/// (with the units short of it).
pub fn evidence_counts(run: &StoredRun) -> (usize, usize, Vec<String>) {
    let mut bounded = 0;
    let mut insufficient = 0;
    let mut units: Vec<String> = Vec::new();
    for row in &run.payroll.rows {
        match row.explanation.evidence {
            Evidence::Bounded { .. } => bounded += 1,
            Evidence::Insufficient { .. } => {
                insufficient += 1;
                if let Some(officer) = run.officer(&row.nip) {
                    if !units.contains(&officer.unit_name) {
                        units.push(officer.unit_name.clone());
                    }
                }
            }
            Evidence::NotApplied => {}
        }
    }
    units.sort();
    (bounded, insufficient, units)
}

/// What counts for pay under the policy's trust level, in words.
fn trust_text(lang: Lang, trust: Trust) -> &'static str {
    match trust {
        Trust::Open => lang.pick(
            "semua tanggapan (tautan, QR, API, kios dan tiket)",
            "every response (link, QR, API, kiosk and ticket)",
        ),
        Trust::Onsite => lang.pick(
            "jawaban di kios loket dan tiket dari sistem antrean atau atasan; jawaban lewat tautan, QR atau API, dan tiket yang Anda terbitkan sendiri, masuk hasil SKM yang diumumkan tetapi tidak menentukan TPP",
            "answers at a counter kiosk and tickets from a queue system or a supervisor; answers by link, QR or API, and tickets you issued yourself, count in the published SKM but do not decide TPP",
        ),
        Trust::Verified => lang.pick(
            "hanya tiket dari sistem antrean atau atasan",
            "only tickets from a queue system or a supervisor",
        ),
    }
}

/// The threshold below which the policy's rule reduces pay, when it has one.
fn threshold(policy: &Policy) -> Option<Decimal> {
    match &policy.rule {
        SatisfactionRule::Proportional { threshold }
        | SatisfactionRule::LinearToThreshold { threshold } => Some(*threshold),
        SatisfactionRule::Steps { bands } => bands.first().map(|b| b.from),
    }
}

/// The evidence step: whether the responses were enough to reduce pay, with its numbers.
fn evidence_step(lang: Lang, policy: &Policy, e: &Explanation) -> Markup {
    html! {
        li {
            h2 { (lang.pick("Cukupkah buktinya?", "Is the evidence enough?")) }
            @match e.evidence {
                Evidence::NotApplied => {
                    p { (lang.pick("Kebijakan ini tidak memakai aturan bukti: nilai di atas langsung dipakai.", "This policy has no evidence rule: the score above is used as it is.")) }
                }
                Evidence::Insufficient { responses, needed } => {
                    p { (lang.pick("Bulan ini unit Anda punya ", "This month your unit had ")) strong { (responses) } (lang.pick(" tanggapan yang dihitung untuk TPP; TPP baru dapat dikurangi bila ada sedikitnya ", " responses that count for TPP; TPP can only be reduced with at least ")) (needed) "." }
                    p { strong { (lang.pick("Bukti belum cukup, jadi komponen kepuasan Anda 100%.", "The evidence is not enough, so your satisfaction component is 100%.")) } }
                }
                Evidence::Bounded { margin, upper } => {
                    @let score = e.score.map_or("–".to_string(), |s| lang.decimal(s));
                    @let level = policy.evidence.as_ref().map_or(95, |r| r.confidence);
                    p { (lang.pick("Nilai dari sampel bisa meleset. Dengan keyakinan ", "A score from a sample can be off. With ")) (level) "% "
                        (lang.pick("nilai sebenarnya paling tinggi ", "confidence the true score is at most ")) code { (score) " + " (lang.decimal(margin)) " = " strong { (lang.decimal(upper)) } }
                        (lang.pick(". TPP dihitung dari batas atas ini, agar keraguan menguntungkan Anda.", ". TPP is computed from this upper end, so any doubt is in your favour.")) }
                    p.muted { (lang.pick("Rentang dihitung dari sebaran jawaban per tanggapan di unit Anda dan bobot penggabungan; dibulatkan ke atas ke 0,01.", "The range comes from the spread of per-response answers in your unit and the blend's weights; rounded up to 0.01.")) }
                }
            }
        }
    }
}

/// The plain-words gap: how far below the threshold the score the rule used was, and what
/// it cost; or that it reached the threshold.
fn gap_text(lang: Lang, policy: &Policy, e: &Explanation) -> Markup {
    let ruled = match e.evidence {
        Evidence::Bounded { upper, .. } => Some(upper),
        Evidence::Insufficient { .. } => None,
        Evidence::NotApplied => e.score,
    };
    let (Some(ruled), Some(threshold)) = (ruled, threshold(policy)) else {
        return html! {};
    };
    if ruled.to_rational() >= threshold.to_rational() {
        return html! { p { strong { (lang.pick("Nilai ", "The score ")) (lang.decimal(ruled)) (lang.pick(" mencapai ", " reaches ")) (lang.decimal(threshold)) (lang.pick(": TPP tidak dikurangi karena kepuasan.", ": TPP is not reduced for satisfaction.")) } } };
    }
    let gap = Decimal::round_half_away(
        &(threshold.to_rational() - ruled.to_rational()),
        SCORE_PLACES,
    );
    let shortfall = e.base.saturating_sub(e.amount);
    html! {
        p { strong { (lang.pick("Pada ", "At ")) (lang.decimal(ruled)) (lang.pick(" Anda ", " you were ")) (lang.decimal(gap)) (lang.pick(" poin di bawah ", " points below ")) (lang.decimal(threshold)) (lang.pick(", dan itu mengurangi TPP Anda sebesar ", ", which cost you ")) (rp(shortfall)) "." } }
    }
}

/// A month's figures: of a stored run, or (`run` empty) the provisional preview of a month
/// that has not ended.
pub struct Figures<'a> {
    pub month: Month,
    pub policy: &'a Policy,
    pub officers: &'a [RunOfficer],
    pub payroll: &'a Payroll,
    pub run: Option<&'a RunSummary>,
}

impl Figures<'_> {
    fn officer(&self, nip: &str) -> Option<&RunOfficer> {
        self.officers.iter().find(|o| o.input.nip == nip)
    }
}

/// The officer's figures of the month, each step with the numbers that went into it;
/// `published` is how many responses named them in the published SKM that month.
pub fn steps(lang: Lang, run: &Figures, nip: &str, published: u64) -> Markup {
    let header = match run.run {
        Some(s) => html! {
            p.muted {
                (lang.pick("Perhitungan ", "Run ")) (lang.month(s.month)) (lang.pick(" versi ", " version ")) (s.version)
                " (" (state_label(lang, s.state)) "), " (lang.pick("kebijakan ", "policy ")) (s.policy_version) "."
            }
        },
        None => html! {
            div.warning role="note" { p { strong { (lang.pick(
                "Sementara: bulan ini belum berakhir. Angka di bawah mengikuti tanggapan sejauh ini dan masih berubah; TPP dihitung resmi setelah bulannya selesai.",
                "Provisional: this month has not ended. The figures below follow the responses so far and will still change; TPP is computed officially once the month is over.",
            )) } } }
        },
    };
    let Some(officer) = run.officer(nip) else {
        return html! { (header) p { (lang.pick("Pegawai ini tidak tercatat bekerja pada akhir bulan itu, sehingga tidak masuk perhitungan.", "This officer was not on the staff at the end of that month and is not in the run.")) } };
    };
    let Some(row) = run.payroll.rows.iter().find(|r| r.nip == nip) else {
        let reason = run
            .payroll
            .unpaid
            .iter()
            .find(|u| u.nip == nip)
            .map_or("", |u| u.reason.as_str());
        return html! { (header) p { strong { (lang.pick("Tidak dibayar pada perhitungan ini: ", "Not paid in this run: ")) } (reason) } };
    };
    let e = &row.explanation;
    let input = &officer.input;
    let policy = &run.policy;
    let score_text = e.score.map_or("–".to_string(), |s| lang.decimal(s));
    let counted = input.officer.map_or(0, |o| o.responses);
    // The score the rule was applied to: the upper end under the evidence rule.
    let ruled = match e.evidence {
        Evidence::Bounded { upper, .. } => lang.decimal(upper),
        _ => score_text.clone(),
    };
    html! {
        (header)
        div.success role="status" {
            p.lead { strong { "TPP " (lang.month(run.month)) ": " (rp(e.amount)) } " = " (percent(lang, e.factor.paid)) " × " (rp(e.base)) }
        }
        ol.steps {
            li {
                h2 { (lang.pick("Tanggapan yang dihitung", "Responses counted")) }
                @match input.officer {
                    Some(o) if input.public_facing => {
                        p { (o.responses) " " (lang.pick("tanggapan yang dihitung untuk TPP menyebut Anda; IKM Anda dari tanggapan itu ", "responses that count for TPP named you; your IKM from them ")) strong { (lang.decimal(o.ikm)) } "." }
                    }
                    _ if !input.public_facing => {
                        p { (lang.pick("Jabatan Anda tidak melayani masyarakat langsung, jadi dipakai nilai unit.", "Your position does not serve the public directly, so your unit's score is used.")) }
                    }
                    _ => { p { (lang.pick("Tidak ada tanggapan yang dihitung untuk TPP yang menyebut Anda bulan ini.", "No response that counts for TPP named you this month.")) } }
                }
                @if published > counted && input.public_facing {
                    p { (lang.pick("Di hasil SKM yang diumumkan, ", "In the published SKM, ")) strong { (published) } (lang.pick(" tanggapan menyebut Anda; ", " responses named you; ")) (published - counted) (lang.pick(" di antaranya tidak menentukan TPP (lihat di bawah).", " of them do not decide TPP (see below).")) }
                }
                @match (input.unit, officer.score_unit_id.as_deref()) {
                    (Some(u), Some(unit_id)) => {
                        p { (lang.pick("Unit ", "Unit ")) code { (unit_id) } ": " (u.responses) " " (lang.pick("tanggapan, IKM ", "responses, IKM ")) strong { (lang.decimal(u.ikm)) } "."
                            @if unit_id != input.unit_id { " " (lang.pick("(unit Anda sendiri tidak punya tanggapan; dipakai unit di atasnya)", "(your own unit had none; the unit above it is used)")) } }
                    }
                    _ => { p { (lang.pick("Unit Anda tidak punya tanggapan yang dihitung untuk TPP bulan ini.", "Your unit had no responses that count for TPP this month.")) } }
                }
                p.muted { (lang.pick("Yang dihitung untuk TPP: ", "What counts for TPP: ")) (trust_text(lang, policy.min_trust)) (lang.pick(". Tanggapan dalam karantina atau yang keberatannya dikabulkan tidak dihitung.", ". Responses held in quarantine or set aside on appeal do not count.")) }
            }
            li {
                h2 { (lang.pick("Nilai Anda", "Your score")) }
                @match e.basis {
                    ScoreBasis::Blended { officer: o, unit: u, k } => {
                        p { (lang.pick("Sedikit tanggapan tidak boleh menentukan sendiri, maka nilai Anda digabung dengan nilai unit; k adalah bobot nilai unit, setara dengan ", "A few responses must not decide alone, so your score is blended with your unit's; k is the weight of the unit's score, worth ")) (k) (lang.pick(" tanggapan:", " responses:")) }
                        p { code { "(n·IKM" sub { "pegawai" } " + k·IKM" sub { "unit" } ") / (n + k) = (" (o.responses) "·" (lang.decimal(o.ikm)) " + " (k) "·" (lang.decimal(u.ikm)) ") / (" (o.responses) " + " (k) ") = " strong { (score_text) } } }
                        p.muted { (lang.pick("Dibulatkan ke ", "Rounded to ")) (SCORE_PLACES) (lang.pick(" desimal.", " decimals.")) }
                    }
                    ScoreBasis::OfficerOnly { officer: o } => { p { (lang.pick("Nilai Anda sendiri: ", "Your own score: ")) strong { (lang.decimal(o.ikm)) } } }
                    ScoreBasis::UnitOnly { unit: u } => { p { (lang.pick("Nilai unit: ", "The unit's score: ")) strong { (lang.decimal(u.ikm)) } } }
                    ScoreBasis::NoResponses => { p { (lang.pick("Tidak ada tanggapan yang dihitung untuk TPP, bagi Anda maupun unit Anda.", "No responses that count for TPP, for you or your unit.")) } }
                }
            }
            (evidence_step(lang, policy, e))
            li {
                h2 { (lang.pick("Aturan kebijakan", "The policy's rule")) }
                p { (rule_text(lang, policy)) }
                (gap_text(lang, policy, e))
                p { (lang.pick("Komponen kepuasan", "Satisfaction component"))
                    @if e.score.is_some() { (lang.pick(" untuk nilai ", " for score ")) (ruled) }
                    ": " strong { (percent(lang, factor_shown(&e.factor.satisfaction))) } }
                @if policy.weights.satisfaction != Decimal::new(1, 0) {
                    p { (lang.pick("Digabung dengan bobot: kepuasan ", "Weighted: satisfaction ")) (lang.decimal(policy.weights.satisfaction))
                        (lang.pick(", kehadiran ", ", attendance ")) (lang.decimal(policy.weights.attendance)) " (" (input.others.attendance.map_or("–".to_string(), |d| lang.decimal(d))) ")"
                        (lang.pick(", produktivitas ", ", productivity ")) (lang.decimal(policy.weights.productivity)) " (" (input.others.productivity.map_or("–".to_string(), |d| lang.decimal(d))) ")"
                        " = " (percent(lang, factor_shown(&e.factor.combined))) }
                }
                @if e.factor.bounded != e.factor.combined {
                    p { (lang.pick("Dibatasi batas bawah ", "Held between floor ")) (lang.decimal(policy.floor)) (lang.pick(" dan batas atas ", " and cap ")) (lang.decimal(policy.cap)) ": " (percent(lang, factor_shown(&e.factor.bounded))) }
                }
                p { (lang.pick("Faktor dibayar (dibulatkan ke 0,01%): ", "Factor paid (rounded to 0.01%): ")) strong { (percent(lang, e.factor.paid)) } }
            }
            li {
                h2 { (lang.pick("Jumlah", "Amount")) }
                p { (lang.pick("TPP dasar kelas jabatan ", "Base TPP of position class ")) (input.position_class) ": " (rp(e.base)) }
                p { code { (rp(e.base)) " × " (percent(lang, e.factor.paid)) " = " strong { (rp(e.amount)) } } }
                p.muted { (lang.pick("Dibulatkan ke bawah ke rupiah penuh. Jumlah ini sama dengan yang diekspor untuk BPKAD.", "Rounded down to whole rupiah. This is the amount exported for BPKAD.")) }
            }
        }
    }
}
