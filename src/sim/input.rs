//! The start of a tick: the trainee's input, the instructor's interventions
//! and the stop request.

use super::geom::v;
use super::journal::Journal;
use super::perception::Perception;
use super::rng::SimRng;
use super::state::*;
use super::step::Step;
use super::{
    InstructorInput, SimEnd, SimPaused, SimSet, SimSetup, StopRequest, TraineeInputRes, sim_running,
};
use crate::events::{EndReason, EventKind, Intervention};
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        FixedUpdate,
        (
            apply_instructor.run_if(resource_exists::<SimState>),
            (start_tick, read_trainee_input).chain().run_if(sim_running),
        )
            .chain()
            .in_set(SimSet::Input),
    );
}

/// Logs the start, clears the tick's flags, honours a stop request.
fn start_tick(
    setup: Res<SimSetup>,
    mut state: ResMut<SimState>,
    mut journal: ResMut<Journal>,
    perc: Res<Perception>,
    mut stop: ResMut<StopRequest>,
    mut end: ResMut<SimEnd>,
) {
    let state = &mut *state;
    state.acted.clear();
    state.noticed.clear();
    state.shot_this_tick = false;
    state.officer_down_this_tick = false;
    state.backup_arrived_this_tick = false;
    let tick = state.tick;
    state.heard.retain(|(t, _, _)| tick < t + 5 * HZ);
    state.tracers.retain(|(t, _, _)| tick < t + HZ / 2);
    if tick == 0 {
        journal.later(
            0,
            EventKind::Started {
                scenario: setup.scenario.id.clone(),
                seed: setup.seed,
                kind: Some(setup.scenario.kind),
                risk: Some(setup.scenario.risk),
                objectives: setup
                    .scenario
                    .objectives
                    .iter()
                    .filter(|o| o.required)
                    .map(|o| o.id.clone())
                    .collect(),
                optional: setup
                    .scenario
                    .objectives
                    .iter()
                    .filter(|o| !o.required)
                    .map(|o| o.id.clone())
                    .collect(),
                labels: labels(&setup.scenario),
            },
            None,
        );
        for c in setup.scenario.crowds.iter().filter(|c| !c.lawful) {
            journal.later(
                0,
                EventKind::AssemblyStatus {
                    crowd: c.id.clone(),
                    lawful: false,
                },
                None,
            );
        }
    }
    if stop.0 && end.0.is_none() {
        stop.0 = false;
        end.0 = Some(EndReason::Stopped);
        // A stopped run is judged like any other end (a peaceful assembly
        // is judged as it stands when the session is stopped).
        super::triggers::judge_at_end(&setup, state, &mut journal);
        journal.now(
            tick,
            EventKind::Ended {
                reason: EndReason::Stopped,
            },
            None,
            &perc,
            state,
        );
    }
}

/// Copies the trainee's movement and queues their actions.
fn read_trainee_input(mut input: ResMut<TraineeInputRes>, mut state: ResMut<SimState>) {
    let state = &mut *state;
    let tick = state.tick;
    let input = &mut input.0;
    let select = input.select.as_deref().and_then(|id| state.find(id));
    if let Some(on) = input.light
        && state.people[0].active(tick)
    {
        // The officers with the trainee follow their light discipline:
        // flashlights on and off together.
        for p in state.people.iter_mut() {
            if let Some(o) = p.officer_mut() {
                o.light = on;
            }
        }
    }
    let tr = &mut state.people[0];
    if tr.active(tick) {
        let o = tr.officer_mut().expect("trainee is an officer");
        o.run = input.run;
        o.select = select;
        let speed = if input.run { RUN } else { WALK };
        let d = v(input.move_dir);
        tr.want = if d.length_squared() > 1e-6 {
            d.normalize() * speed
        } else {
            Vec2::ZERO
        };
        tr.face = input.face.map(v);
    } else {
        tr.want = Vec2::ZERO;
    }
    for a in input.actions.drain(..) {
        state.orders.push((0, a));
    }
}

/// Applies and logs the instructor's interventions (runs while paused too).
#[allow(clippy::too_many_arguments)]
fn apply_instructor(
    setup: Res<SimSetup>,
    mut state: ResMut<SimState>,
    mut rng: ResMut<SimRng>,
    mut journal: ResMut<Journal>,
    perc: Res<Perception>,
    nav: Res<SimNav>,
    mut instructor: ResMut<InstructorInput>,
    mut paused: ResMut<SimPaused>,
    stop: Res<StopRequest>,
) {
    // A stop ends a paused run too: resume so the tick can log the end.
    if stop.0 && paused.0 {
        paused.0 = false;
    }
    if instructor.0.is_empty() || state.phase != Phase::Running {
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
    for iv in instructor.0.drain(..) {
        let focus = match &iv {
            Intervention::SetLevel(id, _)
            | Intervention::Act(id, _)
            | Intervention::AddBystander(id) => step.state.find(id),
            _ => None,
        };
        step.now(EventKind::Instructor(iv.clone()), focus);
        match iv {
            Intervention::SetLevel(_, level) => {
                if let Some(i) = focus.filter(|&i| step.state.people[i].is_subject()) {
                    super::subjects::set_level(&mut step, i, level, true);
                }
            }
            Intervention::Act(_, action) => {
                if let Some(i) = focus.filter(|&i| step.state.people[i].is_subject()) {
                    super::subjects::begin(&mut step, i, action);
                }
            }
            Intervention::AddBystander(_) => {
                if let Some(i) = focus {
                    step.state.people[i].present = true;
                }
            }
            Intervention::Pause => paused.0 = true,
            Intervention::Resume => paused.0 = false,
        }
    }
}

/// A door's name: its own label, else «the door to» the labelled zone on
/// either side of it (a room before any other zone), else «a door».
fn door_label(
    s: &crate::scenario::schema::Scenario,
    d: &crate::scenario::schema::Door,
) -> Option<crate::domain::LocalizedText> {
    use crate::scenario::schema::{Orientation, ZoneRole};
    if let Some(l) = &d.label {
        return Some(l.clone());
    }
    // Points just off the doorway on both sides of its wall.
    let off = 0.6;
    let sides = match d.orientation {
        Orientation::Horizontal => [(d.at.0, d.at.1 - off), (d.at.0, d.at.1 + off)],
        Orientation::Vertical => [(d.at.0 - off, d.at.1), (d.at.0 + off, d.at.1)],
    };
    let inside = |z: &crate::scenario::schema::Zone, p: (f32, f32)| {
        p.0 >= z.min.0 && p.0 <= z.max.0 && p.1 >= z.min.1 && p.1 <= z.max.1
    };
    let place = s
        .map
        .zones
        .iter()
        .filter(|z| z.label.is_some() && sides.iter().any(|&p| inside(z, p)))
        .min_by_key(|z| (z.role != ZoneRole::Room) as u8)
        .and_then(|z| z.label.clone());
    let m = match place {
        Some(p) => crate::i18n::Msg::new("label-door-to").with("place", crate::i18n::Arg::Local(p)),
        None => crate::i18n::Msg::new("label-door"),
    };
    Some(crate::i18n::localized(&m))
}

/// The scenario's names for its people, items and objectives, by id, for the
/// `Started` event (scoring shows them instead of ids). A subject's weapon,
/// logged as `{id}:weapon` when found, is named by its kind and owner.
fn labels(
    s: &crate::scenario::schema::Scenario,
) -> std::collections::BTreeMap<String, crate::domain::LocalizedText> {
    let mut out = std::collections::BTreeMap::new();
    for p in &s.subjects {
        if let Some(name) = &p.name {
            out.insert(p.id.clone(), name.clone());
        }
        if let Some(w) = &p.weapon {
            let owner = match &p.name {
                Some(n) => crate::i18n::Arg::Local(n.clone()),
                None => crate::i18n::Arg::Text(p.id.clone()),
            };
            let label = crate::i18n::Msg::new("label-weapon")
                .with("weapon", crate::i18n::nouns::weapon(w.kind))
                .with("owner", owner);
            out.insert(format!("{}:weapon", p.id), crate::i18n::localized(&label));
        }
    }
    for b in &s.bystanders {
        if let Some(name) = &b.name {
            out.insert(b.id.clone(), name.clone());
        }
    }
    let items = s.subjects.iter().flat_map(|p| &p.carrying);
    for it in items.chain(s.map.vehicles.iter().flat_map(|v| &v.contents)) {
        if let Some(label) = &it.label {
            out.insert(it.id.clone(), label.clone());
        }
    }
    for o in &s.objectives {
        out.insert(o.id.clone(), o.text.clone());
    }
    // Places (rooms, areas) by their own labels: findings name «the Storeroom», not «storeroom».
    for z in &s.map.zones {
        if let Some(label) = &z.label {
            out.entry(z.id.clone()).or_insert_with(|| label.clone());
        }
    }
    // Doors by their labels, else by the room they open into: findings name
    // «the door to the Storeroom», never `store_door`.
    for d in &s.map.doors {
        if let Some(label) = door_label(s, d) {
            out.entry(d.id.clone()).or_insert(label);
        }
    }
    // Crowd members have generated ids (`rally_14`, see spawn.rs); a finding
    // names them as a person in the crowd instead.
    for c in &s.crowds {
        for k in 1..=c.count {
            let name = crate::i18n::Msg::new("label-crowd_member").with("n", k);
            out.insert(format!("{}_{k}", c.id), crate::i18n::localized(&name));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Lang, LocalizedText};
    use crate::scenario::schema::{Door, DoorState, Orientation, Zone, ZoneRole};

    fn door(id: &str, at: (f32, f32), label: Option<&str>) -> Door {
        Door {
            id: id.into(),
            at,
            width: 0.9,
            orientation: Orientation::Vertical,
            state: DoorState::Closed,
            label: label.map(LocalizedText::en),
        }
    }

    #[test]
    fn doors_are_named_by_their_label_or_the_room_they_open_into() {
        let mut s = crate::sim::testing::blank_scenario((20.0, 10.0), (1.0, 1.0));
        s.map.zones.push(Zone {
            id: "yard".into(),
            min: (0.0, 0.0),
            max: (10.0, 10.0),
            role: ZoneRole::Area,
            label: Some(LocalizedText::en("Yard")),
        });
        s.map.zones.push(Zone {
            id: "store".into(),
            min: (10.0, 0.0),
            max: (20.0, 10.0),
            role: ZoneRole::Room,
            label: Some(LocalizedText::en("Storeroom")),
        });
        s.map
            .doors
            .push(door("back_door", (10.0, 5.0), Some("Back door")));
        s.map.doors.push(door("store_door", (10.0, 2.0), None));
        s.map.doors.push(door("d9", (30.0, 30.0), None));
        let l = labels(&s);
        assert_eq!(l["back_door"].get(Lang::En), "Back door");
        // The room wins over the yard on the other side.
        assert_eq!(l["store_door"].get(Lang::En), "Storeroom door");
        assert_eq!(l["store_door"].get(Lang::Ru), "дверь (Storeroom)");
        assert_eq!(l["d9"].get(Lang::Kk), "есік");
    }
}
