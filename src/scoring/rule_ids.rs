//! Every rule id the scoring engine implements. Policy files refer to these;
//! `forcesim check` rejects a policy naming any other. Search a rule id to find
//! its implementation in `src/scoring/rules/`.

/// All rule ids, in score-card order.
pub const RULE_IDS: &[&str] = &[
    // Force
    "force.proportionality",
    "force.necessity",
    "force.warning",
    "force.after_compliance",
    "force.deadly_force",
    "force.protected_group",
    "force.line_of_fire",
    "force.peaceful_assembly",
    "force.de_escalation",
    // Officer safety
    "safety.exposure",
    "safety.reactionary_gap",
    "safety.crossfire",
    "safety.doorway",
    "safety.felony_approach",
    "safety.search_before_cuff",
    "safety.call_in",
    "safety.backup",
    "safety.back_turned",
    // Procedure and law
    "procedure.identify",
    "procedure.commands",
    "procedure.witnesses",
    "procedure.same_sex_search",
    "procedure.evidence",
    "procedure.first_aid",
    "procedure.report_force",
    "procedure.victim_care",
    // Outcome
    "outcome.custody",
    "outcome.officer_injury",
    "outcome.third_party_injury",
    "outcome.objectives",
];
