//! The scenario's triggers and objectives, and the end of a run: all required
//! objectives met, the time limit, the trainee down, or every subject gone.

use super::geom::in_rect;
use super::journal::Journal;
use super::perception::Perception;
use super::rng::SimRng;
use super::state::*;
use super::step::Step;
use super::{SimEnd, SimSet, SimSetup, sim_running, subjects};
use crate::domain::*;
use crate::events::{EndReason, EventKind};
use crate::scenario::schema::{Effect, Goal, SubjectRole, TriggerCondition, Who};
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        FixedUpdate,
        (triggers, objectives_and_end)
            .chain()
            .in_set(SimSet::Perceive)
            .after(super::perception::perceive)
            .run_if(sim_running),
    );
}

fn holds(state: &SimState, setup: &SimSetup, c: &TriggerCondition) -> bool {
    let zone = |id: &str| setup.scenario.map.zones.iter().find(|z| z.id == id);
    match c {
        TriggerCondition::Time(t) => state.seconds() >= *t,
        TriggerCondition::ZoneEntered { who, zone: z } => {
            let Some(z) = zone(z) else { return false };
            let inside = |p: &Person| p.present && in_rect(p.pos, z.min, z.max);
            match who {
                Who::Trainee => inside(state.trainee()),
                Who::AnyOfficer => state.people.iter().any(|p| p.is_officer() && inside(p)),
                Who::Person(id) => state.find(id).is_some_and(|i| inside(&state.people[i])),
            }
        }
        TriggerCondition::SubjectLevel { subject, level } => state
            .find(subject)
            .and_then(|i| state.people[i].subject())
            .is_some_and(|s| s.level >= *level),
        TriggerCondition::SubjectActed { subject, action } => state
            .find(subject)
            .and_then(|i| state.people[i].subject())
            .is_some_and(|s| s.acted.contains(action)),
        TriggerCondition::ActionTaken { act } => state.acted.contains(act),
        TriggerCondition::Distance { to, below } => state.find(to).is_some_and(|i| {
            let p = &state.people[i];
            p.present && p.pos.distance(state.trainee().pos) < *below
        }),
        TriggerCondition::Fired(id) => setup
            .scenario
            .triggers
            .iter()
            .position(|t| &t.id == id)
            .is_some_and(|k| state.triggers[k].fired),
        TriggerCondition::All(cs) => cs.iter().all(|c| holds(state, setup, c)),
        TriggerCondition::Any(cs) => cs.iter().any(|c| holds(state, setup, c)),
    }
}

fn triggers(
    setup: Res<SimSetup>,
    mut state: ResMut<SimState>,
    mut rng: ResMut<SimRng>,
    mut journal: ResMut<Journal>,
    perc: Res<Perception>,
    nav: Res<SimNav>,
) {
    if setup.scenario.triggers.is_empty() {
        return;
    }
    let mut step = Step {
        setup: &setup,
        state: &mut state,
        rng: &mut rng,
        journal: &mut journal,
        perc: &perc,
        nav: &nav.0,
    };
    for (k, trig) in setup.scenario.triggers.iter().enumerate() {
        let rt = step.state.triggers[k];
        if rt.done {
            continue;
        }
        let now = holds(step.state, &setup, &trig.when);
        step.state.triggers[k].held = now;
        // Once: the chance is rolled when the condition first holds.
        // Repeating: rolled each time the condition becomes true.
        if !now || rt.held {
            continue;
        }
        let lucky = step.rng.chance(trig.chance);
        step.state.triggers[k].done = trig.once;
        if !lucky {
            continue;
        }
        step.state.triggers[k].fired = true;
        step.later(
            EventKind::Trigger {
                id: trig.id.clone(),
            },
            None,
        );
        for effect in &trig.effects {
            apply(&mut step, effect);
        }
    }
}

fn apply(step: &mut Step, effect: &Effect) {
    let tick = step.tick();
    match effect {
        Effect::Spawn(id) => {
            if let Some(i) = step.state.find(id) {
                step.state.people[i].present = true;
            }
        }
        Effect::SetLevel { subject, level } => {
            if let Some(i) = subject_index(step.state, subject) {
                subjects::set_level(step, i, *level, true);
            }
        }
        Effect::Act { subject, action } => {
            if let Some(i) = subject_index(step.state, subject) {
                subjects::begin(step, i, *action);
            }
        }
        Effect::Say { who, text } => {
            if let Some(i) = step.state.find(who) {
                subjects::say(step, i, text.clone());
            }
        }
        Effect::Radio(text) => {
            step.state
                .heard
                .push((tick, "dispatch".to_string(), text.clone()));
            step.later(
                EventKind::Radio {
                    from: "dispatch".to_string(),
                    text: text.clone(),
                },
                None,
            );
        }
        Effect::RevealWeapon(id) => {
            if let Some(i) = subject_index(step.state, id)
                && let Some(w) = step.state.people[i]
                    .subject_mut()
                    .and_then(|s| s.weapon.as_mut())
                && w.state == WeaponState::Concealed
            {
                w.state = WeaponState::InHand;
            }
        }
        Effect::Report {
            subject,
            report,
            text,
        } => {
            if let Some(i) = subject_index(step.state, subject)
                && let Some(s) = step.state.people[i].subject_mut()
            {
                match report {
                    crate::scenario::schema::Report::Armed => s.reported_armed = true,
                }
            }
            apply(step, &Effect::Radio(text.clone()));
        }
        Effect::Agitate { crowd, by } => {
            if let Some(c) = step.state.crowds.iter_mut().find(|c| &c.id == crowd) {
                c.agitation = (c.agitation + by).clamp(0.0, 1.0);
            }
        }
        Effect::Assembly { crowd, lawful } => {
            if let Some(c) = step.state.crowds.iter_mut().find(|c| &c.id == crowd)
                && c.lawful != *lawful
            {
                c.lawful = *lawful;
                step.later(
                    EventKind::AssemblyStatus {
                        crowd: crowd.clone(),
                        lawful: *lawful,
                    },
                    None,
                );
            }
        }
        Effect::Door { door, state } => {
            if let Some(d) = step.state.door(door) {
                step.state.doors[d].state = *state;
            }
        }
    }
}

fn subject_index(state: &SimState, id: &str) -> Option<usize> {
    state.find(id).filter(|&i| state.people[i].is_subject())
}

/// Whether a goal holds now (`AssemblyPeaceful` holds only at the end).
fn goal_met(state: &SimState, setup: &SimSetup, goal: &Goal, at_end: bool) -> bool {
    let subject = |id: &str| {
        state
            .find(id)
            .and_then(|i| state.people[i].subject().map(|s| (i, s)))
    };
    match goal {
        Goal::Custody(id) => subject(id).is_some_and(|(_, s)| s.restrained && s.searched),
        Goal::AreaCleared(zones) => zones.iter().all(|z| {
            state.cleared.contains(z)
                && setup
                    .scenario
                    .map
                    .zones
                    .iter()
                    .find(|zone| &zone.id == z)
                    .is_none_or(|zone| {
                        !state.people.iter().any(|p| {
                            p.present
                                && p.subject().is_some_and(|s| s.hiding)
                                && in_rect(p.pos, zone.min, zone.max)
                        })
                    })
        }),
        Goal::AssemblyPeaceful(id) => {
            at_end
                && state
                    .crowds
                    .iter()
                    .find(|c| &c.id == id)
                    .is_some_and(|c| !c.peaceful_hit && c.agitation < 0.75)
        }
        Goal::VictimIdentified(id) => subject(id).is_some_and(|(i, s)| {
            let pos = state.people[i].pos;
            s.interviewed
                && state.people.iter().enumerate().all(|(k, p)| {
                    k == i
                        || !p.present
                        || p.subject().is_none_or(|o| {
                            o.restrained
                                || setup.scenario.subjects[o.spec].role == SubjectRole::Victim
                        })
                        || p.pos.distance(pos) > 5.0
                })
        }),
        Goal::EvidenceSealed(id) => subject(id).is_some_and(|(_, s)| {
            let spec = &setup.scenario.subjects[s.spec];
            !spec.carrying.is_empty()
                && spec.carrying.iter().all(|it| state.sealed.contains(&it.id))
        }),
        Goal::Interviewed(id) => subject(id).is_some_and(|(_, s)| s.interviewed),
        Goal::Released(id) => subject(id).is_some_and(|(_, s)| s.stop.released),
        Goal::DocumentsChecked(id) => subject(id).is_some_and(|(_, s)| s.stop.documents_checked),
        Goal::CalledIn => state.trainee_officer().called_in,
    }
}

/// The scenario's limit in seconds; a limit that is not a positive number
/// (a file that skipped validation) runs ten minutes.
fn time_limit(secs: f32) -> f32 {
    if secs.is_finite() && secs > 0.0 {
        secs.min(4.0 * 3600.0)
    } else {
        600.0
    }
}

/// Judges the goals that hold only at the end (a peaceful assembly): called
/// as a run ends, for whatever reason (a stop included), before `Ended`.
pub(crate) fn judge_at_end(setup: &SimSetup, state: &mut SimState, journal: &mut Journal) {
    let tick = state.tick;
    for (k, obj) in setup.scenario.objectives.iter().enumerate() {
        if !state.objectives_met[k] && goal_met(state, setup, &obj.goal, true) {
            state.objectives_met[k] = true;
            journal.later(tick, EventKind::ObjectiveMet { id: obj.id.clone() }, None);
        }
    }
}

fn objectives_and_end(
    setup: Res<SimSetup>,
    mut state: ResMut<SimState>,
    mut journal: ResMut<Journal>,
    mut end: ResMut<SimEnd>,
) {
    let state = &mut *state;
    let tick = state.tick;
    let objectives = &setup.scenario.objectives;
    for (k, obj) in objectives.iter().enumerate() {
        if !state.objectives_met[k] && goal_met(state, &setup, &obj.goal, false) {
            state.objectives_met[k] = true;
            journal.later(tick, EventKind::ObjectiveMet { id: obj.id.clone() }, None);
        }
    }
    if end.0.is_some() {
        return;
    }
    let required: Vec<usize> = (0..objectives.len())
        .filter(|&k| objectives[k].required)
        .collect();
    let subjects: Vec<&SubjectState> = state.people.iter().filter_map(|p| p.subject()).collect();
    let gone = !subjects.is_empty()
        && state
            .people
            .iter()
            .filter(|p| p.is_subject())
            .all(|p| p.subject().is_some_and(|s| s.escaped) || p.health == Health::Dead);
    let reason = if state.trainee().down(tick) {
        Some(EndReason::OfficerDown)
    } else if !required.is_empty() && required.iter().all(|&k| state.objectives_met[k]) {
        Some(EndReason::ObjectivesMet)
    } else if gone {
        Some(EndReason::SubjectsGone)
    } else if (tick + 1) as f32 >= time_limit(setup.scenario.time_limit) * HZ as f32 {
        Some(EndReason::TimeLimit)
    } else {
        None
    };
    let Some(reason) = reason else { return };
    judge_at_end(&setup, state, &mut journal);
    end.0 = Some(reason);
    journal.later(tick, EventKind::Ended { reason }, None);
}
