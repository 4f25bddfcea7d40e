//! The scenarios and policies the menu offers: every `.ron` file in
//! `scenarios/` and `assets/policies/`, sorted by id.

use crate::policy::LoadedPolicy;
use crate::scenario::LoadedScenario;
use bevy::prelude::*;
use std::path::{Path, PathBuf};

/// One scenario file in the library.
#[derive(Debug, Clone)]
pub struct ScenarioEntry {
    /// The file.
    pub path: PathBuf,
    /// The loaded scenario, or the problems that keep it from loading.
    pub loaded: Result<LoadedScenario, Vec<String>>,
}

impl ScenarioEntry {
    /// The id, or the file stem for a broken file.
    pub fn id(&self) -> String {
        match &self.loaded {
            Ok(l) => l.scenario.id.clone(),
            Err(_) => self
                .path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }
}

/// One policy file.
#[derive(Debug, Clone)]
pub struct PolicyEntry {
    /// Policy id.
    pub id: String,
    /// The file.
    pub path: PathBuf,
    /// The loaded policy.
    pub loaded: LoadedPolicy,
}

/// What the menu lists.
#[derive(Resource, Debug, Clone, Default)]
pub struct Catalog {
    /// Scenarios, sorted by id.
    pub scenarios: Vec<ScenarioEntry>,
    /// Policies that load, sorted by id.
    pub policies: Vec<PolicyEntry>,
}

impl Catalog {
    /// Reads both folders.
    pub fn load() -> Self {
        let scenarios_dir = find_dir("scenarios");
        let mut scenarios: Vec<ScenarioEntry> = ron_files(&scenarios_dir)
            .into_iter()
            .map(|path| {
                let loaded = load_scenario(&path);
                ScenarioEntry { path, loaded }
            })
            .collect();
        scenarios.sort_by_key(|e| e.id());
        let mut policies: Vec<PolicyEntry> = ron_files(&find_dir("assets/policies"))
            .into_iter()
            .filter_map(|path| {
                let loaded = crate::policy::check_file(&path).ok()?;
                Some(PolicyEntry {
                    id: loaded.policy.id.clone(),
                    path,
                    loaded,
                })
            })
            .collect();
        policies.sort_by(|a, b| a.id.cmp(&b.id));
        Catalog {
            scenarios,
            policies,
        }
    }

    /// The policy with this id.
    pub fn policy(&self, id: &str) -> Option<&PolicyEntry> {
        self.policies.iter().find(|p| p.id == id)
    }
}

/// Loads and checks a scenario file; problems as `file:line:col: error: ...` lines.
pub fn load_scenario(path: &Path) -> Result<LoadedScenario, Vec<String>> {
    crate::scenario::check_file(path).map_err(|ds| ds.iter().map(|d| d.to_string()).collect())
}

/// A folder relative to the working directory, else the crate's own.
pub fn find_dir(rel: &str) -> PathBuf {
    let local = PathBuf::from(rel);
    if local.is_dir() {
        return local;
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        .collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_library_loads() {
        let c = Catalog::load();
        assert!(!c.scenarios.is_empty());
        for s in &c.scenarios {
            assert!(
                s.loaded.is_ok(),
                "{}: {:?}",
                s.path.display(),
                s.loaded.as_ref().err()
            );
        }
        assert!(c.policy("generic").is_some());
    }
}
