//! Subjects: behaviour data (transitions on stimuli), agitation, and what they
//! do each tick (comply step by step, argue, flee, hide, reach, draw, attack,
//! shoot, surrender).

mod activity;
mod behaviour;

use super::journal::Journal;
use super::perception::Perception;
use super::rng::SimRng;
use super::state::*;
use super::step::Step;
use super::world::Rays;
use super::{SimSet, SimSetup, sim_running};
use crate::domain::*;
use crate::events::EventKind;
use bevy::prelude::*;
use bevy_rapier2d::prelude::ReadRapierContext;

pub(crate) use behaviour::agitate;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(FixedUpdate, think.in_set(SimSet::Ai).run_if(sim_running));
}

/// Subjects react to last tick's stimuli, to time and distance once a
/// second, and carry on with what they are doing.
fn think(
    setup: Res<SimSetup>,
    mut state: ResMut<SimState>,
    mut rng: ResMut<SimRng>,
    mut journal: ResMut<Journal>,
    perc: Res<Perception>,
    nav: Res<SimNav>,
    rapier: ReadRapierContext,
) {
    let Ok(ctx) = rapier.single() else { return };
    let rays = Rays::new(ctx);
    let mut step = Step {
        setup: &setup,
        state: &mut state,
        rng: &mut rng,
        journal: &mut journal,
        perc: &perc,
        nav: &nav.0,
    };
    let mut stimuli = std::mem::take(&mut step.state.stimuli);
    for &(i, stim) in &stimuli {
        behaviour::react(&mut step, &rays, i, Some(stim));
    }
    stimuli.clear();
    // Reactions may queue new stimuli (a shot); keep them for the next tick.
    stimuli.append(&mut step.state.stimuli);
    step.state.stimuli = stimuli;
    let tick = step.tick();
    let n = step.state.people.len();
    if tick.is_multiple_of(HZ) && tick > 0 {
        for i in 0..n {
            let p = &step.state.people[i];
            if p.is_subject() && p.present {
                behaviour::react(&mut step, &rays, i, None);
                behaviour::drive(&mut step, &rays, i);
            }
        }
    }
    for i in 0..n {
        let p = &step.state.people[i];
        if p.is_subject() && p.present {
            activity::run(&mut step, &rays, i);
        }
    }
}

/// Sets a subject's level (logs `LevelChanged` and any line for the level).
/// With `default_action`, the level's usual action follows (attack when
/// assaultive, draw and use a weapon when deadly, calm down when compliant).
pub(crate) fn set_level(step: &mut Step, i: usize, level: ResistanceLevel, default_action: bool) {
    let s = step.state.people[i].subject_mut().expect("subject");
    let from = s.level;
    if from == level {
        return;
    }
    s.level = level;
    let spec = s.spec;
    let id = step.state.people[i].id.clone();
    step.later(
        EventKind::LevelChanged {
            subject: id,
            from,
            to: level,
        },
        Some(i),
    );
    let line = step.setup.scenario.subjects[spec]
        .lines
        .iter()
        .find(|l| l.level == level)
        .map(|l| l.say.clone());
    if let Some(text) = line {
        say(step, i, text);
    }
    if !default_action {
        return;
    }
    let s = step.state.people[i].subject().expect("subject");
    let hostile = matches!(
        s.activity,
        Activity::Attacking(_)
            | Activity::Shooting(_)
            | Activity::Fleeing(_)
            | Activity::PullingAway(_)
            | Activity::Arguing(_)
            | Activity::Reaching(_)
            | Activity::Drawing(..)
    );
    match level {
        ResistanceLevel::Compliant | ResistanceLevel::Passive => {
            if hostile {
                step.state.people[i]
                    .subject_mut()
                    .expect("subject")
                    .activity = Activity::Idle;
            }
        }
        ResistanceLevel::Active => {
            if matches!(s.activity, Activity::Attacking(_) | Activity::Shooting(_)) {
                step.state.people[i]
                    .subject_mut()
                    .expect("subject")
                    .activity = Activity::Idle;
            }
        }
        ResistanceLevel::Assaultive => {
            if !matches!(s.activity, Activity::Attacking(_)) {
                begin(step, i, SubjectAction::Attack);
            }
        }
        ResistanceLevel::Deadly => {
            let usable = s
                .weapon
                .filter(|w| matches!(w.state, WeaponState::Concealed | WeaponState::InHand));
            let busy = matches!(
                s.activity,
                Activity::Attacking(_) | Activity::Shooting(_) | Activity::Drawing(..)
            );
            if !busy {
                match usable {
                    Some(w) if w.kind.is_firearm() => begin(step, i, SubjectAction::Shoot),
                    _ => begin(step, i, SubjectAction::Attack),
                }
            }
        }
    }
}

/// A person says a line (logged as `Said`, heard by the trainee nearby).
pub(crate) fn say(step: &mut Step, i: usize, text: LocalizedText) {
    let tick = step.tick();
    let p = &mut step.state.people[i];
    p.speech = Some((text.clone(), tick + 3 * HZ));
    let id = p.id.clone();
    let near = p.pos.distance(step.state.people[0].pos) <= 25.0;
    if near {
        step.state.heard.push((tick, id.clone(), text.clone()));
    }
    step.later(EventKind::Said { who: id, text }, Some(i));
}

/// Makes a subject act (from behaviour data, a trigger or the instructor).
/// Logs `SubjectActed` when the action can start.
pub(crate) fn begin(step: &mut Step, i: usize, action: SubjectAction) {
    activity::begin(step, i, action);
}
