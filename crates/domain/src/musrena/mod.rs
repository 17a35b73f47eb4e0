//! Musrena Keren (*Musyawarah Perencanaan Pembangunan Perempuan, Anak, Penyandang
//! Disabilitas dan Kelompok Rentan*): inclusive planning forums whose proposals are carried
//! into the official musrenbang (village → district → regency) and tracked until budgeted
//! and built, or rejected with a reason.
//!
//! - [`catalogue`]: the catalogue of activities (kamus usulan), strategic issues, cost from
//!   volume.
//! - [`forum`]: levels, the groups taking part (counted, never named) and the accessibility
//!   provided.
//! - [`lifecycle`]: a proposal's stages as a state machine: only legal steps, a reason for
//!   every rejection.
//! - [`merge`]: merging and splitting proposals at the district musrenbang.
//! - [`progress`]: after the budget, dated progress entries until the work is complete.
//! - [`proposal`]: a proposal's fields checked, sectors, photo checks.
//! - [`ranking`]: prioritization inside a forum: weighted criteria and votes combined into a
//!   deterministic ranking with stated tie-breaks.
//! - [`recommendation`]: each level's recommendation (village, district, OPD, TAPD).
//! - [`stats`]: shares submitted, accepted and budgeted per group and per district.

pub mod catalogue;
pub mod forum;
pub mod lifecycle;
pub mod merge;
pub mod progress;
pub mod proposal;
pub mod ranking;
pub mod recommendation;
pub mod stats;
