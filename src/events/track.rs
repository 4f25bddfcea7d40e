//! The replay track: where everyone was, sampled while a session runs.

use crate::domain::Pt;
use serde::{Deserialize, Serialize};

/// Positions of everyone at one moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackSample {
    /// Tick.
    pub tick: u32,
    /// (id, position, heading in degrees) for each person on scene.
    pub actors: Vec<(String, Pt, f32)>,
}
