//! `forcesim review SESSION [--lang L] [--policy P] [--scenario FILE]
//! [--screenshot FILE]`: opens a saved session in the game's replay viewer
//! for an evaluator (the card re-scored from the log in `--lang`, under
//! `--policy`; verdicts and flags saved beside the record). The scenario is
//! `--scenario`, else the recorded id beside the record, else in
//! `scenarios/`. Exit 0 when the window is closed or the
//! screenshot saved, 1 when the session, its scenario, policy or notes do not
//! load or there is no display, 2 for a usage error (no such policy).

use super::LangArg;
use crate::domain::Lang;
use crate::game::GameOptions;
use crate::game::options::parse_resolution;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `review`.
#[derive(clap::Args, Debug)]
pub struct ReviewArgs {
    /// Session record file.
    pub session: PathBuf,
    /// Language of the card and the window (default: the session's).
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Policy id or file to re-score under (default: the recorded one).
    #[arg(long)]
    pub policy: Option<String>,
    /// The scenario file the session was played in, when it is neither beside
    /// the record (`ID.ron`) nor in `scenarios/`.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Render, save a PNG once the screen has settled, and exit.
    #[arg(long)]
    pub screenshot: Option<PathBuf>,
    /// Window size, `WIDTHxHEIGHT` (default 1280x720).
    #[arg(long)]
    pub resolution: Option<String>,
}

/// The game's options for a review, and the language chosen.
pub fn game_options(args: &ReviewArgs) -> Result<GameOptions, String> {
    let resolution = match &args.resolution {
        None => (1280, 720),
        Some(s) => parse_resolution(s)?,
    };
    Ok(GameOptions {
        policy: args.policy.clone(),
        screenshot: args.screenshot.clone(),
        resolution,
        review: Some(args.session.clone()),
        review_scenario: args.scenario.clone(),
        ..GameOptions::default()
    })
}

/// Runs `forcesim review`.
pub fn main(args: ReviewArgs) -> ExitCode {
    let ui = super::locale::resolve(args.lang);
    let mut options = match game_options(&args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("forcesim review: {e}");
            return ExitCode::from(2);
        }
    };
    // The window's language: --lang, else the one the session was played in.
    let lang = match args.lang {
        Some(l) => Lang::from(l),
        None => match crate::session::load(&args.session) {
            Ok(r) => r.lang,
            Err(d) => {
                eprintln!("{}", d.render(ui));
                return ExitCode::from(1);
            }
        },
    };
    options.lang = lang;
    // Everything is checked before a window opens, so errors read on the terminal.
    match crate::game::review::open(
        &args.session,
        args.policy.as_deref(),
        args.scenario.as_deref(),
        lang,
    ) {
        Err(e) => {
            eprintln!("{}", e.render(ui));
            return ExitCode::from(if e.is_usage() { 2 } else { 1 });
        }
        Ok(o) if o.scenario_changed => {
            let m = crate::i18n::Msg::new("cli-review-scenario-changed")
                .with("scenario", o.setup.path.display().to_string());
            eprintln!("{}", crate::i18n::render(ui, &m, &Default::default()));
        }
        Ok(_) => {}
    }
    if let Some(why) = super::play::no_display(ui) {
        eprintln!("forcesim review: {why}");
        return ExitCode::FAILURE;
    }
    crate::game::run(options)
}
