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

/// Moves the camera toward the trainee.
pub fn follow(
    scene: Res<SceneViewRes>,
    zoom: Res<Zoom>,
    time: Res<Time<Real>>,
    windows: Query<&Window>,
    mut cam: Query<(&mut Transform, &mut Projection), With<MainCamera>>,
    mut snap: ResMut<SnapCamera>,
) {
    let Ok((mut tf, mut proj)) = cam.single_mut() else {
        return;
    };
    if let Projection::Orthographic(o) = proj.as_mut() {
        o.scale = 1.0 / zoom.0;
    }
    let Some(me) = scene.0.people.iter().find(|p| p.id == TRAINEE) else {
        return;
    };
    // Look a few meters ahead: what the trainee faces (usually the threat)
    // matters more than what is behind them.
    let half = windows
        .single()
        .map_or(360.0, |w| w.width().min(w.height()) / 2.0);
    let ahead = Vec2::from_angle(me.heading.to_radians()) * look_ahead(half, zoom.0);
    let target = Vec3::new(me.pos.0 + ahead.x, me.pos.1 + ahead.y, tf.translation.z);
    if snap.0 || tf.translation.truncate().distance(target.truncate()) > 30.0 {
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
}
