//! The run being played: what was chosen (scenario, policy, seed, trainee), the
//! simulation stepped once per fixed tick, the contract resources copied out
//! for drawing, the replay buffer, and the session record saved as it goes.

pub mod backend;
pub mod nested;
pub mod record;

use super::screens::{Pause, Screen};
use crate::domain::{Lang, Pt};
use crate::events::{EndReason, Intervention};
use crate::policy::LoadedPolicy;
use crate::scenario::LoadedScenario;
use crate::sim::{SceneView, SceneViewRes, SimEnd, SimLog, SimTick, TraineeViewRes};
use crate::trainee::TraineeInput;
use backend::SimBackend;
use bevy::prelude::*;
use std::path::PathBuf;

/// What the next run will be: chosen in the menu (or on the command line).
#[derive(Resource, Debug, Clone)]
pub struct RunSetup {
    /// The scenario file.
    pub path: PathBuf,
    /// The scenario.
    pub scenario: LoadedScenario,
    /// The policy scored under.
    pub policy: LoadedPolicy,
    /// Seed.
    pub seed: u64,
    /// Trainee id.
    pub trainee: String,
    /// Language of the session's texts.
    pub lang: Lang,
}

/// The simulation being played (not `Send`: it may hold a whole headless app).
#[derive(Default)]
pub struct SimHost(pub Option<Box<dyn SimBackend>>);

/// The trainee's input gathered since the last tick: continuous parts are
/// overwritten each frame, discrete actions queue up until the tick takes them.
#[derive(Resource, Debug, Clone, Default)]
pub struct PendingInput(pub TraineeInput);

/// Interventions from the instructor console, applied at the next tick.
#[derive(Resource, Debug, Clone, Default)]
pub struct PendingInterventions(pub Vec<Intervention>);

/// One drawn moment kept for the replay.
#[derive(Debug, Clone)]
pub struct ReplayFrame {
    /// Tick.
    pub tick: u32,
    /// The scene then.
    pub scene: SceneView,
}

/// The run now or last played.
#[derive(Resource, Debug, Clone, Default)]
pub struct RunState {
    /// Scenes every [`REPLAY_EVERY`] ticks.
    pub replay: Vec<ReplayFrame>,
    /// Positions every [`TRACK_EVERY`] ticks, for the session record.
    pub track: Vec<crate::session::TrackSample>,
    /// Wall-clock start, RFC 3339 UTC.
    pub started_at: String,
    /// Where the session record is saved.
    pub record_path: Option<PathBuf>,
    /// Last save failure, shown in the debrief.
    pub save_error: Option<String>,
    /// Tick of the last incremental save.
    pub saved_tick: u32,
    /// Why it ended.
    pub end: Option<EndReason>,
    /// The score card, once scored.
    pub score: Option<crate::scoring::ScoreCard>,
}

/// Scene snapshots for the replay every this many ticks (10 per second).
pub const REPLAY_EVERY: u32 = 6;
/// Track samples for the session record every this many ticks (0.25 s).
pub const TRACK_EVERY: u32 = 15;
/// Incremental saves every this many ticks (5 s).
pub const SAVE_EVERY: u32 = 300;

/// Starts a new simulation for the setup.
pub fn start(world: &mut World) {
    let Some(setup) = world.get_resource::<RunSetup>().cloned() else {
        return;
    };
    let backend: Box<dyn SimBackend> = Box::new(nested::NestedSim::new(crate::sim::SimSetup {
        scenario: setup.scenario.scenario.clone(),
        policy: setup.policy.policy.clone(),
        seed: setup.seed,
    }));
    let started_at = crate::session::now_rfc3339();
    let dir = world
        .get_resource::<super::GameOptions>()
        .map(|o| o.sessions_dir.clone())
        .unwrap_or_else(|| PathBuf::from("sessions"));
    let path = record::session_path(
        &dir,
        &setup.trainee,
        &setup.scenario.scenario.id,
        &started_at,
    );
    world.insert_resource(SceneViewRes(backend.scene().clone()));
    world.insert_resource(TraineeViewRes(backend.view().clone()));
    world.insert_resource(SimLog(backend.log().clone()));
    world.insert_resource(SimEnd(None));
    world.insert_resource(SimTick(0));
    world.insert_resource(PendingInput::default());
    world.insert_resource(PendingInterventions::default());
    world.insert_resource(RunState {
        started_at,
        record_path: Some(path),
        replay: vec![ReplayFrame {
            tick: 0,
            scene: backend.scene().clone(),
        }],
        ..Default::default()
    });
    world.insert_non_send(SimHost(Some(backend)));
}

/// Runs one tick with the pending input and copies the views out.
pub fn step(world: &mut World) {
    let input = std::mem::take(&mut world.resource_mut::<PendingInput>().0.actions);
    // A flashlight switch is sent once, like an action.
    let light = world.resource_mut::<PendingInput>().0.light.take();
    let mut pending = world.resource::<PendingInput>().0.clone();
    pending.actions = input;
    pending.light = light;
    let interventions = std::mem::take(&mut world.resource_mut::<PendingInterventions>().0);
    let Some(mut host) = world.get_non_send_mut::<SimHost>() else {
        return;
    };
    let Some(sim) = host.0.as_mut() else {
        return;
    };
    if sim.end().is_some() {
        return;
    }
    for i in interventions {
        sim.intervene(i);
    }
    sim.step(&pending);
    publish(world);
}

/// Copies the backend's views into the contract resources (new events only).
fn publish(world: &mut World) {
    let host = world.non_send::<SimHost>();
    let Some(sim) = host.0.as_ref() else {
        return;
    };
    let scene = sim.scene().clone();
    let view = sim.view().clone();
    let tick = sim.tick();
    let end = sim.end();
    let known = world.resource::<SimLog>().0.len();
    let new: Vec<_> = sim.log().0.iter().skip(known).cloned().collect();
    let actors: Vec<(String, Pt, f32)> = scene
        .people
        .iter()
        .map(|p| (p.id.clone(), p.pos, p.heading))
        .collect();
    let mut state = world.resource_mut::<RunState>();
    if tick % REPLAY_EVERY == 0 || end.is_some() {
        state.replay.push(ReplayFrame {
            tick,
            scene: scene.clone(),
        });
    }
    if tick % TRACK_EVERY == 0 || end.is_some() {
        state
            .track
            .push(crate::session::TrackSample { tick, actors });
    }
    state.end = end;
    world.resource_mut::<SceneViewRes>().0 = scene;
    world.resource_mut::<TraineeViewRes>().0 = view;
    world.resource_mut::<SimLog>().0.0.extend(new);
    world.resource_mut::<SimEnd>().0 = end;
    world.resource_mut::<SimTick>().0 = tick;
}

/// Ends the run now (quit from the pause menu).
pub fn stop(world: &mut World) {
    if let Some(mut host) = world.get_non_send_mut::<SimHost>()
        && let Some(sim) = host.0.as_mut()
    {
        sim.stop();
        publish(world);
    }
}

/// Steps the simulation once per fixed tick; opens the debrief at the end.
pub fn tick_system(world: &mut World) {
    step(world);
    if world.resource::<SimEnd>().0.is_some() {
        world
            .resource_mut::<NextState<Screen>>()
            .set(Screen::Debrief);
    }
    let tick = world.resource::<SimTick>().0;
    if tick >= world.resource::<RunState>().saved_tick + SAVE_EVERY {
        record::save_now(world, false);
    }
}

fn pause_time(mut time: ResMut<Time<Virtual>>) {
    time.pause();
}

fn resume_time(mut time: ResMut<Time<Virtual>>) {
    time.unpause();
}

/// Registers the run's resources and the fixed-tick stepping.
pub fn plugin(app: &mut App) {
    app.init_resource::<SceneViewRes>()
        .init_resource::<TraineeViewRes>()
        .init_resource::<SimLog>()
        .init_resource::<SimEnd>()
        .init_resource::<SimTick>()
        .init_resource::<PendingInput>()
        .init_resource::<PendingInterventions>()
        .init_resource::<RunState>()
        .insert_non_send(SimHost::default())
        .add_systems(OnEnter(Screen::Gameplay), start)
        .add_systems(FixedUpdate, tick_system.run_if(in_state(Pause::Running)))
        .add_systems(OnEnter(Pause::Paused), pause_time)
        .add_systems(OnExit(Pause::Paused), resume_time)
        .add_systems(OnEnter(Screen::Debrief), record::finish);
}

/// A fresh seed from the clock (for "retry with a new seed").
pub fn fresh_seed() -> u64 {
    let n = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1);
    // Spread the clock's low bits (splitmix64 finaliser).
    let mut z = n.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    (z ^ (z >> 31)) % 1_000_000
}

/// Loads the scenario file and the policy (the given id or file, else the
/// scenario's own) for a run; errors are `file:line:col: error: ...` lines.
pub fn prepare(
    path: &std::path::Path,
    policy: Option<&str>,
    trainee: &str,
    lang: Lang,
    seed: Option<u64>,
) -> Result<RunSetup, String> {
    // Problems read in the game's language.
    let shown = |ds: Vec<crate::diag::Diagnostic>| crate::diag::render_all(&ds, lang).join("\n");
    let scenario = crate::scenario::check_file(path).map_err(shown)?;
    let policy_arg = policy.unwrap_or(&scenario.scenario.policy).to_string();
    let policy = crate::policy::load_by_id_or_path(&policy_arg).map_err(shown)?;
    Ok(RunSetup {
        path: path.to_path_buf(),
        scenario,
        policy,
        seed: seed.unwrap_or_else(fresh_seed),
        trainee: trainee.to_string(),
        lang,
    })
}
