//! `forcesim check`.

use super::CheckArgs;
use std::process::ExitCode;

/// Runs `forcesim check`.
pub fn main(_args: CheckArgs) -> ExitCode {
    eprintln!("forcesim check: not built yet");
    ExitCode::from(2)
}
