//! Scoring: a pure function of (event log, policy) -> [`ScoreCard`]. No Bevy types.

mod card;
pub mod rule_ids;

pub use card::*;
