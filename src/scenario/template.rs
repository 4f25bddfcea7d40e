//! `forcesim new`: a commented scenario for each kind of call, to start from
//! instead of a blank file. The templates are RON files under
//! `assets/templates/` (`KIND.ron.tmpl`, compiled in; not `.ron` so that `check` and `list` of `assets/` skip them); a line `//~ tpl-KEY` in one is replaced
//! by the catalogue text `tpl-KEY` in the author's language as `//` comments,
//! and `{{ID}}` by the new scenario's id. Every template passes `check` and
//! runs with every bot (tests hold this).

use crate::domain::{Lang, ScenarioKind};
use crate::i18n::{self, Msg};

/// Each kind's template text.
pub const TEMPLATES: [(ScenarioKind, &str); 8] = [
    (
        ScenarioKind::TrafficStop,
        include_str!("../../assets/templates/traffic_stop.ron.tmpl"),
    ),
    (
        ScenarioKind::ArmedVehicle,
        include_str!("../../assets/templates/armed_vehicle.ron.tmpl"),
    ),
    (
        ScenarioKind::BuildingSearch,
        include_str!("../../assets/templates/building_search.ron.tmpl"),
    ),
    (
        ScenarioKind::ArmedBuilding,
        include_str!("../../assets/templates/armed_building.ron.tmpl"),
    ),
    (
        ScenarioKind::FieldInterview,
        include_str!("../../assets/templates/field_interview.ron.tmpl"),
    ),
    (
        ScenarioKind::ArrestSearch,
        include_str!("../../assets/templates/arrest_search.ron.tmpl"),
    ),
    (
        ScenarioKind::PublicAssembly,
        include_str!("../../assets/templates/public_assembly.ron.tmpl"),
    ),
    (
        ScenarioKind::Checkpoint,
        include_str!("../../assets/templates/checkpoint.ron.tmpl"),
    ),
];

/// Longest comment line, so the comments read well beside 100-column code.
const WRAP: usize = 88;

/// The kind named `key` in files (`traffic_stop`), if any.
pub fn kind_of(key: &str) -> Option<ScenarioKind> {
    TEMPLATES.iter().map(|(k, _)| *k).find(|k| k.key() == key)
}

/// Every kind's name in files, in the templates' order.
pub fn kinds() -> Vec<&'static str> {
    TEMPLATES.iter().map(|(k, _)| k.key()).collect()
}

/// The catalogue ids a template uses for its comments.
pub fn comment_ids(kind: ScenarioKind) -> Vec<String> {
    source(kind)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("//~ "))
        .map(|id| id.trim().to_string())
        .collect()
}

fn source(kind: ScenarioKind) -> &'static str {
    TEMPLATES
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("", |(_, t)| t)
}

/// The scenario file for a new scenario `id` of `kind`, commented in `lang`.
pub fn render(kind: ScenarioKind, id: &str, lang: Lang) -> String {
    let mut out = String::new();
    for line in source(kind).lines() {
        let trimmed = line.trim_start();
        if let Some(key) = trimmed.strip_prefix("//~ ") {
            let indent = &line[..line.len() - trimmed.len()];
            let text = i18n::render(
                lang,
                &Msg::new(key.trim()).with("id", id),
                &i18n::Labels::new(),
            );
            for para in text.lines() {
                for l in wrap(para, WRAP.saturating_sub(indent.len() + 3)) {
                    out.push_str(indent);
                    out.push_str("// ");
                    out.push_str(&l);
                    out.push('\n');
                }
            }
        } else {
            out.push_str(&line.replace("{{ID}}", id));
            out.push('\n');
        }
    }
    out
}

/// Splits `text` into lines of at most `width` characters at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_template_and_every_comment_a_text() {
        for (kind, _) in TEMPLATES {
            assert_eq!(kind_of(kind.key()), Some(kind));
            for id in comment_ids(kind) {
                for lang in Lang::ALL {
                    assert!(i18n::has(lang, &id), "{id} missing in {}", lang.code());
                }
            }
        }
        assert_eq!(kinds().len(), 8);
    }

    #[test]
    fn comments_come_in_the_language_and_the_id_is_filled_in() {
        let ru = render(ScenarioKind::TrafficStop, "my_stop", Lang::Ru);
        assert!(ru.contains("id: \"my_stop\""), "{ru}");
        assert!(!ru.contains("{{ID}}") && !ru.contains("//~"));
        assert!(ru.lines().any(|l| l.trim_start().starts_with("// ")
            && l.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))));
        assert!(
            ru.lines()
                .all(|l| !l.trim_start().starts_with("//") || l.chars().count() <= WRAP + 2)
        );
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("a bb ccc dddd", 6), vec!["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("", 6), vec![""]);
    }
}
