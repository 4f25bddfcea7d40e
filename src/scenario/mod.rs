//! Scenarios: the RON format instructors write, loading and validation.

pub mod schema;

pub use schema::Scenario;

use crate::diag::{Diagnostic, parse_ron, read_text};
use std::path::Path;

/// A scenario loaded from disk, with its source text (for hashing and positions).
#[derive(Debug, Clone)]
pub struct LoadedScenario {
    /// The parsed scenario.
    pub scenario: Scenario,
    /// The file's text.
    pub source: String,
}

/// Loads and parses a scenario file.
pub fn load(path: &Path) -> Result<LoadedScenario, Vec<Diagnostic>> {
    let source = read_text(path).map_err(|d| vec![d])?;
    let scenario = parse_ron::<Scenario>(path, &source).map_err(|d| vec![d])?;
    Ok(LoadedScenario { scenario, source })
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
