//! Moves people at the velocity their AI or input asked for, blocked by
//! walls, vehicles, cover and closed doors (a ball shape cast against the
//! colliders that slides along what it hits), then hands the new positions to
//! rapier. Crowd members have no bodies and skip the cast.

use super::geom::{heading_of, limit};
use super::state::*;
use super::world::{Rays, sync_bodies, sync_doors};
use super::{SimSet, SimSetup, sim_running};
use bevy::prelude::*;
use bevy_rapier2d::prelude::{PhysicsSet, ReadRapierContext};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        FixedUpdate,
        (move_people, sync_bodies, sync_doors)
            .chain()
            .in_set(SimSet::Physics)
            .before(PhysicsSet::SyncBackend)
            .run_if(sim_running),
    );
}

fn move_people(setup: Res<SimSetup>, mut state: ResMut<SimState>, rapier: ReadRapierContext) {
    let Ok(ctx) = rapier.single() else { return };
    let rays = Rays::new(ctx);
    let state = &mut *state;
    let tick = state.tick;
    let (w, h) = setup.scenario.map.size;
    for (i, p) in state.people.iter_mut().enumerate() {
        let want = std::mem::take(&mut p.want);
        let face = p.face.take();
        if !p.present || p.in_vehicle.is_some() || p.down(tick) {
            p.speed = 0.0;
            continue;
        }
        let old = p.pos;
        if want.length_squared() > 1e-8 {
            let delta = want * DT;
            let new = if i == 0 && p.body.is_some() {
                glide(&rays, old, delta)
            } else if p.body.is_some() {
                rays.slide(old, delta, BODY_RADIUS, &[])
            } else {
                old + delta
            };
            p.pos = Vec2::new(limit(new.x, 0.0, w), limit(new.y, 0.0, h));
        }
        p.speed = p.pos.distance(old) / DT;
        if let Some(f) = face {
            if f.distance_squared(p.pos) > 1e-6 {
                p.heading = heading_of(f - p.pos);
            }
        } else if want.length_squared() > 1e-4 {
            p.heading = heading_of(want);
        }
    }
}

/// The trainee's move: a slide along what is hit, and where that leaves them
/// stuck on a corner (a car's, a wall's end), the same move turned a little
/// either way, so a held key glides round the corner instead of snagging.
fn glide(rays: &Rays, old: Vec2, delta: Vec2) -> Vec2 {
    /// Progress along the wanted direction below this share counts as stuck.
    const STUCK: f32 = 0.6;
    let len = delta.length();
    let progress = |p: Vec2| (p - old).dot(delta) / len;
    let first = rays.slide(old, delta, BODY_RADIUS, &[]);
    if progress(first) >= STUCK * len {
        return first;
    }
    let mut best = first;
    for deg in [30f32, -30.0, 60.0, -60.0] {
        let turned = Vec2::from_angle(deg.to_radians()).rotate(delta);
        let p = rays.slide(old, turned, BODY_RADIUS, &[]);
        if progress(p) > progress(best) + 1e-4 {
            best = p;
        }
    }
    best
}
