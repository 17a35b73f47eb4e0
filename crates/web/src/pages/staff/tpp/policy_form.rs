//! The TPP policy form: every rule of a policy as a labelled field in words and percentages,
//! grouped as finance reads a policy (its dates, how a score becomes pay, the evidence needed
//! first, the weights, the deductions). Each field shows its own problem above it, and the
//! page's summary links to it.

use std::collections::BTreeMap;

use maud::{html, Markup};
use suara_app::i18n::catalogue as T;
use suara_app::i18n::{Lang, Text};
use suara_app::policy_form::{PolicyFields, ProblemKind, RANKS, RULES};
use suara_domain::integrity::channel::Trust;
use suara_domain::period::Month;
use suara_domain::tpp::policy::{NotServingPublic, PartMonth};

use crate::pages::context::Look;
use crate::pages::staff::explanation::trust_label;
use crate::routes;

/// Problems by the form's name of the field they belong to, in words.
pub type Problems = BTreeMap<String, String>;

/// A field's label, as the form and the problem summary both name it.
pub fn label(lang: Lang, field: &str) -> String {
    if let Some(rest) = field.strip_prefix("band_") {
        let (part, row) = rest.rsplit_once('_').unwrap_or((rest, "1"));
        let text = if part == "from" {
            T::BAND_N_FROM
        } else {
            T::BAND_N_FACTOR
        };
        return lang.fill(text, &[&row]);
    }
    if let Some(rest) = field.strip_prefix("deduction_") {
        let (row, part) = rest.split_once('_').unwrap_or(("1", rest));
        let part = match part.strip_prefix("rank_") {
            Some(rank) => lang.fill(T::DEDUCTION_RANK_PERCENT, &[&rank]),
            None => lang
                .t(match part {
                    "name" => T::DEDUCTION_NAME,
                    "cap" => T::DEDUCTION_CAP_RUPIAH,
                    _ => T::DEDUCTION_PERCENT_FOR_ALL,
                })
                .to_string(),
        };
        return lang.fill(T::POLICY_DEDUCTION_N, &[&row, &part]);
    }
    lang.t(simple_label(field)).to_string()
}

fn simple_label(field: &str) -> Text {
    match field {
        "version" => T::NEW_VERSION_NAME,
        "effective_from" => T::POLICY_EFFECTIVE_FROM,
        "effective_until" => T::POLICY_EFFECTIVE_UNTIL,
        "note" => T::POLICY_NOTE,
        "rule" => T::POLICY_SATISFACTION_RULE,
        "threshold" => T::POLICY_THRESHOLD,
        "floor" => T::POLICY_FLOOR,
        "cap" => T::POLICY_CAP,
        "max_monthly_fall" => T::POLICY_MAX_MONTHLY_FALL,
        "not_serving_public" => T::POLICY_NOT_SERVING_PUBLIC,
        "part_month" => T::POLICY_PART_MONTH,
        "min_trust" => T::POLICY_MIN_TRUST,
        "blend_k" => T::POLICY_BLEND,
        "months" => T::POLICY_EVIDENCE_MONTHS,
        "min_responses" => T::POLICY_MIN_RESPONSES,
        "sample" => T::POLICY_SAMPLE,
        "min_days" => T::POLICY_MIN_DAYS,
        "confidence" => T::POLICY_CONFIDENCE,
        "unconfirmed_percent" => T::POLICY_UNCONFIRMED,
        "weight_satisfaction" => T::WEIGHT_SATISFACTION,
        "weight_attendance" => T::WEIGHT_ATTENDANCE,
        "weight_productivity" => T::WEIGHT_PRODUCTIVITY,
        _ => T::POLICY_FIELD,
    }
}

/// Why a field could not be written, in words.
pub fn problem_text(lang: Lang, kind: ProblemKind) -> &'static str {
    lang.t(match kind {
        ProblemKind::Required => T::FIELD_REQUIRED,
        ProblemKind::NotANumber => T::FIELD_NOT_A_NUMBER,
        ProblemKind::NotAWholeNumber => T::FIELD_NOT_A_WHOLE_NUMBER,
        ProblemKind::NotAPercent => T::FIELD_NOT_A_PERCENT,
        ProblemKind::WeightsDoNotAddUp => T::WEIGHTS_DO_NOT_ADD_UP,
        ProblemKind::UntilBeforeFrom => T::UNTIL_BEFORE_FROM,
        ProblemKind::NotAChoice => T::CHOOSE_ONE_OF_THE_OPTIONS,
        ProblemKind::BandIncomplete => T::BAND_INCOMPLETE,
        ProblemKind::NoBand => T::NO_BAND,
        ProblemKind::DeductionUnnamed => T::DEDUCTION_UNNAMED,
    })
}

/// The form, refilled with `fields`; `base` is the saved version it started from.
pub fn form(
    look: Look,
    fields: &PolicyFields,
    problems: &Problems,
    base: &str,
    now: Month,
) -> Markup {
    let lang = look.lang;
    let f = Field { lang, problems };
    let months = month_choices(now, fields);
    html! {
        form.stack method="post" action=(look.action(routes::TPP_POLICY)) novalidate {
            (look.csrf())
            input type="hidden" name="base" value=(base);
            fieldset {
                legend { (lang.t(T::POLICY_SECTION_VERSION)) }
                (f.text("version", &fields.version, Some(T::NEW_VERSION_NAME_HINT)))
                (f.select("effective_from", &fields.effective_from, &months, None))
                (f.select("effective_until", &fields.effective_until, &months, Some(lang.t(T::NOT_SET))))
                (f.wrap("note", Some(T::POLICY_NOTE_HINT), html! {
                    textarea #note name="note" rows="2" { (fields.note) }
                }))
            }
            fieldset {
                legend { (lang.t(T::POLICY_SECTION_SCORE)) }
                (f.radios("rule", &fields.rule, &RULES.map(|r| (r, lang.t(rule_choice(r))))))
                (f.number("threshold", &fields.threshold, Some(T::POLICY_THRESHOLD_HINT)))
                p.hint { (lang.t(T::BANDS_HINT)) }
                @for (i, band) in fields.bands.iter().enumerate() {
                    div.pair {
                        (f.number(&format!("band_from_{}", i + 1), &band.from, None))
                        (f.number(&format!("band_factor_{}", i + 1), &band.factor, None))
                    }
                }
                (f.number("floor", &fields.floor, None))
                (f.number("cap", &fields.cap, None))
                (f.number("max_monthly_fall", &fields.max_monthly_fall, Some(T::MAX_FALL_HINT)))
                (f.radios("not_serving_public", &fields.not_serving_public, &[
                    (NotServingPublic::Unit.code(), lang.t(T::JUDGED_ON_THEIR_UNIT)),
                    (NotServingPublic::UnitsLed.code(), lang.t(T::HEADS_JUDGED_ON_UNITS_LED)),
                ]))
                (f.radios("part_month", &fields.part_month, &[
                    (PartMonth::LastDay.code(), lang.t(T::PART_MONTH_LAST_DAY)),
                    (PartMonth::Days.code(), lang.t(T::PART_MONTH_DAYS)),
                ]))
            }
            fieldset {
                legend { (lang.t(T::POLICY_SECTION_EVIDENCE)) }
                (f.radios("min_trust", &fields.min_trust, &Trust::ALL.map(|t| (t.code(), trust_label(lang, t)))))
                (f.select("months", &fields.months, &(1..=12).map(|m| (m.to_string(), lang.fill(T::N_MONTHS, &[&m]))).collect::<Vec<_>>(), None))
                (f.number("min_responses", &fields.min_responses, None))
                (f.wrap("sample", None, html! {
                    label.choice { input #sample type="checkbox" name="sample" value="yes" checked[fields.sample]; " " (lang.t(T::POLICY_SAMPLE)) }
                }))
                (f.number("min_days", &fields.min_days, None))
                (f.select("confidence", &fields.confidence, &["90", "95", "99"].map(|c| (c.to_string(), format!("{c} %"))), None))
                (f.number("unconfirmed_percent", &fields.unconfirmed_percent, Some(T::UNCONFIRMED_HINT)))
                (f.number("blend_k", &fields.blend_k, Some(T::BLEND_HINT)))
            }
            fieldset {
                legend { (lang.t(T::POLICY_WEIGHTS)) }
                p.hint { (lang.t(T::WEIGHTS_HINT)) }
                (f.number("weight_satisfaction", &fields.weight_satisfaction, None))
                (f.number("weight_attendance", &fields.weight_attendance, None))
                (f.number("weight_productivity", &fields.weight_productivity, None))
            }
            fieldset {
                legend { (lang.t(T::DEDUCTIONS)) }
                p.hint { (lang.t(T::DEDUCTIONS_HINT)) }
                @for (i, d) in fields.deductions.iter().enumerate() {
                    @let id = |part: &str| format!("deduction_{}_{part}", i + 1);
                    div.group {
                        (f.text(&id("name"), &d.name, None))
                        (f.number(&id("percent"), &d.percent, None))
                        @for (rank, value) in RANKS.iter().zip(&d.by_rank) {
                            (f.number(&id(&format!("rank_{rank}")), value, None))
                        }
                        (f.number(&id("cap"), &d.cap, None))
                    }
                }
            }
            p.buttons {
                button type="submit" name="action" value="preview" { (lang.t(T::SEE_ITS_EFFECT_FIRST)) }
                " "
                button.primary type="submit" name="action" value="save" { (lang.t(T::CHECK_AND_SAVE)) }
            }
        }
    }
}

fn rule_choice(rule: &str) -> Text {
    match rule {
        "proportional" => T::RULE_CHOICE_PROPORTIONAL,
        "linear_to_threshold" => T::RULE_CHOICE_LINEAR,
        _ => T::RULE_CHOICE_STEPS,
    }
}

/// The months a policy may start or end in: a year back to two ahead, and the one typed.
fn month_choices(now: Month, fields: &PolicyFields) -> Vec<(String, String)> {
    let mut month = (0..12).fold(now, |m, _| m.previous());
    let mut all = Vec::new();
    for _ in 0..36 {
        all.push(month);
        month = month.next();
    }
    for typed in [&fields.effective_from, &fields.effective_until] {
        if let Ok(m) = typed.parse::<Month>() {
            if !all.contains(&m) {
                all.push(m);
            }
        }
    }
    all.sort();
    all.into_iter()
        .map(|m| (m.to_string(), String::new()))
        .collect()
}

/// Renders one field with its label, hint and problem.
struct Field<'a> {
    lang: Lang,
    problems: &'a Problems,
}

impl Field<'_> {
    fn wrap(&self, name: &str, hint: Option<Text>, input: Markup) -> Markup {
        let problem = self.problems.get(name);
        html! {
            div.field.invalid[problem.is_some()] {
                @if name != "sample" { label for=(name) { (label(self.lang, name)) } }
                @if let Some(hint) = hint { span.hint { (self.lang.t(hint)) } }
                @if let Some(p) = problem { span.error-message { (p) } }
                (input)
            }
        }
    }

    fn text(&self, name: &str, value: &str, hint: Option<Text>) -> Markup {
        self.wrap(name, hint, html! { input id=(name) name=(name) value=(value) aria-invalid=[self.problems.get(name).map(|_| "true")]; })
    }

    fn number(&self, name: &str, value: &str, hint: Option<Text>) -> Markup {
        self.wrap(name, hint, html! {
            input.short id=(name) name=(name) value=(value) inputmode="decimal" aria-invalid=[self.problems.get(name).map(|_| "true")];
        })
    }

    /// A select of `choices` (value, words; months are written from their value).
    fn select(
        &self,
        name: &str,
        value: &str,
        choices: &[(String, String)],
        none: Option<&str>,
    ) -> Markup {
        let lang = self.lang;
        self.wrap(name, None, html! {
            select id=(name) name=(name) {
                @if let Some(none) = none { option value="" selected[value.is_empty()] { (none) } }
                @for (v, words) in choices {
                    option value=(v) selected[v == value] {
                        @match v.parse::<Month>() {
                            Ok(m) if words.is_empty() => (lang.month(m)),
                            _ => (words),
                        }
                    }
                }
            }
        })
    }

    fn radios(&self, name: &str, value: &str, choices: &[(&str, &str)]) -> Markup {
        let problem = self.problems.get(name);
        html! {
            fieldset.choices.invalid[problem.is_some()] {
                legend { (label(self.lang, name)) }
                @if let Some(p) = problem { span.error-message { (p) } }
                @for (i, (v, words)) in choices.iter().enumerate() {
                    @let id = if i == 0 { name.to_string() } else { format!("{name}-{}", i + 1) };
                    label.choice for=(id) { input id=(id) type="radio" name=(name) value=(v) checked[*v == value]; " " (words) }
                }
            }
        }
    }
}
