//! The map as rapier colliders, and the ray and shape casts the rest of the
//! simulation asks of them.
//!
//! Collision groups say what stops what:
//! - walls: movement, sight, rounds;
//! - closed doors: movement, sight (a door is concealment, not cover);
//! - tall soft cover (shelving, a hedge): movement, sight;
//! - tall hard cover (a kiosk, a booth): movement, sight, rounds;
//! - vehicle cabins and low soft cover (a bench, a glass shelter): movement
//!   only; they hide part of the body (concealment) but people see over and
//!   through them, and rounds pass;
//! - engine blocks and low hard cover (a planter): movement and rounds;
//!   people see over them, so an officer crouched at the engine block
//!   watches the suspect car while it stops what is fired at them;
//! - people: kinematic bodies that collide with nothing (kept for queries and
//!   drawing); people in a line of fire are found geometrically.

use super::geom::v;
use super::state::*;
use crate::domain::Pt;
use crate::scenario::schema::{CoverKind, DoorState, Orientation, Scenario};
use bevy::prelude::*;
use bevy_rapier2d::prelude::*;
use bevy_rapier2d::rapier::parry::query::ShapeCastOptions;
use bevy_rapier2d::rapier::parry::shape::Ball;

/// Marks every entity the simulation spawns, so a host can despawn a run.
#[derive(Component, Debug, Clone, Copy)]
pub struct SimEntity;

/// Walls.
pub const WALL: Group = Group::GROUP_1;
/// Closed doors.
pub const DOOR: Group = Group::GROUP_2;
/// Tall soft cover.
pub const SOFT: Group = Group::GROUP_3;
/// Tall hard cover.
pub const HARD: Group = Group::GROUP_4;
/// People.
pub const ACTOR: Group = Group::GROUP_5;
/// Vehicle cabins and low soft cover: seen over and through.
pub const LOW_SOFT: Group = Group::GROUP_6;
/// Engine blocks and low hard cover: seen over, stop rounds.
pub const LOW_HARD: Group = Group::GROUP_7;

/// Someone this close to a cover object or vehicle sees past it, m.
pub const PEEK: f32 = 1.2;

/// What blocks sight.
pub const SIGHT_MASK: Group = WALL.union(DOOR).union(SOFT).union(HARD);
/// What stops a round.
pub const ROUND_MASK: Group = WALL.union(HARD).union(LOW_HARD);
/// What hides at least part of a body (concealment, a harder aim): what
/// blocks sight and what is only seen over.
pub const HIDE_MASK: Group = SIGHT_MASK.union(LOW_SOFT).union(LOW_HARD);
/// What blocks a walker.
pub const MOVE_MASK: Group = HIDE_MASK;

/// A collider kind for the map's static geometry.
fn static_groups(g: Group) -> CollisionGroups {
    CollisionGroups::new(g, Group::ALL)
}

/// Spawns the static colliders of the map; returns doors and vehicles with
/// their collider entities.
pub fn spawn_map(commands: &mut Commands, scenario: &Scenario) -> (Vec<DoorRt>, Vec<VehicleRt>) {
    let map = &scenario.map;
    for wall in &map.walls {
        for (a, b, ext_a, ext_b) in split_wall(v(wall.from), v(wall.to), wall.thickness, scenario) {
            let d = b - a;
            let len = d.length();
            if len < 0.01 {
                continue;
            }
            // Original wall ends reach half a thickness further so corners
            // close; ends at a doorway stop at its edge.
            let dirn = d / len;
            let a = if ext_a {
                a - dirn * wall.thickness / 2.0
            } else {
                a
            };
            let b = if ext_b {
                b + dirn * wall.thickness / 2.0
            } else {
                b
            };
            let len = a.distance(b);
            commands.spawn((
                SimEntity,
                Collider::cuboid(len / 2.0, wall.thickness / 2.0),
                static_groups(WALL),
                Transform::from_translation(((a + b) / 2.0).extend(0.0))
                    .with_rotation(Quat::from_rotation_z(d.y.atan2(d.x))),
            ));
        }
    }
    let doors = map
        .doors
        .iter()
        .map(|door| {
            let half = match door.orientation {
                Orientation::Horizontal => Vec2::new(door.width / 2.0, 0.1),
                Orientation::Vertical => Vec2::new(0.1, door.width / 2.0),
            };
            let mut e = commands.spawn((
                SimEntity,
                Collider::cuboid(half.x, half.y),
                static_groups(DOOR),
                Transform::from_translation(v(door.at).extend(0.0)),
            ));
            if door.state == DoorState::Open {
                e.insert(ColliderDisabled);
            }
            DoorRt {
                id: door.id.clone(),
                at: v(door.at),
                half,
                state: door.state,
                entity: e.id(),
            }
        })
        .collect();
    let vehicles = map
        .vehicles
        .iter()
        .map(|veh| {
            let rot = veh.heading.to_radians();
            let (len, width) = veh.size;
            let mut part = |(centre, half): (Pt, Pt), group| {
                commands
                    .spawn((
                        SimEntity,
                        Collider::cuboid(half.0, half.1),
                        static_groups(group),
                        Transform::from_translation(v(centre).extend(0.0))
                            .with_rotation(Quat::from_rotation_z(rot)),
                    ))
                    .id()
            };
            let engine = part(veh.engine_block(), LOW_HARD);
            let cabin = part(veh.cabin(), LOW_SOFT);
            VehicleRt {
                id: veh.id.clone(),
                at: v(veh.position),
                half: Vec2::new(len / 2.0, width / 2.0),
                rot,
                engine_running: veh.engine_running,
                keys_out: false,
                searched: false,
                found: Vec::new(),
                colliders: [engine, cabin],
            }
        })
        .collect();
    for cover in &map.cover {
        let g = match (cover.kind, cover.low) {
            (CoverKind::Hard, false) => HARD,
            (CoverKind::Soft, false) => SOFT,
            (CoverKind::Hard, true) => LOW_HARD,
            (CoverKind::Soft, true) => LOW_SOFT,
        };
        commands.spawn((
            SimEntity,
            Collider::cuboid(cover.size.0 / 2.0, cover.size.1 / 2.0),
            static_groups(g),
            Transform::from_translation(v(cover.position).extend(0.0))
                .with_rotation(Quat::from_rotation_z(cover.rotation.to_radians())),
        ));
    }
    (doors, vehicles)
}

/// Spawns a person's kinematic body.
pub fn spawn_body(commands: &mut Commands, pos: Vec2) -> Entity {
    commands
        .spawn((
            SimEntity,
            RigidBody::KinematicPositionBased,
            Collider::ball(BODY_RADIUS),
            CollisionGroups::new(ACTOR, Group::NONE),
            Transform::from_translation(pos.extend(0.0)),
        ))
        .id()
}

/// Cuts the doorways out of a wall: a door whose centre lies on the wall
/// opens a gap of its width, so instructors can draw walls straight through.
/// Each piece says whether its ends are the wall's own ends.
fn split_wall(
    a: Vec2,
    b: Vec2,
    thickness: f32,
    scenario: &Scenario,
) -> Vec<(Vec2, Vec2, bool, bool)> {
    let d = b - a;
    let len = d.length();
    if len < 1e-4 {
        return vec![(a, b, true, true)];
    }
    let mut cuts: Vec<(f32, f32)> = scenario
        .map
        .doors
        .iter()
        .filter_map(|door| {
            let (dist, t) = super::geom::seg_dist(v(door.at), a, b);
            (dist <= thickness / 2.0 + 0.1 && t > 0.0 && t < 1.0).then(|| {
                let half = door.width / 2.0 / len;
                (t - half, t + half)
            })
        })
        .collect();
    cuts.sort_by(|x, y| x.0.total_cmp(&y.0));
    // A wall drawn up to a doorway's edge must not reach into it.
    let at_door = |p: Vec2| {
        scenario
            .map
            .doors
            .iter()
            .any(|door| p.distance(v(door.at)) <= door.width / 2.0 + thickness)
    };
    let mut out = Vec::new();
    let mut start = 0.0f32;
    for (lo, hi) in cuts {
        if lo > start {
            out.push((
                a + d * start,
                a + d * lo,
                start == 0.0 && !at_door(a),
                false,
            ));
        }
        start = start.max(hi);
    }
    if start < 1.0 {
        out.push((a + d * start, b, start == 0.0 && !at_door(a), !at_door(b)));
    }
    out
}

/// Keeps door colliders in step with door states.
pub(crate) fn sync_doors(
    mut commands: Commands,
    state: Res<SimState>,
    disabled: Query<(), With<ColliderDisabled>>,
) {
    if !state.is_changed() {
        return;
    }
    for door in &state.doors {
        let closed = door.state != DoorState::Open;
        let is_disabled = disabled.contains(door.entity);
        if closed && is_disabled {
            commands.entity(door.entity).remove::<ColliderDisabled>();
        } else if !closed && !is_disabled {
            commands.entity(door.entity).insert(ColliderDisabled);
        }
    }
}

/// Moves each person's rapier body to where the simulation put them.
pub(crate) fn sync_bodies(state: Res<SimState>, mut bodies: Query<&mut Transform>) {
    for p in &state.people {
        let Some(body) = p.body else { continue };
        if let Ok(mut t) = bodies.get_mut(body) {
            let new = p.pos.extend(0.0);
            if t.translation != new {
                t.translation = new;
            }
        }
    }
}

/// The casts the simulation makes against the map.
pub struct Rays<'a> {
    ctx: RapierContext<'a>,
}

impl<'a> Rays<'a> {
    /// Wraps a rapier context.
    pub fn new(ctx: RapierContext<'a>) -> Self {
        Rays { ctx }
    }

    /// Fraction (0..1) of the way from `from` to `to` at which something in
    /// `mask` blocks the line, ignoring the `exclude` colliders; `None` when clear.
    pub fn blocked_at(&self, from: Vec2, to: Vec2, mask: Group, exclude: &[Entity]) -> Option<f32> {
        let d = to - from;
        if d.length_squared() < 1e-8 {
            return None;
        }
        let pred = |e: Entity| !exclude.contains(&e);
        let filter = QueryFilter {
            groups: Some(CollisionGroups::new(Group::ALL, mask)),
            predicate: if exclude.is_empty() {
                None
            } else {
                Some(&pred)
            },
            ..default()
        };
        self.ctx
            .cast_ray(from, d, 1.0, true, filter)
            .map(|(_, toi)| toi)
    }

    /// Whether someone at `from` sees someone at `to`. Walls and closed doors
    /// block sight; tall cover blocks it too, except where one end is within
    /// [`PEEK`] of the object (a person at a kiosk's corner looks round it).
    /// Vehicles and low cover never block it: they are seen over.
    pub fn sees(&self, from: Vec2, to: Vec2, exclude: &[Entity]) -> bool {
        if !self.clear(from, to, WALL.union(DOOR), exclude) {
            return false;
        }
        let mut fwd = [(Entity::PLACEHOLDER, 0.0); 8];
        let nf = self.cover_hits(from, to, exclude, &mut fwd);
        if nf == 0 {
            return true;
        }
        let mut back = [(Entity::PLACEHOLDER, 0.0); 8];
        let nb = self.cover_hits(to, from, exclude, &mut back);
        fwd[..nf].iter().all(|(e, tf)| {
            let tb = back[..nb]
                .iter()
                .find(|(b, _)| b == e)
                .map_or(0.0, |(_, t)| *t);
            *tf <= PEEK || tb <= PEEK
        })
    }

    /// Cover and vehicle colliders the segment passes through: (collider,
    /// distance from `from` to where the segment enters it). At most 8.
    fn cover_hits(
        &self,
        from: Vec2,
        to: Vec2,
        exclude: &[Entity],
        out: &mut [(Entity, f32); 8],
    ) -> usize {
        let d = to - from;
        let len = d.length();
        if len < 1e-4 {
            return 0;
        }
        let pred = |e: Entity| !exclude.contains(&e);
        let filter = QueryFilter {
            groups: Some(CollisionGroups::new(Group::ALL, SOFT.union(HARD))),
            predicate: if exclude.is_empty() {
                None
            } else {
                Some(&pred)
            },
            ..default()
        };
        self.ctx.with_query_pipeline(filter, |qp| {
            let mut n = 0;
            for (e, hit) in qp.intersect_ray(from, d, 1.0, true) {
                if n < out.len() {
                    out[n] = (e, hit.time_of_impact * len);
                    n += 1;
                }
            }
            n
        })
    }

    /// How far a ray from `from` toward `to` sees, as a fraction: walls and
    /// doors stop it, and cover beyond [`PEEK`] from `from` (the visibility
    /// polygon's rule, matching [`Rays::sees`] from the viewer's side).
    pub fn sight_reach(&self, from: Vec2, to: Vec2) -> f32 {
        let wall = self
            .blocked_at(from, to, WALL.union(DOOR), &[])
            .unwrap_or(1.0);
        let len = from.distance(to).max(1e-4);
        let mut hits = [(Entity::PLACEHOLDER, 0.0); 8];
        let n = self.cover_hits(from, to, &[], &mut hits);
        let cover = hits[..n]
            .iter()
            .filter(|(_, t)| *t > PEEK)
            .map(|(_, t)| *t / len)
            .fold(1.0f32, f32::min);
        wall.min(cover)
    }

    /// Nothing in `mask` between the two points.
    pub fn clear(&self, from: Vec2, to: Vec2, mask: Group, exclude: &[Entity]) -> bool {
        self.blocked_at(from, to, mask, exclude).is_none()
    }

    /// Where a body of `radius` at `pos` ends up trying to move by `delta`:
    /// it slides along what it hits (up to three contacts).
    pub fn slide(&self, pos: Vec2, delta: Vec2, radius: f32, exclude: &[Entity]) -> Vec2 {
        let ball = Ball::new(radius);
        let pred = |e: Entity| !exclude.contains(&e);
        let mut p = pos;
        let mut rem = delta;
        for _ in 0..3 {
            if rem.length_squared() < 1e-10 {
                break;
            }
            let filter = QueryFilter {
                groups: Some(CollisionGroups::new(Group::ALL, MOVE_MASK)),
                predicate: if exclude.is_empty() {
                    None
                } else {
                    Some(&pred)
                },
                ..default()
            };
            let opts = ShapeCastOptions {
                max_time_of_impact: 1.0,
                target_distance: 0.01,
                stop_at_penetration: false,
                compute_impact_geometry_on_penetration: true,
            };
            match self.ctx.cast_shape(p, 0.0, rem, &ball, opts, filter) {
                None => {
                    p += rem;
                    break;
                }
                Some((_, hit)) => {
                    let toi = hit.time_of_impact.clamp(0.0, 1.0);
                    p += rem * toi;
                    rem *= 1.0 - toi;
                    let n = hit
                        .details
                        .map(|d| d.normal1.normalize_or_zero())
                        .unwrap_or(-rem.normalize_or_zero());
                    let into = rem.dot(n);
                    if into < 0.0 {
                        rem -= n * into;
                    }
                }
            }
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::testing::*;
    use bevy::ecs::system::RunSystemOnce;

    #[test]
    fn groups_say_what_stops_what() {
        let mut sc = blank_scenario((20.0, 10.0), (1.0, 1.0));
        sc.map.walls.push(wall((4.0, 0.0), (4.0, 10.0)));
        sc.map
            .cover
            .push(cover(CoverKind::Soft, (10.0, 5.0), (0.5, 10.0)));
        sc.map
            .cover
            .push(cover(CoverKind::Hard, (15.0, 5.0), (0.5, 10.0)));
        let mut app = sim_app(setup(sc, 1));
        let lines = app
            .world_mut()
            .run_system_once(|rapier: ReadRapierContext| {
                let rays = Rays::new(rapier.single().expect("context"));
                let across = |x0: f32, x1: f32| {
                    let (a, b) = (Vec2::new(x0, 5.0), Vec2::new(x1, 5.0));
                    (
                        rays.clear(a, b, SIGHT_MASK, &[]),
                        rays.clear(a, b, ROUND_MASK, &[]),
                    )
                };
                [
                    across(2.0, 6.0),
                    across(8.0, 12.0),
                    across(13.0, 17.0),
                    across(5.0, 8.0),
                ]
            })
            .expect("system ran");
        assert_eq!(lines[0], (false, false), "a wall stops sight and rounds");
        assert_eq!(lines[1], (false, true), "soft cover hides, rounds pass");
        assert_eq!(lines[2], (false, false), "hard cover stops both");
        assert_eq!(lines[3], (true, true), "open ground");
    }

    #[test]
    fn cars_and_low_cover_are_seen_over_and_only_their_hard_parts_stop_rounds() {
        let mut sc = blank_scenario((30.0, 10.0), (1.0, 1.0));
        // Nose east: cabin x 7.7..10.8, engine block x 10.8..12.3.
        sc.map.vehicles.push(vehicle("car", (10.0, 5.0), 0.0));
        let mut planter = cover(CoverKind::Hard, (20.0, 5.0), (0.8, 4.0));
        planter.low = true;
        sc.map.cover.push(planter);
        let mut bench = cover(CoverKind::Soft, (25.0, 5.0), (0.6, 4.0));
        bench.low = true;
        sc.map.cover.push(bench);
        let mut app = sim_app(setup(sc, 1));
        let lines = app
            .world_mut()
            .run_system_once(|rapier: ReadRapierContext| {
                let rays = Rays::new(rapier.single().expect("context"));
                let across = |x0: f32, x1: f32| {
                    let (a, b) = (Vec2::new(x0, 5.0), Vec2::new(x1, 5.0));
                    (
                        rays.sees(a, b, &[]),
                        rays.clear(a, b, ROUND_MASK, &[]),
                        rays.clear(a, b, HIDE_MASK, &[]),
                    )
                };
                [
                    across(4.0, 9.0),
                    across(4.0, 16.0),
                    across(18.0, 22.0),
                    across(23.0, 27.0),
                ]
            })
            .expect("system ran");
        assert_eq!(lines[0], (true, true, false), "a cabin only conceals");
        assert_eq!(
            lines[1],
            (true, false, false),
            "the engine block stops rounds"
        );
        assert_eq!(lines[2], (true, false, false), "a planter is seen over");
        assert_eq!(lines[3], (true, true, false), "a bench is seen over");
    }

    #[test]
    fn doorways_are_cut_out_of_walls() {
        let mut sc = blank_scenario((20.0, 10.0), (1.0, 1.0));
        sc.map.walls.push(wall((0.0, 5.0), (20.0, 5.0)));
        sc.map.doors.push(crate::scenario::schema::Door {
            id: "d".into(),
            at: (10.0, 5.0),
            width: 1.0,
            orientation: Orientation::Horizontal,
            state: DoorState::Open,
            label: None,
        });
        let parts = split_wall(Vec2::new(0.0, 5.0), Vec2::new(20.0, 5.0), 0.3, &sc);
        assert_eq!(parts.len(), 2);
        assert!((parts[0].1.x - 9.5).abs() < 1e-4 && (parts[1].0.x - 10.5).abs() < 1e-4);
        assert!(parts[0].2 && !parts[0].3 && !parts[1].2 && parts[1].3);
    }
}
