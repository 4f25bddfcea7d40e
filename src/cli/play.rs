//! `forcesim play`: the game window (see `src/game/`).

use super::PlayArgs;
use crate::game::GameOptions;
use std::process::ExitCode;

/// Runs `forcesim play`.
pub fn main(args: PlayArgs) -> ExitCode {
    let options = match GameOptions::from_args(&args) {
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
fn no_display() -> Option<&'static str> {
    let unset = std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty());
    (cfg!(target_os = "linux") && unset).then_some(
        "no display: the game window needs an X server and DISPLAY is not set. \
         On a machine without a screen run it under xvfb-run (apt-get install xvfb), \
         or use `forcesim run` for a headless run",
    )
}
