//! `forcesim play`.

use super::PlayArgs;
use std::process::ExitCode;

/// Runs `forcesim play`.
pub fn main(_args: PlayArgs) -> ExitCode {
    eprintln!("forcesim play: not built yet");
    ExitCode::from(2)
}
