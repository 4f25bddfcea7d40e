//! The public-assembly tick with a large crowd, beside the floor: a bare
//! Bevy + rapier app with the same colliders, schedule, executor and fixed
//! step and none of the simulation's systems (issue 12).
//!
//! `scenarios/public_assembly.ron` with its crowd raised in code to 250 and
//! to 2,000 people (so the benchmark does not depend on a scenario of
//! another branch), the trainee standing at the spawn and the rally milling
//! about. Crowd members are light agents without rapier bodies, so there
//! are two floors: `floor_same_bodies` has exactly the simulation's colliders
//! and bodies, `floor_crowd_bodies` adds one kinematic ball per crowd
//! member (the same number of bodies as people on scene). Goal: the tick at
//! most 1.5x the floor. `cargo bench --bench crowd`; the ratios are printed
//! at the end.

use criterion::{Criterion, criterion_group, criterion_main};
use forcesim::session::{self, DriverSpec, RunRequest};
use forcesim::sim::{SimEnd, SimSetup, SimState, headless};
use std::time::{Duration, Instant};

const SIZES: [u32; 2] = [250, 2000];
/// Ticks per timed batch (10 s of simulated time).
const TICKS: u32 = 600;

fn setup(crowd: u32) -> SimSetup {
    let p = session::prepare(&RunRequest::new(
        "public_assembly",
        DriverSpec::Bot("passive".to_string()),
        1,
    ))
    .expect("public_assembly loads");
    let mut sc = p.scenario.scenario.clone();
    sc.crowds[0].count = crowd;
    // Never end while measured.
    sc.time_limit = 3600.0;
    SimSetup {
        scenario: sc,
        policy: p.policy.policy.clone(),
        seed: 1,
    }
}

/// A running simulation, past start-up and the first seconds.
fn sim(crowd: u32) -> bevy::app::App {
    let mut app = headless::app(setup(crowd));
    for _ in 0..10 {
        app.update();
        if app
            .world()
            .get_resource::<SimState>()
            .is_some_and(|s| s.phase == forcesim::sim::Phase::Running)
        {
            break;
        }
    }
    for _ in 0..120 {
        app.update();
    }
    app
}

fn floor(crowd: u32, bodies: bool) -> bevy::app::App {
    let mut app = headless::floor_app_with(&setup(crowd), bodies);
    for _ in 0..130 {
        app.update();
    }
    app
}

/// `n` ticks of the simulation; past its hour-long limit (criterion may tick
/// that often) it starts again, which is rare enough not to count.
fn ticks(app: &mut bevy::app::App, crowd: u32, n: u32) {
    for _ in 0..n {
        app.update();
    }
    if app.world().resource::<SimEnd>().0.is_some() {
        *app = sim(crowd);
    }
}

fn floor_ticks(app: &mut bevy::app::App, n: u32) {
    for _ in 0..n {
        app.update();
    }
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("assembly_tick");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for n in SIZES {
        let mut app = sim(n);
        g.bench_function(format!("sim_{n}"), |b| b.iter(|| ticks(&mut app, n, 1)));
        let mut f = floor(n, false);
        g.bench_function(format!("floor_same_bodies_{n}"), |b| {
            b.iter(|| floor_ticks(&mut f, 1))
        });
        let mut f = floor(n, true);
        g.bench_function(format!("floor_crowd_bodies_{n}"), |b| {
            b.iter(|| floor_ticks(&mut f, 1))
        });
    }
    g.finish();

    // The ratio is the goal, so print it: best of 5 batches of TICKS ticks.
    let best = |app: &mut bevy::app::App, crowd: Option<u32>| {
        let mut best = f64::INFINITY;
        for _ in 0..5 {
            let t0 = Instant::now();
            if let Some(n) = crowd {
                ticks(app, n, TICKS);
            } else {
                floor_ticks(app, TICKS);
            }
            best = best.min(t0.elapsed().as_secs_f64());
        }
        best / TICKS as f64
    };
    for n in SIZES {
        let run = best(&mut sim(n), Some(n));
        let same = best(&mut floor(n, false), None);
        let bodies = best(&mut floor(n, true), None);
        println!(
            "public_assembly, crowd {n}: tick {:.3} ms; floor with the same bodies {:.3} ms (ratio {:.2}x), \
             floor with a body per crowd member {:.3} ms (ratio {:.2}x); goal <= 1.5x; best of 5 x {TICKS} ticks",
            run * 1e3,
            same * 1e3,
            run / same,
            bodies * 1e3,
            run / bodies
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
