//! The language of the command line's messages: `--lang` when given, else the
//! system locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders
//! them), else English.

use super::LangArg;
use crate::domain::Lang;

/// The language a locale name asks for: `ru_RU.UTF-8` -> Russian, `kk_KZ`
/// -> Kazakh; any other (`C`, `en_US`, `de_DE`) -> None.
pub fn lang_of_locale(locale: &str) -> Option<Lang> {
    let code: String = locale
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    match code.as_str() {
        "ru" => Some(Lang::Ru),
        "kk" => Some(Lang::Kk),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The language from locale variables read by `var` (the first one set and
/// not empty decides, as in POSIX); English when none names ru or kk.
pub fn lang_from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()))
        .and_then(|v| lang_of_locale(&v))
        .unwrap_or(Lang::En)
}

/// `--lang` when given, else the process's locale.
pub fn resolve(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(l) => l.into(),
        None => lang_from_env(|name| std::env::var(name).ok()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names() {
        assert_eq!(lang_of_locale("ru_RU.UTF-8"), Some(Lang::Ru));
        assert_eq!(lang_of_locale("kk_KZ"), Some(Lang::Kk));
        assert_eq!(lang_of_locale("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(lang_of_locale("C.UTF-8"), None);
        assert_eq!(lang_of_locale("POSIX"), None);
    }

    #[test]
    fn the_first_set_variable_decides() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(lang_from_env(env(&[("LANG", "ru_RU.UTF-8")])), Lang::Ru);
        assert_eq!(
            lang_from_env(env(&[("LC_ALL", "kk_KZ.UTF-8"), ("LANG", "ru_RU")])),
            Lang::Kk
        );
        assert_eq!(
            lang_from_env(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "ru_RU"),
                ("LANG", "en_US")
            ])),
            Lang::Ru
        );
        // A set variable that names another language means English, not the next one.
        assert_eq!(
            lang_from_env(env(&[("LC_ALL", "de_DE"), ("LANG", "ru_RU")])),
            Lang::En
        );
        assert_eq!(lang_from_env(env(&[])), Lang::En);
    }
}
