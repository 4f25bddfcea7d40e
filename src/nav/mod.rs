//! Walking around the static map: a coarse occupancy grid built from the
//! scenario's layout (walls, vehicles, cover), A* on it, and a follower that
//! turns a path into per-tick movement. Scripts and bots use it so that
//! "go to the driver" walks around the patrol car instead of into it.
//! Only the static layout is used (what the trainee knows of the place);
//! people and door states come from what the caller can see (the trainee's view).

use crate::domain::Pt;
use crate::scenario::schema::{DoorState, Map, Orientation};
use std::collections::BinaryHeap;

/// Grid cell size, meters.
const CELL: f32 = 0.2;
/// Clearance kept from obstacles: an actor's radius (0.3 m) and a little more.
const CLEARANCE: f32 = 0.33;

/// A walkability grid of the map.
#[derive(Debug, Clone)]
pub struct NavGrid {
    w: usize,
    h: usize,
    blocked: Vec<bool>,
    size: Pt,
    /// Unlocked doorways: centre, unit vector along the wall, width.
    doorways: Vec<(Pt, Pt, f32)>,
}

fn sub(a: Pt, b: Pt) -> Pt {
    (a.0 - b.0, a.1 - b.1)
}

fn len(a: Pt) -> f32 {
    (a.0 * a.0 + a.1 * a.1).sqrt()
}

/// Distance between two points.
pub fn dist(a: Pt, b: Pt) -> f32 {
    len(sub(a, b))
}

/// Distance from `p` to the segment `a`-`b`.
pub fn seg_dist(p: Pt, a: Pt, b: Pt) -> f32 {
    let ab = sub(b, a);
    let l2 = ab.0 * ab.0 + ab.1 * ab.1;
    let t = if l2 <= f32::EPSILON {
        0.0
    } else {
        (((p.0 - a.0) * ab.0 + (p.1 - a.1) * ab.1) / l2).clamp(0.0, 1.0)
    };
    dist(p, (a.0 + ab.0 * t, a.1 + ab.1 * t))
}

/// Whether `p` lies in a rotated box (centre, size, rotation in degrees) grown by `grow`.
pub fn in_box(p: Pt, centre: Pt, size: Pt, rot_deg: f32, grow: f32) -> bool {
    let (s, c) = rot_deg.to_radians().sin_cos();
    let d = sub(p, centre);
    let lx = d.0 * c + d.1 * s;
    let ly = -d.0 * s + d.1 * c;
    lx.abs() <= size.0 / 2.0 + grow && ly.abs() <= size.1 / 2.0 + grow
}

impl NavGrid {
    /// Builds the grid. Door gaps are walkable unless locked at the start
    /// (closed doors must be opened on the way: see [`Follower`]).
    pub fn new(map: &Map) -> NavGrid {
        NavGrid::with_clearance(map, CLEARANCE)
    }

    /// Builds the grid keeping `clearance` meters from walls, vehicles and
    /// cover (the simulation steers its people with a body's radius).
    pub fn with_clearance(map: &Map, clearance: f32) -> NavGrid {
        let w = ((map.size.0 / CELL).ceil() as usize).clamp(1, 4096);
        let h = ((map.size.1 / CELL).ceil() as usize).clamp(1, 4096);
        let mut blocked = vec![false; w * h];
        for y in 0..h {
            for x in 0..w {
                let p = ((x as f32 + 0.5) * CELL, (y as f32 + 0.5) * CELL);
                let wall = map
                    .walls
                    .iter()
                    .any(|wl| seg_dist(p, wl.from, wl.to) < wl.thickness / 2.0 + clearance);
                let door_box = |d: &crate::scenario::schema::Door, across: f32| match d.orientation
                {
                    Orientation::Horizontal => (d.width, across),
                    Orientation::Vertical => (across, d.width),
                };
                // An unlocked doorway is walkable even where a wall is drawn
                // through it (closed doors get opened on the way); a locked
                // door is as solid as a wall.
                let door_gap = map.doors.iter().any(|d| {
                    d.state != DoorState::Locked && in_box(p, d.at, door_box(d, 1.2), 0.0, -0.05)
                });
                let locked = map.doors.iter().any(|d| {
                    d.state == DoorState::Locked
                        && in_box(p, d.at, door_box(d, 0.2), 0.0, clearance)
                });
                let solid = map
                    .vehicles
                    .iter()
                    .any(|v| in_box(p, v.position, v.size, v.heading, clearance))
                    || map
                        .cover
                        .iter()
                        .any(|c| in_box(p, c.position, c.size, c.rotation, clearance));
                blocked[y * w + x] = solid || locked || (wall && !door_gap);
            }
        }
        let doorways = map
            .doors
            .iter()
            .filter(|d| d.state != DoorState::Locked)
            .map(|d| {
                let along = match d.orientation {
                    Orientation::Horizontal => (1.0, 0.0),
                    Orientation::Vertical => (0.0, 1.0),
                };
                (d.at, along, d.width)
            })
            .collect();
        NavGrid {
            w,
            h,
            blocked,
            size: map.size,
            doorways,
        }
    }

    fn cell_of(&self, p: Pt) -> (usize, usize) {
        let x = ((p.0 / CELL).floor().max(0.0) as usize).min(self.w - 1);
        let y = ((p.1 / CELL).floor().max(0.0) as usize).min(self.h - 1);
        (x, y)
    }

    fn centre(&self, c: (usize, usize)) -> Pt {
        ((c.0 as f32 + 0.5) * CELL, (c.1 as f32 + 0.5) * CELL)
    }

    /// Whether a point is walkable.
    pub fn free(&self, p: Pt) -> bool {
        if !(p.0 >= 0.0 && p.1 >= 0.0 && p.0 <= self.size.0 && p.1 <= self.size.1) {
            return false;
        }
        let (x, y) = self.cell_of(p);
        !self.blocked[y * self.w + x]
    }

    /// The free cell nearest to `p` (searching outwards a few meters).
    fn nearest_free(&self, p: Pt) -> Option<(usize, usize)> {
        let (cx, cy) = self.cell_of(p);
        for r in 0..40i64 {
            let mut best: Option<((usize, usize), f32)> = None;
            for dy in -r..=r {
                for dx in -r..=r {
                    if dx.abs() != r && dy.abs() != r {
                        continue;
                    }
                    let (x, y) = (cx as i64 + dx, cy as i64 + dy);
                    if x < 0 || y < 0 || x >= self.w as i64 || y >= self.h as i64 {
                        continue;
                    }
                    let c = (x as usize, y as usize);
                    if !self.blocked[c.1 * self.w + c.0] {
                        let d = dist(self.centre(c), p);
                        if best.is_none_or(|(_, bd)| d < bd) {
                            best = Some((c, d));
                        }
                    }
                }
            }
            if let Some((c, _)) = best {
                return Some(c);
            }
        }
        None
    }

    /// Whether the straight line a-b stays on free cells.
    pub fn clear_line(&self, a: Pt, b: Pt) -> bool {
        let n = (dist(a, b) / (CELL * 0.5)).ceil() as usize;
        (0..=n).all(|i| {
            let t = if n == 0 { 0.0 } else { i as f32 / n as f32 };
            self.free((a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t))
        })
    }

    /// A walkable path from `from` to `to` as waypoints (excluding `from`),
    /// or `None` when `to` cannot be reached.
    pub fn path(&self, from: Pt, to: Pt) -> Option<Vec<Pt>> {
        if self.clear_line(from, to) {
            return Some(self.square_to_doors(from, vec![to]));
        }
        let start = if self.free(from) {
            self.cell_of(from)
        } else {
            self.nearest_free(from)?
        };
        let goal = if self.free(to) {
            self.cell_of(to)
        } else {
            self.nearest_free(to)?
        };
        let idx = |c: (usize, usize)| c.1 * self.w + c.0;
        let mut g = vec![f32::INFINITY; self.w * self.h];
        let mut came = vec![usize::MAX; self.w * self.h];
        let mut open = BinaryHeap::new();
        let hfn = |c: (usize, usize)| {
            let dx = (c.0 as f32 - goal.0 as f32).abs();
            let dy = (c.1 as f32 - goal.1 as f32).abs();
            dx.max(dy) + (std::f32::consts::SQRT_2 - 1.0) * dx.min(dy)
        };
        g[idx(start)] = 0.0;
        open.push(Node(hfn(start), idx(start)));
        let mut found = false;
        while let Some(Node(f, i)) = open.pop() {
            let c = (i % self.w, i / self.w);
            if c == goal {
                found = true;
                break;
            }
            if f - hfn(c) > g[i] + 1e-3 {
                continue; // stale entry
            }
            for (dx, dy) in [
                (-1i64, 0i64),
                (1, 0),
                (0, -1),
                (0, 1),
                (-1, -1),
                (1, -1),
                (-1, 1),
                (1, 1),
            ] {
                let (nx, ny) = (c.0 as i64 + dx, c.1 as i64 + dy);
                if nx < 0 || ny < 0 || nx >= self.w as i64 || ny >= self.h as i64 {
                    continue;
                }
                let n = (nx as usize, ny as usize);
                if self.blocked[idx(n)] {
                    continue;
                }
                // No corner cutting past a blocked cell.
                if dx != 0 && dy != 0 {
                    let a = (nx as usize, c.1);
                    let b = (c.0, ny as usize);
                    if self.blocked[idx(a)] || self.blocked[idx(b)] {
                        continue;
                    }
                }
                let step = if dx != 0 && dy != 0 {
                    std::f32::consts::SQRT_2
                } else {
                    1.0
                };
                let ng = g[i] + step;
                if ng < g[idx(n)] {
                    g[idx(n)] = ng;
                    came[idx(n)] = i;
                    open.push(Node(ng + hfn(n), idx(n)));
                }
            }
        }
        if !found {
            return None;
        }
        let mut cells = vec![idx(goal)];
        let mut cur = idx(goal);
        while cur != idx(start) {
            cur = came[cur];
            if cur == usize::MAX {
                return None;
            }
            cells.push(cur);
        }
        cells.reverse();
        let mut pts: Vec<Pt> = cells
            .into_iter()
            .map(|i| self.centre((i % self.w, i / self.w)))
            .collect();
        if self.free(to)
            && let Some(last) = pts.last_mut()
        {
            *last = to;
        }
        // String-pull: keep only the waypoints needed for straight free lines.
        let mut out: Vec<Pt> = Vec::new();
        let mut anchor = from;
        let mut k = 0;
        while k < pts.len() {
            let mut far = k;
            while far + 1 < pts.len() && self.clear_line(anchor, pts[far + 1]) {
                far += 1;
            }
            out.push(pts[far]);
            anchor = pts[far];
            k = far + 1;
        }
        Some(self.square_to_doors(from, out))
    }

    /// Goes through doorways square: a body barely narrower than a door
    /// catches on its frame when it comes at an angle, so each crossing gets
    /// a waypoint on the door's axis on either side.
    fn square_to_doors(&self, from: Pt, path: Vec<Pt>) -> Vec<Pt> {
        let mut out = Vec::with_capacity(path.len() + 2);
        let mut a = from;
        for b in path {
            for &(at, along, width) in &self.doorways {
                let n = (-along.1, along.0);
                let side = |p: Pt| (p.0 - at.0) * n.0 + (p.1 - at.1) * n.1;
                let (sa, sb) = (side(a), side(b));
                if sa * sb >= 0.0 {
                    continue;
                }
                // Where the segment crosses the wall line, along the wall.
                let t = sa / (sa - sb);
                let x = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
                let off = (x.0 - at.0) * along.0 + (x.1 - at.1) * along.1;
                if off.abs() > width / 2.0 + 0.3 {
                    continue;
                }
                let k = if sa < 0.0 { -0.6 } else { 0.6 };
                for p in [
                    (at.0 + n.0 * k, at.1 + n.1 * k),
                    (at.0 - n.0 * k, at.1 - n.1 * k),
                ] {
                    if dist(p, a) > 0.15 && dist(p, b) > 0.15 {
                        out.push(p);
                    }
                }
            }
            out.push(b);
            a = b;
        }
        out
    }
}

/// Min-heap entry for A*.
#[derive(PartialEq)]
struct Node(f32, usize);

impl Eq for Node {}

impl PartialOrd for Node {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Node {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Reversed for a min-heap; ties broken by index for determinism.
        other
            .0
            .total_cmp(&self.0)
            .then_with(|| other.1.cmp(&self.1))
    }
}

/// Follows a path to a goal that may move (a person), replanning when the
/// goal moves or progress stalls.
#[derive(Debug, Clone, Default)]
pub struct Follower {
    goal: Option<Pt>,
    /// A goal no path reached, and when: not retried for a second (A* on an
    /// unreachable goal searches the whole grid).
    failed: Option<(Pt, f32)>,
    waypoints: Vec<Pt>,
    planned_at: f32,
    /// Position and time of the last real progress.
    progress: Option<(Pt, f32)>,
    /// When `steer` was last called: a pause in between is not a stall.
    last_call: f32,
}

/// What the follower wants this tick.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Steer {
    /// Move this way (not normalised).
    Go(Pt),
    /// Within the stopping distance.
    Arrived,
    /// No way there, or no progress for a while.
    Stuck,
}

impl Follower {
    /// Forgets the current path (but not a recent failure to find one).
    pub fn reset(&mut self) {
        *self = Follower {
            failed: self.failed,
            ..Follower::default()
        };
    }

    /// The next waypoint, if moving.
    pub fn next_waypoint(&self) -> Option<Pt> {
        self.waypoints.first().copied()
    }

    /// Steers from `pos` toward `goal`, stopping `stop_at` meters short, at time `t`.
    pub fn steer(&mut self, grid: &NavGrid, pos: Pt, goal: Pt, stop_at: f32, t: f32) -> Steer {
        if t - self.last_call > 0.2 {
            self.progress = None;
        }
        self.last_call = t;
        if dist(pos, goal) <= stop_at.max(0.05) {
            self.progress = None;
            return Steer::Arrived;
        }
        let replan = match self.goal {
            None => true,
            Some(g) => {
                dist(g, goal) > 0.75 || t - self.planned_at > 2.0 || self.waypoints.is_empty()
            }
        };
        if replan {
            if self
                .failed
                .is_some_and(|(g, at)| dist(g, goal) < 0.75 && t - at < 1.0)
            {
                return Steer::Stuck;
            }
            match grid.path(pos, goal) {
                Some(w) => {
                    self.waypoints = w;
                    self.failed = None;
                }
                None => {
                    self.failed = Some((goal, t));
                    return Steer::Stuck;
                }
            }
            self.goal = Some(goal);
            self.planned_at = t;
        }
        while self.waypoints.len() > 1 && dist(pos, self.waypoints[0]) < 0.3 {
            self.waypoints.remove(0);
        }
        // Stall detection: no 0.3 m of progress in 3 s.
        match self.progress {
            Some((p, _)) if dist(p, pos) >= 0.3 => self.progress = Some((pos, t)),
            Some((_, since)) if t - since > 3.0 => {
                self.progress = None;
                self.goal = None;
                return Steer::Stuck;
            }
            Some(_) => {}
            None => self.progress = Some((pos, t)),
        }
        let wp = self.waypoints.first().copied().unwrap_or(goal);
        let d = sub(wp, pos);
        if len(d) < 1e-4 {
            return Steer::Arrived;
        }
        Steer::Go(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::schema::{Ground, Vehicle, VehicleKind, Wall};

    fn map() -> Map {
        Map {
            size: (20.0, 10.0),
            ground: Ground::Road,
            walls: vec![Wall {
                from: (10.0, 0.0),
                to: (10.0, 7.0),
                thickness: 0.2,
            }],
            doors: vec![],
            vehicles: vec![Vehicle {
                id: "car".into(),
                kind: VehicleKind::Car,
                position: (4.0, 5.0),
                heading: 0.0,
                size: (4.6, 1.8),
                plate: String::new(),
                engine_running: false,
                contents: vec![],
            }],
            cover: vec![],
            zones: vec![],
        }
    }

    #[test]
    fn walls_and_vehicles_block() {
        let g = NavGrid::new(&map());
        assert!(!g.free((10.0, 3.0)));
        assert!(!g.free((4.0, 5.0)));
        assert!(g.free((15.0, 3.0)));
        assert!(!g.clear_line((5.0, 2.0), (15.0, 2.0)));
    }

    #[test]
    fn path_goes_around_the_wall() {
        let g = NavGrid::new(&map());
        let p = g
            .path((5.0, 2.0), (15.0, 2.0))
            .expect("reachable over the top");
        assert!(p.iter().any(|w| w.1 > 7.0), "{p:?}");
        assert_eq!(*p.last().unwrap(), (15.0, 2.0));
        let mut prev = (5.0, 2.0);
        for w in &p {
            assert!(g.clear_line(prev, *w), "{prev:?} -> {w:?}");
            prev = *w;
        }
    }

    #[test]
    fn doorways_are_crossed_square() {
        let mut m = map();
        // A wall across the map with a narrow door at (15, 5).
        m.walls = vec![
            Wall {
                from: (14.0, 0.0),
                to: (14.0, 4.6),
                thickness: 0.2,
            },
            Wall {
                from: (14.0, 5.4),
                to: (14.0, 10.0),
                thickness: 0.2,
            },
        ];
        m.doors = vec![crate::scenario::schema::Door {
            id: "d".into(),
            at: (14.0, 5.0),
            width: 0.8,
            orientation: Orientation::Vertical,
            state: DoorState::Closed,
            label: None,
        }];
        let g = NavGrid::new(&m);
        let p = g.path((12.0, 1.0), (17.0, 9.0)).expect("through the door");
        let i = p
            .iter()
            .position(|w| (w.0 - 13.4).abs() < 0.01 && (w.1 - 5.0).abs() < 0.01);
        assert!(i.is_some(), "{p:?}");
        assert_eq!(p[i.unwrap() + 1], (14.6, 5.0), "{p:?}");
    }

    #[test]
    fn follower_arrives() {
        let g = NavGrid::new(&map());
        let mut f = Follower::default();
        let mut pos = (1.0, 1.0);
        for tick in 0..2000 {
            match f.steer(&g, pos, (18.0, 1.0), 0.5, tick as f32 / 60.0) {
                Steer::Arrived => return,
                Steer::Stuck => panic!("stuck at {pos:?}"),
                Steer::Go(d) => {
                    let l = len(d);
                    pos = (pos.0 + d.0 / l * 0.1, pos.1 + d.1 / l * 0.1);
                }
            }
        }
        panic!("never arrived: {pos:?}");
    }
}
