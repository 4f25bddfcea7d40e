//! UI strings in English, Russian and Kazakh, one file per language in
//! `assets/i18n/<lang>.ron` (a map from key to text, `{name}` placeholders).
//! The files are compiled in so the game works from any folder.

use crate::domain::{Lang, LocalizedText};
use bevy::prelude::*;
use std::collections::BTreeMap;

/// The strings file of each language, compiled in.
pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../../../assets/i18n/en.ron")),
    (Lang::Ru, include_str!("../../../assets/i18n/ru.ron")),
    (Lang::Kk, include_str!("../../../assets/i18n/kk.ron")),
];

/// Parses one strings file.
pub fn parse(source: &str) -> Result<BTreeMap<String, String>, String> {
    ron::from_str(source).map_err(|e| e.to_string())
}

/// The UI strings of the current language, with English as the fallback.
#[derive(Resource, Debug, Clone)]
pub struct I18n {
    lang: Lang,
    strings: BTreeMap<String, String>,
    english: BTreeMap<String, String>,
}

impl I18n {
    /// The strings of `lang`.
    pub fn new(lang: Lang) -> Self {
        let table = |l: Lang| {
            SOURCES
                .iter()
                .find(|(x, _)| *x == l)
                .map(|(_, s)| parse(s).unwrap_or_default())
                .unwrap_or_default()
        };
        I18n {
            lang,
            strings: table(lang),
            english: table(Lang::En),
        }
    }

    /// The current language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text for `key`; the key itself when no file has it (a visible bug,
    /// caught by the completeness test).
    pub fn t(&self, key: &str) -> String {
        self.strings
            .get(key)
            .or_else(|| self.english.get(key))
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    /// The text for `key` with `{name}` placeholders filled in.
    pub fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut s = self.t(key);
        for (name, value) in args {
            s = s.replace(&format!("{{{name}}}"), value);
        }
        s
    }

    /// A scenario text in the current language.
    pub fn text<'a>(&self, text: &'a LocalizedText) -> &'a str {
        text.get(self.lang)
    }
}

/// Installs the strings of the language chosen on the command line.
pub fn plugin(app: &mut App) {
    let lang = app
        .world()
        .get_resource::<super::GameOptions>()
        .map(|o| o.lang)
        .unwrap_or_default();
    app.insert_resource(I18n::new(lang));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_parses_and_has_every_key() {
        let tables: Vec<(Lang, BTreeMap<String, String>)> = SOURCES
            .iter()
            .map(|(l, s)| {
                (
                    *l,
                    parse(s).unwrap_or_else(|e| panic!("{}.ron: {e}", l.code())),
                )
            })
            .collect();
        let all: std::collections::BTreeSet<&String> =
            tables.iter().flat_map(|(_, t)| t.keys()).collect();
        for (lang, table) in &tables {
            let missing: Vec<&&String> = all.iter().filter(|k| !table.contains_key(**k)).collect();
            assert!(missing.is_empty(), "{}.ron lacks {missing:?}", lang.code());
            let empty: Vec<&String> = table
                .iter()
                .filter(|(_, v)| v.trim().is_empty())
                .map(|(k, _)| k)
                .collect();
            assert!(
                empty.is_empty(),
                "{}.ron has empty texts {empty:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn placeholders_match_across_languages() {
        let en = parse(SOURCES[0].1).unwrap();
        let holes = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect();
            v.sort();
            v
        };
        for (lang, src) in &SOURCES[1..] {
            let table = parse(src).unwrap();
            for (k, v) in &en {
                if let Some(t) = table.get(k) {
                    assert_eq!(holes(v), holes(t), "{}.ron key {k}", lang.code());
                }
            }
        }
    }

    #[test]
    fn russian_and_kazakh_are_translated_not_copied() {
        let en = parse(SOURCES[0].1).unwrap();
        for (lang, src) in &SOURCES[1..] {
            let table = parse(src).unwrap();
            let copied = table
                .iter()
                .filter(|(k, v)| {
                    en.get(*k) == Some(*v) && v.chars().any(|c| c.is_alphabetic()) && v.len() > 3
                })
                .count();
            // Brand names and codes may stay the same; prose may not.
            assert!(
                copied * 20 < table.len(),
                "{}.ron: {copied} texts are copied from English",
                lang.code()
            );
        }
    }

    #[test]
    fn lookup_falls_back_and_fills_placeholders() {
        let i = I18n::new(Lang::Ru);
        assert_eq!(i.t("no.such.key"), "no.such.key");
        assert!(i.f("hud.distance", &[("m", "4.2")]).contains("4.2"));
    }
}
