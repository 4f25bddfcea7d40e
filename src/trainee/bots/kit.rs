//! What every bot needs: the static layout (walls to walk around, hard cover
//! to hide behind, rooms and doors), a path follower, timers, and small
//! readings of the [`TraineeView`]. Nothing here looks at hidden state.

use crate::domain::*;
use crate::nav::{Follower, NavGrid, Steer, dist, in_box};
use crate::policy::Policy;
use crate::scenario::Scenario;
use crate::scenario::schema::{CoverKind, DoorState, Orientation, ZoneRole};
use crate::trainee::script::open_doors_on_the_way;
use crate::trainee::{PersonSeen, TraineeInput, TraineeView};
use std::collections::BTreeMap;

/// A box that stops rounds: an engine block, hard cover, a wall.
#[derive(Debug, Clone, Copy)]
pub(crate) struct HardBox {
    pub centre: Pt,
    pub half: Pt,
    pub rot_deg: f32,
}

/// A room to clear and the door into it.
#[derive(Debug, Clone)]
pub(crate) struct Room {
    pub id: String,
    pub min: Pt,
    pub max: Pt,
    /// Door ids on the room's edge.
    pub doors: Vec<String>,
}

impl Room {
    pub fn contains(&self, p: Pt) -> bool {
        p.0 >= self.min.0 && p.0 <= self.max.0 && p.1 >= self.min.1 && p.1 <= self.max.1
    }

    pub fn centre(&self) -> Pt {
        (
            (self.min.0 + self.max.0) / 2.0,
            (self.min.1 + self.max.1) / 2.0,
        )
    }
}

/// Shared bot machinery.
#[derive(Debug, Clone)]
pub(crate) struct Kit {
    pub scenario: Scenario,
    pub policy: Policy,
    pub grid: NavGrid,
    pub hard: Vec<HardBox>,
    /// Boxes that block sight: walls and tall cover (vehicles and low cover
    /// are seen over).
    pub sight: Vec<HardBox>,
    pub rooms: Vec<Room>,
    follower: Follower,
    goal: Option<Pt>,
    last: BTreeMap<String, f32>,
    door_opened_at: f32,
    /// What the scene looked like at the last change (objectives met, rooms
    /// cleared, subjects seen, restrained, searched) and when it changed.
    progress: (usize, usize, usize, usize, usize),
    progress_at: f32,
    now: f32,
}

fn sub(a: Pt, b: Pt) -> Pt {
    (a.0 - b.0, a.1 - b.1)
}

fn add(a: Pt, b: Pt) -> Pt {
    (a.0 + b.0, a.1 + b.1)
}

fn scale(a: Pt, k: f32) -> Pt {
    (a.0 * k, a.1 * k)
}

fn norm(a: Pt) -> Pt {
    let l = (a.0 * a.0 + a.1 * a.1).sqrt();
    if l < 1e-6 {
        (0.0, 0.0)
    } else {
        (a.0 / l, a.1 / l)
    }
}

fn rot(a: Pt, deg: f32) -> Pt {
    let (s, c) = deg.to_radians().sin_cos();
    (a.0 * c - a.1 * s, a.0 * s + a.1 * c)
}

/// Whether the segment a-b crosses the box (slab test in the box's frame).
fn seg_hits_box(a: Pt, b: Pt, bx: &HardBox) -> bool {
    let la = rot(sub(a, bx.centre), -bx.rot_deg);
    let lb = rot(sub(b, bx.centre), -bx.rot_deg);
    let d = sub(lb, la);
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, dd, h) in [(la.0, d.0, bx.half.0), (la.1, d.1, bx.half.1)] {
        if dd.abs() < 1e-9 {
            if p.abs() > h {
                return false;
            }
        } else {
            let (mut e0, mut e1) = ((-h - p) / dd, (h - p) / dd);
            if e0 > e1 {
                std::mem::swap(&mut e0, &mut e1);
            }
            t0 = t0.max(e0);
            t1 = t1.min(e1);
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

impl Kit {
    pub fn new(scenario: &Scenario, policy: &Policy) -> Kit {
        let map = &scenario.map;
        let mut hard = Vec::new();
        let mut sight = Vec::new();
        for c in map.cover.iter().filter(|c| !c.low) {
            sight.push(HardBox {
                centre: c.position,
                half: (c.size.0 / 2.0, c.size.1 / 2.0),
                rot_deg: c.rotation,
            });
        }
        for v in &map.vehicles {
            let (centre, half) = v.engine_block();
            hard.push(HardBox {
                centre,
                half,
                rot_deg: v.heading,
            });
        }
        for c in map.cover.iter().filter(|c| c.kind == CoverKind::Hard) {
            hard.push(HardBox {
                centre: c.position,
                half: (c.size.0 / 2.0, c.size.1 / 2.0),
                rot_deg: c.rotation,
            });
        }
        for w in &map.walls {
            let d = sub(w.to, w.from);
            let len = (d.0 * d.0 + d.1 * d.1).sqrt();
            let wall = HardBox {
                centre: scale(add(w.from, w.to), 0.5),
                half: (len / 2.0, w.thickness / 2.0),
                rot_deg: d.1.atan2(d.0).to_degrees(),
            };
            hard.push(wall);
            sight.push(wall);
        }
        let rooms = map
            .zones
            .iter()
            .filter(|z| z.role == ZoneRole::Room)
            .map(|z| Room {
                id: z.id.clone(),
                min: z.min,
                max: z.max,
                doors: map
                    .doors
                    .iter()
                    .filter(|d| {
                        d.at.0 >= z.min.0 - 0.6
                            && d.at.0 <= z.max.0 + 0.6
                            && d.at.1 >= z.min.1 - 0.6
                            && d.at.1 <= z.max.1 + 0.6
                    })
                    .map(|d| d.id.clone())
                    .collect(),
            })
            .collect();
        Kit {
            scenario: scenario.clone(),
            policy: policy.clone(),
            grid: NavGrid::new(map),
            hard,
            sight,
            rooms,
            follower: Follower::default(),
            goal: None,
            last: BTreeMap::new(),
            door_opened_at: f32::NEG_INFINITY,
            progress: (0, 0, 0, 0, 0),
            progress_at: 0.0,
            now: 0.0,
        }
    }

    /// Notes whether anything moved on since the last tick (call every tick).
    pub fn track_progress(&mut self, view: &TraineeView) {
        let p = (
            view.objectives_met.len(),
            view.cleared.len(),
            view.subjects.len(),
            view.subjects.iter().filter(|s| s.view.restrained).count(),
            view.subjects.iter().filter(|s| s.view.searched).count(),
        );
        if p != self.progress {
            self.progress = p;
            self.progress_at = view.t;
        }
        self.now = view.t;
    }

    /// Counts as progress now: the bot is at work on something that takes as
    /// long as it takes (talking a barricaded man out), not stuck.
    pub fn busy(&mut self, t: f32) {
        self.progress_at = t;
    }

    /// Nothing has moved on for `secs` seconds: the bot has done all it will.
    pub fn stalled(&self, secs: f32) -> bool {
        self.now - self.progress_at >= secs
    }

    /// True (and restarts the clock) when `key` last fired `secs` or more ago.
    pub fn every(&mut self, key: &str, t: f32, secs: f32) -> bool {
        match self.last.get(key) {
            Some(&l) if t - l < secs => false,
            _ => {
                self.last.insert(key.to_string(), t);
                true
            }
        }
    }

    /// True the first time only.
    pub fn once(&mut self, key: &str, t: f32) -> bool {
        if self.last.contains_key(key) {
            return false;
        }
        self.last.insert(key.to_string(), t);
        true
    }

    /// Whether `key` has fired, and when.
    pub fn when(&self, key: &str) -> Option<f32> {
        self.last.get(key).copied()
    }

    /// Steers toward `goal`; true once within `stop` meters (or stuck).
    pub fn go(
        &mut self,
        view: &TraineeView,
        goal: Pt,
        stop: f32,
        run: bool,
        out: &mut TraineeInput,
    ) -> bool {
        if self.goal.is_none_or(|g| dist(g, goal) > 0.75) {
            self.follower.reset();
        }
        self.goal = Some(goal);
        match self
            .follower
            .steer(&self.grid, view.pos, goal, stop, view.t)
        {
            Steer::Go(d) => {
                out.move_dir = d;
                out.run = run;
                let wp = self.follower.next_waypoint().unwrap_or(goal);
                open_doors_on_the_way(view, wp, &mut self.door_opened_at, out);
                if out.face.is_none() {
                    out.face = Some(wp);
                }
                false
            }
            Steer::Arrived | Steer::Stuck => true,
        }
    }

    /// Whether hard cover from the layout lies between `threat` and `p`.
    pub fn covered(&self, threat: Pt, p: Pt) -> bool {
        self.hard.iter().any(|b| {
            // A box the threat is inside (their own car) does not cover.
            !in_box(threat, b.centre, b.half, b.rot_deg, 0.2) && seg_hits_box(threat, p, b)
        })
    }

    /// Whether the static layout leaves a clear line of sight from `threat` to
    /// `p` (no wall or tall cover in between; vehicles and low cover are seen
    /// over).
    pub fn sight_clear(&self, threat: Pt, p: Pt) -> bool {
        !self.sight.iter().any(|b| {
            !in_box(threat, b.centre, b.half, b.rot_deg, 0.2) && seg_hits_box(threat, p, b)
        })
    }

    /// A walkable spot behind hard cover from `threat`, near `from`, at least
    /// `min_dist` from the threat; with `see`, one that still sees them (over
    /// a car or a planter). Prefers short moves that keep distance.
    pub fn cover_spot(&self, threat: Pt, from: Pt, min_dist: f32, see: bool) -> Option<Pt> {
        let mut best: Option<(f32, Pt)> = None;
        for b in &self.hard {
            if in_box(threat, b.centre, b.half, b.rot_deg, 0.2) {
                continue;
            }
            // Walk a ring around the box at a body's clearance.
            let (hx, hy) = (b.half.0 + 0.55, b.half.1 + 0.55);
            let per = 4.0 * (hx + hy);
            let n = ((per / 0.3).ceil() as usize).clamp(8, 400);
            for k in 0..n {
                let s = k as f32 / n as f32 * per;
                let local = if s < 2.0 * hx {
                    (-hx + s, -hy)
                } else if s < 2.0 * hx + 2.0 * hy {
                    (hx, -hy + (s - 2.0 * hx))
                } else if s < 4.0 * hx + 2.0 * hy {
                    (hx - (s - 2.0 * hx - 2.0 * hy), hy)
                } else {
                    (-hx, hy - (s - 4.0 * hx - 2.0 * hy))
                };
                let p = add(b.centre, rot(local, b.rot_deg));
                if !self.grid.free(p)
                    || dist(p, threat) < min_dist
                    || !self.covered(threat, p)
                    || (see && !self.sight_clear(threat, p))
                {
                    continue;
                }
                // Not just barely covered: a step sideways must stay covered.
                let side = norm(rot(sub(p, threat), 90.0));
                if !self.covered(threat, add(p, scale(side, 0.3)))
                    || !self.covered(threat, sub(p, scale(side, 0.3)))
                {
                    continue;
                }
                let cost = dist(p, from) + 0.2 * (dist(p, threat) - 10.0).abs();
                if best.is_none_or(|(c, _)| cost < c) {
                    best = Some((cost, p));
                }
            }
        }
        best.map(|(_, p)| p)
    }

    /// The nearest room not yet cleared (by straight-line distance).
    pub fn next_room(&self, view: &TraineeView) -> Option<Room> {
        self.rooms
            .iter()
            .filter(|r| !view.cleared.contains(&r.id))
            .min_by(|a, b| dist(a.centre(), view.pos).total_cmp(&dist(b.centre(), view.pos)))
            .cloned()
    }

    /// A walkable point inside a room, near its centre.
    pub fn inside(&self, room: &Room) -> Pt {
        let c = room.centre();
        if self.grid.free(c) {
            return c;
        }
        // Spiral out on a coarse ring until a free point inside the room turns up.
        for r in 1..20 {
            let r = r as f32 * 0.4;
            for k in 0..16 {
                let a = k as f32 / 16.0 * std::f32::consts::TAU;
                let p = (c.0 + r * a.cos(), c.1 + r * a.sin());
                if room.contains(p) && self.grid.free(p) {
                    return p;
                }
            }
        }
        c
    }

    /// Walks into the nearest room not yet cleared and clears it, with none
    /// of the care of a proper search. False when none is left.
    pub fn sweep_rooms(&mut self, view: &TraineeView, run: bool, out: &mut TraineeInput) -> bool {
        let Some(room) = self.next_room(view) else {
            return false;
        };
        let goal = self.inside(&room);
        if out.face.is_none() {
            out.face = Some(goal);
        }
        let arrived = self.go(view, goal, 0.8, run, out);
        if room.contains(view.pos)
            && (arrived || dist(view.pos, goal) < 3.0)
            && self.every(&format!("clear:{}", room.id), view.t, 2.0)
        {
            act(out, Act::Do(Procedure::ClearRoom), &room.id);
        }
        true
    }

    /// Door centre and wall direction (unit vector along the wall).
    pub fn door(&self, id: &str) -> Option<(Pt, Pt, f32)> {
        self.scenario
            .map
            .doors
            .iter()
            .find(|d| d.id == id)
            .map(|d| {
                let along = match d.orientation {
                    Orientation::Horizontal => (1.0, 0.0),
                    Orientation::Vertical => (0.0, 1.0),
                };
                (d.at, along, d.width)
            })
    }

    /// Whether a door is closed now (from the view; the layout otherwise).
    pub fn door_closed(&self, view: &TraineeView, id: &str) -> bool {
        match view.doors.iter().find(|d| d.id == id) {
            Some(d) => d.state != DoorState::Open,
            None => self
                .scenario
                .map
                .doors
                .iter()
                .any(|d| d.id == id && d.state != DoorState::Open),
        }
    }
}

/// Point `k` meters from `a` toward `b`.
pub(crate) fn toward(a: Pt, b: Pt, k: f32) -> Pt {
    add(a, scale(norm(sub(b, a)), k))
}

/// Point offset from `p` by `v`.
pub(crate) fn offset(p: Pt, v: Pt) -> Pt {
    add(p, v)
}

/// Unit vector along the wall rotated to its normal.
pub(crate) fn normal(along: Pt) -> Pt {
    rot(along, 90.0)
}

/// Subjects that still need watching: not restrained, not incapacitated,
/// not gone off the scene.
pub(crate) fn active_subjects(view: &TraineeView) -> impl Iterator<Item = &PersonSeen> {
    view.subjects.iter().filter(|s| {
        !s.view.restrained
            && !s.view.cues.contains(&Cue::Incapacitated)
            && !view.escaped.contains(&s.id)
    })
}

/// The most threatening subject: highest perceived level, then visible, then nearest.
pub(crate) fn main_threat(view: &TraineeView) -> Option<&PersonSeen> {
    active_subjects(view).max_by(|a, b| {
        (a.view.perceived, a.view.visible)
            .cmp(&(b.view.perceived, b.view.visible))
            .then(b.view.distance.total_cmp(&a.view.distance))
    })
}

/// Whether a subject shows this cue now.
pub(crate) fn shows(p: &PersonSeen, c: Cue) -> bool {
    p.view.cues.contains(&c)
}

/// An action at a target.
pub(crate) fn act(out: &mut TraineeInput, a: Act, target: &str) {
    out.actions.push(OfficerAction::at(a, target));
}

/// An action with no target.
pub(crate) fn act0(out: &mut TraineeInput, a: Act) {
    out.actions.push(OfficerAction::new(a));
}

/// Puts the selected tool to `tool` drawn (selecting and drawing as needed).
pub(crate) fn ready_tool(view: &TraineeView, tool: Tool, out: &mut TraineeInput) {
    if view.tool != tool {
        if view.tool_state != ToolState::Holstered {
            act0(out, Act::Holster);
        }
        act0(out, Act::Select(tool));
        act0(out, Act::Draw);
    } else if view.tool_state == ToolState::Holstered {
        act0(out, Act::Draw);
    }
}

/// Holsters whatever is drawn.
pub(crate) fn holster(view: &TraineeView, out: &mut TraineeInput) {
    if view.tool_state != ToolState::Holstered {
        act0(out, Act::Holster);
    }
}
