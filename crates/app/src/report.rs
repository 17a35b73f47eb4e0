//! Gathers what the SKM report of a unit and period shows (letterhead, figures per unit and
//! per service, profile, suggestions, the day's chain head, who signs) from the store, for
//! the PDF and the Word document the reports crate draws. Used by the dashboard's download
//! and by `suara skm report`; and sets the regency's letterhead.

use suara_domain::period::{Month, Period};
use suara_domain::skm::Weighting;
use suara_domain::survey::{AgeBand, Education, Occupation, Sex};
use suara_domain::tpp::rupiah;
use suara_reports::layout::Letterhead;
use suara_reports::logo::LogoError;
use suara_reports::payable::Signatory;
use suara_reports::skm::{FollowUp, ProfileGroup, ServiceScore, Signature, SkmReport};
use suara_store::{Scope, Store, StoreError, StoredLetterhead, StoredPlan, Tenant};
use time::OffsetDateTime;

use crate::i18n::{age_band_label, education_label, occupation_label, sex_label, Lang};

/// Suggestions printed in the report; the rest are counted.
const SUGGESTIONS_LISTED: u32 = 40;

fn label(column: &str, code: &str) -> String {
    let lang = Lang::ID;
    let known = match column {
        "sex" => Sex::from_code(code).map(|v| sex_label(lang, v)),
        "age_band" => AgeBand::from_code(code).map(|v| age_band_label(lang, v)),
        "education" => Education::from_code(code).map(|v| education_label(lang, v)),
        _ => Occupation::from_code(code).map(|v| occupation_label(lang, v)),
    };
    known.map_or_else(|| code.to_string(), str::to_string)
}

fn title(column: &str) -> &'static str {
    match column {
        "sex" => "Jenis kelamin",
        "age_band" => "Usia",
        "education" => "Pendidikan",
        _ => "Pekerjaan",
    }
}

/// Answered categories in the order the survey offers them, labelled.
fn in_code_order(column: &str, counts: Vec<(Option<String>, u64)>) -> Vec<(String, u64)> {
    let order: &[&str] = match column {
        "sex" => Sex::CODES,
        "age_band" => AgeBand::CODES,
        "education" => Education::CODES,
        _ => Occupation::CODES,
    };
    let position = |code: &str| order.iter().position(|c| *c == code).unwrap_or(order.len());
    let mut rows: Vec<(String, u64)> = counts
        .into_iter()
        .filter_map(|(code, n)| code.map(|c| (c, n)))
        .collect();
    rows.sort_by_key(|(code, _)| position(code));
    rows.into_iter()
        .map(|(code, n)| (label(column, &code), n))
        .collect()
}

/// A follow-up plan as the report prints it: the deadline as a day is written in Indonesian
/// ("31 Maret 2027"), as on the rest of the report, not as stored.
fn follow_up_line(p: StoredPlan) -> FollowUp {
    FollowUp {
        element: format!("{} {}", p.plan.element.code(), p.plan.element.name_id()),
        action: match p.progress_note {
            Some(note) => format!("{} (kemajuan: {note})", p.plan.action),
            None => p.plan.action,
        },
        owner: p.plan.owner,
        deadline: Lang::ID.date(p.plan.deadline),
        status: p.status.label_id().to_string(),
    }
}

/// The chain head with the responses it covers, counted with thousands separated (12.664).
fn chain_head(count: u64, hash: &impl std::fmt::Display) -> String {
    format!("{hash} ({} tanggapan)", rupiah(count))
}

/// Everything the report of the unit over the period shows.
pub async fn skm_report(
    store: &Store,
    tenant: &Tenant,
    unit_id: &str,
    period: Period,
) -> Result<Option<SkmReport>, StoreError> {
    let Some(unit) = store.unit(&tenant.tenant_id, unit_id).await? else {
        return Ok(None);
    };
    let (first, last) = period.months();
    let tally = store
        .tally(&tenant.tenant_id, Scope::Unit(unit_id), first, last)
        .await?;
    let profile = store
        .profile_counts(&tenant.tenant_id, unit_id, first, last)
        .await?
        .into_iter()
        .map(|(column, counts)| {
            let unanswered = counts
                .iter()
                .filter(|(code, _)| code.is_none())
                .map(|(_, n)| n)
                .sum();
            ProfileGroup {
                title: title(column).to_string(),
                rows: in_code_order(column, counts),
                unanswered,
            }
        })
        .collect();
    let suggestions = store
        .reported_suggestions(&tenant.tenant_id, unit_id, first, last, SUGGESTIONS_LISTED)
        .await?;
    let now = OffsetDateTime::now_utc();
    let current: Month = tenant.month_of(now);
    let precision = store
        .unit_evidence(&tenant.tenant_id, (first, last), current)
        .await?
        .remove(unit_id)
        .unwrap_or_default()
        .precision();
    let chain_head = store
        .chain_heads_at(&tenant.tenant_id, &[now])
        .await?
        .into_iter()
        .next()
        .flatten()
        .map(|(count, hash)| chain_head(count, &hash));
    let today = now.to_offset(tenant.offset()).date();
    let services = service_scores(store, &tenant.tenant_id, unit_id, (first, last)).await?;
    let head = unit_head(store, &tenant.tenant_id, unit.head_nip.as_deref()).await?;
    let stored = store.letterhead(&tenant.tenant_id).await?;
    Ok(Some(SkmReport {
        regency: tenant.name.clone(),
        letterhead: Letterhead {
            government: format!("PEMERINTAH {}", tenant.name.to_uppercase()),
            office: unit.name.to_uppercase(),
            address: stored.address,
            logo: stored.logo,
        },
        // A period still running is surveyed until today, not to its end.
        dates: format!(
            "{} – {}",
            Lang::ID.date(first.first_day()),
            Lang::ID.date(last.last_day().min(today))
        ),
        services,
        signature: Signature {
            place: seat(&tenant.name).to_string(),
            date: Lang::ID.date(today),
            office: format!("Kepala {}", unit.name),
            head,
        },
        unit: unit.name,
        period: Lang::ID.period(period),
        score: tally.score(Weighting::Exact),
        precision,
        profile,
        suggestions: suggestions.listed,
        suggestions_total: suggestions.total,
        suggestions_unreviewed: suggestions.unreviewed,
        follow_up: store
            .follow_ups(&tenant.tenant_id, Some(unit_id), Some(period))
            .await?
            .into_iter()
            .map(follow_up_line)
            .collect(),
        generated_on: crate::i18n::Lang::ID.date(today),
        chain_head,
    }))
}

/// The score of each of the unit's services over the months.
async fn service_scores(
    store: &Store,
    tenant_id: &str,
    unit_id: &str,
    (first, last): (Month, Month),
) -> Result<Vec<ServiceScore>, StoreError> {
    let mut services = Vec::new();
    for service in store.services_of_unit(tenant_id, unit_id).await? {
        let tally = store
            .tally(tenant_id, Scope::Service(&service.service_id), first, last)
            .await?;
        services.push(ServiceScore {
            name: service.name,
            score: tally.score(Weighting::Exact),
        });
    }
    Ok(services)
}

/// Who signs the unit's report: its own head in the officer list. A parent's head does not
/// sign under the unit's title (the payable list borrows a parent's treasurer, not this):
/// without a head of its own the block leaves a line to write the name in.
async fn unit_head(
    store: &Store,
    tenant_id: &str,
    head_nip: Option<&str>,
) -> Result<Option<Signatory>, StoreError> {
    let Some(nip) = head_nip else {
        return Ok(None);
    };
    Ok(store.officer(tenant_id, nip).await?.map(|o| Signatory {
        name: o.name,
        nip: nip.to_string(),
    }))
}

/// Where a regency's documents are signed, as they write it: "Kabupaten Trenggalek" and
/// "Kota Blitar" sign as "Trenggalek" and "Blitar".
fn seat(regency: &str) -> &str {
    ["Kabupaten ", "Kota "]
        .iter()
        .find_map(|prefix| regency.strip_prefix(prefix))
        .unwrap_or(regency)
}

/// The longest address a letterhead prints on its line or two.
pub const ADDRESS_MAX: usize = 200;

/// Why a letterhead is refused.
#[derive(Debug, thiserror::Error)]
pub enum LetterheadError {
    #[error(transparent)]
    Logo(#[from] LogoError),
    #[error("the address is longer than {ADDRESS_MAX} characters")]
    AddressTooLong,
    #[error("the address holds a line break or a control character")]
    AddressControl,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Checks and sets the regency's letterhead: an address of one line, a logo that decodes.
pub async fn set_letterhead(
    store: &Store,
    tenant_id: &str,
    mut letterhead: StoredLetterhead,
    actor: &str,
    at: OffsetDateTime,
) -> Result<(), LetterheadError> {
    letterhead.address = letterhead.address.trim().to_string();
    if letterhead.address.chars().count() > ADDRESS_MAX {
        return Err(LetterheadError::AddressTooLong);
    }
    if letterhead.address.chars().any(char::is_control) {
        return Err(LetterheadError::AddressControl);
    }
    if let Some(logo) = &letterhead.logo {
        suara_reports::logo::decode(logo)?;
    }
    store
        .set_letterhead(tenant_id, &letterhead, actor, at)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_read_as_in_printed_reports() {
        let m = Month::new(2026, 10).unwrap();
        assert_eq!(Lang::ID.period(Period::Month(m)), "Oktober 2026");
        assert_eq!(
            Lang::ID.period(Period::Quarter {
                year: 2026,
                quarter: 3
            }),
            "Triwulan III 2026"
        );
        assert_eq!(
            Lang::ID.period(Period::Semester {
                year: 2026,
                semester: 2
            }),
            "Semester II 2026"
        );
        assert_eq!(Lang::ID.period(Period::Year(2026)), "Tahun 2026");
    }

    #[test]
    fn deadlines_and_counts_read_as_in_printed_reports() {
        use suara_domain::skm::follow_up::{Plan, Status};
        use suara_domain::skm::Element;
        let plan = StoredPlan {
            plan_id: "p1".into(),
            unit_id: "dukcapil".into(),
            period: "2026".into(),
            plan: Plan {
                element: Element::CompletionTime,
                action: "Menambah loket".into(),
                owner: "Kepala Bidang Pelayanan".into(),
                deadline: time::macros::date!(2026 - 11 - 30),
            },
            status: Status::InProgress,
            progress_note: Some("loket 4 dibuka".into()),
            updated_at: OffsetDateTime::UNIX_EPOCH,
        };
        let line = follow_up_line(plan);
        assert_eq!(line.deadline, "30 November 2026");
        assert_eq!(line.element, "U3 Waktu penyelesaian");
        assert_eq!(line.action, "Menambah loket (kemajuan: loket 4 dibuka)");
        assert_eq!(line.status, "Berjalan");
        assert_eq!(chain_head(12_664, &"ab12"), "ab12 (12.664 tanggapan)");
        assert_eq!(seat("Kabupaten Trenggalek"), "Trenggalek");
        assert_eq!(seat("Kota Blitar"), "Blitar");
        assert_eq!(seat("Provinsi Jawa Timur"), "Provinsi Jawa Timur");
    }
}
