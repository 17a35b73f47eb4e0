//! Making ratings hard to fake: channels and their trust, one-time tickets, and the
//! tamper-evident chain of accepted responses and the audit chain of changes that pay.

pub mod anomaly;
pub mod audit;
pub mod chain;
pub mod channel;
pub mod checkpoint;
pub mod entry_code;
pub mod merkle;
pub mod signed_head;
pub mod ticket;
pub mod tiles;
pub mod witness;
