//! Bystanders: they wander in their zone, can stand in a line of fire, run
//! from shots, and once they agree to witness they follow the trainee at a
//! few meters. One seized as a shield is held in front of the subject.

use super::rng::SimRng;
use super::state::*;
use super::{SimSet, SimSetup, sim_running};
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        FixedUpdate,
        bystanders.in_set(SimSet::Ai).run_if(sim_running),
    );
}

fn bystanders(setup: Res<SimSetup>, mut state: ResMut<SimState>, mut rng: ResMut<SimRng>) {
    let state = &mut *state;
    let tick = state.tick;
    let trainee = state.people[0].pos;
    // Danger: the nearest subject who is attacking or shooting.
    for i in 0..state.people.len() {
        let p = &state.people[i];
        let Some(b) = p.bystander() else {
            continue;
        };
        if !p.active(tick) {
            state.people[i].want = Vec2::ZERO;
            continue;
        }
        let pos = p.pos;
        let spec = &setup.scenario.bystanders[b.spec];
        let holder = b.held_by;
        if let Some(h) = holder {
            match shield_point(state, h, tick) {
                Some(at) => {
                    let gap = at - pos;
                    state.people[i].want = if gap.length() > 0.05 {
                        gap.normalize_or_zero() * (gap.length() * 4.0).min(3.0)
                    } else {
                        Vec2::ZERO
                    };
                    continue;
                }
                None => {
                    // Let go: the holder gave up, was restrained or went down.
                    if let Some(bs) = state.people[i].bystander_mut() {
                        bs.held_by = None;
                        bs.scared_until = tick + 3 * HZ;
                    }
                }
            }
        }
        let b = state.people[i].bystander().expect("bystander");
        let want = if b.scared_until > tick {
            let danger = state
                .people
                .iter()
                .filter(|o| {
                    o.present
                        && o.subject().is_some_and(|s| {
                            matches!(s.activity, Activity::Shooting(_) | Activity::Attacking(_))
                        })
                })
                .map(|o| o.pos)
                .min_by(|a, b| a.distance(pos).total_cmp(&b.distance(pos)));
            match danger {
                Some(d) => (pos - d).normalize_or_zero() * 3.0,
                None => Vec2::ZERO,
            }
        } else if b.witness {
            let d = trainee.distance(pos);
            if d > 3.0 {
                let speed = if d > 8.0 { 3.0 } else { WALK };
                (trainee - pos).normalize_or_zero() * speed
            } else {
                Vec2::ZERO
            }
        } else if let Some(zone) = spec
            .wanders_in
            .as_ref()
            .and_then(|z| setup.scenario.map.zones.iter().find(|zone| &zone.id == z))
        {
            let b = state.people[i].bystander_mut().expect("bystander");
            let need_new = b
                .wander
                .is_none_or(|(target, until)| tick >= until || target.distance(pos) < 0.3);
            if need_new {
                let target = Vec2::new(
                    rng.range(zone.min.0, zone.max.0),
                    rng.range(zone.min.1, zone.max.1),
                );
                let until = tick + rng.ticks(4.0, 10.0);
                b.wander = Some((target, until));
            }
            let (target, _) = b.wander.expect("just set");
            if target.distance(pos) > 0.3 {
                (target - pos).normalize_or_zero() * 1.0
            } else {
                Vec2::ZERO
            }
        } else {
            Vec2::ZERO
        };
        state.people[i].want = want;
    }
}

/// Where a bystander held by subject `h` is kept: just in front of them,
/// toward the nearest officer. `None` once the hold is over (the subject gave
/// up, was restrained, went down or left).
fn shield_point(state: &SimState, h: usize, tick: u32) -> Option<Vec2> {
    let p = &state.people[h];
    let s = p.subject()?;
    if !p.present
        || p.down(tick)
        || s.restrained
        || s.level < crate::domain::ResistanceLevel::Active
    {
        return None;
    }
    let officer = state
        .people
        .iter()
        .filter(|o| o.is_officer() && o.active(tick))
        .map(|o| o.pos)
        .min_by(|a, b| a.distance(p.pos).total_cmp(&b.distance(p.pos)))?;
    Some(p.pos + (officer - p.pos).normalize_or_zero() * SHIELD_GAP)
}

/// How far in front of the subject a held bystander stands, m (two bodies).
const SHIELD_GAP: f32 = 0.65;
