//! `forcesim run`.

use super::RunArgs;
use std::process::ExitCode;

/// Runs `forcesim run`.
pub fn main(_args: RunArgs) -> ExitCode {
    eprintln!("forcesim run: not built yet");
    ExitCode::from(2)
}
