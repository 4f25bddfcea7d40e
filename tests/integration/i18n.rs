//! Every language is whole: each UI string the game's code asks for is in
//! en, ru and kk; policy texts and citations come in all three; and score
//! cards written for a Russian or Kazakh session carry no English left over.

use forcesim::domain::{Lang, LocalizedText};
use forcesim::i18n;
use forcesim::policy::Policy;
use forcesim::policy::schema::Citation;
use forcesim::scoring::{ScoreCard, score};
use forcesim::session::{DriverSpec, RunRequest, run};
use std::collections::BTreeSet;
use std::path::Path;

const POLICIES: [&str; 3] = ["generic", "us_iacp", "kz"];

fn cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// Lowercase Latin words of three letters or more: English prose. Names
/// (Graham v. Connor), acronyms (OC, CEW, IACP) and code (--instructor,
/// 22 U.S.C.) are written the same in every language and pass.
fn english_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_ascii_alphabetic() || c == '-' || c == '_'))
        .filter(|w| !w.starts_with('-'))
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase()))
        .map(str::to_string)
        .collect()
}

fn rs_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// String literals of a Rust source (no raw strings in the game's code).
fn literals(src: &str) -> Vec<String> {
    let b = src.as_bytes();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < b.len() {
        if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i] == b'\'' && b.get(i + 2) == Some(&b'\'') {
            i += 3;
        } else if b[i] == b'"' {
            let start = i + 1;
            i += 1;
            while b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            out.push(src[start..i].to_string());
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

#[test]
fn every_message_the_code_uses_is_in_every_language() {
    // A message id is `group-name`; the groups are those of en.ftl.
    let en_ids = i18n::ids(Lang::En);
    let groups: BTreeSet<String> = en_ids
        .iter()
        .filter_map(|k| k.split_once('-').map(|(g, _)| g.to_string()))
        .collect();
    let is_key = |s: &str| {
        s.split_once('-').is_some_and(|(g, rest)| {
            groups.contains(g)
                && !rest.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-_".contains(c))
        })
    };
    let mut files = Vec::new();
    rs_files(Path::new("src"), &mut files);
    files.sort();
    let mut used = BTreeSet::new();
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        for lit in literals(&src) {
            if is_key(&lit) {
                used.insert((lit, f.display().to_string()));
            }
        }
    }
    assert!(
        used.len() > 250,
        "found only {} message ids in src/",
        used.len()
    );
    // Keys the code builds from a value: `level.{}`, `tool_short.{}`...
    use forcesim::domain::{Command, ForceLevel, ForceOption, ResistanceLevel, Tool};
    use forcesim::game::input::menu_items::command_key;
    use forcesim::policy::schema::Category;
    let here = "a value's key".to_string();
    let built = ResistanceLevel::ALL
        .iter()
        .map(|l| format!("level-{}", l.key()))
        .chain(ForceLevel::ALL.iter().map(|l| format!("force-{}", l.key())))
        .chain(
            ForceOption::ALL
                .iter()
                .map(|o| format!("option-{}", o.key())),
        )
        .chain(Tool::ALL.iter().map(|t| format!("tool-{}", t.key())))
        .chain(Tool::ALL.iter().map(|t| format!("tool_short-{}", t.key())))
        .chain(
            Command::ALL
                .iter()
                .map(|c| format!("command-{}", command_key(*c))),
        )
        .chain(
            Category::ALL
                .iter()
                .map(|c| format!("category-{}", c.key())),
        )
        .chain(["generic", "us_iacp", "kz"].map(|p| format!("policy-{p}")));
    used.extend(built.map(|k| (k, here.clone())));
    for lang in Lang::ALL {
        let missing: Vec<_> = used.iter().filter(|(k, _)| !i18n::has(lang, k)).collect();
        assert!(missing.is_empty(), "{}.ftl lacks {missing:?}", lang.code());
    }
}

#[test]
fn the_catalogues_parse_and_agree() {
    assert_eq!(i18n::catalog_errors(), Vec::new());
    let en = i18n::ids(Lang::En);
    assert!(en.len() > 400, "only {} messages", en.len());
    for lang in [Lang::Ru, Lang::Kk] {
        let ids = i18n::ids(lang);
        let missing: Vec<_> = en.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&en).collect();
        assert!(missing.is_empty(), "{}.ftl lacks {missing:?}", lang.code());
        assert!(extra.is_empty(), "{}.ftl has extra {extra:?}", lang.code());
        for id in &en {
            assert_eq!(
                i18n::variables(Lang::En, id),
                i18n::variables(lang, id),
                "{id}: variables differ in {}.ftl",
                lang.code()
            );
            let text = i18n::tr(lang, id, &[]);
            assert!(!text.trim().is_empty(), "{id} is empty in {}", lang.code());
        }
    }
}

#[test]
fn russian_and_kazakh_are_translated_not_copied() {
    let en = i18n::ids(Lang::En);
    for lang in [Lang::Ru, Lang::Kk] {
        let copied: Vec<&String> = en
            .iter()
            .filter(|id| i18n::variables(Lang::En, id).is_some_and(|v| v.is_empty()))
            .filter(|id| {
                let e = i18n::tr(Lang::En, id, &[]);
                e.len() > 3 && e.chars().any(char::is_alphabetic) && i18n::tr(lang, id, &[]) == e
            })
            .collect();
        // Brand names and codes may stay the same; prose may not.
        assert!(
            copied.len() * 20 < en.len(),
            "{}.ftl: {} texts are copied from English: {copied:?}",
            lang.code(),
            copied.len()
        );
    }
}

#[test]
fn plurals_follow_each_language() {
    use forcesim::i18n::Msg;
    let note = |l, n: usize| {
        let m = Msg::new("card-repeats").with("n", n).with("who", "none");
        i18n::render(l, &m, &Default::default())
    };
    assert!(
        note(Lang::En, 1).contains("1 more time;"),
        "{}",
        note(Lang::En, 1)
    );
    assert!(note(Lang::En, 4).contains("4 more times;"));
    assert!(
        note(Lang::Ru, 1).contains("1 повтор;"),
        "{}",
        note(Lang::Ru, 1)
    );
    assert!(
        note(Lang::Ru, 3).contains("3 повтора;"),
        "{}",
        note(Lang::Ru, 3)
    );
    assert!(
        note(Lang::Ru, 5).contains("5 повторов;"),
        "{}",
        note(Lang::Ru, 5)
    );
    assert!(
        note(Lang::Ru, 21).contains("21 повтор;"),
        "{}",
        note(Lang::Ru, 21)
    );
    assert!(cyrillic(&note(Lang::Kk, 2)));
}

fn translated(what: &str, t: &LocalizedText) {
    let en = t.get(Lang::En);
    for l in [Lang::Ru, Lang::Kk] {
        let s = t.0.get(l.code()).map(String::as_str).unwrap_or("");
        assert!(cyrillic(s), "{what}: no {} text (en: {en})", l.code());
        assert!(english_words(s).is_empty(), "{what} {}: {s}", l.code());
    }
}

fn citations(p: &Policy) -> Vec<(String, &Citation)> {
    let mut out: Vec<(String, &Citation)> = p
        .rules
        .iter()
        .map(|r| (format!("{} rule {}", p.id, r.id), &r.citation))
        .collect();
    if let Some(g) = &p.protected_groups {
        out.push((format!("{} special means", p.id), &g.special_means_citation));
        out.push((format!("{} firearm", p.id), &g.firearm_citation));
    }
    if let Some(w) = &p.witnesses {
        out.push((format!("{} witnesses", p.id), &w.citation));
    }
    if let Some(c) = &p.same_sex_search {
        out.push((format!("{} same-sex search", p.id), c));
    }
    out
}

#[test]
fn shipped_policies_speak_every_language() {
    for id in POLICIES {
        let p = forcesim::policy::load_by_id_or_path(id).unwrap().policy;
        translated(&format!("{id} name"), &p.name);
        for r in &p.rules {
            translated(&format!("{id} rule {} text", r.id), &r.text);
        }
        for (i, m) in p.modifiers.iter().enumerate() {
            if !m.reason.0.is_empty() {
                translated(&format!("{id} modifier {i}"), &m.reason);
            }
        }
        for (what, c) in citations(&p) {
            assert!(c.has(Lang::Ru) && c.has(Lang::Kk), "{what}: {}", &**c);
            translated(&what, &c.0);
            assert_ne!(c.get(Lang::Ru), c.get(Lang::En), "{what}");
        }
    }
}

#[test]
fn a_citation_is_a_string_or_a_text_in_several_languages() {
    let plain: Citation = ron::from_str("\"Graham v. Connor\"").unwrap();
    assert_eq!(plain.get(Lang::Ru), "Graham v. Connor");
    assert!(!plain.has(Lang::Ru));
    let many: Citation = ron::from_str(r#"{"en": "Art. 1", "ru": "Ст. 1"}"#).unwrap();
    assert_eq!(many.get(Lang::Ru), "Ст. 1");
    assert_eq!(many.get(Lang::Kk), "Art. 1");
    // Written back as it was read.
    assert_eq!(ron::to_string(&plain).unwrap(), "\"Graham v. Connor\"");
    let back: Citation = ron::from_str(&ron::to_string(&many).unwrap()).unwrap();
    assert_eq!(back, many);
    assert!(ron::from_str::<Citation>("3").is_err());
}

fn shipped_scenarios() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir("scenarios")
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            if p.extension()? != "ron" {
                return None;
            }
            Some(p.file_stem()?.to_string_lossy().into_owned())
        })
        .collect();
    v.sort();
    v
}

/// Texts and citations of a Russian or Kazakh card against the English one.
fn no_english_left(en: &ScoreCard, other: &ScoreCard, lang: Lang, what: &str) {
    assert_eq!(en.findings.len(), other.findings.len(), "{what}");
    for (e, o) in en.findings.iter().zip(&other.findings) {
        let at = format!("{what} {} at {:.1}", o.rule, o.t);
        let texts = [
            (other.text(o, lang), en.text(e, Lang::En)),
            (
                other.citation(o, lang).to_string(),
                en.citation(e, Lang::En).to_string(),
            ),
        ];
        for (mine, english) in &texts {
            assert!(cyrillic(mine), "{at}: {mine}");
            assert_ne!(mine, english, "{at}");
            let words = english_words(mine);
            assert!(words.is_empty(), "{at}: English {words:?} in {mine}");
        }
    }
}

#[test]
fn bot_sessions_score_in_russian_and_kazakh_without_english() {
    let policies: Vec<Policy> = POLICIES
        .iter()
        .map(|id| forcesim::policy::load_by_id_or_path(id).unwrap().policy)
        .collect();
    let mut findings = 0;
    let mut rules = BTreeSet::new();
    for scenario in shipped_scenarios() {
        for bot in ["by_the_book", "aggressive", "passive"] {
            let mut req = RunRequest::new(&scenario, DriverSpec::Bot(bot.into()), 1);
            req.time_limit = Some(90.0);
            let log = run(&req).unwrap().record.events;
            for p in &policies {
                let en = score(&log, p);
                findings += en.findings.len();
                rules.extend(en.findings.iter().map(|f| f.rule.clone()));
                for l in [Lang::Ru, Lang::Kk] {
                    // Scored once, rendered in each language.
                    let what = format!("{scenario} {bot} {} {}", p.id, l.code());
                    no_english_left(&en, &en, l, &what);
                }
            }
        }
    }
    // Enough ground covered for the check to mean something.
    assert!(findings > 30 && rules.len() > 8, "{findings} {rules:?}");
}

/// The debrief and the printed score card name the four categories alike:
/// both use the `category-*` messages.
#[test]
fn the_game_and_the_score_card_name_categories_alike() {
    use forcesim::policy::schema::Category;
    use forcesim::scoring::category_name;
    for c in Category::ALL {
        assert_eq!(category_name(c), format!("category-{}", c.key()));
        for l in Lang::ALL {
            assert!(i18n::has(l, &category_name(c)));
        }
    }
}

/// A card is data: findings carry a message id and typed arguments, and the
/// same stored card renders in every language without re-scoring.
#[test]
fn a_stored_card_renders_in_any_language() {
    use forcesim::i18n::Arg;
    let mut req = RunRequest::new("felony_stop", DriverSpec::Bot("aggressive".into()), 1);
    req.lang = Lang::Kk;
    let record = run(&req).unwrap().record;
    let dir = std::env::temp_dir().join(format!("forcesim-i18n-{}", std::process::id()));
    let path = dir.join("s.ron");
    forcesim::session::save(&path, &record).unwrap();
    let back = forcesim::session::load(&path).unwrap();
    let card = back.score.as_ref().unwrap();
    assert_eq!(Some(card), record.score.as_ref());
    let f = card
        .findings
        .iter()
        .find(|f| f.rule == "force.proportionality")
        .expect("the aggressive bot over-uses force");
    assert_eq!(f.msg.id, "finding-force-proportionality");
    assert_eq!(f.msg.arg("who"), Some(&Arg::Person("driver".into())));
    assert!(matches!(f.msg.arg("t"), Some(Arg::Clock(_))));
    assert!(matches!(f.msg.arg("option"), Some(Arg::Msg(m)) if m.id.starts_with("noun-option-")));
    // Named by the scenario's labels in each language.
    let label = &card.labels["driver"];
    for l in Lang::ALL {
        let text = card.text(f, l);
        assert!(text.contains(&format!("«{}»", label.get(l))), "{text}");
        assert!(!text.contains('{') && !text.contains("finding-"), "{text}");
    }
    assert_ne!(card.text(f, Lang::Ru), card.text(f, Lang::Kk));
    std::fs::remove_dir_all(dir).ok();
}
