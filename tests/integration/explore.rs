//! `forcesim explore`: it flags the deliberately unfair scenario under
//! `tests/data/explore/`, agrees with the discrimination sweep over the
//! shipped library, merges shards into exactly the whole sweep, prints a
//! histogram, keeps a record it compares with, and turns bad input into
//! errors, never panics.

use super::cli::forcesim;
use super::run::{shipped_scenarios, sweep};
use forcesim::domain::Lang;
use forcesim::session::explore::{self, ExploreRequest, Flag, Report};
use std::path::PathBuf;

const UNFAIR: &str = "tests/data/explore/unfair_short_stop.ron";

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("forcesim-explore-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn json(stdout: &str) -> Report {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}\n{stdout}"))
}

#[test]
fn the_unfair_scenario_is_flagged() {
    let (code, out, err) = forcesim(&[
        "explore",
        UNFAIR,
        "--seeds",
        "1..4",
        "--bot",
        "by_the_book",
        "--bot",
        "aggressive",
        "--json",
        "--no-record",
        "--jobs",
        "2",
    ]);
    assert_eq!(code, 1, "{err}");
    let r = json(&out);
    assert_eq!(r.scenarios.len(), 1);
    let s = &r.scenarios[0];
    assert_eq!(s.id, "unfair_short_stop");
    let btb = &s.bots[0];
    assert_eq!(
        (btb.bot.as_str(), btb.runs, btb.passed),
        ("by_the_book", 4, 0)
    );
    assert_eq!(btb.outcomes.time_limit, 4);
    assert!(
        r.flags.iter().any(|f| matches!(f,
            Flag::NotDiscriminating { bot, passed: 0, runs: 4, .. } if bot == "by_the_book")),
        "{:?}",
        r.flags
    );
    assert!(
        r.flags.iter().any(|f| matches!(f,
            Flag::TimeLimit { bot, seeds, .. } if bot == "by_the_book" && seeds == &[1, 2, 3, 4])),
        "{:?}",
        r.flags
    );
    // Failing every seed is a third of the difficulty figure on its own.
    let d = s.difficulty.expect("by_the_book ran");
    assert_eq!(d.failed, 1.0);
    assert!(d.figure >= 100.0 / 3.0 - 1e-9, "{d:?}");
    // The shipped stop it was made from is not flagged.
    let (code, out, err) = forcesim(&[
        "explore",
        "traffic_stop_low",
        "--seeds",
        "1..4",
        "--bot",
        "by_the_book",
        "--json",
        "--no-record",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(json(&out).flags.is_empty());
}

/// Over seeds 1..30 of every shipped scenario, explore's pass/fail and
/// scores are the discrimination sweep's, seed for seed.
#[test]
fn explore_agrees_with_the_discrimination_sweep() {
    let bots = ["by_the_book", "aggressive"];
    let req = ExploreRequest {
        scenarios: shipped_scenarios().into_iter().map(PathBuf::from).collect(),
        seeds: 1..=30,
        bots: bots.iter().map(|b| b.to_string()).collect(),
        policy: None,
        jobs: 2,
        lang: Lang::En,
    };
    let r = explore::explore(&req, &|| {}).unwrap_or_else(|e| panic!("{e}"));
    let sweep = sweep();
    assert_eq!(r.scenarios.len(), shipped_scenarios().len());
    for s in &r.scenarios {
        for b in &s.bots {
            let theirs: Vec<_> = sweep
                .iter()
                .filter(|o| o.scenario == s.id && o.bot == b.bot && o.seed <= 30)
                .collect();
            assert_eq!(theirs.len(), 30, "{} {}", s.id, b.bot);
            let passed = theirs.iter().filter(|o| o.passed).count() as u32;
            assert_eq!(b.passed, passed, "{} {}: pass count", s.id, b.bot);
            for (mine, o) in b.runs_by_seed.iter().zip(&theirs) {
                assert_eq!(mine.seed, o.seed);
                assert_eq!(
                    (mine.passed, mine.total, mine.end),
                    (o.passed, o.total, o.end)
                );
            }
        }
    }
    // The library-wide rates the discrimination test asserts hold here too.
    let rate = |bot: &str| {
        let (p, n) = r
            .scenarios
            .iter()
            .flat_map(|s| s.bots.iter())
            .filter(|b| b.bot == bot)
            .fold((0, 0), |(p, n), b| (p + b.passed, n + b.runs));
        p as f64 / n as f64
    };
    assert!(rate("by_the_book") >= 0.9 && rate("aggressive") <= 0.1);
}

#[test]
fn shards_merge_into_the_whole_sweep() {
    let dir = temp("merge");
    let args = |seeds: &str| {
        vec![
            "explore".to_string(),
            "traffic_stop_low".into(),
            UNFAIR.into(),
            "--seeds".into(),
            seeds.into(),
            "--bot".into(),
            "by_the_book".into(),
            "--bot".into(),
            "aggressive".into(),
            "--json".into(),
            "--no-record".into(),
        ]
    };
    let run = |seeds: &str| {
        let a = args(seeds);
        let a: Vec<&str> = a.iter().map(|s| s.as_str()).collect();
        let (code, out, err) = forcesim(&a);
        assert_eq!(code, 1, "the unfair scenario is flagged\n{err}");
        out
    };
    let whole = run("1..6");
    let (a, b) = (dir.join("a.json"), dir.join("b.json"));
    std::fs::write(&a, run("1..2")).unwrap();
    std::fs::write(&b, run("3..6")).unwrap();
    let (code, merged, err) = forcesim(&[
        "explore",
        "--merge",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--json",
        "--no-record",
    ]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(json(&merged), json(&whole));
    assert_eq!(merged, whole, "byte for byte");
    assert_eq!(json(&whole).seeds, vec![[1, 6]]);
    // In the library too, and in either order. (Compared as JSON text: the
    // aggregates are recomputed from the seeds, while parsing a float from
    // text may miss its last bit.)
    let m = explore::merge(&[json(&run("3..6")), json(&run("1..2"))]).unwrap();
    assert_eq!(serde_json::to_string_pretty(&m).unwrap(), whole.trim_end());
    // The text of the merged report: per bot a histogram with every seed in it.
    let (code, text, _) = forcesim(&[
        "explore",
        "--merge",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--no-record",
    ]);
    assert_eq!(code, 1);
    assert!(text.contains("seeds 1..6"), "{text}");
    let bands: Vec<&str> = text.lines().filter(|l| l.contains(" |")).collect();
    assert_eq!(
        bands.len(),
        4 * 10,
        "ten bands per scenario and bot\n{text}"
    );
    let counted: u32 = bands
        .iter()
        .map(|l| l.rsplit(' ').next().unwrap().parse::<u32>().unwrap())
        .sum();
    assert_eq!(counted, 4 * 6, "{text}");
    assert!(bands.iter().any(|l| l.contains("|#")), "{text}");
    assert!(text.contains("score: min"), "{text}");
    assert!(text.contains("difficulty "), "{text}");
    assert!(
        text.contains("unfair_short_stop: by_the_book passed 0/6"),
        "{text}"
    );
    // A seed that two shards disagree on is refused.
    let mut c = json(&run("1..2"));
    c.scenarios[0].bots[0].runs_by_seed[0].total += 1.0;
    std::fs::write(dir.join("c.json"), serde_json::to_string(&c).unwrap()).unwrap();
    let (code, _, err) = forcesim(&[
        "explore",
        "--merge",
        a.to_str().unwrap(),
        dir.join("c.json").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("different results"), "{err}");
}

#[test]
fn the_record_is_compared_with_and_kept() {
    let dir = temp("record");
    let rec = dir.join("nested").join("record.json");
    let rec_s = rec.to_str().unwrap();
    // Six seeds: 0/6 and 6/6 have Wilson intervals apart (three would overlap).
    let go = |seeds: &str| {
        forcesim(&[
            "explore",
            "traffic_stop_low",
            "--seeds",
            seeds,
            "--bot",
            "by_the_book",
            "--json",
            "--record",
            rec_s,
        ])
    };
    let (code, out, err) = go("1..6");
    assert_eq!(code, 0, "{err}");
    assert!(rec.is_file());
    // The same sweep again: nothing changed.
    let (code, again, _) = go("1..6");
    assert_eq!(code, 0);
    assert_eq!(out, again);
    // A record in which by_the_book failed everything: the pass rate moved.
    let mut r = json(&out);
    for s in r.scenarios[0].bots[0].runs_by_seed.iter_mut() {
        s.passed = false;
        s.total = 10.0;
    }
    let worse = explore::merge(&[r]).unwrap();
    std::fs::write(&rec, serde_json::to_string(&worse).unwrap()).unwrap();
    let (code, out, _) = go("1..6");
    assert_eq!(code, 1);
    let flags = json(&out).flags;
    assert!(
        flags.iter().any(|f| matches!(f, Flag::MeanChanged { .. })),
        "{flags:?}"
    );
    assert!(
        flags
            .iter()
            .any(|f| matches!(f, Flag::PassRateChanged { .. })),
        "{flags:?}"
    );
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["explore", "no/such/place.ron"],
            2,
            "no such file, folder or scenario id",
        ),
        (
            &["explore", "traffic_stop_low", "--seeds", "9..3"],
            2,
            "--seeds: expected A..B",
        ),
        (
            &["explore", "traffic_stop_low", "--seeds", "x"],
            2,
            "--seeds: expected A..B",
        ),
        (
            &["explore", "traffic_stop_low", "--bot", "rambo"],
            2,
            "rambo",
        ),
        (
            &[
                "explore",
                "tests/data/broken/negative_time_limit.ron",
                "--no-record",
            ],
            1,
            "tests/data/broken/negative_time_limit.ron:8:17: error:",
        ),
        (
            &["explore", "--merge", "README.md"],
            1,
            "README.md:1:1: error: not an explore JSON report",
        ),
        (
            &["explore", "--merge", "no/such.json"],
            2,
            "cannot read no/such.json",
        ),
    ];
    for (args, want, text) in cases {
        let (code, _, err) = forcesim(args);
        assert_eq!(code, *want, "{args:?}\n{err}");
        assert!(err.contains(text), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}
