//! The headless simulation: Bevy plugins in `FixedUpdate` (60 Hz) with rapier.
//! It turns a scenario, a seed and the trainee's inputs into an event log.
//! Nothing here draws; `game/` reads the resources below and draws them.
//!
//! # What the game, the runner and bots can rely on
//! - Add [`SimPlugin`] to an app that has rapier's prerequisites (see
//!   [`headless::app`] for the minimal set; a windowed app has them), then
//!   insert [`SimSetup`]. The run starts on the next fixed tick and is
//!   deterministic: same setup (scenario, seed) and the same inputs per tick
//!   give the same [`SimLog`] byte for byte.
//! - Before each tick write [`TraineeInputRes`]; its actions are consumed by
//!   the tick. After each tick read [`TraineeViewRes`] (what the trainee
//!   perceives), [`SceneViewRes`] (what to draw; filled when
//!   [`SimOptions::scene_view`] is set, with the fog-of-war polygon when
//!   [`SimOptions::visibility_polygon`] is set), [`SimLog`], [`SimTick`]
//!   (ticks completed) and [`SimEnd`] (set once, when the run ends).
//! - `TraineeView::noticed` names what the trainee noticed this tick:
//!   `shot`, `officer_down`, `weapon_seen`, `backup_arrived`.
//! - Sight: walls and closed doors block it; cover and vehicles block it
//!   unless the viewer or the viewed stands within [`world::PEEK`] of the
//!   object (crouched at an engine block you look over the hood). Rounds:
//!   walls, hard cover and engine blocks stop them; soft cover, cabins and
//!   closed doors do not.
//! - Instructor console: push to [`InstructorInput`]; pause with
//!   `Intervention::Pause`/`Resume` or [`SimPaused`]; end with [`StopRequest`].
//! - To run a new scenario in the same app, call [`clear_run`] and insert a
//!   new [`SimSetup`] (every run resource is rebuilt on the next tick).
//! - [`headless::run`] runs a whole session with a [`crate::trainee::TraineeDriver`];
//!   [`testing`] has app builders for tests.
//!
//! # Order within a tick ([`SimSet`], chained)
//! `Input` (trainee input, instructor, triggers) -> `Ai` (subjects, partners,
//! bystanders, crowds decide) -> `Act` (actions and force carried out) ->
//! `Physics` (movement against the colliders, rapier step) -> `Perceive`
//! (perception, exposure, objectives, end) -> `Log` (events written, views
//! filled, tick advanced).

mod actions;
mod api;
mod combat;
mod crowds;
mod exposure;
mod geom;
pub mod headless;
mod input;
mod journal;
mod movement;
mod others;
mod partners;
mod perception;
mod rng;
mod scene;
pub(crate) mod searching;
mod spawn;
pub mod state;
mod steer;
mod step;
mod subjects;
pub mod testing;
mod triggers;
pub mod world;

pub use api::*;
pub use journal::Journal;
pub use perception::{Perception, Shown, perceived_level, shown};
pub use rng::SimRng;
pub use state::{Phase, SimState};
pub use world::SimEntity;
/// The map's colliders and a person's body, as the simulation spawns them
/// (the benchmark's bare Bevy + rapier floor reuses them).
pub use world::{spawn_body, spawn_map};

use bevy::prelude::*;
use bevy_rapier2d::prelude::*;

/// The order of work within one fixed tick.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SimSet {
    /// Start the run; read the trainee's input and the instructor; triggers.
    Input,
    /// Subjects, partners, bystanders and crowds decide.
    Ai,
    /// Actions and force are carried out.
    Act,
    /// Movement, then rapier's step.
    Physics,
    /// Perception, exposure, objectives and end conditions.
    Perceive,
    /// Events written, views filled, tick advanced.
    Log,
}

/// Ends the current run in this world: despawns every [`SimEntity`] and
/// removes the run's state, so a new [`SimSetup`] starts afresh.
pub fn clear_run(world: &mut World) {
    let entities: Vec<Entity> = world
        .query_filtered::<Entity, With<SimEntity>>()
        .iter(world)
        .collect();
    for e in entities {
        world.despawn(e);
    }
    world.remove_resource::<SimState>();
    world.remove_resource::<SimSetup>();
    world.resource_mut::<SimPaused>().0 = false;
    world.resource_mut::<StopRequest>().0 = false;
    world.resource_mut::<InstructorInput>().0.clear();
    world.resource_mut::<TraineeInputRes>().0 = Default::default();
}

/// Runs while a scenario is loaded, started and not ended or paused.
pub fn sim_running(state: Option<Res<SimState>>, paused: Res<SimPaused>) -> bool {
    !paused.0 && state.is_some_and(|s| s.phase == Phase::Running)
}

/// Every simulation plugin. Needs rapier's plugin in `FixedUpdate`
/// (added here unless already present) and `TransformPlugin`.
pub struct SimPlugin;

impl Plugin for SimPlugin {
    fn build(&self, app: &mut App) {
        if !app.is_plugin_added::<RapierPhysicsPlugin<NoUserData>>() {
            app.add_plugins(RapierPhysicsPlugin::<NoUserData>::default().in_fixed_schedule());
        }
        app.insert_resource(TimestepMode::Fixed {
            dt: state::DT,
            substeps: 1,
        });
        app.insert_resource(Time::<Fixed>::from_hz(state::HZ as f64));
        app.init_resource::<TraineeInputRes>()
            .init_resource::<TraineeViewRes>()
            .init_resource::<SceneViewRes>()
            .init_resource::<SimLog>()
            .init_resource::<SimEnd>()
            .init_resource::<SimTick>()
            .init_resource::<SimOptions>()
            .init_resource::<InstructorInput>()
            .init_resource::<SimPaused>()
            .init_resource::<StopRequest>();
        app.configure_sets(
            FixedUpdate,
            (
                SimSet::Input,
                SimSet::Ai,
                SimSet::Act,
                SimSet::Physics,
                SimSet::Perceive,
                SimSet::Log,
            )
                .chain(),
        );
        app.configure_sets(
            FixedUpdate,
            (
                PhysicsSet::SyncBackend,
                PhysicsSet::StepSimulation,
                PhysicsSet::Writeback,
            )
                .in_set(SimSet::Physics),
        );
        app.add_systems(Startup, |mut config: Query<&mut RapierConfiguration>| {
            for mut c in &mut config {
                c.gravity = Vec2::ZERO;
            }
        });
        app.add_systems(
            FixedUpdate,
            spawn::init_run
                .in_set(SimSet::Input)
                .run_if(resource_exists::<SimSetup>.and_then(not(resource_exists::<SimState>))),
        );
        app.add_systems(
            FixedUpdate,
            spawn::finish_warmup
                .after(SimSet::Log)
                .run_if(resource_exists::<SimState>),
        );
        app.add_plugins((
            input::plugin,
            subjects::plugin,
            partners::plugin,
            others::plugin,
            crowds::plugin,
            actions::plugin,
            movement::plugin,
            perception::plugin,
            exposure::plugin,
            searching::plugin,
            triggers::plugin,
            scene::plugin,
        ));
    }
}
