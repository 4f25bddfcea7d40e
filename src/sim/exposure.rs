//! Changes in the trainee's exposure, logged as `Exposure` events: cover,
//! subjects' lines of fire, the reactionary gap, doorways, people in the
//! trainee's line, a partner's line of fire, occupied vehicles, and the back
//! turned on an unsearched subject.

use super::geom::{angle_between, box_dist, heading_of, seg_dist};
use super::journal::Journal;
use super::perception::{Perception, in_doorway};
use super::state::*;
use super::{SimSet, sim_running};
use crate::domain::*;
use crate::events::{EventKind, Exposure};
use crate::scenario::schema::CoverKind;
use bevy::prelude::*;

/// The reactionary gap: closer than this to an unrestrained subject is inside it, m.
pub const GAP: f32 = 6.5;
/// Leaving the gap needs this much distance (so standing on the line does not flicker).
const GAP_OUT: f32 = 6.8;
/// Closer than this, a back turned on an unsearched subject counts, m.
const BACK_M: f32 = 5.0;
/// The same for a subject reported armed, m.
const BACK_ARMED_M: f32 = 15.0;
/// Seconds in a doorway before it counts as standing in it.
const DOORWAY_TICKS: u32 = HZ / 2;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Exposed>().add_systems(
        FixedUpdate,
        track
            .in_set(SimSet::Perceive)
            .after(super::perception::perceive)
            .run_if(sim_running),
    );
}

/// What the trainee was exposed to at the last tick.
#[derive(Resource, Debug, Default)]
pub(crate) struct Exposed {
    started: bool,
    cover: Option<CoverKind>,
    line_of_fire: Vec<bool>,
    gap: Vec<bool>,
    back_turned: Vec<bool>,
    doorway: Option<usize>,
    doorway_since: Option<(usize, u32)>,
    in_line: Vec<usize>,
    partner_line: Vec<usize>,
    at_vehicle: Option<usize>,
}

fn track(
    mut exposed: ResMut<Exposed>,
    mut state: ResMut<SimState>,
    perc: Res<Perception>,
    mut journal: ResMut<Journal>,
) {
    let ex = &mut *exposed;
    let state = &mut *state;
    let tick = state.tick;
    let n = perc.views.len();
    if !ex.started {
        ex.started = true;
        ex.line_of_fire = vec![false; n];
        ex.gap = vec![false; n];
        ex.back_turned = vec![false; n];
    }
    let mut log = |e: Exposure, focus: Option<usize>| {
        journal.later(tick, EventKind::Exposure(e), focus);
    };
    let threat = perc.threat_person();
    if perc.officer.cover != ex.cover {
        match perc.officer.cover {
            Some(k) => log(Exposure::EnteredCover(k), threat),
            None => log(Exposure::LeftCover, threat),
        }
        ex.cover = perc.officer.cover;
    }
    let tr = &state.people[0];
    let (tpos, theading) = (tr.pos, tr.heading);
    for (k, (pi, view)) in perc.views.iter().enumerate() {
        let p = &state.people[*pi];
        let s = p.subject().expect("subject");
        let free = p.present && !s.restrained && p.active(tick);
        let id = || p.id.clone();
        // Line of fire: only from someone the trainee knows is there.
        let lof = view.officer_in_line_of_fire && s.seen;
        if lof != ex.line_of_fire[k] {
            ex.line_of_fire[k] = lof;
            log(
                if lof {
                    Exposure::EnteredLineOfFire(id())
                } else {
                    Exposure::LeftLineOfFire(id())
                },
                Some(*pi),
            );
        }
        let d = p.pos.distance(tpos);
        let gap = if ex.gap[k] {
            free && d < GAP_OUT
        } else {
            free && d < GAP
        };
        if gap != ex.gap[k] {
            ex.gap[k] = gap;
            log(
                if gap {
                    Exposure::EnteredGap(id())
                } else {
                    Exposure::LeftGap(id())
                },
                Some(*pi),
            );
        }
        let behind = angle_between(heading_of(p.pos - tpos), theading) > 100f32.to_radians();
        // A subject reported armed can shoot a turned back from anywhere in sight.
        let reach = if s.reported_armed && !s.restrained {
            BACK_ARMED_M
        } else {
            BACK_M
        };
        let back = p.present && !s.searched && s.seen && d < reach && behind && p.active(tick);
        if back != ex.back_turned[k] {
            ex.back_turned[k] = back;
            log(
                if back {
                    Exposure::BackTurned(id())
                } else {
                    Exposure::BackRestored(id())
                },
                Some(*pi),
            );
        }
    }
    // The fatal funnel: lingering in an open doorway.
    let door = in_doorway(state, tpos);
    let lingering = match (door, ex.doorway_since) {
        (Some(d), Some((sd, since))) if d == sd => (tick - since >= DOORWAY_TICKS).then_some(d),
        (Some(d), _) => {
            ex.doorway_since = Some((d, tick));
            None
        }
        (None, _) => {
            ex.doorway_since = None;
            None
        }
    };
    if lingering != ex.doorway {
        if let Some(d) = ex.doorway {
            log(Exposure::LeftDoorway(state.doors[d].id.clone()), threat);
        }
        if let Some(d) = lingering {
            log(Exposure::EnteredDoorway(state.doors[d].id.clone()), threat);
        }
        ex.doorway = lingering;
    }
    // People between the trainee's drawn weapon and its target.
    let o = state.people[0].officer().expect("officer");
    let aim = if o.tool_state != ToolState::Holstered
        && matches!(o.tool, Tool::Handgun | Tool::Cew | Tool::Oc)
    {
        o.aim.or(threat)
    } else {
        None
    };
    let mut in_line = Vec::new();
    if let Some(t) = aim {
        let tp = state.people[t].pos;
        for (i, p) in state.people.iter().enumerate() {
            if i == 0 || i == t || !p.present || p.is_subject() {
                continue;
            }
            let (d, f) = seg_dist(p.pos, tpos, tp);
            if d < 0.6 && f > 0.02 && f < 0.98 {
                in_line.push(i);
            }
        }
    }
    for &i in &in_line {
        if !ex.in_line.contains(&i) {
            log(Exposure::PersonInLine(state.people[i].id.clone()), aim);
        }
    }
    for &i in &ex.in_line {
        if !in_line.contains(&i) {
            log(Exposure::LineClear(state.people[i].id.clone()), aim);
        }
    }
    ex.in_line = in_line;
    // The trainee in a partner's line of fire (partner's weapon drawn at a target).
    let mut partner_line = Vec::new();
    for (i, p) in state.people.iter().enumerate().skip(1) {
        let Some(o) = p.officer() else {
            continue;
        };
        if !p.present || o.tool != Tool::Handgun || o.tool_state == ToolState::Holstered {
            continue;
        }
        let Some(t) = o.aim else { continue };
        let (d, f) = seg_dist(tpos, p.pos, state.people[t].pos);
        if d < 0.6 && f > 0.02 && f < 0.98 {
            partner_line.push(i);
        }
    }
    for &i in &partner_line {
        if !ex.partner_line.contains(&i) {
            log(Exposure::InPartnerLine(state.people[i].id.clone()), threat);
        }
    }
    for &i in &ex.partner_line {
        if !partner_line.contains(&i) {
            log(
                Exposure::OutOfPartnerLine(state.people[i].id.clone()),
                threat,
            );
        }
    }
    ex.partner_line = partner_line;
    // Standing at an occupied vehicle.
    let occupied = |v: usize| {
        state
            .people
            .iter()
            .any(|p| p.present && p.in_vehicle == Some(v) && p.is_subject())
    };
    let near = state
        .vehicles
        .iter()
        .enumerate()
        .map(|(i, v)| (i, box_dist(tpos, v.at, v.half, v.rot)))
        .filter(|(i, d)| {
            let limit = if ex.at_vehicle == Some(*i) { 2.0 } else { 1.5 };
            *d <= limit && occupied(*i)
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i);
    if near != ex.at_vehicle {
        if let Some(v) = ex.at_vehicle {
            log(Exposure::LeftVehicle(state.vehicles[v].id.clone()), threat);
        }
        if let Some(v) = near {
            log(Exposure::AtVehicle(state.vehicles[v].id.clone()), threat);
        }
        ex.at_vehicle = near;
    }
}
