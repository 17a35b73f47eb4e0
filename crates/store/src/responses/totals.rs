//! The running monthly totals (`skm_monthly_totals`): which rows a counted response adds to,
//! and the numbers it adds. One accumulator for the live path, the bulk loader, the
//! migration that rebuilt them and `suara verify`, which recomputes them from the chain.
//!
//! Every counted response adds to the published scopes (its unit, service and officer). A
//! response that is evidence for pay also adds to the pay scopes of its trust level and
//! those below it: `pay_onsite_*` holds kiosk answers and verified tickets, `pay_verified_*`
//! verified tickets only. A ticket issued by an officer's own account is evidence of nothing
//! for pay (the rated may not vouch for themselves), so it counts as open.

use std::collections::BTreeMap;

use sqlx::{AnyConnection, Row};

use suara_domain::integrity::channel::{Channel, Trust};
use suara_domain::skm::ELEMENT_COUNT;
use suara_domain::tpp::evidence::response_q;
use time::OffsetDateTime;

use super::chain::{record_from_row, OwnedRecord, RECORD_COLUMNS};
use super::columns::{COUNTED, ROWS_PER_STATEMENT};
use crate::{Backend, Result, Store, StoreError};

/// Responses, nine sums, nine counts, then the spread (`q_sum`, `q_sq`).
pub(crate) const NUMBERS: usize = 1 + 2 * ELEMENT_COUNT + 2;

/// The columns after tenant, scope, scope id and month, in [`Numbers`] order.
pub(crate) fn number_columns() -> Vec<String> {
    std::iter::once("responses".to_string())
        .chain((1..=ELEMENT_COUNT).map(|i| format!("s{i}")))
        .chain((1..=ELEMENT_COUNT).map(|i| format!("n{i}")))
        .chain(["q_sum".to_string(), "q_sq".to_string()])
        .collect()
}

pub(crate) type Numbers = [i64; NUMBERS];

/// The scope codes of the pay totals of unit and officer at a trust level (`None` for open:
/// pay then reads the published totals).
pub fn pay_scopes(level: Trust) -> Option<(&'static str, &'static str)> {
    match level {
        Trust::Open => None,
        Trust::Onsite => Some(("pay_onsite_unit", "pay_onsite_officer")),
        Trust::Verified => Some(("pay_verified_unit", "pay_verified_officer")),
    }
}

/// How far a counted response is evidence for pay.
pub fn pay_trust(channel: &str, ticket_issued_by_officer: bool) -> Trust {
    match Channel::from_code(channel) {
        Some(Channel::Ticket) if ticket_issued_by_officer => Trust::Open,
        Some(channel) => channel.trust(),
        None => Trust::Open,
    }
}

/// Totals keyed by (tenant, scope, scope id, month), in key order.
#[derive(Default, Debug, PartialEq, Eq)]
pub(crate) struct Accumulator(pub BTreeMap<(String, &'static str, String, String), Numbers>);

impl Accumulator {
    pub fn add(&mut self, tenant_id: &str, record: &OwnedRecord, pay: Trust) {
        let mut scopes: Vec<(&'static str, &str)> = vec![("unit", record.unit.as_str())];
        if let Some(service) = &record.service {
            scopes.push(("service", service));
        }
        if let Some(officer) = &record.officer {
            scopes.push(("officer", officer));
        }
        for level in [Trust::Onsite, Trust::Verified] {
            if let (true, Some((unit, officer))) = (pay >= level, pay_scopes(level)) {
                scopes.push((unit, &record.unit));
                if let Some(nip) = &record.officer {
                    scopes.push((officer, nip));
                }
            }
        }
        let q = response_q(&record.answers) as i64;
        for (scope, id) in scopes {
            let numbers = self
                .0
                .entry((
                    tenant_id.to_string(),
                    scope,
                    id.to_string(),
                    record.period_month.clone(),
                ))
                .or_insert([0; NUMBERS]);
            numbers[0] += 1;
            for (i, answer) in record.answers.iter().enumerate() {
                numbers[1 + i] += answer.unwrap_or(0);
                numbers[1 + ELEMENT_COUNT + i] += i64::from(answer.is_some());
            }
            numbers[NUMBERS - 2] += q;
            numbers[NUMBERS - 1] += q * q;
        }
    }
}

/// Counted responses read per query while rebuilding.
const PAGE: i64 = 5000;

/// Rebuilds every tenant's totals from its counted responses; run once by the migration that
/// added pay scopes and spreads.
pub(crate) async fn rebuild(conn: &mut AnyConnection, backend: Backend) -> Result<()> {
    sqlx::query("DELETE FROM skm_monthly_totals")
        .execute(&mut *conn)
        .await?;
    let mut totals = Accumulator::default();
    let mut after = 0i64;
    loop {
        let rows = sqlx::query(&format!(
            "SELECT r.response_id, r.tenant_id,
                 (SELECT COUNT(*) FROM tickets t WHERE t.tenant_id = r.tenant_id
                      AND t.response_id = r.response_id AND t.issuer_nip IS NOT NULL)
                     AS officer_tickets,
                 {RECORD_COLUMNS}
             FROM responses r WHERE r.response_id > $1 AND {}
             ORDER BY r.response_id LIMIT $2",
            COUNTED
        ))
        .bind(after)
        .bind(PAGE)
        .fetch_all(&mut *conn)
        .await?;
        if rows.is_empty() {
            break;
        }
        for row in &rows {
            after = row.try_get("response_id")?;
            let tenant_id: String = row.try_get("tenant_id")?;
            let by_officer = row.try_get::<i64, _>("officer_tickets")? > 0;
            if let Some(record) = record_from_row(row)? {
                totals.add(&tenant_id, &record, pay_trust(&record.channel, by_officer));
            }
        }
    }
    write_totals(conn, backend, &totals).await?;
    Ok(())
}

impl Store {
    /// Every stored totals row of a tenant.
    pub(crate) async fn stored_totals(&self, tenant_id: &str) -> Result<Accumulator> {
        let columns = number_columns();
        let rows = sqlx::query(&format!(
            "SELECT scope, scope_id, period_month, {} FROM skm_monthly_totals
             WHERE tenant_id = $1",
            columns.join(", ")
        ))
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        let mut stored = Accumulator::default();
        for row in &rows {
            let scope: String = row.try_get("scope")?;
            let scope = SCOPES
                .into_iter()
                .find(|s| *s == scope)
                .ok_or_else(|| StoreError::Corrupt(format!("totals scope '{scope}'")))?;
            let mut numbers = [0; NUMBERS];
            for (n, column) in numbers.iter_mut().zip(&columns) {
                *n = row.try_get(column.as_str())?;
            }
            stored.0.insert(
                (
                    tenant_id.to_string(),
                    scope,
                    row.try_get("scope_id")?,
                    row.try_get("period_month")?,
                ),
                numbers,
            );
        }
        Ok(stored)
    }
}

/// Every scope code the totals use.
const SCOPES: [&str; 7] = [
    "unit",
    "service",
    "officer",
    "pay_onsite_unit",
    "pay_onsite_officer",
    "pay_verified_unit",
    "pay_verified_officer",
];

/// The first row where recomputed and stored totals differ, in words.
pub(crate) fn first_difference(recomputed: &Accumulator, stored: &Accumulator) -> Option<String> {
    let keys: std::collections::BTreeSet<_> = recomputed.0.keys().chain(stored.0.keys()).collect();
    let columns = number_columns();
    keys.into_iter().find_map(|key| {
        let zero = [0; NUMBERS];
        let a = recomputed.0.get(key).unwrap_or(&zero);
        let b = stored.0.get(key).unwrap_or(&zero);
        let differing: Vec<String> = columns
            .iter()
            .zip(a.iter().zip(b))
            .filter(|(_, (a, b))| a != b)
            .map(|(column, (a, b))| format!("{column} stored {b}, recomputed {a}"))
            .collect();
        (!differing.is_empty()).then(|| {
            let (_, scope, id, month) = key;
            format!(
                "the monthly total of {scope} '{id}' in {month} does not follow from the counted responses ({})",
                differing.join("; ")
            )
        })
    })
}

/// Adds to the running totals of `rows` distinct scopes and months; each row is tenant,
/// scope, scope id, month, then the numbers of `totals::number_columns`.
pub(crate) fn upsert_totals_sql(backend: Backend, rows: usize) -> String {
    let columns = number_columns();
    let updates = columns
        .iter()
        .map(|c| format!("{c} = skm_monthly_totals.{c} + excluded.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "INSERT INTO skm_monthly_totals (tenant_id, scope, scope_id, period_month, {})
         VALUES {}
         ON CONFLICT (tenant_id, scope, scope_id, period_month) DO UPDATE SET {updates}",
        columns.join(", "),
        crate::placeholder_rows(backend, rows, 4 + columns.len())
    )
}

/// A stored response that counts: into the running totals and the chain.
pub(crate) struct Counted<'a> {
    pub tenant_id: &'a str,
    pub response_id: i64,
    pub record: &'a OwnedRecord,
    /// How far it is evidence for pay (see `totals`).
    pub pay: suara_domain::integrity::channel::Trust,
}

/// Adds accumulated totals to the stored ones.
pub(crate) async fn write_totals(
    conn: &mut AnyConnection,
    backend: Backend,
    totals: &Accumulator,
) -> Result<(), StoreError> {
    let rows: Vec<_> = totals.0.iter().collect();
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let sql = upsert_totals_sql(backend, chunk.len());
        let mut upsert = sqlx::query(&sql);
        for ((tenant_id, scope, id, month), numbers) in chunk {
            upsert = upsert.bind(tenant_id).bind(*scope).bind(id).bind(month);
            for n in numbers.iter() {
                upsert = upsert.bind(*n);
            }
        }
        upsert.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Counts stored responses: adds them to the running totals and links them into their
/// tenants' chains, in order. Runs when they arrive, or when the inspectorate accepts one
/// out of quarantine.
pub(crate) async fn count_all(
    conn: &mut AnyConnection,
    backend: Backend,
    counted: &[Counted<'_>],
    keys: &Store,
) -> Result<(), StoreError> {
    // Summed per scope and month first: a statement may touch each totals row only once.
    let mut totals = Accumulator::default();
    for item in counted {
        totals.add(item.tenant_id, item.record, item.pay);
    }
    write_totals(conn, backend, &totals).await?;
    // Linked at acceptance time (now), which is what the daily published heads speak of.
    let now = OffsetDateTime::now_utc();
    let mut tenants: Vec<&str> = counted.iter().map(|c| c.tenant_id).collect();
    tenants.sort_unstable();
    tenants.dedup();
    for tenant_id in tenants {
        let links: Vec<(i64, &OwnedRecord)> = counted
            .iter()
            .filter(|c| c.tenant_id == tenant_id)
            .map(|c| (c.response_id, c.record))
            .collect();
        let key = keys.entry_key(tenant_id)?;
        super::chain::append(conn, backend, tenant_id, &links, now, key.as_ref()).await?;
    }
    Ok(())
}
