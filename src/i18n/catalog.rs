//! The compiled-in Fluent catalogues and the formatter.

use crate::domain::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// The catalogue of each language, compiled in so the program works from any
/// folder.
pub const SOURCES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../../assets/i18n/en.ftl")),
    (Lang::Ru, include_str!("../../assets/i18n/ru.ftl")),
    (Lang::Kk, include_str!("../../assets/i18n/kk.ftl")),
];

/// A problem in a shipped catalogue (found by the tests, never at run time).
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogError {
    /// The catalogue's language.
    pub lang: Lang,
    /// What is wrong.
    pub message: String,
}

struct Catalogs {
    bundles: Vec<(Lang, FluentBundle<FluentResource>)>,
    errors: Vec<CatalogError>,
}

fn catalogs() -> &'static Catalogs {
    static CATALOGS: OnceLock<Catalogs> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        let mut errors = Vec::new();
        let bundles = SOURCES
            .iter()
            .map(|(lang, src)| {
                let locale = lang.code().parse().unwrap_or_default();
                let mut bundle = FluentBundle::new_concurrent(vec![locale]);
                bundle.set_use_isolating(false);
                let resource = match FluentResource::try_new(src.to_string()) {
                    Ok(r) => r,
                    Err((r, errs)) => {
                        errors.extend(errs.into_iter().map(|e| CatalogError {
                            lang: *lang,
                            message: format!("{e:?}"),
                        }));
                        r
                    }
                };
                if let Err(errs) = bundle.add_resource(resource) {
                    errors.extend(errs.into_iter().map(|e| CatalogError {
                        lang: *lang,
                        message: e.to_string(),
                    }));
                }
                (*lang, bundle)
            })
            .collect();
        Catalogs { bundles, errors }
    })
}

fn bundle(lang: Lang) -> Option<&'static FluentBundle<FluentResource>> {
    catalogs()
        .bundles
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, b)| b)
}

/// Parse and load errors of the shipped catalogues (empty when all is well).
pub fn catalog_errors() -> Vec<CatalogError> {
    catalogs().errors.clone()
}

/// True when `lang`'s catalogue has message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).is_some_and(|b| b.has_message(id))
}

/// Formats message `id` in `lang` with `args`, falling back to English,
/// then to the id. Arguments the message does not use are ignored.
pub(super) fn format(lang: Lang, id: &str, args: &FluentArgs) -> String {
    for l in [lang, Lang::En] {
        let Some(b) = bundle(l) else { continue };
        let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        return b
            .format_pattern(pattern, Some(args), &mut errors)
            .into_owned();
    }
    id.to_string()
}

/// Every message id of `lang`'s catalogue with its body text (the lines after
/// `id =`), read from the source: enough to list ids and variables for the
/// catalogue tests (formatting goes through Fluent's own parser).
fn bodies(lang: Lang) -> &'static BTreeMap<String, String> {
    static BODIES: OnceLock<Vec<(Lang, BTreeMap<String, String>)>> = OnceLock::new();
    let all = BODIES.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(l, src)| {
                let mut out: BTreeMap<String, String> = BTreeMap::new();
                let mut current: Option<String> = None;
                for line in src.lines() {
                    let starts_entry = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
                    if starts_entry && let Some((id, body)) = line.split_once('=') {
                        let id = id.trim().to_string();
                        out.insert(id.clone(), body.to_string());
                        current = Some(id);
                    } else if line.starts_with([' ', '\t']) {
                        if let Some(id) = &current
                            && let Some(b) = out.get_mut(id)
                        {
                            b.push('\n');
                            b.push_str(line);
                        }
                    } else {
                        current = None;
                    }
                }
                (*l, out)
            })
            .collect()
    });
    &all.iter()
        .find(|(l, _)| *l == lang)
        .expect("every language")
        .1
}

/// Every message id in `lang`'s catalogue.
pub fn ids(lang: Lang) -> BTreeSet<String> {
    bodies(lang).keys().cloned().collect()
}

/// The `$variables` message `id` uses in `lang` (None when it has no such
/// message).
pub fn variables(lang: Lang, id: &str) -> Option<BTreeSet<String>> {
    let body = bodies(lang).get(id)?;
    let mut out = BTreeSet::new();
    let mut rest = body.as_str();
    while let Some(i) = rest.find('$') {
        rest = &rest[i + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    Some(out)
}
