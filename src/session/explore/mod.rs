//! `forcesim explore`: every scenario asked for, with each bot, over a range
//! of seeds, headless and in parallel; the per-seed results summed up per
//! scenario and bot, with a difficulty figure and flags for scenarios that
//! do not discriminate, that a bot cannot finish, or that changed since the
//! previous record. The command line is `cli/explore.rs`; this is the logic.
//!
//! Each run is `session::prepare` + `session::execute_with` (the headless
//! app with its single-threaded executor), on one of `jobs` worker threads
//! that take the next run from a shared counter. A panic is caught and kept
//! as the seed's result; a run is stopped at its time limit plus
//! [`report::CAP_SLACK`] simulated seconds.

pub mod report;
pub mod seed;
pub mod text;

pub use report::*;
pub use seed::*;

use super::run::{DriverSpec, RunError, RunRequest, execute_with, prepare};
use crate::domain::Lang;
use crate::sim::headless::RunOptions;
use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::path::PathBuf;

/// What to explore.
#[derive(Debug, Clone)]
pub struct ExploreRequest {
    /// Scenario files (or ids).
    pub scenarios: Vec<PathBuf>,
    /// Seeds, inclusive.
    pub seeds: RangeInclusive<u64>,
    /// Bots, in the order to report them.
    pub bots: Vec<String>,
    /// `--policy`: one policy for every scenario instead of each one's own.
    pub policy: Option<String>,
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// Language of the finding titles.
    pub lang: Lang,
}

/// One job: scenario index, bot index, seed.
type Job = (usize, usize, u64);

/// A scenario as loaded once before the sweep.
struct Loaded {
    arg: String,
    id: String,
    file: String,
    policy: String,
    time_limit: f32,
    titles: BTreeMap<String, String>,
}

/// Loads every scenario with every bot once (so a broken file or an unknown
/// bot or policy is an error before anything runs), then runs the sweep.
/// `progress` is called once per finished run, from the worker threads.
pub fn explore(req: &ExploreRequest, progress: &(dyn Fn() + Sync)) -> Result<Report, RunError> {
    let mut loaded = Vec::new();
    for path in &req.scenarios {
        let arg = path.display().to_string();
        for bot in &req.bots {
            prepare(&request(req, &arg, bot, *req.seeds.start()))?;
        }
        let bot = req.bots.first().map_or("by_the_book", |b| b.as_str());
        let p = prepare(&request(req, &arg, bot, *req.seeds.start()))?;
        let titles = p
            .policy
            .policy
            .rules
            .iter()
            .map(|r| (r.id.clone(), r.text.get(req.lang).to_string()))
            .collect();
        loaded.push(Loaded {
            arg,
            id: p.scenario.scenario.id.clone(),
            file: p.scenario_path.display().to_string(),
            policy: p.policy.policy.id.clone(),
            time_limit: p.scenario.scenario.time_limit,
            titles,
        });
    }
    let mut jobs: Vec<Job> = Vec::new();
    for si in 0..loaded.len() {
        for bi in 0..req.bots.len() {
            for seed in req.seeds.clone() {
                jobs.push((si, bi, seed));
            }
        }
    }
    let results = par_map(&jobs, req.jobs.max(1), |&(si, bi, seed)| {
        let r = run_one(req, &loaded[si].arg, &req.bots[bi], seed);
        progress();
        r
    });
    let mut per: BTreeMap<(usize, usize), Vec<SeedRun>> = BTreeMap::new();
    for (&(si, bi, _), r) in jobs.iter().zip(results) {
        per.entry((si, bi)).or_default().push(r);
    }
    let scenarios = loaded
        .iter()
        .enumerate()
        .map(|(si, l)| {
            let bots = req
                .bots
                .iter()
                .enumerate()
                .map(|(bi, b)| (b.clone(), per.remove(&(si, bi)).unwrap_or_default()))
                .collect();
            scenario_report(&l.id, &l.file, &l.policy, l.time_limit, bots, &l.titles)
        })
        .collect();
    Ok(assemble(scenarios, req.policy.clone(), req.lang))
}

/// How many runs a request makes.
pub fn run_count(req: &ExploreRequest) -> usize {
    let seeds = req.seeds.end().saturating_sub(*req.seeds.start()) as usize + 1;
    if req.seeds.is_empty() {
        return 0;
    }
    req.scenarios.len() * req.bots.len() * seeds
}

fn request(req: &ExploreRequest, scenario: &str, bot: &str, seed: u64) -> RunRequest {
    let mut r = RunRequest::new(scenario, DriverSpec::Bot(bot.to_string()), seed);
    r.policy = req.policy.clone();
    r.lang = req.lang;
    r
}

/// One seed, with panics caught: a panic in the simulation, a bot or the
/// scoring becomes the seed's result instead of ending the sweep.
fn run_one(req: &ExploreRequest, scenario: &str, bot: &str, seed: u64) -> SeedRun {
    let rq = request(req, scenario, bot, seed);
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let p = prepare(&rq).map_err(|e| e.to_string())?;
        let sc = p.scenario.scenario.clone();
        let options = RunOptions {
            // No replay track: nobody looks at it.
            track_every: u32::MAX,
            max_seconds: Some(sc.time_limit + CAP_SLACK),
        };
        let s = execute_with(p, &options);
        let card = s.record.score.as_ref().ok_or("not scored")?;
        Ok::<SeedRun, String>(SeedRun::from_run(
            seed,
            &s.record.events,
            card,
            &sc,
            s.ticks,
        ))
    }));
    match caught {
        Ok(Ok(r)) => r,
        // It loaded before the sweep; failing now is as bad as a panic.
        Ok(Err(e)) => SeedRun::panicked(seed, e),
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_string());
            SeedRun::panicked(seed, msg)
        }
    }
}

/// Runs `f` over `items` on `threads` threads that take the next item from a
/// shared counter (a slow run does not hold a thread's share back). Results
/// come back in `items` order.
pub fn par_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let out: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            let r = f(item);
            out.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
        }
    };
    std::thread::scope(|sc| {
        for _ in 1..threads.min(items.len()).max(1) {
            sc.spawn(work);
        }
        work();
    });
    out.into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect()
}
