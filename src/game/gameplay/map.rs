//! The map, drawn once from the scenario file: ground, zones, cover (hard and
//! soft drawn differently), vehicles (engine block dark), walls and doors
//! (their state follows the simulation). `forcesim preview` draws its map
//! with the same [`draw_map`].

use super::{InWorld, layer, overlay::WorldLabel};
use crate::game::i18n::I18n;
use crate::game::run::RunSetup;
use crate::game::theme::size;
use crate::scenario::schema::*;
use crate::sim::SceneViewRes;
use bevy::prelude::*;

/// Map colours.
pub mod palette {
    use bevy::prelude::Color;
    /// Walls.
    pub const WALL: Color = Color::srgb(0.80, 0.80, 0.78);
    /// Closed door.
    pub const DOOR_CLOSED: Color = Color::srgb(0.62, 0.40, 0.20);
    /// Locked door.
    pub const DOOR_LOCKED: Color = Color::srgb(0.50, 0.12, 0.10);
    /// Open door (the leaf, swung open).
    pub const DOOR_OPEN: Color = Color::srgba(0.62, 0.40, 0.20, 0.55);
    /// Hard cover (stops rounds).
    pub const HARD_COVER: Color = Color::srgb(0.60, 0.61, 0.64);
    /// Edge of hard cover.
    pub const HARD_EDGE: Color = Color::srgb(0.15, 0.15, 0.17);
    /// Soft cover (only hides).
    pub const SOFT_COVER: Color = Color::srgba(0.30, 0.62, 0.30, 0.55);
    /// Engine block (hard cover part of a vehicle).
    pub const ENGINE: Color = Color::srgb(0.13, 0.13, 0.14);
    /// Windscreen.
    pub const GLASS: Color = Color::srgba(0.62, 0.80, 0.95, 0.75);
}

/// A door's sprite, updated from the simulation's door states.
#[derive(Component, Debug, Clone)]
pub struct DoorSprite {
    /// Door id.
    pub id: String,
    /// Where the doorway is, its width and wall direction.
    pub door: Door,
}

fn ground_color(g: Ground) -> Color {
    match g {
        Ground::Road => Color::srgb(0.22, 0.23, 0.25),
        Ground::Floor => Color::srgb(0.36, 0.33, 0.29),
        Ground::Plaza => Color::srgb(0.34, 0.33, 0.32),
        Ground::Field => Color::srgb(0.20, 0.29, 0.17),
    }
}

/// Every entity the map drawing spawns (the preview despawns them to redraw).
#[derive(Component, Debug, Clone, Copy, Default)]
pub struct MapPart;

/// What [`draw_map`] draws besides the shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapStyle {
    /// Zone names and plates as pinned labels (the game); the preview labels
    /// everything itself.
    pub labels: bool,
    /// Hiding places drawn like other zones (the preview); in the game
    /// finding them is the cadet's job.
    pub hiding_places: bool,
}

impl MapStyle {
    /// The game's map.
    pub const GAME: MapStyle = MapStyle {
        labels: true,
        hiding_places: false,
    };
}

fn rect(
    color: Color,
    size: Vec2,
    at: Vec2,
    z: f32,
    rot_deg: f32,
) -> (Sprite, Transform, DespawnOnExit<InWorld>, MapPart) {
    (
        Sprite::from_color(color, size),
        Transform::from_translation(at.extend(z))
            .with_rotation(Quat::from_rotation_z(rot_deg.to_radians())),
        DespawnOnExit(InWorld),
        MapPart,
    )
}

/// A rectangle's outline as four thin sprites.
fn outline(commands: &mut Commands, min: Vec2, max: Vec2, w: f32, color: Color, z: f32) {
    let c = (min + max) / 2.0;
    let s = max - min;
    commands.spawn(rect(
        color,
        Vec2::new(s.x, w),
        Vec2::new(c.x, min.y + w / 2.0),
        z,
        0.0,
    ));
    commands.spawn(rect(
        color,
        Vec2::new(s.x, w),
        Vec2::new(c.x, max.y - w / 2.0),
        z,
        0.0,
    ));
    commands.spawn(rect(
        color,
        Vec2::new(w, s.y),
        Vec2::new(min.x + w / 2.0, c.y),
        z,
        0.0,
    ));
    commands.spawn(rect(
        color,
        Vec2::new(w, s.y),
        Vec2::new(max.x - w / 2.0, c.y),
        z,
        0.0,
    ));
}

fn v(p: (f32, f32)) -> Vec2 {
    Vec2::new(p.0, p.1)
}

fn spawn_map(mut commands: Commands, setup: Option<Res<RunSetup>>, i18n: Res<I18n>) {
    if let Some(setup) = setup {
        draw_map(
            &mut commands,
            &setup.scenario.scenario.map,
            &i18n,
            MapStyle::GAME,
        );
    }
}

/// Spawns the map's sprites (every one tagged [`MapPart`]); doors start in
/// the file's state.
pub fn draw_map(commands: &mut Commands, map: &Map, i18n: &I18n, style: MapStyle) {
    let size = v(map.size);
    commands.spawn(rect(
        ground_color(map.ground),
        size,
        size / 2.0,
        layer::GROUND,
        0.0,
    ));
    // Faint 5 m grid: helps judge distance.
    let grid = Color::srgba(1.0, 1.0, 1.0, 0.012);
    let mut x = 5.0;
    while x < size.x {
        commands.spawn(rect(
            grid,
            Vec2::new(0.05, size.y),
            Vec2::new(x, size.y / 2.0),
            layer::GROUND + 0.1,
            0.0,
        ));
        x += 5.0;
    }
    let mut y = 5.0;
    while y < size.y {
        commands.spawn(rect(
            grid,
            Vec2::new(size.x, 0.05),
            Vec2::new(size.x / 2.0, y),
            layer::GROUND + 0.1,
            0.0,
        ));
        y += 5.0;
    }
    outline(
        commands,
        Vec2::ZERO,
        size,
        0.1,
        Color::srgba(1.0, 1.0, 1.0, 0.25),
        layer::GROUND + 0.2,
    );

    for z in &map.zones {
        let (min, max) = (v(z.min), v(z.max));
        // Hiding places are not marked: finding them is the cadet's job.
        if z.role == ZoneRole::Hiding && !style.hiding_places {
            continue;
        }
        let (fill, edge) = match z.role {
            ZoneRole::Exit => (
                Color::srgba(0.4, 0.9, 0.5, 0.05),
                Color::srgba(0.4, 0.9, 0.5, 0.25),
            ),
            ZoneRole::Assembly => (
                Color::srgba(0.9, 0.8, 0.3, 0.05),
                Color::srgba(0.9, 0.8, 0.3, 0.25),
            ),
            _ => (
                Color::srgba(1.0, 1.0, 1.0, 0.03),
                Color::srgba(1.0, 1.0, 1.0, 0.12),
            ),
        };
        commands.spawn(rect(fill, max - min, (min + max) / 2.0, layer::ZONE, 0.0));
        outline(commands, min, max, 0.06, edge, layer::ZONE + 0.1);
        if !style.labels {
            continue;
        }
        let text = match (&z.label, z.role) {
            (Some(l), _) => Some(i18n.text(l).to_string()),
            (None, ZoneRole::Area) => None,
            (None, role) => Some(i18n.t(&format!("zone-{}", zone_role_key(role))).to_string()),
        };
        if let Some(text) = text {
            commands.spawn((
                DespawnOnExit(InWorld),
                MapPart,
                WorldLabel {
                    at: Vec2::new(min.x + 0.3, max.y - 0.3),
                    centered: false,
                },
                Node {
                    position_type: PositionType::Absolute,
                    ..default()
                },
                Text::new(text),
                crate::game::theme::font(size::SMALL - 1.0),
                TextColor(Color::srgba(1.0, 1.0, 1.0, 0.45)),
                ZIndex(-5),
            ));
        }
    }

    for c in &map.cover {
        let at = v(c.position);
        let s = v(c.size);
        match c.kind {
            CoverKind::Hard => {
                commands.spawn(rect(
                    palette::HARD_EDGE,
                    s + Vec2::splat(0.16),
                    at,
                    layer::COVER,
                    c.rotation,
                ));
                commands.spawn(rect(
                    palette::HARD_COVER,
                    s,
                    at,
                    layer::COVER + 0.1,
                    c.rotation,
                ));
            }
            CoverKind::Soft => {
                commands.spawn(rect(palette::SOFT_COVER, s, at, layer::COVER, c.rotation));
                // Dotted edge: concealment, not cover.
                let dots = ((s.x + s.y) * 2.0 / 0.5) as usize;
                let rot = Quat::from_rotation_z(c.rotation.to_radians());
                for i in 0..dots {
                    let u = i as f32 * 0.5;
                    let local = perimeter_point(s, u);
                    commands.spawn(rect(
                        Color::srgba(0.6, 0.9, 0.6, 0.8),
                        Vec2::splat(0.12),
                        at + (rot * local.extend(0.0)).truncate(),
                        layer::COVER + 0.1,
                        0.0,
                    ));
                }
            }
        }
    }

    for veh in &map.vehicles {
        spawn_vehicle(commands, veh, style.labels);
    }

    for w in &map.walls {
        let (a, b) = (v(w.from), v(w.to));
        let d = b - a;
        let len = d.length();
        if len < 1e-3 {
            continue;
        }
        commands.spawn(rect(
            palette::WALL,
            Vec2::new(len + w.thickness, w.thickness),
            (a + b) / 2.0,
            layer::WALL,
            d.y.atan2(d.x).to_degrees(),
        ));
    }
    for d in &map.doors {
        // A dark gap under every door shows where the doorway is.
        let (w, h) = door_size(d);
        commands.spawn(rect(
            ground_color(map.ground),
            Vec2::new(w, h),
            v(d.at),
            layer::WALL + 0.05,
            0.0,
        ));
        let mut leaf = rect(
            palette::DOOR_CLOSED,
            Vec2::new(w, h),
            v(d.at),
            layer::WALL + 0.1,
            0.0,
        );
        pose_door(d, d.state, &mut leaf.0, &mut leaf.1);
        commands.spawn((
            leaf,
            DoorSprite {
                id: d.id.clone(),
                door: d.clone(),
            },
        ));
    }
}

fn door_size(d: &Door) -> (f32, f32) {
    match d.orientation {
        Orientation::Horizontal => (d.width, 0.22),
        Orientation::Vertical => (0.22, d.width),
    }
}

/// A point `u` meters along the perimeter of a `size` box centred on 0.
fn perimeter_point(size: Vec2, u: f32) -> Vec2 {
    let (w, h) = (size.x, size.y);
    let u = u % (2.0 * (w + h));
    let half = size / 2.0;
    if u < w {
        Vec2::new(-half.x + u, -half.y)
    } else if u < w + h {
        Vec2::new(half.x, -half.y + (u - w))
    } else if u < 2.0 * w + h {
        Vec2::new(half.x - (u - w - h), half.y)
    } else {
        Vec2::new(-half.x, half.y - (u - 2.0 * w - h))
    }
}

fn spawn_vehicle(commands: &mut Commands, veh: &Vehicle, plate: bool) {
    let at = v(veh.position);
    let (len, wid) = veh.size;
    let rot = Quat::from_rotation_z(veh.heading.to_radians());
    let local = |x: f32, y: f32| at + (rot * Vec3::new(x, y, 0.0)).truncate();
    let body = match veh.kind {
        VehicleKind::Car => Color::srgb(0.47, 0.52, 0.60),
        VehicleKind::Patrol => Color::srgb(0.93, 0.94, 0.96),
        VehicleKind::Van => Color::srgb(0.76, 0.73, 0.62),
    };
    let z = layer::VEHICLE;
    commands.spawn(rect(
        Color::srgb(0.05, 0.05, 0.06),
        Vec2::new(len + 0.12, wid + 0.12),
        at,
        z,
        veh.heading,
    ));
    commands.spawn(rect(body, Vec2::new(len, wid), at, z + 0.1, veh.heading));
    // Engine block: the front third stops rounds; the cabin does not.
    let engine_len = len / 3.0;
    commands.spawn(rect(
        palette::ENGINE,
        Vec2::new(engine_len, wid - 0.2),
        local(len / 2.0 - engine_len / 2.0 - 0.05, 0.0),
        z + 0.2,
        veh.heading,
    ));
    // Grille bars on the engine block.
    for k in 0..3 {
        commands.spawn(rect(
            Color::srgb(0.35, 0.35, 0.37),
            Vec2::new(0.06, wid - 0.5),
            local(len / 2.0 - 0.2 - k as f32 * 0.35, 0.0),
            z + 0.25,
            veh.heading,
        ));
    }
    commands.spawn(rect(
        palette::GLASS,
        Vec2::new(0.45, wid - 0.3),
        local(len / 2.0 - engine_len - 0.3, 0.0),
        z + 0.2,
        veh.heading,
    ));
    if veh.kind == VehicleKind::Patrol {
        commands.spawn(rect(
            Color::srgb(0.15, 0.30, 0.75),
            Vec2::new(len - engine_len - 0.4, 0.18),
            local(-engine_len / 2.0, wid / 2.0 - 0.2),
            z + 0.2,
            veh.heading,
        ));
        commands.spawn(rect(
            Color::srgb(0.15, 0.30, 0.75),
            Vec2::new(len - engine_len - 0.4, 0.18),
            local(-engine_len / 2.0, -wid / 2.0 + 0.2),
            z + 0.2,
            veh.heading,
        ));
        commands.spawn(rect(
            Color::srgb(0.9, 0.1, 0.1),
            Vec2::new(0.3, wid / 2.0 - 0.1),
            local(-0.2, wid / 4.0),
            z + 0.3,
            veh.heading,
        ));
        commands.spawn(rect(
            Color::srgb(0.1, 0.3, 1.0),
            Vec2::new(0.3, wid / 2.0 - 0.1),
            local(-0.2, -wid / 4.0),
            z + 0.3,
            veh.heading,
        ));
    }
    if plate && !veh.plate.is_empty() {
        commands.spawn((
            DespawnOnExit(InWorld),
            MapPart,
            WorldLabel {
                at: local(-len / 2.0 - 0.5, 0.0),
                centered: true,
            },
            Node {
                position_type: PositionType::Absolute,
                padding: UiRect::axes(px(3), px(0)),
                ..default()
            },
            BackgroundColor(Color::srgba(0.95, 0.95, 0.90, 0.85)),
            Text::new(veh.plate.clone()),
            crate::game::theme::font(size::SMALL - 3.0),
            TextColor(Color::srgb(0.05, 0.05, 0.05)),
            ZIndex(-5),
        ));
    }
}

fn zone_role_key(r: ZoneRole) -> &'static str {
    match r {
        ZoneRole::Area => "area",
        ZoneRole::Room => "room",
        ZoneRole::Exit => "exit",
        ZoneRole::Assembly => "assembly",
        ZoneRole::Hiding => "hiding",
    }
}

fn update_doors(
    scene: Res<SceneViewRes>,
    mut doors: Query<(&DoorSprite, &mut Sprite, &mut Transform)>,
) {
    for (d, mut sprite, mut tf) in &mut doors {
        let state = scene
            .0
            .doors
            .iter()
            .find(|(id, _)| *id == d.id)
            .map(|(_, s)| *s)
            .unwrap_or(d.door.state);
        pose_door(&d.door, state, &mut sprite, &mut tf);
    }
}

/// A door's leaf in `state`: across the doorway when closed (dark red when
/// locked), swung open otherwise.
fn pose_door(door: &Door, state: DoorState, sprite: &mut Sprite, tf: &mut Transform) {
    let at = v(door.at);
    let (w, h) = door_size(door);
    match state {
        DoorState::Open => {
            // The leaf swung 80 degrees about its hinge at one end.
            let (hinge, base) = match door.orientation {
                Orientation::Horizontal => (at - Vec2::new(w / 2.0, 0.0), 0.0f32),
                Orientation::Vertical => (at - Vec2::new(0.0, h / 2.0), 90.0f32),
            };
            let ang = (base + 80.0).to_radians();
            let len = w.max(h);
            let dir = Vec2::new(ang.cos(), ang.sin());
            sprite.color = palette::DOOR_OPEN;
            sprite.custom_size = Some(Vec2::new(len, 0.08));
            tf.translation = (hinge + dir * len / 2.0).extend(tf.translation.z);
            tf.rotation = Quat::from_rotation_z(ang);
        }
        DoorState::Closed | DoorState::Locked => {
            sprite.color = if state == DoorState::Locked {
                palette::DOOR_LOCKED
            } else {
                palette::DOOR_CLOSED
            };
            sprite.custom_size = Some(Vec2::new(w, h));
            tf.translation = at.extend(tf.translation.z);
            tf.rotation = Quat::IDENTITY;
        }
    }
}

/// Registers the map drawing.
pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(InWorld), spawn_map)
        .add_systems(Update, update_doors.run_if(in_state(InWorld)));
}
