//! Steering for people the simulation drives: straight at the goal when the
//! way is clear, else along an A* path on the static map's grid (the one
//! bots use), so a fleeing subject runs round a wall instead of into it.

use super::geom::{pt, v};
use super::perception::vehicle_exclusions;
use super::state::*;
use super::step::Step;
use super::world::{MOVE_MASK, Rays};
use crate::nav::Steer;
use bevy::math::Vec2;

/// Sets person `i` walking toward `goal` at `speed`; true once within `stop_at`.
pub(crate) fn steer(
    step: &mut Step,
    rays: &Rays,
    i: usize,
    goal: Vec2,
    speed: f32,
    stop_at: f32,
) -> bool {
    let t = step.state.seconds();
    let pos = step.state.people[i].pos;
    let d = goal - pos;
    if d.length() <= stop_at {
        step.state.people[i].want = Vec2::ZERO;
        return true;
    }
    let excl = vehicle_exclusions(step.state, i, i);
    // Three rays (centre and both shoulders) stand in for the body's sweep.
    let side = d.perp().normalize_or_zero() * BODY_RADIUS;
    let clear = rays.clear(pos, goal, MOVE_MASK, &excl)
        && rays.clear(pos + side, goal + side, MOVE_MASK, &excl)
        && rays.clear(pos - side, goal - side, MOVE_MASK, &excl);
    let p = &mut step.state.people[i];
    if clear {
        p.follower.reset();
        p.want = d.normalize_or_zero() * speed;
        return false;
    }
    match p.follower.steer(step.nav, pt(pos), pt(goal), stop_at, t) {
        Steer::Go(dir) => {
            p.want = v(dir).normalize_or_zero() * speed;
            false
        }
        Steer::Arrived => {
            p.want = Vec2::ZERO;
            true
        }
        // No path on the grid: try straight on (sliding along what is hit).
        Steer::Stuck => {
            p.want = d.normalize_or_zero() * speed;
            false
        }
    }
}
