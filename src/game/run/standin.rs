//! A stand-in for the simulation, used until `sim/` provides its plugins:
//! people stand at their spawns, the trainee walks through everything, the
//! visibility polygon is cast against walls and closed doors. It only lets the
//! game's drawing, input and HUD be exercised; it decides nothing.

use super::backend::SimBackend;
use crate::domain::*;
use crate::events::*;
use crate::scenario::Scenario;
use crate::scenario::schema::DoorState;
use crate::sim::{Drawable, PersonKind, SceneView};
use crate::trainee::{TraineeInput, TraineeView};

/// The stand-in simulation.
pub struct StandIn {
    scenario: Scenario,
    scene: SceneView,
    view: TraineeView,
    log: EventLog,
    tick: u32,
    end: Option<EndReason>,
}

impl StandIn {
    /// Places everyone at their spawns.
    pub fn new(scenario: Scenario, seed: u64) -> Self {
        let mut people = vec![Drawable {
            id: TRAINEE.into(),
            kind: PersonKind::Trainee,
            pos: scenario.officers.trainee.spawn,
            heading: scenario.officers.trainee.heading,
            visible: true,
            tool: Some((Tool::EmptyHands, ToolState::Holstered)),
            sex: scenario.officers.trainee.sex,
            ..Default::default()
        }];
        for p in &scenario.officers.partners {
            people.push(Drawable {
                id: p.id.clone(),
                kind: PersonKind::Officer,
                pos: p.spawn,
                visible: true,
                tool: Some((Tool::EmptyHands, ToolState::Holstered)),
                sex: p.sex,
                ..Default::default()
            });
        }
        for s in scenario.subjects.iter().filter(|s| !s.hidden) {
            let mut cues = vec![Cue::HandsVisible];
            if s.weapon.is_some_and(|w| w.carry == Carry::Visible) {
                cues.push(Cue::WeaponVisible);
            }
            people.push(Drawable {
                id: s.id.clone(),
                kind: PersonKind::Subject,
                pos: s.spawn,
                heading: s.heading,
                cues,
                sex: s.sex,
                age: s.age,
                ..Default::default()
            });
        }
        for b in scenario.bystanders.iter().filter(|b| !b.hidden) {
            people.push(Drawable {
                id: b.id.clone(),
                kind: PersonKind::Bystander,
                pos: b.spawn,
                sex: b.sex,
                age: b.age,
                ..Default::default()
            });
        }
        for c in &scenario.crowds {
            let Some(z) = scenario.map.zones.iter().find(|z| z.id == c.zone) else {
                continue;
            };
            let cols = (c.count as f32).sqrt().ceil().max(1.0) as u32;
            for i in 0..c.count {
                let (cx, cy) = (i % cols, i / cols);
                let fx = (cx as f32 + 0.5) / cols as f32;
                let fy = (cy as f32 + 0.5) / cols as f32;
                people.push(Drawable {
                    id: format!("{}#{i}", c.id),
                    kind: PersonKind::CrowdMember,
                    pos: (
                        z.min.0 + (z.max.0 - z.min.0) * fx,
                        z.min.1 + (z.max.1 - z.min.1) * fy,
                    ),
                    heading: 270.0,
                    ..Default::default()
                });
            }
        }
        let doors = scenario
            .map
            .doors
            .iter()
            .map(|d| (d.id.clone(), d.state))
            .collect();
        let mut log = EventLog::default();
        log.push(Event {
            tick: 0,
            kind: EventKind::Started {
                scenario: scenario.id.clone(),
                seed,
                kind: Some(scenario.kind),
                risk: Some(scenario.risk),
                objectives: scenario
                    .objectives
                    .iter()
                    .filter(|o| o.required)
                    .map(|o| o.id.clone())
                    .collect(),
            },
            ctx: None,
        });
        let mut s = StandIn {
            scenario,
            scene: SceneView {
                people,
                doors,
                ..Default::default()
            },
            view: TraineeView::default(),
            log,
            tick: 0,
            end: None,
        };
        s.perceive();
        s
    }

    fn perceive(&mut self) {
        let eye = self.scene.people[0].pos;
        let segs = blockers(&self.scenario, &self.scene.doors);
        self.scene.visibility = visibility_polygon(eye, &segs, 40.0, 240);
        let poly = self.scene.visibility.clone();
        for p in self.scene.people.iter_mut().skip(1) {
            p.visible = point_in_polygon(p.pos, &poly);
        }
        let me = &self.scene.people[0];
        let (tool, state) = me.tool.unwrap_or_default();
        self.view.tick = self.tick;
        self.view.t = self.tick as f32 / TICK_HZ as f32;
        self.view.pos = me.pos;
        self.view.heading = me.heading;
        self.view.tool = tool;
        self.view.tool_state = state;
        self.view.doors = self
            .scenario
            .map
            .doors
            .iter()
            .zip(&self.scene.doors)
            .map(|(d, (_, s))| crate::trainee::DoorSeen {
                id: d.id.clone(),
                at: d.at,
                state: *s,
            })
            .collect();
        let seen = |k: PersonKind| {
            self.scene
                .people
                .iter()
                .filter(|p| p.kind == k && p.visible)
                .map(|p| crate::trainee::PersonSeen {
                    id: p.id.clone(),
                    pos: p.pos,
                    heading: p.heading,
                    view: SubjectView {
                        id: p.id.clone(),
                        cues: p.cues.clone(),
                        distance: dist(p.pos, me.pos),
                        visible: true,
                        sex: p.sex,
                        age: p.age,
                        ..Default::default()
                    },
                })
                .collect::<Vec<_>>()
        };
        self.view.subjects = seen(PersonKind::Subject);
        self.view.bystanders = seen(PersonKind::Bystander);
        self.view.officers = seen(PersonKind::Officer);
    }

    fn act(&mut self, a: &OfficerAction) {
        self.log.push(Event {
            tick: self.tick,
            kind: EventKind::Action {
                by: TRAINEE.into(),
                action: a.clone(),
            },
            ctx: None,
        });
        let me = &mut self.scene.people[0];
        let (tool, state) = me.tool.unwrap_or_default();
        let refuse = |log: &mut EventLog, reason: Refusal| {
            log.push(Event {
                tick: 0,
                kind: EventKind::Refused {
                    by: TRAINEE.into(),
                    action: a.clone(),
                    reason,
                },
                ctx: None,
            })
        };
        match a.act {
            Act::Select(t) => me.tool = Some((t, ToolState::Holstered)),
            Act::Draw if tool != Tool::EmptyHands => me.tool = Some((tool, ToolState::Drawn)),
            Act::Aim if state != ToolState::Holstered => me.tool = Some((tool, ToolState::Aimed)),
            Act::Lower if state == ToolState::Aimed => me.tool = Some((tool, ToolState::Drawn)),
            Act::Holster => me.tool = Some((tool, ToolState::Holstered)),
            Act::Identify => self.view.identified = true,
            Act::Radio(RadioCall::CallIn) => self.view.called_in = true,
            Act::Radio(RadioCall::RequestBackup) => self.view.backup_requested = true,
            Act::Force(_) if tool != Tool::EmptyHands && state == ToolState::Holstered => {
                refuse(&mut self.log, Refusal::NotReady)
            }
            Act::Do(Procedure::OpenDoor | Procedure::CloseDoor) => {
                let open = a.act == Act::Do(Procedure::OpenDoor);
                let near = self
                    .scenario
                    .map
                    .doors
                    .iter()
                    .position(|d| dist(d.at, self.scene.people[0].pos) < 1.5);
                match near {
                    Some(i) if self.scene.doors[i].1 == DoorState::Locked => {
                        refuse(&mut self.log, Refusal::Locked)
                    }
                    Some(i) => {
                        self.scene.doors[i].1 = if open {
                            DoorState::Open
                        } else {
                            DoorState::Closed
                        }
                    }
                    None => refuse(&mut self.log, Refusal::NoTarget),
                }
            }
            Act::Do(_) | Act::Force(_) => {
                let near = self
                    .scene
                    .people
                    .iter()
                    .skip(1)
                    .map(|p| dist(p.pos, self.scene.people[0].pos))
                    .fold(f32::MAX, f32::min);
                if near > 1.5 {
                    refuse(
                        &mut self.log,
                        Refusal::TooFar {
                            distance: near,
                            needed: 1.5,
                        },
                    )
                }
            }
            _ => {}
        }
        if let Some(Event { tick, .. }) = self.log.0.last_mut() {
            *tick = self.tick;
        }
    }
}

impl SimBackend for StandIn {
    fn step(&mut self, input: &TraineeInput) {
        if self.end.is_some() {
            return;
        }
        self.tick += 1;
        let dt = 1.0 / TICK_HZ as f32;
        let speed = if input.run { 4.0 } else { 1.4 };
        let (mx, my) = input.move_dir;
        let len = (mx * mx + my * my).sqrt();
        {
            let me = &mut self.scene.people[0];
            if len > 1e-3 {
                let (w, h) = self.scenario.map.size;
                me.pos.0 = (me.pos.0 + mx / len * speed * dt).clamp(0.3, w - 0.3);
                me.pos.1 = (me.pos.1 + my / len * speed * dt).clamp(0.3, h - 0.3);
            }
            if let Some((fx, fy)) = input.face {
                let (dx, dy) = (fx - me.pos.0, fy - me.pos.1);
                if dx * dx + dy * dy > 1e-4 {
                    me.heading = dy.atan2(dx).to_degrees();
                }
            }
        }
        for a in &input.actions {
            self.act(a);
        }
        self.perceive();
        if self.view.t >= self.scenario.time_limit {
            self.end = Some(EndReason::TimeLimit);
            self.log.push(Event {
                tick: self.tick,
                kind: EventKind::Ended {
                    reason: EndReason::TimeLimit,
                },
                ctx: None,
            });
        }
    }
    fn scene(&self) -> &SceneView {
        &self.scene
    }
    fn view(&self) -> &TraineeView {
        &self.view
    }
    fn log(&self) -> &EventLog {
        &self.log
    }
    fn end(&self) -> Option<EndReason> {
        self.end
    }
    fn tick(&self) -> u32 {
        self.tick
    }
    fn intervene(&mut self, intervention: Intervention) {
        self.log.push(Event {
            tick: self.tick,
            kind: EventKind::Instructor(intervention),
            ctx: None,
        });
    }
    fn stop(&mut self) {
        if self.end.is_none() {
            self.end = Some(EndReason::Stopped);
            self.log.push(Event {
                tick: self.tick,
                kind: EventKind::Ended {
                    reason: EndReason::Stopped,
                },
                ctx: None,
            });
        }
    }
}

fn dist(a: Pt, b: Pt) -> f32 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

/// Segments that block sight: walls (minus door gaps are ignored) and closed doors.
fn blockers(s: &Scenario, doors: &[(String, DoorState)]) -> Vec<(Pt, Pt)> {
    let mut v: Vec<(Pt, Pt)> = s.map.walls.iter().map(|w| (w.from, w.to)).collect();
    for (d, (_, state)) in s.map.doors.iter().zip(doors) {
        if *state != DoorState::Open {
            let h = d.width / 2.0;
            v.push(match d.orientation {
                crate::scenario::schema::Orientation::Horizontal => {
                    ((d.at.0 - h, d.at.1), (d.at.0 + h, d.at.1))
                }
                crate::scenario::schema::Orientation::Vertical => {
                    ((d.at.0, d.at.1 - h), (d.at.0, d.at.1 + h))
                }
            });
        }
    }
    v
}

/// A visibility polygon from `eye`: `rays` rays out to `range` meters, each
/// stopped by the nearest segment. Counter-clockwise.
fn visibility_polygon(eye: Pt, segs: &[(Pt, Pt)], range: f32, rays: usize) -> Vec<Pt> {
    (0..rays)
        .map(|i| {
            let a = i as f32 / rays as f32 * std::f32::consts::TAU;
            let d = (a.cos(), a.sin());
            let mut t = range;
            for &(p, q) in segs {
                if let Some(u) = ray_hit(eye, d, p, q) {
                    t = t.min(u);
                }
            }
            (eye.0 + d.0 * t, eye.1 + d.1 * t)
        })
        .collect()
}

fn ray_hit(o: Pt, d: Pt, p: Pt, q: Pt) -> Option<f32> {
    let e = (q.0 - p.0, q.1 - p.1);
    let den = d.0 * e.1 - d.1 * e.0;
    if den.abs() < 1e-9 {
        return None;
    }
    let w = (p.0 - o.0, p.1 - o.1);
    let t = (w.0 * e.1 - w.1 * e.0) / den;
    let u = (w.0 * d.1 - w.1 * d.0) / den;
    (t >= 0.0 && (0.0..=1.0).contains(&u)).then_some(t)
}

/// Even-odd point-in-polygon test.
pub fn point_in_polygon(p: Pt, poly: &[Pt]) -> bool {
    let mut inside = false;
    let n = poly.len();
    for i in 0..n {
        let (a, b) = (poly[i], poly[(i + 1) % n]);
        if (a.1 > p.1) != (b.1 > p.1) && p.0 < a.0 + (p.1 - a.1) / (b.1 - a.1) * (b.0 - a.0) {
            inside = !inside;
        }
    }
    inside
}
