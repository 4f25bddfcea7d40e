//! Policies: the continuum and rules as data (assets/policies/*.ron).

pub mod schema;

pub use schema::Policy;

use crate::diag::{Diagnostic, parse_ron, read_text};
use std::path::Path;

/// A policy loaded from disk, with its source text (for hashing).
#[derive(Debug, Clone)]
pub struct LoadedPolicy {
    /// The parsed policy.
    pub policy: Policy,
    /// The file's text.
    pub source: String,
}

/// Loads and parses a policy file.
pub fn load(path: &Path) -> Result<LoadedPolicy, Vec<Diagnostic>> {
    let source = read_text(path).map_err(|d| vec![d])?;
    let policy = parse_ron::<Policy>(path, &source).map_err(|d| vec![d])?;
    Ok(LoadedPolicy { policy, source })
}

/// Finds a policy from a command-line argument or a scenario's `policy` field: a
/// path to a file, or an id looked up as `assets/policies/<id>.ron` (relative to
/// the working directory, then to the crate's own folder).
pub fn resolve(arg: &str) -> Option<std::path::PathBuf> {
    let direct = Path::new(arg);
    if direct.is_file() {
        return Some(direct.to_path_buf());
    }
    let name = format!("{arg}.ron");
    [
        Path::new("assets/policies"),
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/policies"),
    ]
    .iter()
    .map(|dir| dir.join(&name))
    .find(|p| p.is_file())
}
