//! Injuries, incapacitation and rounds fired, for everyone (officers included).

use super::PersonKind;
use super::geom::seg_dist;
use super::perception::vehicle_exclusions;
use super::state::*;
use super::step::Step;
use super::world::{HIDE_MASK, ROUND_MASK, Rays};
use crate::domain::Health;
use crate::events::{EventKind, InjuryCause};

/// Hurts a person: health never improves here; serious harm incapacitates.
pub(crate) fn hurt(
    step: &mut Step,
    victim: usize,
    by: Option<usize>,
    cause: InjuryCause,
    severity: Health,
) {
    let tick = step.tick();
    let p = &mut step.state.people[victim];
    let was_down = p.down(tick);
    p.health = p.health.max(severity);
    let health = p.health;
    let kind = EventKind::Injured {
        who: p.id.clone(),
        by: by.map(|b| step.state.people[b].id.clone()),
        cause,
        health,
    };
    step.later(kind, Some(victim));
    if health >= Health::Serious {
        step.state.people[victim].down_until = FOREVER;
        if !was_down {
            down_logged(step, victim);
        }
    }
}

/// Incapacitates a person for `secs` seconds (OC, CEW, a takedown, a blow).
pub(crate) fn incapacitate(step: &mut Step, victim: usize, secs: f32) {
    let tick = step.tick();
    let until = tick + (secs * HZ as f32) as u32;
    let p = &mut step.state.people[victim];
    let was_down = p.down(tick);
    p.down_until = p.down_until.max(until);
    p.want = bevy::math::Vec2::ZERO;
    if !was_down {
        down_logged(step, victim);
    }
}

fn down_logged(step: &mut Step, victim: usize) {
    let id = step.state.people[victim].id.clone();
    step.later(EventKind::Incapacitated { who: id }, Some(victim));
    if step.state.people[victim].is_officer() {
        step.state.officer_down_this_tick = true;
        step.state.noticed.push("officer_down");
        stimulate_all(step.state, Stim::OfficerDown);
    }
}

/// Sends a stimulus to every subject on scene.
pub(crate) fn stimulate_all(state: &mut SimState, stim: Stim) {
    for (i, p) in state.people.iter().enumerate() {
        if p.is_subject() && p.present {
            state.stimuli.push((i, stim));
        }
    }
}

/// What became of a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ShotOutcome {
    /// Person hit.
    pub hit: Option<usize>,
    /// Stopped by a wall or hard cover.
    pub stopped: bool,
}

/// Fires one round from `shooter` at `target`. Walls and hard cover stop it;
/// soft cover does not (it only spoils the aim); someone standing in the line
/// may be hit instead. Logs `Shot` and any injury.
pub(crate) fn fire(step: &mut Step, rays: &Rays, shooter: usize, target: usize) -> ShotOutcome {
    let (from, to) = (
        step.state.people[shooter].pos,
        step.state.people[target].pos,
    );
    let excl = vehicle_exclusions(step.state, shooter, target);
    let dist = from.distance(to);
    let stop_at = rays.blocked_at(from, to, ROUND_MASK, &excl);
    // The nearest other person standing in the line before the target.
    let mut in_line: Option<(usize, f32)> = None;
    for (i, p) in step.state.people.iter().enumerate() {
        if i == shooter || i == target || !p.present {
            continue;
        }
        let (d, t) = seg_dist(p.pos, from, to);
        if d < 0.35 && t > 0.0 && t < 0.97 && in_line.is_none_or(|(_, bt)| t < bt) {
            in_line = Some((i, t));
        }
    }
    let mut outcome = ShotOutcome {
        hit: None,
        stopped: false,
    };
    let mut end = to;
    let bystander_roll = step.rng.chance(0.5);
    let aim_roll = step
        .rng
        .chance(hit_chance(step, rays, shooter, target, dist));
    let severity_roll = step.rng.range(0.0, 1.0);
    match (in_line, stop_at) {
        (Some((i, t)), s) if s.is_none_or(|s| t < s) && bystander_roll => {
            outcome.hit = Some(i);
            end = from + (to - from) * t;
        }
        (_, Some(s)) => {
            outcome.stopped = true;
            end = from + (to - from) * s;
        }
        _ => {
            if aim_roll {
                outcome.hit = Some(target);
            }
        }
    }
    let tick = step.tick();
    step.state.tracers.push((tick, from, end));
    step.state.shot_this_tick = true;
    step.state.noticed.push("shot");
    let kind = EventKind::Shot {
        by: step.state.people[shooter].id.clone(),
        at: Some(step.state.people[target].id.clone()),
        hit: outcome.hit.map(|h| step.state.people[h].id.clone()),
        stopped: outcome.stopped,
    };
    step.later(kind, Some(target));
    stimulate_all(step.state, Stim::ShotFired);
    for p in step.state.people.iter_mut() {
        if let Some(b) = p.bystander_mut() {
            b.scared_until = tick + 8 * HZ;
        }
    }
    if let Some(h) = outcome.hit {
        let severity = if severity_roll < 0.15 {
            Health::Minor
        } else if severity_roll < 0.8 {
            Health::Serious
        } else {
            Health::Dead
        };
        hurt(step, h, Some(shooter), InjuryCause::Gunshot, severity);
    }
    outcome
}

/// Chance that an aimed round hits: falls with distance, with a moving
/// target, and when the target is hidden behind concealment.
fn hit_chance(step: &Step, rays: &Rays, shooter: usize, target: usize, dist: f32) -> f32 {
    let t = &step.state.people[target];
    let mut p = (0.85 - 0.035 * dist).clamp(0.1, 0.85);
    if t.speed > 3.0 {
        p -= 0.15;
    }
    let excl = vehicle_exclusions(step.state, shooter, target);
    if !rays.clear(step.state.people[shooter].pos, t.pos, HIDE_MASK, &excl) {
        p *= 0.5;
    }
    if t.kind == PersonKind::Subject && t.subject().is_some_and(|s| s.posture == Posture::Prone) {
        p *= 0.6;
    }
    p.max(0.05)
}
