//! Tests: what `diag::parse_ron` says about mistakes in scenario files
//! (field names suggested, variants listed in words, positions).

use crate::diag::parse_ron;
use crate::scenario::schema::{Subject, Transition};
use std::path::Path;

fn err<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
    parse_ron::<T>(Path::new("f.ron"), text)
        .unwrap_err()
        .to_string()
}

#[test]
fn unknown_field_names_it_suggests_and_lists() {
    assert_eq!(
        err::<Subject>("(\n  id: \"a\",\n  spwan: (1.0, 2.0),\n)"),
        "f.ron:3:3: error: unknown field \"spwan\" in a subject; did you mean \"spawn\"? valid fields: id, name, role, sex, age, disability, spawn, heading, in_vehicle, hidden, weapon, reported, carrying, temperament, resistance, behaviour, cues, lines"
    );
}

#[test]
fn unknown_variant_in_a_field_is_suggested() {
    assert_eq!(
        err::<Transition>("(on: talk, to: activ)"),
        "f.ron:1:16: error: to: unknown resistance level \"activ\"; did you mean \"active\"? expected a resistance level: compliant, passive, active, assaultive or deadly"
    );
}

#[test]
fn missing_field_points_at_the_item() {
    assert_eq!(
        err::<Vec<Subject>>("[\n  (id: \"a\"),\n]"),
        "f.ron:2:3: error: missing field \"spawn\" in a subject ([0]): add `spawn: ...`"
    );
}

#[test]
fn type_errors_say_what_was_expected_and_found() {
    assert_eq!(
        err::<Transition>("(on: talk, chance: high)"),
        "f.ron:1:20: error: chance: expected a number (like 2.5), found high"
    );
    assert_eq!(
        err::<Transition>("(on: near(\"far\"))"),
        "f.ron:1:11: error: on[0]: expected a number (like 2.5), found \"far\""
    );
}
