//! The shipped policies, built into the binary so that `forcesim` works from
//! any folder. Files on disk under `assets/policies/` take precedence (an
//! instructor may edit them); these are the fallback.

/// `(id, file name under assets/policies/, RON text)` of each shipped policy.
pub const BUILTIN: &[(&str, &str, &str)] = &[
    (
        "generic",
        "generic.ron",
        include_str!("../../assets/policies/generic.ron"),
    ),
    (
        "us_iacp",
        "us_iacp.ron",
        include_str!("../../assets/policies/us_iacp.ron"),
    ),
    ("kz", "kz.ron", include_str!("../../assets/policies/kz.ron")),
];

/// Ids of the shipped policies.
pub fn ids() -> impl Iterator<Item = &'static str> {
    BUILTIN.iter().map(|(id, _, _)| *id)
}

/// The text of a shipped policy by id.
pub fn text(id: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(i, _, _)| *i == id)
        .map(|(_, _, t)| *t)
}
