//! Small checks shared by scenario and policy validation; each records a
//! [`Problem`] at a path, in words an instructor understands.

use super::Problem;
use super::locate::key_seg;
use super::suggest::{one_of, suggest_then};
use crate::domain::{Lang, LocalizedText};

/// Collects problems while validating a file.
#[derive(Debug, Default)]
pub struct Checker {
    /// Problems found so far.
    pub problems: Vec<Problem>,
}

impl Checker {
    /// Records a problem with the value at `path`.
    pub fn err(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(path, message));
    }

    /// Records a problem with the key at the end of `path`.
    pub fn err_at_key(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::at_key(path, message));
    }

    /// A text: `en` is required, keys must be `en`, `ru` or `kk`.
    pub fn text(&mut self, path: &str, text: &LocalizedText) {
        let langs: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        for key in text.unknown_keys() {
            self.err_at_key(
                format!("{path}{}", key_seg(key)),
                format!(
                    "unknown language \"{key}\"{}",
                    suggest_then(
                        key,
                        langs.iter().copied(),
                        &format!("a text's languages are {}", one_of(&langs))
                    ),
                ),
            );
        }
        match text.0.get("en") {
            None => self.err(
                path,
                "this text has no English (\"en\") version; \"en\" is required: {\"en\": \"...\", \"ru\": \"...\", \"kk\": \"...\"}",
            ),
            Some(s) if s.trim().is_empty() => {
                self.err(format!("{path}.en"), "the English text is empty")
            }
            Some(_) => {}
        }
    }

    /// A text that may be left out entirely (empty).
    pub fn optional_text(&mut self, path: &str, text: &LocalizedText) {
        if !text.0.is_empty() {
            self.text(path, text);
        }
    }

    /// A real number (not NaN or infinite).
    pub fn finite(&mut self, path: &str, what: &str, v: f32) -> bool {
        if v.is_finite() {
            true
        } else {
            self.err(path, format!("{what} must be a real number, not {v}"));
            false
        }
    }

    /// A number greater than zero.
    pub fn positive(&mut self, path: &str, what: &str, v: f32) {
        if self.finite(path, what, v) && v <= 0.0 {
            self.err(path, format!("{what} must be greater than 0, found {v}"));
        }
    }

    /// A number of 0 or more.
    pub fn non_negative(&mut self, path: &str, what: &str, v: f32) {
        if self.finite(path, what, v) && v < 0.0 {
            self.err(path, format!("{what} must not be negative, found {v}"));
        }
    }

    /// A number within `lo..=hi`.
    pub fn within(&mut self, path: &str, what: &str, v: f32, lo: f32, hi: f32) {
        if self.finite(path, what, v) && !(lo..=hi).contains(&v) {
            self.err(
                path,
                format!("{what} must be between {lo} and {hi}, found {v}"),
            );
        }
    }

    /// A probability.
    pub fn chance(&mut self, path: &str, v: f32) {
        if self.finite(path, "a chance", v) && !(0.0..=1.0).contains(&v) {
            self.err(
                path,
                format!(
                    "a chance must be between 0 and 1 (0.25 means one time in four), found {v}"
                ),
            );
        }
    }

    /// A non-empty id.
    pub fn id(&mut self, path: &str, what: &str, id: &str) {
        if id.trim().is_empty() {
            self.err(path, format!("{what} needs a non-empty id"));
        }
    }
}
