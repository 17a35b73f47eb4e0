//! The regency's organisation: tenants, units (a tree), services, service points and
//! officers with their assignment history. Changes come as an import plan (see
//! `suara_domain::org::import`) and are written with their audit entries in one transaction.

use std::collections::HashMap;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use suara_domain::org::departure::Departure;
use suara_domain::org::import::{
    Change, CurrentOfficer, ImportPlan, OfficerChange, OfficerContact, OfficerDeparture, Snapshot,
};
use suara_domain::org::{Assignment, Date, Officer, PayDetails, Service, ServicePoint, Unit};
use suara_domain::period::Month;
use time::{OffsetDateTime, UtcOffset};

use crate::audit::{self, Actor, AuditRecord};
use crate::{parse_date, Result, Store, StoreError};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tenant {
    pub tenant_id: String,
    pub name: String,
    /// Local time offset used for monthly periods (WIB = +420).
    pub utc_offset_minutes: i32,
}

impl Tenant {
    /// The tenant's local UTC offset (UTC if the stored offset is impossible).
    pub fn offset(&self) -> UtcOffset {
        UtcOffset::from_whole_seconds(self.utc_offset_minutes * 60).unwrap_or(UtcOffset::UTC)
    }

    /// The local month an instant falls in: periods follow the regency's calendar.
    pub fn month_of(&self, at: OffsetDateTime) -> Month {
        let local = at.to_offset(self.offset());
        Month::new(local.year(), u8::from(local.month())).unwrap_or_else(|| {
            // Only reachable for years outside 1900–9999; clamp rather than fail.
            Month::new(if local.year() < 1900 { 1900 } else { 9999 }, 1).expect("valid month")
        })
    }
}

impl Store {
    pub async fn upsert_tenant(&self, tenant: &Tenant) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        sqlx::query(
            "INSERT INTO tenants (tenant_id, name, utc_offset_minutes) VALUES ($1, $2, $3)
             ON CONFLICT (tenant_id) DO UPDATE SET name = excluded.name,
                 utc_offset_minutes = excluded.utc_offset_minutes",
        )
        .bind(&tenant.tenant_id)
        .bind(&tenant.name)
        .bind(i64::from(tenant.utc_offset_minutes))
        .execute(&mut *tx)
        .await?;
        // Every tenant's chain starts at the genesis link.
        sqlx::query(
            "INSERT INTO chain_heads (tenant_id, seq, link_hash) VALUES ($1, 0, $2)
             ON CONFLICT (tenant_id) DO NOTHING",
        )
        .bind(&tenant.tenant_id)
        .bind(suara_domain::integrity::chain::Digest32::GENESIS.to_hex())
        .execute(&mut *tx)
        .await?;
        crate::responses::signals::make_secret(&mut tx, &tenant.tenant_id).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn tenants(&self) -> Result<Vec<Tenant>> {
        let rows = sqlx::query(
            "SELECT tenant_id, name, utc_offset_minutes FROM tenants ORDER BY tenant_id",
        )
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(tenant_from_row).collect()
    }

    /// The entries that hold a province's accounts and no units: not regencies, so never
    /// offered to citizens, and their host names serve the province's view. (A province
    /// account left in a regency's entry does not make it a province.)
    pub async fn province_entries(&self) -> Result<std::collections::BTreeSet<String>> {
        let rows = sqlx::query(
            "SELECT DISTINCT a.tenant_id FROM accounts a WHERE a.role = $1
             AND NOT EXISTS (SELECT 1 FROM units u WHERE u.tenant_id = a.tenant_id)",
        )
        .bind(suara_domain::access::Role::Province.code())
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| row.try_get("tenant_id").map_err(StoreError::from))
            .collect()
    }

    pub async fn tenant(&self, tenant_id: &str) -> Result<Option<Tenant>> {
        let row = sqlx::query(
            "SELECT tenant_id, name, utc_offset_minutes FROM tenants WHERE tenant_id = $1",
        )
        .bind(tenant_id)
        .fetch_optional(&self.reader)
        .await?;
        row.as_ref().map(tenant_from_row).transpose()
    }

    /// Serves `tenant_id` under `host` too. A host already taken by another regency is
    /// refused (`false`); adding one the regency already has changes nothing.
    pub async fn add_tenant_host(&self, tenant_id: &str, host: &str) -> Result<bool> {
        let mut tx = self.writer.begin().await?;
        let owner: Option<String> =
            sqlx::query_scalar("SELECT tenant_id FROM tenant_hosts WHERE host = $1")
                .bind(host)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(owner) = owner {
            return Ok(owner == tenant_id);
        }
        sqlx::query("INSERT INTO tenant_hosts (tenant_id, host) VALUES ($1, $2)")
            .bind(tenant_id)
            .bind(host)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Every host name with its regency's code, by host.
    pub async fn tenant_hosts(&self) -> Result<Vec<(String, String)>> {
        let rows = sqlx::query("SELECT host, tenant_id FROM tenant_hosts ORDER BY host")
            .fetch_all(&self.reader)
            .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("host")?, row.try_get("tenant_id")?)))
            .collect()
    }

    /// Writes an import plan and an audit entry per change, all or nothing.
    pub async fn apply_import(
        &self,
        tenant_id: &str,
        plan: &ImportPlan,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        self.refuse_disagreeing_organisation(tenant_id).await?;
        let mut tx = self.writer.begin().await?;
        let who = Actor {
            tenant_id,
            actor,
            at,
        };
        for Change { before, after } in &plan.units {
            write_unit(&mut tx, tenant_id, after).await?;
            who.record_change(
                &mut tx,
                self,
                "unit",
                &after.unit_id,
                json(before)?,
                to_json(after)?,
            )
            .await?;
        }
        for Change { before, after } in &plan.services {
            let (id, unit) = (&after.service_id, &after.unit_id);
            write_unit_part(&mut tx, SERVICES, tenant_id, id, unit, &after.name).await?;
            let (id, before) = (&after.service_id, json(before)?);
            who.record_change(&mut tx, self, "service", id, before, to_json(after)?)
                .await?;
        }
        for Change { before, after } in &plan.points {
            let (id, unit) = (&after.point_id, &after.unit_id);
            write_unit_part(&mut tx, POINTS, tenant_id, id, unit, &after.name).await?;
            let (id, before) = (&after.point_id, json(before)?);
            who.record_change(&mut tx, self, "service_point", id, before, to_json(after)?)
                .await?;
        }
        self.write_officer_changes(&mut tx, who, plan).await?;
        for OfficerDeparture { nip, departure, .. } in &plan.departures {
            // `false`: a colleague recorded it on the departure page since the plan was made.
            self.end_open_assignment(&mut tx, who, nip, departure)
                .await?;
        }
        for contact in &plan.contacts {
            let before = write_contact(&mut tx, tenant_id, contact).await?;
            let email = |e: &str| serde_json::json!({ "email": e }).to_string();
            let before = before.as_deref().map(email);
            who.record_change(
                &mut tx,
                self,
                "officer_contact",
                &contact.nip,
                before,
                email(&contact.email),
            )
            .await?;
        }
        self.write_musrena_changes(&mut tx, who, plan).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The officer changes of an import plan, each with its audit entry, within `tx`.
    async fn write_officer_changes(
        &self,
        tx: &mut AnyConnection,
        who: Actor<'_>,
        plan: &ImportPlan,
    ) -> Result<()> {
        let tenant_id = who.tenant_id;
        for change in &plan.officers {
            write_officer(tx, tenant_id, change).await?;
            let after = &change.after;
            // The assignment's start too, so `suara verify` can replay the unit history.
            let mut recorded = serde_json::to_value(after)
                .map_err(|e| StoreError::Corrupt(format!("cannot encode JSON: {e}")))?;
            recorded["assigned_from"] =
                serde_json::json!(change.new_assignment_from.map(|d| d.to_string()));
            let before = json(&change.before)?;
            who.record_change(
                tx,
                self,
                "officer",
                &after.nip,
                before,
                recorded.to_string(),
            )
            .await?;
        }
        Ok(())
    }

    /// The musrena catalogue, issue and village changes of an import plan, each with its
    /// audit entry, within `tx`.
    async fn write_musrena_changes(
        &self,
        tx: &mut AnyConnection,
        who: Actor<'_>,
        plan: &ImportPlan,
    ) -> Result<()> {
        let tenant_id = who.tenant_id;
        for change in &plan.catalogue {
            crate::catalogue::write_entry(tx, tenant_id, change).await?;
            let (after, before) = (&change.after, json(&change.before)?);
            who.record_change(
                tx,
                self,
                "musrena_catalogue",
                &after.code,
                before,
                to_json(after)?,
            )
            .await?;
        }
        for change in &plan.issues {
            crate::catalogue::write_issue(tx, tenant_id, change).await?;
            let (after, before) = (&change.after, json(&change.before)?);
            who.record_change(
                tx,
                self,
                "musrena_issue",
                &after.code,
                before,
                to_json(after)?,
            )
            .await?;
        }
        for change in &plan.villages {
            crate::villages::write(tx, tenant_id, change).await?;
            let (after, before) = (&change.after, json(&change.before)?);
            who.record_change(tx, self, "village", &after.code, before, to_json(after)?)
                .await?;
        }
        Ok(())
    }

    /// Writes a whole organisation as new (demo data, test fixtures), as `actor`.
    pub async fn seed_organisation(
        &self,
        tenant_id: &str,
        organisation: &Snapshot,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        fn new<T: Clone>(rows: &[T]) -> Vec<Change<T>> {
            rows.iter()
                .map(|r| Change {
                    before: None,
                    after: r.clone(),
                })
                .collect()
        }
        let plan = ImportPlan {
            units: new(&organisation.units),
            services: new(&organisation.services),
            points: new(&organisation.points),
            officers: organisation
                .officers
                .iter()
                .map(|c| OfficerChange {
                    before: None,
                    after: c.officer.clone(),
                    new_assignment_from: Some(c.since),
                })
                .collect(),
            departures: Vec::new(),
            contacts: Vec::new(),
            starts_kept: Vec::new(),
            starting_today: 0,
            villages: new(&organisation.villages),
            catalogue: new(&organisation.catalogue),
            issues: new(&organisation.issues),
            unchanged: 0,
            ignored_columns: Vec::new(),
        };
        self.apply_import(tenant_id, &plan, actor, at).await
    }

    /// Every service of the regency, by code.
    pub async fn services(&self, tenant_id: &str) -> Result<Vec<Service>> {
        let rows = sqlx::query(
            "SELECT service_id, unit_id, name FROM services WHERE tenant_id = $1 ORDER BY service_id",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(service_from_row).collect()
    }

    /// Every service point of the regency, by code.
    pub async fn service_points(&self, tenant_id: &str) -> Result<Vec<ServicePoint>> {
        let rows = sqlx::query(
            "SELECT point_id, unit_id, name FROM service_points WHERE tenant_id = $1 ORDER BY point_id",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(point_from_row).collect()
    }

    /// The organisation as stored, to check an import against.
    pub async fn org_snapshot(&self, tenant_id: &str) -> Result<Snapshot> {
        let officers = sqlx::query(&format!(
            "SELECT {OFFICER_COLUMNS}, a.valid_from,
                 (SELECT MAX(b.valid_until) FROM officer_assignments b
                  WHERE b.tenant_id = o.tenant_id AND b.nip = o.nip) AS last_day
             FROM officers o
             LEFT JOIN officer_assignments a ON a.tenant_id = o.tenant_id AND a.nip = o.nip
                 AND a.valid_until IS NULL
             WHERE o.tenant_id = $1 ORDER BY o.nip"
        ))
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        Ok(Snapshot {
            units: self.units(tenant_id).await?,
            services: self.services(tenant_id).await?,
            points: self.service_points(tenant_id).await?,
            officers: officers
                .iter()
                .map(|row| {
                    let since: Option<String> = row.try_get("valid_from")?;
                    let last_day: Option<String> = row.try_get("last_day")?;
                    Ok(CurrentOfficer {
                        left_on: match since {
                            Some(_) => None,
                            None => last_day.as_deref().map(parse_date).transpose()?,
                        },
                        officer: officer_from_row(row)?,
                        since: since
                            .as_deref()
                            .map(parse_date)
                            .transpose()?
                            .unwrap_or(Date::MIN),
                    })
                })
                .collect::<Result<_>>()?,
            villages: self.villages_with_boundaries(tenant_id).await?,
            catalogue: self.catalogue(tenant_id).await?,
            issues: self.strategic_issues(tenant_id).await?,
            closed_months: self.closed_months(tenant_id).await?,
            contacts: self.officer_contacts(tenant_id).await?,
        })
    }

    /// Officers' e-mail addresses by NIP, as their personnel lists gave them.
    pub async fn officer_contacts(&self, tenant_id: &str) -> Result<HashMap<String, String>> {
        let rows = sqlx::query("SELECT nip, email FROM officer_contacts WHERE tenant_id = $1")
            .bind(tenant_id)
            .fetch_all(&self.reader)
            .await?;
        rows.iter()
            .map(|row| Ok((row.try_get("nip")?, row.try_get("email")?)))
            .collect()
    }

    /// All units of a tenant by name (the unit tree orders them for display).
    pub async fn units(&self, tenant_id: &str) -> Result<Vec<Unit>> {
        let rows = sqlx::query(&format!(
            "SELECT {UNIT_COLUMNS} FROM units WHERE tenant_id = $1 ORDER BY name, unit_id"
        ))
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(unit_from_row).collect()
    }

    pub async fn unit(&self, tenant_id: &str, unit_id: &str) -> Result<Option<Unit>> {
        let row = sqlx::query(&format!(
            "SELECT {UNIT_COLUMNS} FROM units WHERE tenant_id = $1 AND unit_id = $2"
        ))
        .bind(tenant_id)
        .bind(unit_id)
        .fetch_optional(&self.reader)
        .await?;
        row.as_ref().map(unit_from_row).transpose()
    }

    pub async fn services_of_unit(&self, tenant_id: &str, unit_id: &str) -> Result<Vec<Service>> {
        let rows = sqlx::query(
            "SELECT service_id, unit_id, name FROM services WHERE tenant_id = $1 AND unit_id = $2
             ORDER BY name, service_id",
        )
        .bind(tenant_id)
        .bind(unit_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(service_from_row).collect()
    }

    pub async fn points_of_unit(
        &self,
        tenant_id: &str,
        unit_id: &str,
    ) -> Result<Vec<ServicePoint>> {
        let rows = sqlx::query(
            "SELECT point_id, unit_id, name FROM service_points WHERE tenant_id = $1 AND unit_id = $2
             ORDER BY name, point_id",
        )
        .bind(tenant_id)
        .bind(unit_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(point_from_row).collect()
    }

    pub async fn point(&self, tenant_id: &str, point_id: &str) -> Result<Option<ServicePoint>> {
        let row = sqlx::query(
            "SELECT point_id, unit_id, name FROM service_points WHERE tenant_id = $1 AND point_id = $2",
        )
        .bind(tenant_id)
        .bind(point_id)
        .fetch_optional(&self.reader)
        .await?;
        row.as_ref().map(point_from_row).transpose()
    }

    pub async fn officer(&self, tenant_id: &str, nip: &str) -> Result<Option<Officer>> {
        let row = sqlx::query(&format!(
            "SELECT {OFFICER_COLUMNS} FROM officers o WHERE o.tenant_id = $1 AND o.nip = $2"
        ))
        .bind(tenant_id)
        .bind(nip)
        .fetch_optional(&self.reader)
        .await?;
        row.as_ref().map(officer_from_row).transpose()
    }

    /// Officers working in the unit on `on` (not those who have left), by name.
    pub async fn officers_of_unit(
        &self,
        tenant_id: &str,
        unit_id: &str,
        on: Date,
    ) -> Result<Vec<Officer>> {
        let rows = sqlx::query(&format!(
            "SELECT {OFFICER_COLUMNS} FROM officers o WHERE o.tenant_id = $1 AND o.unit_id = $2
                 AND EXISTS (SELECT 1 FROM officer_assignments a
                     WHERE a.tenant_id = o.tenant_id AND a.nip = o.nip AND a.valid_from <= $3
                       AND (a.valid_until IS NULL OR a.valid_until >= $3))
             ORDER BY o.name, o.nip"
        ))
        .bind(tenant_id)
        .bind(unit_id)
        .bind(on.to_string())
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(officer_from_row).collect()
    }

    /// Officers working on `on` whom no account names (by NIP or as its username), by unit
    /// and name; `unit_id` empty for the whole regency.
    pub async fn officers_without_accounts(
        &self,
        tenant_id: &str,
        unit_id: &str,
        on: Date,
    ) -> Result<Vec<Officer>> {
        let rows = sqlx::query(&format!(
            "SELECT {OFFICER_COLUMNS} FROM officers o WHERE o.tenant_id = $1
                 AND ($2 = '' OR o.unit_id = $2)
                 AND EXISTS (SELECT 1 FROM officer_assignments a
                     WHERE a.tenant_id = o.tenant_id AND a.nip = o.nip AND a.valid_from <= $3
                       AND (a.valid_until IS NULL OR a.valid_until >= $3))
                 AND NOT EXISTS (SELECT 1 FROM accounts c
                     WHERE c.tenant_id = o.tenant_id AND (c.nip = o.nip OR c.username = o.nip))
             ORDER BY o.unit_id, o.name, o.nip"
        ))
        .bind(tenant_id)
        .bind(unit_id)
        .bind(on.to_string())
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(officer_from_row).collect()
    }

    /// Ends an officer's open assignment on their last working day: they leave the
    /// regency's service. Audit-logged in the chain with the day and reason, so `suara verify`
    /// replays the unit history. `Ok(false)` when they have no open assignment that starts
    /// on or before that day (they have left already).
    pub async fn end_assignment(
        &self,
        tenant_id: &str,
        nip: &str,
        departure: &Departure,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<bool> {
        self.refuse_disagreeing_organisation(tenant_id).await?;
        let mut tx = self.writer.begin().await?;
        let who = Actor {
            tenant_id,
            actor,
            at,
        };
        if !self
            .end_open_assignment(&mut tx, who, nip, departure)
            .await?
        {
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Ends `nip`'s open assignment within `tx` and records it in the chain; `false` when
    /// there is none starting on or before the last day.
    async fn end_open_assignment(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        who: Actor<'_>,
        nip: &str,
        departure: &Departure,
    ) -> Result<bool> {
        let row = sqlx::query(&format!(
            "SELECT {OFFICER_COLUMNS} FROM officers o WHERE o.tenant_id = $1 AND o.nip = $2"
        ))
        .bind(who.tenant_id)
        .bind(nip)
        .fetch_optional(&mut **tx)
        .await?;
        let Some(officer) = row.as_ref().map(officer_from_row).transpose()? else {
            return Ok(false);
        };
        let last_day = departure.last_day.to_string();
        let ended = sqlx::query(
            "UPDATE officer_assignments SET valid_until = $3
             WHERE tenant_id = $1 AND nip = $2 AND valid_until IS NULL AND valid_from <= $3",
        )
        .bind(who.tenant_id)
        .bind(nip)
        .bind(&last_day)
        .execute(&mut **tx)
        .await?
        .rows_affected();
        if ended == 0 {
            return Ok(false);
        }
        let mut after = serde_json::to_value(&officer)
            .map_err(|e| StoreError::Corrupt(format!("cannot encode JSON: {e}")))?;
        after["assigned_from"] = serde_json::Value::Null;
        after["assigned_until"] = serde_json::json!(last_day);
        after["reason"] = serde_json::json!(departure.reason.code());
        audit::append(
            tx,
            self,
            &AuditRecord {
                tenant_id: who.tenant_id,
                at: who.at,
                actor: who.actor,
                action: "end",
                entity: "officer",
                entity_id: nip.to_string(),
                before: Some(to_json(&officer)?),
                after: Some(after.to_string()),
            },
        )
        .await?;
        Ok(true)
    }

    /// An officer's assignments, latest first.
    pub async fn assignments(&self, tenant_id: &str, nip: &str) -> Result<Vec<Assignment>> {
        let rows = sqlx::query(
            "SELECT unit_id, position, valid_from, valid_until FROM officer_assignments
             WHERE tenant_id = $1 AND nip = $2 ORDER BY valid_from DESC",
        )
        .bind(tenant_id)
        .bind(nip)
        .fetch_all(&self.reader)
        .await?;
        rows.iter()
            .map(|row| {
                let until: Option<String> = row.try_get("valid_until")?;
                Ok(Assignment {
                    unit_id: row.try_get("unit_id")?,
                    position: row.try_get("position")?,
                    from: parse_date(&row.try_get::<String, _>("valid_from")?)?,
                    until: until.as_deref().map(parse_date).transpose()?,
                })
            })
            .collect()
    }
}

async fn write_officer(
    tx: &mut AnyConnection,
    tenant_id: &str,
    change: &OfficerChange,
) -> Result<()> {
    let officer = &change.after;
    sqlx::query(
        "INSERT INTO officers (tenant_id, nip, name, position, position_class, unit_id, serves_public,
             rank, npwp, bank, account_number)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (tenant_id, nip) DO UPDATE SET name = excluded.name,
             position = excluded.position, position_class = excluded.position_class,
             unit_id = excluded.unit_id, serves_public = excluded.serves_public,
             rank = excluded.rank, npwp = excluded.npwp, bank = excluded.bank,
             account_number = excluded.account_number",
    )
    .bind(tenant_id)
    .bind(&officer.nip)
    .bind(&officer.name)
    .bind(&officer.position)
    .bind(&officer.position_class)
    .bind(&officer.unit_id)
    .bind(i64::from(officer.serves_public))
    .bind(&officer.pay.rank)
    .bind(&officer.pay.npwp)
    .bind(&officer.pay.bank)
    .bind(&officer.pay.account_number)
    .execute(&mut *tx)
    .await?;
    let Some(from) = change.new_assignment_from else {
        return Ok(());
    };
    // An assignment still running on the new start (open, or ending later) ends the day
    // before it, so two never overlap.
    let last_day = from.previous_day().unwrap_or(from);
    sqlx::query(
        "UPDATE officer_assignments SET valid_until = $3
         WHERE tenant_id = $1 AND nip = $2 AND valid_from < $4
           AND (valid_until IS NULL OR valid_until >= $4)",
    )
    .bind(tenant_id)
    .bind(&officer.nip)
    .bind(last_day.to_string())
    .bind(from.to_string())
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO officer_assignments (tenant_id, nip, valid_from, valid_until, unit_id, position)
         VALUES ($1, $2, $3, NULL, $4, $5)
         ON CONFLICT (tenant_id, nip, valid_from) DO UPDATE SET valid_until = NULL,
             unit_id = excluded.unit_id, position = excluded.position",
    )
    .bind(tenant_id)
    .bind(&officer.nip)
    .bind(from.to_string())
    .bind(&officer.unit_id)
    .bind(&officer.position)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|e| StoreError::Corrupt(format!("cannot encode JSON: {e}")))
}

async fn write_unit(tx: &mut AnyConnection, tenant_id: &str, after: &Unit) -> Result<()> {
    sqlx::query(
        "INSERT INTO units (tenant_id, unit_id, parent_id, name, kind, monthly_users,
             service_hours, head_nip, treasurer_nip)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id, unit_id) DO UPDATE SET parent_id = excluded.parent_id,
             name = excluded.name, kind = excluded.kind, monthly_users = excluded.monthly_users,
             service_hours = excluded.service_hours, head_nip = excluded.head_nip,
             treasurer_nip = excluded.treasurer_nip",
    )
    .bind(tenant_id)
    .bind(&after.unit_id)
    .bind(&after.parent_id)
    .bind(&after.name)
    .bind(&after.kind)
    .bind(after.monthly_users.map(i64::from))
    .bind(after.service_hours.as_ref().map(ToString::to_string))
    .bind(&after.head_nip)
    .bind(&after.treasurer_nip)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

const SERVICES: (&str, &str) = ("services", "service_id");
const POINTS: (&str, &str) = ("service_points", "point_id");

/// A unit's named thing, a service or a service point: `table` keyed by `id_column`.
async fn write_unit_part(
    tx: &mut AnyConnection,
    (table, id_column): (&str, &str),
    tenant_id: &str,
    id: &str,
    unit_id: &str,
    name: &str,
) -> Result<()> {
    sqlx::query(&format!(
        "INSERT INTO {table} (tenant_id, {id_column}, unit_id, name) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, {id_column}) DO UPDATE SET unit_id = excluded.unit_id,
             name = excluded.name"
    ))
    .bind(tenant_id)
    .bind(id)
    .bind(unit_id)
    .bind(name)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Sets an officer's e-mail address; the address it had before.
async fn write_contact(
    tx: &mut AnyConnection,
    tenant_id: &str,
    contact: &OfficerContact,
) -> Result<Option<String>> {
    let before: Option<String> =
        sqlx::query_scalar("SELECT email FROM officer_contacts WHERE tenant_id = $1 AND nip = $2")
            .bind(tenant_id)
            .bind(&contact.nip)
            .fetch_optional(&mut *tx)
            .await?;
    sqlx::query(
        "INSERT INTO officer_contacts (tenant_id, nip, email) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, nip) DO UPDATE SET email = excluded.email",
    )
    .bind(tenant_id)
    .bind(&contact.nip)
    .bind(&contact.email)
    .execute(&mut *tx)
    .await?;
    Ok(before)
}

fn json<T: serde::Serialize>(value: &Option<T>) -> Result<Option<String>> {
    value.as_ref().map(to_json).transpose()
}

fn tenant_from_row(row: &AnyRow) -> Result<Tenant> {
    let offset: i64 = row.try_get("utc_offset_minutes")?;
    Ok(Tenant {
        tenant_id: row.try_get("tenant_id")?,
        name: row.try_get("name")?,
        utc_offset_minutes: i32::try_from(offset)
            .map_err(|_| StoreError::Corrupt(format!("UTC offset {offset} minutes")))?,
    })
}

const UNIT_COLUMNS: &str =
    "unit_id, parent_id, name, kind, monthly_users, service_hours, head_nip, treasurer_nip";

fn unit_from_row(row: &AnyRow) -> Result<Unit> {
    let users: Option<i64> = row.try_get("monthly_users")?;
    Ok(Unit {
        unit_id: row.try_get("unit_id")?,
        parent_id: row.try_get("parent_id")?,
        name: row.try_get("name")?,
        kind: row.try_get("kind")?,
        monthly_users: users.map(|n| u32::try_from(n).unwrap_or(u32::MAX)),
        service_hours: row
            .try_get::<Option<String>, _>("service_hours")?
            .map(|text| {
                text.parse()
                    .map_err(|e| StoreError::Corrupt(format!("service hours '{text}': {e}")))
            })
            .transpose()?,
        head_nip: row.try_get("head_nip")?,
        treasurer_nip: row.try_get("treasurer_nip")?,
    })
}

fn service_from_row(row: &AnyRow) -> Result<Service> {
    Ok(Service {
        service_id: row.try_get("service_id")?,
        unit_id: row.try_get("unit_id")?,
        name: row.try_get("name")?,
    })
}

fn point_from_row(row: &AnyRow) -> Result<ServicePoint> {
    Ok(ServicePoint {
        point_id: row.try_get("point_id")?,
        unit_id: row.try_get("unit_id")?,
        name: row.try_get("name")?,
    })
}

const OFFICER_COLUMNS: &str = "o.nip, o.name, o.position, o.position_class, o.unit_id,
    o.serves_public, o.rank, o.npwp, o.bank, o.account_number";

fn officer_from_row(row: &AnyRow) -> Result<Officer> {
    Ok(Officer {
        nip: row.try_get("nip")?,
        name: row.try_get("name")?,
        position: row.try_get("position")?,
        position_class: row.try_get("position_class")?,
        unit_id: row.try_get("unit_id")?,
        serves_public: row.try_get::<i64, _>("serves_public")? != 0,
        pay: PayDetails {
            rank: row.try_get("rank")?,
            npwp: row.try_get("npwp")?,
            bank: row.try_get("bank")?,
            account_number: row.try_get("account_number")?,
        },
    })
}
