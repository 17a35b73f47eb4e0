//! Counted responses on a paying channel that are still no evidence for pay: those whose
//! appeal was upheld, and those the pace rule leaves out (`suara_domain::tpp::pace`). The
//! payroll takes them out of the month's running totals, so a run reads a handful of rows
//! beyond the totals: the month's on-site answers naming an officer.

use std::collections::HashSet;

use sqlx::Row;
use suara_domain::integrity::channel::Channel;
use suara_domain::period::Month;
use suara_domain::skm::Answers;
use suara_domain::tpp::pace::{self, OnSite};
use suara_domain::tpp::policy::Policy;

use crate::tpp::stored_answers;
use crate::{Store, StoreError};

/// One response to take out of the pay totals.
pub(crate) struct LeftOut {
    pub unit_id: String,
    pub officer_nip: Option<String>,
    pub answers: Answers,
}

struct Candidate {
    left_out: LeftOut,
    response_id: i64,
    upheld: bool,
    on_site: Option<OnSite>,
}

impl Store {
    /// The counted responses of `month` that pay under `policy` by their channel but are
    /// left out of pay.
    pub(crate) async fn left_out_of_pay(
        &self,
        tenant_id: &str,
        month: Month,
        policy: &Policy,
    ) -> Result<Vec<LeftOut>, StoreError> {
        let sql = format!(
            "SELECT r.response_id, r.unit_id, r.officer_nip, r.channel, r.received_at_us,
                 t.issued_at_us, t.issuer_nip,
                 CASE WHEN EXISTS (SELECT 1 FROM tpp_appeal_decisions d WHERE d.tenant_id = r.tenant_id
                     AND d.response_id = r.response_id AND d.upheld = 1) THEN 1 ELSE 0 END AS upheld,
                 {}
             FROM responses r
             LEFT JOIN tickets t ON t.tenant_id = r.tenant_id AND t.response_id = r.response_id
             WHERE r.tenant_id = $1 AND r.period_month = $2 AND {}
               AND ((r.officer_nip IS NOT NULL AND r.channel IN ($3, $4))
                    OR r.response_id IN (SELECT d.response_id FROM tpp_appeal_decisions d
                        WHERE d.tenant_id = $1 AND d.upheld = 1))",
            crate::responses::ANSWER_COLUMNS
                .iter()
                .map(|c| format!("r.{c}"))
                .collect::<Vec<_>>()
                .join(", "),
            crate::quarantine::COUNTED,
        );
        let rows = sqlx::query(&sql)
            .bind(tenant_id)
            .bind(month.to_string())
            .bind(Channel::Kiosk.code())
            .bind(Channel::Ticket.code())
            .fetch_all(&self.reader)
            .await?;
        let mut candidates = Vec::new();
        for row in &rows {
            let channel: String = row.try_get("channel")?;
            let issuer_nip: Option<String> = row.try_get("issuer_nip")?;
            if crate::totals::pay_trust(&channel, issuer_nip.is_some()) < policy.min_trust {
                continue;
            }
            let response_id: i64 = row.try_get("response_id")?;
            let officer_nip: Option<String> = row.try_get("officer_nip")?;
            let on_site = match &officer_nip {
                Some(officer)
                    if channel == Channel::Kiosk.code() || channel == Channel::Ticket.code() =>
                {
                    Some(OnSite {
                        response_id,
                        officer: officer.clone(),
                        answered_at_us: row.try_get("received_at_us")?,
                        ticket_issued_at_us: row.try_get("issued_at_us")?,
                    })
                }
                _ => None,
            };
            candidates.push(Candidate {
                left_out: LeftOut {
                    unit_id: row.try_get("unit_id")?,
                    officer_nip,
                    answers: stored_answers(row)?,
                },
                response_id,
                upheld: row.try_get::<i64, _>("upheld")? != 0,
                on_site,
            });
        }
        // An upheld appeal takes the answer out of pay before the pace is judged: it is no
        // service the officer gave.
        let paced: Vec<OnSite> = candidates
            .iter()
            .filter(|c| !c.upheld)
            .filter_map(|c| c.on_site.clone())
            .collect();
        let too_fast: HashSet<i64> = pace::left_out(&paced)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        Ok(candidates
            .into_iter()
            .filter(|c| c.upheld || too_fast.contains(&c.response_id))
            .map(|c| c.left_out)
            .collect())
    }
}
