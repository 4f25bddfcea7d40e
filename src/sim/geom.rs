//! Small plane-geometry helpers (meters, radians inside the simulation,
//! degrees at the contract's edges).

use crate::domain::Pt;
use bevy::math::Vec2;

/// A contract point as a vector.
pub fn v(p: Pt) -> Vec2 {
    Vec2::new(p.0, p.1)
}

/// A vector as a contract point.
pub fn pt(v: Vec2) -> Pt {
    (v.x, v.y)
}

/// Unit vector of a heading in radians (0 = east, counter-clockwise).
pub fn dir(heading: f32) -> Vec2 {
    Vec2::new(heading.cos(), heading.sin())
}

/// Heading of a vector in radians.
pub fn heading_of(d: Vec2) -> f32 {
    d.y.atan2(d.x)
}

/// Absolute angle between two headings, 0..PI.
pub fn angle_between(a: f32, b: f32) -> f32 {
    let mut d = (a - b) % std::f32::consts::TAU;
    if d < 0.0 {
        d += std::f32::consts::TAU;
    }
    if d > std::f32::consts::PI {
        std::f32::consts::TAU - d
    } else {
        d
    }
}

/// Distance from `p` to the segment `a..b`, and the fraction along it of the
/// closest point (0 at `a`, 1 at `b`).
pub fn seg_dist(p: Vec2, a: Vec2, b: Vec2) -> (f32, f32) {
    let ab = b - a;
    let len2 = ab.length_squared();
    if len2 < 1e-9 {
        return (p.distance(a), 0.0);
    }
    let t = ((p - a).dot(ab) / len2).clamp(0.0, 1.0);
    (p.distance(a + ab * t), t)
}

/// Distance from `p` to an oriented box (0 inside).
pub fn box_dist(p: Vec2, center: Vec2, half: Vec2, rot: f32) -> f32 {
    let local = Vec2::from_angle(-rot).rotate(p - center);
    let q = local.abs() - half;
    q.max(Vec2::ZERO).length()
}

/// True when `p` lies in the axis-aligned rectangle `min..max`.
pub fn in_rect(p: Vec2, min: Pt, max: Pt) -> bool {
    p.x >= min.0 && p.x <= max.0 && p.y >= min.1 && p.y <= max.1
}

/// `x` limited to `lo..=hi`; never panics (a reversed range gives `lo`).
pub fn limit(x: f32, lo: f32, hi: f32) -> f32 {
    x.min(hi).max(lo)
}

/// The point of the rectangle `min..max` closest to `p`.
pub fn clamp_rect(p: Vec2, min: Pt, max: Pt) -> Vec2 {
    Vec2::new(limit(p.x, min.0, max.0), limit(p.y, min.1, max.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn angles_wrap() {
        assert!((angle_between(0.1, -0.1) - 0.2).abs() < 1e-5);
        assert!((angle_between(3.0, -3.0) - (std::f32::consts::TAU - 6.0)).abs() < 1e-4);
    }

    #[test]
    fn segment_and_box_distances() {
        let (d, t) = seg_dist(Vec2::new(1.0, 1.0), Vec2::ZERO, Vec2::new(2.0, 0.0));
        assert!((d - 1.0).abs() < 1e-6 && (t - 0.5).abs() < 1e-6);
        let d = box_dist(
            Vec2::new(0.0, 3.0),
            Vec2::ZERO,
            Vec2::new(2.0, 1.0),
            std::f32::consts::FRAC_PI_2,
        );
        assert!((d - 1.0).abs() < 1e-5, "{d}");
    }
}
