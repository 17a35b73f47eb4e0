//! Pure domain logic of suara. No I/O, no async: everything here is a function of its
//! arguments, so it can be tested exhaustively and reused by the store, web and CLI layers.
//!
//! - [`skm`]: the public satisfaction survey (Survei Kepuasan Masyarakat) of
//!   PermenPANRB 14/2017: elements, exact IKM scoring, grades, sample size.
//! - [`survey`]: validation of one submitted survey response.
//! - [`org`]: units as a tree, services, service points, officers; CSV import.
//! - [`access`]: roles and what each may see and do.
//! - [`integrity`]: the tamper-evident hash chain of accepted responses.
//! - [`tpp`]: the satisfaction-linked allowance: policies, blended scores, factors, rupiah.
//! - [`musrena`]: Musrena Keren forums, the proposal lifecycle and prioritization.
//! - [`innovation`]: innovations' stages and their measured effect on satisfaction.
//! - [`sdg`]: the Sustainable Development Goals and their targets, for tagging.
//! - [`period`]: months, quarters, semesters and years as month ranges.
//! - [`decimal`]: exact rationals rounded for display.
//! - [`reason`]: why a value is refused, one kind per variant, for pages to translate.

pub mod access;
pub mod alerts;
pub mod decimal;
pub mod innovation;
pub mod integrity;
pub mod musrena;
pub mod org;
pub mod period;
pub mod province;
pub mod reason;
pub mod sdg;
pub mod skm;
pub mod spreadsheet;
pub mod survey;
pub mod tpp;
