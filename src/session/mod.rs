//! Session records: what a run produced, saved as versioned RON.

mod record;

pub use record::*;
