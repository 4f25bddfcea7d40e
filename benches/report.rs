//! `forcesim report` over a class of 1,000 sessions: find the files, load
//! and re-score every record from its log, read the notes, aggregate, and
//! write the CSV and the HTML page (in memory).
//!
//! The class is made from a few real headless runs of three scenarios
//! written 1,000 times with varied trainee, seed and date (a tenth of them
//! annotated), not 1,000 simulations. `cargo bench --bench report`.
//! Goal (issue 11): under 10 s on the 2-core machine.

use criterion::{Criterion, criterion_group, criterion_main};
use forcesim::domain::Lang;
use forcesim::session::notes::{self, Judgement, Notes};
use forcesim::session::report;
use forcesim::session::{self, DriverSpec, RunRequest};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const SESSIONS: usize = 1_000;

fn class() -> (PathBuf, Vec<PathBuf>) {
    let dir = std::env::temp_dir().join(format!("forcesim-bench-report-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let runs: Vec<_> = [
        ("traffic_stop_low", "by_the_book", 1),
        ("traffic_stop_low", "aggressive", 2),
        ("felony_stop", "by_the_book", 3),
        ("felony_stop", "aggressive", 4),
        ("building_search", "passive", 5),
        ("building_search", "by_the_book", 6),
    ]
    .iter()
    .map(|(s, b, seed)| {
        session::run(&RunRequest::new(*s, DriverSpec::Bot(b.to_string()), *seed))
            .expect("a shipped scenario runs")
            .record
    })
    .collect();
    for i in 0..SESSIONS {
        let mut r = runs[i % runs.len()].clone();
        r.trainee = format!("cadet{:02}", i % 40);
        r.seed = i as u64;
        r.started_at = format!(
            "2025-{:02}-{:02}T09:{:02}:00Z",
            1 + i / 250,
            1 + i % 28,
            i % 60
        );
        let path = dir.join(format!("week{}/{}-{i}.ron", i / 100, r.trainee));
        session::save(&path, &r).expect("write a session");
        if i % 10 == 0
            && let Some(card) = &r.score
        {
            let mut n = Notes::default();
            for (k, f) in card.findings.iter().enumerate() {
                let j = if k % 3 == 0 {
                    Judgement::Disputed
                } else {
                    Judgement::Agreed
                };
                n.judge(f, j, "bench");
            }
            n.flag(3.0, "bench flag");
            notes::save_notes(&path, &n).expect("write notes");
        }
    }
    let files = forcesim::cli::report::session_files(std::slice::from_ref(&dir));
    assert_eq!(files.len(), SESSIONS);
    (dir, files)
}

/// Where one pass goes, on one core: loading (read + parse) every record,
/// re-scoring every log, and writing the CSV and HTML of the built report.
fn breakdown(files: &[PathBuf]) {
    let t = Instant::now();
    let records: Vec<_> = files.iter().map(|f| session::load(f).unwrap()).collect();
    let load = t.elapsed();
    let policy = forcesim::policy::load_by_id_or_path("generic")
        .unwrap()
        .policy;
    let t = Instant::now();
    for r in &records {
        std::hint::black_box(forcesim::scoring::score(&r.events, &policy));
    }
    let score = t.elapsed();
    let report = report::build(files, None, &|| {});
    let t = Instant::now();
    let out = report::csv::to_csv(&report).len() + report::html::to_html(&report, Lang::Ru).len();
    let write = t.elapsed();
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    eprintln!(
        "one core: load {load:.2?} ({:.1} MB), score {score:.2?}, csv+html {write:.2?} ({out} bytes)",
        bytes as f64 / 1e6
    );
}

fn bench(c: &mut Criterion) {
    let (dir, files) = class();
    breakdown(&files);
    let mut g = c.benchmark_group("report");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(30));
    g.bench_function("1000_sessions", |b| {
        b.iter(|| {
            let files = forcesim::cli::report::session_files(std::slice::from_ref(&dir));
            let r = report::build(&files, None, &|| {});
            assert_eq!(r.rows.len(), SESSIONS);
            let csv = report::csv::to_csv(&r);
            let html = report::html::to_html(&r, Lang::Ru);
            (csv.len(), html.len())
        });
    });
    g.finish();
    drop(files);
    std::fs::remove_dir_all(&dir).ok();
}

criterion_group!(benches, bench);
criterion_main!(benches);
