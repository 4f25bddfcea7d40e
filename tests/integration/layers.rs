//! The crate's layers point only down: a top-level module (`src/NAME/` or
//! `src/NAME.rs`) may use `crate::X` only for X in its own layer or a lower
//! one. Every top-level module must be placed in [`LAYERS`].

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The layers, lowest first. Modules in one layer may use each other.
const LAYERS: &[&[&str]] = &[
    &["domain"],
    &["i18n"],
    &["diag"],
    // The file formats: a policy names scenario types and vice versa.
    &["scenario", "policy"],
    &["events"],
    &["nav"],
    &["scoring"],
    &["trainee"],
    &["sim"],
    &["session"],
    &["game"],
    &["cli"],
];

/// Files under `src/` that are not a module of the library's tree.
const ROOT_FILES: &[&str] = &["lib.rs", "main.rs"];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The top-level modules found under `src/`.
fn top_modules(src: &Path) -> BTreeSet<String> {
    std::fs::read_dir(src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            if p.is_dir() {
                Some(name)
            } else if name.ends_with(".rs") && !ROOT_FILES.contains(&name.as_str()) {
                Some(name.trim_end_matches(".rs").to_string())
            } else {
                None
            }
        })
        .collect()
}

/// A line without its `//` comment (doc comments included). A `//` inside a
/// string also ends the code looked at, which can only hide a path, never
/// invent one.
fn code_of(line: &str) -> &str {
    line.find("//").map_or(line, |i| &line[..i])
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The modules named by `crate::NAME` (and `crate::{A, B::..}`) in a line.
fn crate_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    let mut offset = 0;
    while let Some(i) = rest.find("crate::") {
        let at = offset + i;
        let before = code[..at].chars().next_back();
        let after = &code[at + "crate::".len()..];
        rest = after;
        offset = at + "crate::".len();
        if before.is_some_and(|c| is_ident(c) && c != '$') {
            continue; // e.g. `my_crate::`
        }
        if let Some(group) = after.strip_prefix('{') {
            // `crate::{a::X, b}`: the first segment of each item (one line).
            let end = group.find('}').unwrap_or(group.len());
            let mut depth = 0;
            let mut item = String::new();
            for c in group[..end].chars().chain([',']) {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        let name: String =
                            item.trim().chars().take_while(|&c| is_ident(c)).collect();
                        if !name.is_empty() && name != "self" {
                            out.push(name);
                        }
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(c);
                }
            }
            continue;
        }
        let name: String = after.chars().take_while(|&c| is_ident(c)).collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

#[test]
fn crate_paths_are_found() {
    assert_eq!(crate_paths("use crate::domain::Pt;"), ["domain"]);
    assert_eq!(
        crate_paths("let x = crate::sim::f(crate::nav::g());"),
        ["sim", "nav"]
    );
    assert_eq!(
        crate_paths("use crate::{events::Event, scoring};"),
        ["events", "scoring"]
    );
    assert_eq!(crate_paths("$crate::i18n::Msg::new(id)"), ["i18n"]);
    assert!(crate_paths("use other_crate::sim;").is_empty());
    assert_eq!(code_of("let a = 1; // crate::cli"), "let a = 1; ");
}

#[test]
fn every_top_level_module_is_in_a_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = top_modules(&src);
    let unplaced: Vec<&String> = found.iter().filter(|m| layer_of(m).is_none()).collect();
    assert!(
        unplaced.is_empty(),
        "top-level modules not in LAYERS (tests/integration/layers.rs): {unplaced:?}; \
         place each in the layer it belongs to"
    );
    let listed: Vec<&str> = LAYERS.iter().flat_map(|l| l.iter().copied()).collect();
    let stale: Vec<&&str> = listed.iter().filter(|m| !found.contains(**m)).collect();
    assert!(
        stale.is_empty(),
        "LAYERS names modules not in src/: {stale:?}"
    );
}

#[test]
fn layers_only_point_down() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rs_files(&src, &mut files);
    let mut bad = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap();
        if ROOT_FILES.contains(&first) {
            continue;
        }
        let module = first.trim_end_matches(".rs");
        let Some(own) = layer_of(module) else {
            continue; // reported by every_top_level_module_is_in_a_layer
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            for name in crate_paths(code_of(line)) {
                match layer_of(&name) {
                    Some(l) if l <= own => {}
                    Some(_) => bad.push(format!(
                        "src/{}:{}: {module} uses crate::{name}, a higher layer",
                        rel.display(),
                        n + 1
                    )),
                    None => bad.push(format!(
                        "src/{}:{}: crate::{name} is not a module in LAYERS",
                        rel.display(),
                        n + 1
                    )),
                }
            }
        }
    }
    let order: Vec<String> = LAYERS.iter().map(|l| l.join("+")).collect();
    assert!(
        bad.is_empty(),
        "imports against the layer order ({}):\n{}",
        order.join(" < "),
        bad.join("\n")
    );
}
