//! The command line (stable: tests and instructors script against it).
//! One file per command; each exposes `pub fn main(args) -> ExitCode`.

use crate::domain::Lang;
pub use crate::game::ScreenArg;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

pub mod annotate;
pub mod check;
pub mod explore;
pub mod files;
pub mod list;
pub mod locale;
pub mod new;
pub mod play;
pub mod preview;
pub mod report;
pub mod review;
pub mod run;
pub mod score;

/// forcesim: officer-safety training simulator.
#[derive(Parser, Debug)]
#[command(
    name = "forcesim",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; `play` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// `play`'s options, accepted without the word `play` (`forcesim --lang ru`).
    #[command(flatten)]
    pub play: PlayArgs,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Play a scenario in a window (the default).
    Play(PlayArgs),
    /// Validate scenario and policy files (files or folders, recursively).
    Check(CheckArgs),
    /// List the scenarios in a folder (default: scenarios/).
    List(ListArgs),
    /// Run a scenario headless with a script or a bot; write the session record.
    Run(RunArgs),
    /// Re-score a recorded session.
    Score(ScoreArgs),
    /// Write a commented scenario template of a kind, to start a new scenario from.
    New(NewArgs),
    /// Show a scenario's map with every id labelled; reloads when the file is saved.
    Preview(PreviewArgs),
    /// Report on a class: every session under the paths, as CSV and HTML.
    Report(report::ReportArgs),
    /// An evaluator's verdicts on a session's findings and flags, beside it.
    Annotate(annotate::AnnotateArgs),
    /// Sweep scenarios with the bots over seeds: pass rates, scores,
    /// outcomes, difficulty and flags (or merge the JSON of shards).
    Explore(explore::ExploreArgs),
    /// Open a saved session in the replay viewer: findings, timeline, evaluator notes.
    Review(review::ReviewArgs),
}

/// Arguments of `play`.
#[derive(clap::Args, Debug, Default, Clone)]
pub struct PlayArgs {
    /// Scenario file or id to open directly (skips the menu).
    pub scenario: Option<String>,
    /// Trainee id (cadet number or name).
    #[arg(long)]
    pub trainee: Option<String>,
    /// Policy id or file.
    #[arg(long)]
    pub policy: Option<String>,
    /// Seed.
    #[arg(long)]
    pub seed: Option<u64>,
    /// Language.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Enable the instructor console (F2).
    #[arg(long)]
    pub instructor: bool,
    /// Render, save a PNG once the scene has settled, and exit.
    #[arg(long)]
    pub screenshot: Option<PathBuf>,
    /// Print frame-time percentiles on exit.
    #[arg(long)]
    pub frame_stats: bool,
    /// Open this screen directly (needs a scenario unless `menu`); with
    /// `gameplay`, `pause`, `debrief` or `replay` the run is first played for
    /// `--after` seconds (by `--bot` when given, else standing still).
    #[arg(long, value_enum)]
    pub screen: Option<ScreenArg>,
    /// Built-in bot that plays the run before `--screen` is shown.
    #[arg(long)]
    pub bot: Option<String>,
    /// Simulated seconds to play before `--screen` is shown.
    #[arg(long)]
    pub after: Option<f32>,
    /// Window size, `WIDTHxHEIGHT` (default 1280x720).
    #[arg(long)]
    pub resolution: Option<String>,
    /// Quit after this many seconds (for frame-time measurements).
    #[arg(long)]
    pub quit_after: Option<f32>,
}

/// A language on the command line: `en`, `ru` or `kk`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LangArg {
    /// English.
    #[default]
    En,
    /// Russian.
    Ru,
    /// Kazakh.
    Kk,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::En => Lang::En,
            LangArg::Ru => Lang::Ru,
            LangArg::Kk => Lang::Kk,
        }
    }
}

/// Arguments of `check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or folders.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Language of the messages (default: the system locale, else English).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// Arguments of `list`.
#[derive(clap::Args, Debug)]
pub struct ListArgs {
    /// Folder or file (default: scenarios/).
    pub path: Option<PathBuf>,
    /// Print JSON instead of lines.
    #[arg(long)]
    pub json: bool,
    /// Language of the titles and messages (default: the system locale, else English).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
}

/// Arguments of `run`.
#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// Scenario file or id.
    pub scenario: String,
    /// Trainee script (RON).
    #[arg(long, conflicts_with = "bot", required_unless_present = "bot")]
    pub script: Option<PathBuf>,
    /// Built-in bot: by_the_book, aggressive, passive.
    #[arg(long)]
    pub bot: Option<String>,
    /// Seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Policy id or file (default: the scenario's).
    #[arg(long)]
    pub policy: Option<String>,
    /// Where to write the session record.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Trainee id recorded in the session.
    #[arg(long, default_value = "bot")]
    pub trainee: String,
    /// Language of the score card and messages (default: the system locale, else English).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Print the result as JSON on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `score`.
#[derive(clap::Args, Debug)]
pub struct ScoreArgs {
    /// Session record file.
    pub session: PathBuf,
    /// Policy id or file (default: the recorded one).
    #[arg(long)]
    pub policy: Option<String>,
    /// Language of the texts (default: the session's).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `new`.
#[derive(clap::Args, Debug)]
pub struct NewArgs {
    /// Kind of call: traffic_stop, armed_vehicle, building_search,
    /// armed_building, field_interview, arrest_search, public_assembly, checkpoint.
    #[arg(long)]
    pub kind: String,
    /// The new scenario's id (lowercase letters, digits and `_`).
    #[arg(long)]
    pub id: String,
    /// Language of the comments (default: the system locale, else English).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// File to write (default: standard output); an existing file is not overwritten.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

/// Arguments of `preview`.
#[derive(clap::Args, Debug)]
pub struct PreviewArgs {
    /// Scenario file (or an id in scenarios/).
    pub file: String,
    /// Language of the labels and messages (default: the system locale, else English).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Render, save a PNG and exit.
    #[arg(long)]
    pub screenshot: Option<PathBuf>,
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command.unwrap_or(Command::Play(cli.play)) {
        Command::Play(a) => play::main(a),
        Command::Check(a) => check::main(a),
        Command::List(a) => list::main(a),
        Command::Run(a) => run::main(a),
        Command::Score(a) => score::main(a),
        Command::New(a) => new::main(a),
        Command::Preview(a) => preview::main(a),
        Command::Report(a) => report::main(a),
        Command::Annotate(a) => annotate::main(a),
        Command::Explore(a) => explore::main(a),
        Command::Review(a) => review::main(a),
    }
}
