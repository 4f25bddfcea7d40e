//! `forcesim play`: the game window (see `src/game/`).

use super::PlayArgs;
use crate::game::GameOptions;
use std::process::ExitCode;

/// Runs `forcesim play`.
pub fn main(args: PlayArgs) -> ExitCode {
    match GameOptions::from_args(&args) {
        Ok(options) => crate::game::run(options),
        Err(e) => {
            eprintln!("forcesim play: {e}");
            ExitCode::from(2)
        }
    }
}
