//! Building search: whether the trainee keeps the partner within reach and
//! leaves no unsearched room behind, logged as `Exposure` changes
//! (`PartnerAway`/`PartnerBack`, `RoomBehind`/`RoomBehindEnded`) for the
//! `safety.search_alone` and `safety.unsearched_room` rules. Only in a
//! building-search scenario.

use super::geom::{box_dist, in_rect};
use super::journal::Journal;
use super::state::*;
use super::world::Rays;
use super::{SimSet, SimSetup, sim_running};
use crate::domain::ScenarioKind;
use crate::events::{EventKind, Exposure};
use crate::scenario::schema::{DoorState, ZoneRole};
use bevy::prelude::*;
use bevy_rapier2d::prelude::ReadRapierContext;
use std::collections::BTreeSet;

/// A partner farther than this (or out of sight) is out of reach, m.
pub(crate) const PAIR_REACH: f32 = 5.0;
/// Back within reach needs this much less (so the edge does not flicker), m.
const PAIR_BACK: f32 = 4.5;
/// Passing this close to an open door counts as passing its doorway, m.
const PASSING: f32 = 1.2;
/// A door this close to a room's edge opens into that room, m.
const DOOR_EDGE: f32 = 0.4;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Watch>().add_systems(
        FixedUpdate,
        watch
            .in_set(SimSet::Perceive)
            .after(super::perception::perceive)
            .run_if(sim_running),
    );
}

/// What was true at the last tick.
#[derive(Resource, Debug, Default)]
pub(crate) struct Watch {
    /// The tick last seen (a smaller one means a new run).
    tick: u32,
    /// The partner out of reach, by person index.
    away: Option<usize>,
    /// The room the trainee was last in (zone index).
    last_room: Option<usize>,
    /// Rooms whose open doorway the trainee passed since entering it.
    passed: BTreeSet<usize>,
    /// Unsearched rooms left behind now.
    behind: BTreeSet<usize>,
}

fn watch(
    setup: Res<SimSetup>,
    state: Res<SimState>,
    mut w: ResMut<Watch>,
    mut journal: ResMut<Journal>,
    rapier: ReadRapierContext,
) {
    if setup.scenario.kind != ScenarioKind::BuildingSearch {
        return;
    }
    let tick = state.tick;
    if tick < w.tick {
        *w = Watch::default();
    }
    w.tick = tick;
    let Ok(ctx) = rapier.single() else { return };
    let rays = Rays::new(ctx);
    let zones = &setup.scenario.map.zones;
    let me = &state.people[0];
    let pos = me.pos;
    let room = zones
        .iter()
        .position(|z| z.role == ZoneRole::Room && in_rect(pos, z.min, z.max));
    let mut log = |e: Exposure, focus: Option<usize>| {
        journal.later(tick, EventKind::Exposure(e), focus);
    };

    // The pair: the nearest other officer on scene, while inside the building.
    let nearest = state
        .people
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, p)| p.is_officer() && p.present && p.active(tick))
        .map(|(i, p)| (i, p.pos.distance(pos)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let away = match (room, nearest) {
        (Some(_), Some((i, d))) => {
            let reach = if w.away.is_some() {
                PAIR_BACK
            } else {
                PAIR_REACH
            };
            let sees = rays.sees(pos, state.people[i].pos, &[]);
            (d > reach || !sees).then_some(i)
        }
        _ => None,
    };
    if away.is_some() != w.away.is_some() {
        match (w.away, away) {
            (None, Some(i)) => log(Exposure::PartnerAway(state.people[i].id.clone()), None),
            (Some(i), _) => log(Exposure::PartnerBack(state.people[i].id.clone()), None),
            _ => {}
        }
        w.away = away;
    }

    // Rooms left behind unsearched.
    let Some(r) = room else { return };
    let cleared = |k: usize| state.cleared.contains(&zones[k].id);
    for d in state.doors.iter().filter(|d| d.state == DoorState::Open) {
        if box_dist(pos, d.at, d.half, 0.0) > PASSING {
            continue;
        }
        for (k, z) in zones.iter().enumerate() {
            if k != r && z.role == ZoneRole::Room && on_edge(d.at, z.min, z.max) {
                w.passed.insert(k);
            }
        }
    }
    if w.last_room != Some(r) {
        let mut left: BTreeSet<usize> = std::mem::take(&mut w.passed);
        left.extend(w.last_room);
        for k in left {
            if k != r && !cleared(k) && w.behind.insert(k) {
                log(Exposure::RoomBehind(zones[k].id.clone()), None);
            }
        }
        w.last_room = Some(r);
    }
    let ended: Vec<usize> = w
        .behind
        .iter()
        .copied()
        .filter(|&k| k == r || cleared(k))
        .collect();
    for k in ended {
        w.behind.remove(&k);
        log(Exposure::RoomBehindEnded(zones[k].id.clone()), None);
    }
}

/// Whether a point lies on (within [`DOOR_EDGE`] of) a rectangle's edge.
fn on_edge(p: Vec2, min: crate::domain::Pt, max: crate::domain::Pt) -> bool {
    let (x0, y0, x1, y1) = (min.0, min.1, max.0, max.1);
    let inside_x = p.x > x0 - DOOR_EDGE && p.x < x1 + DOOR_EDGE;
    let inside_y = p.y > y0 - DOOR_EDGE && p.y < y1 + DOOR_EDGE;
    let near_x = (p.x - x0).abs() < DOOR_EDGE || (p.x - x1).abs() < DOOR_EDGE;
    let near_y = (p.y - y0).abs() < DOOR_EDGE || (p.y - y1).abs() < DOOR_EDGE;
    (near_x && inside_y) || (near_y && inside_x)
}

/// Whether another officer covers the trainee at subject `t`: on scene,
/// able to act, within `range` of the subject and in sight of them. `None`
/// when no other officer is on scene (nobody who could).
pub(crate) fn covered(state: &SimState, rays: &Rays, t: usize, range: f32) -> Option<bool> {
    let tick = state.tick;
    let tpos = state.people[t].pos;
    let mut others = state
        .people
        .iter()
        .skip(1)
        .filter(|p| p.is_officer() && p.present && p.active(tick))
        .peekable();
    others.peek()?;
    Some(others.any(|p| p.pos.distance(tpos) <= range && rays.sees(p.pos, tpos, &[])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_door_on_a_rooms_wall_opens_into_it() {
        // The storeroom (16..26, 8..15) and its door to the office at (19, 15).
        assert!(on_edge(Vec2::new(19.0, 15.0), (16.0, 8.0), (26.0, 15.0)));
        assert!(on_edge(Vec2::new(19.0, 15.0), (16.0, 15.0), (22.0, 22.0)));
        assert!(!on_edge(Vec2::new(19.0, 15.0), (22.0, 15.0), (26.0, 22.0)));
        assert!(!on_edge(Vec2::new(10.0, 11.0), (4.0, 8.0), (16.0, 22.0)));
    }
}
