//! `forcesim play`: the game window (see `src/game/`).

use super::PlayArgs;
use crate::domain::Lang;
use crate::game::options::parse_resolution;
use crate::game::{GameOptions, ScreenArg};
use crate::i18n::{self, Labels, Msg};
use std::process::ExitCode;

/// Runs `forcesim play`. Every command-line error (a bad flag value, an
/// unknown scenario or bot, a scenario or policy that does not check) is
/// told before a window opens, from the catalogues in `--lang` or the
/// locale, as `check` tells them.
pub fn main(args: PlayArgs) -> ExitCode {
    let lang = super::locale::resolve(args.lang);
    let say = |m: Msg| format!("forcesim play: {}", i18n::render(lang, &m, &Labels::new()));
    let options = match game_options(&args) {
        Ok(options) => options,
        Err(m) => {
            eprintln!("{}", say(m));
            return ExitCode::from(2);
        }
    };
    if let Some(arg) = &options.scenario {
        let Some(path) = crate::scenario::resolve(arg) else {
            eprintln!(
                "{}",
                say(Msg::new("run-no-scenario").with("scenario", arg.as_str()))
            );
            return ExitCode::from(2);
        };
        let setup = match crate::game::run::prepare(
            &path,
            options.policy.as_deref(),
            &options.trainee,
            lang,
            options.seed,
        ) {
            Ok(setup) => setup,
            Err(lines) => {
                eprintln!("{lines}");
                return ExitCode::from(2);
            }
        };
        if let Some(name) = &options.bot
            && let Err(m) = crate::game::autoplay::bot(name, &setup)
        {
            eprintln!("{}", say(m));
            return ExitCode::from(2);
        }
    }
    if let Some(why) = no_display(lang) {
        eprintln!("forcesim play: {why}");
        return ExitCode::FAILURE;
    }
    crate::game::run(options)
}

/// The window needs an X server (the build has X11 only, which XWayland also
/// serves); without one winit would panic, so say what to do instead, in `lang`.
pub fn no_display(lang: Lang) -> Option<String> {
    let unset = std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty());
    (cfg!(target_os = "linux") && unset)
        .then(|| i18n::render(lang, &Msg::new("cli-no-display"), &Labels::new()))
}

/// The game's options from `play`'s arguments (the language from `--lang`
/// or the locale); the message for a bad value.
pub fn game_options(args: &PlayArgs) -> Result<GameOptions, Msg> {
    let lang = super::locale::resolve(args.lang);
    let resolution = match &args.resolution {
        None => (1280, 720),
        Some(s) => parse_resolution(s)
            .map_err(|_| Msg::new("cli-play-bad-resolution").with("value", s.as_str()))?,
    };
    let screen = match args.screen {
        Some(s) => s,
        None if args.scenario.is_some() => ScreenArg::Briefing,
        None => ScreenArg::Menu,
    };
    if screen != ScreenArg::Menu && args.scenario.is_none() {
        return Err(Msg::new("cli-play-screen-needs-scenario").with("screen", screen_name(screen)));
    }
    if let Some(after) = args.after
        && !(after.is_finite() && after >= 0.0)
    {
        return Err(Msg::new("cli-play-bad-after").with("value", after.to_string()));
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

    #[test]
    fn bad_values_are_messages_naming_the_value() {
        let args = PlayArgs {
            resolution: Some("huge".into()),
            ..Default::default()
        };
        let m = game_options(&args).unwrap_err();
        let ru = i18n::render(Lang::Ru, &m, &Labels::new());
        assert!(ru.contains("huge") && !ru.is_ascii(), "{ru}");
        let args = PlayArgs {
            scenario: Some("traffic_stop_low".into()),
            after: Some(-3.0),
            ..Default::default()
        };
        assert!(game_options(&args).is_err());
    }
}
