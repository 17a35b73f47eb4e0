//! Reviewing a unit's suggestions before others read them (the rules are
//! `suara_domain::survey::review`): the queue of suggestions waiting, the same text once,
//! those that may name or locate someone first; a reviewer's copy turned into what may be
//! read; and showing at once every waiting suggestion that nothing flags.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};
use suara_domain::survey::review::{concerns, masked_by_deletion, AddsWords, Concern};
use suara_store::{Store, StoreError, SuggestionReview};
use time::OffsetDateTime;

/// The most waiting suggestions read at once: a queue longer than this is worked through
/// newest first, and the rest come as those are reviewed.
const QUEUE_READ: u32 = 5_000;

/// One text waiting for review, and every response that gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WaitingText {
    /// Names the text in a form without carrying it there and back.
    pub key: String,
    pub text: String,
    pub response_ids: Vec<i64>,
    pub latest: OffsetDateTime,
    pub concerns: Vec<Concern>,
}

/// What waits for the unit's reviewer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Queue {
    /// Flagged texts first, then the most frequent, then the newest.
    pub texts: Vec<WaitingText>,
    /// Suggestions waiting (responses, not texts), beyond those read included.
    pub waiting: u64,
}

impl Queue {
    /// The texts nothing flags, which may be shown together.
    pub fn unflagged(&self) -> impl Iterator<Item = &WaitingText> {
        self.texts.iter().filter(|t| t.concerns.is_empty())
    }

    /// Suggestions (responses) among those read that something flags.
    pub fn flagged_responses(&self) -> usize {
        self.texts
            .iter()
            .filter(|t| !t.concerns.is_empty())
            .map(|t| t.response_ids.len())
            .sum()
    }

    pub fn find(&self, key: &str) -> Option<&WaitingText> {
        self.texts.iter().find(|t| t.key == key)
    }
}

fn key_of(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The unit's waiting suggestions, the same text (whitespace aside) once.
pub async fn queue(store: &Store, tenant_id: &str, unit_id: &str) -> Result<Queue, StoreError> {
    let (found, waiting) = store
        .unreviewed_suggestions(tenant_id, unit_id, QUEUE_READ)
        .await?;
    let mut by_text: BTreeMap<String, WaitingText> = BTreeMap::new();
    for s in found {
        let text = s.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let entry = by_text.entry(text.clone()).or_insert_with(|| WaitingText {
            key: key_of(&text),
            concerns: concerns(&text),
            text,
            response_ids: Vec::new(),
            latest: s.received_at,
        });
        entry.response_ids.push(s.response_id);
        entry.latest = entry.latest.max(s.received_at);
    }
    let mut texts: Vec<WaitingText> = by_text.into_values().collect();
    texts.sort_by(|a, b| {
        (
            a.concerns.is_empty(),
            std::cmp::Reverse(a.response_ids.len()),
            std::cmp::Reverse(a.latest),
        )
            .cmp(&(
                b.concerns.is_empty(),
                std::cmp::Reverse(b.response_ids.len()),
                std::cmp::Reverse(b.latest),
            ))
    });
    Ok(Queue { texts, waiting })
}

/// What a reviewer's copy of a waiting text would let others read, before it is saved.
pub fn proposed(waiting: &WaitingText, edited: &str) -> Result<String, AddsWords> {
    masked_by_deletion(&waiting.text, edited)
}

#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The copy has a word the suggestion does not, there: a review only takes words away.
    #[error("the review adds the word {:?}", .0.word)]
    AddsWords(AddsWords),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Saves the review of one waiting text as the reviewer left it; how many suggestions it
/// covered (none when another reviewer was first).
pub async fn review(
    store: &Store,
    tenant_id: &str,
    unit_id: &str,
    waiting: &WaitingText,
    edited: &str,
    actor: &str,
    at: OffsetDateTime,
) -> Result<u64, ReviewError> {
    let review = SuggestionReview {
        response_ids: waiting.response_ids.clone(),
        shown: proposed(waiting, edited).map_err(ReviewError::AddsWords)?,
    };
    Ok(store
        .review_suggestions(tenant_id, unit_id, &[review], actor, at)
        .await?)
}

/// Shows, as they are, the waiting texts of the queue that nothing flags and the reviewer
/// was shown (by key; `None`: all of them); how many suggestions that covered.
pub async fn show_unflagged(
    store: &Store,
    tenant_id: &str,
    unit_id: &str,
    queue: &Queue,
    shown_to_reviewer: Option<&[&str]>,
    actor: &str,
    at: OffsetDateTime,
) -> Result<u64, StoreError> {
    let reviews: Vec<SuggestionReview> = queue
        .unflagged()
        .filter(|t| shown_to_reviewer.is_none_or(|keys| keys.contains(&t.key.as_str())))
        .map(|t| SuggestionReview {
            response_ids: t.response_ids.clone(),
            shown: t.text.clone(),
        })
        .collect();
    store
        .review_suggestions(tenant_id, unit_id, &reviews, actor, at)
        .await
}
