//! Text and lines over the map: labels pinned to map positions, a tag under
//! each person in sight (who they are and the cues they show, in words),
//! speech bubbles, aim lines and tracers.

use super::InWorld;
use super::camera::MainCamera;
use crate::domain::*;
use crate::events::TRAINEE;
use crate::game::i18n::I18n;
use crate::game::run::RunSetup;
use crate::game::theme::{color, size};
use crate::sim::{Drawable, PersonKind, SceneViewRes};
use bevy::platform::collections::HashMap;
use bevy::prelude::*;

/// A UI node pinned to a map position.
#[derive(Component, Debug, Clone, Copy)]
pub struct WorldLabel {
    /// Map position, meters.
    pub at: Vec2,
    /// Centre the node on the point (else its top-left corner is there).
    pub centered: bool,
}

/// How a pinned node sits relative to its point.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
enum Pin {
    /// Top edge centred on the point (tags under people).
    Below,
    /// Bottom edge centred on the point (speech bubbles).
    Above,
}

#[derive(Component, Debug, Clone, Copy)]
struct Pinned {
    at: Vec2,
    pin: Pin,
}

#[derive(Component)]
struct TagText;

#[derive(Default)]
struct PersonUi {
    tag: Option<Entity>,
    tag_text: String,
    bubble: Option<Entity>,
    bubble_text: String,
}

#[derive(Resource, Default)]
struct PeopleUi(HashMap<String, PersonUi>);

/// Display names of people by id, in the UI language.
#[derive(Resource, Debug, Clone, Default)]
pub struct Names(pub HashMap<String, String>);

fn build_names(
    mut commands: Commands,
    setup: Option<Res<RunSetup>>,
    i18n: Res<I18n>,
    mut ui: ResMut<PeopleUi>,
) {
    ui.0.clear();
    let mut names = HashMap::default();
    if let Some(setup) = setup {
        let s = &setup.scenario.scenario;
        for p in &s.subjects {
            if let Some(n) = &p.name {
                names.insert(p.id.clone(), i18n.text(n).to_string());
            }
        }
        for b in &s.bystanders {
            let n = b
                .name
                .as_ref()
                .map(|n| i18n.text(n).to_string())
                .unwrap_or_else(|| i18n.t("people-bystander").to_string());
            names.insert(b.id.clone(), n);
        }
        for p in &s.officers.partners {
            let role = match p.role {
                crate::scenario::schema::PartnerRole::Contact => "people-contact",
                crate::scenario::schema::PartnerRole::Cover => "people-cover",
            };
            names.insert(p.id.clone(), i18n.t(role).to_string());
        }
    }
    names.insert(TRAINEE.to_string(), i18n.t("people-you").to_string());
    names.insert(
        "dispatch".to_string(),
        i18n.t("people-dispatch").to_string(),
    );
    commands.insert_resource(Names(names));
}

/// The display name of a person.
pub fn display_name(names: &Names, i18n: &I18n, d: &Drawable) -> String {
    if let Some(n) = names.0.get(&d.id) {
        return n.clone();
    }
    match d.kind {
        PersonKind::Officer => i18n.t("people-backup").to_string(),
        PersonKind::Bystander => i18n.t("people-bystander").to_string(),
        _ => d.id.replace('_', " "),
    }
}

/// The cues worth a word under a person (plain hands in view are the default look).
pub fn cue_words(i18n: &I18n, d: &Drawable) -> Vec<String> {
    let mut v: Vec<String> = d
        .cues
        .iter()
        .filter(|c| **c != Cue::HandsVisible)
        .map(|c| i18n.t(&format!("cue-{}", cue_key(*c))).to_string())
        .collect();
    if d.kind == PersonKind::Subject || d.kind == PersonKind::Bystander {
        if d.age.is_minor() {
            v.push(
                i18n.t(if d.age == AgeGroup::Child {
                    "trait-child"
                } else {
                    "trait-teen"
                })
                .to_string(),
            );
        } else if d.sex == Sex::Female {
            v.push(i18n.t("trait-woman").to_string());
        }
    }
    match d.health {
        Health::Serious => v.push(i18n.t("health-serious").to_string()),
        Health::Dead => v.push(i18n.t("health-dead").to_string()),
        _ => {}
    }
    v
}

/// The key of a cue in the strings files.
pub fn cue_key(c: Cue) -> &'static str {
    match c {
        Cue::HandsVisible => "hands_visible",
        Cue::HandsHidden => "hands_hidden",
        Cue::HandsUp => "hands_up",
        Cue::Reaching => "reaching",
        Cue::WeaponVisible => "weapon_visible",
        Cue::BladedStance => "bladed_stance",
        Cue::ClenchedFists => "clenched_fists",
        Cue::Shouting => "shouting",
        Cue::LookingForExit => "looking_for_exit",
        Cue::Pacing => "pacing",
        Cue::Kneeling => "kneeling",
        Cue::Prone => "prone",
        Cue::Restrained => "restrained",
        Cue::Injured => "injured",
        Cue::Incapacitated => "incapacitated",
        Cue::Intoxicated => "intoxicated",
        Cue::Distressed => "distressed",
        Cue::Running => "running",
        Cue::Ignoring => "ignoring",
    }
}

/// What the trainee said last (commands, warnings, "Police!"), shown in a
/// bubble over them until `until` (simulation seconds).
#[derive(Resource, Debug, Clone, Default)]
pub struct OwnWords {
    /// The words.
    pub text: String,
    /// Shown until this simulation time.
    pub until: f32,
}

/// Seconds the trainee's own words stay over their head.
pub const OWN_WORDS_SECONDS: f32 = 2.5;

fn people_ui(
    mut commands: Commands,
    scene: Res<SceneViewRes>,
    view: Res<crate::sim::TraineeViewRes>,
    own: Res<OwnWords>,
    names: Res<Names>,
    i18n: Res<I18n>,
    mut ui: ResMut<PeopleUi>,
    mut texts: Query<&mut Text>,
    mut pinned: Query<(&mut Pinned, &mut Visibility)>,
    children: Query<&Children>,
) {
    let me = trainee_pos(&scene.0);
    for d in &scene.0.people {
        let entry = ui.0.entry(d.id.clone()).or_default();
        let shown = d.visible && d.kind != PersonKind::Trainee;
        // Heard, not seen: the word goes where the sound comes from, a few
        // meters off the trainee, so it gives the direction and not the place.
        let heard_at = (!shown && d.heard).then(|| heard_mark(me, d, HEARD_TAG_M));
        let feet = heard_at.unwrap_or(Vec2::new(d.pos.0, d.pos.1 - 0.45));
        let head = Vec2::new(d.pos.0, d.pos.1 + 0.5);
        // Tag: name and cues (crowd members only when a cue stands out).
        let words = cue_words(&i18n, d);
        let tag = if heard_at.is_some() {
            i18n.t("hud-heard")
        } else if !shown || (d.kind == PersonKind::CrowdMember && words.is_empty()) {
            String::new()
        } else if d.kind == PersonKind::CrowdMember {
            words.join(" · ")
        } else if words.is_empty() {
            display_name(&names, &i18n, d)
        } else {
            format!("{}\n{}", display_name(&names, &i18n, d), words.join(" · "))
        };
        update_pinned(
            &mut commands,
            &mut entry.tag,
            &mut entry.tag_text,
            tag,
            Pinned {
                at: feet,
                pin: Pin::Below,
            },
            &mut texts,
            &mut pinned,
            &children,
        );
        let said = match (&d.speech, d.visible || d.kind == PersonKind::Trainee) {
            (Some(t), true) => i18n.text(t).to_string(),
            _ if d.kind == PersonKind::Trainee && view.0.t < own.until => own.text.clone(),
            _ => String::new(),
        };
        update_pinned(
            &mut commands,
            &mut entry.bubble,
            &mut entry.bubble_text,
            said,
            Pinned {
                at: head,
                pin: Pin::Above,
            },
            &mut texts,
            &mut pinned,
            &children,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn update_pinned(
    commands: &mut Commands,
    slot: &mut Option<Entity>,
    current: &mut String,
    text: String,
    pin: Pinned,
    texts: &mut Query<&mut Text>,
    pinned: &mut Query<(&mut Pinned, &mut Visibility)>,
    children: &Query<&Children>,
) {
    let e = match *slot {
        Some(e) => e,
        None if text.is_empty() => return,
        None => {
            let e = spawn_pinned(commands, pin);
            *slot = Some(e);
            *current = String::new();
            e
        }
    };
    if let Ok((mut p, mut vis)) = pinned.get_mut(e) {
        *p = pin;
        *vis = if text.is_empty() {
            Visibility::Hidden
        } else {
            Visibility::Inherited
        };
    }
    if *current != text
        && let Ok(kids) = children.get(e)
        && let Some(&child) = kids.first()
        && let Ok(mut t) = texts.get_mut(child)
    {
        t.0.clone_from(&text);
        *current = text;
    }
}

fn spawn_pinned(commands: &mut Commands, pin: Pinned) -> Entity {
    let bubble = pin.pin == Pin::Above;
    let (bg, fg, font) = if bubble {
        (
            Color::srgba(0.98, 0.98, 0.95, 0.95),
            Color::srgb(0.05, 0.05, 0.08),
            size::BODY - 1.0,
        )
    } else {
        (
            Color::srgba(0.0, 0.0, 0.0, 0.55),
            color::TEXT,
            size::SMALL - 1.0,
        )
    };
    commands
        .spawn((
            DespawnOnExit(InWorld),
            pin,
            Node {
                position_type: PositionType::Absolute,
                max_width: px(if bubble { 300 } else { 220 }),
                padding: UiRect::axes(px(6), px(if bubble { 4 } else { 1 })),
                border_radius: BorderRadius::all(px(if bubble { 8 } else { 3 })),
                ..default()
            },
            BackgroundColor(bg),
            ZIndex(if bubble { -1 } else { -2 }),
            Visibility::Hidden,
        ))
        .with_child((
            Text::new(""),
            crate::game::theme::font(font),
            TextColor(fg),
            TextLayout::justify(Justify::Center),
            TagText,
        ))
        .id()
}

/// Map meters to window pixels from the camera's own transform and zoom (so
/// pinned text moves in the same frame as the sprites).
fn place(at: Vec2, cam: Vec2, zoom: f32, window: Vec2) -> Vec2 {
    Vec2::new(
        (at.x - cam.x) * zoom + window.x / 2.0,
        window.y / 2.0 - (at.y - cam.y) * zoom,
    )
}

fn position_nodes(
    cam: Query<(&Transform, &Projection), With<MainCamera>>,
    windows: Query<&Window>,
    mut labels: Query<(&WorldLabel, &mut Node, &ComputedNode), Without<Pinned>>,
    mut pins: Query<(&Pinned, &mut Node, &ComputedNode, &Visibility), Without<WorldLabel>>,
    scene: Res<SceneViewRes>,
) {
    let (Ok((tf, proj)), Ok(window)) = (cam.single(), windows.single()) else {
        return;
    };
    // The projection's own scale: the camera may zoom out past the player's
    // zoom to frame the trainee with the person they deal with.
    let z = match proj {
        Projection::Orthographic(o) => 1.0 / o.scale,
        _ => return,
    };
    let (c, w) = (tf.translation.truncate(), window.size());
    for (l, mut node, computed) in &mut labels {
        let p = place(l.at, c, z, w);
        let s = computed.size() * computed.inverse_scale_factor();
        let off = if l.centered { s / 2.0 } else { Vec2::ZERO };
        node.left = px(p.x - off.x);
        node.top = px(p.y - off.y);
    }
    let mut rects: Vec<(Pin, Rect)> = pins
        .iter()
        .map(|(pin, _, computed, vis)| {
            let p = place(pin.at, c, z, w);
            let mut s = computed.size() * computed.inverse_scale_factor();
            if vis == Visibility::Hidden {
                s.x = 0.0; // takes no room from the others
            }
            let top = match pin.pin {
                Pin::Below => p.y,
                Pin::Above => p.y - s.y,
            };
            (
                pin.pin,
                Rect::from_corners(
                    Vec2::new(p.x - s.x / 2.0, top),
                    Vec2::new(p.x + s.x / 2.0, top + s.y),
                ),
            )
        })
        .collect();
    // The trainee's own figure, which has no tag: the player watches it.
    let me = place(trainee_pos(&scene.0), c, z, w);
    let body = Rect::from_center_half_size(me, Vec2::splat(TRAINEE_BODY_M * z));
    clear_of(&mut rects, body);
    separate(&mut rects);
    for ((_, mut node, _, _), (_, r)) in pins.iter_mut().zip(&rects) {
        node.left = px(r.min.x);
        node.top = px(r.min.y);
    }
}

/// Half the size of the trainee's figure on screen, m (body and hands).
const TRAINEE_BODY_M: f32 = 0.4;

/// Moves each tag that covers `body` (the trainee's figure) off it: standing
/// beside the person they talk to, the trainee would otherwise disappear
/// under that person's name. The tag slides sideways, away from the trainee,
/// as long as it stays under its own person (its centre is their x); with the
/// trainee right under the person it drops below the trainee instead.
fn clear_of(rects: &mut [(Pin, Rect)], body: Rect) {
    for (pin, r) in rects.iter_mut() {
        if *pin != Pin::Below || r.width() <= 0.0 || r.intersect(body).is_empty() {
            continue;
        }
        let anchor = r.center().x;
        let dx = if anchor <= body.center().x {
            body.min.x - r.max.x
        } else {
            body.max.x - r.min.x
        };
        if (r.min.x + dx..=r.max.x + dx).contains(&anchor) {
            r.min.x += dx;
            r.max.x += dx;
        } else {
            let dy = body.max.y + 2.0 - r.min.y;
            r.min.y += dy;
            r.max.y += dy;
        }
    }
}

/// Moves pinned nodes apart so that none hides another: people standing
/// together would otherwise have their tags (name and cues) printed over each
/// other. Tags move down, bubbles up, in screen order, so the result does not
/// depend on the order of the query.
fn separate(rects: &mut [(Pin, Rect)]) {
    const GAP: f32 = 2.0;
    for pin in [Pin::Below, Pin::Above] {
        let mut order: Vec<usize> = (0..rects.len())
            .filter(|&i| rects[i].0 == pin && rects[i].1.width() > 0.0)
            .collect();
        let key = |r: &Rect| match pin {
            Pin::Below => (r.min.y, r.min.x),
            Pin::Above => (-r.max.y, r.min.x),
        };
        order.sort_by(|&a, &b| {
            key(&rects[a].1)
                .partial_cmp(&key(&rects[b].1))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut placed: Vec<Rect> = Vec::new();
        for i in order {
            let mut r = rects[i].1;
            // Each move clears one placed node; a few passes settle any pile.
            for _ in 0..placed.len() + 1 {
                let Some(hit) = placed.iter().find(|p| !p.intersect(r).is_empty()) else {
                    break;
                };
                let dy = match pin {
                    Pin::Below => hit.max.y + GAP - r.min.y,
                    Pin::Above => hit.min.y - GAP - r.max.y,
                };
                r.min.y += dy;
                r.max.y += dy;
            }
            rects[i].1 = r;
            placed.push(r);
        }
    }
}

/// How far from the trainee a 'heard' tag and its arrow sit, m.
const HEARD_TAG_M: f32 = 3.2;

/// The trainee's position in the drawable scene.
fn trainee_pos(scene: &crate::sim::SceneView) -> Vec2 {
    scene
        .people
        .iter()
        .find(|d| d.kind == PersonKind::Trainee)
        .map_or(Vec2::ZERO, |d| Vec2::new(d.pos.0, d.pos.1))
}

/// A point `k` meters from the trainee toward someone heard.
fn heard_mark(me: Vec2, d: &Drawable, k: f32) -> Vec2 {
    me + (Vec2::new(d.pos.0, d.pos.1) - me).normalize_or_zero() * k
}

fn lines(scene: Res<SceneViewRes>, mut gizmos: Gizmos) {
    let me = trainee_pos(&scene.0);
    for d in scene.0.people.iter().filter(|d| d.heard && !d.visible) {
        let c = Color::srgba(1.0, 0.7, 0.2, 0.9);
        let (a, b) = (heard_mark(me, d, 0.8), heard_mark(me, d, HEARD_TAG_M - 0.4));
        gizmos.line_2d(a, b, c);
        let back = (a - b).normalize_or_zero() * 0.35;
        gizmos.line_2d(b, b + back.rotate(Vec2::from_angle(0.5)), c);
        gizmos.line_2d(b, b + back.rotate(Vec2::from_angle(-0.5)), c);
    }
    for d in &scene.0.people {
        if !(d.visible || d.kind == PersonKind::Trainee) {
            continue;
        }
        if let Some((tool, ToolState::Aimed)) = d.tool
            && tool != Tool::EmptyHands
        {
            let from = Vec2::new(d.pos.0, d.pos.1);
            let dir = Vec2::from_angle(d.heading.to_radians());
            let c = if tool == Tool::Handgun {
                Color::srgba(1.0, 0.2, 0.2, 0.8)
            } else {
                super::people::tool_color(tool).with_alpha(0.8)
            };
            gizmos.line_2d(from + dir * 0.55, from + dir * 9.0, c);
        }
    }
    for (a, b) in &scene.0.tracers {
        gizmos.line_2d(
            Vec2::new(a.0, a.1),
            Vec2::new(b.0, b.1),
            Color::srgb(1.0, 0.95, 0.4),
        );
    }
}

fn clear(mut ui: ResMut<PeopleUi>, mut own: ResMut<OwnWords>) {
    ui.0.clear();
    *own = OwnWords::default();
}

/// Registers labels, tags, bubbles and lines.
pub fn plugin(app: &mut App) {
    app.init_resource::<PeopleUi>()
        .init_resource::<Names>()
        .init_resource::<OwnWords>()
        .add_systems(OnEnter(InWorld), build_names)
        .add_systems(OnExit(InWorld), clear)
        .add_systems(
            Update,
            (
                people_ui,
                position_nodes,
                lines.run_if(resource_exists::<bevy::gizmos::config::GizmoConfigStore>),
            )
                .chain()
                .after(super::camera::follow)
                .run_if(in_state(InWorld)),
        );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect::from_corners(Vec2::new(x, y), Vec2::new(x + w, y + h))
    }

    #[test]
    fn tags_of_people_standing_together_do_not_overlap() {
        let mut r = vec![
            (Pin::Below, rect(100.0, 200.0, 120.0, 30.0)),
            (Pin::Below, rect(130.0, 210.0, 80.0, 15.0)),
            (Pin::Below, rect(400.0, 205.0, 80.0, 15.0)),
            (Pin::Above, rect(100.0, 150.0, 100.0, 20.0)),
            (Pin::Above, rect(120.0, 160.0, 100.0, 20.0)),
        ];
        separate(&mut r);
        for i in 0..r.len() {
            for j in 0..i {
                assert!(r[i].1.intersect(r[j].1).is_empty(), "{i} and {j}: {r:?}");
            }
        }
        // The first tag stays; the one under it moves down; the far one stays.
        assert_eq!(r[0].1.min.y, 200.0);
        assert!(r[1].1.min.y >= 230.0);
        assert_eq!(r[2].1.min.y, 205.0);
        // Bubbles move up, never down.
        assert!(r[3].1.max.y <= 170.0 && r[4].1.max.y <= 180.0);
    }

    #[test]
    fn a_tag_slides_off_the_trainee_standing_beside_its_person() {
        let body = Rect::from_center_half_size(Vec2::new(200.0, 210.0), Vec2::splat(15.0));
        let mut r = vec![
            // Under a person just left of the trainee: it slides left.
            (Pin::Below, rect(100.0, 200.0, 140.0, 30.0)),
            // Clear of the trainee: it stays.
            (Pin::Below, rect(300.0, 200.0, 80.0, 15.0)),
            // Bubbles are not moved.
            (Pin::Above, rect(150.0, 190.0, 100.0, 25.0)),
            // Right above the trainee: sliding would leave its person, so it drops.
            (Pin::Below, rect(150.0, 195.0, 100.0, 20.0)),
        ];
        clear_of(&mut r, body);
        assert!(r[0].1.intersect(body).is_empty(), "{r:?}");
        assert_eq!((r[0].1.max.x, r[0].1.width()), (185.0, 140.0));
        assert_eq!(r[1].1.min.x, 300.0);
        assert_eq!(r[2].1.min.x, 150.0);
        assert_eq!((r[3].1.min.x, r[3].1.min.y), (150.0, 227.0));
    }
}
