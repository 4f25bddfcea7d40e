//! Trainee scripts: the shipped scripts load clean and pass; every broken script in
//! `tests/data/scripts/broken/` gives the error its first line expects
//! (`// expect: LINE:COL: message fragment`), never a panic.

use forcesim::trainee::script;
use std::path::{Path, PathBuf};

fn traffic_stop() -> forcesim::scenario::Scenario {
    forcesim::scenario::load(Path::new("scenarios/traffic_stop_low.ron"))
        .unwrap_or_else(|d| panic!("{}", d[0]))
        .scenario
}

fn ron_files(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    v.sort();
    v
}

/// The scenario a shipped script names, loaded.
fn scenario_of(path: &Path) -> forcesim::scenario::Scenario {
    let s = script::load(path, None).unwrap_or_else(|d| panic!("{}", d[0]));
    let id = s.scenario.expect("shipped scripts name their scenario");
    let file = forcesim::scenario::resolve(&id).unwrap_or_else(|| panic!("no scenario {id}"));
    forcesim::scenario::load(&file)
        .unwrap_or_else(|d| panic!("{}", d[0]))
        .scenario
}

#[test]
fn shipped_scripts_load_clean() {
    let files = ron_files("tests/scripts");
    assert!(!files.is_empty());
    for f in files {
        let scenario = scenario_of(&f);
        if let Err(d) = script::load(&f, Some(&scenario)) {
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

/// Every shipped script is a by-the-book run: over seeds 1..5 it passes its
/// scenario's policy and meets every required objective.
#[test]
fn shipped_scripts_pass_and_meet_their_objectives() {
    let jobs: Vec<(PathBuf, u64)> = ron_files("tests/scripts")
        .into_iter()
        .flat_map(|f| (1..=5).map(move |seed| (f.clone(), seed)))
        .collect();
    let failures: Vec<String> = crate::run::par_map(&jobs, |(f, seed)| {
        let scenario = scenario_of(f);
        let s = crate::run::run(
            &scenario.id,
            forcesim::session::DriverSpec::Script(f.clone()),
            *seed,
        );
        let met: Vec<&String> = s
            .record
            .events
            .iter()
            .filter_map(|e| match &e.kind {
                forcesim::events::EventKind::ObjectiveMet { id } => Some(id),
                _ => None,
            })
            .collect();
        let missed: Vec<&str> = scenario
            .objectives
            .iter()
            .filter(|o| o.required && !met.contains(&&o.id))
            .map(|o| o.id.as_str())
            .collect();
        let card = s.record.score.as_ref().expect("scored");
        if card.passed && missed.is_empty() {
            return None;
        }
        let worst: Vec<String> = card
            .findings
            .iter()
            .filter(|f| f.points < 0.0)
            .map(|f| format!("{} {:.0}", f.rule, f.points))
            .collect();
        Some(format!(
            "{} seed {seed}: total {:.1}, passed {}, missed {missed:?}, {:?}: {}",
            f.display(),
            card.total,
            card.passed,
            s.record.end,
            worst.join(", ")
        ))
    })
    .into_iter()
    .flatten()
    .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn broken_scripts_give_the_expected_error() {
    let scenario = traffic_stop();
    let files = ron_files("tests/data/scripts/broken");
    assert!(files.len() >= 10);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        if std::env::var_os("DUMP").is_some() {
            match script::load(&f, Some(&scenario)) {
                Ok(_) => println!("{}: LOADED", f.display()),
                Err(d) => d.iter().for_each(|d| println!("{d}")),
            }
            continue;
        }
        let expect = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("// expect: "))
            .unwrap_or_else(|| {
                panic!("{}: first line must be `// expect: L:C: text`", f.display())
            });
        let (pos, fragment) = expect.split_once(": ").expect("`L:C: text`");
        let errors = script::load(&f, Some(&scenario))
            .expect_err(&format!("{} should not load", f.display()));
        let first = &errors[0];
        let got = format!("{}:{}", first.line, first.col);
        assert_eq!(got, pos, "{}: {first}", f.display());
        assert!(
            first.text(forcesim::domain::Lang::En).contains(fragment),
            "{}: expected `{fragment}` in `{first}`",
            f.display()
        );
        assert!(
            first
                .to_string()
                .starts_with(&format!("{}:{pos}: error: ", f.display()))
        );
    }
}

#[test]
fn scripts_never_panic_on_mangled_text() {
    let scenario = traffic_stop();
    let text = std::fs::read_to_string("tests/scripts/traffic_stop_low.ron").unwrap();
    let p = Path::new("mangled.ron");
    for cut in (0..text.len()).step_by(7) {
        if text.is_char_boundary(cut) {
            let _ = script::parse(p, &text[..cut], Some(&scenario));
        }
    }
    let mut bytes = text.clone().into_bytes();
    let mut x: u32 = 12345;
    for _ in 0..300 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let i = (x as usize >> 8) % bytes.len();
        let old = bytes[i];
        bytes[i] = b"()[]:,\"0a_- "[(x as usize >> 20) % 12];
        if let Ok(s) = std::str::from_utf8(&bytes) {
            let _ = script::parse(p, s, Some(&scenario));
        }
        bytes[i] = old;
    }
}

#[test]
fn readme_script_example_loads() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme
        .find("## Trainee scripts")
        .expect("README has a Trainee scripts section");
    let rest = &readme[start..];
    let open = rest.find("```ron\n").expect("an example") + "```ron\n".len();
    let close = rest[open..].find("```").unwrap();
    let example = &rest[open..open + close];
    if let Err(d) = script::parse(
        Path::new("README.md#script"),
        example,
        Some(&traffic_stop()),
    ) {
        panic!(
            "{}",
            d.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// A script may aim at a crowd (its nearest member) or at its n-th member
/// (`rally_3`, as the simulation names them), and nothing past its size.
#[test]
fn scripts_target_crowds_and_crowd_members() {
    let path = forcesim::scenario::resolve("public_assembly").unwrap();
    let scenario = forcesim::scenario::load(&path).unwrap().scenario;
    let dir = std::env::temp_dir().join(format!("forcesim-crowd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, target: &str| {
        let p = dir.join(name);
        std::fs::write(
            &p,
            format!("(steps: [(target: \"{target}\", do: [force(oc)])])"),
        )
        .unwrap();
        p
    };
    for ok in ["rally", "rally_1", "rally_60"] {
        assert!(
            script::load(&write("ok.ron", ok), Some(&scenario)).is_ok(),
            "{ok}"
        );
    }
    for bad in ["rally_0", "rally_61", "rally_x"] {
        let e = script::load(&write("bad.ron", bad), Some(&scenario)).expect_err(bad);
        assert!(e[0].to_string().contains("unknown target"), "{}", e[0]);
    }
    std::fs::remove_dir_all(&dir).ok();
}
