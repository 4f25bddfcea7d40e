//! Finding the RON files named on the command line, and telling scenarios
//! from policies.

use crate::diag::Locator;
use std::path::{Path, PathBuf};

/// `.ron` files under `path`, recursively, sorted; `path` itself when it is a
/// file (whatever its extension: the user named it).
pub fn ron_files(path: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if path.is_dir() {
        walk(path, &mut out);
        out.sort();
    } else {
        out.push(path.to_path_buf());
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        // Hidden folders (.git), build output and the UI strings
        // (assets/i18n) are not a library.
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if p.is_dir() {
            if !name.starts_with('.') && name != "target" && name != "i18n" {
                walk(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "ron") {
            out.push(p);
        }
    }
}

/// What a RON file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A scenario.
    Scenario,
    /// A policy.
    Policy,
}

impl FileKind {
    /// `scenario` or `policy`.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Scenario => "scenario",
            FileKind::Policy => "policy",
        }
    }
}

/// Whether a file is a policy (it sits under a `policies` folder, or its top
/// level has `continuum:`) or a scenario (otherwise). The flag is true when
/// that was a guess: nothing in the path or text said which.
pub fn kind_of(path: &Path, text: &str) -> (FileKind, bool) {
    if path
        .parent()
        .is_some_and(|p| p.components().any(|c| c.as_os_str() == "policies"))
    {
        return (FileKind::Policy, false);
    }
    let loc = Locator::new(text);
    let top = loc.top_level_keys();
    if top.iter().any(|k| k == "continuum") {
        (FileKind::Policy, false)
    } else if top
        .iter()
        .any(|k| matches!(k.as_str(), "map" | "officers" | "subjects" | "briefing"))
    {
        (FileKind::Scenario, false)
    } else {
        (FileKind::Scenario, true)
    }
}
