//! Counted responses on a paying channel that are still no evidence for pay: those whose
//! appeal was upheld, and those the pace rule leaves out (`suara_domain::tpp::pace`). The
//! payroll takes them out of the month's running totals; for the confirmed evidence
//! (`suara_domain::tpp::sources`) it also takes out the answers no confirmation covers.

use std::collections::{HashMap, HashSet};

use sqlx::Row;
use suara_domain::integrity::channel::Trust;
use suara_domain::period::Month;
use suara_domain::skm::Answers;
use suara_domain::tpp::pace::{self, OnSite};
use suara_domain::tpp::policy::Policy;
use suara_domain::tpp::sources::{self, Source};

use crate::responses::stored_answers;
use crate::{Store, StoreError};

/// One response to take out of the pay totals.
pub(crate) struct LeftOut {
    pub response_id: i64,
    pub unit_id: String,
    pub officer_nip: Option<String>,
    pub received_at_us: i64,
    pub answers: Answers,
}

/// Microseconds in a day.
pub(crate) const DAY_US: i64 = 86_400_000_000;

/// The confirmed evidence of a month, against all of it.
pub(crate) enum Confirmed {
    /// Every answer is confirmed (or the policy has no such rule): the same evidence.
    All,
    /// The month's totals less these answers (the unconfirmed ones, and the confirmed ones
    /// the pace rule leaves out among themselves).
    AllBut(Vec<LeftOut>),
    /// These answers alone.
    Only(Vec<LeftOut>),
}

impl Store {
    /// The counted responses of `month` that pay under `policy` by their channel but are
    /// left out of pay. Two light reads: the month's on-site answers naming an officer
    /// (times and channel only) for the pace rule, then the answers of the few left out.
    pub(crate) async fn left_out_of_pay(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
        within: Option<&HashSet<i64>>,
    ) -> Result<Vec<LeftOut>, StoreError> {
        let within = |id: &i64| within.is_none_or(|set| set.contains(id));
        let pays = |channel: &str, issuer_nip: Option<&str>| {
            crate::responses::totals::pay_trust(channel, issuer_nip.is_some()) >= policy.min_trust
        };
        let held: HashSet<i64> = sqlx::query_scalar(
            // CROSS JOIN keeps SQLite's planner on the few held rows, not the month's many.
            "SELECT q.response_id FROM quarantine q CROSS JOIN responses r
             WHERE q.tenant_id = $1 AND r.tenant_id = q.tenant_id AND r.response_id = q.response_id
               AND r.period_month = $2 AND NOT EXISTS
                 (SELECT 1 FROM quarantine_decisions d WHERE d.tenant_id = q.tenant_id
                      AND d.response_id = q.response_id AND d.accepted = 1)",
        )
        .bind(tenant_id)
        .bind(month.to_string())
        .fetch_all(&self.reader)
        .await?
        .into_iter()
        .collect();
        // The literals match the partial index `responses_on_site_by_month`.
        let rows = sqlx::query(
            "SELECT r.response_id, r.officer_nip, r.channel, r.received_at_us,
                 t.issued_at_us, t.issuer_nip
             FROM responses r
             LEFT JOIN tickets t ON r.channel = 'ticket' AND t.tenant_id = r.tenant_id
                 AND t.response_id = r.response_id
             WHERE r.tenant_id = $1 AND r.period_month = $2 AND r.officer_nip IS NOT NULL
               AND r.channel IN ('kiosk', 'ticket')",
        )
        .bind(tenant_id)
        .bind(month.to_string())
        .fetch_all(&self.reader)
        .await?;
        let upheld: HashSet<i64> = sqlx::query_scalar(
            "SELECT response_id FROM tpp_appeal_decisions WHERE tenant_id = $1 AND upheld = 1",
        )
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?
        .into_iter()
        .collect();
        let mut paced = Vec::with_capacity(rows.len());
        for row in &rows {
            let response_id: i64 = row.try_get("response_id")?;
            let channel: String = row.try_get("channel")?;
            let issuer_nip: Option<String> = row.try_get("issuer_nip")?;
            // An upheld appeal takes the answer out of pay before the pace is judged: it is
            // no service the officer gave.
            if held.contains(&response_id)
                || upheld.contains(&response_id)
                || !within(&response_id)
                || !pays(&channel, issuer_nip.as_deref())
            {
                continue;
            }
            paced.push(OnSite {
                response_id,
                officer: row.try_get("officer_nip")?,
                answered_at_us: row.try_get("received_at_us")?,
                ticket_issued_at_us: row.try_get("issued_at_us")?,
            });
        }
        let ids: Vec<i64> = pace::left_out(&paced)
            .into_iter()
            .map(|(id, _)| id)
            .chain(upheld.into_iter().filter(within))
            .collect();
        self.answers_left_out(tenant_id, month, policy, ids).await
    }

    /// What the confirmed evidence alone is (see `suara_domain::tpp::sources`), read the
    /// cheaper way: nothing to read when every answer is confirmed or none is, else the
    /// answers of the smaller side by id.
    pub(crate) async fn confirmed_evidence(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
    ) -> Result<Confirmed, StoreError> {
        if policy
            .evidence
            .as_ref()
            .is_none_or(|rule| rule.unconfirmed_percent.is_none())
        {
            return Ok(Confirmed::All);
        }
        let through: HashMap<Source, i64> = self
            .confirmations(tenant_id, month)
            .await?
            .into_iter()
            .map(|(source, confirmed)| (source, confirmed.through))
            .collect();
        // The usual months need no answer read one by one: before the inspectorate has
        // confirmed anything the confirmed evidence is none, and once every source is
        // confirmed up to its latest answer it is all of it.
        if through.is_empty() {
            return Ok(Confirmed::Only(Vec::new()));
        }
        let latest = self.latest_by_source(tenant_id, month, policy).await?;
        if latest
            .iter()
            .all(|(source, id)| through.get(source).is_some_and(|t| id <= t))
        {
            return Ok(Confirmed::All);
        }
        let answers = self.sourced_answers(tenant_id, month, policy).await?;
        let unconfirmed: HashSet<i64> = sources::unconfirmed(&answers, &through)
            .into_iter()
            .collect();
        let confirmed: HashSet<i64> = answers
            .iter()
            .map(|a| a.response_id)
            .filter(|id| !unconfirmed.contains(id))
            .collect();
        // The pace rule judges the confirmed answers among themselves: an unconfirmed tap
        // just before each genuine service must not push the genuine ones out.
        let left_out = self
            .left_out_of_pay(tenant_id, month, policy, Some(&confirmed))
            .await?;
        let paced_out: HashSet<i64> = left_out.iter().map(|l| l.response_id).collect();
        let kept: Vec<i64> = confirmed
            .iter()
            .copied()
            .filter(|id| !paced_out.contains(id))
            .collect();
        Ok(if kept.len() < unconfirmed.len() {
            Confirmed::Only(
                self.answers_left_out(tenant_id, month, policy, kept)
                    .await?,
            )
        } else {
            let ids = unconfirmed.into_iter().collect();
            let mut without = left_out;
            without.extend(self.answers_left_out(tenant_id, month, policy, ids).await?);
            Confirmed::AllBut(without)
        })
    }

    /// The answers of the responses `ids` of `month` that are counted and pay under
    /// `policy` by their channel.
    async fn answers_left_out(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
        mut ids: Vec<i64>,
    ) -> Result<Vec<LeftOut>, StoreError> {
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let columns = format!(
            "r.response_id, r.unit_id, r.officer_nip, r.channel, r.received_at_us, t.issuer_nip, {}",
            crate::responses::ANSWER_COLUMNS
                .iter()
                .map(|c| format!("r.{c}"))
                .collect::<Vec<_>>()
                .join(", "),
        );
        let mut rows = Vec::new();
        for chunk in ids.chunks(crate::responses::ROWS_PER_STATEMENT) {
            let list = chunk
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "SELECT {columns}
                 FROM responses r
                 LEFT JOIN tickets t ON t.tenant_id = r.tenant_id AND t.response_id = r.response_id
                 WHERE r.tenant_id = $1 AND r.period_month = $2 AND r.response_id IN ({list})
                   AND {}",
                crate::responses::COUNTED,
            );
            rows.extend(
                sqlx::query(&sql)
                    .bind(tenant_id)
                    .bind(month.to_string())
                    .fetch_all(&self.reader)
                    .await?,
            );
        }
        let mut left_out = Vec::with_capacity(rows.len());
        for row in &rows {
            let channel: String = row.try_get("channel")?;
            let issuer_nip: Option<String> = row.try_get("issuer_nip")?;
            if crate::responses::totals::pay_trust(&channel, issuer_nip.is_some())
                < policy.min_trust
            {
                continue;
            }
            left_out.push(LeftOut {
                response_id: row.try_get("response_id")?,
                unit_id: row.try_get("unit_id")?,
                officer_nip: row.try_get("officer_nip")?,
                received_at_us: row.try_get("received_at_us")?,
                answers: stored_answers(row)?,
            });
        }
        Ok(left_out)
    }

    /// On how many distinct days of the regency's calendar each unit's pay evidence of
    /// `month` was given: its counted responses on a paying channel, less those left out.
    /// One grouped read of the month's answers (for on-site policies, from their own index).
    pub(crate) async fn evidence_days(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
        utc_offset_minutes: i32,
        left_out: &[LeftOut],
    ) -> Result<HashMap<String, HashSet<i64>>, StoreError> {
        // A policy that asks for no spread of days needs no count of them.
        if policy
            .evidence
            .as_ref()
            .is_none_or(|rule| rule.min_days == 0)
        {
            return Ok(HashMap::new());
        }
        let channels = if policy.min_trust > Trust::Open {
            // The literals match the partial index `responses_on_site_by_unit_day`.
            "AND r.channel IN ('kiosk', 'ticket')"
        } else {
            ""
        };
        let sql = format!(
            "SELECT r.unit_id, r.channel,
                 CAST((r.received_at_us + $3) / {DAY_US} AS BIGINT) AS local_day,
                 CAST(COUNT(*) AS BIGINT) AS answers,
                 CAST(SUM(CASE WHEN t.issuer_nip IS NULL THEN 0 ELSE 1 END) AS BIGINT) AS by_officer
             FROM responses r
             LEFT JOIN tickets t ON r.channel = 'ticket' AND t.tenant_id = r.tenant_id
                 AND t.response_id = r.response_id
             WHERE r.tenant_id = $1 AND r.period_month = $2 {channels} AND {}
             GROUP BY r.unit_id, r.channel, CAST((r.received_at_us + $3) / {DAY_US} AS BIGINT)",
            crate::responses::COUNTED
        );
        let offset_us = i64::from(utc_offset_minutes) * 60_000_000;
        let rows = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(month.to_string())
            .bind(offset_us)
            .fetch_all(&self.reader)
            .await?;
        let pays = |channel: &str, by_officer: bool| {
            crate::responses::totals::pay_trust(channel, by_officer) >= policy.min_trust
        };
        let mut answers: HashMap<(String, i64), i64> = HashMap::new();
        for row in &rows {
            let channel: String = row.try_get("channel")?;
            let all: i64 = row.try_get("answers")?;
            let by_officer: i64 = row.try_get("by_officer")?;
            let paying = if pays(&channel, false) {
                all - by_officer
            } else {
                0
            } + if pays(&channel, true) { by_officer } else { 0 };
            *answers
                .entry((row.try_get("unit_id")?, row.try_get("local_day")?))
                .or_default() += paying;
        }
        for left in left_out {
            let day = (left.received_at_us + offset_us).div_euclid(DAY_US);
            if let Some(n) = answers.get_mut(&(left.unit_id.clone(), day)) {
                *n -= 1;
            }
        }
        let mut days: HashMap<String, HashSet<i64>> = HashMap::new();
        for ((unit_id, day), n) in answers {
            if n > 0 {
                days.entry(unit_id).or_default().insert(day);
            }
        }
        Ok(days)
    }
}

#[cfg(test)]
mod tests {
    use crate::Channel;

    /// The pace rule's read and its partial index name the on-site channels by their codes
    /// as literals (a planner matches a partial index only on literals): they must stay the
    /// codes the store writes.
    #[test]
    fn the_on_site_literals_are_the_channels_codes() {
        let on_site = format!("'{}', '{}'", Channel::Kiosk.code(), Channel::Ticket.code());
        assert_eq!(on_site, "'kiosk', 'ticket'");
        let index = include_str!("../migrations/shared/0027_pace_index.sql");
        assert!(index.contains(&format!("channel IN ({on_site})")));
        let days_index = include_str!("../migrations/shared/0028_evidence_days.sql");
        assert!(days_index.contains(&format!("channel IN ({on_site})")));
        let source = include_str!("pay_evidence.rs");
        assert!(source.contains(&format!("r.channel IN ({on_site})")));
        assert!(source.contains(&format!("r.channel = '{}'", Channel::Ticket.code())));
    }
}
