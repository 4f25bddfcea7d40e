//! Runs a session with no window: `forcesim run`, tests and benchmarks.
//!
//! The app has `MinimalPlugins` (one compute thread), rapier (no rendering) and
//! [`SimPlugin`]; every schedule uses the single-threaded executor (the
//! multi-threaded one costs about a millisecond per update on two cores), and
//! time advances by exactly one fixed step per `update()`
//! (`TimeUpdateStrategy::FixedTimesteps(1)`), so each update is one tick.

use super::{
    SimEnd, SimOptions, SimPlugin, SimSetup, SimState, SimTick, TraineeInputRes, TraineeViewRes,
};
use crate::events::TrackSample;
use crate::events::{EndReason, EventLog, TICK_HZ};
use crate::trainee::TraineeDriver;
use bevy::ecs::schedule::{Schedules, SingleThreadedExecutor};
use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;

/// How to run.
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// Ticks between track samples (15 = every 0.25 s).
    pub track_every: u32,
    /// Stop after this many seconds even if the scenario's limit is longer.
    pub max_seconds: Option<f32>,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            track_every: TICK_HZ / 4,
            max_seconds: None,
        }
    }
}

/// What a run produced.
#[derive(Debug, Clone)]
pub struct RunResult {
    /// The event log.
    pub log: EventLog,
    /// Positions of everyone on scene, sampled.
    pub track: Vec<TrackSample>,
    /// Why it ended.
    pub end: EndReason,
    /// Ticks simulated.
    pub ticks: u32,
}

/// The plugins every headless app starts from: `MinimalPlugins` with one
/// compute thread (Bevy then runs its parallel queries inline instead of
/// waking worker threads every tick). No `TransformPlugin`: people have no
/// hierarchy, and rapier propagates the transforms it needs itself.
pub fn base_plugins() -> impl PluginGroup {
    use bevy::app::{TaskPoolOptions, TaskPoolPlugin};
    MinimalPlugins.set(TaskPoolPlugin {
        task_pool_options: TaskPoolOptions::with_num_threads(1),
    })
}

/// Makes every schedule of the app single-threaded.
pub fn single_threaded(app: &mut App) {
    let mut schedules = app.world_mut().resource_mut::<Schedules>();
    for (_, schedule) in schedules.iter_mut() {
        schedule.set_executor(SingleThreadedExecutor::new());
    }
}

/// A headless app for this setup, ready for `update()` (one tick per update).
pub fn app(setup: SimSetup) -> App {
    app_with(
        setup,
        SimOptions {
            scene_view: false,
            visibility_polygon: false,
            ..default()
        },
    )
}

/// A headless app with these options.
pub fn app_with(setup: SimSetup, options: SimOptions) -> App {
    let mut app = App::new();
    app.add_plugins((base_plugins(), SimPlugin));
    app.init_resource::<bevy::transform::StaticTransformOptimizations>();
    app.insert_resource(TimeUpdateStrategy::FixedTimesteps(1));
    app.insert_resource(options);
    app.insert_resource(setup);
    single_threaded(&mut app);
    app.finish();
    app.cleanup();
    app
}

/// The benchmark's floor: a bare app with the same plugins, executor and
/// fixed step, and the same colliders and bodies as `setup` would get, but no
/// simulation systems. Tick it with `update()` as many times as a run.
pub fn floor_app(setup: &SimSetup) -> App {
    floor_app_with(setup, false)
}

/// [`floor_app`], and with `crowd_bodies` also one kinematic body per crowd
/// member, spread over its zone as the simulation spreads the crowd. The
/// simulation gives crowd members no bodies (they are light agents); the
/// crowd benchmark sets its tick beside both floors.
pub fn floor_app_with(setup: &SimSetup, crowd_bodies: bool) -> App {
    use bevy_rapier2d::prelude::*;
    let mut app = App::new();
    app.add_plugins((
        base_plugins(),
        RapierPhysicsPlugin::<NoUserData>::default().in_fixed_schedule(),
    ));
    app.init_resource::<bevy::transform::StaticTransformOptimizations>();
    app.insert_resource(TimestepMode::Fixed {
        dt: super::state::DT,
        substeps: 1,
    });
    app.insert_resource(Time::<Fixed>::from_hz(TICK_HZ as f64));
    app.insert_resource(TimeUpdateStrategy::FixedTimesteps(1));
    let sc = setup.scenario.clone();
    app.add_systems(Startup, move |mut commands: Commands| {
        super::world::spawn_map(&mut commands, &sc);
        let people = 1 + sc.officers.partners.len() + sc.subjects.len() + sc.bystanders.len();
        for k in 0..people {
            super::world::spawn_body(&mut commands, Vec2::new(1.0 + k as f32, 1.0));
        }
        if !crowd_bodies {
            return;
        }
        for c in &sc.crowds {
            let Some(z) = sc.map.zones.iter().find(|z| z.id == c.zone) else {
                continue;
            };
            let cols = (c.count as f32).sqrt().ceil().max(1.0) as u32;
            let rows = c.count.div_ceil(cols).max(1);
            let (w, h) = (z.max.0 - z.min.0, z.max.1 - z.min.1);
            for k in 0..c.count {
                let (col, row) = (k % cols, k / cols);
                let pos = Vec2::new(
                    z.min.0 + w * (col as f32 + 0.5) / cols as f32,
                    z.min.1 + h * (row as f32 + 0.5) / rows as f32,
                );
                super::world::spawn_body(&mut commands, pos);
            }
        }
    });
    single_threaded(&mut app);
    app.finish();
    app.cleanup();
    app
}

/// Runs a session to its end with `driver` playing the trainee.
pub fn run(setup: SimSetup, driver: &mut dyn TraineeDriver, options: &RunOptions) -> RunResult {
    let mut app = app(setup);
    run_app(&mut app, driver, options)
}

/// Runs an app built by [`app`] to its end.
pub fn run_app(app: &mut App, driver: &mut dyn TraineeDriver, options: &RunOptions) -> RunResult {
    // Start-up and the warm-up tick (rapier indexes the colliders).
    let mut guard = 0;
    while app
        .world()
        .get_resource::<SimState>()
        .is_none_or(|s| s.phase == super::Phase::Warmup)
        && guard < 10
    {
        app.update();
        guard += 1;
    }
    let limit = options
        .max_seconds
        .map(|s| (s * TICK_HZ as f32).ceil() as u32);
    let mut track = Vec::new();
    let every = options.track_every.max(1);
    loop {
        let (tick, ended) = {
            let w = app.world();
            (
                w.resource::<SimTick>().0,
                w.resource::<SimEnd>().0.is_some(),
            )
        };
        if ended || limit.is_some_and(|l| tick >= l) {
            break;
        }
        if tick.is_multiple_of(every) {
            track.push(sample(app.world(), tick));
        }
        let input = driver.input(&app.world().resource::<TraineeViewRes>().0);
        app.world_mut().resource_mut::<TraineeInputRes>().0 = input;
        if driver.finished() {
            // The trainee ends the session (the stop is honoured this tick).
            app.world_mut().resource_mut::<super::StopRequest>().0 = true;
        }
        // Exactly one tick per update; a second update only if time slipped.
        let mut tries = 0;
        while app.world().resource::<SimTick>().0 == tick && tries < 3 {
            app.update();
            tries += 1;
        }
    }
    let w = app.world_mut();
    let ticks = w.resource::<SimTick>().0;
    track.push(sample(w, ticks));
    let end = w.resource::<SimEnd>().0.unwrap_or(EndReason::Stopped);
    let log = std::mem::take(&mut w.resource_mut::<super::SimLog>().0);
    RunResult {
        log,
        track,
        end,
        ticks,
    }
}

fn sample(world: &World, tick: u32) -> TrackSample {
    let state = world.resource::<SimState>();
    TrackSample {
        tick,
        actors: state
            .people
            .iter()
            .filter(|p| p.present)
            .map(|p| (p.id.clone(), (p.pos.x, p.pos.y), p.heading.to_degrees()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::testing::*;

    #[test]
    fn each_update_is_exactly_one_tick() {
        let sc = blank_scenario((10.0, 10.0), (5.0, 5.0));
        let mut app = sim_app(setup(sc, 1));
        let start = app.world().resource::<SimTick>().0;
        for k in 1..=120 {
            app.update();
            assert_eq!(app.world().resource::<SimTick>().0, start + k);
        }
    }

    #[test]
    fn a_cleared_world_runs_a_new_setup_afresh() {
        let mut sc = blank_scenario((10.0, 10.0), (5.0, 5.0));
        sc.subjects.push(subject("s", (8.0, 5.0)));
        let mut app = sim_app(setup(sc.clone(), 1));
        idle(&mut app, 30);
        let first = log(&app).clone();
        crate::sim::clear_run(app.world_mut());
        app.insert_resource(setup(sc, 1));
        for _ in 0..2 {
            app.update();
        }
        idle(&mut app, 30);
        assert_eq!(log(&app), &first);
    }
}
