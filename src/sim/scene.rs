//! The end of a tick: events written, the trainee's view and the drawable
//! scene filled, the tick advanced.

use super::actions::witness_bar_line;
use super::geom::{angle_between, dir, heading_of, pt};
use super::journal::flush;
use super::perception::{HALF_FOV, PERIPHERAL, Perception, subject_cues};
use super::state::*;
use super::world::Rays;
use super::{
    Drawable, SceneViewRes, SimEnd, SimOptions, SimSet, SimSetup, SimTick, TraineeViewRes,
    sim_running,
};
use crate::events::SubjectView;
use crate::trainee::{DoorSeen, PersonSeen};
use bevy::prelude::*;
use bevy_rapier2d::prelude::ReadRapierContext;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        FixedUpdate,
        (flush, trainee_view, scene_view, advance)
            .chain()
            .in_set(SimSet::Log)
            .run_if(sim_running),
    );
}

/// Copies a view, reusing the destination's allocations.
fn copy_view(dst: &mut SubjectView, src: &SubjectView) {
    dst.id.clone_from(&src.id);
    dst.perceived = src.perceived;
    dst.cues.clear();
    dst.cues.extend_from_slice(&src.cues);
    dst.weapon_visible = src.weapon_visible;
    dst.distance = src.distance;
    dst.visible = src.visible;
    dst.restrained = src.restrained;
    dst.searched = src.searched;
    dst.sex = src.sex;
    dst.age = src.age;
    dst.disability = src.disability;
    dst.health = src.health;
    dst.in_vehicle = src.in_vehicle;
    dst.in_crowd = src.in_crowd;
    dst.officer_covered = src.officer_covered;
    dst.officer_in_line_of_fire = src.officer_in_line_of_fire;
    dst.people_in_line.clone_from(&src.people_in_line);
    dst.crowd_behind = src.crowd_behind;
}

/// Whether the trainee notices a person without a ray cast (bystanders and
/// officers: in the field of view or close by).
fn in_view(state: &SimState, p: &Person) -> bool {
    let tr = state.trainee();
    let d = p.pos - tr.pos;
    p.present
        && d.length() <= super::perception::SIGHT_RANGE
        && (d.length() <= PERIPHERAL || angle_between(heading_of(d), tr.heading) <= HALF_FOV)
        && (!state.dark || lit_by_trainee(state, p, d))
}

/// In the dark: close by, in the trainee's beam, or holding a lit flashlight
/// (as `perception::lit`, for people without a ray-cast view).
fn lit_by_trainee(state: &SimState, p: &Person, d: Vec2) -> bool {
    use super::perception::{BEAM_HALF, BEAM_RANGE, DARK_NEAR};
    let tr = state.trainee();
    let beam = tr.officer().is_some_and(|o| o.light)
        && d.length() <= BEAM_RANGE
        && angle_between(heading_of(d), tr.heading) <= BEAM_HALF;
    d.length() <= DARK_NEAR || beam || p.officer().is_some_and(|o| o.light)
}

fn trainee_view(
    setup: Res<SimSetup>,
    state: Res<SimState>,
    perc: Res<Perception>,
    mut view: ResMut<TraineeViewRes>,
) {
    let view = &mut view.0;
    let tr = state.trainee();
    let o = state.trainee_officer();
    view.tick = state.tick;
    view.t = state.seconds();
    view.pos = pt(tr.pos);
    view.heading = tr.heading.to_degrees();
    view.tool = o.tool;
    view.tool_state = o.tool_state;
    view.health = tr.health;
    view.identified = o.identified;
    view.called_in = o.called_in;
    view.backup_requested = o.backup_requested;
    view.light = o.light;
    view.dark = state.dark;
    // Subjects seen at least once, in people order.
    let known = perc
        .views
        .iter()
        .filter(|(i, _)| state.people[*i].subject().is_some_and(|s| s.seen));
    let mut k = 0;
    for (i, sv) in known {
        let p = &state.people[*i];
        let s = p.subject().expect("subject");
        if view.subjects.len() <= k {
            view.subjects.push(PersonSeen::default());
        }
        let ps = &mut view.subjects[k];
        // Out of view: where and how they were last seen.
        if sv.visible || ps.id != p.id {
            ps.heading = p.heading.to_degrees();
        }
        ps.pos = pt(if sv.visible { p.pos } else { s.last_seen });
        ps.id.clone_from(&p.id);
        copy_view(&mut ps.view, sv);
        k += 1;
    }
    view.subjects.truncate(k);
    let mut k = 0;
    for p in state
        .people
        .iter()
        .filter(|p| p.is_bystander() && in_view(&state, p))
    {
        if view.bystanders.len() <= k {
            view.bystanders.push(PersonSeen::default());
        }
        let ps = &mut view.bystanders[k];
        ps.id.clone_from(&p.id);
        ps.pos = pt(p.pos);
        ps.heading = p.heading.to_degrees();
        ps.view.id.clone_from(&p.id);
        ps.view.distance = p.pos.distance(tr.pos);
        ps.view.visible = true;
        ps.view.sex = p.sex;
        ps.view.age = p.age;
        ps.view.health = p.health;
        k += 1;
    }
    view.bystanders.truncate(k);
    let mut k = 0;
    for p in state
        .people
        .iter()
        .skip(1)
        .filter(|p| p.is_officer() && p.present)
    {
        if view.officers.len() <= k {
            view.officers.push(PersonSeen::default());
        }
        let ps = &mut view.officers[k];
        ps.id.clone_from(&p.id);
        ps.pos = pt(p.pos);
        ps.heading = p.heading.to_degrees();
        ps.view.id.clone_from(&p.id);
        ps.view.distance = p.pos.distance(tr.pos);
        ps.view.visible = in_view(&state, p);
        ps.view.sex = p.sex;
        ps.view.health = p.health;
        k += 1;
    }
    view.officers.truncate(k);
    if view.doors.len() != state.doors.len() {
        view.doors = state
            .doors
            .iter()
            .map(|d| DoorSeen {
                id: d.id.clone(),
                at: pt(d.at),
                state: d.state,
            })
            .collect();
    }
    for (seen, d) in view.doors.iter_mut().zip(&state.doors) {
        seen.state = d.state;
    }
    view.cover = perc.officer.cover;
    if view.witnesses.len() != state.witnesses.len() {
        view.witnesses = state
            .witnesses
            .iter()
            .map(|&i| state.people[i].id.clone())
            .collect();
        view.unfit_witnesses = state
            .witnesses
            .iter()
            .filter(|&&i| {
                state.people[i].bystander().is_some_and(|b| {
                    let spec = &setup.scenario.bystanders[b.spec];
                    witness_bar_line(spec.witness, spec.serial).is_some()
                })
            })
            .map(|&i| state.people[i].id.clone())
            .collect();
    }
    let (held, checked) =
        state
            .people
            .iter()
            .filter_map(|p| p.subject())
            .fold((0, 0), |(h, c), s| {
                (
                    h + usize::from(s.stop.documents_handed),
                    c + usize::from(s.stop.documents_checked),
                )
            });
    if view.documents_held.len() != held || view.documents_checked.len() != checked {
        let ids = |f: fn(&StopProgress) -> bool| -> Vec<String> {
            state
                .people
                .iter()
                .filter(|p| p.subject().is_some_and(|s| f(&s.stop)))
                .map(|p| p.id.clone())
                .collect()
        };
        view.documents_held = ids(|s| s.documents_handed);
        view.documents_checked = ids(|s| s.documents_checked);
    }
    if view.cleared.len() != state.cleared.len() {
        view.cleared.clone_from(&state.cleared);
    }
    let met = state.objectives_met.iter().filter(|m| **m).count();
    if view.objectives_met.len() != met {
        view.objectives_met = setup
            .scenario
            .objectives
            .iter()
            .zip(&state.objectives_met)
            .filter(|(_, m)| **m)
            .map(|(o, _)| o.id.clone())
            .collect();
    }
    if view.seized_unsealed.len() != state.seized_unsealed.len() {
        view.seized_unsealed = state
            .seized_unsealed
            .iter()
            .map(|(it, _)| it.clone())
            .collect();
    }
    if view.heard.len() != state.heard.len()
        || view
            .heard
            .last()
            .zip(state.heard.last())
            .is_some_and(|(a, b)| a.0 != b.1 || a.1 != b.2)
    {
        view.heard = state
            .heard
            .iter()
            .map(|(_, who, text)| (who.clone(), text.clone()))
            .collect();
    }
    let escaped = state
        .people
        .iter()
        .filter(|p| p.subject().is_some_and(|s| s.escaped));
    if view.escaped.len() != escaped.clone().count() {
        view.escaped = escaped.map(|p| p.id.clone()).collect();
    }
    view.noticed.clear();
    for n in &state.noticed {
        view.noticed.push((*n).to_string());
    }
}

fn scene_view(
    setup: Res<SimSetup>,
    options: Res<SimOptions>,
    state: Res<SimState>,
    perc: Res<Perception>,
    mut scene: ResMut<SceneViewRes>,
    rapier: ReadRapierContext,
) {
    if !options.scene_view {
        return;
    }
    let scene = &mut scene.0;
    let tick = state.tick;
    scene.people.clear();
    let mut cues = Vec::new();
    for (i, p) in state.people.iter().enumerate() {
        if !p.present {
            continue;
        }
        let visible = match perc.view(i) {
            Some(v) => v.visible,
            None => i == 0 || in_view(&state, p),
        };
        cues.clear();
        if let Some(s) = p.subject() {
            subject_cues(p, s, &setup.scenario.subjects[s.spec], tick, &mut cues);
        } else if p.health >= crate::domain::Health::Minor {
            cues.push(crate::domain::Cue::Injured);
        }
        scene.people.push(Drawable {
            id: p.id.clone(),
            kind: p.kind,
            pos: pt(p.pos),
            heading: p.heading.to_degrees(),
            visible,
            heard: !visible && super::perception::heard(&state, i),
            cues: cues.clone(),
            speech: p
                .speech
                .as_ref()
                .filter(|(_, until)| tick < *until)
                .map(|(t, _)| t.clone()),
            tool: p.officer().map(|o| (o.tool, o.tool_state)),
            health: p.health,
            sex: p.sex,
            age: p.age,
        });
    }
    scene.doors.clear();
    scene
        .doors
        .extend(state.doors.iter().map(|d| (d.id.clone(), d.state)));
    scene.tracers.clear();
    scene
        .tracers
        .extend(state.tracers.iter().map(|(_, a, b)| (pt(*a), pt(*b))));
    scene.visibility.clear();
    if options.visibility_polygon
        && let Ok(ctx) = rapier.single()
    {
        let rays = Rays::new(ctx);
        let from = state.trainee().pos;
        let n = options.visibility_rays.max(8);
        let tr = state.trainee();
        let light = tr.officer().is_some_and(|o| o.light);
        for k in 0..n {
            let a = std::f32::consts::TAU * k as f32 / n as f32;
            // In the dark the fog follows the flashlight's beam, and a short
            // radius around the officer otherwise.
            let reach = if !state.dark {
                super::perception::SIGHT_RANGE
            } else if light
                && super::geom::angle_between(a, tr.heading) <= super::perception::BEAM_HALF
            {
                super::perception::BEAM_RANGE
            } else {
                super::perception::DARK_NEAR
            };
            let to = from + dir(a) * reach;
            let f = rays.sight_reach(from, to);
            scene.visibility.push(pt(from + (to - from) * f));
        }
    }
}

fn advance(mut state: ResMut<SimState>, mut tick: ResMut<SimTick>, end: Res<SimEnd>) {
    state.tick += 1;
    tick.0 = state.tick;
    if end.0.is_some() {
        state.phase = Phase::Ended;
    }
}
