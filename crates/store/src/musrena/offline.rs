//! Items from a forum held offline or with a facilitator's help: proposals entered for the
//! participants and votes recorded for those who cannot use a form (counted per group,
//! never named, audit-logged as assisted). Each item carries the key the browser gave it;
//! the key is recorded in the transaction that records the item, so a retry after a
//! dropped connection finds it and changes nothing.

use sqlx::{AnyConnection, Row};
use suara_domain::musrena::forum::Group;
use suara_domain::musrena::proposal::Proposal;
use time::{Date, OffsetDateTime};

use super::{add_proposal_in, MusrenaError};
use crate::audit::{self, AuditRecord};
use crate::{corrupt, micros, Store, StoreError};

/// Most votes one item may record (a forum is a room, not a referendum).
pub const MAX_ASSISTED_VOTES: u32 = 10_000;

pub enum OfflineItem<'a> {
    Proposal(&'a Proposal),
    Votes {
        code: &'a str,
        group: Group,
        count: u32,
    },
}

/// The proposal the item made or voted for, and whether the key had been seen before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfflineOutcome {
    pub code: String,
    pub repeated: bool,
}

/// A key the browser made: 8 to 80 letters, digits, `-` or `_`.
pub fn valid_key(key: &str) -> bool {
    (8..=80).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Store {
    /// Records one item of a forum once per key. Two copies sent at the same moment race to
    /// record the key; the loser's transaction rolls back and it answers as a repeat.
    #[allow(clippy::too_many_arguments)]
    pub async fn record_offline(
        &self,
        tenant_id: &str,
        forum_id: &str,
        key: &str,
        item: OfflineItem<'_>,
        on: Date,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<OfflineOutcome, MusrenaError> {
        match self
            .record_offline_once(tenant_id, forum_id, key, item, on, actor, at)
            .await
        {
            Err(MusrenaError::Store(StoreError::Database(sqlx::Error::Database(e))))
                if e.is_unique_violation() =>
            {
                let code: String = sqlx::query_scalar(
                    "SELECT code FROM musrena_offline_items
                     WHERE tenant_id = $1 AND idempotency_key = $2",
                )
                .bind(tenant_id)
                .bind(key)
                .fetch_one(&self.reader)
                .await?;
                Ok(OfflineOutcome {
                    code,
                    repeated: true,
                })
            }
            other => other,
        }
    }

    #[allow(clippy::too_many_arguments)]
    async fn record_offline_once(
        &self,
        tenant_id: &str,
        forum_id: &str,
        key: &str,
        item: OfflineItem<'_>,
        on: Date,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<OfflineOutcome, MusrenaError> {
        let mut tx = self.writer.begin().await?;
        let seen: Option<String> = sqlx::query_scalar(
            "SELECT code FROM musrena_offline_items WHERE tenant_id = $1 AND idempotency_key = $2",
        )
        .bind(tenant_id)
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(code) = seen {
            return Ok(OfflineOutcome {
                code,
                repeated: true,
            });
        }
        let (kind, code) = match item {
            OfflineItem::Proposal(proposal) => {
                let code = add_proposal_in(
                    &mut tx, self, tenant_id, forum_id, proposal, false, on, actor, at,
                )
                .await?;
                ("proposal", code)
            }
            OfflineItem::Votes { code, group, count } => {
                check_votable(&mut tx, tenant_id, forum_id, code).await?;
                let count = i64::from(count.min(MAX_ASSISTED_VOTES));
                sqlx::query(
                    "UPDATE musrena_proposals SET votes = votes + $3 WHERE tenant_id = $1 AND code = $2",
                )
                .bind(tenant_id)
                .bind(code)
                .bind(count)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "INSERT INTO musrena_assisted_votes (tenant_id, code, group_code, votes)
                     VALUES ($1, $2, $3, $4)
                     ON CONFLICT (tenant_id, code, group_code)
                     DO UPDATE SET votes = musrena_assisted_votes.votes + excluded.votes",
                )
                .bind(tenant_id)
                .bind(code)
                .bind(group.code())
                .bind(count)
                .execute(&mut *tx)
                .await?;
                audit::append(
                    &mut tx, self,
                    &AuditRecord {
                        tenant_id,
                        at,
                        actor,
                        action: "assisted_vote",
                        entity: "musrena_proposal",
                        entity_id: code.to_string(),
                        before: None,
                        after: Some(
                            serde_json::json!({ "group": group.code(), "votes": count, "key": key })
                                .to_string(),
                        ),
                    },
                )
                .await?;
                ("votes", code.to_string())
            }
        };
        sqlx::query(
            "INSERT INTO musrena_offline_items (tenant_id, idempotency_key, forum_id, kind, code,
                 actor, at_us)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(tenant_id)
        .bind(key)
        .bind(forum_id)
        .bind(kind)
        .bind(&code)
        .bind(actor)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(OfflineOutcome {
            code,
            repeated: false,
        })
    }

    /// Votes recorded for participants of each group on a proposal.
    pub async fn assisted_votes(
        &self,
        tenant_id: &str,
        code: &str,
    ) -> Result<Vec<(Group, u32)>, StoreError> {
        let rows = sqlx::query(
            "SELECT group_code, votes FROM musrena_assisted_votes WHERE tenant_id = $1 AND code = $2",
        )
        .bind(tenant_id)
        .bind(code)
        .fetch_all(&self.reader)
        .await?;
        let mut votes = Vec::new();
        for row in &rows {
            let group: String = row.try_get("group_code")?;
            let n: i64 = row.try_get("votes")?;
            votes.push((
                Group::from_code(&group).ok_or_else(|| corrupt(format!("group '{group}'")))?,
                u32::try_from(n).unwrap_or(u32::MAX),
            ));
        }
        votes.sort();
        Ok(votes)
    }
}

/// Refuses votes for a proposal that is not one of the forum's or whose stage is final.
async fn check_votable(
    conn: &mut AnyConnection,
    tenant_id: &str,
    forum_id: &str,
    code: &str,
) -> Result<(), MusrenaError> {
    let row = sqlx::query(
        "SELECT stage FROM musrena_proposals
         WHERE tenant_id = $1 AND code = $2 AND forum_id = $3",
    )
    .bind(tenant_id)
    .bind(code)
    .bind(forum_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| MusrenaError::NoSuchProposal(code.to_string()))?;
    let stage: String = row.try_get("stage")?;
    let stage = suara_domain::musrena::lifecycle::Stage::from_code(&stage)
        .ok_or_else(|| corrupt(format!("stage '{stage}'")))?;
    if stage.is_final() {
        return Err(suara_domain::musrena::lifecycle::TransitionError::Final(stage.code()).into());
    }
    Ok(())
}
