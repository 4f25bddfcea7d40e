//! `forcesim explore PATH... [--seeds A..B] [--bot NAME]... [--policy P]
//! [--jobs N] [--json] [--lang L] [--record FILE | --no-record]` and
//! `forcesim explore --merge FILE... [--json]`: seeded headless sweeps of the
//! scenarios with the bots, summed up per scenario and bot, with flags. The
//! logic is `session::explore`. Exit 0 when nothing is flagged, 1 when
//! anything is (or a scenario or shard does not load), 2 for a usage error.

use super::LangArg;
use crate::domain::Lang;
use crate::i18n::tr;
use crate::session::explore::{self, ExploreRequest, Report};
use crate::session::{RunError, write_atomic};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where the previous explore record is kept unless `--record` says otherwise.
pub const DEFAULT_RECORD: &str = "target/explore/record.json";

/// Arguments of `explore`.
#[derive(clap::Args, Debug)]
pub struct ExploreArgs {
    /// Scenario files, folders (searched recursively) or ids; with `--merge`,
    /// the JSON reports of shards.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Seeds to run, inclusive: `1..30`, or one seed `7`.
    #[arg(long, default_value = "1..30")]
    pub seeds: String,
    /// A bot to run (repeat for several; default: every bot).
    #[arg(long = "bot")]
    pub bots: Vec<String>,
    /// Score every scenario under this policy (id or file) instead of its own.
    #[arg(long)]
    pub policy: Option<String>,
    /// Worker threads (default: every core).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Print the report as JSON on stdout.
    #[arg(long)]
    pub json: bool,
    /// Language of the text and the finding titles (default: the system locale).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Merge the JSON reports named as paths into one.
    #[arg(long)]
    pub merge: bool,
    /// The record to compare with and then update (default
    /// target/explore/record.json).
    #[arg(long, conflicts_with = "no_record")]
    pub record: Option<PathBuf>,
    /// Neither compare with nor update a record.
    #[arg(long)]
    pub no_record: bool,
}

/// Parses `A..B` (inclusive) or `N`.
pub fn parse_seeds(s: &str) -> Option<std::ops::RangeInclusive<u64>> {
    let (a, b) = match s.split_once("..") {
        Some((a, b)) => (a.trim().parse().ok()?, b.trim().parse().ok()?),
        None => {
            let n = s.trim().parse().ok()?;
            (n, n)
        }
    };
    (a <= b).then_some(a..=b)
}

fn usage(lang: Lang, id: &str, args: &[(&str, &str)]) -> ExitCode {
    eprintln!("forcesim explore: {}", tr(lang, id, args));
    ExitCode::from(2)
}

/// The scenario files a path names: a file, the `.ron` scenarios under a
/// folder (policies skipped), or a scenario id.
fn scenario_files(p: &Path) -> Option<Vec<PathBuf>> {
    if p.is_dir() {
        let files = super::files::ron_files(p)
            .into_iter()
            .filter(|f| {
                let text = std::fs::read_to_string(f).unwrap_or_default();
                super::files::kind_of(f, &text).0 == super::files::FileKind::Scenario
            })
            .collect();
        return Some(files);
    }
    if p.is_file() {
        return Some(vec![p.to_path_buf()]);
    }
    crate::scenario::resolve(&p.display().to_string()).map(|f| vec![f])
}

/// Runs `forcesim explore`.
pub fn main(args: ExploreArgs) -> ExitCode {
    let lang = super::locale::resolve(args.lang);
    let started = std::time::Instant::now();
    let (mut report, runs) = if args.merge {
        match merge(&args.paths, lang) {
            Ok(r) => (r, 0),
            Err(code) => return code,
        }
    } else {
        let Some(seeds) = parse_seeds(&args.seeds) else {
            return usage(lang, "explore-bad-seeds", &[("found", &args.seeds)]);
        };
        let mut scenarios = Vec::new();
        for p in &args.paths {
            match scenario_files(p) {
                Some(f) => scenarios.extend(f),
                None => {
                    return usage(
                        lang,
                        "explore-no-path",
                        &[("path", &p.display().to_string())],
                    );
                }
            }
        }
        scenarios.sort();
        scenarios.dedup();
        if scenarios.is_empty() {
            return usage(lang, "explore-no-scenarios", &[]);
        }
        let bots = if args.bots.is_empty() {
            crate::trainee::bots::NAMES
                .iter()
                .map(|s| s.to_string())
                .collect()
        } else {
            args.bots.clone()
        };
        let jobs = args
            .jobs
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        let req = ExploreRequest {
            scenarios,
            seeds,
            bots,
            policy: args.policy.clone(),
            jobs,
            lang,
        };
        let n = explore::run_count(&req);
        let bar = progress_bar(n);
        let result = explore::explore(&req, &|| bar.inc(1));
        bar.finish_and_clear();
        match result {
            Ok(r) => (r, n),
            Err(RunError::Invalid(ds)) => {
                for d in ds {
                    eprintln!("{}", d.render(lang));
                }
                return ExitCode::from(1);
            }
            Err(RunError::Usage(m)) => {
                let text = crate::i18n::render(lang, &m, &crate::i18n::Labels::new());
                eprintln!("forcesim explore: {text}");
                return ExitCode::from(2);
            }
        }
    };
    if !args.no_record {
        let path = args
            .record
            .clone()
            .unwrap_or_else(|| PathBuf::from(DEFAULT_RECORD));
        let before = std::fs::read_to_string(&path)
            .ok()
            .and_then(|t| serde_json::from_str::<Report>(&t).ok());
        if let Some(b) = &before {
            report.flags.extend(explore::changes(&report, b));
        }
        let updated = explore::update_record(before, &report);
        let text = serde_json::to_string_pretty(&updated).unwrap_or_default();
        let written = path
            .parent()
            .map_or(Ok(()), |d| {
                if d.as_os_str().is_empty() {
                    Ok(())
                } else {
                    std::fs::create_dir_all(d)
                }
            })
            .and_then(|_| write_atomic(&path, text.as_bytes()));
        if let Err(e) = written {
            eprintln!(
                "forcesim explore: {}",
                tr(
                    lang,
                    "explore-record-unwritable",
                    &[
                        ("path", &path.display().to_string()),
                        ("error", &e.to_string())
                    ]
                )
            );
        }
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        );
    } else {
        print!("{}", explore::text::render(&report, lang));
    }
    if !args.merge {
        eprintln!(
            "{}",
            tr(
                lang,
                "explore-done",
                &[
                    ("runs", &runs.to_string()),
                    ("secs", &format!("{:.1}", started.elapsed().as_secs_f64())),
                    ("flags", &report.flags.len().to_string()),
                ]
            )
        );
    }
    if report.flags.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Reads the shards and merges them; a shard that does not read is exit 1.
fn merge(paths: &[PathBuf], lang: Lang) -> Result<Report, ExitCode> {
    let mut shards = Vec::new();
    for p in paths {
        let shown = p.display().to_string();
        let text = match std::fs::read_to_string(p) {
            Ok(t) => t,
            Err(e) => {
                return Err(usage(
                    lang,
                    "explore-merge-unreadable",
                    &[("path", &shown), ("error", &e.to_string())],
                ));
            }
        };
        match serde_json::from_str::<Report>(&text) {
            Ok(r) => shards.push(r),
            Err(e) => {
                eprintln!(
                    "{shown}:{}:{}: error: {}",
                    e.line(),
                    e.column(),
                    tr(
                        lang,
                        "explore-merge-not-report",
                        &[("error", &e.to_string())]
                    )
                );
                return Err(ExitCode::from(1));
            }
        }
    }
    explore::merge(&shards).map_err(|e| {
        let text = match e {
            explore::MergeError::Format(f) => tr(
                lang,
                "explore-merge-format",
                &[
                    ("found", &f.to_string()),
                    ("want", &explore::FORMAT.to_string()),
                ],
            ),
            explore::MergeError::Mismatch(what) => {
                tr(lang, "explore-merge-mismatch", &[("what", what)])
            }
            explore::MergeError::Conflict {
                scenario,
                bot,
                seed,
            } => tr(
                lang,
                "explore-merge-conflict",
                &[
                    ("scenario", &scenario),
                    ("bot", &bot),
                    ("seed", &seed.to_string()),
                ],
            ),
        };
        eprintln!("forcesim explore: {text}");
        ExitCode::from(1)
    })
}

/// A bar on stderr, hidden when stderr is not a terminal.
fn progress_bar(n: usize) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{prefix} [{bar:40}] {pos}/{len} {elapsed} eta {eta}",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix("explore");
    bar
}
