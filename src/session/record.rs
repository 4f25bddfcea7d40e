//! The session record format.

use crate::domain::{Lang, Pt};
use crate::events::{EndReason, EventLog};
use crate::scoring::ScoreCard;
use serde::{Deserialize, Serialize};

/// Version of the record format written by this build.
pub const FORMAT_VERSION: u32 = 1;

/// A recorded session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionRecord {
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
    #[serde(default)]
    pub score: Option<ScoreCard>,
}

/// Positions of everyone at one moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackSample {
    /// Tick.
    pub tick: u32,
    /// (id, position, heading in degrees) for each person on scene.
    pub actors: Vec<(String, Pt, f32)>,
}
