//! Diagnostics for bad input: every problem in a scenario, policy, script or
//! session file is reported as `FILE:LINE:COL: error: MESSAGE`, never a panic.

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
        write!(
            f,
            "{}:{}:{}: error: {}",
            self.file.display(),
            self.line,
            self.col,
            self.message
        )
    }
}

/// Parses RON text into `T` with forcesim's RON options (`implicit_some`).
/// Syntax and shape errors come back as one diagnostic at the error position.
pub fn parse_ron<T: serde::de::DeserializeOwned>(file: &Path, text: &str) -> Result<T, Diagnostic> {
    ron_options().from_str::<T>(text).map_err(|e| {
        Diagnostic::new(
            file,
            e.span.start.line.max(1),
            e.span.start.col.max(1),
            e.code.to_string(),
        )
    })
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
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let col = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        Diagnostic::new(file, line, col, "the file is not valid UTF-8 text")
    })
}
