//! Public-assembly procedure: dispersal only as a last resort. Reads the
//! trainee's orders to disperse and the assembly's legal status as the log
//! records it (`AssemblyStatus`; a crowd with none counts as lawful, the
//! presumption in favour of assembly).

use super::{Draft, Scope};
use crate::domain::*;
use crate::events::{EventKind, TRAINEE};
use crate::scoring::facts::*;
use crate::scoring::text::msg;
use std::collections::BTreeMap;

/// Seconds after an assembly stopped being lawful (its notified time ran
/// out) that its people get to leave on their own before an order to
/// disperse: warnings, then time (ODIHR Guidelines; ODIHR Handbook).
pub(crate) const LEAVE_S: f32 = 60.0;

/// All assembly rules.
pub(crate) fn check(s: &Scope) -> Vec<Draft> {
    dispersal(s)
}

/// `procedure.dispersal`: an order to disperse (`warn(disperse)`) given (1)
/// while an assembly was lawful (notified, its time not run out), or (2)
/// less than [`LEAVE_S`] after it stopped being lawful, before its people
/// had time to leave on their own. A lapsed notification does not make a
/// peaceful assembly violent: dispersal is the last resort, after warnings
/// and time. Once per session: the first order is judged.
pub(crate) fn dispersal(s: &Scope) -> Vec<Draft> {
    // Crowd id -> when it stopped being lawful (None: lawful now).
    let mut lapsed: BTreeMap<String, Option<f32>> = BTreeMap::new();
    for e in s.facts.events {
        match &e.kind {
            EventKind::AssemblyStatus { crowd, lawful } => {
                lapsed.insert(crowd.clone(), (!lawful).then(|| e.t()));
            }
            EventKind::CrowdMood { crowd, .. } => {
                lapsed.entry(crowd.clone()).or_insert(None);
            }
            EventKind::Action { by, action }
                if by == TRAINEE && action.act == Act::Warn(Warning::Disperse) =>
            {
                let t = e.t();
                // A crowd known only from the call (an assembly, no status
                // logged) is lawful: the presumption in favour of assembly.
                let any_lawful = lapsed.values().any(|l| l.is_none())
                    || (lapsed.is_empty() && s.facts.kind == Some(ScenarioKind::PublicAssembly));
                if any_lawful {
                    return vec![Draft::breach(
                        t,
                        RuleId::ProcedureDispersal,
                        None,
                        msg("finding-procedure-dispersal", &[("t", clock(t))]),
                    )];
                }
                let latest = lapsed.values().flatten().fold(f32::MIN, |a, b| a.max(*b));
                if latest > f32::MIN && t - latest < LEAVE_S {
                    return vec![Draft::breach(
                        t,
                        RuleId::ProcedureDispersal,
                        None,
                        msg(
                            "finding-procedure-dispersal-2",
                            &[
                                ("t", clock(t)),
                                ("at", clock(latest)),
                                ("n", format!("{LEAVE_S:.0}").into()),
                            ],
                        ),
                    )];
                }
                return Vec::new();
            }
            _ => {}
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use crate::domain::{Act, Risk, ScenarioKind, Warning};
    use crate::events::{EndReason, EventKind};
    use crate::scoring::rules::testing::hits;
    use crate::scoring::testkit::LogBuilder;

    fn assembly() -> LogBuilder {
        LogBuilder::new().briefed(ScenarioKind::PublicAssembly, Risk::Medium, &["peaceful"])
    }

    fn status(b: LogBuilder, crowd: &str, lawful: bool) -> LogBuilder {
        b.bare(EventKind::AssemblyStatus {
            crowd: crowd.into(),
            lawful,
        })
    }

    #[test]
    fn dispersing_a_lawful_assembly_is_a_breach_and_so_is_dispersing_without_time() {
        let lawful = assembly()
            .at(30.0)
            .act_untargeted(Act::Warn(Warning::Disperse))
            .end(EndReason::TimeLimit)
            .build();
        let h = hits(&lawful, "procedure.dispersal");
        assert_eq!(h.len(), 1, "{h:?}");
        assert!(h[0].text.contains("still lawful"), "{}", h[0].text);

        let hasty = status(assembly().at(100.0), "rally", false)
            .at(120.0)
            .act_untargeted(Act::Warn(Warning::Disperse))
            .end(EndReason::TimeLimit)
            .build();
        let h = hits(&hasty, "procedure.dispersal");
        assert_eq!(h.len(), 1, "{h:?}");
        assert!(h[0].text.contains("1:40"), "{}", h[0].text);

        let patient = status(assembly().at(100.0), "rally", false)
            .at(170.0)
            .act_untargeted(Act::Warn(Warning::Disperse))
            .at(171.0)
            .act_untargeted(Act::Warn(Warning::Disperse))
            .end(EndReason::TimeLimit)
            .build();
        assert!(hits(&patient, "procedure.dispersal").is_empty());
    }

    #[test]
    fn one_lawful_crowd_among_lapsed_ones_still_makes_dispersal_a_breach() {
        let log = status(status(assembly().at(0.0), "sit_in", false), "rally", true)
            .at(200.0)
            .act_untargeted(Act::Warn(Warning::Disperse))
            .end(EndReason::TimeLimit)
            .build();
        assert_eq!(hits(&log, "procedure.dispersal").len(), 1);
        // With no order to disperse there is nothing to judge.
        let quiet = status(assembly().at(100.0), "rally", false)
            .end(EndReason::TimeLimit)
            .build();
        assert!(hits(&quiet, "procedure.dispersal").is_empty());
    }
}
