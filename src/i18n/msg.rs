//! A message as data: a catalogue id and its arguments. Findings, outcomes and
//! other texts made by the program are stored this way and rendered only when
//! shown, so a stored session can be read in any language.

use crate::domain::LocalizedText;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A catalogue message id with named arguments.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Msg {
    /// Message id in the catalogues (`force-proportionality`).
    pub id: String,
    /// Named arguments (`$who`, `$t`...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Arg>,
}

/// One argument of a [`Msg`]: a value, typed by how it is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Arg {
    /// Shown as it is (an id, a code, a path).
    Text(String),
    /// A whole number; plural variants select on it.
    Count(i64),
    /// Seconds since the start, shown as `m:ss`.
    Clock(f32),
    /// A quantity shown with one decimal (meters, seconds).
    Decimal(f32),
    /// Another catalogue message, rendered in the same language (a force
    /// option, a cue, a resistance level).
    Msg(Msg),
    /// Several arguments joined with `, ` (or the separator given).
    List(Vec<Arg>, String),
    /// A person, item or objective by id: shown by its name in the scenario's
    /// labels for the language, in «quotes».
    Person(String),
    /// An instructor's text from the scenario, in several languages.
    Local(LocalizedText),
}

impl Msg {
    /// A message with no arguments.
    pub fn new(id: impl Into<String>) -> Self {
        Msg {
            id: id.into(),
            args: BTreeMap::new(),
        }
    }

    /// Adds an argument.
    pub fn with(mut self, name: &str, value: impl Into<Arg>) -> Self {
        self.args.insert(name.to_string(), value.into());
        self
    }

    /// The argument `name`, if set.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.args.get(name)
    }
}

/// A text that has no catalogue entry (an operating system's error, a
/// library's own wording): shown as it is in every language.
pub const VERBATIM: &str = "verbatim";

impl Msg {
    /// A text shown as it is in every language (see [`VERBATIM`]).
    pub fn verbatim(text: impl Into<String>) -> Self {
        Msg::new(VERBATIM).with("text", text.into())
    }
}

impl From<String> for Msg {
    fn from(s: String) -> Self {
        Msg::verbatim(s)
    }
}

impl From<&str> for Msg {
    fn from(s: &str) -> Self {
        Msg::verbatim(s)
    }
}

impl From<f32> for Arg {
    /// A number from the file, shown as Rust writes it (`1.5`, `-3`).
    fn from(x: f32) -> Self {
        Arg::Text(format!("{x}"))
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Msg(m)
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Count(n as i64)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Count(n as i64)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Count(n)
    }
}

impl From<LocalizedText> for Arg {
    fn from(t: LocalizedText) -> Self {
        Arg::Local(t)
    }
}

impl From<&LocalizedText> for Arg {
    fn from(t: &LocalizedText) -> Self {
        Arg::Local(t.clone())
    }
}

/// A person (or item, objective, door...) named by id.
pub fn person(id: &str) -> Arg {
    Arg::Person(id.to_string())
}

/// Several people named by id, joined with `, `.
pub fn people<'s>(ids: impl IntoIterator<Item = &'s String>) -> Arg {
    Arg::List(ids.into_iter().map(|i| person(i)).collect(), ", ".into())
}

/// A moment, shown as `m:ss`.
pub fn clock(t: f32) -> Arg {
    Arg::Clock(t)
}

/// A quantity with one decimal.
pub fn decimal(x: f32) -> Arg {
    Arg::Decimal(x)
}
