//! Headless runs (`forcesim run` and the library's `session::run`):
//! determinism, seeds, every shipped scenario with every bot, session records.

use super::cli::forcesim_at as forcesim;
use forcesim::events::EventKind;
use forcesim::session::{self, DriverSpec, RunRequest, Session};
use forcesim::trainee::bots;
use std::path::{Path, PathBuf};

/// Shipped scenario ids, sorted.
pub fn shipped_scenarios() -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir("scenarios")
        .expect("scenarios/")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    assert!(!ids.is_empty());
    ids
}

/// Runs in-process; panics with the diagnostics if it cannot start.
pub fn run(scenario: &str, driver: DriverSpec, seed: u64) -> Session {
    session::run(&RunRequest::new(scenario, driver, seed)).unwrap_or_else(|e| panic!("{e}"))
}

pub fn bot(name: &str) -> DriverSpec {
    DriverSpec::Bot(name.to_string())
}

fn script() -> DriverSpec {
    DriverSpec::Script(PathBuf::from("tests/scripts/traffic_stop_low.ron"))
}

fn log_ron(s: &Session) -> String {
    ron::ser::to_string(&s.record.events).unwrap()
}

/// The course of a run: every event but `Started` (which names the seed).
fn course(s: &Session) -> String {
    let events: Vec<_> = s
        .record
        .events
        .iter()
        .filter(|e| !matches!(e.kind, EventKind::Started { .. }))
        .collect();
    ron::ser::to_string(&events).unwrap()
}

/// Runs `f` over `items` on two threads (the test machines have two cores),
/// taking items from a shared counter so a slow item does not hold the other
/// thread idle. Results come back in `items` order.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let out: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            let r = f(item);
            out.lock().unwrap()[i] = Some(r);
        }
    };
    std::thread::scope(|sc| {
        let h = sc.spawn(work);
        work();
        h.join().expect("worker thread panicked");
    });
    out.into_inner()
        .unwrap()
        .into_iter()
        .map(|r| r.expect("every item ran"))
        .collect()
}

/// One run of the sweep.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Scenario id.
    pub scenario: String,
    /// Bot name.
    pub bot: &'static str,
    /// Seed.
    pub seed: u64,
    /// How it ended.
    pub end: Option<forcesim::events::EndReason>,
    /// The log's last event is `Ended`.
    pub logged_end: bool,
    /// Passed under the scenario's policy.
    pub passed: bool,
    /// Total score.
    pub total: f32,
    /// The worst findings, for messages.
    pub worst: Vec<String>,
}

/// Every shipped scenario with every bot for seeds 1..=50, run once per test
/// binary (the no-panic test and the discrimination test share it).
pub fn sweep() -> &'static [Outcome] {
    static SWEEP: std::sync::OnceLock<Vec<Outcome>> = std::sync::OnceLock::new();
    SWEEP.get_or_init(|| {
        let mut jobs = Vec::new();
        for id in shipped_scenarios() {
            for b in bots::NAMES {
                for seed in 1..=50u64 {
                    jobs.push((id.clone(), b, seed));
                }
            }
        }
        par_map(&jobs, |(id, b, seed)| {
            let s = run(id, bot(b), *seed);
            let card = s.record.score.as_ref().expect("scored");
            let mut worst: Vec<_> = card.findings.iter().filter(|f| f.points < 0.0).collect();
            worst.sort_by(|a, b| {
                b.critical
                    .cmp(&a.critical)
                    .then(a.points.total_cmp(&b.points))
            });
            Outcome {
                scenario: id.clone(),
                bot: b,
                seed: *seed,
                end: s.record.end,
                logged_end: matches!(
                    s.record.events.0.last().map(|e| &e.kind),
                    Some(EventKind::Ended { .. })
                ),
                passed: card.passed,
                total: card.total,
                worst: worst
                    .iter()
                    .take(3)
                    .map(|f| format!("{} {:.0}", f.rule, f.points))
                    .collect(),
            }
        })
    })
}

#[test]
fn same_seed_and_script_give_byte_identical_logs() {
    let a = run("traffic_stop_low", script(), 7);
    let b = run("traffic_stop_low", script(), 7);
    assert!(a.record.events.len() > 3);
    assert_eq!(log_ron(&a), log_ron(&b));
    assert_eq!(a.record.track, b.record.track);
    // The bots are deterministic too, on every shipped scenario.
    for id in shipped_scenarios() {
        let a = run(&id, bot("by_the_book"), 3);
        let b = run(&id, bot("by_the_book"), 3);
        assert_eq!(log_ron(&a), log_ron(&b), "{id}");
    }
}

#[test]
fn different_seeds_change_the_course() {
    let courses: std::collections::BTreeSet<String> = (1..=12)
        .map(|seed| course(&run("traffic_stop_low", script(), seed)))
        .collect();
    assert!(
        courses.len() >= 2,
        "twelve seeds of traffic_stop_low all ran the same course"
    );
}

#[test]
fn every_scenario_with_every_bot_finishes_for_seeds_1_to_50() {
    let runs = sweep();
    assert_eq!(
        runs.len(),
        shipped_scenarios().len() * bots::NAMES.len() * 50
    );
    for r in runs {
        assert!(
            r.end.is_some(),
            "{} {} {}: no end",
            r.scenario,
            r.bot,
            r.seed
        );
        assert!(
            r.logged_end,
            "{} {} {}: the log does not end with Ended",
            r.scenario, r.bot, r.seed
        );
    }
}

#[test]
fn session_records_round_trip_and_broken_ones_are_errors() {
    let s = run("traffic_stop_low", bot("by_the_book"), 2);
    let dir = std::env::temp_dir().join(format!("forcesim-run-{}", std::process::id()));
    let path = dir.join("s.ron");
    session::save(&path, &s.record).unwrap();
    let back = session::load(&path).unwrap();
    // The log and card exactly; the track within tolerance (compact.rs).
    assert_eq!(
        (&back.events, &back.score),
        (&s.record.events, &s.record.score)
    );
    assert_eq!(back.track.len(), s.record.track.len());
    assert_eq!(back.scenario_hash.len(), 64);
    // Cut anywhere: an error that names the file, never a panic.
    let text = std::fs::read_to_string(&path).unwrap();
    for cut in (1..text.len()).step_by(text.len() / 97 + 1) {
        if !text.is_char_boundary(cut) {
            continue;
        }
        let e = session::parse(&path, &text[..cut]).expect_err("a cut record must not load");
        assert!(
            e.to_string().starts_with(&path.display().to_string()),
            "{e}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn cli_run_writes_the_session_and_prints_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("forcesim-cli-run-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("one.ron");
    let scenario = root.join("scenarios/traffic_stop_low.ron");
    let script = root.join("tests/scripts/traffic_stop_low.ron");
    let (code, stdout, stderr) = forcesim(
        &[
            "run",
            scenario.to_str().unwrap(),
            "--script",
            script.to_str().unwrap(),
            "--seed",
            "4",
            "--out",
            out.to_str().unwrap(),
            "--json",
        ],
        &dir,
    );
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON object");
    assert_eq!(v["scenario"], "traffic_stop_low");
    assert_eq!(v["seed"], 4);
    assert!(
        v["script"]
            .as_str()
            .unwrap()
            .ends_with("traffic_stop_low.ron")
    );
    assert!(v["events"].as_u64().unwrap() > 3);
    assert!(v["end"].is_string());
    let rec = session::load(&out).expect("the session was written");
    assert_eq!(rec.seed, 4);
    assert_eq!(rec.events.len() as u64, v["events"].as_u64().unwrap());

    // The human summary, with the default session path under sessions/.
    let (code, stdout, stderr) = forcesim(
        &[
            "run",
            scenario.to_str().unwrap(),
            "--bot",
            "passive",
            "--trainee",
            "c7",
        ],
        &dir,
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("ended: "), "{stdout}");
    assert!(
        stdout.contains("sessions/c7-traffic_stop_low-1.ron"),
        "{stdout}"
    );
    assert!(dir.join("sessions/c7-traffic_stop_low-1.ron").is_file());

    // A broken script: FILE:LINE:COL on stderr, exit 1; an unknown bot: exit 2.
    let broken = root.join("tests/data/scripts/broken/unknown_subject.ron");
    let (code, _, stderr) = forcesim(
        &[
            "run",
            scenario.to_str().unwrap(),
            "--script",
            broken.to_str().unwrap(),
        ],
        &dir,
    );
    assert_eq!(code, 1);
    assert!(
        stderr.contains("unknown_subject.ron:5:40: error: unknown subject \"drvier\""),
        "{stderr}"
    );
    let (code, _, stderr) = forcesim(&["run", "traffic_stop_low", "--bot", "rambo"], root);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown bot \"rambo\""), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}
