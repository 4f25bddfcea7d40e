//! Reviewing a saved session (`forcesim review SESSION`, or an interrupted
//! session picked on the menu): the record is opened in the replay viewer,
//! its card re-scored from the log in the game's language and under the
//! chosen policy, with the findings listed beside the timeline and the
//! evaluator's notes (agreed / disputed verdicts and flags at a moment)
//! taken there and saved to the notes file beside the record. The record
//! itself is never written.

pub mod frames;
pub mod panel;

use crate::domain::Lang;
use crate::events::{EventLog, TICK_HZ};
use crate::game::GameOptions;
use crate::game::run::{RunSetup, RunState};
use crate::game::screens::Screen;
use crate::i18n::Msg;
use crate::session::notes::{self, Notes};
use crate::sim::{SceneViewRes, SimEnd, SimLog, SimTick};
use bevy::prelude::*;
use std::path::{Path, PathBuf};

/// The session under review and the evaluator's notes on it.
#[derive(Resource, Debug, Clone)]
pub struct Review {
    /// The session record's file (read, never written).
    pub session: PathBuf,
    /// The notes so far (from `NAME.notes.ron`, and what was added here).
    pub notes: Notes,
    /// The finding selected in the list (an index into the card's findings).
    pub selected: Option<usize>,
    /// A note being typed, if any: it has the keyboard.
    pub entry: Option<NoteEntry>,
    /// The last thing said about the notes (saved, a save that failed, a
    /// note that is required).
    pub status: Option<(String, bool)>,
}

impl Review {
    /// Whether a note is being typed (the replay's keys are off then).
    pub fn typing(&self) -> bool {
        self.entry.is_some()
    }
}

/// What a note being typed will become.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NoteKind {
    /// Agree with finding N.
    Agree(usize),
    /// Dispute finding N.
    Dispute(usize),
    /// A flag at this moment (seconds).
    Flag(f32),
}

/// A note being typed.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteEntry {
    /// What it is for.
    pub kind: NoteKind,
    /// The text so far.
    pub text: String,
}

/// Longest note accepted from the keyboard (characters).
pub const NOTE_MAX: usize = 200;

/// A session ready to be shown: what the game's resources will hold.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The scenario and policy, as a run's setup.
    pub setup: RunSetup,
    /// The replay frames, the card (re-scored), the end.
    pub state: RunState,
    /// The event log.
    pub log: EventLog,
    /// The notes beside the record (none yet: empty).
    pub notes: Notes,
    /// The scenario file's hash differs from the recorded one: it was edited
    /// since, and the replay shows the map as it is now.
    pub scenario_changed: bool,
}

/// Why a session cannot be reviewed.
#[derive(Debug, Clone)]
pub enum OpenError {
    /// The record does not load.
    Session(crate::diag::Diagnostic),
    /// The policy does not load; `missing` when there is no such policy.
    Policy(Vec<crate::diag::Diagnostic>, bool),
    /// The scenario the session was played in is not found or not valid.
    Scenario(Msg, Vec<crate::diag::Diagnostic>),
    /// The notes beside the record do not load.
    Notes(crate::diag::Diagnostic),
}

impl OpenError {
    /// The error in `lang`, one or more lines.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            OpenError::Session(d) | OpenError::Notes(d) => d.render(lang),
            OpenError::Policy(ds, _) => crate::diag::render_all(ds, lang).join("\n"),
            OpenError::Scenario(m, ds) => {
                let mut lines = vec![crate::i18n::render(lang, m, &Default::default())];
                lines.extend(crate::diag::render_all(ds, lang));
                lines.join("\n")
            }
        }
    }

    /// A usage error (exit 2): a policy that does not exist.
    pub fn is_usage(&self) -> bool {
        matches!(self, OpenError::Policy(_, true))
    }
}

/// The scenario file of a session: `explicit` when given, else the
/// recorded id beside the record (a class's folder that carries its own
/// scenarios), else in `scenarios/`.
pub fn scenario_of(
    session: &Path,
    id: &str,
    explicit: Option<&Path>,
) -> Option<std::path::PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    let beside = session
        .parent()
        .map(|d| d.join(format!("{id}.ron")))
        .filter(|p| p.is_file() && !id.is_empty());
    beside.or_else(|| crate::scenario::resolve(id))
}

/// Loads a session for review: the record, its scenario ([`scenario_of`]),
/// the policy (`policy`, else the recorded one), the
/// card re-scored from the log, the replay frames and the notes.
pub fn open(
    session: &Path,
    policy: Option<&str>,
    scenario: Option<&Path>,
    lang: Lang,
) -> Result<Opened, OpenError> {
    let record = crate::session::load(session).map_err(OpenError::Session)?;
    let wanted = policy.unwrap_or(&record.policy).to_string();
    let policy = crate::policy::load_by_id_or_path(&wanted)
        .map_err(|ds| OpenError::Policy(ds, !crate::policy::exists(&wanted, None)))?;
    let no_scenario = || {
        Msg::new("review-no-scenario")
            .with("scenario", record.scenario.as_str())
            .with("session", session.display().to_string())
    };
    let path = scenario_of(session, &record.scenario, scenario)
        .ok_or_else(|| OpenError::Scenario(no_scenario(), Vec::new()))?;
    let scenario =
        crate::scenario::check_file(&path).map_err(|ds| OpenError::Scenario(no_scenario(), ds))?;
    // Another version of the scenario replays on another map: say so.
    let scenario_changed =
        crate::session::sha256_hex(scenario.source.as_bytes()) != record.scenario_hash;
    let notes = notes::load_notes(session)
        .map_err(OpenError::Notes)?
        .unwrap_or_default();
    let card = crate::scoring::score(&record.events, &policy.policy);
    let replay = frames::frames(&scenario.scenario, &record);
    let setup = RunSetup {
        path,
        scenario,
        policy,
        seed: record.seed,
        trainee: record.trainee.clone(),
        lang,
    };
    let state = RunState {
        replay,
        track: record.track.clone(),
        started_at: record.started_at.clone(),
        // Never saved: the record is only read.
        record_path: None,
        end: record.end,
        score: Some(card),
        ..Default::default()
    };
    Ok(Opened {
        setup,
        state,
        log: record.events,
        notes,
        scenario_changed,
    })
}

/// Puts an opened session into the game and shows it in the replay.
pub fn show(world: &mut World, session: &Path, opened: Opened) {
    let last = opened.state.replay.last().map(|f| f.tick).unwrap_or(0);
    let first = opened
        .state
        .replay
        .first()
        .map(|f| f.scene.clone())
        .unwrap_or_default();
    world.insert_resource(SceneViewRes(first));
    world.insert_resource(SimLog(opened.log));
    world.insert_resource(SimEnd(opened.state.end));
    world.insert_resource(SimTick(last));
    world.insert_resource(opened.state);
    world.insert_resource(opened.setup);
    world.insert_resource(Review {
        session: session.to_path_buf(),
        notes: opened.notes,
        selected: None,
        entry: None,
        status: None,
    });
    world
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Replay);
}

/// `forcesim review`: opens the session named in the options, or exits 1
/// saying why (the command line has checked it already, so this is rare).
fn begin(world: &mut World) {
    let options = world.resource::<GameOptions>().clone();
    let Some(session) = options.review.clone() else {
        return;
    };
    let scenario = options.review_scenario.as_deref();
    match open(&session, options.policy.as_deref(), scenario, options.lang) {
        Ok(opened) => show(world, &session, opened),
        Err(e) => {
            eprintln!("{}", e.render(options.lang));
            world.write_message(AppExit::from_code(1));
        }
    }
}

/// For a screenshot of a review: stop at the costliest breach (or 60 % through
/// when there is none), paused, with it selected, so the picture shows a
/// finding, its moment and the cursor on the timeline.
fn settle_for_screenshot(
    options: Res<GameOptions>,
    state: Res<RunState>,
    review: Option<ResMut<Review>>,
    mut clock: ResMut<crate::game::screens::replay::ReplayClock>,
) {
    let Some(mut review) = review else {
        return;
    };
    if options.screenshot.is_none() {
        return;
    }
    let end = state.replay.last().map(|f| f.tick as f32).unwrap_or(0.0);
    let breach = state.score.as_ref().and_then(|c| {
        (0..c.findings.len())
            .filter(|&i| c.findings[i].points < 0.0)
            .min_by(|&a, &b| c.findings[a].points.total_cmp(&c.findings[b].points))
    });
    clock.playing = false;
    clock.tick = match breach.and_then(|i| Some((i, state.score.as_ref()?.findings.get(i)?))) {
        Some((i, f)) => {
            review.selected = Some(i);
            (f.t * TICK_HZ as f32).min(end)
        }
        None => end * 0.6,
    };
}

/// A run set up after a review is not one (its replay goes back to its
/// debrief, its record is saved).
fn end_review(mut commands: Commands) {
    commands.remove_resource::<Review>();
}

/// Registers review.
pub fn plugin(app: &mut App) {
    app.add_systems(PostStartup, begin)
        .add_systems(OnEnter(Screen::Briefing), end_review)
        .add_systems(OnEnter(Screen::Gameplay), end_review)
        .add_systems(
            OnEnter(Screen::Replay),
            settle_for_screenshot.after(crate::game::screens::replay::spawn),
        )
        .add_plugins(panel::plugin);
}
