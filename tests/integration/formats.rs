//! The shipped scenario parses with the contract schema.

use std::path::Path;

#[test]
fn shipped_traffic_stop_parses() {
    let loaded = forcesim::scenario::load(Path::new("scenarios/traffic_stop_low.ron"))
        .unwrap_or_else(|d| panic!("{}", d[0]));
    assert_eq!(loaded.scenario.id, "traffic_stop_low");
    assert_eq!(loaded.scenario.subjects.len(), 1);
}

#[test]
fn shipped_generic_policy_parses() {
    let loaded = forcesim::policy::load(Path::new("assets/policies/generic.ron"))
        .unwrap_or_else(|d| panic!("{}", d[0]));
    assert_eq!(loaded.policy.id, "generic");
    assert_eq!(loaded.policy.continuum.len(), 5);
}
