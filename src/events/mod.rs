//! The event log: everything that happened in a session, time-stamped, each
//! event with what the trainee could perceive at that moment. Scoring reads
//! only this. Pure Rust, no Bevy types.

mod context;
mod log;
mod track;

pub use context::*;
pub use log::*;
pub use track::*;
