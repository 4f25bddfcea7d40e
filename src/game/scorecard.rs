//! Scoring the finished run for the debrief.

use crate::events::EventLog;
use crate::policy::Policy;
use crate::scoring::ScoreCard;

/// The score card of a run under a policy.
pub fn score(log: &EventLog, policy: &Policy) -> Option<ScoreCard> {
    Some(crate::scoring::score(log, policy))
}
