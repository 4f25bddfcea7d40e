//! People, top-down: a body (shoulders), a head, hands, and what they hold,
//! posed from their visible cues so hands up or hidden, a weapon in view, a
//! bladed stance, kneeling or prone, restraints and injuries read at a glance.
//! Colours tell only who someone is (officer, subject, bystander), never how
//! much they resist. People outside the trainee's sight are not drawn.

use super::shapes::Shapes;
use super::{InWorld, layer};
use crate::domain::*;
use crate::game::input::Selection;
use crate::sim::{Drawable, PersonKind, SceneViewRes};
use bevy::platform::collections::HashMap;
use bevy::prelude::*;

/// The parts a person is drawn from.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// Selection or hover ring under the person.
    Ring,
    /// Red ring: a weapon is in view.
    Alert,
    /// Dark edge around the body.
    Outline,
    /// Shoulders and torso.
    Body,
    /// Knees, when kneeling.
    Knees,
    /// Head.
    Head,
    /// Nose: which way they face.
    Nose,
    /// Left hand.
    HandL,
    /// Right hand.
    HandR,
    /// A weapon in a subject's hand.
    Weapon,
    /// Handcuffs.
    Cuffs,
    /// Blood: injured.
    Injury,
    /// An officer's tool in hand.
    Tool,
}

impl Part {
    /// Every part, in drawing order (later on top).
    pub const ALL: [Part; 13] = [
        Part::Ring,
        Part::Alert,
        Part::Outline,
        Part::Knees,
        Part::Body,
        Part::Cuffs,
        Part::HandL,
        Part::HandR,
        Part::Weapon,
        Part::Tool,
        Part::Head,
        Part::Nose,
        Part::Injury,
    ];

    fn is_disc(self) -> bool {
        !matches!(self, Part::Weapon | Part::Cuffs | Part::Tool)
    }

    fn ring_image(self) -> bool {
        matches!(self, Part::Ring | Part::Alert)
    }
}

/// Where and how one part is drawn, in the person's frame (x forward, meters).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PartPose {
    /// Which part.
    pub part: Part,
    /// Centre, relative to the person, x along their heading.
    pub at: Vec2,
    /// Size.
    pub size: Vec2,
    /// Extra rotation, degrees.
    pub rot: f32,
    /// Colour.
    pub color: Color,
}

/// Body colour of each kind of person.
pub fn kind_color(kind: PersonKind) -> Color {
    match kind {
        PersonKind::Trainee => Color::srgb(0.22, 0.52, 1.0),
        PersonKind::Officer => Color::srgb(0.16, 0.34, 0.78),
        PersonKind::Subject => Color::srgb(0.78, 0.60, 0.40),
        PersonKind::Bystander => Color::srgb(0.56, 0.68, 0.56),
        PersonKind::CrowdMember => Color::srgb(0.58, 0.55, 0.66),
    }
}

/// Colour of an officer's tool.
pub fn tool_color(tool: Tool) -> Color {
    match tool {
        Tool::EmptyHands => Color::srgb(0.95, 0.80, 0.65),
        Tool::Oc => Color::srgb(1.0, 0.55, 0.10),
        Tool::Baton => Color::srgb(0.78, 0.78, 0.84),
        Tool::Cew => Color::srgb(1.0, 0.88, 0.10),
        Tool::Handgun => Color::srgb(0.10, 0.10, 0.11),
    }
}

const SKIN: Color = Color::srgb(0.95, 0.80, 0.65);
const HEAD: Color = Color::srgb(0.86, 0.70, 0.56);
const CAP: Color = Color::srgb(0.08, 0.12, 0.28);
/// Colour of a weapon in view.
pub const WEAPON: Color = Color::srgb(1.0, 0.12, 0.12);

fn dim(c: Color, k: f32) -> Color {
    let l = c.to_srgba();
    let grey = (l.red + l.green + l.blue) / 3.0;
    Color::srgb(
        (l.red * (1.0 - k) + grey * k) * 0.7,
        (l.green * (1.0 - k) + grey * k) * 0.7,
        (l.blue * (1.0 - k) + grey * k) * 0.7,
    )
}

/// The parts to draw for a person.
pub fn pose(d: &Drawable, selected: bool, hovered: bool) -> Vec<PartPose> {
    let has = |c: Cue| d.cues.contains(&c);
    let scale = match d.age {
        AgeGroup::Child => 0.65,
        AgeGroup::Teen => 0.85,
        _ if d.kind == PersonKind::CrowdMember => 0.9,
        _ => 1.0,
    };
    let down = has(Cue::Prone) || has(Cue::Incapacitated) || d.health == Health::Dead;
    let kneeling = has(Cue::Kneeling) && !down;
    let out_of_it = has(Cue::Incapacitated) || d.health >= Health::Serious;
    let officer = matches!(d.kind, PersonKind::Trainee | PersonKind::Officer);
    let mut body = kind_color(d.kind);
    if out_of_it {
        body = dim(body, 0.6);
    }
    let mut v = Vec::with_capacity(12);
    let mut push = |part: Part, at: Vec2, size: Vec2, rot: f32, color: Color| {
        v.push(PartPose {
            part,
            at: at * scale,
            size: size * scale,
            rot,
            color,
        })
    };
    if selected || hovered {
        let c = if selected {
            Color::srgb(0.36, 0.66, 0.98)
        } else {
            Color::srgba(1.0, 1.0, 1.0, 0.55)
        };
        let r = if down { 1.9 } else { 1.05 };
        push(Part::Ring, Vec2::ZERO, Vec2::splat(r), 0.0, c);
    }
    if has(Cue::WeaponVisible) {
        push(
            Part::Alert,
            Vec2::ZERO,
            Vec2::splat(if down { 2.0 } else { 1.25 }),
            0.0,
            WEAPON,
        );
    }
    let edge = if d.kind == PersonKind::Trainee {
        Color::WHITE
    } else {
        Color::srgb(0.04, 0.04, 0.05)
    };
    let (head_at, hand_l, hand_r, hands_shown) = if down {
        // Lying along the heading, head forward.
        push(
            Part::Outline,
            Vec2::new(-0.35, 0.0),
            Vec2::new(1.30, 0.56),
            0.0,
            edge,
        );
        push(
            Part::Body,
            Vec2::new(-0.35, 0.0),
            Vec2::new(1.2, 0.46),
            0.0,
            body,
        );
        let hands = if has(Cue::Restrained) {
            (Vec2::new(-0.35, 0.07), Vec2::new(-0.35, -0.07))
        } else {
            (Vec2::new(0.62, 0.22), Vec2::new(0.62, -0.22))
        };
        (
            Vec2::new(0.38, 0.0),
            hands.0,
            hands.1,
            !has(Cue::HandsHidden),
        )
    } else {
        let bladed = has(Cue::BladedStance);
        let rot = if bladed { 35.0 } else { 0.0 };
        let width = if kneeling { 0.50 } else { 0.58 };
        if kneeling {
            push(
                Part::Knees,
                Vec2::new(0.20, 0.0),
                Vec2::new(0.26, 0.46),
                0.0,
                dim(body, 0.2),
            );
        }
        push(
            Part::Outline,
            Vec2::ZERO,
            Vec2::new(0.40, width + 0.08),
            rot,
            edge,
        );
        push(Part::Body, Vec2::ZERO, Vec2::new(0.32, width), rot, body);
        let hands = if has(Cue::Restrained) {
            (Vec2::new(-0.22, 0.07), Vec2::new(-0.22, -0.07))
        } else if has(Cue::HandsUp) {
            (Vec2::new(0.03, 0.37), Vec2::new(0.03, -0.37))
        } else if has(Cue::Reaching) {
            (Vec2::new(0.20, 0.25), Vec2::new(-0.02, -0.14))
        } else {
            (Vec2::new(0.20, 0.26), Vec2::new(0.20, -0.26))
        };
        let shown = has(Cue::Restrained) || has(Cue::HandsUp) || !has(Cue::HandsHidden);
        (Vec2::new(0.03, 0.0), hands.0, hands.1, shown)
    };
    if has(Cue::Restrained) {
        let mid = (hand_l + hand_r) / 2.0 - Vec2::new(0.03, 0.0);
        push(
            Part::Cuffs,
            mid,
            Vec2::new(0.06, 0.24),
            0.0,
            Color::srgb(0.75, 0.78, 0.82),
        );
    }
    if hands_shown {
        let (size, col) = if has(Cue::HandsUp) {
            (0.16, Color::srgb(1.0, 0.96, 0.85))
        } else {
            (0.12, SKIN)
        };
        push(Part::HandL, hand_l, Vec2::splat(size), 0.0, col);
        push(Part::HandR, hand_r, Vec2::splat(size), 0.0, col);
    }
    if has(Cue::WeaponVisible) {
        push(
            Part::Weapon,
            hand_r + Vec2::new(0.17, 0.0),
            Vec2::new(0.30, 0.08),
            0.0,
            WEAPON,
        );
    }
    if officer && let Some((tool, state)) = d.tool {
        match state {
            ToolState::Drawn if tool != Tool::EmptyHands => push(
                Part::Tool,
                Vec2::new(0.30, -0.22),
                Vec2::new(0.22, 0.08),
                -30.0,
                tool_color(tool),
            ),
            ToolState::Aimed if tool != Tool::EmptyHands => push(
                Part::Tool,
                Vec2::new(0.42, 0.0),
                Vec2::new(0.30, 0.09),
                0.0,
                tool_color(tool),
            ),
            _ => {}
        }
    }
    let head_col = if officer {
        CAP
    } else if out_of_it {
        dim(HEAD, 0.5)
    } else {
        HEAD
    };
    push(Part::Head, head_at, Vec2::splat(0.26), 0.0, head_col);
    push(
        Part::Nose,
        head_at + Vec2::new(0.13, 0.0),
        Vec2::splat(0.08),
        0.0,
        if officer {
            Color::srgb(0.9, 0.75, 0.2)
        } else {
            SKIN
        },
    );
    if has(Cue::Injured) || d.health >= Health::Minor {
        let s = if d.health >= Health::Serious {
            0.30
        } else {
            0.18
        };
        push(
            Part::Injury,
            Vec2::new(-0.05, 0.08),
            Vec2::splat(s),
            0.0,
            Color::srgb(0.75, 0.0, 0.05),
        );
    }
    v
}

/// A drawn person.
#[derive(Component, Debug, Clone)]
pub struct PersonSprite {
    /// Person id.
    pub id: String,
}

#[derive(Resource, Default)]
struct PersonIndex(HashMap<String, Entity>);

fn clear_index(mut index: ResMut<PersonIndex>) {
    index.0.clear();
}

fn spawn_person(commands: &mut Commands, shapes: &Shapes, id: &str) -> Entity {
    commands
        .spawn((
            PersonSprite { id: id.to_string() },
            Transform::default(),
            Visibility::Hidden,
            DespawnOnExit(InWorld),
        ))
        .with_children(|p| {
            for (i, part) in Part::ALL.into_iter().enumerate() {
                let image = if part.ring_image() {
                    shapes.ring.clone()
                } else if part.is_disc() {
                    shapes.disc.clone()
                } else {
                    Handle::default()
                };
                p.spawn((
                    part,
                    Sprite {
                        image,
                        custom_size: Some(Vec2::ONE),
                        ..default()
                    },
                    Transform::from_xyz(0.0, 0.0, 0.01 * i as f32),
                    Visibility::Hidden,
                ));
            }
        })
        .id()
}

fn draw_people(
    mut commands: Commands,
    scene: Res<SceneViewRes>,
    shapes: Res<Shapes>,
    selection: Res<Selection>,
    mut index: ResMut<PersonIndex>,
    mut persons: Query<
        (&mut Transform, &mut Visibility, &Children),
        (With<PersonSprite>, Without<Part>),
    >,
    mut parts: Query<(&Part, &mut Transform, &mut Sprite, &mut Visibility), Without<PersonSprite>>,
) {
    let mut seen = Vec::with_capacity(scene.0.people.len());
    for (i, d) in scene.0.people.iter().enumerate() {
        seen.push(d.id.as_str());
        let e = *index
            .0
            .entry(d.id.clone())
            .or_insert_with(|| spawn_person(&mut commands, &shapes, &d.id));
        let Ok((mut tf, mut vis, children)) = persons.get_mut(e) else {
            continue; // spawned this frame; drawn from the next
        };
        let shown = d.visible || d.kind == PersonKind::Trainee;
        *vis = if shown {
            Visibility::Visible
        } else {
            Visibility::Hidden
        };
        if !shown {
            continue;
        }
        // Later people on top; the trainee above all.
        let z = layer::PEOPLE
            + if d.kind == PersonKind::Trainee {
                0.9
            } else {
                0.8 * i as f32 / scene.0.people.len().max(1) as f32
            };
        tf.translation = Vec3::new(d.pos.0, d.pos.1, z);
        tf.rotation = Quat::from_rotation_z(d.heading.to_radians());
        let poses = pose(
            d,
            selection.selected.as_deref() == Some(d.id.as_str()),
            selection.hovered.as_deref() == Some(d.id.as_str()),
        );
        for child in children.iter() {
            let Ok((part, mut ptf, mut sprite, mut pvis)) = parts.get_mut(child) else {
                continue;
            };
            match poses.iter().find(|p| p.part == *part) {
                Some(p) => {
                    *pvis = Visibility::Inherited;
                    ptf.translation.x = p.at.x;
                    ptf.translation.y = p.at.y;
                    ptf.rotation = Quat::from_rotation_z(p.rot.to_radians());
                    sprite.custom_size = Some(p.size);
                    sprite.color = p.color;
                }
                None => *pvis = Visibility::Hidden,
            }
        }
    }
    index.0.retain(|id, e| {
        let keep = seen.contains(&id.as_str());
        if !keep {
            commands.entity(*e).despawn();
        }
        keep
    });
}

/// Registers people drawing.
pub fn plugin(app: &mut App) {
    app.init_resource::<PersonIndex>()
        .add_systems(OnExit(InWorld), clear_index)
        .add_systems(Update, draw_people.run_if(in_state(InWorld)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(cues: Vec<Cue>) -> Drawable {
        Drawable {
            id: "s".into(),
            kind: PersonKind::Subject,
            visible: true,
            cues,
            ..Default::default()
        }
    }

    fn part(p: &[PartPose], part: Part) -> Option<PartPose> {
        p.iter().find(|x| x.part == part).copied()
    }

    #[test]
    fn hands_hidden_are_not_drawn_and_hands_up_are_raised() {
        let hidden = pose(&subject(vec![Cue::HandsHidden]), false, false);
        assert!(part(&hidden, Part::HandL).is_none());
        let up = pose(&subject(vec![Cue::HandsUp]), false, false);
        let normal = pose(&subject(vec![Cue::HandsVisible]), false, false);
        assert!(part(&up, Part::HandL).unwrap().at.y > part(&normal, Part::HandL).unwrap().at.y);
    }

    #[test]
    fn a_weapon_in_view_is_drawn_with_an_alert_ring() {
        let p = pose(&subject(vec![Cue::WeaponVisible]), false, false);
        assert!(part(&p, Part::Weapon).is_some());
        assert!(part(&p, Part::Alert).is_some());
        assert!(part(&pose(&subject(vec![]), false, false), Part::Weapon).is_none());
    }

    #[test]
    fn prone_people_lie_along_their_heading() {
        let p = pose(&subject(vec![Cue::Prone]), false, false);
        let body = part(&p, Part::Body).unwrap();
        assert!(body.size.x > body.size.y * 2.0);
        let r = pose(&subject(vec![Cue::Prone, Cue::Restrained]), false, false);
        assert!(part(&r, Part::Cuffs).is_some());
    }

    #[test]
    fn body_colour_tells_the_kind_not_the_mood() {
        // Cues that go with resistance (shouting, fists, pacing) never tint the body.
        let calm = pose(&subject(vec![Cue::HandsVisible]), false, false);
        let angry = pose(
            &subject(vec![Cue::Shouting, Cue::ClenchedFists, Cue::Pacing]),
            false,
            false,
        );
        let body = |p: &[PartPose]| part(p, Part::Body).unwrap().color;
        assert_eq!(body(&calm), body(&angry));
        assert_eq!(body(&calm), kind_color(PersonKind::Subject));
    }

    #[test]
    fn an_aimed_tool_points_forward() {
        let d = Drawable {
            kind: PersonKind::Trainee,
            tool: Some((Tool::Handgun, ToolState::Aimed)),
            ..Default::default()
        };
        let t = part(&pose(&d, false, false), Part::Tool).unwrap();
        assert!(t.at.x > 0.3 && t.at.y.abs() < 1e-6);
    }
}
