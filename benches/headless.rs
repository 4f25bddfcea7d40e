//! How long a headless run of a 5-minute scenario takes, beside the floor: a
//! bare Bevy + rapier app with the same colliders and bodies and none of the
//! simulation's systems, ticked the same number of times with the same
//! executor and time stepping.
//!
//! `cargo bench --bench headless` (criterion). Goals (issue 3): the run under
//! 1 s, and no more than 2x the floor. The ratio is printed at the end.

use criterion::{Criterion, criterion_group, criterion_main};
use forcesim::session::{self, DriverSpec, RunRequest};
use forcesim::sim::{SimSetup, headless};
use forcesim::trainee::{TraineeDriver, TraineeInput, TraineeView};
use std::time::{Duration, Instant};

/// The scenario and driver of the benchmark: a shipped scenario whose time
/// limit is forced to 300 s, with the passive bot (it talks and never takes
/// custody) kept going to the end (it would otherwise give up).
const SCENARIO: &str = "felony_stop";
const BOT: &str = "passive";
const SECONDS: f32 = 300.0;

/// A driver that never declares itself finished.
struct KeepGoing(Box<dyn TraineeDriver>);

impl TraineeDriver for KeepGoing {
    fn input(&mut self, view: &TraineeView) -> TraineeInput {
        self.0.input(view)
    }
}

fn request(seed: u64) -> RunRequest {
    let mut r = RunRequest::new(SCENARIO, DriverSpec::Bot(BOT.to_string()), seed);
    r.time_limit = Some(SECONDS);
    r
}

/// One full headless session (load, simulate, score), as `forcesim run` does
/// it minus writing the file. Returns the ticks simulated.
fn headless_run(seed: u64) -> u32 {
    let mut p = session::prepare(&request(seed)).expect("the benchmark scenario loads");
    p.driver = Box::new(KeepGoing(p.driver));
    session::execute(p).ticks
}

/// The floor: the simulation's own bare app (`sim::headless::floor_app`):
/// the same plugins, executor and fixed step, the same colliders and bodies,
/// no simulation systems.
fn floor_run(ticks: u32) {
    let p = session::prepare(&request(1)).expect("the benchmark scenario loads");
    let setup = SimSetup {
        scenario: p.scenario.scenario.clone(),
        policy: p.policy.policy.clone(),
        seed: 1,
    };
    let mut app = headless::floor_app(&setup);
    for _ in 0..ticks {
        app.update();
    }
}

fn bench(c: &mut Criterion) {
    // The first seed whose run lasts the whole five minutes (the subject may
    // shoot the officer or run away in others).
    let full = (SECONDS * 60.0) as u32;
    let (seed, ticks) = (1..=50)
        .map(|seed| (seed, headless_run(seed)))
        .find(|&(_, ticks)| ticks >= full)
        .expect("a seed of felony_stop whose passive run lasts five minutes");
    let mut g = c.benchmark_group("five_minute_scenario");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("headless_run", |b| b.iter(|| headless_run(seed)));
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
        headless_run(seed);
    });
    let floor = time(&|| floor_run(ticks));
    println!(
        "five-minute scenario ({SCENARIO}, bot {BOT}, seed {seed}, {ticks} ticks): run {:.3} s, floor {:.3} s, \
         ratio {:.2}x (goals: run < 1 s, ratio <= 2x); best of 5",
        run,
        floor,
        run / floor
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
