//! The session record format.

use crate::domain::Lang;
pub use crate::events::TrackSample;
use crate::events::{EndReason, EventLog};
use crate::scoring::ScoreCard;
use serde::{Deserialize, Serialize};

/// Version of the record format written by this build. Format 2 stores the
/// score card's findings as messages (id + arguments) instead of text in one
/// language; format 1 records are still read ([`migrate_v1`]).
pub const FORMAT_VERSION: u32 = 2;

/// A recorded session (format 2: its card is a [`ScoreCard`]).
pub type SessionRecord = SessionRecordOf<ScoreCard>;

/// A format 1 record: the same fields, but its score card held findings as
/// text in the session's language, a shape that no longer parses. The card
/// is skipped on reading and made again from the log ([`migrate_v1`]).
pub type SessionRecordV1 = SessionRecordOf<serde::de::IgnoredAny>;

/// A recorded session whose score card is of type `S`: the fields every
/// format shares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionRecordOf<S> {
    /// Format version.
    pub format: u32,
    /// Trainee id (cadet number or name).
    pub trainee: String,
    /// Scenario id.
    pub scenario: String,
    /// SHA-256 of the scenario file's bytes, hex.
    pub scenario_hash: String,
    /// Policy id.
    pub policy: String,
    /// SHA-256 of the policy file's bytes, hex.
    pub policy_hash: String,
    /// Seed.
    pub seed: u64,
    /// Language of the session's texts.
    pub lang: Lang,
    /// Wall-clock start, RFC 3339 (UTC); informational only.
    pub started_at: String,
    /// Simulated seconds.
    pub duration: f32,
    /// Why it ended (absent while in progress).
    #[serde(default)]
    pub end: Option<EndReason>,
    /// The event log.
    pub events: EventLog,
    /// Sampled positions for replay.
    pub track: Vec<TrackSample>,
    /// The score card, once scored.
    // A plain `#[serde(default)]` would ask `S: Default` of every card type.
    #[serde(default = "none")]
    pub score: Option<S>,
}

fn none<S>() -> Option<S> {
    None
}

/// Brings a format 1 record to the current format: the log and track are
/// kept as they are; the card is re-scored from the log under the recorded
/// policy when that policy can be found (`rescore`), else left out.
pub fn migrate_v1(
    old: SessionRecordV1,
    rescore: impl FnOnce(&str, &EventLog) -> Option<ScoreCard>,
) -> SessionRecord {
    let score = rescore(&old.policy, &old.events);
    SessionRecord {
        format: FORMAT_VERSION,
        trainee: old.trainee,
        scenario: old.scenario,
        scenario_hash: old.scenario_hash,
        policy: old.policy,
        policy_hash: old.policy_hash,
        seed: old.seed,
        lang: old.lang,
        started_at: old.started_at,
        duration: old.duration,
        end: old.end,
        events: old.events,
        track: old.track,
        score,
    }
}
