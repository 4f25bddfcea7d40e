//! The case-law suite: published rulings encoded as a small scenario and a
//! trainee script under `tests/data/cases/NAME/` (`scenario.ron`,
//! `script.ron`, `case.ron`). Each `case.ron` names its source and, per
//! policy, the verdict the ruling calls for: whether the session must fail,
//! the rules that must be breached, and for lawful force that no force rule
//! may be breached. Every seed it lists is run; the log is scored under each
//! policy it names. A case whose force never reached the simulation (refused,
//! out of reach) fails: an unexercised case proves nothing.

use forcesim::domain::Act;
use forcesim::events::EventKind;
use forcesim::session::{DriverSpec, RunRequest, run};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    source: String,
    seeds: Vec<u64>,
    expect: BTreeMap<String, Verdict>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Verdict {
    #[serde(default)]
    fails: Option<bool>,
    #[serde(default)]
    breached: Vec<String>,
    #[serde(default)]
    not_breached: Vec<String>,
    #[serde(default)]
    no_force_breach: bool,
}

fn case_dirs() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir("tests/data/cases")
        .expect("tests/data/cases")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

fn load_case(dir: &Path) -> Case {
    let text = std::fs::read_to_string(dir.join("case.ron")).unwrap();
    forcesim::diag::ron_options()
        .from_str(&text)
        .unwrap_or_else(|e| panic!("{}/case.ron: {e}", dir.display()))
}

/// A run of a case's scenario with its script.
fn case_request(dir: &Path, seed: u64) -> RunRequest {
    RunRequest::new(
        dir.join("scenario.ron").to_string_lossy().to_string(),
        DriverSpec::Script(dir.join("script.ron")),
        seed,
    )
}

/// Runs one case and returns the problems found (empty: the verdicts hold).
fn check_case(dir: &Path) -> Vec<String> {
    let case = load_case(dir);
    let mut problems = Vec::new();
    for &seed in &case.seeds {
        let session =
            run(&case_request(dir, seed)).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        let events = &session.record.events;
        let forced = events.0.iter().any(|e| {
            matches!(&e.kind, EventKind::Action { by, action }
                if by == "trainee" && matches!(action.act, Act::Force(_)))
        });
        let refused: Vec<String> = events
            .0
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Refused { by, action, reason }
                    if by == "trainee" && matches!(action.act, Act::Force(_)) =>
                {
                    Some(format!("{:?} refused: {reason:?}", action.act))
                }
                _ => None,
            })
            .collect();
        if !forced || !refused.is_empty() {
            problems.push(format!(
                "seed {seed}: the script's force did not all happen ({})",
                refused.join(", ")
            ));
            continue;
        }
        for (policy_id, want) in &case.expect {
            let policy = forcesim::policy::load_by_id_or_path(policy_id)
                .unwrap_or_else(|d| panic!("{policy_id}: {}", d[0]))
                .policy;
            let card = forcesim::scoring::score(events, &policy);
            let breached = |rule: &str| {
                card.findings
                    .iter()
                    .any(|f| f.rule == rule && f.points < 0.0)
            };
            let found: Vec<String> = card
                .findings
                .iter()
                .filter(|f| f.points < 0.0)
                .map(|f| format!("{} ({})", f.rule, f.points))
                .collect();
            let tag = format!("seed {seed}, {policy_id}");
            if let Some(fails) = want.fails
                && card.passed == fails
            {
                problems.push(format!(
                    "{tag}: expected the session to {}, got {:.0} passed={} [{}]",
                    if fails { "fail" } else { "pass" },
                    card.total,
                    card.passed,
                    found.join(", ")
                ));
            }
            for r in &want.breached {
                if !breached(r) {
                    problems.push(format!("{tag}: {r} not breached [{}]", found.join(", ")));
                }
            }
            for r in &want.not_breached {
                if breached(r) {
                    problems.push(format!("{tag}: {r} breached"));
                }
            }
            if want.no_force_breach {
                let force: Vec<&String> =
                    found.iter().filter(|f| f.starts_with("force.")).collect();
                if !force.is_empty() {
                    problems.push(format!("{tag}: lawful force breached {force:?}"));
                }
            }
        }
    }
    problems
        .into_iter()
        .map(|p| format!("{} ({}, {}): {p}", dir.display(), case.name, case.source))
        .collect()
}

#[test]
fn every_case_gets_its_verdict() {
    let dirs = case_dirs();
    assert!(dirs.len() >= 14, "the suite holds {} cases", dirs.len());
    let problems: Vec<String> = dirs.iter().flat_map(|d| check_case(d)).collect();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_case_names_its_source_and_each_shipped_policy() {
    for dir in case_dirs() {
        let case = load_case(&dir);
        assert!(
            !case.source.is_empty() && !case.seeds.is_empty(),
            "{}",
            dir.display()
        );
        for p in ["generic", "us_iacp", "kz"] {
            assert!(
                case.expect.contains_key(p),
                "{}: no verdict for {p}",
                dir.display()
            );
        }
        for f in ["scenario.ron", "script.ron", "case.ron"] {
            let text = std::fs::read_to_string(dir.join(f)).unwrap();
            assert!(
                text.starts_with("// "),
                "{}/{f}: starts with the source comment",
                dir.display()
            );
        }
        // The scenario passes `check`.
        let path = dir.join("scenario.ron");
        if let Err(d) = forcesim::scenario::check_file(&path) {
            panic!(
                "{}",
                d.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

/// The felony stop played from open ground (calling the armed driver out
/// from the road between the cars) draws an officer-safety finding in every
/// seed: the driver is reported armed, so the open road is exposure before
/// any gun is seen.
#[test]
fn felony_stop_from_open_ground_is_an_officer_safety_finding_in_every_seed() {
    let script = PathBuf::from("tests/data/scripts/felony_stop_open_ground.ron");
    let mut missing = Vec::new();
    for seed in 1..=10 {
        let req = RunRequest::new("felony_stop", DriverSpec::Script(script.clone()), seed);
        let card = run(&req).unwrap().record.score.expect("scored");
        let safety: Vec<&str> = card
            .findings
            .iter()
            .filter(|f| f.rule.starts_with("safety.") && f.points < 0.0)
            .map(|f| f.rule.as_str())
            .collect();
        if !safety.contains(&"safety.exposure") {
            missing.push(format!("seed {seed}: {safety:?}"));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Custody is handcuffed and searched: the Bouyid arrestee is handcuffed and
/// never searched, so the outcome says what is missing, in each language.
#[test]
fn outcome_says_handcuffed_not_yet_searched() {
    let dir = Path::new("tests/data/cases/bouyid_v_belgium");
    let record = run(&case_request(dir, 1)).unwrap().record;
    let out = forcesim::session::outcomes(&record, &["bouyid".to_string()]);
    let labels = Default::default();
    let en = forcesim::i18n::render(forcesim::domain::Lang::En, &out[0].1, &labels);
    assert!(en.starts_with("handcuffed, not yet searched"), "{en}");
    let ru = forcesim::i18n::render(forcesim::domain::Lang::Ru, &out[0].1, &labels);
    assert!(ru.starts_with("в наручниках, ещё не досмотрен"), "{ru}");
}
