//! `forcesim list`.

use super::ListArgs;
use std::process::ExitCode;

/// Runs `forcesim list`.
pub fn main(_args: ListArgs) -> ExitCode {
    eprintln!("forcesim list: not built yet");
    ExitCode::from(2)
}
