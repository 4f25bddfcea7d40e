//! `forcesim list [PATH] [--json] [--lang L]`: one line per valid scenario
//! (id, kind, risk, title in the chosen language, file) under PATH (default `scenarios/`), aligned and
//! sorted by id; `--json` prints an array of objects. Invalid files are
//! reported on stderr and not listed.

use super::ListArgs;
use super::files::{FileKind, kind_of, ron_files};
use crate::diag::read_text;
use crate::domain::Lang;
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One listed scenario.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Entry {
    /// Scenario id.
    pub id: String,
    /// Kind of call.
    pub kind: String,
    /// Risk.
    pub risk: String,
    /// Title, in the language asked for (English when the scenario has none in it).
    pub title: String,
    /// Default policy id.
    pub policy: String,
    /// The file.
    pub file: String,
}

/// Valid scenarios under `path` sorted by id, and the problems of invalid ones.
/// Policy files (under a `policies` folder or with a `continuum:`) are skipped.
pub fn scan(path: &Path) -> (Vec<Entry>, Vec<crate::diag::Diagnostic>) {
    scan_in(path, Lang::En)
}

/// [`scan`] with titles in `lang`.
pub fn scan_in(path: &Path, lang: Lang) -> (Vec<Entry>, Vec<crate::diag::Diagnostic>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for file in ron_files(path) {
        let text = match read_text(&file) {
            Ok(t) => t,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        if kind_of(&file, &text).0 == FileKind::Policy {
            continue;
        }
        match crate::scenario::check_str(&file, &text) {
            Ok(loaded) => {
                let s = loaded.scenario;
                entries.push(Entry {
                    id: s.id,
                    kind: s.kind.key().to_string(),
                    risk: s.risk.key().to_string(),
                    title: s.title.get(lang).to_string(),
                    policy: s.policy,
                    file: file.display().to_string(),
                });
            }
            Err(d) => problems.extend(d),
        }
    }
    entries.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.file.cmp(&b.file)));
    (entries, problems)
}

/// The aligned text table: `id  kind  risk  title  file`, one line each.
pub fn table(entries: &[Entry]) -> String {
    let w = |f: fn(&Entry) -> &str| {
        entries
            .iter()
            .map(|e| f(e).chars().count())
            .max()
            .unwrap_or(0)
    };
    let (wi, wk, wr, wt) = (
        w(|e| &e.id),
        w(|e| &e.kind),
        w(|e| &e.risk),
        w(|e| &e.title),
    );
    let pad = |s: &str, n: usize| format!("{s}{}", " ".repeat(n.saturating_sub(s.chars().count())));
    let mut out = String::new();
    for e in entries {
        out.push_str(&format!(
            "{}  {}  {}  {}  {}\n",
            pad(&e.id, wi),
            pad(&e.kind, wk),
            pad(&e.risk, wr),
            pad(&e.title, wt),
            e.file
        ));
    }
    out
}

/// Runs `forcesim list`.
pub fn main(args: ListArgs) -> ExitCode {
    let lang = super::locale::resolve(args.lang);
    // Default: ./scenarios, else the library shipped with the source.
    let path = args.path.unwrap_or_else(|| {
        let here = PathBuf::from("scenarios");
        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
        if here.is_dir() || !shipped.is_dir() {
            here
        } else {
            shipped
        }
    });
    if !path.exists() {
        eprintln!("{}", super::check::no_such_path(lang, "list", &path));
        return ExitCode::from(2);
    }
    let (entries, problems) = scan_in(&path, lang);
    for d in &problems {
        eprintln!("{}", d.render(lang));
    }
    let text = if args.json {
        match serde_json::to_string_pretty(&entries) {
            Ok(s) => s + "\n",
            Err(e) => {
                eprintln!("forcesim list: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        table(&entries)
    };
    // A closed pipe (as in `| head`) is not an error worth a panic.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
