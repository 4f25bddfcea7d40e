//! Issue 4's discrimination test: over the shipped scenarios and seeds 1..30,
//! `by_the_book` passes at least 90% of runs, `aggressive` fails at least 90%,
//! and `passive` fails every run of a scenario with a deadly threat. The runs
//! come from the shared sweep in `run.rs`.

use super::run::{Outcome, sweep};
use forcesim::domain::ResistanceLevel;
use forcesim::domain::SubjectAction;

/// A scenario where someone can become a deadly threat: a subject with a
/// weapon, or behaviour that reaches the deadly level, draws or shoots.
fn has_deadly_threat(id: &str) -> bool {
    let path = forcesim::scenario::resolve(id).expect("shipped");
    let s = forcesim::scenario::load(&path).expect("loads").scenario;
    s.subjects.iter().any(|subj| {
        subj.weapon.is_some_and(|w| w.kind.is_deadly())
            || subj.behaviour.iter().any(|t| {
                t.to == Some(ResistanceLevel::Deadly)
                    || matches!(t.act, Some(SubjectAction::Draw | SubjectAction::Shoot))
            })
    })
}

fn table(runs: &[&Outcome]) -> String {
    let mut keys: Vec<(String, &str)> = runs.iter().map(|r| (r.scenario.clone(), r.bot)).collect();
    keys.dedup();
    keys.sort();
    keys.dedup();
    let mut out = String::new();
    for (sc, b) in keys {
        let rs: Vec<_> = runs
            .iter()
            .filter(|r| r.scenario == sc && r.bot == b)
            .collect();
        let passed = rs.iter().filter(|r| r.passed).count();
        let mean = rs.iter().map(|r| r.total).sum::<f32>() / rs.len() as f32;
        out.push_str(&format!(
            "{sc:18} {b:12} passed {passed:2}/{}  mean total {mean:5.1}\n",
            rs.len()
        ));
    }
    out
}

#[test]
fn scores_discriminate_between_the_bots() {
    let runs: Vec<&Outcome> = sweep().iter().filter(|r| r.seed <= 30).collect();
    let t = table(&runs);
    println!("{t}");
    let rate = |bot: &str, pass: bool| {
        let rs: Vec<_> = runs.iter().filter(|r| r.bot == bot).collect();
        rs.iter().filter(|r| r.passed == pass).count() as f32 / rs.len() as f32
    };
    let fails = |bot: &str| {
        runs.iter()
            .filter(|r| r.bot == bot && r.passed != (bot == "by_the_book"))
            .map(|r| {
                format!(
                    "  {} seed {}: {:.1} {:?} {}",
                    r.scenario,
                    r.seed,
                    r.total,
                    r.end,
                    r.worst.join(", ")
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        rate("by_the_book", true) >= 0.9,
        "by_the_book passes {:.0}% (< 90%)\n{t}{}",
        100.0 * rate("by_the_book", true),
        fails("by_the_book")
    );
    assert!(
        rate("aggressive", false) >= 0.9,
        "aggressive fails {:.0}% (< 90%)\n{t}{}",
        100.0 * rate("aggressive", false),
        fails("aggressive")
    );
    let deadly: Vec<String> = super::run::shipped_scenarios()
        .into_iter()
        .filter(|id| has_deadly_threat(id))
        .collect();
    assert!(
        !deadly.is_empty(),
        "no shipped scenario has a deadly threat"
    );
    for r in runs
        .iter()
        .filter(|r| r.bot == "passive" && deadly.contains(&r.scenario))
    {
        assert!(
            !r.passed,
            "passive passed {} seed {} ({:.1}), a scenario with a deadly threat\n{t}",
            r.scenario, r.seed, r.total
        );
    }
}
