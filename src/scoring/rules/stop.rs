//! Procedural justice in a routine traffic stop: the driver told why they
//! were stopped before anything is asked of them, greeted, told the decision
//! and released. Drivers who are treated this way accept the outcome and
//! trust the police more (Tyler, *Why People Obey the Law*, 1990; the
//! Queensland Community Engagement Trial, Mazerolle et al. 2012). The rules
//! read only the trainee's actions and what they could perceive.

use super::{CREDIT, Draft, Scope};
use crate::domain::*;
use crate::domain::{Risk, ScenarioKind};
use crate::events::Event;
use crate::scoring::facts::*;
use crate::scoring::text::msg;
use std::collections::BTreeSet;

/// All traffic-stop rules.
pub(crate) fn check(s: &Scope) -> Vec<Draft> {
    let mut out = Vec::new();
    out.extend(stop_reason(s));
    out.extend(courtesy(s));
    out
}

/// A step of the stop that asks something of the driver or closes the stop.
fn demands(p: Procedure) -> bool {
    matches!(
        p,
        Procedure::AskDocuments
            | Procedure::GiveWarning
            | Procedure::IssueCitation
            | Procedure::Release
    )
}

/// The trainee's traffic-stop steps, in order: (event, step, driver).
fn steps<'a>(s: &Scope<'a>) -> Vec<(&'a Event, Procedure, String)> {
    s.facts
        .trainee_actions()
        .filter_map(|(e, a)| match a.act {
            Act::Do(p) if p.is_stop_step() => action_subject(e, a).map(|who| (e, p, who)),
            _ => None,
        })
        .collect()
}

/// A routine stop whose driver never resisted as far as the trainee could see.
fn routine(s: &Scope) -> bool {
    s.facts.kind == Some(ScenarioKind::TrafficStop)
        && s.facts.risk == Some(Risk::Low)
        && !s.facts.events.iter().any(|e| {
            e.ctx.as_ref().is_some_and(|c| {
                c.max_perceived >= ResistanceLevel::Active
                    || c.subject
                        .as_ref()
                        .is_some_and(|v| v.weapon_visible.is_some())
            })
        })
}

/// `procedure.stop_reason`: the duty to state the reason for a stop. A
/// breach when the trainee asks a driver for papers, gives the decision or
/// releases them before telling them why they were stopped (once per
/// driver); credit when the reason came first. A routine stop that ends
/// with no reason ever given is a breach too.
pub(crate) fn stop_reason(s: &Scope) -> Vec<Draft> {
    let mut told = BTreeSet::new();
    let mut judged = BTreeSet::new();
    let mut out = Vec::new();
    for (e, p, who) in steps(s) {
        if p == Procedure::ExplainReason {
            told.insert(who);
            continue;
        }
        if !demands(p) || !judged.insert(who.clone()) {
            continue;
        }
        let args = [("t", clock(e.t())), ("who", self::who(&who))];
        out.push(if told.contains(&who) {
            Draft::credit(
                e.t(),
                RuleId::ProcedureStopReason,
                Some(&who),
                CREDIT,
                msg("finding-procedure-stop_reason-credit", &args),
            )
        } else {
            Draft::breach(
                e.t(),
                RuleId::ProcedureStopReason,
                Some(&who),
                msg("finding-procedure-stop_reason", &args),
            )
        });
    }
    if judged.is_empty() && told.is_empty() && s.facts.end_reason.is_some() && routine(s) {
        let driver = s.facts.subjects.iter().next().cloned();
        let name = self::who(driver.as_deref().unwrap_or("driver"));
        out.push(Draft::breach(
            s.facts.end_t,
            RuleId::ProcedureStopReason,
            driver.as_deref(),
            msg("finding-procedure-stop_reason-never", &[("who", name)]),
        ));
    }
    out
}

/// `procedure.courtesy`: respectful talk in a stop. A breach when the
/// trainee asks for papers before greeting the driver and saying who they
/// are, or releases the driver without telling them the decision (a warning
/// or a citation); each once per driver. Credit for a stop closed with the
/// greeting, the reason and the decision all given.
pub(crate) fn courtesy(s: &Scope) -> Vec<Draft> {
    let mut out = Vec::new();
    let mut greeted_late = BTreeSet::new();
    let mut decided = BTreeSet::new();
    let mut told = BTreeSet::new();
    let mut closed = BTreeSet::new();
    for (e, p, who) in steps(s) {
        let identified = e.ctx.as_ref().is_some_and(|c| c.officer.identified);
        let args = [("t", clock(e.t())), ("who", self::who(&who))];
        match p {
            Procedure::ExplainReason => {
                told.insert(who);
            }
            Procedure::AskDocuments if !identified && greeted_late.insert(who.clone()) => {
                out.push(Draft::breach(
                    e.t(),
                    RuleId::ProcedureCourtesy,
                    Some(&who),
                    msg("finding-procedure-courtesy-greeting", &args),
                ));
            }
            Procedure::GiveWarning | Procedure::IssueCitation => {
                decided.insert(who);
            }
            Procedure::Release if closed.insert(who.clone()) => {
                if !decided.contains(&who) {
                    out.push(Draft::breach(
                        e.t(),
                        RuleId::ProcedureCourtesy,
                        Some(&who),
                        msg("finding-procedure-courtesy-decision", &args),
                    ));
                } else if identified && told.contains(&who) && !greeted_late.contains(&who) {
                    out.push(Draft::credit(
                        e.t(),
                        RuleId::ProcedureCourtesy,
                        Some(&who),
                        CREDIT,
                        msg("finding-procedure-courtesy-credit", &args[1..]),
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::domain::*;
    use crate::domain::{Risk, ScenarioKind};
    use crate::events::EndReason;
    use crate::scoring::rules::testing::hits;
    use crate::scoring::testkit::LogBuilder;

    fn stop() -> LogBuilder {
        LogBuilder::new()
            .briefed(ScenarioKind::TrafficStop, Risk::Low, &["closed"])
            .subject("driver", |v| v.in_vehicle = true)
    }

    fn the_stop_by_the_book() -> LogBuilder {
        stop()
            .at(5.0)
            .act_untargeted(Act::Identify)
            .officer(|o| o.identified = true)
            .at(7.0)
            .act(Act::Do(Procedure::ExplainReason))
            .at(10.0)
            .act(Act::Do(Procedure::AskDocuments))
            .at(20.0)
            .act(Act::Do(Procedure::GiveWarning))
            .at(25.0)
            .act(Act::Do(Procedure::Release))
            .end(EndReason::ObjectivesMet)
    }

    #[test]
    fn the_reason_before_the_papers_earns_credit_and_a_courteous_close_too() {
        let log = the_stop_by_the_book().build();
        let reason = hits(&log, "procedure.stop_reason");
        assert_eq!(reason.len(), 1, "{reason:?}");
        assert!(reason[0].points > 0.0);
        assert!((reason[0].t - 10.0).abs() < 0.1);
        assert!(reason[0].text.contains("told"), "{}", reason[0].text);
        let courtesy = hits(&log, "procedure.courtesy");
        assert_eq!(courtesy.len(), 1, "{courtesy:?}");
        assert!(courtesy[0].points > 0.0);
    }

    #[test]
    fn papers_asked_before_the_reason_is_a_breach_once() {
        let log = stop()
            .at(3.0)
            .act_untargeted(Act::Identify)
            .officer(|o| o.identified = true)
            .at(5.0)
            .act(Act::Do(Procedure::AskDocuments))
            .at(8.0)
            .act(Act::Do(Procedure::AskDocuments))
            .at(9.0)
            .act(Act::Do(Procedure::ExplainReason))
            .at(12.0)
            .act(Act::Do(Procedure::IssueCitation))
            .at(15.0)
            .act(Act::Do(Procedure::Release))
            .end(EndReason::ObjectivesMet)
            .build();
        let reason = hits(&log, "procedure.stop_reason");
        assert_eq!(reason.len(), 1, "{reason:?}");
        assert!(reason[0].points < 0.0);
        assert!((reason[0].t - 5.0).abs() < 0.1);
        assert_eq!(reason[0].subject.as_deref(), Some("driver"));
    }

    #[test]
    fn a_routine_stop_ended_with_no_reason_given_is_a_breach() {
        let log = stop()
            .at(5.0)
            .act_untargeted(Act::Identify)
            .at(300.0)
            .end(EndReason::TimeLimit)
            .build();
        let reason = hits(&log, "procedure.stop_reason");
        assert_eq!(reason.len(), 1, "{reason:?}");
        assert!(reason[0].points < 0.0);
        assert!(reason[0].text.contains("without"), "{}", reason[0].text);
        // A driver who fought back: no reason owed while it lasted.
        let fight = stop()
            .at(5.0)
            .perceive(ResistanceLevel::Assaultive)
            .act(Act::Force(ForceOption::Takedown))
            .at(300.0)
            .end(EndReason::TimeLimit)
            .build();
        assert!(hits(&fight, "procedure.stop_reason").is_empty());
        // Nor in a felony stop.
        let felony = LogBuilder::new()
            .briefed(ScenarioKind::TrafficStop, Risk::High, &["custody"])
            .at(300.0)
            .end(EndReason::TimeLimit)
            .build();
        assert!(hits(&felony, "procedure.stop_reason").is_empty());
    }

    #[test]
    fn papers_before_the_greeting_and_a_release_with_no_decision_are_breaches() {
        let log = stop()
            .at(5.0)
            .act(Act::Do(Procedure::ExplainReason))
            .at(6.0)
            .act(Act::Do(Procedure::AskDocuments))
            .at(20.0)
            .act(Act::Do(Procedure::Release))
            .end(EndReason::ObjectivesMet)
            .build();
        let c = hits(&log, "procedure.courtesy");
        assert_eq!(c.len(), 2, "{c:?}");
        assert!(c.iter().all(|h| h.points < 0.0));
        assert!(c[0].text.contains("greeting"), "{}", c[0].text);
        assert!(c[1].text.contains("decision"), "{}", c[1].text);
    }
}
