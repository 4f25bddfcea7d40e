//! Partner and backup officers. A cover officer watches the most threatening
//! subject from an angle (out of the trainee's line of fire), behind hard
//! cover when there is some near, draws and aims as the threat rises, fires
//! only to stop a deadly attack, and handcuffs on request or, in a felony
//! stop, a subject who went prone on command. A contact officer stands
//! closer and talks. Backup arrives after the scenario's delay and covers.

use super::geom::{dir, heading_of, limit, v};
use super::journal::Journal;
use super::perception::{Perception, can_see};
use super::rng::SimRng;
use super::spawn::person;
use super::state::*;
use super::steer::steer;
use super::step::Step;
use super::world::{Rays, spawn_body};
use super::{SimSet, SimSetup, sim_running};
use crate::domain::Command;
use crate::domain::*;
use crate::events::EventKind;
use crate::scenario::schema::{CoverKind, Equipment, PartnerRole, ScenarioKind};
use bevy::prelude::*;
use bevy_rapier2d::prelude::ReadRapierContext;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        FixedUpdate,
        (backup_arrives, think)
            .chain()
            .in_set(SimSet::Ai)
            .run_if(sim_running),
    );
}

/// Brings backup in when it is due.
fn backup_arrives(
    mut commands: Commands,
    setup: Res<SimSetup>,
    mut state: ResMut<SimState>,
    mut journal: ResMut<Journal>,
) {
    let Some(due) = state.backup_due else { return };
    if state.tick < due {
        return;
    }
    let Some(b) = setup.scenario.officers.backup.as_ref() else {
        return;
    };
    state.backup_due = None;
    let mut ids = Vec::new();
    for k in 0..b.count {
        let pos = v(b.spawn) + Vec2::new(0.0, k as f32 * 1.2);
        let id = format!("backup_{}", k + 1);
        let p = person(
            &id,
            Role::Officer(OfficerState::new(
                OfficerRole::Backup,
                Equipment::standard(),
            )),
            Sex::Male,
            AgeGroup::Adult,
            pos,
            0.0,
            Some(spawn_body(&mut commands, pos)),
        );
        state.people.push(p);
        ids.push(id);
    }
    state.backup_arrived_this_tick = true;
    state.noticed.push("backup_arrived");
    super::combat::stimulate_all(&mut state, Stim::BackupArrived);
    let tick = state.tick;
    journal.later(tick, EventKind::BackupArrived { officers: ids }, None);
}

/// Partner officers decide where to stand and what to do.
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
    let tick = step.tick();
    let n = step.state.people.len();
    for i in 1..n {
        let p = &step.state.people[i];
        let Some(o) = p.officer() else {
            continue;
        };
        if !p.active(tick) {
            step.state.people[i].want = Vec2::ZERO;
            continue;
        }
        match o.task {
            PartnerTask::Cuff(t) => cuff(&mut step, &rays, i, t),
            PartnerTask::Search(t) => search(&mut step, &rays, i, t),
            PartnerTask::Watch => watch(&mut step, &rays, i),
        }
    }
}

/// Walks to a subject and handcuffs them.
fn cuff(step: &mut Step, rays: &Rays, i: usize, t: usize) {
    let tick = step.tick();
    let target = &step.state.people[t];
    let done = !target.present
        || target.subject().is_none_or(|s| s.restrained)
        || (target.free_subject(tick)
            && target
                .subject()
                .is_some_and(|s| s.level >= ResistanceLevel::Active && !s.hands_up));
    let o = step.state.people[i].officer_mut().expect("officer");
    if done {
        o.task = PartnerTask::Watch;
        return;
    }
    // Hands free for cuffing.
    if o.tool_state != ToolState::Holstered {
        step.state
            .orders
            .push((i, OfficerAction::new(Act::Holster)));
    }
    walk_up_and_do(step, rays, i, t, Procedure::Handcuff);
}

/// Walks partner `i` to person `t`; within reach, orders `procedure` on them
/// and goes back to watching.
fn walk_up_and_do(step: &mut Step, rays: &Rays, i: usize, t: usize, procedure: Procedure) {
    let (pos, tpos) = (step.state.people[i].pos, step.state.people[t].pos);
    if (tpos - pos).length() > 1.0 {
        steer(step, rays, i, tpos, 2.5, 1.0);
        step.state.people[i].face = Some(tpos);
    } else {
        step.state.people[i].want = Vec2::ZERO;
        let id = step.state.people[t].id.clone();
        step.state
            .orders
            .push((i, OfficerAction::at(Act::Do(procedure), id)));
        step.state.people[i].officer_mut().expect("officer").task = PartnerTask::Watch;
    }
}

/// Walks to a subject and searches them (sent by the trainee).
fn search(step: &mut Step, rays: &Rays, i: usize, t: usize) {
    let tick = step.tick();
    let target = &step.state.people[t];
    let done = !target.present
        || target.subject().is_none_or(|s| {
            s.searched
                || (!s.restrained
                    && target.free_subject(tick)
                    && s.level >= ResistanceLevel::Active
                    && !s.hands_up)
        });
    if done {
        step.state.people[i].officer_mut().expect("officer").task = PartnerTask::Watch;
        return;
    }
    walk_up_and_do(step, rays, i, t, Procedure::Search);
}

/// Keeps watch on the main threat from a covered angle.
fn watch(step: &mut Step, rays: &Rays, i: usize) {
    let tick = step.tick();
    let o = step.state.people[i].officer().expect("officer");
    let role = o.role;
    let contact = role == OfficerRole::Partner(PartnerRole::Contact);
    // The most threatening subject this officer can see (by the trainee's
    // reading of their behaviour), else the trainee's main threat.
    let mut threat: Option<(usize, ResistanceLevel)> = None;
    if tick >= o.next_think {
        for (pi, view) in &step.perc.views {
            let p = &step.state.people[*pi];
            if !p.present || view.restrained || !p.active(tick) {
                continue;
            }
            let level = p.subject().map(|s| s.perceived).unwrap_or_default();
            if threat.is_none_or(|(_, l)| level > l) && can_see(rays, step.state, i, *pi) {
                threat = Some((*pi, level));
            }
        }
        if threat.is_none() {
            threat = step.perc.threat_person().map(|t| {
                (
                    t,
                    step.state.people[t]
                        .subject()
                        .map(|s| s.perceived)
                        .unwrap_or_default(),
                )
            });
        }
        let post = threat.map(|(t, _)| post_for(step, i, t, contact));
        let o = step.state.people[i].officer_mut().expect("officer");
        o.next_think = tick + HZ / 2;
        o.post = post;
        o.aim = threat.map(|(t, _)| t).or(o.aim);
        // Felony stop: the cover officer cuffs a subject who went prone on command.
        if matches!(
            step.setup.scenario.kind,
            ScenarioKind::ArmedVehicle | ScenarioKind::ArmedBuilding
        ) && !contact
        {
            let prone = step.state.people.iter().position(|p| {
                p.present
                    && p.subject().is_some_and(|s| {
                        !s.restrained
                            && s.posture == Posture::Prone
                            && s.level == ResistanceLevel::Compliant
                            && s.complied.contains(&Command::Prone)
                    })
            });
            if let Some(t) = prone {
                step.state.people[i].officer_mut().expect("officer").task = PartnerTask::Cuff(t);
            }
        }
        weapon_posture(step, i, threat);
        if contact
            && let Some((t, level)) = threat
            && level <= ResistanceLevel::Active
            && tick % (10 * HZ) < HZ / 2
            && step.state.people[i].pos.distance(step.state.people[t].pos) < 8.0
        {
            let id = step.state.people[t].id.clone();
            step.state
                .orders
                .push((i, OfficerAction::at(Act::Talk, id)));
        }
    }
    // Move to the post and face the threat.
    let o = step.state.people[i].officer().expect("officer");
    let (post, aim) = (o.post, o.aim);
    let pair = follow_in_search(step, rays, i);
    let p = &mut step.state.people[i];
    p.want = match post {
        _ if pair => p.want,
        Some(post) if post.distance(p.pos) > 0.4 => {
            let speed = if post.distance(p.pos) > 6.0 {
                3.5
            } else {
                WALK
            };
            (post - p.pos).normalize_or_zero() * speed
        }
        _ => Vec2::ZERO,
    };
    if let Some(a) = aim {
        let apos = step.state.people[a].pos;
        step.state.people[i].face = Some(apos);
    }
    // Fire only to stop a deadly attack on an officer.
    let Some(t) = aim else { return };
    let tp = &step.state.people[t];
    let Some(s) = tp.subject() else { return };
    let deadly_now = tp.active(tick)
        && !s.restrained
        && match s.activity {
            Activity::Shooting(_) => true,
            Activity::Attacking(victim) => {
                s.weapon.is_some_and(|w| w.state == WeaponState::InHand)
                    && step.state.people[victim].pos.distance(tp.pos) < 4.0
            }
            _ => false,
        };
    let o = step.state.people[i].officer().expect("officer");
    if deadly_now
        && o.tool == Tool::Handgun
        && o.tool_state != ToolState::Holstered
        && tick >= o.next_shot
        && o.rounds > 0
        && can_see(rays, step.state, i, t)
    {
        let id = step.state.people[t].id.clone();
        step.state
            .orders
            .push((i, OfficerAction::at(Act::Force(ForceOption::Firearm), id)));
        let gap = step.rng.ticks(0.6, 1.0);
        step.state.people[i]
            .officer_mut()
            .expect("officer")
            .next_shot = tick + gap;
    }
}

/// Building search: a partner keeps within reach a step behind the trainee
/// (contact and cover move as a pair, in close quarters the cover officer
/// stays at the contact's shoulder, not at a distant post), watching past
/// them the way they go, or the threat once there is one. True when it
/// applies; the partner's `want` and `face` are then set.
fn follow_in_search(step: &mut Step, rays: &Rays, i: usize) -> bool {
    /// How far behind the trainee the partner stays, m.
    const BEHIND: f32 = 1.8;
    if step.setup.scenario.kind != ScenarioKind::BuildingSearch || !step.state.people[0].present {
        return false;
    }
    let (me, tr) = (step.state.people[i].pos, step.state.people[0].pos);
    let speed = if me.distance(tr) > 5.0 { 3.5 } else { WALK };
    steer(step, rays, i, tr, speed, BEHIND);
    let ahead = tr + (tr - me).normalize_or_zero() * 3.0;
    let aim = step.state.people[i].officer().and_then(|o| o.aim);
    let look = aim
        .filter(|&a| step.state.people[a].present)
        .map(|a| step.state.people[a].pos)
        .unwrap_or(ahead);
    step.state.people[i].face = Some(look);
    true
}

/// Draws and aims with the threat: handgun drawn at assaultive, aimed at deadly.
fn weapon_posture(step: &mut Step, i: usize, threat: Option<(usize, ResistanceLevel)>) {
    let o = step.state.people[i].officer().expect("officer");
    let level = threat.map(|(_, l)| l).unwrap_or_default();
    let mut orders = Vec::new();
    if level >= ResistanceLevel::Assaultive && o.has(Equipment::Handgun) {
        if o.tool != Tool::Handgun {
            orders.push(OfficerAction::new(Act::Select(Tool::Handgun)));
        }
        if o.tool != Tool::Handgun || o.tool_state == ToolState::Holstered {
            orders.push(OfficerAction::new(Act::Draw));
        }
        if level == ResistanceLevel::Deadly
            && let Some((t, _)) = threat
            && (o.tool_state != ToolState::Aimed || o.aim != Some(t))
        {
            orders.push(OfficerAction::at(Act::Aim, step.state.people[t].id.clone()));
        }
    } else if level <= ResistanceLevel::Passive && o.tool_state != ToolState::Holstered {
        orders.push(OfficerAction::new(Act::Holster));
    }
    for a in orders {
        step.state.orders.push((i, a));
    }
}

/// Where to stand to watch subject `t`: at an angle from the trainee's line
/// to them (so neither stands in the other's line of fire), 7-12 m off (3-4 m
/// for a contact officer), behind hard cover if some lies near that spot.
fn post_for(step: &Step, i: usize, t: usize, contact: bool) -> Vec2 {
    let tpos = step.state.people[t].pos;
    let me = step.state.people[i].pos;
    let tr = step.state.people[0].pos;
    let base = heading_of(tr - tpos);
    // Keep to the side this officer is already on.
    let side = if (me - tpos).perp_dot(tr - tpos) > 0.0 {
        -1.0
    } else {
        1.0
    };
    let angle = base + side * 55f32.to_radians();
    let dist = if contact {
        3.5
    } else {
        me.distance(tpos).clamp(7.0, 12.0)
    };
    let mut post = tpos + dir(angle) * dist;
    if !contact {
        let cover = step
            .setup
            .scenario
            .map
            .cover
            .iter()
            .filter(|c| c.kind == CoverKind::Hard)
            .map(|c| (v(c.position), c.size.0.max(c.size.1)))
            .chain(step.state.vehicles.iter().map(|veh| {
                (
                    veh.at + dir(veh.rot) * (veh.half.x * 2.0 / 3.0),
                    veh.half.y * 2.0,
                )
            }))
            .filter(|(c, _)| c.distance(post) < 6.0 && c.distance(tpos) > 3.0)
            .min_by(|a, b| a.0.distance(post).total_cmp(&b.0.distance(post)));
        if let Some((c, size)) = cover {
            post = c + (c - tpos).normalize_or_zero() * (size / 2.0 + 0.7);
        }
    }
    let (w, h) = step.setup.scenario.map.size;
    Vec2::new(limit(post.x, 0.5, w - 0.5), limit(post.y, 0.5, h - 0.5))
}
