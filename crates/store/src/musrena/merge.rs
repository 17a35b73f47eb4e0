//! Merging and splitting at the district musrenbang, in one transaction each: the new
//! proposals are inserted at the district stage with a first step naming their originals,
//! and the originals end as merged or split with a step naming what carries them on.

use sqlx::{AnyConnection, Row};
use suara_domain::musrena::forum::Level;
use suara_domain::musrena::lifecycle::Stage;
use suara_domain::musrena::merge::{self, Original};
use suara_domain::musrena::proposal::Proposal;
use time::{Date, OffsetDateTime};

use super::{
    costed, insert_proposal, insert_step, proposal_from_row, MusrenaError, NewRow, StepDetail,
    StoredProposal, PROPOSAL_COLUMNS, PROPOSAL_FROM,
};
use crate::{Store, StoreError};

/// How one proposal is linked to others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Link {
    MergedInto(String),
    MergedFrom(Vec<String>),
    SplitInto(Vec<String>),
    SplitFrom(String),
}

async fn original(
    conn: &mut AnyConnection,
    tenant_id: &str,
    code: &str,
) -> Result<StoredProposal, MusrenaError> {
    let row = sqlx::query(&format!(
        "SELECT {PROPOSAL_COLUMNS} FROM {PROPOSAL_FROM} WHERE p.tenant_id = $1 AND p.code = $2"
    ))
    .bind(tenant_id)
    .bind(code)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| MusrenaError::NoSuchProposal(code.to_string()))?;
    Ok(proposal_from_row(&row)?)
}

/// Inserts one new proposal at the district stage, in the first original's forum.
async fn insert_at_district(
    conn: &mut AnyConnection,
    tenant_id: &str,
    first: &StoredProposal,
    proposal: &Proposal,
    on: Date,
) -> Result<String, MusrenaError> {
    Store::check_village(
        conn,
        tenant_id,
        &proposal.village,
        first.district_id.as_deref(),
    )
    .await?;
    let (estimated_cost, cost_reason) = costed(conn, tenant_id, proposal, Level::Kecamatan).await?;
    Ok(insert_proposal(
        conn,
        &NewRow {
            tenant_id,
            forum_id: &first.forum_id,
            proposal,
            district: first.district_id.as_deref(),
            estimated_cost,
            cost_reason: cost_reason.as_deref(),
            easy_read: false,
            stage: merge::STAGE,
            on,
        },
    )
    .await?)
}

async fn link(
    conn: &mut AnyConnection,
    tenant_id: &str,
    from: &str,
    to: &str,
    kind: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO musrena_links (tenant_id, from_code, to_code, kind) VALUES ($1, $2, $3, $4)",
    )
    .bind(tenant_id)
    .bind(from)
    .bind(to)
    .bind(kind)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Ends an original as merged or split, naming what carries it on.
#[allow(clippy::too_many_arguments)]
async fn end(
    conn: &mut AnyConnection,
    keys: &Store,
    tenant_id: &str,
    code: &str,
    stage: Stage,
    into: &str,
    on: Date,
    actor: &str,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE musrena_proposals SET stage = $3 WHERE tenant_id = $1 AND code = $2")
        .bind(tenant_id)
        .bind(code)
        .bind(stage.code())
        .execute(&mut *conn)
        .await?;
    let detail = StepDetail {
        reason: Some(into),
        ..StepDetail::default()
    };
    insert_step(
        conn,
        keys,
        tenant_id,
        code,
        stage.code(),
        stage,
        on,
        actor,
        detail,
        at,
    )
    .await
}

impl Store {
    /// Merges proposals at one district musrenbang into `merged` (its groups, beneficiaries
    /// and SDG targets joined with theirs); returns the new proposal's code.
    pub async fn merge_proposals(
        &self,
        tenant_id: &str,
        codes: &[String],
        merged: &Proposal,
        on: Date,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<String, MusrenaError> {
        let mut tx = self.writer.begin().await?;
        let mut originals = Vec::with_capacity(codes.len());
        for code in codes {
            originals.push(original(&mut tx, tenant_id, code).await?);
        }
        let checked: Vec<Original> = originals
            .iter()
            .map(|p| Original {
                code: &p.code,
                stage: p.stage,
                district: p.district_id.as_deref(),
            })
            .collect();
        merge::check_merge(&checked)?;
        let mut joined = merged.clone();
        joined.proposed_by = merge::joined_groups(
            originals
                .iter()
                .map(|p| p.proposal.proposed_by.as_slice())
                .chain([merged.proposed_by.as_slice()]),
        );
        joined.beneficiaries = merge::joined_beneficiaries(
            originals
                .iter()
                .map(|p| p.proposal.beneficiaries.as_slice()),
        );
        joined.sdgs = originals
            .iter()
            .flat_map(|p| p.proposal.sdgs.iter().cloned())
            .chain(merged.sdgs.iter().cloned())
            .collect();
        joined.sdgs.sort();
        joined.sdgs.dedup();
        let code = insert_at_district(&mut tx, tenant_id, &originals[0], &joined, on).await?;
        let from = codes.join(", ");
        let detail = StepDetail {
            reason: Some(&from),
            ..StepDetail::default()
        };
        insert_step(
            &mut tx,
            self,
            tenant_id,
            &code,
            "merge_from",
            merge::STAGE,
            on,
            actor,
            detail,
            at,
        )
        .await?;
        for p in &originals {
            end(
                &mut tx,
                self,
                tenant_id,
                &p.code,
                Stage::Merged,
                &code,
                on,
                actor,
                at,
            )
            .await?;
            link(&mut tx, tenant_id, &p.code, &code, "merge").await?;
        }
        tx.commit().await?;
        Ok(code)
    }

    /// Splits a proposal at its district musrenbang into `parts`; returns their codes.
    pub async fn split_proposal(
        &self,
        tenant_id: &str,
        code: &str,
        parts: &[Proposal],
        on: Date,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<Vec<String>, MusrenaError> {
        let mut tx = self.writer.begin().await?;
        let whole = original(&mut tx, tenant_id, code).await?;
        merge::check_split(
            Original {
                code: &whole.code,
                stage: whole.stage,
                district: whole.district_id.as_deref(),
            },
            parts.len(),
        )?;
        let mut codes = Vec::with_capacity(parts.len());
        for part in parts {
            let new = insert_at_district(&mut tx, tenant_id, &whole, part, on).await?;
            let detail = StepDetail {
                reason: Some(code),
                ..StepDetail::default()
            };
            insert_step(
                &mut tx,
                self,
                tenant_id,
                &new,
                "split_from",
                merge::STAGE,
                on,
                actor,
                detail,
                at,
            )
            .await?;
            link(&mut tx, tenant_id, code, &new, "split").await?;
            codes.push(new);
        }
        end(
            &mut tx,
            self,
            tenant_id,
            code,
            Stage::Split,
            &codes.join(", "),
            on,
            actor,
            at,
        )
        .await?;
        tx.commit().await?;
        Ok(codes)
    }

    /// How a proposal is linked by merges and splits (none for most).
    pub async fn links(&self, tenant_id: &str, code: &str) -> Result<Vec<Link>, StoreError> {
        let rows = sqlx::query(
            "SELECT from_code, to_code, kind FROM musrena_links
             WHERE tenant_id = $1 AND (from_code = $2 OR to_code = $2) ORDER BY from_code, to_code",
        )
        .bind(tenant_id)
        .bind(code)
        .fetch_all(&self.reader)
        .await?;
        let (mut merged_from, mut split_into) = (Vec::new(), Vec::new());
        let mut links = Vec::new();
        for row in &rows {
            let (from, to, kind): (String, String, String) = (
                row.try_get("from_code")?,
                row.try_get("to_code")?,
                row.try_get("kind")?,
            );
            match (kind.as_str(), from == code) {
                ("merge", true) => links.push(Link::MergedInto(to)),
                ("merge", false) => merged_from.push(from),
                ("split", true) => split_into.push(to),
                _ => links.push(Link::SplitFrom(from)),
            }
        }
        if !merged_from.is_empty() {
            links.push(Link::MergedFrom(merged_from));
        }
        if !split_into.is_empty() {
            links.push(Link::SplitInto(split_into));
        }
        Ok(links)
    }
}
