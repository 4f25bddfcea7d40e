//! Every text the program writes, in English, Russian and Kazakh: one Fluent
//! catalogue per language (`assets/i18n/<lang>.ftl`, compiled in), loaded and
//! formatted here. No Bevy types: the game, the command line and scoring all
//! use it.
//!
//! Texts are looked up by message id; a [`Msg`] (id + arguments) is data that
//! renders in any language when shown. Isolation marks are off so the font
//! does not draw them and substring tests keep working. A missing id falls
//! back to English, then to the id itself (a visible bug that the catalogue
//! tests catch).

mod catalog;
mod msg;
pub mod nouns;

pub use catalog::{CatalogError, SOURCES, catalog_errors, has, ids, variables};
pub use msg::{Arg, Msg, clock, decimal, people, person};

use crate::domain::{Lang, LocalizedText};
use fluent_bundle::{FluentArgs, FluentValue};
use std::collections::BTreeMap;

/// Names of people, items and objectives by id, per language (the `labels`
/// of a session's `Started` event). Ids without a label show as themselves.
pub type Labels = BTreeMap<String, LocalizedText>;

/// The text of message `id` in `lang`, with plain string arguments.
pub fn tr(lang: Lang, id: &str, args: &[(&str, &str)]) -> String {
    let mut m = Msg::new(id);
    for (k, v) in args {
        m = m.with(k, *v);
    }
    render(lang, &m, &Labels::new())
}

/// Renders a message in `lang`, naming people by `labels`.
pub fn render(lang: Lang, m: &Msg, labels: &Labels) -> String {
    let mut args = FluentArgs::new();
    for (name, a) in &m.args {
        match render_arg(lang, a, labels) {
            Rendered::Text(s) => args.set(name.as_str(), FluentValue::from(s)),
            Rendered::Number(n) => args.set(name.as_str(), FluentValue::from(n)),
        }
    }
    catalog::format(lang, &m.id, &args)
}

/// The message rendered in every language, as an instructor's text would be
/// (for the event log, which keeps what was said in all three).
pub fn localized(m: &Msg) -> LocalizedText {
    LocalizedText(
        Lang::ALL
            .iter()
            .map(|l| (l.code().to_string(), render(*l, m, &Labels::new())))
            .collect(),
    )
}

/// How an argument reads in `lang`.
pub fn render_arg(lang: Lang, a: &Arg, labels: &Labels) -> Rendered {
    match a {
        Arg::Text(s) => Rendered::Text(s.clone()),
        Arg::Count(n) => Rendered::Number(*n as f64),
        Arg::Clock(t) => Rendered::Text(clock_text(*t)),
        Arg::Decimal(x) => Rendered::Text(format!("{x:.1}")),
        Arg::Msg(m) => Rendered::Text(render(lang, m, labels)),
        Arg::List(items, sep) => Rendered::Text(
            items
                .iter()
                .map(|i| render_arg(lang, i, labels).into_string())
                .collect::<Vec<_>>()
                .join(sep),
        ),
        Arg::Person(id) => Rendered::Text(format!(
            "«{}»",
            labels.get(id).map_or(id.as_str(), |t| t.get(lang))
        )),
        Arg::Local(t) => Rendered::Text(t.get(lang).to_string()),
    }
}

/// An argument ready for the catalogue: text, or a number for plurals.
#[derive(Debug, Clone, PartialEq)]
pub enum Rendered {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
}

impl Rendered {
    /// As text.
    pub fn into_string(self) -> String {
        match self {
            Rendered::Text(s) => s,
            Rendered::Number(n) => format!("{n}"),
        }
    }
}

/// Seconds as `m:ss` (the one clock format of every text and chart).
pub fn clock_text(t: f32) -> String {
    let s = t.max(0.0).floor() as u32;
    format!("{}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_render_by_kind() {
        let mut labels = Labels::new();
        labels.insert(
            "driver".into(),
            LocalizedText(
                [("en", "the driver"), ("ru", "der Fahrer")]
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            ),
        );
        let r = |a: Arg, l| render_arg(l, &a, &labels).into_string();
        assert_eq!(r(person("driver"), Lang::Ru), "«der Fahrer»");
        assert_eq!(r(person("driver"), Lang::Kk), "«the driver»");
        assert_eq!(r(person("x1"), Lang::En), "«x1»");
        assert_eq!(r(clock(62.9), Lang::En), "1:02");
        assert_eq!(r(decimal(4.24), Lang::En), "4.2");
        assert_eq!(r(Arg::Count(3), Lang::En), "3");
    }

    #[test]
    fn unknown_ids_show_themselves() {
        assert_eq!(tr(Lang::Ru, "no-such-message", &[]), "no-such-message");
    }
}
