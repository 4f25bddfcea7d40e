//! The game's view of the catalogues ([`crate::i18n`]): the current language
//! as a resource, with short lookups for UI code.

use crate::domain::{Lang, LocalizedText};
use crate::i18n::{self, Labels, Msg};
use bevy::prelude::*;

/// The current language of the UI.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct I18n {
    lang: Lang,
}

impl I18n {
    /// The UI in `lang`.
    pub fn new(lang: Lang) -> Self {
        I18n { lang }
    }

    /// The current language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text of message `key`; the key itself when no catalogue has it (a
    /// visible bug, caught by the catalogue tests).
    pub fn t(&self, key: &str) -> String {
        i18n::tr(self.lang, key, &[])
    }

    /// The text of message `key` with its `{ $name }` variables filled in.
    pub fn f(&self, key: &str, args: &[(&str, &str)]) -> String {
        i18n::tr(self.lang, key, args)
    }

    /// A message (a finding, an outcome) rendered in the current language.
    pub fn msg(&self, m: &Msg, labels: &Labels) -> String {
        i18n::render(self.lang, m, labels)
    }

    /// A scenario text in the current language.
    pub fn text<'a>(&self, text: &'a LocalizedText) -> &'a str {
        text.get(self.lang)
    }
}

/// Installs the language chosen on the command line.
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
    fn lookup_falls_back_and_fills_variables() {
        let i = I18n::new(Lang::Ru);
        assert_eq!(i.t("no-such-key"), "no-such-key");
        assert!(i.f("hud-distance", &[("m", "4.2")]).contains("4.2"));
        assert!(!i.t("menu-quit").is_ascii());
    }
}
