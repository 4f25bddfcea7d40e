//! The one camera: follows the trainee in meters, zooms with the mouse wheel,
//! and turns the cursor into a map position.

use super::InWorld;
use crate::events::TRAINEE;
use crate::sim::SceneViewRes;
use bevy::camera::ScalingMode;
use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::prelude::*;

/// Pixels per meter at the default zoom.
pub const DEFAULT_ZOOM: f32 = 56.0;
/// Most meters the camera looks ahead of the trainee.
pub const LOOK_AHEAD: f32 = 4.0;
/// Share of the half-view (the shorter side) the look-ahead may take, so the
/// trainee stays well inside the picture when zoomed in or on a small window.
const LOOK_AHEAD_SHARE: f32 = 0.55;

/// Meters to look ahead with `half_view_px` pixels from the centre to the
/// nearer edge at `zoom` pixels per meter.
pub fn look_ahead(half_view_px: f32, zoom: f32) -> f32 {
    (LOOK_AHEAD_SHARE * half_view_px / zoom).min(LOOK_AHEAD)
}
/// Closest and farthest zoom.
pub const ZOOM_RANGE: (f32, f32) = (16.0, 110.0);

/// The main camera.
#[derive(Component)]
pub struct MainCamera;

/// Pixels per meter now.
#[derive(Resource, Debug, Clone, Copy)]
pub struct Zoom(pub f32);

impl Default for Zoom {
    fn default() -> Self {
        Zoom(DEFAULT_ZOOM)
    }
}

/// Where the cursor points on the map, if it is over the window.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct CursorWorld(pub Option<Vec2>);

/// The cursor is over a UI element that takes clicks (a button, a panel).
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct CursorOverUi(pub bool);

fn spawn_camera(mut commands: Commands) {
    commands.spawn((
        Camera2d,
        MainCamera,
        Projection::Orthographic(OrthographicProjection {
            scaling_mode: ScalingMode::WindowSize,
            scale: 1.0 / DEFAULT_ZOOM,
            ..OrthographicProjection::default_2d()
        }),
    ));
}

fn zoom_input(
    mut wheel: MessageReader<MouseWheel>,
    keys: Res<ButtonInput<KeyCode>>,
    over_ui: Res<CursorOverUi>,
    mut zoom: ResMut<Zoom>,
) {
    let mut steps = 0.0;
    for ev in wheel.read() {
        if over_ui.0 {
            continue;
        }
        steps += match ev.unit {
            MouseScrollUnit::Line => ev.y,
            MouseScrollUnit::Pixel => ev.y / 40.0,
        };
    }
    if keys.just_pressed(KeyCode::Equal) || keys.just_pressed(KeyCode::NumpadAdd) {
        steps += 1.0;
    }
    if keys.just_pressed(KeyCode::Minus) || keys.just_pressed(KeyCode::NumpadSubtract) {
        steps -= 1.0;
    }
    if steps != 0.0 {
        zoom.0 = (zoom.0 * 1.15f32.powf(steps)).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
    }
}

/// Farthest person (meters) the camera keeps in the picture with the trainee.
pub const FRAME_RANGE: f32 = 16.0;
/// Meters kept around the trainee and the framed person.
const FRAME_MARGIN: f32 = 2.5;
/// Pixels the HUD panels take at the window's edges (sides, top + bottom):
/// the framed pair must stay clear of them.
const HUD_PX: (f32, f32) = (40.0, 150.0);

/// The person to keep in the picture with the trainee: the selected one if
/// in sight, otherwise the nearest subject in sight who is not restrained,
/// within `FRAME_RANGE`.
fn framed<'a>(
    scene: &'a crate::sim::SceneView,
    me: Vec2,
    selected: Option<&str>,
) -> Option<&'a crate::sim::Drawable> {
    use crate::domain::Cue;
    use crate::sim::PersonKind;
    let near = |p: &&crate::sim::Drawable| {
        p.visible && p.id != TRAINEE && Vec2::new(p.pos.0, p.pos.1).distance(me) <= FRAME_RANGE
    };
    if let Some(sel) = selected
        && let Some(p) = scene.people.iter().filter(near).find(|p| p.id == sel)
    {
        return Some(p);
    }
    scene
        .people
        .iter()
        .filter(near)
        .filter(|p| p.kind == PersonKind::Subject && !p.cues.contains(&Cue::Restrained))
        .min_by(|a, b| {
            let d = |p: &crate::sim::Drawable| Vec2::new(p.pos.0, p.pos.1).distance(me);
            d(a).total_cmp(&d(b))
        })
}

/// The camera's centre and pixels per meter that show both `me` and `other`
/// clear of the HUD in a `view` (pixels) window, zoomed in no closer than
/// `zoom` and out no farther than the zoom range allows.
pub fn frame_pair(me: Vec2, other: Vec2, view: Vec2, zoom: f32) -> (Vec2, f32) {
    let half = ((other - me).abs() / 2.0) + Vec2::splat(FRAME_MARGIN);
    let room = (view / 2.0 - Vec2::new(HUD_PX.0, HUD_PX.1)).max(Vec2::splat(50.0));
    let fit = (room.x / half.x).min(room.y / half.y);
    ((me + other) / 2.0, zoom.min(fit).max(ZOOM_RANGE.0))
}

/// Moves the camera toward the trainee, and frames the trainee together with
/// the person they deal with (zooming out if need be), so the threat is never
/// under a HUD panel.
pub fn follow(
    scene: Res<SceneViewRes>,
    zoom: Res<Zoom>,
    time: Res<Time<Real>>,
    windows: Query<&Window>,
    selection: Option<Res<crate::game::input::Selection>>,
    mut cam: Query<(&mut Transform, &mut Projection), With<MainCamera>>,
    mut snap: ResMut<SnapCamera>,
) {
    let Ok((mut tf, mut proj)) = cam.single_mut() else {
        return;
    };
    let Some(me) = scene.0.people.iter().find(|p| p.id == TRAINEE) else {
        return;
    };
    let pos = Vec2::new(me.pos.0, me.pos.1);
    let view = windows.single().map_or(Vec2::new(1280.0, 720.0), |w| {
        Vec2::new(w.width(), w.height())
    });
    let selected = selection.as_ref().and_then(|s| s.selected.as_deref());
    let (centre, want_zoom) = match framed(&scene.0, pos, selected) {
        Some(p) => frame_pair(pos, Vec2::new(p.pos.0, p.pos.1), view, zoom.0),
        None => {
            // Look a few meters ahead: what the trainee faces matters more
            // than what is behind them.
            let ahead = Vec2::from_angle(me.heading.to_radians())
                * look_ahead(view.min_element() / 2.0, zoom.0);
            (pos + ahead, zoom.0)
        }
    };
    let target = centre.extend(tf.translation.z);
    let jump = snap.0 || tf.translation.truncate().distance(centre) > 30.0;
    if let Projection::Orthographic(o) = proj.as_mut() {
        let now = 1.0 / o.scale;
        let z = if jump {
            want_zoom
        } else {
            // Ease the zoom like the pan, so framing never jerks.
            now + (want_zoom - now) * (1.0 - (-6.0 * time.delta_secs()).exp())
        };
        o.scale = 1.0 / z;
    }
    if jump {
        tf.translation = target;
        snap.0 = false;
    } else {
        tf.translation.smooth_nudge(&target, 6.0, time.delta_secs());
    }
}

/// Jump to the trainee instead of panning on the next frame.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct SnapCamera(pub bool);

fn snap_camera(mut snap: ResMut<SnapCamera>) {
    snap.0 = true;
}

fn reset_camera(mut cam: Query<&mut Transform, With<MainCamera>>) {
    if let Ok(mut tf) = cam.single_mut() {
        tf.translation = Vec3::new(0.0, 0.0, tf.translation.z);
    }
}

fn cursor_world(
    windows: Query<&Window>,
    cam: Query<(&Camera, &GlobalTransform), With<MainCamera>>,
    mut out: ResMut<CursorWorld>,
) {
    out.0 = None;
    let (Ok(window), Ok((camera, gt))) = (windows.single(), cam.single()) else {
        return;
    };
    if let Some(p) = window.cursor_position() {
        out.0 = camera.viewport_to_world_2d(gt, p).ok();
    }
}

fn cursor_over_ui(
    nodes: Query<&Interaction, Or<(With<Button>, With<BlocksWorldClicks>)>>,
    mut out: ResMut<CursorOverUi>,
) {
    out.0 = nodes.iter().any(|i| *i != Interaction::None);
}

/// UI panels over the map that swallow clicks (HUD panels, menus).
#[derive(Component, Debug, Clone, Copy, Default)]
#[require(Interaction)]
pub struct BlocksWorldClicks;

/// Registers the camera.
pub fn plugin(app: &mut App) {
    app.init_resource::<Zoom>()
        .init_resource::<CursorWorld>()
        .init_resource::<CursorOverUi>()
        .init_resource::<SnapCamera>()
        .add_systems(OnEnter(InWorld), snap_camera)
        .add_systems(Startup, spawn_camera)
        .add_systems(OnExit(InWorld), reset_camera)
        .add_systems(
            Update,
            (
                cursor_over_ui,
                cursor_world,
                (zoom_input, follow).chain().run_if(in_state(InWorld)),
            ),
        );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_ahead_shrinks_when_zoomed_in_and_caps_when_zoomed_out() {
        // 720p at the default zoom: most of the way to the cap.
        let d = look_ahead(360.0, DEFAULT_ZOOM);
        assert!(d > 3.0 && d <= LOOK_AHEAD, "{d}");
        // Zoomed in, the trainee must stay on screen: ahead < half the view.
        let z = ZOOM_RANGE.1;
        assert!(look_ahead(360.0, z) * z < 360.0 * 0.6);
        // 1080p zoomed out: capped.
        assert_eq!(look_ahead(540.0, ZOOM_RANGE.0), LOOK_AHEAD);
    }

    #[test]
    fn a_far_pair_zooms_out_to_fit_clear_of_the_hud_and_a_near_one_keeps_the_zoom() {
        let view = Vec2::new(1280.0, 720.0);
        let me = Vec2::new(0.0, 0.0);
        let (c, z) = frame_pair(me, Vec2::new(9.0, -7.0), view, DEFAULT_ZOOM);
        assert_eq!(c, Vec2::new(4.5, -3.5));
        assert!(z < DEFAULT_ZOOM && z >= ZOOM_RANGE.0, "{z}");
        // Both people, with the margin, inside the room the HUD leaves.
        let half_y = (7.0 / 2.0 + FRAME_MARGIN) * z;
        assert!(half_y <= 720.0 / 2.0 - HUD_PX.1 + 0.01, "{half_y}");
        // Someone at arm's length: the player's zoom stands.
        let (_, z) = frame_pair(me, Vec2::new(1.0, 0.5), view, DEFAULT_ZOOM);
        assert_eq!(z, DEFAULT_ZOOM);
    }
}
