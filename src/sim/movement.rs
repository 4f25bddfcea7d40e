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
    for p in state.people.iter_mut() {
        let want = std::mem::take(&mut p.want);
        let face = p.face.take();
        if !p.present || p.in_vehicle.is_some() || p.down(tick) {
            p.speed = 0.0;
            continue;
        }
        let old = p.pos;
        if want.length_squared() > 1e-8 {
            let delta = want * DT;
            let new = if p.body.is_some() {
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
