//! `forcesim run`: a headless session with a script or a bot. Loads the
//! scenario, policy and script (errors as `FILE:LINE:COL: error: ...`, exit 1;
//! unknown names exit 2), runs to the end, scores, writes the session record,
//! prints a summary (or JSON with `--json`).

use super::RunArgs;
use crate::session::{self, DriverSpec, RunError, RunRequest, Session};
use std::process::ExitCode;

/// Runs `forcesim run`.
pub fn main(args: RunArgs) -> ExitCode {
    let lang = super::locale::resolve(args.lang);
    let driver = match (&args.script, &args.bot) {
        (Some(p), _) => DriverSpec::Script(p.clone()),
        (None, Some(b)) => DriverSpec::Bot(b.clone()),
        (None, None) => {
            eprintln!("forcesim run: give --script FILE or --bot NAME");
            return ExitCode::from(2);
        }
    };
    let req = RunRequest {
        scenario: args.scenario.clone(),
        driver,
        seed: args.seed,
        policy: args.policy.clone(),
        trainee: args.trainee.clone(),
        lang,
        time_limit: None,
    };
    let prepared = match session::prepare(&req) {
        Ok(p) => p,
        Err(RunError::Invalid(ds)) => {
            for d in ds {
                eprintln!("{}", d.render(lang));
            }
            return ExitCode::from(1);
        }
        Err(RunError::Usage(m)) => {
            let text = crate::i18n::render(lang, &m, &crate::i18n::Labels::new());
            eprintln!("forcesim run: {text}");
            return ExitCode::from(2);
        }
    };
    let subjects: Vec<String> = prepared
        .scenario
        .scenario
        .subjects
        .iter()
        .map(|s| s.id.clone())
        .collect();
    let session = session::execute(prepared);
    let out = args.out.clone().unwrap_or_else(|| {
        session::default_out(&args.trainee, &session.record.scenario, args.seed)
    });
    if let Err(e) = session::save(&out, &session.record) {
        eprintln!("forcesim run: cannot write {}: {e}", out.display());
        return ExitCode::from(1);
    }
    if args.json {
        println!("{}", json(&session, &out, &subjects));
    } else {
        print!("{}", summary(&session, &out, &subjects));
    }
    ExitCode::SUCCESS
}

use crate::i18n::clock_text as clock;

/// The human summary, in the session's language.
pub fn summary(s: &Session, out: &std::path::Path, subjects: &[String]) -> String {
    use crate::i18n::{Labels, Msg, render};
    use std::fmt::Write;
    let r = &s.record;
    let labels = Labels::new();
    let t = |m: Msg| render(r.lang, &m, &labels);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        t(Msg::new("cli-run-head")
            .with("scenario", r.scenario.as_str())
            .with("seed", r.seed.to_string())
            .with("driver", s.driver.as_str())
            .with("policy", r.policy.as_str()))
    );
    let end = match r.end {
        Some(e) => crate::scoring::end_reason(e),
        None => crate::i18n::Arg::Text(session::end_text(None).into()),
    };
    let _ = writeln!(
        o,
        "{}",
        t(Msg::new("cli-run-ended")
            .with("end", end)
            .with("t", clock(r.duration))
            .with("ticks", s.ticks.to_string())
            .with("events", r.events.len().to_string()))
    );
    for (id, what) in session::outcomes(r, subjects) {
        let _ = writeln!(o, "  {id}: {}", render(r.lang, &what, &labels));
    }
    match &r.score {
        Some(card) => {
            let verdict = if card.passed { "cli-pass" } else { "cli-fail" };
            let _ = writeln!(
                o,
                "{}",
                t(Msg::new("cli-run-score")
                    .with("total", format!("{:.1}", card.total))
                    .with("verdict", Msg::new(verdict))
                    .with("mark", format!("{:.0}", card.pass_mark)))
            );
            let cats: Vec<String> = card
                .categories
                .iter()
                .map(|c| format!("{} {:.0}", c.category.key(), c.score))
                .collect();
            let _ = writeln!(o, "  {}", cats.join("  "));
            let mut worst: Vec<_> = card.findings.iter().filter(|f| f.points < 0.0).collect();
            worst.sort_by(|a, b| {
                b.critical
                    .cmp(&a.critical)
                    .then(a.points.total_cmp(&b.points))
                    .then(a.t.total_cmp(&b.t))
            });
            if !worst.is_empty() {
                let _ = writeln!(o, "{}", t(Msg::new("cli-run-top")));
            }
            for f in worst.iter().take(5) {
                let _ = writeln!(
                    o,
                    "  {:>5}  {:>6.1}  {}  {}",
                    clock(f.t),
                    f.points,
                    f.rule,
                    card.text(f, r.lang)
                );
            }
        }
        None => {
            let _ = writeln!(o, "{}", t(Msg::new("cli-run-not-scored")));
        }
    }
    let _ = writeln!(
        o,
        "{}",
        t(Msg::new("cli-run-session").with("path", out.display().to_string()))
    );
    o
}

/// The `--json` object.
pub fn json(s: &Session, out: &std::path::Path, subjects: &[String]) -> serde_json::Value {
    let r = &s.record;
    let (kind, name) = s.driver.split_once(' ').unwrap_or(("bot", &s.driver));
    let outcomes: serde_json::Map<String, serde_json::Value> = session::outcomes(r, subjects)
        .into_iter()
        .map(|(id, what)| {
            let text = crate::i18n::render(r.lang, &what, &Default::default());
            (id, serde_json::Value::String(text))
        })
        .collect();
    serde_json::json!({
        "id": out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
        "scenario": r.scenario,
        "seed": r.seed,
        "trainee": r.trainee,
        kind: name,
        "policy": r.policy,
        "end": r.end,
        "duration": r.duration,
        "ticks": s.ticks,
        "events": r.events.len(),
        "outcomes": outcomes,
        "score": r.score.as_ref().map(|c| crate::scoring::render::card_view(c, r.lang)),
        "session": out.display().to_string(),
    })
}
