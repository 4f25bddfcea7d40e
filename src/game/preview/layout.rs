//! Where each label goes on screen so that none covers another: labels are
//! placed in order (the most important first), each at the first free spot
//! around its point; one with no free spot, or whose point is off screen,
//! is left out (zooming in makes room). Pure geometry: testable without a
//! window.

use bevy::math::{Rect, Vec2};

/// Pixels kept between labels, and between a label and its point.
pub const GAP: f32 = 3.0;

/// A label to place: its point on screen and its size, pixels (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Want {
    /// The point it belongs to.
    pub anchor: Vec2,
    /// Its size.
    pub size: Vec2,
    /// Hang it inside the corner at `anchor` (a zone's top-left) rather than
    /// around the point.
    pub corner: bool,
}

/// Top-left corners to try, in order of preference: below the point, above,
/// right, left, then the diagonals.
fn candidates(w: &Want) -> Vec<Vec2> {
    let (a, s) = (w.anchor, w.size);
    if w.corner {
        return vec![a + Vec2::splat(GAP), a + Vec2::new(GAP, GAP + s.y + GAP)];
    }
    let d = 6.0; // room for the point's own mark
    vec![
        Vec2::new(a.x - s.x / 2.0, a.y + d),
        Vec2::new(a.x - s.x / 2.0, a.y - d - s.y),
        Vec2::new(a.x + d, a.y - s.y / 2.0),
        Vec2::new(a.x - d - s.x, a.y - s.y / 2.0),
        Vec2::new(a.x + d, a.y + d),
        Vec2::new(a.x - d - s.x, a.y - d - s.y),
        Vec2::new(a.x + d, a.y - d - s.y),
        Vec2::new(a.x - d - s.x, a.y + d),
    ]
}

/// The top-left corner of each label in a `view`-sized window (`None`: not
/// shown), with nothing overlapping `blocked` (panels over the map) or an
/// earlier label.
pub fn place(wants: &[Want], view: Vec2, blocked: &[Rect]) -> Vec<Option<Vec2>> {
    let screen = Rect::from_corners(Vec2::ZERO, view);
    let mut taken: Vec<Rect> = blocked.to_vec();
    wants
        .iter()
        .map(|w| {
            if !screen.contains(w.anchor) || w.size.x <= 0.0 {
                return None;
            }
            let spot = candidates(w).into_iter().find(|p| {
                let r = Rect::from_corners(*p, *p + w.size);
                let padded = r.inflate(GAP / 2.0);
                screen.contains(r.min)
                    && screen.contains(r.max)
                    && taken.iter().all(|t| t.intersect(padded).is_empty())
            })?;
            taken.push(Rect::from_corners(spot, spot + w.size));
            Some(spot)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn want(x: f32, y: f32) -> Want {
        Want {
            anchor: Vec2::new(x, y),
            size: Vec2::new(80.0, 16.0),
            corner: false,
        }
    }

    fn rect_of(w: &Want, p: Vec2) -> Rect {
        Rect::from_corners(p, p + w.size)
    }

    #[test]
    fn a_pile_of_labels_on_one_point_shows_a_few_and_none_overlap() {
        let view = Vec2::new(1280.0, 720.0);
        let wants: Vec<Want> = (0..40).map(|_| want(600.0, 300.0)).collect();
        let spots = place(&wants, view, &[]);
        let shown: Vec<Rect> = wants
            .iter()
            .zip(&spots)
            .filter_map(|(w, p)| p.map(|p| rect_of(w, p)))
            .collect();
        assert!((2..=8).contains(&shown.len()), "{}", shown.len());
        for i in 0..shown.len() {
            for j in 0..i {
                assert!(shown[i].intersect(shown[j]).is_empty(), "{i} {j}");
            }
        }
        // The first (most important) takes the first choice: under its point.
        assert_eq!(spots[0], Some(Vec2::new(560.0, 306.0)));
    }

    #[test]
    fn labels_apart_keep_their_first_choice_and_off_screen_ones_are_left_out() {
        let view = Vec2::new(1280.0, 720.0);
        let wants = [want(100.0, 100.0), want(400.0, 100.0), want(-50.0, 100.0)];
        let spots = place(&wants, view, &[]);
        assert_eq!(spots[0], Some(Vec2::new(60.0, 106.0)));
        assert_eq!(spots[1], Some(Vec2::new(360.0, 106.0)));
        assert_eq!(spots[2], None);
    }

    #[test]
    fn a_panel_over_the_map_pushes_labels_aside() {
        let view = Vec2::new(1280.0, 720.0);
        let panel = Rect::from_corners(Vec2::new(0.0, 100.0), Vec2::new(300.0, 140.0));
        let spots = place(&[want(100.0, 98.0)], view, &[panel]);
        let p = spots[0].expect("placed");
        assert!(rect_of(&want(0.0, 0.0), p).intersect(panel).is_empty());
    }
}
