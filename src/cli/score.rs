//! `forcesim score`.

use super::ScoreArgs;
use std::process::ExitCode;

/// Runs `forcesim score`.
pub fn main(_args: ScoreArgs) -> ExitCode {
    eprintln!("forcesim score: not built yet");
    ExitCode::from(2)
}
