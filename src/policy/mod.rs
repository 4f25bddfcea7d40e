//! Policies: the continuum and rules as data (assets/policies/*.ron).
//!
//! - [`check_file`] / [`check_str`]: load and validate (what `check`, `run`,
//!   `play` and hot reload use).
//! - [`load_by_id_or_path`]: a command-line argument or a scenario's `policy`
//!   field: a file, or the id of a shipped policy (on disk, else built in).

pub mod builtin;
pub mod schema;
pub mod validate;

pub use schema::Policy;

use crate::diag::suggest::{one_of, suggest_then};
use crate::diag::{Diagnostic, duplicate_keys, locate_problems, parse_ron, read_text};
use crate::i18n::Msg;
use std::path::{Path, PathBuf};

/// A policy loaded from disk, with its source text (for hashing).
#[derive(Debug, Clone)]
pub struct LoadedPolicy {
    /// The parsed policy.
    pub policy: Policy,
    /// The file's text.
    pub source: String,
}

/// Loads and parses a policy file (no semantic validation; see [`check_file`]).
pub fn load(path: &Path) -> Result<LoadedPolicy, Vec<Diagnostic>> {
    let source = read_text(path).map_err(|d| vec![d])?;
    let policy = parse_ron::<Policy>(path, &source).map_err(|d| vec![d])?;
    Ok(LoadedPolicy { policy, source })
}

/// Loads, parses and validates a policy file. Every problem comes back as a
/// diagnostic with its line and column.
pub fn check_file(path: &Path) -> Result<LoadedPolicy, Vec<Diagnostic>> {
    let source = read_text(path).map_err(|d| vec![d])?;
    check_str(path, &source)
}

/// Parses and validates policy text; `path` is used in the diagnostics.
pub fn check_str(path: &Path, source: &str) -> Result<LoadedPolicy, Vec<Diagnostic>> {
    let policy = parse_ron::<Policy>(path, source).map_err(|d| vec![d])?;
    let mut diags = duplicate_keys(path, source);
    diags.extend(locate_problems(path, source, &validate::validate(&policy)));
    if diags.is_empty() {
        Ok(LoadedPolicy {
            policy,
            source: source.to_string(),
        })
    } else {
        diags.sort();
        Err(diags)
    }
}

/// Loads and validates a policy named on the command line or in a scenario:
/// a path to a file; else a shipped policy id, read from
/// `assets/policies/<id>.ron` (working directory, then the crate's folder) or,
/// failing that, from the copy built into the binary.
pub fn load_by_id_or_path(arg: &str) -> Result<LoadedPolicy, Vec<Diagnostic>> {
    if let Some(path) = resolve(arg) {
        return check_file(&path);
    }
    if let Some(text) = builtin::text(arg) {
        let shown = PathBuf::from(format!("assets/policies/{arg}.ron"));
        return check_str(&shown, text);
    }
    Err(vec![Diagnostic::new(
        Path::new(arg),
        1,
        1,
        unknown_policy_message(arg),
    )])
}

/// `no policy file or shipped policy named "x"; ...` with the choices.
pub fn unknown_policy_message(arg: &str) -> Msg {
    let ids: Vec<&str> = builtin::ids().collect();
    Msg::new("diag-unknown-policy").with("arg", arg).with(
        "hint",
        suggest_then(
            arg,
            ids.iter().copied(),
            Msg::new("diag-shipped-policies").with("list", one_of(&ids)),
        ),
    )
}

/// Whether a scenario's `policy` field names a policy that can be loaded: a
/// shipped id, a file relative to the scenario's folder `base`, or a file
/// relative to the working directory.
pub fn exists(arg: &str, base: Option<&Path>) -> bool {
    builtin::text(arg).is_some()
        || resolve(arg).is_some()
        || base.is_some_and(|b| !arg.is_empty() && b.join(arg).is_file())
}

/// Finds a policy from a command-line argument or a scenario's `policy` field: a
/// path to a file, or an id looked up as `assets/policies/<id>.ron` (relative to
/// the working directory, then to the crate's own folder).
pub fn resolve(arg: &str) -> Option<std::path::PathBuf> {
    if arg.is_empty() {
        return None;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_policies_check_clean_from_the_built_in_copies() {
        for id in builtin::ids() {
            let text = builtin::text(id).unwrap();
            let loaded = check_str(Path::new(id), text).unwrap_or_else(|d| {
                panic!(
                    "{}",
                    d.iter()
                        .map(|d| d.to_string())
                        .collect::<Vec<_>>()
                        .join("\n")
                )
            });
            assert_eq!(loaded.policy.id, id);
        }
    }

    #[test]
    fn load_by_id_or_path_finds_ids_and_rejects_unknown_names() {
        assert_eq!(load_by_id_or_path("kz").unwrap().policy.id, "kz");
        let err = load_by_id_or_path("k z").unwrap_err();
        assert!(
            err[0]
                .text(crate::domain::Lang::En)
                .contains("shipped policies: generic, us_iacp or kz"),
            "{}",
            err[0]
        );
        let err = load_by_id_or_path("us_iacb").unwrap_err();
        assert!(
            err[0]
                .text(crate::domain::Lang::En)
                .contains("did you mean \"us_iacp\""),
            "{}",
            err[0]
        );
    }
}
