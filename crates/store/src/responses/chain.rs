//! Storing and verifying the hash chain of accepted responses. The hashing rules are in
//! `suara_domain::integrity::chain`; this module reads and writes links and heads.

use sqlx::any::AnyRow;
use sqlx::{Any, AnyConnection, Row, Transaction};
use suara_domain::integrity::chain::{
    content_hash, link_hash, Broken, ChainRecord, Digest32, StoredLink, Verifier,
};
use time::OffsetDateTime;

use suara_domain::integrity::entry_code::EntryKey;
use suara_domain::integrity::signed_head::LogKind;

use crate::{entry_codes, micros, Backend, Result, Store, StoreError};

/// A response's stored columns, owned; borrowed as a [`ChainRecord`] for hashing.
pub(crate) struct OwnedRecord {
    pub idempotency_key: String,
    pub receipt: String,
    pub received_at_us: i64,
    pub period_month: String,
    pub channel: String,
    pub unit: String,
    pub service: Option<String>,
    pub officer: Option<String>,
    pub answers: [Option<i64>; 9],
    pub profile: [Option<String>; 4],
    pub suggestion: Option<String>,
}

impl OwnedRecord {
    /// The columns a response is stored with.
    pub fn of(
        response: &suara_domain::survey::ValidResponse,
        receipt: &str,
        received_at_us: i64,
        period_month: &str,
        channel: suara_domain::integrity::channel::Channel,
    ) -> OwnedRecord {
        use suara_domain::survey::{AgeBand, Education, Occupation, Sex};
        let profile = response.profile;
        OwnedRecord {
            idempotency_key: response.idempotency_key.clone(),
            receipt: receipt.to_string(),
            received_at_us,
            period_month: period_month.to_string(),
            channel: channel.code().to_string(),
            unit: response.unit.clone(),
            service: response.service.clone(),
            officer: response.officer.clone(),
            answers: response
                .answers
                .ratings()
                .map(|r| r.map(|r| i64::from(r.value()))),
            profile: [
                profile.sex.map(Sex::code),
                profile.age_band.map(AgeBand::code),
                profile.education.map(Education::code),
                profile.occupation.map(Occupation::code),
            ]
            .map(|code| code.map(str::to_string)),
            suggestion: response.suggestion.clone(),
        }
    }

    pub fn as_record(&self) -> ChainRecord<'_> {
        ChainRecord {
            idempotency_key: &self.idempotency_key,
            receipt: &self.receipt,
            received_at_us: self.received_at_us,
            period_month: &self.period_month,
            channel: &self.channel,
            unit: &self.unit,
            service: self.service.as_deref(),
            officer: self.officer.as_deref(),
            answers: self.answers,
            profile: [0, 1, 2, 3].map(|i| self.profile[i].as_deref()),
            suggestion: self.suggestion.as_deref(),
        }
    }
}

/// The response columns in [`OwnedRecord`] order, for a query over `responses r`.
pub(crate) const RECORD_COLUMNS: &str =
    "r.idempotency_key, r.receipt, r.received_at_us, r.period_month, r.channel, \
     r.unit_id, r.service_id, r.officer_nip, r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9, \
     r.sex, r.age_band, r.education, r.occupation, r.suggestion";

/// Reads an [`OwnedRecord`] from the [`RECORD_COLUMNS`] of a row; `None` when the
/// response is missing.
pub(crate) fn record_from_row(row: &AnyRow) -> Result<Option<OwnedRecord>> {
    let key: Option<String> = row.try_get("idempotency_key")?;
    let Some(idempotency_key) = key else {
        return Ok(None);
    };
    let mut answers = [None; 9];
    for (slot, column) in answers.iter_mut().zip(super::columns::ANSWER_COLUMNS) {
        // Stored as a small integer; read wide so any value a tamperer writes is hashed.
        *slot = row.try_get::<Option<i64>, _>(column)?;
    }
    Ok(Some(OwnedRecord {
        idempotency_key,
        receipt: row.try_get("receipt")?,
        received_at_us: row.try_get("received_at_us")?,
        period_month: row.try_get("period_month")?,
        channel: row.try_get("channel")?,
        unit: row.try_get("unit_id")?,
        service: row.try_get("service_id")?,
        officer: row.try_get("officer_nip")?,
        answers,
        profile: [
            row.try_get("sex")?,
            row.try_get("age_band")?,
            row.try_get("education")?,
            row.try_get("occupation")?,
        ],
        suggestion: row.try_get("suggestion")?,
    }))
}

/// One stored response's columns, for counting it and hashing it.
pub(crate) async fn read_record(
    conn: &mut AnyConnection,
    tenant_id: &str,
    response_id: i64,
) -> Result<Option<OwnedRecord>> {
    let row = sqlx::query(&format!(
        "SELECT {RECORD_COLUMNS} FROM responses r WHERE r.tenant_id = $1 AND r.response_id = $2"
    ))
    .bind(tenant_id)
    .bind(response_id)
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(row) => record_from_row(&row),
        None => Ok(None),
    }
}

fn digest(text: &str) -> Result<Digest32> {
    Digest32::from_hex(text).ok_or_else(|| StoreError::Corrupt(format!("hash '{text}'")))
}

/// Appends responses to their tenant's chain, in the order given. The head row is locked
/// (PostgreSQL) or the database has one writer (SQLite), so links never fork.
pub(crate) async fn append(
    conn: &mut AnyConnection,
    backend: Backend,
    tenant_id: &str,
    records: &[(i64, &OwnedRecord)],
    at: OffsetDateTime,
    key: Option<&EntryKey>,
) -> Result<()> {
    if records.is_empty() {
        return Ok(());
    }
    let lock = if backend == Backend::Postgres {
        " FOR UPDATE"
    } else {
        ""
    };
    let head = sqlx::query(&format!(
        "SELECT seq, link_hash FROM chain_heads WHERE tenant_id = $1{lock}"
    ))
    .bind(tenant_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(head) = head else {
        return Err(StoreError::Corrupt(format!(
            "tenant {tenant_id} has no chain head"
        )));
    };
    let mut seq: i64 = head.try_get("seq")?;
    let mut previous = digest(&head.try_get::<String, _>("link_hash")?)?;
    let key = entry_codes::writing_key(conn, LogKind::Responses, tenant_id, seq, key).await?;
    for chunk in records.chunks(super::columns::ROWS_PER_STATEMENT) {
        let sql = format!(
            "INSERT INTO chain_links (tenant_id, seq, response_id, content_hash, link_hash, linked_at_us, entry_code)
             VALUES {}",
            crate::placeholder_rows(backend, chunk.len(), 7)
        );
        let mut insert = sqlx::query(&sql);
        for (response_id, record) in chunk {
            seq += 1;
            let content = content_hash(&record.as_record());
            previous = link_hash(&previous, seq as u64, &content);
            insert = insert
                .bind(tenant_id)
                .bind(seq)
                .bind(*response_id)
                .bind(content.to_hex())
                .bind(previous.to_hex())
                .bind(micros(at))
                .bind(key.map(|k| k.code(LogKind::Responses, seq as u64, &previous)));
        }
        insert.execute(&mut *conn).await?;
    }
    sqlx::query("UPDATE chain_heads SET seq = $2, link_hash = $3 WHERE tenant_id = $1")
        .bind(tenant_id)
        .bind(seq)
        .bind(previous.to_hex())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Links every stored response in arrival order; run once when the chain is created.
pub(crate) async fn link_existing(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
) -> Result<()> {
    let rows = sqlx::query(&format!(
        "SELECT r.tenant_id, r.response_id, {RECORD_COLUMNS} FROM responses r ORDER BY r.tenant_id, r.response_id"
    ))
    .fetch_all(&mut **tx)
    .await?;
    let now = OffsetDateTime::now_utc();
    let mut records = Vec::with_capacity(rows.len());
    for row in &rows {
        if let Some(record) = record_from_row(row)? {
            records.push((
                row.try_get::<String, _>("tenant_id")?,
                row.try_get::<i64, _>("response_id")?,
                record,
            ));
        }
    }
    for tenant in records.chunk_by(|a, b| a.0 == b.0) {
        let links: Vec<(i64, &OwnedRecord)> = tenant.iter().map(|(_, id, r)| (*id, r)).collect();
        // Written before codes existed: the prefix that carries none.
        append(tx, backend, &tenant[0].0, &links, now, None).await?;
    }
    Ok(())
}

/// A link that checked out, as [`Store::walk_chain`] shows it.
pub(crate) struct Walked<'a> {
    pub record: &'a OwnedRecord,
    pub content: Digest32,
    /// Answered a ticket issued by a rated officer's own account.
    pub ticket_by_officer: bool,
}

/// What `suara verify` found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainReport {
    /// Links that checked out, and the head they end in.
    pub verified: u64,
    pub head: Digest32,
    /// The first broken link, if any.
    pub broken: Option<Broken>,
    /// The stored head disagrees with the last link.
    pub head_mismatch: bool,
    /// Counted responses with no link: inserted behind the application's back.
    pub unchained: i64,
}

impl ChainReport {
    pub fn is_intact(&self) -> bool {
        self.broken.is_none() && !self.head_mismatch && self.unchained == 0
    }
}

/// Links read per query while verifying.
const VERIFY_PAGE: i64 = 5000;

impl Store {
    /// Recomputes the tenant's whole chain from the stored responses.
    pub async fn verify_chain(&self, tenant_id: &str) -> Result<ChainReport> {
        self.walk_chain(tenant_id, |_| {}).await
    }

    /// [`Store::verify_chain`], showing `visit` every link that checks out, in order.
    pub(crate) async fn walk_chain(
        &self,
        tenant_id: &str,
        mut visit: impl FnMut(Walked<'_>),
    ) -> Result<ChainReport> {
        let mut verifier = Verifier::default();
        let mut broken = None;
        let mut after = 0i64;
        'pages: loop {
            let rows = sqlx::query(&format!(
                "SELECT l.seq, l.content_hash, l.link_hash, {RECORD_COLUMNS},
                     (SELECT COUNT(*) FROM tickets t WHERE t.tenant_id = r.tenant_id
                          AND t.response_id = r.response_id AND t.issuer_nip IS NOT NULL)
                         AS officer_tickets
                 FROM chain_links l
                 LEFT JOIN responses r ON r.tenant_id = l.tenant_id AND r.response_id = l.response_id
                 WHERE l.tenant_id = $1 AND l.seq > $2 ORDER BY l.seq LIMIT $3"
            ))
            .bind(tenant_id)
            .bind(after)
            .bind(VERIFY_PAGE)
            .fetch_all(&self.reader)
            .await?;
            if rows.is_empty() {
                break;
            }
            for row in &rows {
                let seq: i64 = row.try_get("seq")?;
                let record = record_from_row(row)?;
                let link = StoredLink {
                    seq: seq as u64,
                    receipt: record.as_ref().map(|r| r.receipt.clone()),
                    recomputed_content: record.as_ref().map(|r| content_hash(&r.as_record())),
                    stored_content: digest(&row.try_get::<String, _>("content_hash")?)?,
                    stored_link: digest(&row.try_get::<String, _>("link_hash")?)?,
                };
                if let Err(problem) = verifier.check(&link) {
                    broken = Some(problem);
                    break 'pages;
                }
                if let Some(record) = &record {
                    visit(Walked {
                        record,
                        content: link.stored_content,
                        ticket_by_officer: row.try_get::<i64, _>("officer_tickets")? > 0,
                    });
                }
                after = seq;
            }
        }
        let (verified, head) = verifier.head();
        let stored_head =
            sqlx::query("SELECT seq, link_hash FROM chain_heads WHERE tenant_id = $1")
                .bind(tenant_id)
                .fetch_optional(&self.reader)
                .await?;
        let head_mismatch = match stored_head {
            Some(row) if broken.is_none() => {
                row.try_get::<i64, _>("seq")? as u64 != verified
                    || digest(&row.try_get::<String, _>("link_hash")?)? != head
            }
            Some(_) => false,
            None => true,
        };
        // Held responses join the chain only when accepted.
        let unchained: i64 = sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM responses r WHERE r.tenant_id = $1 AND {} AND NOT EXISTS
                 (SELECT 1 FROM chain_links l WHERE l.tenant_id = r.tenant_id AND l.response_id = r.response_id)",
            super::columns::COUNTED
        ))
        .bind(tenant_id)
        .fetch_one(&self.reader)
        .await?;
        Ok(ChainReport {
            verified,
            head,
            broken,
            head_mismatch,
            unchained,
        })
    }

    /// The chain head as it stood at each given instant: `(links, hash)`, or `None` before
    /// the first link. For the public daily heads.
    pub async fn chain_heads_at(
        &self,
        tenant_id: &str,
        instants: &[OffsetDateTime],
    ) -> Result<Vec<Option<(u64, Digest32)>>> {
        let mut heads = Vec::with_capacity(instants.len());
        for at in instants {
            let row = sqlx::query(
                "SELECT seq, link_hash FROM chain_links WHERE tenant_id = $1 AND linked_at_us < $2
                 ORDER BY seq DESC LIMIT 1",
            )
            .bind(tenant_id)
            .bind(micros(*at))
            .fetch_optional(&self.reader)
            .await?;
            heads.push(
                row.map(|row| {
                    Ok::<_, StoreError>((
                        row.try_get::<i64, _>("seq")? as u64,
                        digest(&row.try_get::<String, _>("link_hash")?)?,
                    ))
                })
                .transpose()?,
            );
        }
        Ok(heads)
    }
}
