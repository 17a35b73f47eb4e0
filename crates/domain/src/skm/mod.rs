//! SKM (Survei Kepuasan Masyarakat), PermenPANRB 14/2017.
//!
//! A response answers up to nine elements on a 1–4 scale. For a set of responses:
//! NRR (mean) per element, weighted by 1/9, summed to the IKM unit value (1–4),
//! times 25 gives the IKM (25–100), graded A–D. Arithmetic is exact (rationals);
//! rounding happens only for display, to 2 decimals half away from zero, and the
//! grade is read from that rounded value, as published reports do.

mod answers;
mod element;
pub mod follow_up;
mod grade;
pub mod history;
pub mod precision;
pub mod ranks;
mod sample_size;
mod score;
pub mod spread;
mod summary;
pub mod table;

pub use answers::{Answers, AnswersError, Rating};
pub use element::{Element, ELEMENT_COUNT};
pub use grade::Grade;
pub use sample_size::krejcie_morgan_sample_size;
pub use score::{ElementScore, SkmScore, Tally, TallyError, Weighting};
pub use summary::Summary;
