//! The session record format.

use super::compact::{self, CompactEvent, Path, TickRun};
use crate::domain::Lang;
pub use crate::events::TrackSample;
use crate::events::{EndReason, EventLog};
use crate::scoring::ScoreCard;
use serde::{Deserialize, Serialize};

/// Version of the record format written by this build. Format 3 stores each
/// event's context as what changed since the one before and the track as
/// key samples per person ([`SessionFileV3`]); format 2 stored both whole,
/// and format 1 also held the card as text in one language. Both are still
/// read.
pub const FORMAT_VERSION: u32 = 3;

/// A recorded session, as the program holds it whatever format it was read
/// from: the whole log and a sample of everyone every 0.25 s.
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

/// A format 3 record as it is written: the shared fields, then the log with
/// contexts as changes ([`compact::compact_log`]), the sample ticks, the
/// crowds whose members are kept to the coarser tolerance, and one path of
/// key samples per person ([`compact::compact_track`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionFileV3 {
    /// Format version (3).
    pub format: u32,
    /// Trainee id.
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
    /// Wall-clock start, RFC 3339 (UTC).
    pub started_at: String,
    /// Simulated seconds.
    pub duration: f32,
    /// Why it ended (absent while in progress).
    #[serde(default)]
    pub end: Option<EndReason>,
    /// The score card, once scored (without the generated crowd labels,
    /// listed in `score_member_labels`).
    #[serde(default)]
    pub score: Option<ScoreCard>,
    /// The card's citations, each once (a rule's citation is the same for
    /// each of its findings); the card's findings leave theirs empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<crate::domain::LocalizedText>,
    /// For each finding of the card, its citation's index in `citations`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cited: Vec<u32>,
    /// The crowd members whose generated labels the card held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub score_member_labels: Vec<(String, u32, u32)>,
    /// Crowd members whose labels the log's `Started` event held as the
    /// generated «a person in the crowd (N)», left out and made again on
    /// reading: (crowd, first, last).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub member_labels: Vec<(String, u32, u32)>,
    /// The event log, each context relative to the previous one.
    pub events: Vec<CompactEvent>,
    /// The ticks of the track's samples, as runs `(from, every, count)`.
    pub ticks: Vec<TickRun>,
    /// Crowds whose generated members (`CROWD_N`) are kept to the crowd
    /// tolerance.
    #[serde(default)]
    pub crowds: Vec<String>,
    /// One line per person: where they were, as key samples.
    pub paths: Vec<Path>,
    /// Crowds stored as density samples, one a second (where that is smaller
    /// than their members' paths).
    #[serde(default)]
    pub density: Vec<compact::Density>,
}

impl SessionFileV3 {
    /// The compact form of a record.
    pub fn from_record(r: &SessionRecord) -> Self {
        let crowds = compact::crowds_in(&r.track);
        let keep = compact::named_in_log(&r.events, &crowds);
        let track = compact::compact_track(&r.track, &crowds, &keep);
        let (events, member_labels) = compact::compact_log(&r.events, &crowds);
        let mut score = r.score.clone();
        let score_member_labels = score
            .as_mut()
            .map(|c| compact::strip_member_labels(&mut c.labels, &crowds))
            .unwrap_or_default();
        let (mut citations, mut cited) = (Vec::new(), Vec::new());
        for f in score.iter_mut().flat_map(|c| c.findings.iter_mut()) {
            let text = std::mem::take(&mut f.citation);
            let i = citations
                .iter()
                .position(|c| *c == text)
                .unwrap_or_else(|| {
                    citations.push(text);
                    citations.len() - 1
                });
            cited.push(i as u32);
        }
        SessionFileV3 {
            format: FORMAT_VERSION,
            trainee: r.trainee.clone(),
            scenario: r.scenario.clone(),
            scenario_hash: r.scenario_hash.clone(),
            policy: r.policy.clone(),
            policy_hash: r.policy_hash.clone(),
            seed: r.seed,
            lang: r.lang,
            started_at: r.started_at.clone(),
            duration: r.duration,
            end: r.end,
            score,
            citations,
            cited,
            score_member_labels,
            member_labels,
            events,
            ticks: track.ticks,
            crowds,
            paths: track.paths,
            density: track.density,
        }
    }

    /// The record back: the log exactly, the track within tolerance.
    pub fn into_record(self) -> Result<SessionRecord, compact::ExpandError> {
        let events = compact::expand_log(self.events, &self.member_labels)?;
        let mut score = self.score;
        if let Some(c) = score.as_mut() {
            compact::restore_member_labels(&mut c.labels, &self.score_member_labels)
                .ok_or(compact::ExpandError::Labels)?;
            if !self.cited.is_empty() {
                if self.cited.len() != c.findings.len() {
                    return Err(compact::ExpandError::Citation);
                }
                for (f, &i) in c.findings.iter_mut().zip(&self.cited) {
                    f.citation = self
                        .citations
                        .get(i as usize)
                        .cloned()
                        .ok_or(compact::ExpandError::Citation)?;
                }
            }
        }
        let track = compact::expand_track(&compact::CompactTrack {
            ticks: self.ticks,
            paths: self.paths,
            density: self.density,
        })
        .map_err(compact::ExpandError::Track)?;
        Ok(SessionRecord {
            format: FORMAT_VERSION,
            trainee: self.trainee,
            scenario: self.scenario,
            scenario_hash: self.scenario_hash,
            policy: self.policy,
            policy_hash: self.policy_hash,
            seed: self.seed,
            lang: self.lang,
            started_at: self.started_at,
            duration: self.duration,
            end: self.end,
            events,
            track,
            score,
        })
    }
}
