//! The application layer: what the web server and the command line both do, below HTTP.
//! Nothing here knows of requests or pages; `suara-web` adds HTTP on top, and the CLI calls
//! this crate directly.
//!
//! - [`signing`]: the regencies' log keys, kept beside the database, and signing heads;
//! - [`credentials`]: password hashes and tokens;
//! - [`onboarding`]: accounts for every officer on the list, with first sign-in letters;
//! - [`second_factor`]: one-time codes and recovery codes for the roles that touch pay;
//! - [`policy_form`]: the TPP policy as a form, written back into its text with comments kept;
//! - [`report`]: the SKM report of a unit and period;
//! - [`suggestions`]: citizens' suggestions reviewed before others read them;
//! - [`innovation`]: innovations' measured effects;
//! - [`i18n`]: every user-facing text in Indonesian and English, and how values are written.

pub mod credentials;
pub mod i18n;
pub mod innovation;
pub mod monitor;
pub mod onboarding;
pub mod policy_form;
pub mod report;
pub mod second_factor;
pub mod signing;
pub mod sso;
pub mod suggestions;
pub mod witness;
pub mod witnessing;
