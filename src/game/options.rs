//! What `forcesim play` was asked to do.

use crate::domain::Lang;
use bevy::prelude::*;
use std::path::PathBuf;

/// A screen of the game, for `play --screen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ScreenArg {
    /// The main menu.
    #[default]
    Menu,
    /// The scenario's briefing.
    Briefing,
    /// Playing.
    Gameplay,
    /// Paused, with the key map.
    Pause,
    /// The debrief after the run.
    Debrief,
    /// The replay of the run.
    Replay,
}

/// The options of this game session.
#[derive(Resource, Debug, Clone)]
pub struct GameOptions {
    /// Scenario to open directly.
    pub scenario: Option<String>,
    /// Trainee id.
    pub trainee: String,
    /// Policy id or file (`None`: the scenario's).
    pub policy: Option<String>,
    /// Seed (`None`: a fresh one per run).
    pub seed: Option<u64>,
    /// UI language.
    pub lang: Lang,
    /// The instructor console is enabled.
    pub instructor: bool,
    /// Save a PNG of the settled screen here and exit.
    pub screenshot: Option<PathBuf>,
    /// Print frame-time percentiles on exit.
    pub frame_stats: bool,
    /// Screen to open.
    pub screen: ScreenArg,
    /// Built-in bot that plays until the requested screen.
    pub bot: Option<String>,
    /// Simulated seconds to play before showing the requested screen.
    pub after: Option<f32>,
    /// Window size in logical pixels.
    pub resolution: (u32, u32),
    /// Quit after this many seconds of wall time (frame-time measurements).
    pub quit_after: Option<f32>,
    /// Where session records are saved.
    pub sessions_dir: PathBuf,
    /// A saved session to open in the replay for review (`forcesim review`).
    pub review: Option<PathBuf>,
    /// The scenario file of the reviewed session, when it is not beside the
    /// record or in `scenarios/` (`forcesim review --scenario`).
    pub review_scenario: Option<PathBuf>,
}

impl Default for GameOptions {
    fn default() -> Self {
        GameOptions {
            scenario: None,
            trainee: "cadet".into(),
            policy: None,
            seed: None,
            lang: Lang::En,
            instructor: false,
            screenshot: None,
            frame_stats: false,
            screen: ScreenArg::Menu,
            bot: None,
            after: None,
            resolution: (1280, 720),
            quit_after: None,
            sessions_dir: PathBuf::from("sessions"),
            review: None,
            review_scenario: None,
        }
    }
}

/// Parses `1280x720`.
pub fn parse_resolution(s: &str) -> Result<(u32, u32), String> {
    let bad = || format!("bad resolution \"{s}\": expected WIDTHxHEIGHT, e.g. 1920x1080");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
    let w: u32 = w.trim().parse().map_err(|_| bad())?;
    let h: u32 = h.trim().parse().map_err(|_| bad())?;
    if !(320..=7680).contains(&w) || !(240..=4320).contains(&h) {
        return Err(bad());
    }
    Ok((w, h))
}

/// The `assets/` folder: next to the working directory when run from the
/// repository, else the crate's own.
pub fn assets_dir() -> PathBuf {
    let local = PathBuf::from("assets");
    if local.join("i18n").is_dir() {
        return std::fs::canonicalize(&local).unwrap_or(local);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_parses_and_rejects_nonsense() {
        assert_eq!(parse_resolution("1920x1080"), Ok((1920, 1080)));
        assert!(parse_resolution("1920").is_err());
        assert!(parse_resolution("0x0").is_err());
        assert!(parse_resolution("axb").is_err());
    }
}
