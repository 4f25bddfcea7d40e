//! `forcesim play`: the game window (see `src/game/`).

use super::PlayArgs;
use crate::domain::Lang;
use crate::game::options::parse_resolution;
use crate::game::{GameOptions, ScreenArg};
use std::process::ExitCode;

/// Runs `forcesim play`.
pub fn main(args: PlayArgs) -> ExitCode {
    let options = match game_options(&args) {
        Ok(options) => options,
        Err(e) => {
            eprintln!("forcesim play: {e}");
            return ExitCode::from(2);
        }
    };
    // A scenario that is not there is a usage error, told before a window opens.
    if let Some(arg) = &options.scenario
        && crate::scenario::resolve(arg).is_none()
    {
        eprintln!("forcesim play: no scenario \"{arg}\" (a file, or an id in scenarios/)");
        return ExitCode::from(2);
    }
    if let Some(why) = no_display() {
        eprintln!("forcesim play: {why}");
        return ExitCode::FAILURE;
    }
    crate::game::run(options)
}

/// The window needs an X server (the build has X11 only, which XWayland also
/// serves); without one winit would panic, so say what to do instead.
pub(super) fn no_display() -> Option<&'static str> {
    let unset = std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty());
    (cfg!(target_os = "linux") && unset).then_some(
        "no display: the game window needs an X server and DISPLAY is not set. \
         On a machine without a screen run it under xvfb-run (apt-get install xvfb), \
         or use `forcesim run` for a headless run",
    )
}

/// The game's options from `play`'s arguments; an error message for bad values.
pub fn game_options(args: &PlayArgs) -> Result<GameOptions, String> {
    let lang = args.lang.map_or(Lang::En, Lang::from);
    let resolution = match &args.resolution {
        None => (1280, 720),
        Some(s) => parse_resolution(s)?,
    };
    let screen = match args.screen {
        Some(s) => s,
        None if args.scenario.is_some() => ScreenArg::Briefing,
        None => ScreenArg::Menu,
    };
    if screen != ScreenArg::Menu && args.scenario.is_none() {
        return Err(format!(
            "--screen {} needs a scenario: forcesim play SCENARIO --screen ...",
            screen_name(screen)
        ));
    }
    Ok(GameOptions {
        scenario: args.scenario.clone(),
        trainee: args.trainee.clone().unwrap_or_else(|| "cadet".into()),
        policy: args.policy.clone(),
        seed: args.seed,
        lang,
        instructor: args.instructor,
        screenshot: args.screenshot.clone(),
        frame_stats: args.frame_stats,
        screen,
        bot: args.bot.clone(),
        after: args.after,
        resolution,
        quit_after: args.quit_after,
        ..GameOptions::default()
    })
}

/// The name of a screen as `--screen` takes it.
fn screen_name(s: ScreenArg) -> &'static str {
    match s {
        ScreenArg::Menu => "menu",
        ScreenArg::Briefing => "briefing",
        ScreenArg::Gameplay => "gameplay",
        ScreenArg::Pause => "pause",
        ScreenArg::Debrief => "debrief",
        ScreenArg::Replay => "replay",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screens_other_than_menu_need_a_scenario() {
        let args = PlayArgs {
            screen: Some(ScreenArg::Debrief),
            ..Default::default()
        };
        assert!(game_options(&args).is_err());
        let args = PlayArgs {
            scenario: Some("traffic_stop_low".into()),
            ..Default::default()
        };
        assert_eq!(game_options(&args).unwrap().screen, ScreenArg::Briefing);
    }
}
