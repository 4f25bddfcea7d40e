//! The steps of a routine traffic stop with a driver: the reason for the stop
//! told, the papers asked for (and run by radio, see `super::radio`), a
//! decision (a warning or a citation) given and explained, and the release
//! that closes the stop. Each is talk, so it needs speaking range and a
//! driver who is not actively resisting; each reaches the driver as
//! `Stim::Procedure`, so the scenario's behaviour gives their replies.

use super::{Refuse, distance, log_action, target_person};
use crate::domain::*;
use crate::events::Refusal;
use crate::scenario::schema::ItemKind;
use crate::sim::state::*;
use crate::sim::step::Step;

/// Speaking range for a stop's steps (a driver's open window), m.
pub(crate) const STOP_TALK: f32 = 4.0;

/// Checks and carries out one step of the stop.
pub(super) fn apply(
    step: &mut Step,
    o: usize,
    action: &OfficerAction,
    proc: Procedure,
) -> Result<(), Refuse> {
    let t = target_person(step, o, action.target.as_deref(), STOP_TALK)?;
    if step.state.people[t].subject().is_none() {
        return Err((Refusal::NoTarget, Some(t)));
    }
    let d = distance(step, o, t);
    if d > STOP_TALK {
        return Err((
            Refusal::TooFar {
                distance: d,
                needed: STOP_TALK,
            },
            Some(t),
        ));
    }
    let tick = step.tick();
    let p = &step.state.people[t];
    let s = p.subject().expect("subject");
    if s.level >= ResistanceLevel::Active && !s.restrained && p.active(tick) {
        return Err((Refusal::Resisting, Some(t)));
    }
    let stop = &s.stop;
    let done = match proc {
        Procedure::ExplainReason => stop.reason_told,
        Procedure::AskDocuments => stop.documents_handed,
        Procedure::GiveWarning | Procedure::IssueCitation => stop.decision.is_some(),
        _ => stop.released,
    };
    if done {
        return Err((Refusal::AlreadyDone, Some(t)));
    }
    if proc == Procedure::Release && s.restrained {
        return Err((Refusal::AlreadyRestrained, Some(t)));
    }
    // A compliant driver hands over the papers they carry; one who argues
    // does not (their line comes from the scenario's behaviour).
    let setup = step.setup;
    let has_papers = setup.scenario.subjects[s.spec]
        .carrying
        .iter()
        .any(|it| it.kind == ItemKind::Documents);
    let hands_over = s.level == ResistanceLevel::Compliant && has_papers;
    log_action(step, o, action, Some(t));
    let stop = &mut step.state.people[t].subject_mut().expect("subject").stop;
    match proc {
        Procedure::ExplainReason => stop.reason_told = true,
        Procedure::AskDocuments => stop.documents_handed = hands_over,
        Procedure::GiveWarning | Procedure::IssueCitation => stop.decision = Some(proc),
        _ => stop.released = true,
    }
    step.state.stimuli.push((t, Stim::Procedure(proc)));
    Ok(())
}

/// Drivers whose papers the trainee holds and dispatch has not run yet.
pub(crate) fn papers_to_check(state: &SimState) -> Vec<usize> {
    state
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.subject()
                .is_some_and(|s| s.stop.documents_handed && !s.stop.documents_checked)
        })
        .map(|(i, _)| i)
        .collect()
}
