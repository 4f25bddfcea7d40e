//! The strings table: every text a finding or a score card shows, in English,
//! Russian and Kazakh. Each entry is a `[en, ru, kk]` triple, so a language
//! cannot be left out; placeholders are `{name}` and [`fill`] replaces them.
//! Inserted words (force options, levels, cues) stand after a colon or in
//! brackets where the grammar of ru/kk would otherwise need a case ending.

use crate::domain::*;
use crate::events::{EndReason, SubjectView};
use crate::policy::schema::{Category, Group};

/// Picks the language's entry of a `[en, ru, kk]` triple.
pub(crate) fn pick(l: Lang, t: [&'static str; 3]) -> &'static str {
    match l {
        Lang::En => t[0],
        Lang::Ru => t[1],
        Lang::Kk => t[2],
    }
}

/// Replaces each `{key}` in a template with its value.
pub(crate) fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in args {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// Picks and fills in one step.
pub(crate) fn say(l: Lang, t: [&'static str; 3], args: &[(&str, &str)]) -> String {
    fill(pick(l, t), args)
}

/// A force option, as a noun phrase.
pub(crate) fn option(l: Lang, o: ForceOption) -> &'static str {
    pick(
        l,
        match o {
            ForceOption::EscortGrip => [
                "an escort grip",
                "сопровождающий захват",
                "алып жүру ұстауы",
            ],
            ForceOption::JointLock => [
                "a joint lock",
                "болевой приём на сустав",
                "буынды қайыру әдісі",
            ],
            ForceOption::Takedown => ["a takedown", "загиб с переводом на землю", "жерге құлату"],
            ForceOption::Strike => ["an empty-hand strike", "удар рукой", "қолмен соққы"],
            ForceOption::Oc => ["OC spray", "перцовый баллончик (OC)", "бұрыш спрейі (OC)"],
            ForceOption::Baton => ["the baton", "дубинка", "резеңке таяқ"],
            ForceOption::Cew => ["the CEW (Taser)", "электрошокер (CEW)", "электршокер (CEW)"],
            ForceOption::PointFirearm => [
                "pointing your firearm",
                "наведение огнестрельного оружия",
                "атыс қаруын кезеу",
            ],
            ForceOption::Firearm => [
                "your firearm (a shot)",
                "выстрел из огнестрельного оружия",
                "атыс қаруынан ату",
            ],
        },
    )
}

/// A perceived resistance level.
pub(crate) fn resistance(l: Lang, r: ResistanceLevel) -> &'static str {
    pick(
        l,
        match r {
            ResistanceLevel::Compliant => ["compliant", "подчиняется", "бағынады"],
            ResistanceLevel::Passive => [
                "passive resistance",
                "пассивное сопротивление",
                "енжар қарсылық",
            ],
            ResistanceLevel::Active => [
                "active resistance",
                "активное сопротивление",
                "белсенді қарсылық",
            ],
            ResistanceLevel::Assaultive => ["assaultive", "нападение", "шабуыл"],
            ResistanceLevel::Deadly => ["deadly threat", "смертельная угроза", "өлім қаупі"],
        },
    )
}

/// A continuum level of force.
pub(crate) fn force_level(l: Lang, f: ForceLevel) -> &'static str {
    pick(
        l,
        match f {
            ForceLevel::Presence => [
                "officer presence",
                "присутствие сотрудника",
                "қызметкердің қатысуы",
            ],
            ForceLevel::Verbal => ["verbal commands", "словесные команды", "ауызша командалар"],
            ForceLevel::SoftControl => [
                "soft empty-hand control",
                "мягкий физический контроль",
                "жұмсақ дене күшімен бақылау",
            ],
            ForceLevel::HardControl => [
                "hard empty-hand control and intermediate weapons",
                "жёсткий физический контроль и специальные средства",
                "қатаң дене күші және арнайы құралдар",
            ],
            ForceLevel::Lethal => [
                "lethal force",
                "летальная сила (огнестрельное оружие)",
                "өлімге әкелетін күш (атыс қаруы)",
            ],
        },
    )
}

/// A visible cue.
pub(crate) fn cue(l: Lang, c: Cue) -> &'static str {
    pick(
        l,
        match c {
            Cue::HandsVisible => ["hands visible", "руки на виду", "қолдары көрініп тұр"],
            Cue::HandsHidden => ["hands hidden", "руки не видны", "қолдары көрінбейді"],
            Cue::HandsUp => ["hands up", "руки подняты", "қолдары көтерулі"],
            Cue::Reaching => [
                "reaching toward the waistband",
                "тянется к поясу",
                "белдігіне қол созып жатыр",
            ],
            Cue::WeaponVisible => ["a weapon in view", "оружие на виду", "қару көрініп тұр"],
            Cue::BladedStance => ["bladed stance", "боевая стойка", "төбелес тұрысы"],
            Cue::ClenchedFists => ["fists clenched", "сжатые кулаки", "жұдырықтары түйілген"],
            Cue::Shouting => ["shouting", "кричит", "айқайлап тұр"],
            Cue::LookingForExit => [
                "looking for a way out",
                "ищет путь к бегству",
                "қашуға жол іздеп тұр",
            ],
            Cue::Pacing => ["pacing", "мечется", "әрі-бері жүр"],
            Cue::Kneeling => ["kneeling", "на коленях", "тізерлеп тұр"],
            Cue::Prone => ["lying face down", "лежит лицом вниз", "етпетінен жатыр"],
            Cue::Restrained => ["handcuffed", "в наручниках", "қолкісен салынған"],
            Cue::Injured => ["injured", "ранен", "жараланған"],
            Cue::Incapacitated => [
                "down and not moving",
                "лежит без движения",
                "қимылсыз жатыр",
            ],
            Cue::Intoxicated => ["intoxicated", "в состоянии опьянения", "мас күйде"],
            Cue::Distressed => ["distressed", "в смятении", "күйзеліп тұр"],
            Cue::Running => ["running", "бежит", "жүгіріп барады"],
            Cue::Ignoring => [
                "ignoring commands",
                "игнорирует команды",
                "командаларды елемейді",
            ],
        },
    )
}

/// A kind of weapon.
pub(crate) fn weapon(l: Lang, w: WeaponKind) -> &'static str {
    pick(
        l,
        match w {
            WeaponKind::None => ["a weapon", "оружие", "қару"],
            WeaponKind::Knife => ["a knife", "нож", "пышақ"],
            WeaponKind::Blunt => ["a blunt weapon", "бита или труба", "доғал зат"],
            WeaponKind::Handgun => ["a handgun", "пистолет", "тапанша"],
            WeaponKind::LongGun => ["a long gun", "ружьё или винтовка", "мылтық"],
        },
    )
}

/// A condition after injuries.
pub(crate) fn health(l: Lang, h: Health) -> &'static str {
    pick(
        l,
        match h {
            Health::Unhurt => ["unhurt", "невредим", "жарақатсыз"],
            Health::Minor => ["minor injuries", "лёгкие травмы", "жеңіл жарақат"],
            Health::Serious => ["serious injuries", "тяжёлые травмы", "ауыр жарақат"],
            Health::Dead => ["killed", "погиб", "қаза тапты"],
        },
    )
}

/// A protected group (Kazakh law arts. 60(2), 61(2)).
pub(crate) fn group(l: Lang, g: Group) -> &'static str {
    pick(
        l,
        match g {
            Group::Women => ["a woman", "женщина", "әйел"],
            Group::VisiblyDisabled => [
                "a person with an obvious disability",
                "лицо с явными признаками инвалидности",
                "мүгедектігі анық адам",
            ],
            Group::YoungChildren => ["a young child", "малолетний ребёнок", "жас бала"],
            Group::Minors => [
                "an obvious minor",
                "явно несовершеннолетний",
                "кәмелетке толмағаны анық",
            ],
        },
    )
}

/// Why a session ended.
pub(crate) fn end_reason(l: Lang, r: EndReason) -> &'static str {
    pick(
        l,
        match r {
            EndReason::ObjectivesMet => {
                ["objectives met", "задачи выполнены", "міндеттер орындалды"]
            }
            EndReason::TimeLimit => ["time ran out", "время истекло", "уақыт бітті"],
            EndReason::OfficerDown => [
                "the officer went down",
                "сотрудник выведен из строя",
                "қызметкер саптан шықты",
            ],
            EndReason::SubjectsGone => [
                "no subject was left to take into custody",
                "не осталось фигурантов, которых можно задержать",
                "ұсталатын күдікті қалмады",
            ],
            EndReason::Stopped => [
                "stopped early",
                "остановлено досрочно",
                "мерзімінен бұрын тоқтатылды",
            ],
        },
    )
}

/// A score category's name.
pub fn category(l: Lang, c: Category) -> &'static str {
    pick(
        l,
        match c {
            Category::Force => ["Use of force", "Применение силы", "Күш қолдану"],
            Category::OfficerSafety => [
                "Officer safety",
                "Безопасность сотрудника",
                "Қызметкер қауіпсіздігі",
            ],
            Category::Procedure => ["Procedure and law", "Процедура и закон", "Рәсім және заң"],
            Category::Outcome => ["Outcome", "Исход", "Нәтиже"],
        },
    )
}

/// Words of the score card printout.
pub fn card_word(l: Lang, w: CardWord) -> &'static str {
    pick(
        l,
        match w {
            CardWord::Total => ["Total", "Итого", "Барлығы"],
            CardWord::Pass => ["PASS", "ЗАЧЁТ", "СЫНАҚТАН ӨТТІ"],
            CardWord::Fail => ["FAIL", "НЕЗАЧЁТ", "СЫНАҚТАН ӨТПЕДІ"],
            CardWord::PassMark => ["pass mark", "проходной балл", "өту шегі"],
            CardWord::Policy => ["Policy", "Политика", "Саясат"],
            CardWord::Findings => ["Findings", "Замечания", "Ескертулер"],
            CardWord::NoFindings => ["No findings.", "Замечаний нет.", "Ескертулер жоқ."],
            CardWord::Critical => ["critical", "критическое", "сыни"],
        },
    )
}

/// Fixed words of the score card printout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardWord {
    /// "Total".
    Total,
    /// "PASS".
    Pass,
    /// "FAIL".
    Fail,
    /// "pass mark".
    PassMark,
    /// "Policy".
    Policy,
    /// "Findings".
    Findings,
    /// "No findings."
    NoFindings,
    /// "critical".
    Critical,
}

/// What the trainee could see of a subject: the perceived level, then the
/// notable cues and a weapon in view, e.g. `compliant (kneeling, hands up)`.
pub(crate) fn seen(l: Lang, v: &SubjectView) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(w) = super::facts::weapon_in_view(v) {
        parts.push(format!("{}: {}", cue(l, Cue::WeaponVisible), weapon(l, w)));
    }
    if super::facts::restrained(v) && !v.cues.contains(&Cue::Restrained) {
        parts.push(cue(l, Cue::Restrained).to_string());
    }
    for c in &v.cues {
        if matches!(c, Cue::WeaponVisible | Cue::HandsVisible) {
            continue;
        }
        parts.push(cue(l, *c).to_string());
    }
    if parts.is_empty() {
        resistance(l, v.perceived).to_string()
    } else {
        format!("{} ({})", resistance(l, v.perceived), parts.join(", "))
    }
}

/// Meters with one decimal.
pub(crate) fn meters(d: f32) -> String {
    format!("{d:.1}")
}

/// Seconds with one decimal.
pub(crate) fn secs(d: f32) -> String {
    format!("{d:.1}")
}

/// The note on the last kept finding of a rule that repeated beyond the cap.
pub(crate) fn repeats(l: Lang, n: usize, subject: Option<&str>) -> String {
    let n = n.to_string();
    match subject {
        Some(s) => say(
            l,
            [
                " (Repeated {n} more times with {who}; not scored again.)",
                " (Ещё повторов с {who}: {n}; они не учитываются.)",
                " ({who} адаммен тағы {n} рет қайталанды; қайта есептелмейді.)",
            ],
            &[("n", &n), ("who", &super::facts::who(s))],
        ),
        None => say(
            l,
            [
                " (Repeated {n} more times; not scored again.)",
                " (Ещё повторов: {n}; они не учитываются.)",
                " (Тағы {n} рет қайталанды; қайта есептелмейді.)",
            ],
            &[("n", &n)],
        ),
    }
}

#[cfg(test)]
mod tests {
    /// Every `[en, ru, kk]` triple in the scoring sources: (en, ru, kk).
    fn triples() -> Vec<[String; 3]> {
        let sources = [
            include_str!("text.rs"),
            include_str!("rules/force.rs"),
            include_str!("rules/safety.rs"),
            include_str!("rules/procedure.rs"),
            include_str!("rules/outcome.rs"),
        ];
        let mut out = Vec::new();
        for src in sources {
            // String literals with their byte spans.
            let b = src.as_bytes();
            let mut lits: Vec<(usize, usize, String)> = Vec::new();
            let mut i = 0;
            while i < b.len() {
                if b[i] == b'/' && b.get(i + 1) == Some(&b'/') {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                } else if b[i] == b'\'' && b.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else if b[i] == b'"' {
                    let start = i;
                    i += 1;
                    while b[i] != b'"' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    lits.push((start, i + 1, src[start + 1..i].to_string()));
                    i += 1;
                } else {
                    i += 1;
                }
            }
            let between =
                |a: usize, z: usize| src[a..z].chars().all(|c| c.is_whitespace() || c == ',');
            for w in lits.windows(3) {
                let before = src[..w[0].0].trim_end();
                let after = src[w[2].1..]
                    .trim_start()
                    .trim_start_matches(',')
                    .trim_start();
                if before.ends_with('[')
                    && after.starts_with(']')
                    && between(w[0].1, w[1].0)
                    && between(w[1].1, w[2].0)
                {
                    out.push([w[0].2.clone(), w[1].2.clone(), w[2].2.clone()]);
                }
            }
        }
        out
    }

    fn placeholders(s: &str) -> Vec<String> {
        let mut v: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(k, _)| k.to_string()))
            .collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn every_text_has_three_languages_with_the_same_placeholders() {
        let all = triples();
        assert!(all.len() > 100, "found only {} texts", all.len());
        let cyrillic = |s: &str| s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        for [en, ru, kk] in &all {
            assert_eq!(placeholders(en), placeholders(ru), "{en} / {ru}");
            assert_eq!(placeholders(en), placeholders(kk), "{en} / {kk}");
            assert!(!cyrillic(en), "English text in Cyrillic: {en}");
            assert!(cyrillic(ru) || ru == en, "Russian missing: {ru}");
            assert!(cyrillic(kk) || kk == en, "Kazakh missing: {kk}");
        }
    }

    #[test]
    fn every_rule_id_is_implemented() {
        let rules = [
            include_str!("rules/force.rs"),
            include_str!("rules/safety.rs"),
            include_str!("rules/procedure.rs"),
            include_str!("rules/outcome.rs"),
        ]
        .concat();
        for id in crate::scoring::rule_ids::RULE_IDS {
            assert!(rules.contains(&format!("\"{id}\"")), "no rule emits {id}");
        }
    }
}
