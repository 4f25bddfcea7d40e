//! Building-search rules: search as a pair, leave no unsearched room behind,
//! cuff only with someone covering. They read the exposure changes the
//! simulation logs in a building search (`Exposure::PartnerAway`,
//! `RoomBehind`, `CuffedUncovered`) as episodes, at most one finding per
//! episode; short episodes (a partner a step behind at a corner, a glance
//! into the next room) are forgiven. Also the barricade rule of an armed
//! subject in a building: no door opened on him before backup is there, and
//! a negotiator called before it is over.

use super::safety::episodes;
use super::{Draft, Scope};
use crate::domain::*;
use crate::events::{EventKind, Exposure};
use crate::i18n::decimal;
use crate::scoring::facts::*;
use crate::scoring::text::msg;
use std::collections::BTreeSet;

/// Seconds out of the partner's reach before searching alone counts.
pub(crate) const ALONE_S: f32 = 3.0;

/// Seconds with an unsearched room behind before it counts.
pub(crate) const ROOM_BEHIND_S: f32 = 2.0;

/// All building-search rules.
pub(crate) fn check(s: &Scope) -> Vec<Draft> {
    let mut out = Vec::new();
    out.extend(search_alone(s));
    out.extend(unsearched_room(s));
    out.extend(cuff_cover(s));
    out.extend(barricade_entry(s));
    out.extend(negotiator(s));
    out
}

/// Seconds from the start in which a barricade that ends (or a session that
/// is stopped) is no finding for `procedure.negotiator`: the call is the
/// trainee's first act on the landing, but they need a moment to make it.
pub(crate) const NEGOTIATOR_S: f32 = 10.0;

/// How a barricade was over, for `procedure.negotiator`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Over {
    /// He gave up, came out (shooting, or to the call-out) or ran; he was
    /// handcuffed, hurt or force was used: a negotiator comes too late.
    Resolved,
    /// The log ended with him still inside.
    Ended,
}

/// The moment a barricade stopped being one a negotiator could still help
/// with. The log has no "left the flat" event, so it reads what does end
/// the stand-off: the subject surrendering, coming out to attack, running
/// or obeying a call-out (he is out); handcuffs or an arrest (custody); any
/// officer's force other than pointing a firearm, or a shot (force used:
/// covering him from cover is containment, not resolution); a subject hurt
/// or incapacitated (shot); he escaped; else the end of the log. Seizing a
/// hostage or shooting from the door does not end it: that is the very
/// stand-off a negotiator is called for.
fn barricade_over(s: &Scope) -> (f32, Over) {
    let subject = |id: &String| s.facts.subjects.contains(id);
    let officer = |id: &String| s.facts.officers.contains(id);
    for e in s.facts.events {
        let over = match &e.kind {
            EventKind::SubjectActed {
                subject: who,
                action,
            } => {
                subject(who)
                    && matches!(
                        action,
                        SubjectAction::Surrender | SubjectAction::Attack | SubjectAction::Flee
                    )
            }
            EventKind::Complied { subject: who, .. }
            | EventKind::Restrained { subject: who, .. }
            | EventKind::Arrested { subject: who, .. }
            | EventKind::Escaped { subject: who } => subject(who),
            EventKind::Injured { who, .. } | EventKind::Incapacitated { who } => subject(who),
            EventKind::Action { by, action } => {
                officer(by) && matches!(action.act, Act::Force(o) if o != ForceOption::PointFirearm)
            }
            EventKind::ForceOutcome { option, .. } => *option != ForceOption::PointFirearm,
            EventKind::Shot { by, .. } => officer(by),
            _ => false,
        };
        if over {
            return (e.t(), Over::Resolved);
        }
    }
    (s.facts.end_t, Over::Ended)
}

/// `procedure.negotiator`: in a call dispatched as an armed subject
/// barricaded in a building (`armed_building`), the trainee did not ask for
/// a negotiator (`radio(request_specialist)`) before the barricade was over
/// (see [`barricade_over`]): never, or only after. Contain, call backup and a
/// negotiator, talk (IACP / NTOA barricade guidance). Once per session; none
/// when it was over within [`NEGOTIATOR_S`] of the start.
pub(crate) fn negotiator(s: &Scope) -> Vec<Draft> {
    if s.facts.kind != Some(ScenarioKind::ArmedBuilding) {
        return Vec::new();
    }
    let (at, how) = barricade_over(s);
    let asked = s
        .facts
        .trainee_actions()
        .find(|(_, a)| a.act == Act::Radio(RadioCall::RequestSpecialist))
        .map(|(e, _)| e.t());
    if asked.is_some_and(|t| t <= at) || at < NEGOTIATOR_S {
        return Vec::new();
    }
    let m = match (asked, how) {
        (Some(t), _) => msg(
            "finding-procedure-negotiator-late",
            &[("t", clock(t)), ("at", clock(at))],
        ),
        (None, Over::Resolved) => msg("finding-procedure-negotiator", &[("t", clock(at))]),
        (None, Over::Ended) => msg("finding-procedure-negotiator-never", &[("t", clock(at))]),
    };
    vec![Draft::breach(at, RuleId::ProcedureNegotiator, None, m)]
}

/// `safety.barricade_entry`: in a call dispatched as an armed subject in a
/// building (`armed_building`), the trainee opened a door before backup had
/// arrived, or with no other officer within 15 m. A barricaded armed person
/// is contained from cover and talked out; a door is not opened on him by one
/// or two officers (the fatal funnel with a gun behind it). Scenarios leave
/// the doors on the way to the containment post open. One finding per door.
pub(crate) fn barricade_entry(s: &Scope) -> Vec<Draft> {
    if s.facts.kind != Some(ScenarioKind::ArmedBuilding) {
        return Vec::new();
    }
    let mut backup = false;
    let mut doors = BTreeSet::new();
    let mut out = Vec::new();
    for e in s.facts.events {
        match &e.kind {
            EventKind::BackupArrived { .. } => backup = true,
            EventKind::Action { by, action }
                if by == crate::events::TRAINEE && action.act == Act::Do(Procedure::OpenDoor) =>
            {
                let alone = e.ctx.as_ref().is_some_and(|c| c.officers_present < 2);
                let door = action.target.clone().unwrap_or_default();
                if (!backup || alone) && doors.insert(door.clone()) {
                    let id = if backup {
                        "finding-safety-barricade_entry-alone"
                    } else {
                        "finding-safety-barricade_entry"
                    };
                    out.push(Draft::breach(
                        e.t(),
                        RuleId::SafetyBarricadeEntry,
                        None,
                        msg(id, &[("t", clock(e.t())), ("door", door.into())]),
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

/// `safety.search_alone`: inside the building with the partner out of reach
/// (farther than the simulation's pair reach, or out of sight) for
/// [`ALONE_S`] or more. One finding per episode.
pub(crate) fn search_alone(s: &Scope) -> Vec<Draft> {
    episodes(
        s,
        |x| match x {
            Exposure::PartnerAway(k) => Some(k),
            _ => None,
        },
        |x| match x {
            Exposure::PartnerBack(k) => Some(k),
            _ => None,
        },
    )
    .into_iter()
    .filter(|ep| ep.len() >= ALONE_S)
    .map(|ep| {
        Draft::breach(
            ep.start.t(),
            RuleId::SafetySearchAlone,
            None,
            msg(
                "finding-safety-search_alone",
                &[("t", clock(ep.start.t())), ("d", decimal(ep.len()))],
            ),
        )
    })
    .collect()
}

/// `safety.unsearched_room`: the trainee moved on into another room and
/// left a room unsearched behind (the one they came from, or one whose open
/// doorway they passed) for [`ROOM_BEHIND_S`] or more. One finding per
/// episode.
pub(crate) fn unsearched_room(s: &Scope) -> Vec<Draft> {
    episodes(
        s,
        |x| match x {
            Exposure::RoomBehind(k) => Some(k),
            _ => None,
        },
        |x| match x {
            Exposure::RoomBehindEnded(k) => Some(k),
            _ => None,
        },
    )
    .into_iter()
    .filter(|ep| ep.len() >= ROOM_BEHIND_S)
    .map(|ep| {
        Draft::breach(
            ep.start.t(),
            RuleId::SafetyUnsearchedRoom,
            None,
            msg(
                "finding-safety-unsearched_room",
                &[
                    ("t", clock(ep.start.t())),
                    ("room", who(&ep.key)),
                    ("d", decimal(ep.len())),
                ],
            ),
        )
    })
    .collect()
}

/// `safety.cuff_cover`: the trainee handcuffed an unrestrained subject with
/// no other officer near the subject and in sight of them, though one was
/// on scene. Once per subject.
pub(crate) fn cuff_cover(s: &Scope) -> Vec<Draft> {
    let mut seen = BTreeSet::new();
    s.facts
        .events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Exposure(Exposure::CuffedUncovered(k)) if seen.insert(k.clone()) => {
                Some(Draft::breach(
                    e.t(),
                    RuleId::SafetyCuffCover,
                    Some(k),
                    msg(
                        "finding-safety-cuff_cover",
                        &[("t", clock(e.t())), ("who", who(k))],
                    ),
                ))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::domain::{Risk, ScenarioKind};
    use crate::events::{EndReason, Exposure};
    use crate::scoring::rules::testing::hits;
    use crate::scoring::testkit::LogBuilder;

    fn search() -> LogBuilder {
        LogBuilder::new().briefed(ScenarioKind::BuildingSearch, Risk::Medium, &["cleared"])
    }

    /// A call dispatched as an armed man barricaded in a flat.
    fn barricade() -> LogBuilder {
        LogBuilder::new().briefed(ScenarioKind::ArmedBuilding, Risk::High, &["arrest"])
    }

    #[test]
    fn searching_alone_counts_once_per_episode_and_a_short_gap_is_forgiven() {
        let log = search()
            .at(10.0)
            .expose(Exposure::PartnerAway("partner".into()))
            .at(11.5)
            .expose(Exposure::PartnerBack("partner".into()))
            .at(20.0)
            .expose(Exposure::PartnerAway("partner".into()))
            .at(30.0)
            .expose(Exposure::PartnerBack("partner".into()))
            .at(40.0)
            .expose(Exposure::PartnerAway("partner".into()))
            .at(50.0)
            .end(EndReason::TimeLimit)
            .build();
        let h = hits(&log, "safety.search_alone");
        assert_eq!(h.len(), 2, "{h:?}");
        assert!((h[0].t - 20.0).abs() < 0.1 && (h[1].t - 40.0).abs() < 0.1);
        assert!(h.iter().all(|f| f.points < 0.0));
        assert!(h[0].text.contains("10.0 s"), "{}", h[0].text);
    }

    #[test]
    fn a_room_left_behind_counts_and_a_glance_does_not() {
        let log = search()
            .at(10.0)
            .expose(Exposure::RoomBehind("storeroom".into()))
            .at(11.0)
            .expose(Exposure::RoomBehindEnded("storeroom".into()))
            .at(30.0)
            .expose(Exposure::RoomBehind("toilet".into()))
            .at(45.0)
            .expose(Exposure::RoomBehindEnded("toilet".into()))
            .end(EndReason::ObjectivesMet)
            .build();
        let h = hits(&log, "safety.unsearched_room");
        assert_eq!(h.len(), 1, "{h:?}");
        assert!((h[0].t - 30.0).abs() < 0.1);
        assert!(h[0].text.contains("toilet"), "{}", h[0].text);
    }

    #[test]
    fn cuffing_uncovered_counts_once_per_subject() {
        let log = search()
            .at(60.0)
            .expose(Exposure::CuffedUncovered("burglar".into()))
            .at(61.0)
            .expose(Exposure::CuffedUncovered("burglar".into()))
            .end(EndReason::ObjectivesMet)
            .build();
        let h = hits(&log, "safety.cuff_cover");
        assert_eq!(h.len(), 1, "{h:?}");
        assert_eq!(h[0].subject.as_deref(), Some("burglar"));
        // Nothing logged, nothing found.
        let clean = search().at(60.0).end(EndReason::ObjectivesMet).build();
        assert!(hits(&clean, "safety.cuff_cover").is_empty());
        assert!(hits(&clean, "safety.search_alone").is_empty());
        assert!(hits(&clean, "safety.unsearched_room").is_empty());
    }

    #[test]
    fn opening_a_door_on_a_barricade_before_backup_or_alone_is_a_breach_once_per_door() {
        use crate::domain::{Act, Procedure};
        use crate::events::EventKind;
        let early = barricade()
            .officers_present(2)
            .focus(Some("flat_door"))
            .at(8.0)
            .act(Act::Do(Procedure::OpenDoor))
            .at(9.0)
            .act(Act::Do(Procedure::OpenDoor))
            .end(EndReason::TimeLimit)
            .build();
        let h = hits(&early, "safety.barricade_entry");
        assert_eq!(h.len(), 1, "{h:?}");
        assert!(
            h[0].text.contains("flat_door") && h[0].points < 0.0,
            "{}",
            h[0].text
        );
        let after_backup = |present: u32| {
            barricade()
                .at(40.0)
                .bare(EventKind::BackupArrived {
                    officers: vec!["backup_1".into()],
                })
                .officers_present(present)
                .focus(Some("flat_door"))
                .at(50.0)
                .act(Act::Do(Procedure::OpenDoor))
                .end(EndReason::TimeLimit)
                .build()
        };
        assert!(hits(&after_backup(3), "safety.barricade_entry").is_empty());
        let alone = hits(&after_backup(1), "safety.barricade_entry");
        assert_eq!(alone.len(), 1, "{alone:?}");
        assert!(alone[0].text.contains("15 m"), "{}", alone[0].text);
        // Not a barricade call: doors are opened in a building search.
        let search_log = search()
            .officers_present(1)
            .focus(Some("store_door"))
            .at(8.0)
            .act(Act::Do(Procedure::OpenDoor))
            .end(EndReason::TimeLimit)
            .build();
        assert!(hits(&search_log, "safety.barricade_entry").is_empty());
    }

    #[test]
    fn a_negotiator_is_asked_for_before_the_barricade_is_over() {
        use crate::domain::{Act, RadioCall, SubjectAction};
        use crate::events::EventKind;
        let gives_up = |b: LogBuilder| {
            b.at(80.0)
                .event(EventKind::SubjectActed {
                    subject: "man".into(),
                    action: SubjectAction::Surrender,
                })
                .at(120.0)
                .end(EndReason::ObjectivesMet)
                .build()
        };
        let early = barricade()
            .at(1.0)
            .act_untargeted(Act::Radio(RadioCall::RequestSpecialist));
        assert!(hits(&gives_up(early), "procedure.negotiator").is_empty());
        // Never asked: one finding, at the surrender.
        let never = hits(&gives_up(barricade()), "procedure.negotiator");
        assert_eq!(never.len(), 1, "{never:?}");
        assert!((never[0].t - 80.0).abs() < 0.1 && never[0].points < 0.0);
        assert!(never[0].text.contains("1:20"), "{}", never[0].text);
        // Asked only once he was out: too late.
        let late = barricade()
            .at(80.0)
            .event(EventKind::SubjectActed {
                subject: "man".into(),
                action: SubjectAction::Surrender,
            })
            .at(90.0)
            .act_untargeted(Act::Radio(RadioCall::RequestSpecialist))
            .at(120.0)
            .end(EndReason::ObjectivesMet)
            .build();
        let h = hits(&late, "procedure.negotiator");
        assert_eq!(h.len(), 1, "{h:?}");
        assert!(
            h[0].text.contains("1:30") && h[0].text.contains("1:20"),
            "{}",
            h[0].text
        );
        // Still barricaded when the session ended: never asked.
        let ended = barricade().at(300.0).end(EndReason::TimeLimit).build();
        let h = hits(&ended, "procedure.negotiator");
        assert_eq!(h.len(), 1, "{h:?}");
        assert!(h[0].text.contains("5:00"), "{}", h[0].text);
        // Stopped at once: no time to call.
        let stopped = barricade().at(4.0).end(EndReason::Stopped).build();
        assert!(hits(&stopped, "procedure.negotiator").is_empty());
        // Not a barricade call.
        assert!(
            hits(
                &search().at(300.0).end(EndReason::TimeLimit).build(),
                "procedure.negotiator"
            )
            .is_empty()
        );
    }

    #[test]
    fn force_or_handcuffs_end_a_barricade_and_pointing_a_firearm_does_not() {
        use crate::domain::{Act, ForceOption, RadioCall};
        use crate::events::EventKind;
        // Covering him from the column is containment: a call after it is in time.
        let covered = barricade()
            .subject("man", |_| {})
            .at(50.0)
            .act(Act::Force(ForceOption::PointFirearm))
            .at(60.0)
            .act_untargeted(Act::Radio(RadioCall::RequestSpecialist))
            .at(200.0)
            .end(EndReason::TimeLimit)
            .build();
        assert!(hits(&covered, "procedure.negotiator").is_empty());
        // A takedown ends it; the call after comes too late.
        let taken = barricade()
            .subject("man", |_| {})
            .at(50.0)
            .act(Act::Force(ForceOption::Takedown))
            .at(60.0)
            .act_untargeted(Act::Radio(RadioCall::RequestSpecialist))
            .at(200.0)
            .end(EndReason::TimeLimit)
            .build();
        let h = hits(&taken, "procedure.negotiator");
        assert_eq!(h.len(), 1, "{h:?}");
        assert!((h[0].t - 50.0).abs() < 0.1);
        // So do handcuffs.
        let cuffed = barricade()
            .at(40.0)
            .event(EventKind::Restrained {
                subject: "man".into(),
                by: crate::events::TRAINEE.into(),
            })
            .at(100.0)
            .end(EndReason::ObjectivesMet)
            .build();
        let h = hits(&cuffed, "procedure.negotiator");
        assert_eq!(h.len(), 1, "{h:?}");
        assert!((h[0].t - 40.0).abs() < 0.1);
    }
}
