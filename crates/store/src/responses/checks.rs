//! What a response or ticket must point at (a unit, a service of that unit, an officer
//! assigned there that day), and every reason a valid-looking response cannot be stored.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::columns::ROWS_PER_STATEMENT;
use crate::{Backend, StoreError};

/// Why a valid-looking response cannot be stored.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("unit '{0}' does not exist")]
    UnknownUnit(String),
    #[error("service '{0}' does not exist")]
    UnknownService(String),
    #[error("service '{service}' belongs to another unit than '{unit}'")]
    ServiceOfOtherUnit { service: String, unit: String },
    #[error("no officer has NIP '{0}'")]
    UnknownOfficer(String),
    #[error("officer '{nip}' was not assigned to unit '{unit}' (or a unit under it) on {day}")]
    OfficerOfOtherUnit {
        nip: String,
        unit: String,
        day: String,
    },
    #[error("service point '{0}' does not exist in this unit")]
    UnknownPoint(String),
    #[error("this idempotency key was already used for a different response")]
    IdempotencyConflict,
    #[error("no such ticket")]
    TicketUnknown,
    #[error("the ticket was used already")]
    TicketUsed,
    #[error("the ticket has expired")]
    TicketExpired,
    #[error("the ticket was issued for another unit, service or officer")]
    TicketMismatch,
    #[error(
        "{0} tickets were issued by this account or key in the last 10 minutes; wait a little"
    )]
    TicketsTooFast(u32),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for RecordError {
    fn from(e: sqlx::Error) -> Self {
        RecordError::Store(StoreError::from(e))
    }
}

/// What a response or ticket points at.
#[derive(Clone, Copy, Debug)]
pub(crate) struct References<'a> {
    pub unit: &'a String,
    pub service: &'a Option<String>,
    pub officer: &'a Option<String>,
    /// The local day of the service: the officer must have worked in the unit then.
    pub day: time::Date,
}

/// The unit exists, the service is one of its own, the officer exists.
pub(crate) async fn check_references(
    conn: &mut AnyConnection,
    backend: Backend,
    tenant_id: &str,
    references: References<'_>,
) -> Result<(), RecordError> {
    check_all(conn, backend, std::iter::once((tenant_id, references)))
        .await?
        .pop()
        .unwrap_or_else(|| {
            Err(RecordError::Store(StoreError::Corrupt(
                "no reference check".into(),
            )))
        })
        .map(|_unit| ())
}

/// [`check_references`] for many responses, in one query per [`ROWS_PER_STATEMENT`].
pub(super) async fn check_all<'a>(
    conn: &mut AnyConnection,
    backend: Backend,
    references: impl Iterator<Item = (&'a str, References<'a>)>,
) -> Result<Vec<Result<UnitFacts, RecordError>>, StoreError> {
    let references: Vec<_> = references.collect();
    let mut checked = Vec::with_capacity(references.len());
    for chunk in references.chunks(ROWS_PER_STATEMENT) {
        let sql = format!(
            "WITH v (i, tenant_id, unit_id, service_id, nip, day) AS (VALUES {})
             SELECT v.i, u.unit_id, u.service_hours, u.monthly_users,
                 (SELECT s.unit_id FROM services s WHERE s.tenant_id = v.tenant_id AND s.service_id = v.service_id)
                     AS service_unit_id,
                 (SELECT o.nip FROM officers o WHERE o.tenant_id = v.tenant_id AND o.nip = v.nip) AS officer_nip,
                 (SELECT a.unit_id FROM officer_assignments a WHERE a.tenant_id = v.tenant_id AND a.nip = v.nip
                     AND a.valid_from <= v.day AND (a.valid_until IS NULL OR a.valid_until >= v.day)
                  ORDER BY a.valid_from DESC LIMIT 1) AS assigned_unit_id
             FROM v LEFT JOIN units u ON u.tenant_id = v.tenant_id AND u.unit_id = v.unit_id
             ORDER BY v.i",
            crate::placeholder_rows(backend, chunk.len(), 6)
        );
        let mut query = sqlx::query(&sql);
        for (i, (tenant_id, refs)) in chunk.iter().enumerate() {
            query = query
                .bind(i as i64)
                .bind(*tenant_id)
                .bind(refs.unit)
                .bind(refs.service)
                .bind(refs.officer)
                .bind(refs.day.to_string());
        }
        let rows = query.fetch_all(&mut *conn).await?;
        if rows.len() != chunk.len() {
            return Err(StoreError::Corrupt("a reference check lost a row".into()));
        }
        for (row, (tenant_id, refs)) in rows.iter().zip(chunk) {
            let mut judged = judge_references(row, *refs)?;
            // Named through a unit above their own: allowed (a dinas rating its puskesmas
            // staff); through any other unit: refused.
            if let (Ok(_), Some(nip)) = (&judged, refs.officer) {
                let assigned: Option<String> = row.try_get("assigned_unit_id")?;
                let within = match &assigned {
                    Some(unit) => unit_is_within(conn, tenant_id, unit, refs.unit).await?,
                    None => false,
                };
                if !within {
                    judged = Err(RecordError::OfficerOfOtherUnit {
                        nip: nip.clone(),
                        unit: refs.unit.clone(),
                        day: refs.day.to_string(),
                    });
                }
            }
            checked.push(judged);
        }
    }
    Ok(checked)
}

/// `unit` is `ancestor` or lies under it in the unit tree.
async fn unit_is_within(
    conn: &mut AnyConnection,
    tenant_id: &str,
    unit: &str,
    ancestor: &str,
) -> Result<bool, StoreError> {
    let mut current = Some(unit.to_string());
    // The tree has no cycles (the import refuses them); the bound guards a damaged store.
    for _ in 0..64 {
        match current {
            Some(ref id) if id == ancestor => return Ok(true),
            Some(id) => {
                current = sqlx::query_scalar(
                    "SELECT parent_id FROM units WHERE tenant_id = $1 AND unit_id = $2",
                )
                .bind(tenant_id)
                .bind(&id)
                .fetch_optional(&mut *conn)
                .await?
                .flatten();
            }
            None => return Ok(false),
        }
    }
    Ok(false)
}

/// What the anomaly rules need to know of a response's unit, read with its references.
pub(super) struct UnitFacts {
    /// Posted hours as stored.
    pub hours: Option<String>,
    pub monthly_users: Option<u32>,
}

/// What one row of [`check_all`] says of a response's references.
fn judge_references(
    row: &AnyRow,
    refs: References<'_>,
) -> Result<Result<UnitFacts, RecordError>, StoreError> {
    if row.try_get::<Option<String>, _>("unit_id")?.is_none() {
        return Ok(Err(RecordError::UnknownUnit(refs.unit.clone())));
    }
    if let Some(service) = refs.service {
        match row.try_get::<Option<String>, _>("service_unit_id")? {
            None => return Ok(Err(RecordError::UnknownService(service.clone()))),
            Some(owner) if &owner != refs.unit => {
                return Ok(Err(RecordError::ServiceOfOtherUnit {
                    service: service.clone(),
                    unit: refs.unit.clone(),
                }))
            }
            Some(_) => {}
        }
    }
    if let Some(nip) = refs.officer {
        if row.try_get::<Option<String>, _>("officer_nip")?.is_none() {
            return Ok(Err(RecordError::UnknownOfficer(nip.clone())));
        }
    }
    let monthly_users: Option<i64> = row.try_get("monthly_users")?;
    Ok(Ok(UnitFacts {
        hours: row.try_get("service_hours")?,
        // A count beyond u32 is no limit worth keeping.
        monthly_users: monthly_users.and_then(|n| u32::try_from(n).ok()),
    }))
}
