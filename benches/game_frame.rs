//! The game's CPU time, without rendering: one frame of the game's own work
//! (input, simulation, HUD and scene updates) while the trainee walks and
//! turns in the felony stop, and one step of the simulation as the game runs
//! it (scene view and visibility polygon on), beside the bot's thinking.
//!
//! `cargo bench --bench game_frame` (criterion). Goal (issue 5): a whole
//! frame under 16 ms at 1920x1080 on a real GPU; the CPU share measured here
//! has to leave room for rendering. Frame-time percentiles over 600 frames
//! are printed at the end.

use bevy::prelude::*;
use criterion::{Criterion, criterion_group, criterion_main};
use forcesim::game::run::backend::SimBackend;
use forcesim::game::run::nested::NestedSim;
use forcesim::game::{GameOptions, ScreenArg, headless_app};
use forcesim::trainee::TraineeDriver;
use std::time::{Duration, Instant};

const SCENARIO: &str = "felony_stop";
const SEED: u64 = 2;
/// Frames (or steps) before the app (or simulation) is made afresh, so that
/// every sample measures a session in play, not one that has ended.
const RUN: u64 = 600;

/// The game, headless, in gameplay one second into the felony stop.
fn game() -> (App, tempdir::Dir) {
    let dir = tempdir::Dir::new("game-frame");
    let mut app = headless_app(GameOptions {
        scenario: Some(SCENARIO.into()),
        screen: ScreenArg::Gameplay,
        seed: Some(SEED),
        after: Some(1.0),
        sessions_dir: dir.0.clone(),
        ..Default::default()
    });
    for _ in 0..10 {
        app.update();
    }
    (app, dir)
}

/// One frame with the trainee walking: W, D, S, A, a quarter of a run each.
fn frame(app: &mut App, i: u64) -> Duration {
    let key =
        [KeyCode::KeyW, KeyCode::KeyD, KeyCode::KeyS, KeyCode::KeyA][(i % RUN * 4 / RUN) as usize];
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(key);
    let t = Instant::now();
    app.update();
    let took = t.elapsed();
    let mut keys = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
    keys.release_all();
    keys.clear();
    took
}

/// The simulation the game nests, with the by-the-book bot driving.
fn sim() -> (NestedSim, Box<dyn TraineeDriver>) {
    let sc = forcesim::scenario::check_file(std::path::Path::new("scenarios/felony_stop.ron"))
        .expect("felony_stop checks");
    let pol = forcesim::policy::load_by_id_or_path(&sc.scenario.policy).expect("its policy loads");
    let bot = forcesim::trainee::bots::by_name("by_the_book", &sc.scenario, &pol.policy)
        .expect("the bot exists");
    let sim = NestedSim::new(forcesim::sim::SimSetup {
        scenario: sc.scenario.clone(),
        policy: pol.policy.clone(),
        seed: SEED,
    });
    (sim, bot)
}

/// Times `iters` calls of `timed`, remaking the state with `make` every
/// [`RUN`] calls (untimed).
fn runs<S>(
    iters: u64,
    make: impl Fn() -> S,
    mut timed: impl FnMut(&mut S, u64) -> Duration,
) -> Duration {
    let mut total = Duration::ZERO;
    let mut state = make();
    for i in 0..iters {
        if i > 0 && i % RUN == 0 {
            state = make();
        }
        total += timed(&mut state, i);
    }
    total
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group(SCENARIO);
    g.sample_size(20).measurement_time(Duration::from_secs(10));
    g.bench_function("game_frame_cpu", |b| {
        b.iter_custom(|iters| runs(iters, game, |(app, _), i| frame(app, i)))
    });
    g.bench_function("sim_step", |b| {
        b.iter_custom(|iters| {
            runs(iters, sim, |(sim, bot), _| {
                let input = bot.input(sim.view());
                let t = Instant::now();
                sim.step(&input);
                t.elapsed()
            })
        })
    });
    g.bench_function("bot_input", |b| {
        b.iter_custom(|iters| {
            runs(iters, sim, |(sim, bot), _| {
                let t = Instant::now();
                let input = bot.input(sim.view());
                let took = t.elapsed();
                sim.step(&input);
                took
            })
        })
    });
    g.finish();

    // Frame times are judged by their tail: print the percentiles of one run.
    let ms = |d: Duration| d.as_secs_f32() * 1000.0;
    let (mut app, _dir) = game();
    let frames: Vec<f32> = (0..RUN).map(|i| ms(frame(&mut app, i))).collect();
    let (mut s, mut bot) = sim();
    let steps: Vec<f32> = (0..RUN)
        .map(|_| {
            let input = bot.input(s.view());
            let t = Instant::now();
            s.step(&input);
            ms(t.elapsed())
        })
        .collect();
    for (what, times) in [("game CPU per frame", &frames), ("sim step", &steps)] {
        let p = forcesim::game::diagnostics::frame_stats(times).expect("times");
        println!(
            "{what} over {} ({SCENARIO}, seed {SEED}): p50 {:.3} ms, p95 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
            p.frames, p.p50, p.p95, p.p99, p.max
        );
    }
}

/// A scratch folder for the sessions the game saves, removed afterwards.
mod tempdir {
    /// The folder; removed when dropped.
    pub struct Dir(pub std::path::PathBuf);

    impl Dir {
        pub fn new(name: &str) -> Dir {
            // A new folder each time: the previous one is removed when its
            // app is replaced, after this one is made.
            static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
            let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let d = std::env::temp_dir()
                .join(format!("forcesim-bench-{name}-{}-{n}", std::process::id()));
            std::fs::create_dir_all(&d).expect("a temp folder");
            Dir(d)
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
