//! Reactions: the scenario's transitions first, then the defaults a subject
//! follows where the scenario is silent; agitation.

use super::{begin, say, set_level};
use crate::domain::*;
use crate::scenario::schema::{Condition, Stimulus, Transition};
use crate::sim::geom::in_rect;
use crate::sim::perception::can_see;
use crate::sim::state::*;
use crate::sim::step::Step;
use crate::sim::world::Rays;

/// How near an officer must be to watch a subject's hands (`unwatched`).
const WATCH_RANGE: f32 = 10.0;

/// How strongly a temperament takes provocation.
fn provocation(t: Temperament) -> f32 {
    match t {
        Temperament::Calm => 0.6,
        Temperament::Nervous => 1.0,
        Temperament::Hostile => 1.4,
        Temperament::Intoxicated => 1.2,
        Temperament::InCrisis => 1.5,
    }
}

/// How well a temperament answers calm talk.
fn soothing(t: Temperament) -> f32 {
    match t {
        Temperament::Calm => 1.0,
        Temperament::Nervous => 1.0,
        Temperament::Hostile => 0.5,
        Temperament::Intoxicated => 0.6,
        Temperament::InCrisis => 1.4,
    }
}

/// Changes a subject's agitation by `by` (scaled by temperament when rising).
pub(crate) fn agitate(step: &mut Step, i: usize, by: f32) {
    let s = step.state.people[i].subject_mut().expect("subject");
    let scaled = if by > 0.0 {
        by * provocation(s.temperament)
    } else {
        by * soothing(s.temperament)
    };
    s.agitation = (s.agitation + scaled).clamp(0.0, 1.0);
}

/// Does a scenario stimulus match this one? `None` is the once-a-second check
/// (time and distance).
fn matches(step: &Step, i: usize, on: &Stimulus, stim: Option<Stim>) -> bool {
    match (on, stim) {
        (Stimulus::AnyCommand, Some(Stim::Command(..))) => true,
        (Stimulus::Command(c), Some(Stim::Command(d, _))) => *c == d,
        (Stimulus::Warning, Some(Stim::Warning)) => true,
        (Stimulus::Talk, Some(Stim::Talk)) => true,
        (Stimulus::Identified, Some(Stim::Identified)) => true,
        (Stimulus::WeaponDrawn, Some(Stim::WeaponDrawn)) => true,
        (Stimulus::WeaponAimed, Some(Stim::WeaponAimed)) => true,
        (Stimulus::AnyForce, Some(Stim::Force(_))) => true,
        (Stimulus::Force(f), Some(Stim::Force(g))) => *f == g,
        (Stimulus::ShotFired, Some(Stim::ShotFired)) => true,
        (Stimulus::OfficerDown, Some(Stim::OfficerDown)) => true,
        (Stimulus::BackupArrived, Some(Stim::BackupArrived)) => true,
        (Stimulus::Handcuffed, Some(Stim::Handcuffed)) => true,
        (Stimulus::Procedure(p), Some(Stim::Procedure(q))) => *p == q,
        (Stimulus::Tick, None) => true,
        (Stimulus::Near(d), None) => nearest_officer(step.state, i).is_some_and(|(_, x)| x < *d),
        _ => false,
    }
}

/// The nearest officer able to act, and the distance.
pub(crate) fn nearest_officer(state: &SimState, i: usize) -> Option<(usize, f32)> {
    let pos = state.people[i].pos;
    let tick = state.tick;
    state
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_officer() && p.active(tick))
        .map(|(k, p)| (k, p.pos.distance(pos)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

fn holds(step: &Step, rays: &Rays, i: usize, c: &Condition) -> bool {
    let p = &step.state.people[i];
    let s = p.subject().expect("subject");
    let near = || nearest_officer(step.state, i);
    match c {
        Condition::Level(l) => s.level == *l,
        Condition::LevelAtLeast(l) => s.level >= *l,
        Condition::LevelAtMost(l) => s.level <= *l,
        Condition::Closer(d) => near().is_some_and(|(_, x)| x < *d),
        Condition::Farther(d) => near().is_none_or(|(_, x)| x > *d),
        Condition::OfficersAtLeast(n) => {
            let tick = step.tick();
            step.state
                .people
                .iter()
                .filter(|o| o.is_officer() && o.active(tick) && o.pos.distance(p.pos) <= 10.0)
                .count() as u32
                >= *n
        }
        Condition::AgitationAbove(x) => s.agitation > *x,
        Condition::AgitationBelow(x) => s.agitation < *x,
        Condition::After(t) => step.state.seconds() >= *t,
        Condition::Before(t) => step.state.seconds() < *t,
        Condition::InZone(z) => step
            .setup
            .scenario
            .map
            .zones
            .iter()
            .find(|zone| &zone.id == z)
            .is_some_and(|zone| in_rect(p.pos, zone.min, zone.max)),
        Condition::OfficerIdentified => step
            .state
            .people
            .iter()
            .any(|o| o.officer().is_some_and(|o| o.identified)),
        Condition::Aimed => aimed_at(step.state, i),
        Condition::SeesOfficer => near().is_some_and(|(o, _)| can_see(rays, step.state, i, o)),
        Condition::Unwatched => {
            let tick = step.tick();
            !step.state.people.iter().enumerate().any(|(o, q)| {
                q.is_officer()
                    && q.active(tick)
                    && q.pos.distance(p.pos) <= WATCH_RANGE
                    && can_see(rays, step.state, o, i)
            })
        }
    }
}

/// Someone aims a weapon at this person.
pub(crate) fn aimed_at(state: &SimState, i: usize) -> bool {
    state.people.iter().any(|o| {
        o.officer()
            .is_some_and(|o| o.tool_state == ToolState::Aimed && o.aim == Some(i))
    })
}

/// A subject reacts to a stimulus (`None`: the once-a-second check). Every
/// matching transition rolls its chance, conditions read before any fires;
/// where no transition names this stimulus, the default reaction applies.
pub(super) fn react(step: &mut Step, rays: &Rays, i: usize, stim: Option<Stim>) {
    let p = &step.state.people[i];
    if !p.present {
        return;
    }
    let s = p.subject().expect("subject");
    let setup = step.setup;
    let spec = &setup.scenario.subjects[s.spec];
    let mut fire: Vec<&Transition> = Vec::new();
    for t in &spec.behaviour {
        if matches(step, i, &t.on, stim) && t.conditions.iter().all(|c| holds(step, rays, i, c)) {
            fire.push(t);
        }
    }
    // The scenario speaks for this moment when a transition applies (whatever
    // its chance); otherwise the defaults below do.
    let silent = fire.is_empty();
    // Mechanics that always apply: how stimuli move agitation.
    if let Some(stim) = stim {
        let by = match stim {
            Stim::Command(..) => 0.02,
            Stim::Warning => 0.05,
            Stim::Talk => -0.12,
            Stim::Identified => 0.0,
            Stim::WeaponDrawn => 0.05,
            Stim::WeaponAimed => 0.1,
            Stim::Force(_) => 0.0,
            Stim::ShotFired => 0.2,
            Stim::OfficerDown => 0.1,
            Stim::BackupArrived => -0.05,
            Stim::Handcuffed => 0.05,
            // Being told why, and what happens next, calms (procedural justice).
            Stim::Procedure(_) => -0.06,
        };
        if by != 0.0 {
            agitate(step, i, by);
        }
    } else {
        // Time calms.
        agitate(step, i, -0.01);
    }
    let mut last_act = None;
    for t in fire {
        if !step.rng.chance(t.chance) {
            continue;
        }
        if let Some(level) = t.to {
            set_level(step, i, level, t.act.is_none());
        }
        if let Some(action) = t.act {
            begin(step, i, action);
            last_act = Some(action);
        }
        if let Some(text) = &t.say {
            say(step, i, text.clone());
        }
    }
    if let Some(Stim::Command(c, from)) = stim {
        // The command is carried out when the behaviour says comply, or when
        // the scenario is silent and the subject is compliant.
        let s = step.state.people[i].subject_mut().expect("subject");
        let obey = match last_act {
            Some(a) => a == SubjectAction::Comply,
            None => silent && s.level == ResistanceLevel::Compliant,
        };
        if obey {
            s.commands.push_back((c, from));
        }
    }
    if silent {
        default_reaction(step, i, stim);
    }
}

/// Reactions where the scenario is silent.
fn default_reaction(step: &mut Step, i: usize, stim: Option<Stim>) {
    use ResistanceLevel::*;
    let s = step.state.people[i].subject().expect("subject");
    let (level, agitation) = (s.level, s.agitation);
    let has_weapon = s
        .weapon
        .is_some_and(|w| matches!(w.state, WeaponState::Concealed | WeaponState::InHand));
    match stim {
        Some(Stim::Talk) => {
            if level == Passive && agitation < 0.45 && step.rng.chance(0.35) {
                set_level(step, i, Compliant, true);
            } else if level == Active && agitation < 0.3 && step.rng.chance(0.2) {
                set_level(step, i, Passive, true);
            }
        }
        Some(Stim::WeaponDrawn) if level == Passive && agitation < 0.6 && step.rng.chance(0.25) => {
            set_level(step, i, Compliant, true);
        }
        Some(Stim::WeaponAimed) | Some(Stim::Warning) => {
            let p = match level {
                Active | Assaultive => 0.3,
                Deadly if !has_weapon => 0.3,
                Deadly => 0.12,
                _ => 0.0,
            };
            if step.rng.chance(p * (1.2 - agitation)) {
                begin(step, i, SubjectAction::Surrender);
            }
        }
        Some(Stim::ShotFired) => {
            if level <= Passive && step.rng.chance(0.5) {
                begin(step, i, SubjectAction::Surrender);
            } else if level == Active && step.rng.chance(0.3) {
                begin(step, i, SubjectAction::Flee);
            }
        }
        Some(Stim::BackupArrived)
            if (Passive..=Assaultive).contains(&level) && step.rng.chance(0.3) =>
        {
            let lower = ResistanceLevel::ALL[level.rank() as usize - 1];
            set_level(step, i, lower, true);
        }
        None => {
            // A very agitated subject with no behaviour of their own may
            // escalate a step.
            let setup = step.setup;
            let spec =
                &setup.scenario.subjects[step.state.people[i].subject().expect("subject").spec];
            if spec.behaviour.is_empty()
                && agitation > 0.85
                && level <= Passive
                && step.rng.chance(0.05)
            {
                set_level(
                    step,
                    i,
                    ResistanceLevel::ALL[level.rank() as usize + 1],
                    true,
                );
            }
        }
        _ => {}
    }
}

/// Once a second: what a subject's level makes them do when idle.
pub(super) fn drive(step: &mut Step, rays: &Rays, i: usize) {
    use ResistanceLevel::*;
    let tick = step.tick();
    let p = &step.state.people[i];
    let s = p.subject().expect("subject");
    if !p.active(tick) || s.restrained || s.hands_up || s.activity != Activity::Idle {
        return;
    }
    let near = nearest_officer(step.state, i);
    let within = |d: f32| near.is_some_and(|(_, x)| x < d);
    let weapon = s.weapon;
    match s.level {
        Compliant => {}
        Passive => {
            if within(8.0) && step.rng.chance(0.1) {
                begin(step, i, SubjectAction::Argue);
            }
        }
        Active => {
            let roll = step.rng.chance(0.5);
            if within(1.3) && roll {
                let until = tick + 90;
                step.state.people[i]
                    .subject_mut()
                    .expect("subject")
                    .activity = Activity::PullingAway(until);
            } else if s.agitation > 0.75 && p.in_vehicle.is_none() && step.rng.chance(0.08) {
                begin(step, i, SubjectAction::Flee);
            }
        }
        Assaultive => {
            if within(10.0) && step.rng.chance(0.5) {
                begin(step, i, SubjectAction::Attack);
            }
        }
        Deadly => match weapon {
            Some(w) if w.state == WeaponState::Concealed => {
                if step.rng.chance(0.3) {
                    begin(step, i, SubjectAction::Draw);
                }
            }
            Some(w) if w.state == WeaponState::InHand && w.kind.is_firearm() => {
                let sees = near.is_some_and(|(o, _)| can_see(rays, step.state, i, o));
                if sees && step.rng.chance(0.35) {
                    begin(step, i, SubjectAction::Shoot);
                }
            }
            _ => {
                if within(10.0) && step.rng.chance(0.35) {
                    begin(step, i, SubjectAction::Attack);
                }
            }
        },
    }
}
