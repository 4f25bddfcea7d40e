//! Sessions that never ended: the game saves a record every few seconds
//! while a run is played, so a run cut short (the program killed, the machine
//! off) leaves a whole record with no `end`. The menu offers these for review
//! on the next start, so none is lost.

use crate::events::EndReason;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// A saved session with no end recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Interrupted {
    /// The record's file.
    pub path: PathBuf,
    /// Trainee id.
    pub trainee: String,
    /// Scenario id.
    pub scenario: String,
    /// Wall-clock start, RFC 3339 UTC.
    pub started_at: String,
    /// Simulated seconds recorded.
    pub duration: f32,
}

/// The fields of a record (any format) that tell whether it ended; the rest
/// of the record is skipped.
#[derive(Deserialize)]
struct Header {
    trainee: String,
    scenario: String,
    started_at: String,
    duration: f32,
    #[serde(default)]
    end: Option<EndReason>,
}

/// The records directly in `dir` (not its sub-folders, not the notes
/// sidecars) that have no end, newest first. Files that are not records are
/// passed over: this is an offer, not a check.
pub fn find(dir: &Path) -> Vec<Interrupted> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Interrupted> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && !super::notes::is_notes_file(p))
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let h: Header = crate::diag::ron_options().from_str(&text).ok()?;
            h.end.is_none().then_some(Interrupted {
                path,
                trainee: h.trainee,
                scenario: h.scenario,
                started_at: h.started_at,
                duration: h.duration,
            })
        })
        .collect();
    found.sort_by(|a, b| {
        b.started_at
            .cmp(&a.started_at)
            .then_with(|| a.path.cmp(&b.path))
    });
    found
}
