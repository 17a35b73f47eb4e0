//! Sources of pay evidence and the inspectorate's confirmations of them (the rule is
//! `suara_domain::tpp::sources`). A confirmation is an entry of the signed audit chain and
//! nothing else: no table holds it, so no row can be edited to confirm a source behind the
//! chain's back, and `suara verify` checks it with the chain.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sqlx::Row;
use suara_domain::integrity::chain::{link_hash, Digest32};
use suara_domain::integrity::signed_head::LogKind;
use suara_domain::period::Month;
use suara_domain::tpp::policy::Policy;
use suara_domain::tpp::sources::{Source, SourceKind, Sourced};
use time::OffsetDateTime;

use crate::audit::{self, AuditRecord};
use crate::{from_micros, Channel, Store, StoreError};

/// The audit entity of confirmations; its id is `{month}/{source key}`.
pub(crate) const ENTITY: &str = "evidence_source";

/// A source's pay evidence of a month, for the inspectorate's page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceSummary {
    pub source: Source,
    /// Counted answers on a paying channel (held ones are not listed).
    pub answers: u64,
    /// Of them, those no confirmation covers yet.
    pub unconfirmed: u64,
    /// Distinct officers the answers name.
    pub officers: u64,
    pub first: OffsetDateTime,
    pub last: OffsetDateTime,
    /// The latest confirmation: by whom and when.
    pub confirmed: Option<(String, OffsetDateTime)>,
    /// The latest response of the source, which a confirmation now would cover up to.
    pub latest_response: i64,
}

/// A source's latest confirmation.
pub(crate) struct Confirmed {
    pub actor: String,
    pub at_us: i64,
    /// The last response it covers.
    pub through: i64,
}

/// Why a source was not confirmed.
#[derive(Debug, thiserror::Error)]
pub enum ConfirmError {
    #[error("every answer of this source is confirmed already")]
    NothingToConfirm,
    #[error("four eyes: an account cannot confirm the tickets it issued")]
    OwnTickets,
    #[error("the TPP of {0} is approved or locked; its evidence no longer changes")]
    MonthClosed(Month),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ConfirmError {
    fn from(error: sqlx::Error) -> ConfirmError {
        ConfirmError::Store(error.into())
    }
}

impl Store {
    /// The month's counted answers that pay under `policy` by their channel, each with the
    /// source it came through (for on-site policies, from the covering index of the month's
    /// on-site answers).
    pub(crate) async fn sourced_answers(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
    ) -> Result<Vec<Sourced>, StoreError> {
        let rows = self
            .paying_rows(
                tenant_id,
                month,
                policy,
                "r.response_id, r.received_at_us",
                "",
            )
            .await?;
        rows.iter()
            .map(|(row, source)| {
                Ok(Sourced {
                    response_id: row.try_get("response_id")?,
                    source: source.clone(),
                    received_at_us: row.try_get("received_at_us")?,
                })
            })
            .collect()
    }

    /// The latest counted paying answer of each source of `month`, from one grouped read.
    pub(crate) async fn latest_by_source(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
    ) -> Result<Vec<(Source, i64)>, StoreError> {
        let rows = self
            .paying_rows(
                tenant_id,
                month,
                policy,
                "MAX(r.response_id) AS latest",
                "GROUP BY r.unit_id, r.channel, t.issued_by, t.issuer_nip",
            )
            .await?;
        rows.into_iter()
            .map(|(row, source)| Ok((source, row.try_get("latest")?)))
            .collect()
    }

    /// The month's counted rows on a paying channel (`columns` of them, grouped by `group`
    /// when given), each with its source.
    async fn paying_rows(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
        columns: &str,
        group: &str,
    ) -> Result<Vec<(sqlx::any::AnyRow, Source)>, StoreError> {
        let on_site = if policy.min_trust > suara_domain::integrity::channel::Trust::Open {
            // The literals match the partial index `responses_on_site_by_unit_day`.
            "AND r.channel IN ('kiosk', 'ticket')"
        } else {
            ""
        };
        let sql = format!(
            "SELECT {columns}, r.unit_id, r.channel, t.issued_by, t.issuer_nip
             FROM responses r
             LEFT JOIN tickets t ON r.channel = 'ticket' AND t.tenant_id = r.tenant_id
                 AND t.response_id = r.response_id
             WHERE r.tenant_id = $1 AND r.period_month = $2 {on_site} AND {} {group}",
            crate::responses::COUNTED
        );
        let rows = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(month.to_string())
            .fetch_all(&self.reader)
            .await?;
        let mut paying = Vec::with_capacity(rows.len());
        for row in rows {
            let channel: String = row.try_get("channel")?;
            let issuer_nip: Option<String> = row.try_get("issuer_nip")?;
            if crate::responses::totals::pay_trust(&channel, issuer_nip.is_some())
                < policy.min_trust
            {
                continue;
            }
            let kind = match Channel::from_code(&channel) {
                Some(Channel::Ticket) => SourceKind::Tickets {
                    issuer: row
                        .try_get::<Option<String>, _>("issued_by")?
                        .unwrap_or_default(),
                },
                Some(Channel::Kiosk) => SourceKind::Kiosks,
                _ => SourceKind::Channel { code: channel },
            };
            let source = Source {
                unit_id: row.try_get("unit_id")?,
                kind,
            };
            paying.push((row, source));
        }
        Ok(paying)
    }

    /// The latest confirmation of each source for `month`, as the audit chain records it.
    /// Only entries the key's holder wrote count: each must be linked, unchanged since (its
    /// content hash, and its link from the one before), and carry the link's code, which no
    /// one without the key can make; a confirmation written into the database by hand, or
    /// an entry rewritten into one, confirms nothing.
    pub(crate) async fn confirmations(
        &self,
        tenant_id: &str,
        month: Month,
    ) -> Result<HashMap<Source, Confirmed>, StoreError> {
        let key = self.entry_key(tenant_id)?;
        let rows = sqlx::query(
            "SELECT a.at_us, a.actor, a.action, a.entity, a.entity_id, a.before_json, a.after_json,
                 l.seq, l.content_hash, l.link_hash, l.entry_code, p.link_hash AS previous_link
             FROM audit_log a
             JOIN audit_links l ON l.tenant_id = a.tenant_id AND l.audit_id = a.audit_id
             LEFT JOIN audit_links p ON p.tenant_id = l.tenant_id AND p.seq = l.seq - 1
             WHERE a.tenant_id = $1 AND a.entity = $2 ORDER BY l.seq",
        )
        .bind(tenant_id)
        .bind(ENTITY)
        .fetch_all(&self.reader)
        .await?;
        let prefix = format!("{month}/");
        let mut latest = HashMap::new();
        for row in &rows {
            // The row's content, its link from the one before, and the link's code must
            // hold together: a changed row or a re-made link breaks the code.
            let content = crate::audit_chain::row_hash(row)?;
            let seq = crate::to_u64(row.try_get("seq")?)?;
            let previous = match row.try_get::<Option<String>, _>("previous_link")? {
                Some(text) => Digest32::from_hex(&text),
                None => (seq == 1).then_some(Digest32::GENESIS),
            };
            let link = Digest32::from_hex(&row.try_get::<String, _>("link_hash")?)
                .filter(|link| previous.is_some_and(|p| link_hash(&p, seq, &content) == *link));
            let code: Option<String> = row.try_get("entry_code")?;
            let written_by_the_server = link.is_some()
                && row.try_get::<String, _>("content_hash")? == content.to_hex()
                && match (&key, link, code) {
                    (Some(key), Some(link), Some(code)) => {
                        key.checks(LogKind::Audit, seq, &link, &code)
                    }
                    // A store without entry keys (tests, tools) checks the content alone.
                    (None, _, _) => true,
                    _ => false,
                };
            let id: String = row.try_get("entity_id")?;
            let action: String = row.try_get("action")?;
            let source = id
                .strip_prefix(&prefix)
                .filter(|_| action == "confirm" && written_by_the_server)
                .and_then(Source::from_key);
            let after: Option<String> = row.try_get("after_json")?;
            let through = after
                .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
                .and_then(|after| after.get("through").and_then(serde_json::Value::as_i64));
            if let (Some(source), Some(through)) = (source, through) {
                latest.insert(
                    source,
                    Confirmed {
                        actor: row.try_get("actor")?,
                        at_us: row.try_get("at_us")?,
                        through,
                    },
                );
            }
        }
        Ok(latest)
    }

    /// Every source of the month's pay evidence, those with unconfirmed answers first.
    pub async fn evidence_sources(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
    ) -> Result<Vec<SourceSummary>, StoreError> {
        let answers = self.sourced_answers(tenant_id, month, policy).await?;
        let confirmations = self.confirmations(tenant_id, month).await?;
        let mut by_source: BTreeMap<&Source, Vec<&Sourced>> = BTreeMap::new();
        for answer in &answers {
            by_source.entry(&answer.source).or_default().push(answer);
        }
        // The officers each source's answers name: one grouped read.
        let named = self
            .paying_rows(
                tenant_id,
                month,
                policy,
                "r.officer_nip",
                "AND r.officer_nip IS NOT NULL
                 GROUP BY r.officer_nip, r.unit_id, r.channel, t.issued_by, t.issuer_nip",
            )
            .await?;
        let mut officers: HashMap<Source, BTreeSet<String>> = HashMap::new();
        for (row, source) in named {
            officers
                .entry(source)
                .or_default()
                .insert(row.try_get("officer_nip")?);
        }
        let mut sources = Vec::with_capacity(by_source.len());
        for (source, answers) in by_source {
            let confirmed = confirmations.get(source);
            let at = |f: fn(i64, i64) -> i64| {
                answers
                    .iter()
                    .map(|a| a.received_at_us)
                    .reduce(f)
                    .unwrap_or_default()
            };
            sources.push(SourceSummary {
                source: source.clone(),
                answers: answers.len() as u64,
                unconfirmed: answers
                    .iter()
                    .filter(|a| confirmed.is_none_or(|c| a.response_id > c.through))
                    .count() as u64,
                officers: officers.get(source).map_or(0, |o| o.len() as u64),
                first: from_micros(at(i64::min))?,
                last: from_micros(at(i64::max))?,
                confirmed: confirmed
                    .map(|c| Ok::<_, StoreError>((c.actor.clone(), from_micros(c.at_us)?)))
                    .transpose()?,
                latest_response: answers
                    .iter()
                    .map(|a| a.response_id)
                    .max()
                    .unwrap_or_default(),
            });
        }
        sources.sort_by_key(|s| (s.unconfirmed == 0, s.source.clone()));
        Ok(sources)
    }

    /// The inspectorate confirms a source's evidence of `month` up to the latest answer it
    /// was shown (`seen_through`, a response id): those answers become pay evidence in full;
    /// later ones wait for another confirmation. Returns how many answers it covers.
    #[allow(clippy::too_many_arguments)]
    pub async fn confirm_source(
        &self,
        tenant_id: &str,
        month: Month,
        source: &Source,
        seen_through: i64,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<u64, ConfirmError> {
        if matches!(&source.kind, SourceKind::Tickets { issuer } if issuer == actor) {
            return Err(ConfirmError::OwnTickets);
        }
        if self.closed_months(tenant_id).await?.contains(&month) {
            return Err(ConfirmError::MonthClosed(month));
        }
        let policy = self.policy_for(tenant_id, month).await?;
        let answers: Vec<i64> = self
            .sourced_answers(tenant_id, month, &policy)
            .await?
            .into_iter()
            .filter(|a| &a.source == source)
            .map(|a| a.response_id)
            .collect();
        // What the inspectorate was shown, never what arrived while they looked.
        let through = answers
            .iter()
            .copied()
            .filter(|id| *id <= seen_through)
            .max()
            .unwrap_or_default();
        let before = self
            .confirmations(tenant_id, month)
            .await?
            .get(source)
            .map(|c| c.through);
        if !answers
            .iter()
            .any(|id| *id <= through && before.is_none_or(|b| *id > b))
        {
            return Err(ConfirmError::NothingToConfirm);
        }
        let covered = answers.iter().filter(|id| **id <= through).count() as u64;
        let mut tx = self.writer.begin().await?;
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                tenant_id,
                at,
                actor,
                action: "confirm",
                entity: ENTITY,
                entity_id: format!("{month}/{}", source.key()),
                before: None,
                // The entry's id names the source; `through` is the last response it covers.
                after: Some(
                    serde_json::json!({
                        "month": month.to_string(),
                        "unit": source.unit_id,
                        "answers": covered,
                        "through": through,
                    })
                    .to_string(),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(covered)
    }
}
