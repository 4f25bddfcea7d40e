//! Outcome rules: how the people on the scene ended up, and whether the
//! objectives were met. Injuries cost a share of the rule's weight by how bad
//! they are (see [`harm`]).

use super::{CREDIT, Draft, Scope};
use crate::domain::*;
use crate::events::{EndReason, EventKind, TRAINEE};
use crate::i18n::Msg;
use crate::scoring::facts::*;
use crate::scoring::text::{self, msg};
use std::collections::{BTreeMap, BTreeSet};

/// Share of an injury rule's weight each condition costs.
pub(crate) fn harm(h: Health) -> f32 {
    match h {
        Health::Unhurt => 0.0,
        Health::Minor => 0.25,
        Health::Serious => 0.6,
        Health::Dead => 1.0,
    }
}

/// All outcome rules.
pub(crate) fn check(s: &Scope) -> Vec<Draft> {
    let mut out = Vec::new();
    out.extend(custody(s));
    out.extend(officer_injury(s));
    out.extend(third_party_injury(s));
    out.extend(objectives(s));
    out
}

/// The worst condition each person reached, and when.
fn worst_injuries(s: &Scope) -> BTreeMap<String, (f32, Health, Option<String>)> {
    let mut m: BTreeMap<String, (f32, Health, Option<String>)> = BTreeMap::new();
    for e in s.facts.events {
        if let EventKind::Injured {
            who, health, by, ..
        } = &e.kind
        {
            let cur = m
                .entry(who.clone())
                .or_insert((e.t(), Health::Unhurt, None));
            if *health > cur.1 {
                *cur = (e.t(), *health, by.clone());
            }
        }
    }
    m
}

/// When the trainee first radioed a subject's flight (`broadcast_escape`)
/// after it began, if they did. Logs from before flights were logged have
/// no `Flight` event and so no broadcast.
pub(crate) fn escape_broadcast(s: &Scope, id: &str) -> Option<f32> {
    let fled = s.facts.events.iter().find_map(|e| match &e.kind {
        EventKind::Flight { subject, .. } if subject == id => Some(e.t()),
        _ => None,
    })?;
    s.facts.events.iter().find_map(|e| match &e.kind {
        EventKind::Action { by, action }
            if by == TRAINEE
                && action.act == Act::Radio(RadioCall::BroadcastEscape)
                && e.t() >= fled =>
        {
            Some(e.t())
        }
        _ => None,
    })
}

/// The custody breach for a subject who escaped at `t`: the whole weight, or
/// the policy's `escape.broadcast_share` of it with the broadcast credited:
/// the subject is still not in custody (the objective fails), but other
/// units could take up the search.
fn escaped_draft(s: &Scope, id: &str, t: f32, w: &crate::i18n::Arg) -> Draft {
    match escape_broadcast(s, id) {
        Some(at) => Draft::breach(
            t,
            RuleId::OutcomeCustody,
            Some(id),
            msg(
                "finding-outcome-custody-escaped-broadcast",
                &[("t", clock(t)), ("who", w.clone()), ("at", clock(at))],
            ),
        )
        .times(-s.policy.escape.broadcast_share),
        None => Draft::breach(
            t,
            RuleId::OutcomeCustody,
            Some(id),
            msg(
                "finding-outcome-custody-escaped",
                &[("t", clock(t)), ("who", w.clone())],
            ),
        ),
    }
}

/// `outcome.custody`: how each subject ended. Killed: the whole weight;
/// escaped (and not caught again): the whole weight, the policy's share of
/// it when the escape was broadcast; injured: a share by
/// [`harm`]; handcuffed and unhurt: credit (half the weight).
pub(crate) fn custody(s: &Scope) -> Vec<Draft> {
    let hurt = worst_injuries(s);
    let mut cuffed: BTreeMap<String, f32> = BTreeMap::new();
    let mut escaped: BTreeMap<String, f32> = BTreeMap::new();
    for e in s.facts.events {
        match &e.kind {
            EventKind::Restrained { subject, .. } | EventKind::Arrested { subject, .. } => {
                cuffed.entry(subject.clone()).or_insert(e.t());
                escaped.remove(subject);
            }
            EventKind::Escaped { subject } => {
                escaped.insert(subject.clone(), e.t());
                cuffed.remove(subject);
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for id in &s.facts.subjects {
        let w = who(id);
        let (t_hurt, h, _) = hurt
            .get(id)
            .cloned()
            .unwrap_or((s.facts.end_t, Health::Unhurt, None));
        if let Some(&t) = escaped.get(id) {
            out.push(escaped_draft(s, id, t, &w));
        }
        if h > Health::Unhurt {
            let custody = if cuffed.contains_key(id) { "yes" } else { "no" };
            out.push(
                Draft::breach(
                    t_hurt,
                    RuleId::OutcomeCustody,
                    Some(id),
                    msg(
                        "finding-outcome-custody-hurt",
                        &[
                            ("who", w.clone()),
                            ("custody", custody.into()),
                            ("health", text::health(h)),
                        ],
                    ),
                )
                .times(-harm(h)),
            );
        } else if let Some(&t) = cuffed.get(id) {
            out.push(Draft::credit(
                t,
                RuleId::OutcomeCustody,
                Some(id),
                CREDIT,
                msg(
                    "finding-outcome-custody-unhurt",
                    &[("t", clock(t)), ("who", w.clone())],
                ),
            ));
        }
    }
    out
}

/// `outcome.officer_injury`: the trainee, a partner or backup hurt; a share of
/// the weight by [`harm`], once per officer.
pub(crate) fn officer_injury(s: &Scope) -> Vec<Draft> {
    worst_injuries(s)
        .into_iter()
        .filter(|(id, (_, h, _))| s.facts.officers.contains(id) && *h > Health::Unhurt)
        .map(|(id, (t, h, _))| {
            let txt = if id == TRAINEE {
                msg(
                    "finding-outcome-officer_injury-self",
                    &[("t", clock(t)), ("health", text::health(h))],
                )
            } else {
                msg(
                    "finding-outcome-officer_injury",
                    &[
                        ("t", clock(t)),
                        ("who", who(&id)),
                        ("health", text::health(h)),
                    ],
                )
            };
            Draft::breach(t, RuleId::OutcomeOfficerInjury, Some(&id), txt).times(-harm(h))
        })
        .collect()
}

/// `outcome.third_party_injury`: a bystander or anyone else who is neither an
/// officer nor a subject hurt; a share of the weight by [`harm`], once per
/// person. Says when the trainee caused it.
pub(crate) fn third_party_injury(s: &Scope) -> Vec<Draft> {
    worst_injuries(s)
        .into_iter()
        .filter(|(id, (_, h, _))| s.facts.is_third_party(id) && *h > Health::Unhurt)
        .map(|(id, (t, h, by))| {
            let tpl = if by.as_deref() == Some(TRAINEE) {
                "finding-outcome-third_party_injury-by_you"
            } else {
                "finding-outcome-third_party_injury"
            };
            Draft::breach(
                t,
                RuleId::OutcomeThirdPartyInjury,
                Some(&id),
                msg(
                    tpl,
                    &[
                        ("t", clock(t)),
                        ("who", who(&id)),
                        ("health", text::health(h)),
                    ],
                ),
            )
            .times(-harm(h))
        })
        .collect()
}

/// `outcome.objectives`: every required objective met earns credit (half the
/// weight); otherwise the weight times the share of required objectives
/// missed (the whole weight when the log does not list them and the session
/// ended for another reason). Judged at the end of the log; nothing while a
/// session is still running.
pub(crate) fn objectives(s: &Scope) -> Vec<Draft> {
    let Some(reason) = s.facts.end_reason else {
        return Vec::new();
    };
    // Nothing was required: nothing to meet, nothing missed.
    if s.facts.objectives.is_empty() && !s.facts.optional.is_empty() {
        return Vec::new();
    }
    let t = s.facts.end_t;
    let met: BTreeSet<&String> = s
        .facts
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::ObjectiveMet { id } => Some(id),
            _ => None,
        })
        .collect();
    let missed: Vec<String> = s
        .facts
        .objectives
        .iter()
        .filter(|o| !met.contains(o))
        .cloned()
        .collect();
    let all_met = if s.facts.objectives.is_empty() {
        reason == EndReason::ObjectivesMet
    } else {
        missed.is_empty()
    };
    if all_met {
        return vec![Draft::credit(
            t,
            RuleId::OutcomeObjectives,
            None,
            CREDIT,
            Msg::new("finding-outcome-objectives-met"),
        )];
    }
    let reason = text::end_reason(reason);
    let (factor, m) = if s.facts.objectives.is_empty() {
        (
            1.0,
            msg("finding-outcome-objectives", &[("reason", reason)]),
        )
    } else {
        (
            missed.len() as f32 / s.facts.objectives.len() as f32,
            msg(
                "finding-outcome-objectives-missed",
                &[("reason", reason), ("list", who_list(&missed))],
            ),
        )
    };
    let mut d = Draft::breach(t, RuleId::OutcomeObjectives, None, m).times(-factor);
    for id in cuffed_not_searched(s) {
        d = d.note(msg(
            "finding-outcome-objectives-not_searched",
            &[("who", who(&id))],
        ));
    }
    vec![d]
}

/// Subjects handcuffed by the end and never searched (by anyone), in log
/// order: custody means both, so the finding says what was missing.
fn cuffed_not_searched(s: &Scope) -> Vec<String> {
    let mut cuffed: Vec<String> = Vec::new();
    let mut searched = BTreeSet::new();
    for e in s.facts.events {
        match &e.kind {
            EventKind::Restrained { subject, .. } if !cuffed.contains(subject) => {
                cuffed.push(subject.clone())
            }
            EventKind::Searched { subject, .. } => {
                searched.insert(subject.clone());
            }
            EventKind::Escaped { subject } => cuffed.retain(|c| c != subject),
            _ => {}
        }
    }
    cuffed.retain(|c| !searched.contains(c));
    cuffed
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;
    use crate::domain::*;
    use crate::domain::{Risk, ScenarioKind};
    use crate::events::*;
    use crate::scoring::testkit::LogBuilder;

    fn hurt(who: &str, by: Option<&str>, h: Health) -> EventKind {
        EventKind::Injured {
            who: who.into(),
            by: by.map(str::to_string),
            cause: InjuryCause::Blows,
            health: h,
        }
    }

    #[test]
    fn custody_escaped_injured_killed_or_unhurt() {
        let escaped = LogBuilder::new()
            .subject("s", |_| {})
            .at(30.0)
            .event(EventKind::Escaped {
                subject: "s".into(),
            })
            .build();
        let f = hits(&escaped, "outcome.custody");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].points, -10.0);
        assert!(f[0].text.contains("escaped"));
        let cuffed = LogBuilder::new()
            .subject("s", |_| {})
            .at(30.0)
            .event(EventKind::Restrained {
                subject: "s".into(),
                by: TRAINEE.into(),
            })
            .build();
        let f = hits(&cuffed, "outcome.custody");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].points, 5.0);
        let hurt_log = LogBuilder::new()
            .subject("s", |_| {})
            .at(20.0)
            .event(hurt("s", Some(TRAINEE), Health::Serious))
            .event(EventKind::Restrained {
                subject: "s".into(),
                by: TRAINEE.into(),
            })
            .build();
        let f = hits(&hurt_log, "outcome.custody");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].points, -6.0);
        assert!(f[0].text.contains("in custody"));
    }

    #[test]
    fn a_broadcast_escape_is_credited_but_still_a_custody_breach() {
        let flight = EventKind::Flight {
            subject: "s".into(),
            toward: Some("alley".into()),
            bearing: 80.0,
        };
        let broadcast = EventKind::Action {
            by: TRAINEE.into(),
            action: OfficerAction::new(Act::Radio(RadioCall::BroadcastEscape)),
        };
        let escaped = EventKind::Escaped {
            subject: "s".into(),
        };
        let radioed = LogBuilder::new()
            .subject("s", |_| {})
            .at(20.0)
            .event(flight.clone())
            .at(23.0)
            .event(broadcast.clone())
            .at(26.0)
            .event(escaped.clone())
            .build();
        let f = hits(&radioed, "outcome.custody");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].points, -5.0);
        assert!(f[0].text.contains("radioed"), "{}", f[0].text);
        // A broadcast before anyone ran is no credit.
        let early = LogBuilder::new()
            .subject("s", |_| {})
            .at(10.0)
            .event(broadcast)
            .at(20.0)
            .event(flight)
            .at(26.0)
            .event(escaped)
            .build();
        let f = hits(&early, "outcome.custody");
        assert_eq!(f[0].points, -10.0);
        // The policy says how much a broadcast answers: none, or all of it.
        for (share, points) in [(1.0, -10.0), (0.0, 0.0)] {
            let mut p = crate::scoring::testkit::full_policy();
            p.escape.broadcast_share = share;
            let card = crate::scoring::score(&radioed, &p);
            let f: Vec<_> = card
                .findings
                .iter()
                .filter(|f| f.rule == "outcome.custody")
                .collect();
            assert_eq!(f.len(), 1);
            assert_eq!(f[0].points, points, "share {share}");
        }
    }

    #[test]
    fn officer_injury() {
        let log = LogBuilder::new()
            .at(12.0)
            .event(hurt(TRAINEE, Some("s"), Health::Minor))
            .build();
        let f = hits(&log, "outcome.officer_injury");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].points, -2.5);
        assert!(
            f[0].text
                .starts_with("At 0:12 you were hurt: minor injuries.")
        );
        let fine = LogBuilder::new().at(12.0).end(EndReason::Stopped).build();
        assert!(hits(&fine, "outcome.officer_injury").is_empty());
    }

    #[test]
    fn third_party_injury() {
        let log = LogBuilder::new()
            .subject("s", |_| {})
            .at(12.0)
            .event(hurt("passerby", Some(TRAINEE), Health::Serious))
            .event(hurt("s", Some(TRAINEE), Health::Serious))
            .build();
        let f = hits(&log, "outcome.third_party_injury");
        assert_eq!(f.len(), 1, "the subject is not a third party");
        assert_eq!(f[0].subject.as_deref(), Some("passerby"));
        assert!(f[0].text.contains("you hurt a bystander"));
    }

    #[test]
    fn objectives_met_or_missed() {
        let brief = || {
            LogBuilder::new().briefed(
                ScenarioKind::ArrestSearch,
                Risk::Medium,
                &["custody", "sealed"],
            )
        };
        let half = brief()
            .at(50.0)
            .event(EventKind::ObjectiveMet {
                id: "custody".into(),
            })
            .at(300.0)
            .end(EndReason::TimeLimit)
            .build();
        let f = hits(&half, "outcome.objectives");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].points, -5.0);
        assert!(f[0].text.contains("not met: «sealed»"));
        let all = brief()
            .at(50.0)
            .event(EventKind::ObjectiveMet {
                id: "custody".into(),
            })
            .event(EventKind::ObjectiveMet {
                id: "sealed".into(),
            })
            .end(EndReason::ObjectivesMet)
            .build();
        let f = hits(&all, "outcome.objectives");
        assert_eq!(f.len(), 1);
        assert!(f[0].points > 0.0);
        let running = brief().at(50.0).build();
        assert!(hits(&running, "outcome.objectives").is_empty());
    }

    #[test]
    fn objectives_all_optional_give_no_finding() {
        let log = LogBuilder::new()
            .briefed(ScenarioKind::FieldInterview, Risk::Low, &[])
            .optional(&["talk"])
            .at(60.0)
            .end(EndReason::TimeLimit)
            .build();
        assert!(hits(&log, "outcome.objectives").is_empty());
        // A log that lists no objectives at all still counts the end reason.
        let bare = LogBuilder::new().at(60.0).end(EndReason::TimeLimit).build();
        assert_eq!(hits(&bare, "outcome.objectives").len(), 1);
    }

    #[test]
    fn objectives_missed_say_who_was_cuffed_but_not_searched() {
        let log = LogBuilder::new()
            .briefed(ScenarioKind::ArmedVehicle, Risk::High, &["arrest"])
            .at(40.0)
            .event(EventKind::Restrained {
                subject: "driver".into(),
                by: TRAINEE.into(),
            })
            .at(300.0)
            .end(EndReason::TimeLimit)
            .build();
        let f = hits(&log, "outcome.objectives");
        assert_eq!(f.len(), 1);
        assert!(
            f[0].text.contains("handcuffed but never searched"),
            "{}",
            f[0].text
        );
    }
}
