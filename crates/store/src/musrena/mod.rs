//! Musrena Keren in the database: forums (participants counted, never named), proposals with
//! their scores and votes, every lifecycle step (append-only, checked by the domain's state
//! machine in the same transaction that records it) and photos.

mod map;
mod merge;
mod offline;
mod progress;
mod recommendations;
mod rules;

pub use map::VillageFigures;
pub use merge::Link;
pub use offline::{valid_key, OfflineItem, OfflineOutcome, MAX_ASSISTED_VOTES};
pub use progress::StoredProgress;

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use suara_domain::decimal::Decimal;
use suara_domain::musrena::catalogue::{cost, settle_cost};
use suara_domain::musrena::forum::{Accommodation, Group, Level, Participants};
use suara_domain::musrena::lifecycle::{self, Action, Stage, TransitionError};
use suara_domain::musrena::proposal::{PhotoType, Proposal, RabType, Sector, MAX_PHOTOS};
use suara_domain::org::village::{Point, Village};
use suara_domain::sdg::SdgTarget;
use time::{Date, OffsetDateTime};

use crate::audit::{self, AuditRecord};
use crate::{corrupt, micros, money, parse_date, to_u64, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum MusrenaError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Transition(#[from] TransitionError),
    #[error("{0}")]
    Progress(#[from] suara_domain::musrena::progress::ProgressError),
    #[error("{0}")]
    Rule(suara_domain::musrena::ranking::RuleError),
    #[error("ranking rule version '{0}' is already saved; a saved version never changes")]
    RuleVersionTaken(String),
    #[error("there is no forum '{0}'")]
    NoSuchForum(String),
    #[error("there is no proposal '{0}'")]
    NoSuchProposal(String),
    #[error("'{0}' is not a district of this regency")]
    UnknownDistrict(String),
    #[error("'{0}' is not a village of this regency")]
    UnknownVillage(String),
    #[error("village '{village}' is not in district '{district}'")]
    VillageOutsideDistrict { village: String, district: String },
    #[error("'{0}' is not in the catalogue of activities")]
    UnknownActivity(String),
    #[error("'{0}' is not one of the regency's strategic issues")]
    UnknownIssue(String),
    #[error("{0}")]
    Cost(#[from] suara_domain::musrena::catalogue::CostError),
    #[error("{0}")]
    Merge(#[from] suara_domain::musrena::merge::MergeError),
    #[error("a proposal has at most 3 photos")]
    TooManyPhotos,
    #[error("proposal {code}: {error}")]
    InBulk {
        code: String,
        error: Box<MusrenaError>,
    },
}

impl From<sqlx::Error> for MusrenaError {
    fn from(error: sqlx::Error) -> MusrenaError {
        MusrenaError::Store(StoreError::from(error))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Forum {
    pub forum_id: String,
    pub level: Level,
    pub district_id: Option<String>,
    pub village: Option<String>,
    pub held_on: Date,
    pub place: String,
    pub facilitator: String,
    pub accommodations: Vec<Accommodation>,
    pub participants: Participants,
    /// The ranking rule's version (`None`: the standard rule), set when the forum is recorded.
    pub rule_version: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredProposal {
    pub code: String,
    pub forum_id: String,
    pub forum_level: Level,
    /// Order of entry in the forum.
    pub seq: i64,
    pub proposal: Proposal,
    /// The village's name, when its code is one of the regency's villages.
    pub village_name: Option<String>,
    /// The catalogue entry it picked, as the catalogue has it now.
    pub activity: Option<Activity>,
    pub issue_name: Option<String>,
    pub district_id: Option<String>,
    pub easy_read: bool,
    pub stage: Stage,
    pub votes: u32,
    /// Scores on the forum's criteria, empty until scored.
    pub scores: Vec<u8>,
    pub budget_amount: Option<u64>,
    pub submitted_on: Date,
}

/// What a proposal shows of its catalogue entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activity {
    pub name: String,
    pub measure: String,
    /// The responsible unit (OPD).
    pub unit_id: String,
    pub affair: String,
    pub unit_price: u64,
}

impl StoredProposal {
    /// The village's name, or its code as stored when it is not (or no longer) one of the
    /// regency's villages.
    pub fn village_label(&self) -> &str {
        self.village_name
            .as_deref()
            .unwrap_or(&self.proposal.village)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProposalStep {
    pub action: String,
    pub stage_after: Stage,
    pub on: Date,
    pub actor: String,
    pub reason: Option<String>,
    pub amount: Option<u64>,
    pub evidence: Option<String>,
}

fn codes<T: Copy>(values: &[T], code: impl Fn(T) -> &'static str) -> String {
    values
        .iter()
        .map(|v| code(*v))
        .collect::<Vec<_>>()
        .join(",")
}

fn from_codes<T>(text: &str, parse: impl Fn(&str) -> Option<T>) -> Result<Vec<T>, StoreError> {
    text.split(',')
        .filter(|c| !c.is_empty())
        .map(|c| parse(c).ok_or_else(|| corrupt(format!("code '{c}'"))))
        .collect()
}

fn counts_text(counts: &[u32]) -> String {
    counts
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn counts_from(text: &str) -> Result<Vec<u32>, StoreError> {
    text.split(',')
        .filter(|c| !c.is_empty())
        .map(|c| c.parse().map_err(|_| corrupt(format!("count '{c}'"))))
        .collect()
}

/// Public proposal codes: `MR-XXXXX-XXXXX` in Crockford base32, easy to read out and type.
fn new_code() -> String {
    use rand::Rng;
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut rng = rand::thread_rng();
    let mut chars = (0..10).map(|_| ALPHABET[rng.gen_range(0..32)] as char);
    let first: String = chars.by_ref().take(5).collect();
    let second: String = chars.collect();
    format!("MR-{first}-{second}")
}

const FORUM_COLUMNS: &str = "forum_id, level, district_id, village, held_on, place, facilitator,
    accommodations, participants, by_group, rule_version";

fn forum_from_row(row: &AnyRow) -> Result<Forum, StoreError> {
    let level: String = row.try_get("level")?;
    let held_on: String = row.try_get("held_on")?;
    let accommodations: String = row.try_get("accommodations")?;
    let by_group = counts_from(&row.try_get::<String, _>("by_group")?)?;
    let mut participants = Participants {
        total: u32::try_from(row.try_get::<i64, _>("participants")?).unwrap_or(0),
        ..Participants::default()
    };
    for (group, count) in Group::ALL.into_iter().zip(by_group) {
        participants.set(group, count);
    }
    Ok(Forum {
        forum_id: row.try_get("forum_id")?,
        level: Level::from_code(&level).ok_or_else(|| corrupt(format!("level '{level}'")))?,
        district_id: row.try_get("district_id")?,
        village: row.try_get("village")?,
        held_on: parse_date(&held_on)?,
        place: row.try_get("place")?,
        facilitator: row.try_get("facilitator")?,
        accommodations: from_codes(&accommodations, Accommodation::from_code)?,
        participants,
        rule_version: row.try_get("rule_version")?,
    })
}

const PROPOSAL_COLUMNS: &str = "p.code, p.forum_id, f.level, p.seq, p.title, p.problem,
    p.activity, p.sector, p.district_id, p.village, p.estimated_cost, p.proposed_by,
    p.beneficiaries, p.easy_read, p.stage, p.votes, p.scores, p.budget_amount, p.submitted_on,
    p.sdgs, p.address, p.latitude_e7, p.longitude_e7, v.name AS village_name, p.activity_code,
    p.volume, p.issue_code, p.cost_reason, c.name AS activity_name, c.measure, c.unit_id AS activity_unit,
    c.affair, c.unit_price, i.name AS issue_name";

const PROPOSAL_FROM: &str = "musrena_proposals p JOIN musrena_forums f
    ON f.tenant_id = p.tenant_id AND f.forum_id = p.forum_id
    LEFT JOIN villages v ON v.tenant_id = p.tenant_id AND v.village_code = p.village
    LEFT JOIN musrena_catalogue c ON c.tenant_id = p.tenant_id AND c.code = p.activity_code
    LEFT JOIN musrena_issues i ON i.tenant_id = p.tenant_id AND i.issue_code = p.issue_code";

fn proposal_from_row(row: &AnyRow) -> Result<StoredProposal, StoreError> {
    let level: String = row.try_get("level")?;
    let sector: String = row.try_get("sector")?;
    let stage: String = row.try_get("stage")?;
    let beneficiaries = counts_from(&row.try_get::<String, _>("beneficiaries")?)?;
    let cost: Option<i64> = row.try_get("estimated_cost")?;
    let budget: Option<i64> = row.try_get("budget_amount")?;
    let scores = counts_from(&row.try_get::<String, _>("scores")?)?;
    let point = match (
        row.try_get::<Option<i64>, _>("longitude_e7")?,
        row.try_get::<Option<i64>, _>("latitude_e7")?,
    ) {
        (Some(lon), Some(lat)) => Some(Point {
            lon: i32::try_from(lon).map_err(|_| corrupt(format!("longitude {lon}")))?,
            lat: i32::try_from(lat).map_err(|_| corrupt(format!("latitude {lat}")))?,
        }),
        _ => None,
    };
    Ok(StoredProposal {
        code: row.try_get("code")?,
        forum_id: row.try_get("forum_id")?,
        forum_level: Level::from_code(&level).ok_or_else(|| corrupt(format!("level '{level}'")))?,
        seq: row.try_get("seq")?,
        proposal: Proposal {
            title: row.try_get("title")?,
            problem: row.try_get("problem")?,
            activity: row.try_get("activity")?,
            sector: Sector::from_code(&sector)
                .ok_or_else(|| corrupt(format!("sector '{sector}'")))?,
            village: row.try_get("village")?,
            address: row.try_get("address")?,
            point,
            estimated_cost: cost.map(to_u64).transpose()?,
            proposed_by: from_codes(&row.try_get::<String, _>("proposed_by")?, Group::from_code)?,
            beneficiaries: Group::ALL
                .into_iter()
                .zip(beneficiaries)
                .filter(|(_, n)| *n > 0)
                .collect(),
            sdgs: from_codes(&row.try_get::<String, _>("sdgs")?, SdgTarget::parse)?,
            activity_code: row.try_get("activity_code")?,
            volume: row
                .try_get::<Option<String>, _>("volume")?
                .map(|v| Decimal::parse(&v).ok_or_else(|| corrupt(format!("volume '{v}'"))))
                .transpose()?,
            issue: row.try_get("issue_code")?,
            cost_reason: row.try_get("cost_reason")?,
        },
        activity: match row.try_get::<Option<String>, _>("activity_name")? {
            Some(name) => Some(Activity {
                name,
                measure: row.try_get("measure")?,
                unit_id: row.try_get("activity_unit")?,
                affair: row.try_get("affair")?,
                unit_price: to_u64(row.try_get("unit_price")?)?,
            }),
            None => None,
        },
        issue_name: row.try_get("issue_name")?,
        village_name: row.try_get("village_name")?,
        district_id: row.try_get("district_id")?,
        easy_read: row.try_get::<i64, _>("easy_read")? != 0,
        stage: Stage::from_code(&stage).ok_or_else(|| corrupt(format!("stage '{stage}'")))?,
        votes: u32::try_from(row.try_get::<i64, _>("votes")?).unwrap_or(0),
        scores: scores
            .into_iter()
            .map(|s| u8::try_from(s).unwrap_or(0))
            .collect(),
        budget_amount: budget.map(to_u64).transpose()?,
        submitted_on: parse_date(&row.try_get::<String, _>("submitted_on")?)?,
    })
}

/// What to list of the public proposals.
#[derive(Clone, Debug, Default)]
pub struct ProposalFilter {
    pub district_id: Option<String>,
    pub sector: Option<Sector>,
    pub group: Option<Group>,
    pub stage: Option<Stage>,
    pub forum_id: Option<String>,
    /// An SDG goal (1–17) it serves, directly or by one of its targets.
    pub sdg_goal: Option<u8>,
    /// The village's code.
    pub village: Option<String>,
    /// The year it was submitted in.
    pub year: Option<i32>,
}

impl Store {
    async fn check_district(
        conn: &mut AnyConnection,
        tenant_id: &str,
        district: Option<&str>,
    ) -> Result<(), MusrenaError> {
        if let Some(district) = district {
            let found = sqlx::query("SELECT 1 FROM units WHERE tenant_id = $1 AND unit_id = $2")
                .bind(tenant_id)
                .bind(district)
                .fetch_optional(&mut *conn)
                .await?;
            if found.is_none() {
                return Err(MusrenaError::UnknownDistrict(district.to_string()));
            }
        }
        Ok(())
    }

    /// The village must be one of the regency's, and in `district` when one is given.
    async fn check_village(
        conn: &mut AnyConnection,
        tenant_id: &str,
        village: &str,
        district: Option<&str>,
    ) -> Result<Village, MusrenaError> {
        let found = crate::villages::find(conn, tenant_id, village)
            .await?
            .ok_or_else(|| MusrenaError::UnknownVillage(village.to_string()))?;
        match district {
            Some(d) if d != found.district_unit => Err(MusrenaError::VillageOutsideDistrict {
                village: village.to_string(),
                district: d.to_string(),
            }),
            _ => Ok(found),
        }
    }

    /// Records a forum; its code is the year and a running number (`2026-007`).
    pub async fn create_forum(
        &self,
        tenant_id: &str,
        forum: &Forum,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<String, MusrenaError> {
        let mut tx = self.writer.begin().await?;
        Store::check_district(&mut tx, tenant_id, forum.district_id.as_deref()).await?;
        if let Some(village) = &forum.village {
            Store::check_village(&mut tx, tenant_id, village, forum.district_id.as_deref()).await?;
        }
        let year = forum.held_on.year();
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM musrena_forums WHERE tenant_id = $1 AND forum_id LIKE $2",
        )
        .bind(tenant_id)
        .bind(format!("{year}-%"))
        .fetch_one(&mut *tx)
        .await?;
        let forum_id = format!("{year}-{:03}", count + 1);
        sqlx::query(&format!(
            "INSERT INTO musrena_forums (tenant_id, {FORUM_COLUMNS}, created_by, created_at_us)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
        ))
        .bind(tenant_id)
        .bind(&forum_id)
        .bind(forum.level.code())
        .bind(&forum.district_id)
        .bind(&forum.village)
        .bind(forum.held_on.to_string())
        .bind(&forum.place)
        .bind(&forum.facilitator)
        .bind(codes(&forum.accommodations, Accommodation::code))
        .bind(i64::from(forum.participants.total))
        .bind(counts_text(&forum.participants.by_group))
        .bind(rules::newest_version(&mut tx, tenant_id).await?)
        .bind(actor)
        .bind(micros(at))
        .execute(&mut *tx)
        .await?;
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                tenant_id,
                at,
                actor,
                action: "create",
                entity: "musrena_forum",
                entity_id: forum_id.clone(),
                before: None,
                after: Some(
                    serde_json::json!({
                        "level": forum.level.code(),
                        "district": forum.district_id,
                        "village": forum.village,
                        "held_on": forum.held_on.to_string(),
                        "participants": forum.participants.total,
                    })
                    .to_string(),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(forum_id)
    }

    /// Forums, latest first.
    pub async fn forums(&self, tenant_id: &str) -> Result<Vec<Forum>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {FORUM_COLUMNS} FROM musrena_forums WHERE tenant_id = $1
             ORDER BY held_on DESC, forum_id DESC"
        ))
        .bind(tenant_id)
        .fetch_all(&self.reader)
        .await?;
        rows.iter().map(forum_from_row).collect()
    }

    pub async fn forum(
        &self,
        tenant_id: &str,
        forum_id: &str,
    ) -> Result<Option<Forum>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {FORUM_COLUMNS} FROM musrena_forums WHERE tenant_id = $1 AND forum_id = $2"
        ))
        .bind(tenant_id)
        .bind(forum_id)
        .fetch_optional(&self.reader)
        .await?;
        row.as_ref().map(forum_from_row).transpose()
    }

    /// The account that recorded a forum (told when its proposals move on).
    pub async fn forum_recorder(
        &self,
        tenant_id: &str,
        forum_id: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT created_by FROM musrena_forums WHERE tenant_id = $1 AND forum_id = $2",
        )
        .bind(tenant_id)
        .bind(forum_id)
        .fetch_optional(&self.reader)
        .await?)
    }

    /// Adds a checked proposal to a forum, submitted on `on`; returns its public code.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_proposal(
        &self,
        tenant_id: &str,
        forum_id: &str,
        proposal: &Proposal,
        easy_read: bool,
        on: Date,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<String, MusrenaError> {
        let mut tx = self.writer.begin().await?;
        let code = add_proposal_in(
            &mut tx, self, tenant_id, forum_id, proposal, easy_read, on, actor, at,
        )
        .await?;
        tx.commit().await?;
        Ok(code)
    }

    /// Proposals matching the filter, by forum and order of entry.
    pub async fn proposals(
        &self,
        tenant_id: &str,
        filter: &ProposalFilter,
    ) -> Result<Vec<StoredProposal>, StoreError> {
        Ok(self.proposals_page(tenant_id, filter, 0, None).await?.0)
    }

    /// A page of the proposals matching the filter (`limit` of them from `offset`, all when
    /// `None`), in the same order, and how many match in all.
    pub async fn proposals_page(
        &self,
        tenant_id: &str,
        filter: &ProposalFilter,
        offset: u64,
        limit: Option<u64>,
    ) -> Result<(Vec<StoredProposal>, u64), StoreError> {
        let mut conditions = vec!["p.tenant_id = $1".to_string()];
        let mut binds: Vec<String> = Vec::new();
        let mut add = |condition: &str, value: String| {
            binds.push(value);
            conditions.push(condition.replace('?', &format!("${}", binds.len() + 1)));
        };
        if let Some(d) = &filter.district_id {
            add("p.district_id = ?", d.clone());
        }
        if let Some(v) = &filter.village {
            add("p.village = ?", v.clone());
        }
        if let Some(s) = filter.sector {
            add("p.sector = ?", s.code().to_string());
        }
        if let Some(st) = filter.stage {
            add("p.stage = ?", st.code().to_string());
        }
        if let Some(f) = &filter.forum_id {
            add("p.forum_id = ?", f.clone());
        }
        if let Some(year) = filter.year {
            // Dates are stored as `YYYY-MM-DD`.
            add("p.submitted_on LIKE ?", format!("{year:04}-%"));
        }
        if let Some(goal) = filter.sdg_goal {
            // `3.8,16.6` reads as `,3,.8,16,.6,`: a goal is a whole item, targets are not.
            add(
                "(',' || REPLACE(p.sdgs, '.', ',.') || ',') LIKE ?",
                format!("%,{goal},%"),
            );
        }
        if let Some(g) = filter.group {
            // Codes are comma-separated without spaces; match a whole code.
            add(
                "(',' || p.proposed_by || ',') LIKE ?",
                format!("%,{},%", g.code()),
            );
        }
        let conditions = conditions.join(" AND ");
        let window = match limit {
            // Bound as numbers in the text: both are integers the caller cannot make into SQL.
            Some(limit) => format!(" LIMIT {limit} OFFSET {offset}"),
            None => String::new(),
        };
        let sql = format!(
            "SELECT {PROPOSAL_COLUMNS} FROM {PROPOSAL_FROM} WHERE {conditions}
             ORDER BY f.held_on DESC, p.forum_id DESC, p.seq{window}"
        );
        let mut query = sqlx::query(&sql).bind(tenant_id);
        for value in &binds {
            query = query.bind(value);
        }
        let rows = query.fetch_all(&self.reader).await?;
        let proposals = rows
            .iter()
            .map(proposal_from_row)
            .collect::<Result<Vec<_>, _>>()?;
        let total = if limit.is_none() {
            proposals.len() as u64
        } else {
            let sql = format!("SELECT COUNT(*) FROM {PROPOSAL_FROM} WHERE {conditions}");
            let mut query = sqlx::query_scalar::<_, i64>(&sql).bind(tenant_id);
            for value in &binds {
                query = query.bind(value);
            }
            to_u64(query.fetch_one(&self.reader).await?)?
        };
        Ok((proposals, total))
    }

    /// One proposal and its history, oldest step first.
    pub async fn proposal(
        &self,
        tenant_id: &str,
        code: &str,
    ) -> Result<Option<(StoredProposal, Vec<ProposalStep>)>, StoreError> {
        let row = sqlx::query(&format!(
            "SELECT {PROPOSAL_COLUMNS} FROM {PROPOSAL_FROM} WHERE p.tenant_id = $1 AND p.code = $2"
        ))
        .bind(tenant_id)
        .bind(code)
        .fetch_optional(&self.reader)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let proposal = proposal_from_row(&row)?;
        let steps = sqlx::query(
            "SELECT action, stage_after, on_date, actor, reason, amount, evidence FROM musrena_steps
             WHERE tenant_id = $1 AND code = $2 ORDER BY step_no",
        )
        .bind(tenant_id)
        .bind(code)
        .fetch_all(&self.reader)
        .await?
        .iter()
        .map(|row| {
            let stage: String = row.try_get("stage_after")?;
            let amount: Option<i64> = row.try_get("amount")?;
            Ok(ProposalStep {
                action: row.try_get("action")?,
                stage_after: Stage::from_code(&stage)
                    .ok_or_else(|| corrupt(format!("stage '{stage}'")))?,
                on: parse_date(&row.try_get::<String, _>("on_date")?)?,
                actor: row.try_get("actor")?,
                reason: row.try_get("reason")?,
                amount: amount.map(to_u64).transpose()?,
                evidence: row.try_get("evidence")?,
            })
        })
        .collect::<Result<_, StoreError>>()?;
        Ok(Some((proposal, steps)))
    }

    /// Records the forum's scores (one per criterion, 1–5) and votes of a proposal.
    pub async fn score_proposal(
        &self,
        tenant_id: &str,
        code: &str,
        scores: &[u8],
        votes: u32,
    ) -> Result<(), MusrenaError> {
        let changed = sqlx::query(
            "UPDATE musrena_proposals SET scores = $3, votes = $4 WHERE tenant_id = $1 AND code = $2",
        )
        .bind(tenant_id)
        .bind(code)
        .bind(counts_text(&scores.iter().map(|s| u32::from(*s)).collect::<Vec<_>>()))
        .bind(i64::from(votes))
        .execute(&self.writer)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(MusrenaError::NoSuchProposal(code.to_string()));
        }
        Ok(())
    }

    /// Applies one action to each proposal, all or none: the domain's state machine decides
    /// whether each step is legal; every step is recorded with its date, actor and reason.
    pub async fn apply_actions(
        &self,
        tenant_id: &str,
        codes: &[String],
        action: &Action,
        on: Date,
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<Vec<Stage>, MusrenaError> {
        let mut tx = self.writer.begin().await?;
        let mut stages = Vec::with_capacity(codes.len());
        for code in codes {
            let stage = apply_in(&mut tx, self, tenant_id, code, action, on, actor, at)
                .await
                .map_err(|error| match error {
                    MusrenaError::Store(e) => MusrenaError::Store(e),
                    error if codes.len() > 1 => MusrenaError::InBulk {
                        code: code.clone(),
                        error: Box::new(error),
                    },
                    error => error,
                })?;
            stages.push(stage);
        }
        tx.commit().await?;
        Ok(stages)
    }

    /// Attaches a photo whose type was checked from its bytes.
    pub async fn add_photo(
        &self,
        tenant_id: &str,
        code: &str,
        kind: PhotoType,
        bytes: &[u8],
    ) -> Result<i64, MusrenaError> {
        let mut tx = self.writer.begin().await?;
        ensure_proposal(&mut tx, tenant_id, code).await?;
        let photo_no: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(photo_no), 0) + 1 FROM musrena_photos WHERE tenant_id = $1 AND code = $2",
        )
        .bind(tenant_id)
        .bind(code)
        .fetch_one(&mut *tx)
        .await?;
        if photo_no > MAX_PHOTOS as i64 {
            return Err(MusrenaError::TooManyPhotos);
        }
        sqlx::query(
            "INSERT INTO musrena_photos (tenant_id, code, photo_no, content_type, bytes)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(tenant_id)
        .bind(code)
        .bind(photo_no)
        .bind(kind.content_type())
        .bind(bytes.to_vec())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(photo_no)
    }

    /// Keeps a proposal's cost breakdown (RAB), replacing an earlier one.
    pub async fn set_rab(
        &self,
        tenant_id: &str,
        code: &str,
        kind: RabType,
        bytes: &[u8],
        actor: &str,
        at: OffsetDateTime,
    ) -> Result<(), MusrenaError> {
        let mut tx = self.writer.begin().await?;
        ensure_proposal(&mut tx, tenant_id, code).await?;
        sqlx::query(
            "INSERT INTO musrena_rab (tenant_id, code, content_type, bytes) VALUES ($1, $2, $3, $4)
             ON CONFLICT (tenant_id, code) DO UPDATE SET content_type = excluded.content_type,
                 bytes = excluded.bytes",
        )
        .bind(tenant_id)
        .bind(code)
        .bind(kind.content_type())
        .bind(bytes.to_vec())
        .execute(&mut *tx)
        .await?;
        audit::append(
            &mut tx,
            self,
            &AuditRecord {
                tenant_id,
                at,
                actor,
                action: "attach_rab",
                entity: "musrena_proposal",
                entity_id: code.to_string(),
                before: None,
                after: Some(
                    serde_json::json!({ "type": kind.content_type(), "bytes": bytes.len() })
                        .to_string(),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether a proposal has a cost breakdown (without reading it).
    pub async fn has_rab(&self, tenant_id: &str, code: &str) -> Result<bool, StoreError> {
        Ok(
            sqlx::query("SELECT 1 FROM musrena_rab WHERE tenant_id = $1 AND code = $2")
                .bind(tenant_id)
                .bind(code)
                .fetch_optional(&self.reader)
                .await?
                .is_some(),
        )
    }

    /// A proposal's cost breakdown: its type and bytes.
    pub async fn rab(
        &self,
        tenant_id: &str,
        code: &str,
    ) -> Result<Option<(RabType, Vec<u8>)>, StoreError> {
        let row = sqlx::query(
            "SELECT content_type, bytes FROM musrena_rab WHERE tenant_id = $1 AND code = $2",
        )
        .bind(tenant_id)
        .bind(code)
        .fetch_optional(&self.reader)
        .await?;
        row.map(|row| {
            let content_type: String = row.try_get("content_type")?;
            Ok((
                RabType::from_content_type(&content_type)
                    .ok_or_else(|| corrupt(format!("cost breakdown type '{content_type}'")))?,
                row.try_get("bytes")?,
            ))
        })
        .transpose()
    }

    /// Numbers of a proposal's photos.
    pub async fn photos(&self, tenant_id: &str, code: &str) -> Result<Vec<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT photo_no FROM musrena_photos WHERE tenant_id = $1 AND code = $2 ORDER BY photo_no",
        )
        .bind(tenant_id)
        .bind(code)
        .fetch_all(&self.reader)
        .await?)
    }

    /// A photo's content type and bytes.
    pub async fn photo(
        &self,
        tenant_id: &str,
        code: &str,
        photo_no: i64,
    ) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        let row = sqlx::query(
            "SELECT content_type, bytes FROM musrena_photos
             WHERE tenant_id = $1 AND code = $2 AND photo_no = $3",
        )
        .bind(tenant_id)
        .bind(code)
        .bind(photo_no)
        .fetch_optional(&self.reader)
        .await?;
        row.map(|row| Ok((row.try_get("content_type")?, row.try_get("bytes")?)))
            .transpose()
    }
}

#[derive(Default)]
struct StepDetail<'a> {
    reason: Option<&'a str>,
    amount: Option<u64>,
    evidence: Option<&'a str>,
}

#[allow(clippy::too_many_arguments)]
async fn apply_in(
    tx: &mut AnyConnection,
    keys: &Store,
    tenant_id: &str,
    code: &str,
    action: &Action,
    on: Date,
    actor: &str,
    at: OffsetDateTime,
) -> Result<Stage, MusrenaError> {
    let row = sqlx::query(
        "SELECT p.stage, f.level FROM musrena_proposals p JOIN musrena_forums f
             ON f.tenant_id = p.tenant_id AND f.forum_id = p.forum_id
         WHERE p.tenant_id = $1 AND p.code = $2",
    )
    .bind(tenant_id)
    .bind(code)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return Err(MusrenaError::NoSuchProposal(code.to_string()));
    };
    let stage: String = row.try_get("stage")?;
    let level: String = row.try_get("level")?;
    let stage = Stage::from_code(&stage).ok_or_else(|| corrupt(format!("stage '{stage}'")))?;
    let level = Level::from_code(&level).ok_or_else(|| corrupt(format!("level '{level}'")))?;
    let after = lifecycle::next(stage, level, action)?;
    let detail = match action {
        Action::Reject { reason } | Action::Return { reason } | Action::Cancel { reason } => {
            StepDetail {
                reason: Some(reason.trim()),
                ..StepDetail::default()
            }
        }
        Action::Budget { amount } => StepDetail {
            amount: Some(*amount),
            ..StepDetail::default()
        },
        Action::Implement { evidence } => StepDetail {
            evidence: Some(evidence.trim()),
            ..StepDetail::default()
        },
        _ => StepDetail::default(),
    };
    sqlx::query(
        "UPDATE musrena_proposals SET stage = $3, budget_amount = COALESCE($4, budget_amount)
         WHERE tenant_id = $1 AND code = $2",
    )
    .bind(tenant_id)
    .bind(code)
    .bind(after.code())
    .bind(detail.amount.map(money))
    .execute(&mut *tx)
    .await?;
    insert_step(
        tx,
        keys,
        tenant_id,
        code,
        action.code(),
        after,
        on,
        actor,
        detail,
        at,
    )
    .await?;
    Ok(after)
}

/// A proposal must exist before something is attached to it.
async fn ensure_proposal(
    conn: &mut AnyConnection,
    tenant_id: &str,
    code: &str,
) -> Result<(), MusrenaError> {
    sqlx::query("SELECT 1 FROM musrena_proposals WHERE tenant_id = $1 AND code = $2")
        .bind(tenant_id)
        .bind(code)
        .fetch_optional(&mut *conn)
        .await?
        .map(|_| ())
        .ok_or_else(|| MusrenaError::NoSuchProposal(code.to_string()))
}

/// Adds a checked proposal inside a transaction (entry forms and offline forums).
#[allow(clippy::too_many_arguments)]
async fn add_proposal_in(
    conn: &mut AnyConnection,
    keys: &Store,
    tenant_id: &str,
    forum_id: &str,
    proposal: &Proposal,
    easy_read: bool,
    on: Date,
    actor: &str,
    at: OffsetDateTime,
) -> Result<String, MusrenaError> {
    let forum = sqlx::query(
        "SELECT district_id, level FROM musrena_forums WHERE tenant_id = $1 AND forum_id = $2",
    )
    .bind(tenant_id)
    .bind(forum_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| MusrenaError::NoSuchForum(forum_id.to_string()))?;
    let forum_district: Option<String> = forum.try_get("district_id")?;
    let level: String = forum.try_get("level")?;
    let level = Level::from_code(&level).ok_or_else(|| corrupt(format!("level '{level}'")))?;
    // A proposal files under its village's district, which for a district or village
    // forum must be the forum's own.
    let village = Store::check_village(
        conn,
        tenant_id,
        &proposal.village,
        forum_district.as_deref(),
    )
    .await?;
    let district = Some(village.district_unit);
    let (estimated_cost, cost_reason) = costed(conn, tenant_id, proposal, level).await?;
    let code = insert_proposal(
        conn,
        &NewRow {
            tenant_id,
            forum_id,
            proposal,
            district: district.as_deref(),
            estimated_cost,
            cost_reason: cost_reason.as_deref(),
            easy_read,
            stage: Stage::Submitted,
            on,
        },
    )
    .await?;
    insert_step(
        conn,
        keys,
        tenant_id,
        &code,
        "submit",
        Stage::Submitted,
        on,
        actor,
        StepDetail::default(),
        at,
    )
    .await?;
    Ok(code)
}

/// A proposal's estimated cost, and the reason kept with it: from the catalogue, volume ×
/// unit price unless another amount comes with a reason (kept only then); its strategic
/// issue must be the regency's.
async fn costed(
    conn: &mut AnyConnection,
    tenant_id: &str,
    proposal: &Proposal,
    level: Level,
) -> Result<(Option<u64>, Option<String>), MusrenaError> {
    if let Some(issue) = &proposal.issue {
        if !crate::catalogue::issue_exists(conn, tenant_id, issue).await? {
            return Err(MusrenaError::UnknownIssue(issue.clone()));
        }
    }
    let Some(code) = &proposal.activity_code else {
        return Ok((proposal.estimated_cost, None));
    };
    let entry = crate::catalogue::find_entry(conn, tenant_id, code)
        .await?
        .ok_or_else(|| MusrenaError::UnknownActivity(code.clone()))?;
    let settled = settle_cost(
        &entry,
        level,
        proposal.volume,
        proposal.estimated_cost,
        proposal.cost_reason.as_deref(),
    )?;
    let computed = proposal.volume.and_then(|v| cost(v, entry.unit_price));
    let reason = proposal
        .cost_reason
        .clone()
        .filter(|_| computed != Some(settled));
    Ok((Some(settled), reason))
}

/// A proposal row to insert: checked, costed and filed under its district.
struct NewRow<'a> {
    tenant_id: &'a str,
    forum_id: &'a str,
    proposal: &'a Proposal,
    district: Option<&'a str>,
    estimated_cost: Option<u64>,
    cost_reason: Option<&'a str>,
    easy_read: bool,
    stage: Stage,
    on: Date,
}

/// Inserts a proposal (next in its forum's order) under a new public code.
async fn insert_proposal(conn: &mut AnyConnection, row: &NewRow<'_>) -> Result<String, StoreError> {
    let seq: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM musrena_proposals
         WHERE tenant_id = $1 AND forum_id = $2",
    )
    .bind(row.tenant_id)
    .bind(row.forum_id)
    .fetch_one(&mut *conn)
    .await?;
    let mut beneficiaries = [0u32; 9];
    for (group, count) in &row.proposal.beneficiaries {
        if let Some(i) = Group::ALL.iter().position(|g| g == group) {
            beneficiaries[i] = *count;
        }
    }
    let code = new_code();
    sqlx::query(
        "INSERT INTO musrena_proposals (tenant_id, code, forum_id, seq, title, problem, activity,
             sector, district_id, village, estimated_cost, proposed_by, beneficiaries, easy_read,
             stage, votes, scores, budget_amount, submitted_on, sdgs, address, latitude_e7,
             longitude_e7, activity_code, volume, issue_code, cost_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 0, '', NULL,
             $16, $17, $18, $19, $20, $21, $22, $23, $24)",
    )
    .bind(row.tenant_id)
    .bind(&code)
    .bind(row.forum_id)
    .bind(seq)
    .bind(&row.proposal.title)
    .bind(&row.proposal.problem)
    .bind(&row.proposal.activity)
    .bind(row.proposal.sector.code())
    .bind(row.district)
    .bind(&row.proposal.village)
    .bind(row.estimated_cost.map(money))
    .bind(codes(&row.proposal.proposed_by, Group::code))
    .bind(counts_text(&beneficiaries))
    .bind(i64::from(row.easy_read))
    .bind(row.stage.code())
    .bind(row.on.to_string())
    .bind(suara_domain::sdg::join(&row.proposal.sdgs))
    .bind(&row.proposal.address)
    .bind(row.proposal.point.map(|p| i64::from(p.lat)))
    .bind(row.proposal.point.map(|p| i64::from(p.lon)))
    .bind(&row.proposal.activity_code)
    .bind(row.proposal.volume.map(|v| v.to_string()))
    .bind(&row.proposal.issue)
    .bind(row.cost_reason)
    .execute(&mut *conn)
    .await?;
    Ok(code)
}

#[allow(clippy::too_many_arguments)]
async fn insert_step(
    tx: &mut AnyConnection,
    keys: &Store,
    tenant_id: &str,
    code: &str,
    action: &str,
    after: Stage,
    on: Date,
    actor: &str,
    detail: StepDetail<'_>,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO musrena_steps (tenant_id, code, step_no, action, stage_after, on_date, actor,
             reason, amount, evidence, at_us)
         SELECT $1, $2, COALESCE(MAX(step_no), 0) + 1, $3, $4, $5, $6, $7, $8, $9, $10
         FROM musrena_steps WHERE tenant_id = $1 AND code = $2",
    )
    .bind(tenant_id)
    .bind(code)
    .bind(action)
    .bind(after.code())
    .bind(on.to_string())
    .bind(actor)
    .bind(detail.reason)
    .bind(detail.amount.map(money))
    .bind(detail.evidence)
    .bind(micros(at))
    .execute(&mut *tx)
    .await?;
    audit::append(
        tx,
        keys,
        &AuditRecord {
            tenant_id,
            at,
            actor,
            action,
            entity: "musrena_proposal",
            entity_id: code.to_string(),
            before: None,
            after: Some(
                serde_json::json!({
                    "stage": after.code(),
                    "on": on.to_string(),
                    "reason": detail.reason,
                    "amount": detail.amount,
                    "evidence": detail.evidence,
                })
                .to_string(),
            ),
        },
    )
    .await?;
    Ok(())
}
