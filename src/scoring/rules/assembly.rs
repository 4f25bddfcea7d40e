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
