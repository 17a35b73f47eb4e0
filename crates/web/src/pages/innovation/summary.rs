//! The regent's page: innovations per unit and stage, what their measured effects say, the
//! units whose IKM rose most over the last six months (beside whether they innovated: a
//! rise is not proof an innovation caused it), and the partners with what they gave.

use std::collections::{BTreeMap, HashMap};

use axum::response::Response;
use maud::{html, Markup};
use suara_domain::decimal::Decimal;
use suara_domain::innovation::effect::Verdict;
use suara_domain::innovation::registry::PartnerKind;
use suara_domain::innovation::Stage;
use suara_domain::period::Month;
use suara_domain::skm::Weighting;
use suara_domain::tpp::rupiah;
use suara_store::{ScopeKind, StoredInnovation};

use super::{
    effects_of, headline, name, partner_kind_label, stage_label, unit_names, verdict_label,
};
use crate::pages::context::{Look, StaffCx};
use crate::pages::failure::PageError;
use crate::routes;
use suara_app::i18n::catalogue as T;

/// Units listed as rising most.
const RISERS: usize = 10;

/// A unit's IKM over the last six months against the six before.
pub struct Rise {
    pub unit_id: String,
    pub before: Decimal,
    pub after: Decimal,
    /// In hundredths of a point, for ordering.
    pub change: i64,
    pub innovations: usize,
}

/// A partner kind's count, rupiah and gifts in kind.
#[derive(Default)]
pub struct Contributions {
    pub partners: usize,
    pub rupiah: u64,
    pub in_kind: usize,
}

pub struct SummaryView {
    pub innovations: Vec<StoredInnovation>,
    pub names: HashMap<String, String>,
    pub verdicts: BTreeMap<Verdict, usize>,
    pub risers: Vec<Rise>,
    pub by_kind: BTreeMap<PartnerKind, Contributions>,
    pub months: [Month; 4],
}

pub async fn summary(cx: StaffCx) -> Result<Response, PageError> {
    let tenant_id = cx.tenant_id();
    let innovations = cx.app.store.innovations(tenant_id).await?;
    let effects = effects_of(
        &cx.app.store,
        &cx.app.effect_cells,
        &cx.tenant,
        &innovations,
    )
    .await?;
    let mut verdicts = BTreeMap::new();
    for list in effects.values() {
        if let Some(score) = headline(list) {
            *verdicts.entry(score.effect.verdict).or_insert(0) += 1;
        }
    }
    let last = cx.current_month();
    let first = (1..6).fold(last, |m, _| m.previous());
    let before_last = first.previous();
    let before_first = (1..6).fold(before_last, |m, _| m.previous());
    let ikm = |tallies: Vec<(String, suara_domain::skm::Tally)>| -> HashMap<String, Decimal> {
        tallies
            .into_iter()
            .filter_map(|(unit, t)| t.score(Weighting::Exact).map(|s| (unit, s.ikm_rounded())))
            .collect()
    };
    let now = ikm(cx
        .app
        .store
        .tallies_of_kind(tenant_id, ScopeKind::Unit, first, last)
        .await?);
    let then = ikm(cx
        .app
        .store
        .tallies_of_kind(tenant_id, ScopeKind::Unit, before_first, before_last)
        .await?);
    let mut risers: Vec<Rise> = now
        .iter()
        .filter_map(|(unit, after)| {
            let before = then.get(unit)?;
            Some(Rise {
                unit_id: unit.clone(),
                before: *before,
                after: *after,
                change: after.scaled() - before.scaled(),
                innovations: innovations
                    .iter()
                    .filter(|i| {
                        i.units
                            .iter()
                            .any(|u| &u.unit_id == unit && u.started_on.is_some())
                    })
                    .count(),
            })
        })
        .collect();
    risers.sort_by(|a, b| b.change.cmp(&a.change).then(a.unit_id.cmp(&b.unit_id)));
    risers.truncate(RISERS);
    let mut by_kind: BTreeMap<PartnerKind, Contributions> = BTreeMap::new();
    for p in innovations.iter().flat_map(|i| &i.partners) {
        let c = by_kind.entry(p.kind).or_default();
        c.partners += 1;
        c.rupiah = c.rupiah.saturating_add(p.amount.unwrap_or(0));
        c.in_kind += usize::from(p.in_kind.is_some());
    }
    let view = SummaryView {
        names: unit_names(&cx.app, tenant_id).await?,
        innovations,
        verdicts,
        risers,
        by_kind,
        months: [before_first, before_last, first, last],
    };
    let (title, content) = render(cx.look(), &view);
    cx.ok(title, content)
}

pub fn render(look: Look, view: &SummaryView) -> (&'static str, Markup) {
    let lang = look.lang;
    let title = lang.t(T::INNOVATION_SUMMARY);
    let mut pipeline: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    for i in &view.innovations {
        let row = pipeline.entry(name(&view.names, &i.unit_id)).or_default();
        row[Stage::ALL.iter().position(|s| *s == i.stage).unwrap_or(0)] += 1;
    }
    let [b1, b2, a1, a2] = view.months;
    let content = html! {
        h1 { (title) }
        p { a href=(look.href(routes::INNOVATION_REGISTRY)) { (lang.t(T::INNOVATION_REGISTRY)) } " · "
            a href={ (routes::INNOVATIONS) "?lang=" (lang.code()) } { (lang.t(T::PUBLIC_PAGE)) } }
        h2 { (lang.t(T::PIPELINE_PER_UNIT)) }
        table.data tabindex="0" {
            thead { tr {
                th scope="col" { (lang.t(T::UNIT_2)) }
                @for s in Stage::ALL { th.num scope="col" { (stage_label(lang, s)) } }
            } }
            tbody { @for (unit, counts) in &pipeline { tr {
                th scope="row" { (unit) }
                @for c in counts { td.num { (c) } }
            } } }
        }
        h2 { (lang.t(T::WHAT_THE_EFFECTS_SAY)) }
        ul { @for (v, n) in &view.verdicts { li { (verdict_label(lang, *v)) ": " strong { (n) } } } }
        h2 { (lang.t(T::UNITS_WHOSE_IKM_ROSE_MOST)) }
        p.hint { (lang.fill(T::RISE_MONTHS, &[&lang.month(a1), &lang.month(a2), &lang.month(b1), &lang.month(b2)])) }
        @if view.risers.is_empty() { p { (lang.t(T::NO_RESPONSES_IN_SIX_MONTHS)) } }
        table.data tabindex="0" {
            thead { tr {
                th scope="col" { (lang.t(T::UNIT_2)) }
                th.num scope="col" { (lang.t(T::IKM_BEFORE)) }
                th.num scope="col" { (lang.t(T::IKM_NOW)) }
                th.num scope="col" { (lang.t(T::CHANGE)) }
                th.num scope="col" { (lang.t(T::INNOVATIONS_STARTED)) }
            } }
            tbody { @for r in &view.risers { tr {
                th scope="row" { (name(&view.names, &r.unit_id)) }
                td.num { (lang.decimal(r.before)) }
                td.num { (lang.decimal(r.after)) }
                td.num { (if r.change > 0 { "+" } else { "" }) (lang.decimal(Decimal::new(r.change, 2))) }
                td.num { (r.innovations) }
            } } }
        }
        h2 { (lang.t(T::PARTNERS_AND_CONTRIBUTIONS)) }
        table.data tabindex="0" {
            thead { tr {
                th scope="col" { (lang.t(T::PARTNER_KIND)) }
                th.num scope="col" { (lang.t(T::PARTNERS)) }
                th.num scope="col" { (lang.t(T::CONTRIBUTION_RUPIAH)) }
                th.num scope="col" { (lang.t(T::GIFTS_IN_KIND)) }
            } }
            tbody { @for (kind, c) in &view.by_kind { tr {
                th scope="row" { (partner_kind_label(lang, *kind)) }
                td.num { (c.partners) }
                td.num { "Rp" (rupiah(c.rupiah)) }
                td.num { (c.in_kind) }
            } } }
        }
        ul { @for i in &view.innovations { @for p in &i.partners {
            li { strong { (p.name) } " · " (i.innovation.title)
                @if let Some(a) = p.amount { " · Rp" (rupiah(a)) }
                @if let Some(k) = &p.in_kind { " · " (k) } }
        } } }
    };
    (title, content)
}
