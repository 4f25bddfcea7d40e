//! Builds the run's state from [`SimSetup`]: colliders, people, crowds.
//! Runs once, on the first fixed tick after `SimSetup` appears.

use super::geom::v;
use super::journal::Journal;
use super::perception::Perception;
use super::rng::SimRng;
use super::state::*;
use super::world::{spawn_body, spawn_map};
use super::{SimEnd, SimLog, SimSetup, SimTick};
use crate::domain::*;
use crate::events::TRAINEE;
use crate::scenario::schema::{ItemKind, SubjectRole};
use bevy::prelude::*;

/// Creates [`SimState`] and the colliders.
pub(crate) fn init_run(mut commands: Commands, setup: Res<SimSetup>) {
    let scenario = &setup.scenario;
    let mut rng = SimRng::new(setup.seed);
    let (doors, vehicles) = spawn_map(&mut commands, scenario);
    let mut people = Vec::new();

    let t = &scenario.officers.trainee;
    people.push(person(
        TRAINEE,
        Role::Officer(OfficerState::new(OfficerRole::Trainee, t.equipment.clone())),
        t.sex,
        AgeGroup::Adult,
        v(t.spawn),
        t.heading,
        Some(spawn_body(&mut commands, v(t.spawn))),
    ));
    for p in &scenario.officers.partners {
        let o = person(
            &p.id,
            Role::Officer(OfficerState::new(
                OfficerRole::Partner(p.role),
                p.equipment.clone(),
            )),
            p.sex,
            AgeGroup::Adult,
            v(p.spawn),
            t.heading,
            Some(spawn_body(&mut commands, v(p.spawn))),
        );
        people.push(o);
    }
    for (i, s) in scenario.subjects.iter().enumerate() {
        let drugs = s.carrying.iter().any(|it| it.kind == ItemKind::Drugs);
        let state = SubjectState {
            spec: i,
            level: s.resistance,
            agitation: initial_agitation(s.temperament, s.resistance),
            temperament: s.temperament,
            weapon: s.weapon.map(|w| WeaponRt {
                kind: w.kind,
                place: w.place,
                state: match w.carry {
                    Carry::Visible if w.kind != WeaponKind::None => WeaponState::InHand,
                    _ => WeaponState::Concealed,
                },
            }),
            restrained: false,
            searched: false,
            items: s.carrying.clone(),
            found: Vec::new(),
            activity: Activity::Idle,
            posture: Posture::Standing,
            hands_up: false,
            hands_shown: false,
            commands: Default::default(),
            complied: Vec::new(),
            escaped: false,
            flight: None,
            hiding: false,
            interviewed: false,
            reported_armed: s.reported.contains(&crate::scenario::schema::Report::Armed),
            stop: Default::default(),
            victim_signs: s.role == SubjectRole::Victim || (s.age.is_minor() && drugs),
            drugs,
            arrested: false,
            perceived: ResistanceLevel::Compliant,
            seen: false,
            last_seen: v(s.spawn),
            last_seen_tick: 0,
            weapon_seen: false,
            wronged: 0,
            next_shot: 0,
            acted: Vec::new(),
        };
        let mut p = person(
            &s.id,
            Role::Subject(state),
            s.sex,
            s.age,
            v(s.spawn),
            s.heading,
            Some(spawn_body(&mut commands, v(s.spawn))),
        );
        p.disability = s.disability;
        p.present = !s.hidden;
        p.in_vehicle = s
            .in_vehicle
            .as_ref()
            .and_then(|id| vehicles.iter().position(|veh| &veh.id == id));
        people.push(p);
    }
    for (i, b) in scenario.bystanders.iter().enumerate() {
        let mut p = person(
            &b.id,
            Role::Bystander(BystanderState {
                spec: i,
                witness: false,
                served: Vec::new(),
                wander: None,
                scared_until: 0,
                held_by: None,
            }),
            b.sex,
            b.age,
            v(b.spawn),
            0.0,
            Some(spawn_body(&mut commands, v(b.spawn))),
        );
        p.present = !b.hidden;
        people.push(p);
    }
    let mut crowds = Vec::new();
    for (ci, c) in scenario.crowds.iter().enumerate() {
        let Some(zi) = scenario.map.zones.iter().position(|z| z.id == c.zone) else {
            continue;
        };
        let z = &scenario.map.zones[zi];
        let cols = (c.count as f32).sqrt().ceil().max(1.0) as u32;
        let rows = c.count.div_ceil(cols).max(1);
        let (w, h) = (z.max.0 - z.min.0, z.max.1 - z.min.1);
        for k in 0..c.count {
            let (col, row) = (k % cols, k / cols);
            let jitter = Vec2::new(rng.range(-0.3, 0.3), rng.range(-0.3, 0.3));
            let pos = Vec2::new(
                z.min.0 + w * (col as f32 + 0.5) / cols as f32,
                z.min.1 + h * (row as f32 + 0.5) / rows as f32,
            ) + jitter;
            let sex = if rng.chance(0.5) {
                Sex::Male
            } else {
                Sex::Female
            };
            let p = person(
                &format!("{}_{}", c.id, k + 1),
                Role::CrowdMember(ci),
                sex,
                AgeGroup::Adult,
                pos,
                rng.range(-3.1, 3.1).to_degrees(),
                None,
            );
            people.push(p);
        }
        crowds.push(CrowdRt {
            id: c.id.clone(),
            zone: zi,
            agitation: c.agitation.clamp(0.0, 1.0),
            mood_step: (c.agitation.clamp(0.0, 1.0) * 4.0).floor() as u8,
            peaceful_hit: false,
            dispersing: false,
            lawful: c.lawful,
            back_from: None,
        });
    }

    commands.insert_resource(SimState {
        phase: Phase::Warmup,
        tick: 0,
        people,
        doors,
        vehicles,
        crowds,
        triggers: vec![TriggerRt::default(); scenario.triggers.len()],
        objectives_met: vec![false; scenario.objectives.len()],
        cleared: Vec::new(),
        witnesses: Vec::new(),
        seized_unsealed: Vec::new(),
        sealed: Vec::new(),
        heard: Vec::new(),
        tracers: Vec::new(),
        last_arrest: None,
        backup_due: None,
        acted: Vec::new(),
        noticed: Vec::new(),
        shot_this_tick: false,
        officer_down_this_tick: false,
        backup_arrived_this_tick: false,
        stimuli: Vec::new(),
        orders: Vec::new(),
        dark: scenario.light == crate::scenario::schema::Light::Dark,
    });
    commands.insert_resource(rng);
    commands.insert_resource(SimNav(crate::nav::NavGrid::with_clearance(
        &scenario.map,
        BODY_RADIUS + 0.05,
    )));
    commands.insert_resource(Perception::default());
    commands.insert_resource(super::exposure::Exposed::default());
    commands.insert_resource(super::TraineeViewRes::default());
    commands.insert_resource(super::SceneViewRes::default());
    commands.insert_resource(Journal::default());
    commands.insert_resource(SimLog::default());
    commands.insert_resource(SimEnd::default());
    commands.insert_resource(SimTick(0));
}

/// Agitation to start from: what the temperament and level suggest.
fn initial_agitation(t: Temperament, level: ResistanceLevel) -> f32 {
    let base = match t {
        Temperament::Calm => 0.1,
        Temperament::Nervous => 0.3,
        Temperament::Hostile => 0.45,
        Temperament::Intoxicated => 0.35,
        Temperament::InCrisis => 0.5,
    };
    (base + 0.1 * level.rank() as f32).min(1.0)
}

/// A person in this role, with defaults (their kind follows from the role).
pub(crate) fn person(
    id: &str,
    role: Role,
    sex: Sex,
    age: AgeGroup,
    pos: Vec2,
    heading_deg: f32,
    body: Option<Entity>,
) -> Person {
    Person {
        id: id.to_string(),
        kind: role.kind(),
        sex,
        age,
        disability: Disability::None,
        pos,
        heading: heading_deg.to_radians(),
        speed: 0.0,
        present: true,
        health: Health::Unhurt,
        down_until: 0,
        want: Vec2::ZERO,
        face: None,
        in_vehicle: None,
        speech: None,
        body,
        role,
        follower: Default::default(),
    }
}

/// Marks the run as started once rapier has indexed the colliders.
pub(crate) fn finish_warmup(mut state: ResMut<SimState>) {
    if state.phase == Phase::Warmup {
        state.phase = Phase::Running;
    }
}
