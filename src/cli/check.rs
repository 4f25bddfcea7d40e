//! `forcesim check PATH...`: validates scenario and policy files (files or
//! folders, recursively). Each problem is one line `FILE:LINE:COL: error:
//! MESSAGE` on stdout, then a one-line summary. Exit 0 when every file is
//! valid, 1 when any is invalid, 2 for a usage error (no such path).

use super::CheckArgs;
use super::files::{FileKind, kind_of, ron_files};
use crate::diag::{Diagnostic, Locator, read_text};
use crate::domain::Lang;
use crate::i18n::{self, Msg};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The result of checking one file.
#[derive(Debug)]
pub struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// What it was read as.
    pub kind: FileKind,
    /// Its id, when it parsed.
    pub id: Option<String>,
    /// Its problems; empty when valid.
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks one file as a scenario or a policy (decided by [`kind_of`]).
pub fn check_one(path: &Path) -> FileReport {
    let text = match read_text(path) {
        Ok(t) => t,
        Err(d) => {
            return FileReport {
                path: path.to_path_buf(),
                kind: FileKind::Scenario,
                id: None,
                diagnostics: vec![d],
            };
        }
    };
    let (kind, guessed) = kind_of(path, &text);
    let result = match kind {
        FileKind::Scenario => crate::scenario::check_str(path, &text).map(|s| s.scenario.id),
        FileKind::Policy => crate::policy::check_str(path, &text).map(|p| p.policy.id),
    };
    match result {
        Ok(id) => FileReport {
            path: path.to_path_buf(),
            kind,
            id: Some(id),
            diagnostics: Vec::new(),
        },
        Err(mut diagnostics) => {
            if guessed && let Some(first) = diagnostics.first_mut() {
                *first = first.clone().wrap("diag-read-as-scenario");
            }
            FileReport {
                path: path.to_path_buf(),
                kind,
                id: None,
                diagnostics,
            }
        }
    }
}

/// Checks every file, then that no two files of a kind share an id.
pub fn check_all(files: &[PathBuf]) -> Vec<FileReport> {
    let mut reports: Vec<FileReport> = files.iter().map(|f| check_one(f)).collect();
    let mut seen: BTreeMap<(&'static str, String), PathBuf> = BTreeMap::new();
    for r in &mut reports {
        let Some(id) = r.id.clone() else { continue };
        let key = (r.kind.name(), id.clone());
        if let Some(first) = seen.get(&key) {
            let text = read_text(&r.path).unwrap_or_default();
            let (line, col) = Locator::new(&text).locate("id");
            r.diagnostics.push(Diagnostic::new(
                &r.path,
                line,
                col,
                Msg::new("diag-library-duplicate")
                    .with("kind", Msg::new(format!("file-kind-{}", r.kind.name())))
                    .with("id", id.as_str())
                    .with("first", first.display().to_string()),
            ));
        } else {
            seen.insert(key, r.path.clone());
        }
    }
    reports
}

/// `checked 5 files: 4 valid, 1 invalid (3 errors)`, in `lang`.
pub fn summary(reports: &[FileReport], lang: Lang) -> String {
    let n = reports.len();
    let invalid = reports.iter().filter(|r| !r.diagnostics.is_empty()).count();
    let errors: usize = reports.iter().map(|r| r.diagnostics.len()).sum();
    let mut m = Msg::new("cli-check-summary")
        .with("files", n)
        .with("valid", n - invalid)
        .with("invalid", invalid);
    if errors > 0 {
        m = Msg::new("cli-check-errors")
            .with("summary", m)
            .with("errors", errors);
    }
    i18n::render(lang, &m, &i18n::Labels::new())
}

/// Runs `forcesim check`.
pub fn main(args: CheckArgs) -> ExitCode {
    let lang = super::locale::resolve(args.lang);
    let missing: Vec<&PathBuf> = args.paths.iter().filter(|p| !p.exists()).collect();
    if !missing.is_empty() {
        for p in missing {
            eprintln!("{}", no_such_path(lang, "check", p));
        }
        return ExitCode::from(2);
    }
    let files: Vec<PathBuf> = args.paths.iter().flat_map(|p| ron_files(p)).collect();
    let reports = check_all(&files);
    // Write errors (a closed pipe, as in `| head`) end the output, not the run.
    let mut out = std::io::stdout().lock();
    let _ = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .try_for_each(|d| writeln!(out, "{}", d.render(lang)));
    let _ = writeln!(out, "{}", summary(&reports, lang));
    if reports.iter().all(|r| r.diagnostics.is_empty()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `forcesim COMMAND: no such file or folder: PATH` in `lang`.
pub fn no_such_path(lang: Lang, command: &str, path: &Path) -> String {
    i18n::render(
        lang,
        &Msg::new("cli-no-such-path")
            .with("command", command)
            .with("path", path.display().to_string()),
        &i18n::Labels::new(),
    )
}
