//! Making ratings hard to fake: the tamper-evident chain of accepted responses.

pub mod chain;
