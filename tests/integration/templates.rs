//! `forcesim new`: every template, in every language, passes `check` and runs
//! with every bot; the command writes it and never overwrites a file.

use super::cli::forcesim;
use forcesim::domain::Lang;
use forcesim::scenario::template::{self, TEMPLATES};
use forcesim::session::{self, DriverSpec, RunRequest};
use forcesim::trainee::bots;
use std::path::{Path, PathBuf};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("forcesim-tpl-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn joined(d: &[forcesim::diag::Diagnostic]) -> String {
    d.iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_template_in_every_language_checks_clean() {
    for (kind, _) in TEMPLATES {
        for lang in Lang::ALL {
            let id = format!("new_{}", kind.key());
            let text = template::render(kind, &id, lang);
            let name = format!("{id}.{}.ron", lang.code());
            let s = forcesim::scenario::check_str(Path::new(&name), &text)
                .unwrap_or_else(|d| panic!("{name}:\n{}", joined(&d)));
            assert_eq!(s.scenario.id, id);
            assert_eq!(s.scenario.kind, kind);
        }
    }
}

#[test]
fn every_template_runs_with_every_bot() {
    let dir = temp_dir("runs");
    let mut jobs = Vec::new();
    for (kind, _) in TEMPLATES {
        let path = dir.join(format!("{}.ron", kind.key()));
        std::fs::write(&path, template::render(kind, kind.key(), Lang::En)).unwrap();
        for bot in bots::NAMES {
            jobs.push((path.clone(), bot));
        }
    }
    let ends = super::run::par_map(&jobs, |(path, bot)| {
        // The template's own time limit: each run takes well under a second.
        let req = RunRequest::new(
            path.display().to_string(),
            DriverSpec::Bot(bot.to_string()),
            1,
        );
        let s = session::run(&req).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        (
            s.record.end,
            s.record.score.is_some(),
            s.record.events.len(),
        )
    });
    let _ = std::fs::remove_dir_all(&dir);
    for ((path, bot), (end, scored, events)) in jobs.iter().zip(ends) {
        assert!(end.is_some(), "{} with {bot} did not end", path.display());
        assert!(scored, "{} with {bot} was not scored", path.display());
        assert!(
            events > 2,
            "{} with {bot}: only {events} events",
            path.display()
        );
    }
}

#[test]
fn new_writes_a_file_that_checks_and_refuses_to_overwrite_it() {
    let dir = temp_dir("cli");
    let file = dir.join("my_search.ron");
    let f = file.display().to_string();
    let (code, _, err) = forcesim(&[
        "new",
        "--kind",
        "building_search",
        "--id",
        "my_search",
        "--lang",
        "kk",
        "--out",
        &f,
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("id: \"my_search\""));
    assert!(
        text.contains("// ") && text.contains("түсініктемелер"),
        "{text}"
    );
    let (code, out, _) = forcesim(&["check", &f]);
    assert_eq!(code, 0, "{out}");
    // A second time: the instructor's file is kept.
    let (code, _, err) = forcesim(&["new", "--kind", "checkpoint", "--id", "x", "--out", &f]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
    // Without --out: standard output.
    let (code, out, _) = forcesim(&["new", "--kind", "checkpoint", "--id", "post_7"]);
    assert_eq!(code, 0);
    assert!(out.contains("id: \"post_7\""));
    // Unknown kind and bad id: usage errors that name the choices.
    let (code, _, err) = forcesim(&["new", "--kind", "trafic_stop", "--id", "x"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean \"traffic_stop\"?"), "{err}");
    let (code, _, err) = forcesim(&["new", "--kind", "checkpoint", "--id", "Post 7"]);
    assert_eq!(code, 2);
    assert!(err.contains("\"Post 7\""), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
