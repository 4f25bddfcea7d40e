//! Diagnostics for bad input: every problem in a scenario, policy, script or
//! session file is reported as `FILE:LINE:COL: error: MESSAGE`, never a panic.

pub mod checks;
pub mod locate;
pub mod ron_error;
pub mod suggest;

pub use locate::Locator;

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong and what was expected, in an instructor's words.
    pub message: String,
}

impl Diagnostic {
    /// A problem at a position.
    pub fn new(file: &Path, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            line,
            col,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One problem, one line: a line break inside a quoted name is shown escaped.
        let message = if self.message.contains(['\n', '\r']) {
            std::borrow::Cow::Owned(self.message.replace('\n', "\\n").replace('\r', "\\r"))
        } else {
            std::borrow::Cow::Borrowed(self.message.as_str())
        };
        write!(
            f,
            "{}:{}:{}: error: {}",
            self.file.display(),
            self.line,
            self.col,
            message
        )
    }
}

/// Parses RON text into `T` with forcesim's RON options (`implicit_some`).
/// Syntax and shape errors come back as one diagnostic at the error position,
/// worded for instructors (see [`ron_error`]).
pub fn parse_ron<T: serde::de::DeserializeOwned>(file: &Path, text: &str) -> Result<T, Diagnostic> {
    ron_options().from_str::<T>(text).map_err(|e| {
        let loc = Locator::new(text);
        let (at, message) = ron_error::explain(&e, &loc);
        let (line, col) = loc.line_col(at);
        Diagnostic::new(file, line, col, message)
    })
}

/// A problem found by validation on parsed data: a path into the file
/// (`subjects[2].behaviour[0].chance`) and a message. The locator turns the
/// path into a line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, as a path of fields, keys and indices.
    pub path: String,
    /// What is wrong and what was expected.
    pub message: String,
    /// Point at the key of the last step (a misspelt map key) rather than its value.
    pub at_key: bool,
}

impl Problem {
    /// A problem with the value at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            at_key: false,
        }
    }

    /// A problem with the key at the end of `path`.
    pub fn at_key(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            at_key: true,
            ..Problem::new(path, message)
        }
    }
}

/// Places validation problems in the file's text, sorted by position.
pub fn locate_problems(file: &Path, text: &str, problems: &[Problem]) -> Vec<Diagnostic> {
    let loc = Locator::new(text);
    let mut out: Vec<Diagnostic> = problems
        .iter()
        .map(|p| {
            let (line, col) = if p.at_key {
                loc.locate_key(&p.path)
            } else {
                loc.locate(&p.path)
            };
            Diagnostic::new(file, line, col, p.message.clone())
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Keys or fields written twice in one item (ron keeps the last silently for
/// texts): `the key "en" is given twice`.
pub fn duplicate_keys(file: &Path, text: &str) -> Vec<Diagnostic> {
    let loc = Locator::new(text);
    loc.duplicate_keys()
        .iter()
        .map(|(at, key)| {
            let (line, col) = loc.line_col(*at);
            Diagnostic::new(
                file,
                line,
                col,
                format!("\"{key}\" is given twice in the same item; keep one"),
            )
        })
        .collect()
}

/// RON options used for every forcesim file.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Reads a file as UTF-8, reporting a missing or unreadable file at 1:1.
pub fn read_text(file: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(file)
        .map_err(|e| Diagnostic::new(file, 1, 1, format!("cannot read the file: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // The prefix is valid UTF-8, so columns count characters as ron does.
        let before = std::str::from_utf8(before).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let col = before.chars().rev().take_while(|&c| c != '\n').count() + 1;
        Diagnostic::new(file, line, col, "the file is not valid UTF-8 text")
    })
}
