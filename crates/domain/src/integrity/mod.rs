//! Making ratings hard to fake: channels and their trust, one-time tickets, and the
//! tamper-evident chain of accepted responses.

pub mod anomaly;
pub mod chain;
pub mod channel;
pub mod merkle;
pub mod signed_head;
pub mod ticket;
