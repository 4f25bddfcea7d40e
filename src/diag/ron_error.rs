//! Turns RON and serde errors into messages for instructors: no Rust type
//! names, the field or item concerned, the valid choices and the closest one.
//! Messages are catalogue ids with arguments (`diag-*`), so they read in the
//! instructor's language; field names and choices stay the file's own words.

use super::locate::Locator;
use super::suggest::{one_of, suggest_then};
use crate::domain::Lang;
use crate::i18n::{Arg, Msg, has};
use ron::error::{Error, SpannedError};

/// What each Rust type of the file formats is called in messages: the key of
/// its catalogue nouns `type-KEY` (`subject`) and `type-KEY-a` (with its
/// article in English: `a subject`, `the map`).
const NAMES: &[(&str, &str)] = &[
    ("Scenario", "scenario"),
    ("Map", "map"),
    ("Wall", "wall"),
    ("Door", "door"),
    ("Vehicle", "vehicle"),
    ("CoverObject", "cover_object"),
    ("Zone", "zone"),
    ("Officers", "officers_section"),
    ("TraineeSpawn", "trainee_start"),
    ("Partner", "partner_officer"),
    ("Backup", "backup"),
    ("Subject", "subject"),
    ("Weapon", "weapon"),
    ("Item", "item"),
    ("Transition", "behaviour_rule"),
    ("LevelCues", "cue_list"),
    ("Line", "line"),
    ("Bystander", "bystander"),
    ("Crowd", "crowd"),
    ("Trigger", "trigger"),
    ("Objective", "objective"),
    ("ScenarioKind", "scenario_kind"),
    ("Risk", "risk_level"),
    ("Ground", "ground"),
    ("Orientation", "orientation"),
    ("DoorState", "door_state"),
    ("VehicleKind", "vehicle_kind"),
    ("CoverKind", "cover_kind"),
    ("ZoneRole", "zone_role"),
    ("Equipment", "equipment_item"),
    ("PartnerRole", "partner_role"),
    ("SubjectRole", "subject_role"),
    ("ItemKind", "item_kind"),
    ("Stimulus", "stimulus"),
    ("Condition", "condition"),
    ("WitnessEligibility", "witness_eligibility"),
    ("Who", "person_to_watch"),
    ("TriggerCondition", "trigger_condition"),
    ("Effect", "effect"),
    ("Goal", "goal"),
    ("Policy", "policy"),
    ("ContinuumStep", "continuum_step"),
    ("Modifier", "modifier"),
    ("Circumstance", "circumstance"),
    ("ProtectedGroups", "protected_groups_section"),
    ("Group", "protected_group"),
    ("Exception", "exception"),
    ("Rule", "rule"),
    ("Category", "category"),
    ("Severity", "severity"),
    ("CategoryWeights", "category_weights"),
    ("WitnessRules", "witness_rules"),
    ("WitnessedProcedure", "witnessed_procedure"),
    ("ResistanceLevel", "resistance_level"),
    ("ForceLevel", "force_level"),
    ("ForceOption", "force_option"),
    ("Tool", "tool"),
    ("ToolState", "tool_state"),
    ("Command", "command"),
    ("Warning", "warning"),
    ("RadioCall", "radio_call"),
    ("Procedure", "procedure"),
    ("Act", "action"),
    ("OfficerAction", "officer_action"),
    ("Sex", "sex"),
    ("AgeGroup", "age_group"),
    ("Disability", "disability"),
    ("WeaponKind", "weapon_kind"),
    ("WeaponPlace", "weapon_place"),
    ("Carry", "carry"),
    ("Temperament", "temperament"),
    ("SubjectAction", "subject_action"),
    ("Cue", "cue"),
    ("Health", "health"),
    ("Lang", "language"),
    ("Script", "script"),
    ("Step", "step"),
    ("Cond", "condition"),
    ("Place", "place"),
    ("LocalizedText", "text"),
];

fn key_of(rust_name: &str) -> Option<&'static str> {
    NAMES.iter().find(|(r, _)| *r == rust_name).map(|(_, k)| *k)
}

/// A Rust type name not in the table, split into lowercase words
/// (`FooBar` -> `foo bar`): a visible gap rather than a Rust name.
fn split_words(rust_name: &str) -> String {
    let mut out = String::new();
    for (i, c) in rust_name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The noun for a Rust type: `ResistanceLevel` -> `resistance level`.
pub fn noun(rust_name: &str) -> Arg {
    match key_of(rust_name) {
        Some(k) => Msg::new(format!("type-{k}")).into(),
        None => Arg::Text(split_words(rust_name)),
    }
}

/// The noun with its article: `a subject`, `an objective`, `the map`.
pub fn with_article(rust_name: &str) -> Arg {
    match key_of(rust_name) {
        Some(k) => Msg::new(format!("type-{k}-a")).into(),
        None => Arg::Text(split_words(rust_name)),
    }
}

/// Rewrites one of serde's "expected ..." phrases in an instructor's words.
pub fn humanize_expected(expected: &str) -> Arg {
    let e = expected.trim();
    let id = match e {
        "f32" | "f64" | "a float" | "float" => Some("diag-x-number"),
        "u8" | "u16" | "u32" | "u64" | "usize" => Some("diag-x-unsigned"),
        "i8" | "i16" | "i32" | "i64" | "isize" | "an integer" => Some("diag-x-integer"),
        "a string" | "string" | "a borrowed string" => Some("diag-x-string"),
        "a boolean" | "bool" => Some("diag-x-bool"),
        "a sequence" => Some("diag-x-list"),
        "a map" => Some("diag-x-map"),
        "a tuple of size 2" | "tuple of size 2" => Some("diag-x-pair"),
        "variant identifier" | "field identifier" => Some("diag-x-name"),
        "option" => Some("diag-x-value"),
        _ => None,
    };
    if let Some(id) = id {
        return Msg::new(id).into();
    }
    for prefix in [
        "struct ",
        "enum ",
        "tuple struct ",
        "struct variant ",
        "tuple variant ",
    ] {
        if let Some(name) = e.strip_prefix(prefix) {
            return with_article(name.trim_start_matches(char::is_lowercase).trim());
        }
    }
    Arg::Text(replace_type_names(e))
}

/// Replaces any Rust type name of the formats in free text with its English
/// noun (serde's own wording, which has no translation, stays readable).
pub fn replace_type_names(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        match key_of(word) {
            Some(k) => out.push_str(&crate::i18n::tr(Lang::En, &format!("type-{k}"), &[])),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(if c == '`' { '"' } else { c });
        }
    }
    flush(&mut word, &mut out);
    out
}

/// True when every type of the table has its two nouns in `lang`'s catalogue.
pub fn nouns_complete(lang: Lang) -> Vec<String> {
    NAMES
        .iter()
        .flat_map(|(_, k)| [format!("type-{k}"), format!("type-{k}-a")])
        .filter(|id| !has(lang, id))
        .collect()
}

fn item(outer: &Option<String>) -> Arg {
    outer
        .as_deref()
        .map(with_article)
        .unwrap_or_else(|| Msg::new("diag-this-item").into())
}

/// The message and byte offset for a ron error in `text`.
pub fn explain(err: &SpannedError, loc: &Locator) -> (usize, Msg) {
    // ron reports some errors before the blanks that precede the value; a
    // missing comma is best shown right after the item that lacks it.
    let raw = loc.offset(err.span.start.line, err.span.start.col);
    let at = loc.skip_blanks(raw);
    let (path, in_map) = loc.context_at(at);
    let token = loc.token_at(at);
    let found: Arg = if token.is_empty() {
        if at >= loc.text_len() {
            Msg::new("diag-found-eof").into()
        } else {
            Msg::new("diag-found-other").into()
        }
    } else if token.chars().all(|c| !c.is_alphanumeric() && c != '"') {
        Arg::Text(format!("`{token}`"))
    } else {
        Arg::Text(token.to_string())
    };
    let place = if path.is_empty() {
        String::new()
    } else {
        format!("{path}: ")
    };
    let expected_msg = |what: Arg| {
        Msg::new("diag-expected-found")
            .with("place", place.as_str())
            .with("expected", what)
            .with("found", found.clone())
    };
    let expected = |id: &str| expected_msg(Msg::new(id).into());
    let plain = |id: &str| Msg::new(id);
    let at_place = |id: &str| Msg::new(id).with("place", place.as_str());
    let msg = match &err.code {
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => Msg::new("diag-unknown-field")
            .with("found", found.as_str())
            .with("item", item(outer))
            .with(
                "hint",
                suggest_then(
                    found,
                    expected.iter().copied(),
                    Msg::new("diag-valid-fields").with("list", expected.join(", ")),
                ),
            ),
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = outer
                .as_deref()
                .map(noun)
                .unwrap_or_else(|| Msg::new("diag-choice").into());
            let article = outer
                .as_deref()
                .map(with_article)
                .unwrap_or_else(|| Msg::new("diag-choice-a").into());
            Msg::new("diag-unknown-variant")
                .with("place", place.as_str())
                .with("what", what)
                .with("found", found.as_str())
                .with(
                    "hint",
                    suggest_then(
                        found,
                        expected.iter().copied(),
                        Msg::new("diag-expected-choice")
                            .with("what", article)
                            .with("choices", one_of(expected)),
                    ),
                )
        }
        Error::MissingStructField { field, outer } => {
            let item_at = loc.item_start_at(at);
            let item_path = loc.path_at(item_at);
            let where_ = if item_path.is_empty() {
                String::new()
            } else {
                format!(" ({item_path})")
            };
            return (
                item_at,
                Msg::new("diag-missing-field")
                    .with("field", *field)
                    .with("item", item(outer))
                    .with("where", where_),
            );
        }
        Error::DuplicateStructField { field, outer } => Msg::new("diag-field-twice")
            .with("field", *field)
            .with("item", item(outer)),
        Error::InvalidValueForType { expected, found } => Msg::new("diag-expected-found")
            .with("place", place.as_str())
            .with("expected", humanize_expected(expected))
            .with("found", replace_type_names(found)),
        Error::ExpectedDifferentLength { expected, found } => Msg::new("diag-wrong-length")
            .with("place", place.as_str())
            .with("expected", humanize_expected(expected))
            .with("n", *found),
        Error::ExpectedString if in_map && !token.starts_with('"') => {
            Msg::new("diag-expected-lang-key")
                .with("place", place.as_str())
                .with("found", found.clone())
        }
        Error::ExpectedString => expected("diag-x-string"),
        Error::ExpectedFloat => expected("diag-x-number"),
        Error::FloatUnderscore => plain("diag-float-underscore"),
        Error::ExpectedInteger => expected("diag-x-whole"),
        Error::ExpectedBoolean => expected("diag-x-bool"),
        Error::ExpectedArray => expected("diag-x-list"),
        Error::ExpectedArrayEnd => expected("diag-x-list-end"),
        Error::ExpectedMap => expected("diag-x-map-open"),
        Error::ExpectedMapColon => expected("diag-x-colon"),
        Error::ExpectedMapEnd => expected("diag-x-map-end"),
        Error::ExpectedComma => {
            return (loc.end_of_previous(raw), expected("diag-x-comma"));
        }
        Error::ExpectedStructLike => expected("diag-x-open-group"),
        Error::ExpectedNamedStructLike(name) => expected_msg(
            Msg::new("diag-x-open")
                .with(
                    "what",
                    if name.is_empty() {
                        Msg::new("diag-a-group-of-fields").into()
                    } else {
                        with_article(name)
                    },
                )
                .into(),
        ),
        Error::ExpectedStructLikeEnd | Error::ExpectedOptionEnd => expected("diag-x-close-group"),
        Error::ExpectedUnit => expected_msg(Arg::Text("`()`".into())),
        Error::ExpectedOption => expected("diag-x-value"),
        Error::ExpectedIdentifier => expected("diag-x-identifier"),
        Error::ExpectedChar => expected("diag-x-char"),
        Error::ExpectedStringEnd => plain("diag-string-not-closed"),
        Error::InvalidEscape(what) => Msg::new("diag-bad-escape").with("what", *what),
        Error::IntegerOutOfBounds => at_place("diag-integer-out-of-range"),
        Error::InvalidIntegerDigit { digit, .. } => {
            at_place("diag-bad-digit").with("digit", digit.to_string())
        }
        Error::UnderscoreAtBeginning => plain("diag-leading-underscore"),
        Error::UnclosedBlockComment => plain("diag-block-comment-open"),
        Error::UnclosedLineComment => plain("diag-line-comment-eof"),
        Error::UnexpectedChar(c) => at_place("diag-unexpected-char").with("char", c.to_string()),
        Error::Utf8Error(_) => plain("diag-not-utf8"),
        Error::TrailingCharacters => Msg::new("diag-trailing").with("found", found.clone()),
        Error::Eof => plain("diag-eof"),
        Error::ExceededRecursionLimit => plain("diag-too-deep"),
        Error::NoSuchExtension(name) => Msg::new("diag-no-extension").with("name", name.as_str()),
        Error::ExpectedAttribute | Error::ExpectedAttributeEnd => plain("diag-bad-attribute"),
        other => Msg::verbatim(replace_type_names(&other.to_string())),
    };
    (at, msg)
}

#[cfg(test)]
mod tests {
    use crate::diag::parse_ron;
    use crate::domain::ResistanceLevel;
    use std::path::Path;

    // Errors in scenario types are tested in `crate::scenario` (above diag).

    #[test]
    fn unknown_variant_lists_the_choices_in_words() {
        assert_eq!(
            parse_ron::<ResistanceLevel>(Path::new("f.ron"), "angry")
                .unwrap_err()
                .to_string(),
            "f.ron:1:1: error: unknown resistance level \"angry\"; expected a resistance level: compliant, passive, active, assaultive or deadly"
        );
    }

    #[test]
    fn rust_type_names_are_replaced_in_free_text() {
        assert_eq!(
            super::replace_type_names("expected `ResistanceLevel` in Subject"),
            "expected \"resistance level\" in subject"
        );
        let en = |a| {
            crate::i18n::render_arg(crate::domain::Lang::En, &a, &Default::default()).into_string()
        };
        assert_eq!(
            en(super::humanize_expected("struct CoverObject")),
            "a cover object"
        );
        assert_eq!(
            en(super::humanize_expected("u32")),
            "a whole number, 0 or more"
        );
        for lang in crate::domain::Lang::ALL {
            assert_eq!(super::nouns_complete(lang), Vec::<String>::new());
        }
    }
}
