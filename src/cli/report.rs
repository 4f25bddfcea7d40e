//! `forcesim report PATH... [--csv FILE] [--html FILE] [--lang L] [--policy P]`:
//! every session record under the paths (recursively), re-scored from its log
//! and compared with its evaluator notes, summed up for a class. Files that
//! are not sessions, are truncated or of a newer format are named on stderr
//! with the reason and skipped. Exit 0 when nothing was skipped, 1 when
//! anything was, 2 for a usage error (a path or policy that does not exist,
//! an output that cannot be written).

use super::LangArg;
use crate::domain::Lang;
use crate::session::report;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Arguments of `report`.
#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// Session records or folders (searched recursively for `.ron` files).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write one CSV row per session to this file (`-` for stdout; the
    /// default when neither `--csv` nor `--html` is given).
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// Write the HTML report to this file.
    #[arg(long)]
    pub html: Option<PathBuf>,
    /// Language of the HTML report's texts.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    pub lang: LangArg,
    /// Re-score every session under this policy (id or file) instead of the
    /// recorded one.
    #[arg(long)]
    pub policy: Option<String>,
}

/// The session files under `paths`: every `.ron` file but notes sidecars.
pub fn session_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = paths
        .iter()
        .flat_map(|p| super::files::ron_files(p))
        .filter(|p| !report::is_sidecar(p))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Runs `forcesim report`.
pub fn main(args: ReportArgs) -> ExitCode {
    for p in &args.paths {
        if !p.exists() {
            eprintln!("forcesim report: {}: no such file or folder", p.display());
            return ExitCode::from(2);
        }
    }
    let policy = match &args.policy {
        None => None,
        Some(id) => match crate::policy::load_by_id_or_path(id) {
            Ok(p) => Some(Arc::new(p.policy)),
            Err(ds) => {
                for d in ds {
                    eprintln!("{d}");
                }
                return ExitCode::from(if crate::policy::exists(id, None) {
                    1
                } else {
                    2
                });
            }
        },
    };
    let files = session_files(&args.paths);
    let bar = progress_bar(files.len());
    let report = report::build(&files, policy, &|| bar.inc(1));
    bar.finish_and_clear();
    for s in &report.skipped {
        eprintln!("{}", skipped_line(s));
    }
    let lang = Lang::from(args.lang);
    // With no output named, the CSV goes to stdout.
    let csv = match (&args.csv, &args.html) {
        (None, None) => Some(PathBuf::from("-")),
        (c, _) => c.clone(),
    };
    if let Some(path) = &csv {
        let text = report::csv::to_csv(&report);
        if path.as_os_str() == "-" {
            print!("{text}");
        } else if let Err(e) = crate::session::write_atomic(path, text.as_bytes()) {
            eprintln!("forcesim report: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    if let Some(path) = &args.html
        && let Err(e) =
            crate::session::write_atomic(path, report::html::to_html(&report, lang).as_bytes())
    {
        eprintln!("forcesim report: cannot write {}: {e}", path.display());
        return ExitCode::from(2);
    }
    eprintln!(
        "forcesim report: {} sessions, {} files skipped",
        report.rows.len(),
        report.skipped.len()
    );
    if report.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `FILE: skipped: REASON` (the reason is a diagnostic that names the file
/// and position already; the prefix makes the line greppable).
fn skipped_line(s: &report::Skipped) -> String {
    format!("skipped: {}", s.reason)
}

/// A bar on stderr, hidden when stderr is not a terminal (CI logs, pipes).
fn progress_bar(n: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{prefix} [{bar:40}] {pos}/{len} {elapsed}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix("report");
    bar
}
