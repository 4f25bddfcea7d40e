//! `forcesim annotate SESSION [--agree N | --dispute N | --flag T] [--note TEXT]`
//! and `forcesim annotate SESSION --list`: an evaluator's verdicts on the
//! scorer's findings and own flags, kept in `NAME.notes.ron` beside the
//! record (the record is never written). N is the finding's number as
//! `--list` shows it (the order `forcesim score` prints them); T is a time,
//! `m:ss` or seconds. Exit 0 when done, 1 when the session or its notes do
//! not load or cannot be saved, 2 for a usage error (no such finding, a bad
//! time, an unknown policy).

use super::LangArg;
use crate::domain::Lang;
use crate::i18n;
use crate::session::notes::{self, Judgement, Notes};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `annotate`.
#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("action").args(["agree", "dispute", "flag", "list"])))]
pub struct AnnotateArgs {
    /// Session record file.
    pub session: PathBuf,
    /// Agree with finding N.
    #[arg(long, value_name = "N")]
    pub agree: Option<usize>,
    /// Dispute finding N (a note saying why is required).
    #[arg(long, value_name = "N", requires = "note")]
    pub dispute: Option<usize>,
    /// Flag a moment the scorer did not judge (`m:ss` or seconds; needs a note).
    #[arg(long, value_name = "T", requires = "note")]
    pub flag: Option<String>,
    /// The evaluator's note.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// List the findings with their numbers and the notes so far (the default).
    #[arg(long)]
    pub list: bool,
    /// Policy the findings are numbered under (default: the recorded one).
    #[arg(long)]
    pub policy: Option<String>,
    /// Language of the listing (default: the session's).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// `m:ss`, `h:mm:ss` or plain seconds.
pub fn parse_time(s: &str) -> Option<f32> {
    let mut t = 0.0f32;
    for part in s.trim().split(':') {
        let v: f32 = part.trim().parse().ok()?;
        if !v.is_finite() || v < 0.0 {
            return None;
        }
        t = t * 60.0 + v;
    }
    Some(t)
}

/// Runs `forcesim annotate`.
pub fn main(args: AnnotateArgs) -> ExitCode {
    let record = match crate::session::load(&args.session) {
        Ok(r) => r,
        Err(d) => {
            eprintln!("{d}");
            return ExitCode::from(1);
        }
    };
    let wanted = args.policy.clone().unwrap_or_else(|| record.policy.clone());
    let policy = match crate::policy::load_by_id_or_path(&wanted) {
        Ok(p) => p.policy,
        Err(ds) => {
            for d in ds {
                eprintln!("{d}");
            }
            return ExitCode::from(if crate::policy::exists(&wanted, None) {
                1
            } else {
                2
            });
        }
    };
    let card = crate::scoring::score(&record.events, &policy);
    let mut notes = match notes::load_notes(&args.session) {
        Ok(n) => n.unwrap_or_default(),
        Err(d) => {
            eprintln!("{d}");
            return ExitCode::from(1);
        }
    };
    let lang = args.lang.map_or(record.lang, Lang::from);
    let note = args.note.as_deref().unwrap_or("");
    let judged = match (args.agree, args.dispute) {
        (Some(n), _) => Some((n, Judgement::Agreed)),
        (_, Some(n)) => Some((n, Judgement::Disputed)),
        _ => None,
    };
    let changed = if let Some((n, judgement)) = judged {
        let Some(f) = n.checked_sub(1).and_then(|i| card.findings.get(i)) else {
            eprintln!(
                "forcesim annotate: no finding {n}: the card has {} (numbered from 1; see --list)",
                card.findings.len()
            );
            return ExitCode::from(2);
        };
        notes.judge(f, judgement, note);
        true
    } else if let Some(t) = &args.flag {
        let Some(t) = parse_time(t) else {
            eprintln!("forcesim annotate: \"{t}\" is not a time (m:ss or seconds, say 0:42 or 42)");
            return ExitCode::from(2);
        };
        notes.flag(t, note);
        true
    } else {
        false
    };
    if changed {
        match notes::save_notes(&args.session, &notes) {
            Ok(path) => println!(
                "{}",
                i18n::tr(
                    lang,
                    "annotate-saved",
                    &[("path", &path.display().to_string())]
                )
            ),
            Err(e) => {
                eprintln!(
                    "forcesim annotate: cannot save {}: {e}",
                    notes::notes_path(&args.session).display()
                );
                return ExitCode::from(1);
            }
        }
    } else {
        print!("{}", listing(&card, &notes, lang));
    }
    ExitCode::SUCCESS
}

/// The numbered findings with their verdicts, then the flags.
pub fn listing(card: &crate::scoring::ScoreCard, notes: &Notes, lang: Lang) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}",
        i18n::tr(lang, "annotate-findings", &[("policy", &card.policy)])
    );
    if card.findings.is_empty() {
        let _ = writeln!(s, "  {}", i18n::tr(lang, "annotate-no-findings", &[]));
    }
    for (i, f) in card.findings.iter().enumerate() {
        let verdict = notes.verdict(f).map_or(String::new(), |v| {
            let word = match v.judgement {
                Judgement::Agreed => "annotate-agreed",
                Judgement::Disputed => "annotate-disputed",
            };
            let w = i18n::tr(lang, word, &[]);
            if v.note.is_empty() {
                format!("  [{w}]")
            } else {
                format!("  [{w}: {}]", v.note)
            }
        });
        let _ = writeln!(
            s,
            "  {:>3}  {:>5}  {:>5}  {}  {}{verdict}",
            i + 1,
            i18n::clock_text(f.t),
            crate::scoring::render::points(f.points),
            f.rule,
            card.text(f, lang),
        );
    }
    let _ = writeln!(s, "{}", i18n::tr(lang, "annotate-flags", &[]));
    if notes.flags.is_empty() {
        let _ = writeln!(s, "  {}", i18n::tr(lang, "annotate-no-flags", &[]));
    }
    for fl in &notes.flags {
        let _ = writeln!(s, "  {:>5}  {}", i18n::clock_text(fl.t), fl.note);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_clock_or_seconds() {
        assert_eq!(parse_time("0:42"), Some(42.0));
        assert_eq!(parse_time("1:02.5"), Some(62.5));
        assert_eq!(parse_time("17"), Some(17.0));
        assert_eq!(parse_time("1:00:00"), Some(3600.0));
        assert_eq!(parse_time("-3"), None);
        assert_eq!(parse_time("x"), None);
        assert_eq!(parse_time(""), None);
    }
}
