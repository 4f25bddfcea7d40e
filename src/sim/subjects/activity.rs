//! What a subject does, tick by tick.

use super::behaviour::nearest_officer;
use super::set_level;
use crate::domain::Command;
use crate::domain::*;
use crate::events::{EventKind, InjuryCause};
use crate::scenario::schema::ZoneRole;
use crate::sim::combat;
use crate::sim::geom::{clamp_rect, dir, heading_of, pt, v};
use crate::sim::perception::can_see;
use crate::sim::state::*;
use crate::sim::steer::steer;
use crate::sim::step::Step;
use crate::sim::world::{DOOR, Rays, WALL};
use bevy::math::Vec2;

/// Speed of a subject running away, m/s.
const FLEE_SPEED: f32 = 5.5;
/// Walking backwards toward an officer stops this far from them, m.
const WALK_BACK_STOP: f32 = 7.0;
/// Distance at which an attacker is in contact, m.
const CONTACT: f32 = 0.8;

fn subject<'a>(step: &'a mut Step, i: usize) -> &'a mut SubjectState {
    step.state.people[i].subject_mut().expect("subject")
}

/// Starts an action; logs `SubjectActed` if it can start.
pub(super) fn begin(step: &mut Step, i: usize, action: SubjectAction) {
    let tick = step.tick();
    let p = &step.state.people[i];
    if !p.present {
        return;
    }
    let s = p.subject().expect("subject");
    let restrained = s.restrained;
    let down = p.down(tick);
    let weapon = s
        .weapon
        .filter(|w| matches!(w.state, WeaponState::Concealed | WeaponState::InHand));
    // A restrained or incapacitated subject can only give up, argue or comply.
    let possible = match action {
        SubjectAction::Comply | SubjectAction::Argue | SubjectAction::Surrender => true,
        SubjectAction::Flee => !down,
        _ => !down && !restrained,
    };
    if !possible {
        return;
    }
    let action = match action {
        SubjectAction::Draw if weapon.is_none() => SubjectAction::Reach,
        SubjectAction::Shoot if !weapon.is_some_and(|w| w.kind.is_firearm()) => {
            SubjectAction::Attack
        }
        a => a,
    };
    let id = step.state.people[i].id.clone();
    step.later(
        EventKind::SubjectActed {
            subject: id,
            action,
        },
        Some(i),
    );
    subject(step, i).acted.push(action);
    match action {
        SubjectAction::Comply => {
            if subject(step, i).level > ResistanceLevel::Compliant {
                set_level(step, i, ResistanceLevel::Compliant, false);
            }
            // Stop resisting, but finish a command already being carried out.
            let s = subject(step, i);
            if !matches!(s.activity, Activity::Complying { .. }) {
                s.activity = Activity::Idle;
            }
        }
        SubjectAction::Argue => {
            let until = tick + step.rng.ticks(3.0, 5.0);
            subject(step, i).activity = Activity::Arguing(until);
        }
        SubjectAction::Flee => {
            if step.state.people[i].in_vehicle.is_some() {
                step_out(step, i);
            }
            let (target, toward) = exit_point(step, i);
            let from = step.state.people[i].pos;
            let s = subject(step, i);
            s.hands_up = false;
            s.posture = Posture::Standing;
            let already = matches!(s.activity, Activity::Fleeing(_));
            s.activity = Activity::Fleeing(target);
            if !already {
                s.flight = Some(Flight {
                    since: tick,
                    unseen: 0,
                    through: false,
                });
                let id = step.state.people[i].id.clone();
                step.later(
                    EventKind::Flight {
                        subject: id,
                        toward,
                        bearing: heading_of(target - from).to_degrees().rem_euclid(360.0),
                    },
                    Some(i),
                );
                step.state.noticed.push("flight");
            }
        }
        SubjectAction::Hide => {
            if step.state.people[i].in_vehicle.is_some() {
                step_out(step, i);
            }
            let target = hiding_point(step, i);
            let s = subject(step, i);
            s.posture = Posture::Standing;
            s.activity = Activity::Hiding(target);
        }
        SubjectAction::Reach => {
            let until = tick + step.rng.ticks(1.0, 2.0);
            subject(step, i).activity = Activity::Reaching(until);
        }
        SubjectAction::Draw => {
            let s = subject(step, i);
            match s.weapon.map(|w| w.state) {
                Some(WeaponState::Concealed) => {
                    s.activity = Activity::Drawing(tick + 48, FollowUp::Hold);
                }
                _ => s.activity = Activity::Idle,
            }
        }
        SubjectAction::Attack => {
            let target = nearest_officer(step.state, i).map(|(o, _)| o);
            let s = subject(step, i);
            s.hands_up = false;
            s.posture = Posture::Standing;
            // An edged or blunt weapon comes out as they charge.
            if let Some(w) = s.weapon.as_mut()
                && w.state == WeaponState::Concealed
                && !w.kind.is_firearm()
            {
                w.state = WeaponState::InHand;
            }
            s.activity = target.map_or(Activity::Idle, Activity::Attacking);
        }
        SubjectAction::Shoot => {
            let target = nearest_officer(step.state, i).map(|(o, _)| o);
            let s = subject(step, i);
            s.hands_up = false;
            match (target, s.weapon.map(|w| w.state)) {
                (Some(_), Some(WeaponState::Concealed)) => {
                    s.activity = Activity::Drawing(tick + 36, FollowUp::Shoot);
                }
                (Some(o), _) => {
                    s.activity = Activity::Shooting(o);
                    s.next_shot = tick + 18;
                }
                (None, _) => s.activity = Activity::Idle,
            }
        }
        SubjectAction::Surrender => {
            let s = subject(step, i);
            s.hands_up = true;
            s.activity = Activity::Idle;
            if s.posture == Posture::Standing {
                s.posture = Posture::Kneeling;
            }
            if let Some(w) = s.weapon.as_mut()
                && w.state == WeaponState::InHand
            {
                w.state = WeaponState::Dropped;
            }
            set_level(step, i, ResistanceLevel::Compliant, false);
        }
        SubjectAction::Shield => {
            // The nearest bystander within reach is seized and held in front;
            // a weapon comes out to threaten (others.rs moves the one held).
            let pos = step.state.people[i].pos;
            let held = (0..step.state.people.len())
                .filter(|&b| {
                    let p = &step.state.people[b];
                    p.present && p.bystander().is_some() && !p.down(tick)
                })
                .map(|b| (b, step.state.people[b].pos.distance(pos)))
                .filter(|(_, d)| *d < SHIELD_REACH)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(b, _)| b);
            if let Some(b) = held
                && let Some(bs) = step.state.people[b].bystander_mut()
            {
                bs.held_by = Some(i);
            }
            let s = subject(step, i);
            s.hands_up = false;
            s.posture = Posture::Standing;
            s.activity = Activity::Idle;
            if let Some(w) = s.weapon.as_mut()
                && w.state == WeaponState::Concealed
            {
                w.state = WeaponState::InHand;
            }
        }
    }
}

/// How far a subject reaches to seize a bystander as a shield, m.
const SHIELD_REACH: f32 = 4.0;

/// A point well inside the exit zone nearest by the way there (walls
/// counted), or the nearest map edge when the scenario has no exit.
/// Where a fleeing subject runs: the nearest exit zone by path (with its
/// id), else the nearest map edge.
fn exit_point(step: &Step, i: usize) -> (Vec2, Option<String>) {
    let pos = step.state.people[i].pos;
    let zones = &step.setup.scenario.map.zones;
    let best = zones
        .iter()
        .filter(|z| z.role == ZoneRole::Exit)
        .filter_map(|z| {
            // The zone's point nearest to them, a meter in from its edges.
            let mx = ((z.max.0 - z.min.0) / 2.0).min(1.0);
            let my = ((z.max.1 - z.min.1) / 2.0).min(1.0);
            let target = clamp_rect(
                pos,
                (z.min.0 + mx, z.min.1 + my),
                (z.max.0 - mx, z.max.1 - my),
            );
            let path = step.nav.path(pt(pos), pt(target))?;
            let mut len = 0.0;
            let mut at = pos;
            for w in path {
                len += at.distance(v(w));
                at = v(w);
            }
            Some((target, len, &z.id))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((t, _, id)) = best {
        return (t, Some(id.clone()));
    }
    let (w, h) = step.setup.scenario.map.size;
    let edges = [
        Vec2::new(0.5, pos.y),
        Vec2::new(w - 0.5, pos.y),
        Vec2::new(pos.x, 0.5),
        Vec2::new(pos.x, h - 0.5),
    ];
    let edge = edges
        .into_iter()
        .min_by(|a, b| a.distance(pos).total_cmp(&b.distance(pos)))
        .unwrap_or(pos);
    (edge, None)
}

/// Seconds a flight lasts at the least before the subject counts as gone:
/// the trainee gets the time to see it, radio it and react.
pub const MIN_FLIGHT_SECS: u32 = 5;
/// Seconds out of every officer's sight at the way out that make a runner gone.
pub const UNSEEN_GONE_SECS: u32 = 2;

/// The map edge just beyond an exit point, when its exit zone touches the
/// edge (an alley's far end): a runner keeps going there and off the map.
fn edge_beyond(step: &Step, target: Vec2) -> Option<Vec2> {
    let (w, h) = step.setup.scenario.map.size;
    let z = step.setup.scenario.map.zones.iter().find(|z| {
        z.role == ZoneRole::Exit
            && target.x >= z.min.0 - 0.1
            && target.x <= z.max.0 + 0.1
            && target.y >= z.min.1 - 0.1
            && target.y <= z.max.1 + 0.1
    })?;
    const M: f32 = 0.5;
    let candidates = [
        (z.max.1 >= h - M).then(|| Vec2::new(target.x, h - 0.3)),
        (z.min.1 <= M).then(|| Vec2::new(target.x, 0.3)),
        (z.max.0 >= w - M).then(|| Vec2::new(w - 0.3, target.y)),
        (z.min.0 <= M).then(|| Vec2::new(0.3, target.y)),
    ];
    candidates
        .into_iter()
        .flatten()
        .min_by(|a, b| a.distance(target).total_cmp(&b.distance(target)))
        .filter(|e| e.distance(target) > 0.3)
}

/// The centre of the nearest hiding zone (or room), else away from officers.
fn hiding_point(step: &Step, i: usize) -> Vec2 {
    let pos = step.state.people[i].pos;
    let zones = &step.setup.scenario.map.zones;
    let pick = |role: ZoneRole| {
        zones
            .iter()
            .filter(|z| z.role == role)
            .map(|z| Vec2::new((z.min.0 + z.max.0) / 2.0, (z.min.1 + z.max.1) / 2.0))
            .min_by(|a, b| a.distance(pos).total_cmp(&b.distance(pos)))
    };
    pick(ZoneRole::Hiding)
        .or_else(|| pick(ZoneRole::Room))
        .unwrap_or_else(|| exit_point(step, i).0)
}

/// Gets out of the vehicle, on the side they sit.
fn step_out(step: &mut Step, i: usize) {
    let Some(vi) = step.state.people[i].in_vehicle else {
        return;
    };
    let veh = &step.state.vehicles[vi];
    let left = dir(veh.rot + std::f32::consts::FRAC_PI_2);
    let side = if (step.state.people[i].pos - veh.at).dot(left) >= 0.0 {
        1.0
    } else {
        -1.0
    };
    let fwd = dir(veh.rot);
    let along = (step.state.people[i].pos - veh.at).dot(fwd);
    let out = veh.at + fwd * along + left * side * (veh.half.y + 0.6);
    let p = &mut step.state.people[i];
    p.pos = out;
    p.in_vehicle = None;
    p.heading = veh.rot + side * std::f32::consts::FRAC_PI_2;
}

/// One tick of a subject's current activity.
pub(super) fn run(step: &mut Step, rays: &Rays, i: usize) {
    let tick = step.tick();
    if !step.state.people[i].active(tick) {
        step.state.people[i].want = Vec2::ZERO;
        return;
    }
    let s = step.state.people[i].subject().expect("subject");
    let activity = s.activity;
    let pos = step.state.people[i].pos;
    match activity {
        Activity::Idle => {
            let next = subject(step, i).commands.pop_front();
            if let Some((command, from)) = next {
                let s = subject(step, i);
                if s.level == ResistanceLevel::Compliant {
                    let secs = if command == Command::WalkBackwards {
                        (12.0, 12.0)
                    } else {
                        (1.0, 2.0)
                    };
                    let until = tick + step.rng.ticks(secs.0, secs.1);
                    subject(step, i).activity = Activity::Complying {
                        command,
                        from,
                        until,
                    };
                }
            } else if let Some((o, d)) = nearest_officer(step.state, i)
                && d < 20.0
                && step.state.people[i].in_vehicle.is_none()
            {
                step.state.people[i].face = Some(step.state.people[o].pos);
            }
        }
        Activity::Complying {
            command,
            from,
            until,
        } => {
            let officer = step.state.people[from].pos;
            let away = (pos - officer).normalize_or_zero();
            match command {
                Command::WalkBackwards => {
                    stand_up(step, i);
                    // Backwards toward the officer's voice, stopping outside
                    // the reactionary gap; round a corner (out of an alley)
                    // when a wall stands between.
                    // A wall between (called out of a room) keeps them
                    // coming round it into the officer's sight.
                    let walled = !rays.clear(pos, officer, WALL.union(DOOR), &[]);
                    if (walled || pos.distance(officer) > WALK_BACK_STOP) && tick < until {
                        if walled {
                            steer(step, rays, i, officer, 1.0, 2.0);
                        } else {
                            step.state.people[i].want = -away * 1.0;
                        }
                        step.state.people[i].face = Some(pos + away);
                        return;
                    }
                }
                Command::MoveBack => {
                    let p = &mut step.state.people[i];
                    p.want = away * WALK;
                }
                Command::TurnAround => {
                    let p = &mut step.state.people[i];
                    p.face = Some(p.pos + away);
                }
                _ => {}
            }
            if tick >= until || command == Command::WalkBackwards {
                complete(step, i, command, from);
            }
        }
        Activity::Arguing(until) => {
            if let Some((o, _)) = nearest_officer(step.state, i) {
                step.state.people[i].face = Some(step.state.people[o].pos);
            }
            if tick >= until {
                subject(step, i).activity = Activity::Idle;
            }
        }
        Activity::Fleeing(target) => {
            let restrained = subject(step, i).restrained;
            let speed = if restrained { 3.0 } else { FLEE_SPEED };
            open_doors_near(step, i);
            let arrived = steer(step, rays, i, target, speed, 0.6);
            // Out of every officer's sight, for how long.
            let seen = (0..step.state.people.len()).any(|o| {
                step.state.people[o].is_officer()
                    && step.state.people[o].active(tick)
                    && can_see(rays, step.state, o, i)
            });
            let flight = {
                let s = subject(step, i);
                let f = s.flight.get_or_insert(Flight {
                    since: tick,
                    unseen: 0,
                    through: false,
                });
                f.unseen = if seen { 0 } else { f.unseen + 1 };
                *f
            };
            let mut off_scene = flight.through;
            if arrived && !flight.through {
                // At the way out: on through it, off the map's edge if it
                // reaches one; else the exit itself leads off the scene.
                subject(step, i).flight.as_mut().expect("flight").through = true;
                if let Some(edge) = edge_beyond(step, target) {
                    subject(step, i).activity = Activity::Fleeing(edge);
                    return;
                }
                off_scene = true;
            }
            // Gone: off the scene, or through the way out and out of every
            // officer's sight for a while; never sooner than MIN_FLIGHT_SECS
            // after the run began.
            let long_enough = tick >= flight.since + MIN_FLIGHT_SECS * HZ;
            let lost = off_scene && (arrived || flight.unseen >= UNSEEN_GONE_SECS * HZ);
            if !(long_enough && lost) {
                if arrived {
                    // At the edge too soon: waits a moment out of the way.
                    step.state.people[i].want = Vec2::ZERO;
                }
                return;
            }
            {
                let chased = nearest_officer(step.state, i).is_some_and(|(_, d)| d < 3.0);
                if !chased {
                    let p = &mut step.state.people[i];
                    p.present = false;
                    p.want = Vec2::ZERO;
                    let s = p.subject_mut().expect("subject");
                    s.escaped = true;
                    s.activity = Activity::Idle;
                    let id = p.id.clone();
                    step.later(EventKind::Escaped { subject: id }, Some(i));
                } else {
                    // Someone is on their heels: keep running through the exit.
                    let p = &mut step.state.people[i];
                    p.want = (target - pos).normalize_or_zero() * speed;
                }
            }
        }
        Activity::Hiding(target) => {
            open_doors_near(step, i);
            if steer(step, rays, i, target, 3.5, 0.6) {
                let s = subject(step, i);
                s.hiding = true;
                s.activity = Activity::Idle;
            }
        }
        Activity::Reaching(until) => {
            if tick >= until {
                subject(step, i).activity = Activity::Idle;
            }
        }
        Activity::Drawing(until, follow) => {
            if tick >= until {
                let target = nearest_officer(step.state, i).map(|(o, _)| o);
                let s = subject(step, i);
                if let Some(w) = s.weapon.as_mut() {
                    w.state = WeaponState::InHand;
                }
                s.activity = match (follow, target) {
                    (FollowUp::Attack, Some(o)) => Activity::Attacking(o),
                    (FollowUp::Shoot, Some(o)) => {
                        s.next_shot = tick + 12;
                        Activity::Shooting(o)
                    }
                    _ => Activity::Idle,
                };
            }
        }
        Activity::Attacking(target) => attack(step, rays, i, target),
        Activity::Shooting(target) => {
            let target = if step.state.people[target].active(tick) {
                Some(target)
            } else {
                nearest_officer(step.state, i).map(|(o, _)| o)
            };
            let Some(target) = target else {
                subject(step, i).activity = Activity::Idle;
                return;
            };
            subject(step, i).activity = Activity::Shooting(target);
            step.state.people[i].face = Some(step.state.people[target].pos);
            let ready = tick >= subject(step, i).next_shot;
            if ready && can_see(rays, step.state, i, target) {
                combat::fire(step, rays, i, target);
                let gap = step.rng.ticks(0.7, 1.3);
                subject(step, i).next_shot = tick + gap;
            }
        }
        Activity::PullingAway(until) => {
            if let Some((o, _)) = nearest_officer(step.state, i) {
                let away = (pos - step.state.people[o].pos).normalize_or_zero();
                step.state.people[i].want = away * 2.5;
            }
            if tick >= until {
                subject(step, i).activity = Activity::Idle;
            }
        }
    }
}

/// Someone on the move pushes open a closed (not locked) door in their way.
fn open_doors_near(step: &mut Step, i: usize) {
    let pos = step.state.people[i].pos;
    for d in step.state.doors.iter_mut() {
        if d.state == crate::scenario::schema::DoorState::Closed
            && crate::sim::geom::box_dist(pos, d.at, d.half, 0.0) < 0.9
        {
            d.state = crate::scenario::schema::DoorState::Open;
        }
    }
}

fn stand_up(step: &mut Step, i: usize) {
    let s = subject(step, i);
    s.posture = Posture::Standing;
}

/// Closes in on an officer at run speed; in contact, hurts with a chance per
/// second that depends on the weapon.
fn attack(step: &mut Step, rays: &Rays, i: usize, target: usize) {
    let tick = step.tick();
    let target = if step.state.people[target].active(tick) {
        Some(target)
    } else {
        nearest_officer(step.state, i).map(|(o, _)| o)
    };
    let Some(target) = target else {
        subject(step, i).activity = Activity::Idle;
        return;
    };
    subject(step, i).activity = Activity::Attacking(target);
    let (pos, tpos) = (step.state.people[i].pos, step.state.people[target].pos);
    let d = tpos - pos;
    step.state.people[i].face = Some(tpos);
    if d.length() > CONTACT {
        steer(step, rays, i, tpos, RUN, CONTACT);
        step.state.people[i].heading = heading_of(d);
        return;
    }
    step.state.people[i].want = Vec2::ZERO;
    let weapon = subject(step, i)
        .weapon
        .filter(|w| w.state == WeaponState::InHand)
        .map(|w| w.kind)
        .unwrap_or(WeaponKind::None);
    let per_second: f32 = match weapon {
        WeaponKind::Knife => 0.8,
        WeaponKind::Blunt => 0.6,
        WeaponKind::Handgun | WeaponKind::LongGun => 0.4,
        WeaponKind::None => 0.35,
    };
    let per_tick = 1.0 - (1.0 - per_second).powf(1.0 / HZ as f32);
    if !step.rng.chance(per_tick) {
        return;
    }
    let roll = step.rng.range(0.0, 1.0);
    let (cause, severity) = match weapon {
        WeaponKind::Knife => (
            InjuryCause::Weapon,
            if roll < 0.5 {
                Health::Serious
            } else {
                Health::Minor
            },
        ),
        WeaponKind::Blunt => (
            InjuryCause::Weapon,
            if roll < 0.3 {
                Health::Serious
            } else {
                Health::Minor
            },
        ),
        _ => (
            InjuryCause::Blows,
            if roll < 0.05 {
                Health::Serious
            } else {
                Health::Minor
            },
        ),
    };
    combat::hurt(step, target, Some(i), cause, severity);
}

/// A command carried out: its effect, and `Complied`.
fn complete(step: &mut Step, i: usize, command: Command, _from: usize) {
    let in_vehicle = step.state.people[i].in_vehicle;
    {
        let s = subject(step, i);
        s.activity = Activity::Idle;
        s.complied.push(command);
        match command {
            Command::ShowHands => {
                s.hands_shown = true;
                s.hands_up = false;
            }
            Command::HandsOnHead => s.hands_up = true,
            Command::Kneel => s.posture = Posture::Kneeling,
            Command::Prone => s.posture = Posture::Prone,
            Command::DropWeapon => {
                if let Some(w) = s.weapon.as_mut()
                    && w.state == WeaponState::InHand
                {
                    w.state = WeaponState::Dropped;
                }
            }
            Command::Stop => {}
            _ => {}
        }
    }
    match command {
        Command::EngineOff => {
            if let Some(v) = in_vehicle {
                step.state.vehicles[v].engine_running = false;
            }
        }
        Command::KeysOut => {
            if let Some(v) = in_vehicle {
                step.state.vehicles[v].keys_out = true;
                step.state.vehicles[v].engine_running = false;
            }
        }
        Command::StepOut => step_out(step, i),
        _ => {}
    }
    step.state.people[i].want = Vec2::ZERO;
    let id = step.state.people[i].id.clone();
    step.later(
        EventKind::Complied {
            subject: id,
            command,
        },
        Some(i),
    );
}
