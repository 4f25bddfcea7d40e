//! Turns RON and serde errors into messages for instructors: no Rust type
//! names, the field or item concerned, the valid choices and the closest one.

use super::locate::Locator;
use super::suggest::{one_of, suggest_then};
use ron::error::{Error, SpannedError};

/// What each Rust type of the file formats is called in messages, and whether
/// a file has only one of it (`the map`) or many (`a wall`).
const NAMES: &[(&str, &str, bool)] = &[
    // Scenario.
    ("Scenario", "scenario", true),
    ("Map", "map", true),
    ("Wall", "wall", false),
    ("Door", "door", false),
    ("Vehicle", "vehicle", false),
    ("CoverObject", "cover object", false),
    ("Zone", "zone", false),
    ("Officers", "officers section", true),
    ("TraineeSpawn", "trainee's start", true),
    ("Partner", "partner officer", false),
    ("Backup", "backup", true),
    ("Subject", "subject", false),
    ("Weapon", "weapon", false),
    ("Item", "item", false),
    ("Transition", "behaviour rule", false),
    ("LevelCues", "cue list", false),
    ("Line", "line", false),
    ("Bystander", "bystander", false),
    ("Crowd", "crowd", false),
    ("Trigger", "trigger", false),
    ("Objective", "objective", false),
    ("ScenarioKind", "scenario kind", false),
    ("Risk", "risk level", false),
    ("Ground", "ground", false),
    ("Orientation", "orientation", false),
    ("DoorState", "door state", false),
    ("VehicleKind", "vehicle kind", false),
    ("CoverKind", "cover kind", false),
    ("ZoneRole", "zone role", false),
    ("Equipment", "equipment item", false),
    ("PartnerRole", "partner role", false),
    ("SubjectRole", "subject role", false),
    ("ItemKind", "item kind", false),
    ("Stimulus", "stimulus", false),
    ("Condition", "condition", false),
    ("WitnessEligibility", "witness eligibility", false),
    ("Who", "person to watch", false),
    ("TriggerCondition", "trigger condition", false),
    ("Effect", "effect", false),
    ("Goal", "goal", false),
    // Policy.
    ("Policy", "policy", true),
    ("ContinuumStep", "continuum step", false),
    ("Modifier", "modifier", false),
    ("Circumstance", "circumstance", false),
    ("ProtectedGroups", "protected groups section", true),
    ("Group", "protected group", false),
    ("Exception", "exception", false),
    ("Rule", "rule", false),
    ("Category", "category", false),
    ("Severity", "severity", false),
    ("CategoryWeights", "category weights", true),
    ("WitnessRules", "witness rules", true),
    ("WitnessedProcedure", "witnessed procedure", false),
    // Domain vocabulary.
    ("ResistanceLevel", "resistance level", false),
    ("ForceLevel", "force level", false),
    ("ForceOption", "force option", false),
    ("Tool", "tool", false),
    ("ToolState", "tool state", false),
    ("Command", "command", false),
    ("Warning", "warning", false),
    ("RadioCall", "radio call", false),
    ("Procedure", "procedure", false),
    ("Act", "action", false),
    ("OfficerAction", "officer action", false),
    ("Sex", "sex", false),
    ("AgeGroup", "age group", false),
    ("Disability", "disability", false),
    ("WeaponKind", "weapon kind", false),
    ("WeaponPlace", "weapon place", false),
    ("Carry", "carry", false),
    ("Temperament", "temperament", false),
    ("SubjectAction", "subject action", false),
    ("Cue", "cue", false),
    ("Health", "health", false),
    ("Lang", "language", false),
    // Trainee scripts.
    ("Script", "script", true),
    ("Step", "step", false),
    ("Cond", "condition", false),
    ("Place", "place", false),
    ("LocalizedText", "text", false),
];

/// The noun for a Rust type: `ResistanceLevel` -> `resistance level`. Types
/// not in the table are split into lowercase words.
pub fn noun(rust_name: &str) -> String {
    if let Some((_, n, _)) = NAMES.iter().find(|(r, _, _)| *r == rust_name) {
        return n.to_string();
    }
    let mut out = String::new();
    for (i, c) in rust_name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The noun with its article: `a subject`, `an objective`, `the map`.
pub fn with_article(rust_name: &str) -> String {
    let n = noun(rust_name);
    let unique = NAMES
        .iter()
        .find(|(r, _, _)| *r == rust_name)
        .is_some_and(|(_, _, u)| *u);
    if unique {
        format!("the {n}")
    } else if n.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {n}")
    } else {
        format!("a {n}")
    }
}

/// Rewrites one of serde's "expected ..." phrases in an instructor's words.
pub fn humanize_expected(expected: &str) -> String {
    let e = expected.trim();
    match e {
        "f32" | "f64" | "a float" | "float" => return "a number (like 2.5)".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => return "a whole number, 0 or more".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" | "an integer" => return "a whole number".into(),
        "a string" | "string" | "a borrowed string" => {
            return "text in double quotes (like \"driver\")".into();
        }
        "a boolean" | "bool" => return "true or false".into(),
        "a sequence" => return "a list in square brackets [ ... ]".into(),
        "a map" => return "a map in braces { ... }".into(),
        "a tuple of size 2" | "tuple of size 2" => {
            return "two numbers in parentheses, like (1.0, 2.0)".into();
        }
        "variant identifier" | "field identifier" => return "a name".into(),
        "option" => return "a value".into(),
        _ => {}
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
    replace_type_names(e)
}

/// Replaces any Rust type name of the formats in free text with its noun.
pub fn replace_type_names(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if NAMES.iter().any(|(r, _, _)| r == word) {
            out.push_str(&noun(word));
        } else {
            out.push_str(word);
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

/// The message and byte offset for a ron error in `text`.
pub fn explain(err: &SpannedError, loc: &Locator) -> (usize, String) {
    // ron reports some errors before the blanks that precede the value; a
    // missing comma is best shown right after the item that lacks it.
    let raw = loc.offset(err.span.start.line, err.span.start.col);
    let at = loc.skip_blanks(raw);
    let (path, in_map) = loc.context_at(at);
    let token = loc.token_at(at);
    let found = if token.is_empty() {
        if at >= loc.text_len() {
            "the end of the file".to_string()
        } else {
            "something else".to_string()
        }
    } else if token.chars().all(|c| !c.is_alphanumeric() && c != '"') {
        format!("`{token}`")
    } else {
        token.to_string()
    };
    let place = if path.is_empty() {
        String::new()
    } else {
        format!("{path}: ")
    };
    let expected = |what: &str| format!("{place}expected {what}, found {found}");
    let msg = match &err.code {
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unknown field \"{found}\" in {}{}",
            outer
                .as_deref()
                .map(with_article)
                .unwrap_or("this item".into()),
            suggest_then(
                found,
                expected.iter().copied(),
                &format!("valid fields: {}", expected.join(", "))
            ),
        ),
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = outer.as_deref().map(noun).unwrap_or("choice".into());
            let article = outer
                .as_deref()
                .map(with_article)
                .unwrap_or("a choice".into());
            format!(
                "{place}unknown {what} \"{found}\"{}",
                suggest_then(
                    found,
                    expected.iter().copied(),
                    &format!("expected {article}: {}", one_of(expected))
                ),
            )
        }
        Error::MissingStructField { field, outer } => {
            let item = outer
                .as_deref()
                .map(with_article)
                .unwrap_or("this item".into());
            let item_at = loc.item_start_at(at);
            let item_path = loc.path_at(item_at);
            let where_ = if item_path.is_empty() {
                String::new()
            } else {
                format!(" ({item_path})")
            };
            return (
                item_at,
                format!("missing field \"{field}\" in {item}{where_}: add `{field}: ...`"),
            );
        }
        Error::DuplicateStructField { field, outer } => format!(
            "field \"{field}\" is given twice in {}",
            outer
                .as_deref()
                .map(with_article)
                .unwrap_or("this item".into())
        ),
        Error::InvalidValueForType { expected, found } => format!(
            "{place}expected {}, found {}",
            humanize_expected(expected),
            replace_type_names(found)
        ),
        Error::ExpectedDifferentLength { expected, found } => format!(
            "{place}expected {}, found {found} value{}",
            humanize_expected(expected),
            if *found == 1 { "" } else { "s" }
        ),
        Error::ExpectedString if in_map && !token.starts_with('"') => format!(
            "{place}expected a language key in double quotes, found {found}: write texts as {{\"en\": \"...\", \"ru\": \"...\"}}"
        ),
        Error::ExpectedString => expected("text in double quotes (like \"driver\")"),
        Error::ExpectedFloat => expected("a number (like 2.5)"),
        Error::FloatUnderscore => "a number may not contain `_`".into(),
        Error::ExpectedInteger => expected("a whole number (like 3)"),
        Error::ExpectedBoolean => expected("true or false"),
        Error::ExpectedArray => expected("a list in square brackets [ ... ]"),
        Error::ExpectedArrayEnd => expected("`,` between list items or `]` to close the list"),
        Error::ExpectedMap => expected("`{` to open a text such as {\"en\": \"...\"} or a map"),
        Error::ExpectedMapColon => expected("`:` after the key"),
        Error::ExpectedMapEnd => expected("`,` between entries or `}` to close the braces"),
        Error::ExpectedComma => {
            return (loc.end_of_previous(raw), expected("a comma between items"));
        }
        Error::ExpectedStructLike => expected("`(` to open a group of fields or values"),
        Error::ExpectedNamedStructLike(name) => expected(&format!(
            "`(` to open {}",
            if name.is_empty() {
                "a group of fields".to_string()
            } else {
                with_article(name)
            }
        )),
        Error::ExpectedStructLikeEnd | Error::ExpectedOptionEnd => {
            expected("`)` to close the parentheses (too many values, or a missing comma?)")
        }
        Error::ExpectedUnit => expected("`()`"),
        Error::ExpectedOption => expected("a value"),
        Error::ExpectedIdentifier => expected("a name (a field or a choice)"),
        Error::ExpectedChar => expected("a character in single quotes"),
        Error::ExpectedStringEnd => "this text is not closed: a `\"` is missing".into(),
        Error::InvalidEscape(what) => format!("bad escape in text: {what}"),
        Error::IntegerOutOfBounds => {
            format!(
                "{place}the number is out of range (too large, or negative where it may not be)"
            )
        }
        Error::InvalidIntegerDigit { digit, .. } => {
            format!("{place}'{digit}' cannot appear in a whole number")
        }
        Error::UnderscoreAtBeginning => "a number may not start with `_`".into(),
        Error::UnclosedBlockComment => "a /* comment */ is not closed".into(),
        Error::UnclosedLineComment => "a // comment at the very end needs a newline".into(),
        Error::UnexpectedChar(c) => format!("{place}unexpected character '{c}'"),
        Error::Utf8Error(_) => "the file is not valid UTF-8 text".into(),
        Error::TrailingCharacters => {
            format!("unexpected text after the end of the file's main `( ... )`: found {found}")
        }
        Error::Eof => {
            "the file ends too early: a closing `)`, `]` or `}` or a value is missing".into()
        }
        Error::ExceededRecursionLimit => "items are nested too deeply".into(),
        Error::NoSuchExtension(name) => format!("unknown RON extension \"{name}\""),
        Error::ExpectedAttribute | Error::ExpectedAttributeEnd => {
            "a `#![enable(...)]` line is malformed".into()
        }
        other => replace_type_names(&other.to_string()),
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
        assert_eq!(
            super::humanize_expected("struct CoverObject"),
            "a cover object"
        );
        assert_eq!(super::humanize_expected("u32"), "a whole number, 0 or more");
    }
}
