//! Crowds: many light agents (no rapier bodies) with a shared agitation.
//! Agitators among them raise it, calm talk lowers it, force on peaceful
//! participants raises it sharply; crossing each quarter is logged as
//! `CrowdMood`. Ordered back, members near the officer step back; ordered to
//! disperse, they walk to the nearest exit and leave.

use super::geom::{clamp_rect, in_rect};
use super::journal::Journal;
use super::rng::SimRng;
use super::state::*;
use super::step::Step;
use super::{SimSet, SimSetup, sim_running};
use crate::domain::*;
use crate::events::EventKind;
use crate::scenario::schema::ZoneRole;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(FixedUpdate, crowds.in_set(SimSet::Ai).run_if(sim_running));
}

/// The crowd with a member within `range` of an officer.
pub(crate) fn crowd_near(state: &SimState, officer: usize, range: f32) -> Option<usize> {
    let pos = state.people[officer].pos;
    state
        .people
        .iter()
        .find(|p| p.crowd().is_some() && p.present && p.pos.distance(pos) <= range)
        .and_then(|p| p.crowd())
}

/// "Step back!": members near the officer back off for a few seconds.
pub(crate) fn order_back(step: &mut Step, officer: usize) {
    let pos = step.state.people[officer].pos;
    let until = step.tick() + 3 * HZ;
    for c in step.state.crowds.iter_mut() {
        c.back_from = Some((pos, until));
        c.agitation = (c.agitation + 0.02).min(1.0);
    }
}

/// Order to disperse: crowds within 40 m head for the exits. Dispersing a
/// lawful assembly angers it.
pub(crate) fn order_disperse(step: &mut Step, officer: usize) {
    let pos = step.state.people[officer].pos;
    let near: Vec<usize> = step
        .state
        .people
        .iter()
        .filter(|p| p.present && p.pos.distance(pos) <= 40.0)
        .filter_map(|p| p.crowd())
        .collect();
    for (ci, c) in step.state.crowds.iter_mut().enumerate() {
        if near.contains(&ci) {
            c.dispersing = true;
            if c.lawful {
                c.agitation = (c.agitation + 0.15).min(1.0);
            }
        }
    }
}

/// Calm talk to a crowd nearby.
pub(crate) fn calm(step: &mut Step, officer: usize) {
    if let Some(ci) = crowd_near(step.state, officer, 10.0) {
        let c = &mut step.state.crowds[ci];
        c.agitation = (c.agitation - 0.05).max(0.0);
    }
}

fn crowds(
    setup: Res<SimSetup>,
    mut state: ResMut<SimState>,
    mut rng: ResMut<SimRng>,
    mut journal: ResMut<Journal>,
) {
    if state.crowds.is_empty() {
        return;
    }
    let state = &mut *state;
    let tick = state.tick;
    let second = tick.is_multiple_of(HZ);
    for ci in 0..state.crowds.len() {
        if second {
            let spec = setup
                .scenario
                .crowds
                .iter()
                .find(|c| c.id == state.crowds[ci].id);
            let agitators = spec.map_or(0, |spec| {
                state
                    .people
                    .iter()
                    .filter(|p| {
                        spec.agitators.contains(&p.id)
                            && p.present
                            && p.subject().is_some_and(|s| {
                                !s.restrained && s.level >= ResistanceLevel::Passive
                            })
                    })
                    .count()
            });
            let aimed = state.people.iter().any(|p| {
                p.officer()
                    .is_some_and(|o| o.tool_state == ToolState::Aimed)
            });
            let c = &mut state.crowds[ci];
            c.agitation += 0.01 * agitators as f32 + if aimed { 0.01 } else { 0.0 } - 0.003;
            c.agitation = c.agitation.clamp(0.0, 1.0);
            let mood = ((c.agitation * 4.0).floor() as u8).min(4);
            if mood != c.mood_step {
                c.mood_step = mood;
                journal.later(
                    tick,
                    EventKind::CrowdMood {
                        crowd: c.id.clone(),
                        agitation: c.agitation,
                        peaceful_hit: c.peaceful_hit,
                    },
                    None,
                );
            }
        }
    }
    // Members.
    let zones = &setup.scenario.map.zones;
    let officers: Vec<Vec2> = state
        .people
        .iter()
        .filter(|p| p.is_officer() && p.present)
        .map(|p| p.pos)
        .collect();
    for i in 0..state.people.len() {
        let Some(ci) = state.people[i].crowd() else {
            continue;
        };
        if !state.people[i].active(tick) {
            state.people[i].want = Vec2::ZERO;
            continue;
        }
        let c = &state.crowds[ci];
        let pos = state.people[i].pos;
        let want = if c.dispersing {
            let exit = zones
                .iter()
                .filter(|z| z.role == ZoneRole::Exit)
                .map(|z| clamp_rect(pos, z.min, z.max))
                .min_by(|a, b| a.distance(pos).total_cmp(&b.distance(pos)));
            match exit {
                Some(e) if e.distance(pos) > 0.3 => (e - pos).normalize_or_zero() * WALK,
                _ => {
                    state.people[i].present = false;
                    Vec2::ZERO
                }
            }
        } else if let Some((from, until)) = c
            .back_from
            .filter(|(f, u)| tick < *u && f.distance(pos) < 6.0)
        {
            let _ = until;
            (pos - from).normalize_or_zero() * WALK
        } else if c.agitation > 0.75 {
            // An angry crowd presses toward the nearest officer.
            officers
                .iter()
                .filter(|o| o.distance(pos) < 15.0 && o.distance(pos) > 2.0)
                .min_by(|a, b| a.distance(pos).total_cmp(&b.distance(pos)))
                .map(|o| (*o - pos).normalize_or_zero() * 0.5)
                .unwrap_or(Vec2::ZERO)
        } else {
            // Mill about, staying in the zone.
            let zone = &zones[c.zone];
            let p = &state.people[i];
            if (tick + i as u32).is_multiple_of(2 * HZ) {
                let w = Vec2::new(rng.range(-0.3, 0.3), rng.range(-0.3, 0.3));
                if in_rect(pos + w * 2.0, zone.min, zone.max) {
                    w
                } else {
                    -w
                }
            } else {
                p.want
            }
        };
        state.people[i].want = want;
    }
}
