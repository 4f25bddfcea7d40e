//! Texts written by instructors in several languages.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The languages forcesim speaks. `en` is required in every text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Russian.
    Ru,
    /// Kazakh.
    Kk,
}

impl Lang {
    /// Every supported language, in display order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Kk];

    /// The key used in files and on the command line (`en`, `ru`, `kk`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// Parses a language key; `None` for anything but `en`, `ru`, `kk`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// A text in several languages: `{"en": "Traffic stop", "ru": "...", "kk": "..."}`.
/// Keys are kept as strings so that validation can point at an unknown key
/// instead of failing to parse.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(pub BTreeMap<String, String>);

impl LocalizedText {
    /// A text in English only.
    pub fn en(s: impl Into<String>) -> Self {
        let mut m = BTreeMap::new();
        m.insert("en".to_string(), s.into());
        LocalizedText(m)
    }

    /// The text in `lang`, falling back to English, then to any language present.
    pub fn get(&self, lang: Lang) -> &str {
        self.0
            .get(lang.code())
            .or_else(|| self.0.get("en"))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Keys that are not a supported language.
    pub fn unknown_keys(&self) -> impl Iterator<Item = &str> {
        self.0
            .keys()
            .map(String::as_str)
            .filter(|k| Lang::from_code(k).is_none())
    }
}
