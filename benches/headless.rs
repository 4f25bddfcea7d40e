//! How long a headless run of a 5-minute scenario takes, beside the floor: a
//! bare Bevy + rapier app with the same colliders and bodies and none of the
//! simulation's systems, ticked the same number of times with the same
//! executor and time stepping.
//!
//! `cargo bench --bench headless` (criterion). Goals (issue 3): the run under
//! 1 s, and no more than 2x the floor. The ratio is printed at the end.

use bevy::prelude::*;
use bevy::time::TimeUpdateStrategy;
use bevy::transform::TransformPlugin;
use bevy_rapier2d::prelude::*;
use criterion::{Criterion, criterion_group, criterion_main};
use forcesim::session::{self, DriverSpec, RunRequest};
use forcesim::sim::headless;
use std::time::{Duration, Instant};

/// The scenario, driver and seed of the benchmark: a shipped scenario whose
/// time limit is forced to 300 s, with the passive bot (it talks and never
/// takes custody, so the run lasts the whole five minutes).
const SCENARIO: &str = "felony_stop";
const BOT: &str = "passive";
const SEED: u64 = 1;
const SECONDS: f32 = 300.0;

fn request() -> RunRequest {
    let mut r = RunRequest::new(SCENARIO, DriverSpec::Bot(BOT.to_string()), SEED);
    r.time_limit = Some(SECONDS);
    r
}

/// One full headless session (load, simulate, score), as `forcesim run` does
/// it minus writing the file. Returns the ticks simulated.
fn headless_run() -> u32 {
    let s = session::run(&request()).expect("the benchmark scenario loads");
    s.ticks
}

/// The floor: the same app shell (minimal plugins, transforms, rapier in the
/// fixed schedule at 60 Hz, one fixed step per update, single-threaded), the
/// same static colliders and one kinematic body per person, no simulation.
fn floor_app() -> App {
    let path = forcesim::scenario::resolve(SCENARIO).expect("scenario");
    let scenario = forcesim::scenario::load(&path).expect("loads").scenario;
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        TransformPlugin,
        RapierPhysicsPlugin::<NoUserData>::default().in_fixed_schedule(),
    ));
    app.insert_resource(TimestepMode::Fixed {
        dt: 1.0 / 60.0,
        substeps: 1,
    });
    app.insert_resource(Time::<Fixed>::from_hz(60.0));
    app.insert_resource(TimeUpdateStrategy::FixedTimesteps(1));
    app.add_systems(
        Startup,
        move |mut commands: Commands, mut config: Query<&mut RapierConfiguration>| {
            for mut c in &mut config {
                c.gravity = Vec2::ZERO;
            }
            forcesim::sim::spawn_map(&mut commands, &scenario);
            let mut people = vec![scenario.officers.trainee.spawn];
            people.extend(scenario.officers.partners.iter().map(|p| p.spawn));
            people.extend(scenario.subjects.iter().map(|s| s.spawn));
            people.extend(scenario.bystanders.iter().map(|b| b.spawn));
            for p in people {
                forcesim::sim::spawn_body(&mut commands, Vec2::new(p.0, p.1));
            }
        },
    );
    headless::single_threaded(&mut app);
    app.finish();
    app.cleanup();
    app
}

fn floor_run(ticks: u32) {
    let mut app = floor_app();
    for _ in 0..ticks {
        app.update();
    }
}

fn bench(c: &mut Criterion) {
    let ticks = headless_run();
    assert!(
        ticks as f32 >= SECONDS * 60.0 - 1.0,
        "the benchmark run ended early ({ticks} ticks): pick a driver that keeps it going"
    );
    let mut g = c.benchmark_group("five_minute_scenario");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("headless_run", |b| b.iter(headless_run));
    g.bench_function("floor_bevy_rapier", |b| b.iter(|| floor_run(ticks)));
    g.finish();

    // Criterion reports each on its own; the ratio is the goal, so print it.
    let time = |f: &dyn Fn()| {
        let mut best = f64::INFINITY;
        for _ in 0..5 {
            let t0 = Instant::now();
            f();
            best = best.min(t0.elapsed().as_secs_f64());
        }
        best
    };
    let run = time(&|| {
        headless_run();
    });
    let floor = time(&|| floor_run(ticks));
    println!(
        "five-minute scenario ({SCENARIO}, bot {BOT}, {ticks} ticks): run {:.3} s, floor {:.3} s, \
         ratio {:.2}x (goals: run < 1 s, ratio <= 2x); best of 5",
        run,
        floor,
        run / floor
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
