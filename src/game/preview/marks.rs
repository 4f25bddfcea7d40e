//! What the preview draws over the game's map: a mark at every spawn (the
//! trainee, partners, backup, subjects, bystanders) and crowd, every id's
//! label placed where it covers no other, and the panel naming the file.

use super::PreviewFile;
use super::labels::{LabelKind, MapLabel, labels};
use super::layout::{Want, place};
use super::view::{Panel, PreviewView, window_size};
use crate::game::gameplay::map::{MapPart, MapStyle, draw_map};
use crate::game::i18n::I18n;
use crate::game::theme::{color, size};
use bevy::prelude::*;

/// A label's node: its rank (the most important first) and the label.
#[derive(Component, Debug, Clone)]
struct LabelNode(usize, MapLabel);

/// The panel naming the scenario and its file.
#[derive(Component)]
struct InfoPanel;

/// Labels shown and in all, for the status line.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LabelCount {
    /// Placed on screen now.
    pub shown: usize,
    /// Every label of the map.
    pub total: usize,
}

/// Each kind's colour: people as the game draws them (officers blue,
/// subjects red, bystanders yellow), the map's objects in muted tones.
fn kind_color(k: LabelKind) -> Color {
    match k {
        LabelKind::Trainee => Color::srgb(0.35, 0.65, 1.0),
        LabelKind::Partner | LabelKind::Backup => Color::srgb(0.55, 0.80, 1.0),
        LabelKind::Subject => Color::srgb(1.0, 0.45, 0.40),
        LabelKind::Bystander => Color::srgb(0.98, 0.85, 0.35),
        LabelKind::Crowd => Color::srgb(1.0, 0.62, 0.25),
        LabelKind::Door => Color::srgb(0.95, 0.75, 0.55),
        LabelKind::Vehicle => Color::srgb(0.90, 0.92, 0.95),
        LabelKind::Engine | LabelKind::Cabin => Color::srgb(0.72, 0.76, 0.82),
        LabelKind::Cover => Color::srgb(0.70, 0.90, 0.70),
        LabelKind::Zone => Color::srgb(0.85, 0.85, 0.80),
        LabelKind::Wall => Color::srgb(0.66, 0.68, 0.70),
    }
}

fn redraw(
    mut commands: Commands,
    file: Res<PreviewFile>,
    i18n: Res<I18n>,
    old: Query<Entity, Or<(With<MapPart>, With<LabelNode>, With<InfoPanel>)>>,
    mut drawn: Local<Option<(u32, crate::domain::Lang)>>,
    mut count: ResMut<LabelCount>,
) {
    let Some(s) = &file.scenario else { return };
    // Drawn again after a good reload or a change of language, never for a bad edit.
    let now = (file.loads, i18n.lang());
    if *drawn == Some(now) {
        return;
    }
    *drawn = Some(now);
    for e in &old {
        commands.entity(e).despawn();
    }
    draw_map(
        &mut commands,
        &s.map,
        &i18n,
        MapStyle {
            labels: false,
            hiding_places: true,
        },
    );
    let all = labels(s, i18n.lang());
    count.total = all.len();
    for (rank, l) in all.into_iter().enumerate() {
        let small = matches!(
            l.kind,
            LabelKind::Wall | LabelKind::Engine | LabelKind::Cabin
        );
        commands.spawn((
            Node {
                position_type: PositionType::Absolute,
                padding: UiRect::axes(px(3), px(0)),
                ..default()
            },
            BackgroundColor(Color::srgba(0.03, 0.04, 0.05, 0.72)),
            Text::new(l.text.clone()),
            crate::game::theme::font(if small {
                size::SMALL - 3.0
            } else {
                size::SMALL - 1.0
            }),
            TextColor(kind_color(l.kind)),
            // Hidden until placed: its size is known only after layout.
            Visibility::Hidden,
            LabelNode(rank, l),
        ));
    }
    let title = i18n.text(&s.title).to_string();
    let facts = i18n.f(
        "preview-facts",
        &[
            ("id", &s.id),
            ("file", &file.path.display().to_string()),
            ("w", &format!("{}", s.map.size.0)),
            ("h", &format!("{}", s.map.size.1)),
        ],
    );
    commands
        .spawn((
            InfoPanel,
            Panel,
            GlobalZIndex(50),
            Node {
                position_type: PositionType::Absolute,
                top: px(8),
                left: px(8),
                max_width: percent(70),
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(8)),
                row_gap: px(2),
                border_radius: BorderRadius::all(px(5)),
                ..default()
            },
            BackgroundColor(color::PANEL_OVER_MAP),
        ))
        .with_children(|p| {
            p.spawn(crate::game::widgets::label(title, size::BODY, color::TEXT));
            p.spawn(crate::game::widgets::label(
                facts,
                size::SMALL - 1.0,
                color::TEXT_DIM,
            ));
        });
}

fn place_labels(
    view: Res<PreviewView>,
    windows: Query<&Window>,
    panels: Query<(&ComputedNode, &UiGlobalTransform, &Visibility), With<Panel>>,
    mut nodes: Query<(&LabelNode, &mut Node, &ComputedNode, &mut Visibility), Without<Panel>>,
    mut count: ResMut<LabelCount>,
) {
    let win = window_size(&windows);
    // Where the layout put each panel (its centre and size, logical pixels).
    let blocked: Vec<Rect> = panels
        .iter()
        .filter(|(_, _, v)| **v != Visibility::Hidden)
        .map(|(c, t, _)| {
            let k = c.inverse_scale_factor();
            Rect::from_center_size(t.translation * k, c.size() * k)
        })
        .collect();
    // The labels' own order is their importance (people first, walls last).
    let mut all: Vec<_> = nodes.iter_mut().collect();
    all.sort_by_key(|(l, ..)| l.0);
    let wants: Vec<Want> = all
        .iter()
        .map(|(l, _, c, _)| Want {
            anchor: view.to_screen(Vec2::new(l.1.at.0, l.1.at.1), win),
            size: c.size() * c.inverse_scale_factor(),
            corner: l.1.kind.at_corner(),
        })
        .collect();
    let spots = place(&wants, win, &blocked);
    let mut shown = 0;
    for ((_, node, _, vis), spot) in all.iter_mut().zip(spots) {
        match spot {
            Some(p) => {
                // Written only when moved: a write lays the UI out again.
                if node.left != px(p.x) || node.top != px(p.y) {
                    node.left = px(p.x);
                    node.top = px(p.y);
                }
                vis.set_if_neq(Visibility::Inherited);
                shown += 1;
            }
            None => {
                vis.set_if_neq(Visibility::Hidden);
            }
        }
    }
    count.shown = shown;
}

/// A mark at every spawn and around every crowd, over the map.
fn spawn_marks(file: Res<PreviewFile>, view: Res<PreviewView>, mut gizmos: Gizmos) {
    let Some(s) = &file.scenario else { return };
    // A mark of about 9 px whatever the zoom, never smaller than a person.
    let r = (9.0 / view.zoom).max(0.3);
    let v = |p: crate::domain::Pt| Vec2::new(p.0, p.1);
    let heading = |at: Vec2, deg: f32| at + Vec2::from_angle(deg.to_radians()) * r * 2.2;
    let o = &s.officers;
    let c = kind_color(LabelKind::Trainee);
    gizmos.circle_2d(v(o.trainee.spawn), r, c);
    gizmos.circle_2d(v(o.trainee.spawn), r * 0.5, c);
    gizmos.line_2d(
        v(o.trainee.spawn),
        heading(v(o.trainee.spawn), o.trainee.heading),
        c,
    );
    for p in &o.partners {
        gizmos.circle_2d(v(p.spawn), r, kind_color(LabelKind::Partner));
    }
    if let Some(b) = &o.backup {
        let (at, c) = (v(b.spawn), kind_color(LabelKind::Backup));
        gizmos.rect_2d(at, Vec2::splat(r * 2.0), c);
        gizmos.line_2d(at - Vec2::X * r, at + Vec2::X * r, c);
        gizmos.line_2d(at - Vec2::Y * r, at + Vec2::Y * r, c);
    }
    for p in &s.subjects {
        let mut c = kind_color(LabelKind::Subject);
        if p.hidden {
            c = c.with_alpha(0.5);
        }
        gizmos.circle_2d(v(p.spawn), r, c);
        gizmos.line_2d(v(p.spawn), heading(v(p.spawn), p.heading), c);
    }
    for b in &s.bystanders {
        gizmos.circle_2d(v(b.spawn), r, kind_color(LabelKind::Bystander));
    }
    for cr in &s.crowds {
        if let Some(z) = s.map.zones.iter().find(|z| z.id == cr.zone) {
            let (min, max) = (v(z.min), v(z.max));
            let c = kind_color(LabelKind::Crowd);
            gizmos.rect_2d((min + max) / 2.0, max - min - Vec2::splat(0.2), c);
        }
    }
}

/// Registers the marks and labels.
pub fn plugin(app: &mut App) {
    app.init_resource::<LabelCount>()
        .add_systems(
            Update,
            (redraw, place_labels).chain().after(super::view::ViewSet),
        )
        .add_systems(
            Update,
            spawn_marks
                .after(super::view::ViewSet)
                .run_if(resource_exists::<bevy::gizmos::config::GizmoConfigStore>),
        );
}
