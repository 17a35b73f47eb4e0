//! What the response tables look like to every query of the response path: the answer
//! columns, how many rows one statement carries, and the condition that a response counts.

use suara_domain::skm::ELEMENT_COUNT;

/// Rows per multi-row statement at most: a response row binds 23 values, and both
/// databases take a few thousand parameters in one statement.
pub(crate) const ROWS_PER_STATEMENT: usize = 200;

/// The answer columns of `responses`, one per element.
pub(crate) const ANSWER_COLUMNS: [&str; ELEMENT_COUNT] =
    ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"];

/// SQL condition on `responses r`: the response counts (it was never held, or was accepted).
pub(crate) const COUNTED: &str = "NOT EXISTS (SELECT 1 FROM quarantine q \
     WHERE q.tenant_id = r.tenant_id AND q.response_id = r.response_id AND NOT EXISTS \
     (SELECT 1 FROM quarantine_decisions d WHERE d.tenant_id = q.tenant_id \
     AND d.response_id = q.response_id AND d.accepted = 1))";
