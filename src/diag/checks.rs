//! Small checks shared by scenario and policy validation; each records a
//! [`Problem`] at a path, in words an instructor understands.

use super::Problem;
use super::locate::key_seg;
use super::suggest::{one_of, suggest_then};
use crate::domain::{Lang, LocalizedText};
use crate::i18n::Msg;

/// Collects problems while validating a file.
#[derive(Debug, Default)]
pub struct Checker {
    /// Problems found so far.
    pub problems: Vec<Problem>,
}

impl Checker {
    /// Records a problem with the value at `path`.
    pub fn err(&mut self, path: impl Into<String>, message: Msg) {
        self.problems.push(Problem::new(path, message));
    }

    /// Records a problem with the key at the end of `path`.
    pub fn err_at_key(&mut self, path: impl Into<String>, message: Msg) {
        self.problems.push(Problem::at_key(path, message));
    }

    /// A text: `en` is required, keys must be `en`, `ru` or `kk`.
    pub fn text(&mut self, path: &str, text: &LocalizedText) {
        let langs: Vec<&str> = Lang::ALL.iter().map(|l| l.code()).collect();
        for key in text.unknown_keys() {
            self.err_at_key(
                format!("{path}{}", key_seg(key)),
                Msg::new("diag-unknown-lang").with("key", key).with(
                    "hint",
                    suggest_then(
                        key,
                        langs.iter().copied(),
                        Msg::new("diag-text-langs").with("list", one_of(&langs)),
                    ),
                ),
            );
        }
        match text.0.get("en") {
            None => self.err(path, Msg::new("diag-no-english")),
            Some(s) if s.trim().is_empty() => {
                self.err(format!("{path}.en"), Msg::new("diag-english-empty"))
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

    /// A real number (not NaN or infinite). `what` names the value
    /// (a `what-*` message: "the map's width").
    pub fn finite(&mut self, path: &str, what: Msg, v: f32) -> bool {
        if v.is_finite() {
            true
        } else {
            self.err(
                path,
                Msg::new("diag-not-finite").with("what", what).with("v", v),
            );
            false
        }
    }

    /// A number greater than zero.
    pub fn positive(&mut self, path: &str, what: Msg, v: f32) {
        if self.finite(path, what.clone(), v) && v <= 0.0 {
            self.err(
                path,
                Msg::new("diag-not-positive")
                    .with("what", what)
                    .with("v", v),
            );
        }
    }

    /// A number of 0 or more.
    pub fn non_negative(&mut self, path: &str, what: Msg, v: f32) {
        if self.finite(path, what.clone(), v) && v < 0.0 {
            self.err(
                path,
                Msg::new("diag-negative").with("what", what).with("v", v),
            );
        }
    }

    /// A number within `lo..=hi`.
    pub fn within(&mut self, path: &str, what: Msg, v: f32, lo: f32, hi: f32) {
        if self.finite(path, what.clone(), v) && !(lo..=hi).contains(&v) {
            self.err(
                path,
                Msg::new("diag-not-within")
                    .with("what", what)
                    .with("lo", lo)
                    .with("hi", hi)
                    .with("v", v),
            );
        }
    }

    /// A count no larger than `max` (limits that keep a run fast): the
    /// message names the limit.
    pub fn at_most(&mut self, path: &str, what: Msg, n: usize, max: usize) {
        if n > max {
            self.err(
                path,
                Msg::new("diag-too-many")
                    .with("what", what)
                    .with("n", n)
                    .with("max", max),
            );
        }
    }

    /// A number no larger than `max` (a size or time limit).
    pub fn not_above(&mut self, path: &str, what: Msg, v: f32, max: f32) {
        if v.is_finite() && v > max {
            self.err(
                path,
                Msg::new("diag-too-large")
                    .with("what", what)
                    .with("v", v)
                    .with("max", max),
            );
        }
    }

    /// A probability.
    pub fn chance(&mut self, path: &str, v: f32) {
        if self.finite(path, Msg::new("what-chance"), v) && !(0.0..=1.0).contains(&v) {
            self.err(path, Msg::new("diag-chance").with("v", v));
        }
    }

    /// A non-empty id.
    pub fn id(&mut self, path: &str, what: Msg, id: &str) {
        if id.trim().is_empty() {
            self.err(path, Msg::new("diag-no-id").with("what", what));
        }
    }
}
