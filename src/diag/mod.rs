//! Diagnostics for bad input: every problem in a scenario, policy, script or
//! session file is reported as `FILE:LINE:COL: error: MESSAGE`, never a panic.

pub mod checks;
pub mod locate;
pub mod ron_error;
pub mod suggest;

pub use locate::Locator;

use crate::domain::Lang;
use crate::i18n::{self, Msg};
use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in an input file. The message is data (a catalogue id and its
/// arguments), rendered in the reader's language at the edge: `Display` is
/// English, [`Diagnostic::render`] any language.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong and what was expected, in an instructor's words.
    pub message: Msg,
}

impl Diagnostic {
    /// A problem at a position.
    pub fn new(file: &Path, line: usize, col: usize, message: impl Into<Msg>) -> Self {
        Diagnostic {
            file: file.to_path_buf(),
            line,
            col,
            message: message.into(),
        }
    }

    /// The message alone, in `lang`, on one line (a line break inside a
    /// quoted name is shown escaped).
    pub fn text(&self, lang: Lang) -> String {
        let m = i18n::render(lang, &self.message, &i18n::Labels::new());
        if m.contains(['\n', '\r']) {
            m.replace('\n', "\\n").replace('\r', "\\r")
        } else {
            m
        }
    }

    /// `FILE:LINE:COL: error: MESSAGE` with the message in `lang`; the shape
    /// stays the same in every language so editors and scripts can read it.
    pub fn render(&self, lang: Lang) -> String {
        format!(
            "{}:{}:{}: error: {}",
            self.file.display(),
            self.line,
            self.col,
            self.text(lang)
        )
    }

    /// The same problem with its message wrapped in another (`not a valid
    /// session record: ...`): `id` takes the old message as `$inner`.
    pub fn wrap(mut self, id: &str) -> Self {
        self.message = Msg::new(id).with("inner", self.message);
        self
    }

    fn key(&self) -> (&Path, usize, usize, String) {
        (&self.file, self.line, self.col, self.text(Lang::En))
    }
}

impl Eq for Diagnostic {}

impl PartialOrd for Diagnostic {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Diagnostic {
    /// By file and position, then by the English text (a stable order).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Renders diagnostics in `lang`, one line each.
pub fn render_all(diagnostics: &[Diagnostic], lang: Lang) -> Vec<String> {
    diagnostics.iter().map(|d| d.render(lang)).collect()
}

/// A catalogue message with no arguments (shorthand for validation code).
pub fn m(id: &str) -> Msg {
    Msg::new(id)
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
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where, as a path of fields, keys and indices.
    pub path: String,
    /// What is wrong and what was expected.
    pub message: Msg,
    /// Point at the key of the last step (a misspelt map key) rather than its value.
    pub at_key: bool,
}

impl Problem {
    /// A problem with the value at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<Msg>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            at_key: false,
        }
    }

    /// A problem with the key at the end of `path`.
    pub fn at_key(path: impl Into<String>, message: impl Into<Msg>) -> Self {
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
                Msg::new("diag-key-twice").with("key", key.as_str()),
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
    let bytes = std::fs::read(file).map_err(|e| {
        Diagnostic::new(
            file,
            1,
            1,
            Msg::new("diag-cannot-read").with("reason", e.to_string()),
        )
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        // The prefix is valid UTF-8, so columns count characters as ron does.
        let before = std::str::from_utf8(before).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let col = before.chars().rev().take_while(|&c| c != '\n').count() + 1;
        Diagnostic::new(file, line, col, m("diag-not-utf8"))
    })
}
