//! Counter tablets registered as kiosks of a service point. Staff register a tablet from
//! its own browser; it then keeps a random token (only its hash is stored here) and every
//! response it sends is recorded on the kiosk channel. Revoking a kiosk (say, a stolen
//! tablet) stops it at once. Registering, approving and revoking are audit-logged.
//!
//! Four eyes: a kiosk's answers are pay evidence only once a second account (the
//! inspectorate or BKPSDM, never the one that registered it) approved it, and a service
//! point has at most one approved kiosk at a time; until then they are recorded on the
//! `kiosk_pending` channel, which counts for the published SKM only.

use sqlx::any::AnyRow;
use sqlx::Row;
use time::OffsetDateTime;

use crate::audit::{self, AuditRecord};
use crate::responses::checks::{check_references, References};
use crate::{from_micros, micros, RecordError, Result, Store};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kiosk {
    pub kiosk_id: String,
    pub point_id: String,
    pub unit_id: String,
    /// The officer who staffs the point, when the kiosk rates one.
    pub officer_nip: Option<String>,
    pub label: String,
    pub registered_by: String,
    pub registered_at: OffsetDateTime,
    /// Who approved it, and when; `None` while it waits.
    pub approved: Option<(String, OffsetDateTime)>,
    pub revoked_at: Option<OffsetDateTime>,
}

impl Kiosk {
    /// The channel its answers are recorded on: pay evidence only once approved.
    pub fn channel(&self) -> suara_domain::integrity::channel::Channel {
        use suara_domain::integrity::channel::Channel;
        if self.approved.is_some() {
            Channel::Kiosk
        } else {
            Channel::KioskPending
        }
    }
}

/// Why a kiosk was not approved.
#[derive(Debug, thiserror::Error)]
pub enum ApprovalError {
    #[error("no such kiosk, or it was revoked")]
    NoSuchKiosk,
    #[error("approved already")]
    AlreadyApproved,
    #[error("four eyes: the account that registered a kiosk cannot approve it")]
    OwnRegistration,
    #[error("service point {point} has an approved kiosk already ({label}); revoke it first")]
    PointTaken { point: String, label: String },
    #[error(transparent)]
    Store(#[from] crate::StoreError),
}

impl From<sqlx::Error> for ApprovalError {
    fn from(error: sqlx::Error) -> ApprovalError {
        ApprovalError::Store(error.into())
    }
}

/// A kiosk to register; `token_hash` is the SHA-256 of the token the tablet keeps.
pub struct NewKiosk<'a> {
    pub kiosk_id: &'a str,
    pub token_hash: &'a str,
    pub point_id: &'a str,
    pub officer_nip: Option<&'a str>,
    pub label: &'a str,
}

const COLUMNS: &str = "kiosk_id, point_id, unit_id, officer_nip, label, registered_by, \
                       registered_at_us, approved_by, approved_at_us, revoked_at_us";

fn from_row(row: &AnyRow) -> Result<Kiosk> {
    let revoked: Option<i64> = row.try_get("revoked_at_us")?;
    let approved_by: Option<String> = row.try_get("approved_by")?;
    let approved_at: Option<i64> = row.try_get("approved_at_us")?;
    let approved = match (approved_by, approved_at) {
        (Some(by), Some(at)) => Some((by, from_micros(at)?)),
        _ => None,
    };
    Ok(Kiosk {
        kiosk_id: row.try_get("kiosk_id")?,
        point_id: row.try_get("point_id")?,
        unit_id: row.try_get("unit_id")?,
        officer_nip: row.try_get("officer_nip")?,
        label: row.try_get("label")?,
        registered_by: row.try_get("registered_by")?,
        registered_at: from_micros(row.try_get("registered_at_us")?)?,
        approved,
        revoked_at: revoked.map(from_micros).transpose()?,
    })
}

impl Store {
    /// Registers a kiosk for a service point (its unit comes from the point).
    pub async fn register_kiosk(
        &self,
        tenant_id: &str,
        kiosk: &NewKiosk<'_>,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<Kiosk, RecordError> {
        let mut tx = self.writer.begin().await?;
        let unit_id: Option<String> = sqlx::query_scalar(
            "SELECT unit_id FROM service_points WHERE tenant_id = $1 AND point_id = $2",
        )
        .bind(tenant_id)
        .bind(kiosk.point_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(unit_id) = unit_id else {
            return Err(RecordError::UnknownPoint(kiosk.point_id.to_string()));
        };
        let officer = kiosk.officer_nip.map(str::to_string);
        check_references(
            &mut tx,
            self.backend,
            tenant_id,
            References {
                unit: &unit_id,
                service: &None,
                officer: &officer,
                day: at.date(),
            },
        )
        .await?;
        sqlx::query(
            "INSERT INTO kiosks (tenant_id, kiosk_id, token_hash, point_id, unit_id, officer_nip, label,
                 registered_by, registered_at_us) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(tenant_id)
        .bind(kiosk.kiosk_id)
        .bind(kiosk.token_hash)
        .bind(kiosk.point_id)
        .bind(&unit_id)
        .bind(&officer)
        .bind(kiosk.label)
        .bind(actor)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?;
        let after = serde_json::json!({
            "point_id": kiosk.point_id,
            "unit_id": unit_id,
            "officer_nip": officer,
            "label": kiosk.label,
        });
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                tenant_id,
                at,
                actor,
                action: "create",
                entity: "kiosk",
                entity_id: kiosk.kiosk_id.to_string(),
                before: None,
                after: Some(after.to_string()),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Kiosk {
            kiosk_id: kiosk.kiosk_id.to_string(),
            point_id: kiosk.point_id.to_string(),
            unit_id,
            officer_nip: officer,
            label: kiosk.label.to_string(),
            registered_by: actor.to_string(),
            registered_at: from_micros(micros(at))?,
            approved: None,
            revoked_at: None,
        })
    }

    /// The kiosk a tablet's token belongs to, if registered and not revoked.
    pub async fn kiosk_by_token(&self, tenant_id: &str, token_hash: &str) -> Result<Option<Kiosk>> {
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM kiosks
             WHERE tenant_id = $1 AND token_hash = $2 AND revoked_at_us IS NULL"
        ))
        .bind(tenant_id)
        .bind(token_hash)
        .fetch_optional(&self.reader)
        .await?;
        row.as_ref().map(from_row).transpose()
    }

    /// Every kiosk of the tenant, newest first, revoked ones included.
    pub async fn kiosks(&self, tenant_id: &str) -> Result<Vec<Kiosk>> {
        let rows = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM kiosks WHERE tenant_id = $1
             ORDER BY registered_at_us DESC, kiosk_id"
        ))
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(from_row).collect()
    }

    /// Approves a kiosk, so its answers count for pay from now on: by an account other than
    /// the one that registered it, and only while no other kiosk of its service point is
    /// approved and active.
    pub async fn approve_kiosk(
        &self,
        tenant_id: &str,
        kiosk_id: &str,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<Kiosk, ApprovalError> {
        let mut tx = self.writer.begin().await?;
        let row = sqlx::query(&format!(
            "SELECT {COLUMNS} FROM kiosks
             WHERE tenant_id = $1 AND kiosk_id = $2 AND revoked_at_us IS NULL"
        ))
        .bind(tenant_id)
        .bind(kiosk_id)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(kiosk) = row.as_ref().map(from_row).transpose()? else {
            return Err(ApprovalError::NoSuchKiosk);
        };
        if kiosk.approved.is_some() {
            return Err(ApprovalError::AlreadyApproved);
        }
        if kiosk.registered_by == actor {
            return Err(ApprovalError::OwnRegistration);
        }
        let taken: Option<String> = sqlx::query_scalar(
            "SELECT label FROM kiosks WHERE tenant_id = $1 AND point_id = $2
                 AND approved_at_us IS NOT NULL AND revoked_at_us IS NULL",
        )
        .bind(tenant_id)
        .bind(&kiosk.point_id)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(label) = taken {
            return Err(ApprovalError::PointTaken {
                point: kiosk.point_id,
                label,
            });
        }
        // Only a kiosk still waiting: two approvers racing approve it once.
        let approved = sqlx::query(
            "UPDATE kiosks SET approved_by = $3, approved_at_us = $4
             WHERE tenant_id = $1 AND kiosk_id = $2 AND approved_at_us IS NULL
                 AND revoked_at_us IS NULL",
        )
        .bind(tenant_id)
        .bind(kiosk_id)
        .bind(actor)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if approved != 1 {
            return Err(ApprovalError::AlreadyApproved);
        }
        audit::append(
            &mut tx, self,
            &AuditRecord {
                tenant_id,
                at,
                actor,
                action: "approve",
                entity: "kiosk",
                entity_id: kiosk_id.to_string(),
                before: None,
                after: Some(
                    serde_json::json!({ "point_id": kiosk.point_id, "officer_nip": kiosk.officer_nip })
                        .to_string(),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Kiosk {
            approved: Some((actor.to_string(), from_micros(micros(at))?)),
            ..kiosk
        })
    }

    /// Revokes a kiosk; returns false if there is no such kiosk still active.
    pub async fn revoke_kiosk(
        &self,
        tenant_id: &str,
        kiosk_id: &str,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<bool> {
        let mut tx = self.writer.begin().await?;
        let revoked = sqlx::query(
            "UPDATE kiosks SET revoked_by = $3, revoked_at_us = $4
             WHERE tenant_id = $1 AND kiosk_id = $2 AND revoked_at_us IS NULL",
        )
        .bind(tenant_id)
        .bind(kiosk_id)
        .bind(actor)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if revoked {
            audit::append(
                &mut tx,
                self,
                &AuditRecord {
                    tenant_id,
                    at,
                    actor,
                    action: "revoke",
                    entity: "kiosk",
                    entity_id: kiosk_id.to_string(),
                    before: None,
                    after: None,
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(revoked)
    }
}
