//! Scenarios: the RON format instructors write, loading and validation.
//!
//! [`check_file`] / [`check_str`] load and validate (what `check`, `run`,
//! `play` and hot reload use); [`load`] only parses.

#[cfg(test)]
mod parse_errors;
pub mod schema;
pub mod template;
pub mod validate;

pub use schema::Scenario;

use crate::diag::{Diagnostic, duplicate_keys, locate_problems, parse_ron, read_text};
use std::path::Path;

/// A scenario loaded from disk, with its source text (for hashing and positions).
#[derive(Debug, Clone)]
pub struct LoadedScenario {
    /// The parsed scenario.
    pub scenario: Scenario,
    /// The file's text.
    pub source: String,
}

/// Loads and parses a scenario file (no semantic validation; see [`check_file`]).
pub fn load(path: &Path) -> Result<LoadedScenario, Vec<Diagnostic>> {
    let source = read_text(path).map_err(|d| vec![d])?;
    let scenario = parse_ron::<Scenario>(path, &source).map_err(|d| vec![d])?;
    Ok(LoadedScenario { scenario, source })
}

/// Loads, parses and validates a scenario file. Every problem comes back as a
/// diagnostic with its line and column, sorted by position.
pub fn check_file(path: &Path) -> Result<LoadedScenario, Vec<Diagnostic>> {
    let source = read_text(path).map_err(|d| vec![d])?;
    check_str(path, &source)
}

/// Parses and validates scenario text; `path` names it in diagnostics and its
/// folder is where a `policy` given as a relative file is looked for.
pub fn check_str(path: &Path, source: &str) -> Result<LoadedScenario, Vec<Diagnostic>> {
    let scenario = parse_ron::<Scenario>(path, source).map_err(|d| vec![d])?;
    let mut diags = duplicate_keys(path, source);
    let problems = validate::validate(&scenario, path.parent());
    diags.extend(locate_problems(path, source, &problems));
    if diags.is_empty() {
        Ok(LoadedScenario {
            scenario,
            source: source.to_string(),
        })
    } else {
        diags.sort();
        Err(diags)
    }
}

/// Finds a scenario from a command-line argument: a path to a file, or an id
/// looked up as `scenarios/<id>.ron` (relative to the working directory, then
/// to the crate's own folder).
pub fn resolve(arg: &str) -> Option<std::path::PathBuf> {
    let direct = Path::new(arg);
    if direct.is_file() {
        return Some(direct.to_path_buf());
    }
    let name = format!("{arg}.ron");
    [
        Path::new("scenarios"),
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios"),
    ]
    .iter()
    .map(|dir| dir.join(&name))
    .find(|p| p.is_file())
}
