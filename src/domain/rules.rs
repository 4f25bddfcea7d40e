//! Every rule the scoring engine implements, as a typed id. Policy files name
//! rules by their dotted string (`force.proportionality`); `forcesim check`
//! rejects a policy naming any other. Scoring's rules emit [`RuleId`]s, so a
//! misspelt id there is a compile error. Search a rule id to find its
//! implementation in `src/scoring/rules/`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Defines [`RuleId`], [`RuleId::ALL`], [`RuleId::as_str`] and [`RULE_IDS`]
/// from one table, so they cannot disagree.
macro_rules! rule_ids {
    ($($(#[$attr:meta])* $variant:ident = $id:literal,)*) => {
        /// A rule id, in score-card order. Serialized and shown as its dotted
        /// string (`force.proportionality`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleId {
            $(
                $(#[$attr])*
                #[doc = concat!("`", $id, "`")]
                $variant,
            )*
        }

        impl RuleId {
            /// All rule ids, in score-card order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The dotted string used in policy files and on the score card.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }
        }

        /// All rule ids as strings, in score-card order (the same list as
        /// [`RuleId::ALL`]).
        pub const RULE_IDS: &[&str] = &[$($id,)*];
    };
}

rule_ids! {
    // Force
    ForceProportionality = "force.proportionality",
    ForceNecessity = "force.necessity",
    ForceWarning = "force.warning",
    ForceAfterCompliance = "force.after_compliance",
    ForceIntermediateOnPassive = "force.intermediate_on_passive",
    ForceDeadlyForce = "force.deadly_force",
    ForceProtectedGroup = "force.protected_group",
    ForceLineOfFire = "force.line_of_fire",
    ForcePeacefulAssembly = "force.peaceful_assembly",
    ForceDeEscalation = "force.de_escalation",
    // Officer safety
    SafetyExposure = "safety.exposure",
    SafetyReactionaryGap = "safety.reactionary_gap",
    SafetyCrossfire = "safety.crossfire",
    SafetyDoorway = "safety.doorway",
    SafetyFelonyApproach = "safety.felony_approach",
    SafetySearchBeforeCuff = "safety.search_before_cuff",
    SafetyCallIn = "safety.call_in",
    SafetyBackup = "safety.backup",
    SafetyBackTurned = "safety.back_turned",
    // Procedure and law
    ProcedureIdentify = "procedure.identify",
    ProcedureCommands = "procedure.commands",
    ProcedureWitnesses = "procedure.witnesses",
    ProcedureSameSexSearch = "procedure.same_sex_search",
    ProcedureEvidence = "procedure.evidence",
    ProcedureFirstAid = "procedure.first_aid",
    ProcedureReportForce = "procedure.report_force",
    ProcedureVictimCare = "procedure.victim_care",
    // Outcome
    OutcomeCustody = "outcome.custody",
    OutcomeOfficerInjury = "outcome.officer_injury",
    OutcomeThirdPartyInjury = "outcome.third_party_injury",
    OutcomeObjectives = "outcome.objectives",
    // Procedural justice in a traffic stop (rules/stop.rs)
    ProcedureStopReason = "procedure.stop_reason",
    ProcedureCourtesy = "procedure.courtesy",
    // Building search (rules/search.rs)
    SafetySearchAlone = "safety.search_alone",
    SafetyUnsearchedRoom = "safety.unsearched_room",
    SafetyCuffCover = "safety.cuff_cover",
    // Armed subject barricaded in a building (rules/search.rs)
    SafetyBarricadeEntry = "safety.barricade_entry",
    ProcedureNegotiator = "procedure.negotiator",
    // Public assemblies (rules/assembly.rs)
    ProcedureDispersal = "procedure.dispersal",
}

impl RuleId {
    /// The rule id named by `s` (its dotted string), if there is one.
    pub fn parse(s: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|r| r.as_str() == s)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        RuleId::parse(&s).ok_or_else(|| serde::de::Error::unknown_variant(&s, RULE_IDS))
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<RuleId> for str {
    fn eq(&self, other: &RuleId) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<RuleId> for String {
    fn eq(&self, other: &RuleId) -> bool {
        self.as_str() == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_id_round_trips_through_its_string() {
        assert_eq!(RuleId::ALL.len(), RULE_IDS.len());
        for (r, s) in RuleId::ALL.iter().zip(RULE_IDS) {
            assert_eq!(r.as_str(), *s);
            assert_eq!(r.to_string(), *s);
            assert_eq!(RuleId::parse(s), Some(*r));
            let ron = ron::to_string(r).unwrap();
            assert_eq!(ron, format!("\"{s}\""));
            assert_eq!(ron::from_str::<RuleId>(&ron).unwrap(), *r);
        }
        assert_eq!(RuleId::parse("force.proportionalty"), None);
        assert!(ron::from_str::<RuleId>("\"force.nope\"").is_err());
    }
}
