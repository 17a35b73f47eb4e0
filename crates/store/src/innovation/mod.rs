//! Innovations in the database: the registry, stage steps (checked by the domain and
//! audit-logged in the same transaction), adopting units with their start dates, partners
//! and evidence files. [`effect`] aggregates the responses around each start; [`ideas`]
//! holds staff ideas and citizens' suggestions.

mod effect;
mod ideas;

use std::collections::BTreeMap;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use suara_domain::innovation::registry::{
    EvidenceType, Form, Indicator, Initiator, Innovation, Partner, PartnerKind, SdgTarget,
};
use suara_domain::innovation::{Stage, StageError};
use suara_domain::musrena::forum::Group;
use suara_domain::skm::Element;
use time::{Date, OffsetDateTime};

use crate::audit::{self, AuditRecord};
use crate::{corrupt, micros, money, parse_date, to_u64, Store, StoreError};

pub use ideas::{Idea, IdeaStatus, SuggestionGroup};

#[derive(Debug, thiserror::Error)]
pub enum InnovationError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Stage(#[from] StageError),
    #[error("there is no innovation {0}")]
    NoSuchInnovation(i64),
    #[error("there is no idea {0}")]
    NoSuchIdea(i64),
    #[error("the idea has been decided already")]
    IdeaDecided,
    #[error("'{0}' is not a unit of this regency")]
    UnknownUnit(String),
    #[error("no officer of this regency has NIP {0}")]
    UnknownOfficer(String),
    #[error("there is no Musrena proposal '{0}'")]
    UnknownProposal(String),
    #[error("an innovation is replicated only once another unit has started it")]
    NoReplication,
}

impl From<sqlx::Error> for InnovationError {
    fn from(error: sqlx::Error) -> InnovationError {
        InnovationError::Store(StoreError::from(error))
    }
}

type Result<T, E = InnovationError> = std::result::Result<T, E>;

/// A unit that uses the innovation: the owning unit, or one that copied it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AdoptingUnit {
    pub unit_id: String,
    /// `None` until it starts there.
    pub started_on: Option<Date>,
    pub replicated: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageStep {
    pub stage: Stage,
    pub on: Date,
    pub actor: String,
}

/// An evidence file's description (its bytes are read one at a time).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceInfo {
    pub evidence_no: i64,
    pub indicator: Indicator,
    pub title: String,
    pub file_type: EvidenceType,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredInnovation {
    pub innovation_id: i64,
    /// The unit that owns it.
    pub unit_id: String,
    pub innovation: Innovation,
    /// Musrena proposals it answers, by tracking code.
    pub proposals: Vec<String>,
    pub stage: Stage,
    pub units: Vec<AdoptingUnit>,
    pub partners: Vec<Partner>,
    pub evidence: Vec<EvidenceInfo>,
    pub steps: Vec<StageStep>,
}

impl StoredInnovation {
    /// Its units with the days they started, as the measurement takes them.
    pub fn adoption(&self) -> Vec<(&str, Option<Date>)> {
        self.units
            .iter()
            .map(|u| (u.unit_id.as_str(), u.started_on))
            .collect()
    }

    /// The day it started in its own unit.
    pub fn started_on(&self) -> Option<Date> {
        self.units
            .iter()
            .find(|u| u.unit_id == self.unit_id)
            .and_then(|u| u.started_on)
    }

    /// The day it reached `stage`, if it has.
    pub fn reached(&self, stage: Stage) -> Option<Date> {
        self.steps.iter().find(|s| s.stage == stage).map(|s| s.on)
    }
}

fn join<T>(values: &[T], code: impl Fn(&T) -> String) -> String {
    values.iter().map(code).collect::<Vec<_>>().join(",")
}

fn split<T>(text: &str, parse: impl Fn(&str) -> Option<T>) -> Result<Vec<T>, StoreError> {
    text.split(',')
        .filter(|c| !c.is_empty())
        .map(|c| parse(c).ok_or_else(|| corrupt(format!("innovation code '{c}'"))))
        .collect()
}

fn code_of<T: Copy>(
    row: &AnyRow,
    column: &str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<T, StoreError> {
    let code: String = row.try_get(column)?;
    parse(&code).ok_or_else(|| corrupt(format!("{column} '{code}'")))
}

fn innovation_from_row(row: &AnyRow) -> Result<StoredInnovation, StoreError> {
    let text = |column: &str| -> Result<String, StoreError> { Ok(row.try_get(column)?) };
    let innovation = Innovation {
        title: text("title")?,
        problem: text("problem")?,
        change: text("change_made")?,
        elements: split(&text("elements")?, |c| {
            Element::ALL.into_iter().find(|e| e.code() == c)
        })?,
        initiator: code_of(row, "initiator", Initiator::from_code)?,
        form: code_of(row, "form", Form::from_code)?,
        digital: row.try_get::<i64, _>("digital")? != 0,
        affair: text("affair")?,
        design: text("design")?,
        goal: text("goal")?,
        benefit: text("benefit")?,
        result: text("result")?,
        sdgs: split(&text("sdgs")?, SdgTarget::parse)?,
        groups: split(&text("groups_served")?, Group::from_code)?,
        team: split(&text("team")?, |c| Some(c.to_string()))?,
    };
    Ok(StoredInnovation {
        innovation_id: row.try_get("innovation_id")?,
        unit_id: text("unit_id")?,
        innovation,
        proposals: split(&text("proposals")?, |c| Some(c.to_string()))?,
        stage: code_of(row, "stage", Stage::from_code)?,
        units: Vec::new(),
        partners: Vec::new(),
        evidence: Vec::new(),
        steps: Vec::new(),
    })
}

/// The innovation as the audit log shows it.
fn audit_json(innovation: &Innovation, proposals: &[String]) -> String {
    let mut value = serde_json::to_value(innovation).unwrap_or_default();
    value["proposals"] = serde_json::json!(proposals);
    value.to_string()
}

/// An audit entry about an innovation (`entity` "innovation") or an idea, to complete with
/// what changed.
pub(super) fn entry<'a>(
    tenant_id: &'a str,
    entity: &'a str,
    id: i64,
    action: &'a str,
    actor: &'a str,
    at: OffsetDateTime,
) -> AuditRecord<'a> {
    AuditRecord {
        tenant_id,
        at,
        actor,
        action,
        entity,
        entity_id: id.to_string(),
        before: None,
        after: None,
    }
}

/// Refuses team members and proposals that the regency does not have.
async fn check_links(
    conn: &mut AnyConnection,
    tenant_id: &str,
    innovation: &Innovation,
    proposals: &[String],
) -> Result<()> {
    for nip in &innovation.team {
        let found = sqlx::query("SELECT 1 FROM officers WHERE tenant_id = $1 AND nip = $2")
            .bind(tenant_id)
            .bind(nip)
            .fetch_optional(&mut *conn)
            .await?;
        if found.is_none() {
            return Err(InnovationError::UnknownOfficer(nip.clone()));
        }
    }
    for code in proposals {
        let found =
            sqlx::query("SELECT 1 FROM musrena_proposals WHERE tenant_id = $1 AND code = $2")
                .bind(tenant_id)
                .bind(code)
                .fetch_optional(&mut *conn)
                .await?;
        if found.is_none() {
            return Err(InnovationError::UnknownProposal(code.clone()));
        }
    }
    Ok(())
}

async fn check_unit(conn: &mut AnyConnection, tenant_id: &str, unit_id: &str) -> Result<()> {
    let found = sqlx::query("SELECT 1 FROM units WHERE tenant_id = $1 AND unit_id = $2")
        .bind(tenant_id)
        .bind(unit_id)
        .fetch_optional(&mut *conn)
        .await?;
    match found {
        Some(_) => Ok(()),
        None => Err(InnovationError::UnknownUnit(unit_id.to_string())),
    }
}

async fn stage_of(conn: &mut AnyConnection, tenant_id: &str, id: i64) -> Result<(Stage, String)> {
    let row = sqlx::query(
        "SELECT stage, unit_id FROM innovations WHERE tenant_id = $1 AND innovation_id = $2",
    )
    .bind(tenant_id)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(InnovationError::NoSuchInnovation(id))?;
    Ok((
        code_of(&row, "stage", Stage::from_code)?,
        row.try_get("unit_id")?,
    ))
}

async fn next_number(
    conn: &mut AnyConnection,
    sql: &str,
    tenant_id: &str,
    id: Option<i64>,
) -> Result<i64> {
    let query = sqlx::query_scalar(sql).bind(tenant_id);
    let query = match id {
        Some(id) => query.bind(id),
        None => query,
    };
    Ok(query.fetch_one(conn).await?)
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

/// Binds what a registration holds, in [`COLUMNS`]' order from `title` to `proposals`.
fn bind_registration<'q>(
    query: AnyQuery<'q>,
    innovation: &'q Innovation,
    proposals: &[String],
) -> AnyQuery<'q> {
    query
        .bind(&innovation.title)
        .bind(&innovation.problem)
        .bind(&innovation.change)
        .bind(join(&innovation.elements, |e| e.code().to_string()))
        .bind(innovation.initiator.code())
        .bind(innovation.form.code())
        .bind(i64::from(innovation.digital))
        .bind(&innovation.affair)
        .bind(&innovation.design)
        .bind(&innovation.goal)
        .bind(&innovation.benefit)
        .bind(&innovation.result)
        .bind(join(&innovation.sdgs, SdgTarget::to_string))
        .bind(join(&innovation.groups, |g| g.code().to_string()))
        .bind(innovation.team.join(","))
        .bind(proposals.join(","))
}

const COLUMNS: &str = "innovation_id, unit_id, title, problem, change_made, elements, initiator,
    form, digital, affair, design, goal, benefit, result, sdgs, groups_served, team, proposals,
    stage";

impl Store {
    /// Registers an innovation of `unit_id` at the idea stage, dated `on`; taking up a staff
    /// idea (`from_idea`) marks it taken in the same transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn register_innovation(
        &self,
        tenant_id: &str,
        unit_id: &str,
        innovation: &Innovation,
        proposals: &[String],
        from_idea: Option<i64>,
        on: Date,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<i64> {
        let mut tx = self.writer.begin().await?;
        check_unit(&mut tx, tenant_id, unit_id).await?;
        check_links(&mut tx, tenant_id, innovation, proposals).await?;
        let id = next_number(
            &mut tx,
            "SELECT COALESCE(MAX(innovation_id), 0) + 1 FROM innovations WHERE tenant_id = $1",
            tenant_id,
            None,
        )
        .await?;
        let sql = format!(
            "INSERT INTO innovations (tenant_id, {COLUMNS}, created_by, created_at_us)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
                     $17, $18, $19, $20, $21, $22)"
        );
        let insert = sqlx::query(&sql).bind(tenant_id).bind(id).bind(unit_id);
        bind_registration(insert, innovation, proposals)
            .bind(Stage::Idea.code())
            .bind(actor)
            .bind(micros(at))
            .execute(&mut *tx)
            .await?;
        insert_step(&mut tx, tenant_id, id, 1, Stage::Idea, on, actor, at).await?;
        sqlx::query(
            "INSERT INTO innovation_units (tenant_id, innovation_id, unit_id, started_on, replicated)
             VALUES ($1, $2, $3, NULL, 0)",
        )
        .bind(tenant_id)
        .bind(id)
        .bind(unit_id)
        .execute(&mut *tx)
        .await?;
        if let Some(idea_id) = from_idea {
            ideas::take_up(&mut tx, self, tenant_id, idea_id, (id, unit_id), actor, at).await?;
        }
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                before: None,
                after: Some(audit_json(innovation, proposals)),
                ..entry(tenant_id, "innovation", id, "create", actor, at)
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Replaces what an innovation is registered with (not its stage, units or partners).
    pub async fn update_innovation(
        &self,
        tenant_id: &str,
        id: i64,
        innovation: &Innovation,
        proposals: &[String],
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let before = load(&mut tx, tenant_id, Some(id)).await?;
        let before = before
            .first()
            .ok_or(InnovationError::NoSuchInnovation(id))?;
        check_links(&mut tx, tenant_id, innovation, proposals).await?;
        let update = sqlx::query(
            "UPDATE innovations SET title = $3, problem = $4, change_made = $5, elements = $6,
                initiator = $7, form = $8, digital = $9, affair = $10, design = $11, goal = $12,
                benefit = $13, result = $14, sdgs = $15, groups_served = $16, team = $17,
                proposals = $18
             WHERE tenant_id = $1 AND innovation_id = $2",
        )
        .bind(tenant_id)
        .bind(id);
        bind_registration(update, innovation, proposals)
            .execute(&mut *tx)
            .await?;
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                before: Some(audit_json(&before.innovation, &before.proposals)),
                after: Some(audit_json(innovation, proposals)),
                ..entry(tenant_id, "innovation", id, "update", actor, at)
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Moves an innovation one stage on, dated `on`. A trial without a start date in its own
    /// unit starts there on that day; replication needs another unit that has started it.
    pub async fn advance_innovation(
        &self,
        tenant_id: &str,
        id: i64,
        to: Stage,
        on: Date,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let (stage, owner) = stage_of(&mut tx, tenant_id, id).await?;
        stage.advance(to)?;
        if to == Stage::Replicated {
            let copied = sqlx::query(
                "SELECT 1 FROM innovation_units WHERE tenant_id = $1 AND innovation_id = $2
                   AND replicated = 1 AND started_on IS NOT NULL",
            )
            .bind(tenant_id)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            if copied.is_none() {
                return Err(InnovationError::NoReplication);
            }
        }
        if to == Stage::Trial {
            sqlx::query(
                "UPDATE innovation_units SET started_on = $4
                 WHERE tenant_id = $1 AND innovation_id = $2 AND unit_id = $3
                   AND started_on IS NULL",
            )
            .bind(tenant_id)
            .bind(id)
            .bind(&owner)
            .bind(on.to_string())
            .execute(&mut *tx)
            .await?;
        }
        let step_no = next_number(
            &mut tx,
            "SELECT COALESCE(MAX(step_no), 0) + 1 FROM innovation_stages
             WHERE tenant_id = $1 AND innovation_id = $2",
            tenant_id,
            Some(id),
        )
        .await?;
        insert_step(&mut tx, tenant_id, id, step_no, to, on, actor, at).await?;
        sqlx::query(
            "UPDATE innovations SET stage = $3 WHERE tenant_id = $1 AND innovation_id = $2",
        )
        .bind(tenant_id)
        .bind(id)
        .bind(to.code())
        .execute(&mut *tx)
        .await?;
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                before: Some(serde_json::json!({ "stage": stage.code() }).to_string()),
                after: Some(
                    serde_json::json!({ "stage": to.code(), "on": on.to_string() }).to_string(),
                ),
                ..entry(tenant_id, "innovation", id, "stage", actor, at)
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the day the innovation started in a unit: its own, or one that copies it.
    pub async fn start_innovation_in(
        &self,
        tenant_id: &str,
        id: i64,
        unit_id: &str,
        started_on: Date,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let (_, owner) = stage_of(&mut tx, tenant_id, id).await?;
        check_unit(&mut tx, tenant_id, unit_id).await?;
        sqlx::query(
            "INSERT INTO innovation_units (tenant_id, innovation_id, unit_id, started_on, replicated)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (tenant_id, innovation_id, unit_id) DO UPDATE SET started_on = excluded.started_on",
        )
        .bind(tenant_id)
        .bind(id)
        .bind(unit_id)
        .bind(started_on.to_string())
        .bind(i64::from(unit_id != owner))
        .execute(&mut *tx)
        .await?;
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                before: None,
                after: Some(
                    serde_json::json!({ "unit": unit_id, "on": started_on.to_string() })
                        .to_string(),
                ),
                ..entry(tenant_id, "innovation", id, "start", actor, at)
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn add_innovation_partner(
        &self,
        tenant_id: &str,
        id: i64,
        partner: &Partner,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        stage_of(&mut tx, tenant_id, id).await?;
        let no = next_number(
            &mut tx,
            "SELECT COALESCE(MAX(partner_no), 0) + 1 FROM innovation_partners
             WHERE tenant_id = $1 AND innovation_id = $2",
            tenant_id,
            Some(id),
        )
        .await?;
        sqlx::query(
            "INSERT INTO innovation_partners
                (tenant_id, innovation_id, partner_no, name, kind, role, amount, in_kind)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(tenant_id)
        .bind(id)
        .bind(no)
        .bind(&partner.name)
        .bind(partner.kind.code())
        .bind(&partner.role)
        .bind(partner.amount.map(money))
        .bind(&partner.in_kind)
        .execute(&mut *tx)
        .await?;
        let after = serde_json::to_string(partner).unwrap_or_default();
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                before: None,
                after: Some(after),
                ..entry(tenant_id, "innovation", id, "partner", actor, at)
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Keeps an evidence file whose type the caller checked from its bytes.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_innovation_evidence(
        &self,
        tenant_id: &str,
        id: i64,
        indicator: Indicator,
        title: &str,
        file_type: EvidenceType,
        bytes: &[u8],
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<i64> {
        let mut tx = self.writer.begin().await?;
        stage_of(&mut tx, tenant_id, id).await?;
        let no = next_number(
            &mut tx,
            "SELECT COALESCE(MAX(evidence_no), 0) + 1 FROM innovation_evidence
             WHERE tenant_id = $1 AND innovation_id = $2",
            tenant_id,
            Some(id),
        )
        .await?;
        sqlx::query(
            "INSERT INTO innovation_evidence (tenant_id, innovation_id, evidence_no, indicator,
                title, content_type, bytes, added_by, at_us)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(tenant_id)
        .bind(id)
        .bind(no)
        .bind(indicator.code())
        .bind(title)
        .bind(file_type.content_type())
        .bind(bytes.to_vec())
        .bind(actor)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?;
        let after =
            serde_json::json!({ "evidence": no, "indicator": indicator.code(), "title": title });
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                before: None,
                after: Some(after.to_string()),
                ..entry(tenant_id, "innovation", id, "evidence", actor, at)
            },
        )
        .await?;
        tx.commit().await?;
        Ok(no)
    }

    /// An evidence file's type and bytes.
    pub async fn innovation_evidence(
        &self,
        tenant_id: &str,
        id: i64,
        evidence_no: i64,
    ) -> Result<Option<(EvidenceType, Vec<u8>)>, StoreError> {
        let row = sqlx::query(
            "SELECT content_type, bytes FROM innovation_evidence
             WHERE tenant_id = $1 AND innovation_id = $2 AND evidence_no = $3",
        )
        .bind(tenant_id)
        .bind(id)
        .bind(evidence_no)
        .fetch_optional(&self.reader)
        .await?;
        row.map(|row| {
            Ok((
                code_of(&row, "content_type", EvidenceType::from_content_type)?,
                row.try_get("bytes")?,
            ))
        })
        .transpose()
    }

    /// Every innovation of the regency with its units, partners, evidence and steps, newest
    /// first.
    pub async fn innovations(&self, tenant_id: &str) -> Result<Vec<StoredInnovation>, StoreError> {
        let mut conn = self.reader.acquire().await?;
        load(&mut conn, tenant_id, None).await
    }

    pub async fn innovation(
        &self,
        tenant_id: &str,
        id: i64,
    ) -> Result<Option<StoredInnovation>, StoreError> {
        let mut conn = self.reader.acquire().await?;
        Ok(load(&mut conn, tenant_id, Some(id)).await?.pop())
    }
}

#[allow(clippy::too_many_arguments)]
async fn insert_step(
    conn: &mut AnyConnection,
    tenant_id: &str,
    id: i64,
    step_no: i64,
    stage: Stage,
    on: Date,
    actor: &str,
    at: OffsetDateTime,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO innovation_stages (tenant_id, innovation_id, step_no, stage, on_date, actor, at_us)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(tenant_id)
    .bind(id)
    .bind(step_no)
    .bind(stage.code())
    .bind(on.to_string())
    .bind(actor)
    .bind(micros(at))
    .execute(conn)
    .await?;
    Ok(())
}

/// Innovations (one, or all) with what hangs off them: one query per table.
async fn load(
    conn: &mut AnyConnection,
    tenant_id: &str,
    only: Option<i64>,
) -> Result<Vec<StoredInnovation>, StoreError> {
    let filter = if only.is_some() {
        "AND innovation_id = $2"
    } else {
        ""
    };
    let mut by_id = BTreeMap::new();
    let rows = fetch(
        &mut *conn,
        &format!("SELECT {COLUMNS} FROM innovations WHERE tenant_id = $1 {filter}"),
        tenant_id,
        only,
    )
    .await?;
    for row in &rows {
        let innovation = innovation_from_row(row)?;
        by_id.insert(innovation.innovation_id, innovation);
    }
    let sql = |list: &List| {
        format!(
            "{} WHERE tenant_id = $1 {filter} {}",
            list.select, list.order
        )
    };
    for list in &LISTS {
        for row in &fetch(&mut *conn, &sql(list), tenant_id, only).await? {
            if let Some(innovation) = by_id.get_mut(&row.try_get::<i64, _>("innovation_id")?) {
                (list.add)(row, innovation)?;
            }
        }
    }
    Ok(by_id.into_values().rev().collect())
}

/// A list hanging off each innovation: how to read it, in which order, and how a row joins
/// its innovation.
struct List {
    select: &'static str,
    order: &'static str,
    add: fn(&AnyRow, &mut StoredInnovation) -> Result<(), StoreError>,
}

const LISTS: [List; 4] = [
    List {
        select: "SELECT innovation_id, unit_id, started_on, replicated FROM innovation_units",
        order: "ORDER BY started_on IS NULL, started_on, unit_id",
        add: add_unit,
    },
    List {
        select: "SELECT innovation_id, name, kind, role, amount, in_kind FROM innovation_partners",
        order: "ORDER BY partner_no",
        add: add_partner,
    },
    List {
        select: "SELECT innovation_id, evidence_no, indicator, title, content_type \
                 FROM innovation_evidence",
        order: "ORDER BY evidence_no",
        add: add_evidence,
    },
    List {
        select: "SELECT innovation_id, stage, on_date, actor FROM innovation_stages",
        order: "ORDER BY step_no",
        add: add_step,
    },
];

/// An adopting unit; those with a start come first, by start.
fn add_unit(row: &AnyRow, innovation: &mut StoredInnovation) -> Result<(), StoreError> {
    let started_on: Option<String> = row.try_get("started_on")?;
    innovation.units.push(AdoptingUnit {
        unit_id: row.try_get("unit_id")?,
        started_on: started_on.as_deref().map(parse_date).transpose()?,
        replicated: row.try_get::<i64, _>("replicated")? != 0,
    });
    Ok(())
}

/// A partner, in the order they were entered.
fn add_partner(row: &AnyRow, innovation: &mut StoredInnovation) -> Result<(), StoreError> {
    let amount: Option<i64> = row.try_get("amount")?;
    innovation.partners.push(Partner {
        name: row.try_get("name")?,
        kind: code_of(row, "kind", PartnerKind::from_code)?,
        role: row.try_get("role")?,
        amount: amount.map(to_u64).transpose()?,
        in_kind: row.try_get("in_kind")?,
    });
    Ok(())
}

/// An evidence file (without its bytes).
fn add_evidence(row: &AnyRow, innovation: &mut StoredInnovation) -> Result<(), StoreError> {
    innovation.evidence.push(EvidenceInfo {
        evidence_no: row.try_get("evidence_no")?,
        indicator: code_of(row, "indicator", Indicator::from_code)?,
        title: row.try_get("title")?,
        file_type: code_of(row, "content_type", EvidenceType::from_content_type)?,
    });
    Ok(())
}

/// A stage step.
fn add_step(row: &AnyRow, innovation: &mut StoredInnovation) -> Result<(), StoreError> {
    innovation.steps.push(StageStep {
        stage: code_of(row, "stage", Stage::from_code)?,
        on: parse_date(&row.try_get::<String, _>("on_date")?)?,
        actor: row.try_get("actor")?,
    });
    Ok(())
}

async fn fetch(
    conn: &mut AnyConnection,
    sql: &str,
    tenant_id: &str,
    only: Option<i64>,
) -> Result<Vec<AnyRow>, StoreError> {
    let query = sqlx::query(sql).bind(tenant_id);
    let query = match only {
        Some(id) => query.bind(id),
        None => query,
    };
    Ok(query.fetch_all(conn).await?)
}
