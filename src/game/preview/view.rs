//! The preview's view: zoom (wheel about the cursor, + −), pan (drag with
//! any mouse button, arrows or WASD), fit the map (F, Home, 0); the metre
//! grid with its numbers; the coordinates under the cursor, and a click that
//! copies `(x, y)` for the file.

use super::PreviewFile;
use crate::game::gameplay::camera::MainCamera;
use crate::game::i18n::I18n;
use crate::game::theme::{color, size};
use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::prelude::*;

/// Closest and farthest zoom, pixels per meter: a 500 m map fits a window,
/// a doorway fills one.
pub const ZOOM_RANGE: (f32, f32) = (0.5, 400.0);
/// Pixels left around the map when it is fitted to the window (the panels
/// take the top and bottom).
const FIT_MARGIN: Vec2 = Vec2::new(40.0, 90.0);
/// Mouse travel (pixels) that makes a press a drag rather than a click.
const DRAG_PX: f32 = 4.0;

/// Where the camera looks and how close.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct PreviewView {
    /// The map point at the window's centre, meters.
    pub centre: Vec2,
    /// Pixels per meter.
    pub zoom: f32,
}

impl Default for PreviewView {
    fn default() -> Self {
        PreviewView {
            centre: Vec2::ZERO,
            zoom: 20.0,
        }
    }
}

impl PreviewView {
    /// The whole map of `size` meters in a `window` of pixels.
    pub fn fit(size: Vec2, window: Vec2) -> Self {
        let room = (window - 2.0 * FIT_MARGIN).max(Vec2::splat(50.0));
        let zoom = (room.x / size.x.max(1.0)).min(room.y / size.y.max(1.0));
        PreviewView {
            centre: size / 2.0,
            zoom: zoom.clamp(ZOOM_RANGE.0, ZOOM_RANGE.1),
        }
    }

    /// A map point in window pixels (y down).
    pub fn to_screen(&self, at: Vec2, window: Vec2) -> Vec2 {
        Vec2::new(
            (at.x - self.centre.x) * self.zoom + window.x / 2.0,
            window.y / 2.0 - (at.y - self.centre.y) * self.zoom,
        )
    }

    /// A window pixel on the map.
    pub fn to_map(&self, px: Vec2, window: Vec2) -> Vec2 {
        Vec2::new(
            self.centre.x + (px.x - window.x / 2.0) / self.zoom,
            self.centre.y - (px.y - window.y / 2.0) / self.zoom,
        )
    }

    /// Zoomed by `factor` keeping the map point under `px` where it is.
    pub fn zoomed_about(&self, factor: f32, px: Vec2, window: Vec2) -> Self {
        let keep = self.to_map(px, window);
        let zoom = (self.zoom * factor).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1);
        let mut v = PreviewView {
            centre: self.centre,
            zoom,
        };
        v.centre += keep - v.to_map(px, window);
        v
    }
}

/// The window's size in logical pixels (1280x720 without a window, in tests).
pub(super) fn window_size(windows: &Query<&Window>) -> Vec2 {
    windows.single().map_or(Vec2::new(1280.0, 720.0), |w| {
        Vec2::new(w.width(), w.height())
    })
}

/// `(x, y)` as a scenario file writes a point, to a tenth of a meter.
pub fn point_text(p: Vec2) -> String {
    // `-0.0` would read oddly in a file.
    let r = |v: f32| {
        let v = (v * 10.0).round() / 10.0;
        if v == 0.0 { 0.0 } else { v }
    };
    format!("({:.1}, {:.1})", r(p.x), r(p.y))
}

/// The grid's spacing (meters) at `zoom`: lines at least 10 px apart, and
/// the numbered ones (every fifth or second line) at least 50 px.
pub fn grid_steps(zoom: f32) -> (f32, f32) {
    const STEPS: [f32; 8] = [1.0, 5.0, 10.0, 50.0, 100.0, 500.0, 1000.0, 5000.0];
    let minor = STEPS
        .iter()
        .copied()
        .find(|s| s * zoom >= 10.0)
        .unwrap_or(5000.0);
    let major = STEPS
        .iter()
        .copied()
        .find(|s| *s > minor && s * zoom >= 50.0)
        .unwrap_or(minor * 10.0);
    (minor, major)
}

/// The map point under the cursor (`None` when it is outside the window).
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct Pointer(pub Option<Vec2>);

/// The last click, for the status line.
#[derive(Resource, Debug, Clone, Default)]
pub struct LastCopy {
    /// The point as written in the file.
    pub text: Option<String>,
    /// The clipboard tool that took it (`None`: printed only).
    pub tool: Option<&'static str>,
}

#[derive(Default)]
struct Drag {
    from: Vec2,
    centre: Vec2,
    moved: bool,
    button: Option<MouseButton>,
}

fn fit_on_new_map(
    file: Res<PreviewFile>,
    windows: Query<&Window>,
    mut view: ResMut<PreviewView>,
    mut fitted: Local<Option<Vec2>>,
) {
    let Some(s) = &file.scenario else { return };
    let size = Vec2::new(s.map.size.0, s.map.size.1);
    // Refit only when the map's size changes: an edit elsewhere keeps the view.
    if *fitted != Some(size) {
        *fitted = Some(size);
        *view = PreviewView::fit(size, window_size(&windows));
    }
}

fn input(
    mut wheel: MessageReader<MouseWheel>,
    keys: Res<ButtonInput<KeyCode>>,
    buttons: Res<ButtonInput<MouseButton>>,
    windows: Query<&Window>,
    time: Res<Time<Real>>,
    file: Res<PreviewFile>,
    mut view: ResMut<PreviewView>,
    mut drag: Local<Drag>,
    mut copied: ResMut<LastCopy>,
    mut pointer: ResMut<Pointer>,
) {
    let win = window_size(&windows);
    let over = windows.single().ok().and_then(|w| w.cursor_position());
    let px = over.unwrap_or(win / 2.0);
    let steps: f32 = wheel
        .read()
        .map(|ev| match ev.unit {
            MouseScrollUnit::Line => ev.y,
            MouseScrollUnit::Pixel => ev.y / 40.0,
        })
        .sum();
    let mut key_steps = 0.0;
    if keys.just_pressed(KeyCode::Equal) || keys.just_pressed(KeyCode::NumpadAdd) {
        key_steps += 1.0;
    }
    if keys.just_pressed(KeyCode::Minus) || keys.just_pressed(KeyCode::NumpadSubtract) {
        key_steps -= 1.0;
    }
    if steps != 0.0 {
        *view = view.zoomed_about(1.2f32.powf(steps), px, win);
    }
    if key_steps != 0.0 {
        *view = view.zoomed_about(1.2f32.powf(key_steps), win / 2.0, win);
    }
    let fit = [
        KeyCode::KeyF,
        KeyCode::Home,
        KeyCode::Digit0,
        KeyCode::Numpad0,
    ];
    if keys.any_just_pressed(fit)
        && let Some(s) = &file.scenario
    {
        *view = PreviewView::fit(Vec2::new(s.map.size.0, s.map.size.1), win);
    }
    // Keys pan by most of a window a second, whatever the zoom.
    let mut dir = Vec2::ZERO;
    for (k, d) in [
        (KeyCode::ArrowLeft, Vec2::NEG_X),
        (KeyCode::KeyA, Vec2::NEG_X),
        (KeyCode::ArrowRight, Vec2::X),
        (KeyCode::KeyD, Vec2::X),
        (KeyCode::ArrowUp, Vec2::Y),
        (KeyCode::KeyW, Vec2::Y),
        (KeyCode::ArrowDown, Vec2::NEG_Y),
        (KeyCode::KeyS, Vec2::NEG_Y),
    ] {
        if keys.pressed(k) {
            dir += d;
        }
    }
    if dir != Vec2::ZERO {
        let step = dir.normalize() * 0.8 * win.min_element() / view.zoom * time.delta_secs();
        view.centre += step;
    }
    // Drag with any button pans; a left press that does not move is a click.
    for b in [MouseButton::Left, MouseButton::Middle, MouseButton::Right] {
        if buttons.just_pressed(b) && drag.button.is_none() {
            *drag = Drag {
                from: px,
                centre: view.centre,
                moved: false,
                button: Some(b),
            };
        }
    }
    if drag.button.is_some() {
        let d = px - drag.from;
        if d.length() > DRAG_PX {
            drag.moved = true;
        }
        if drag.moved {
            let centre = drag.centre + Vec2::new(-d.x, d.y) / view.zoom;
            view.centre = centre;
        }
    }
    pointer.0 = over.map(|p| view.to_map(p, win));
    let Some(b) = drag.button else { return };
    if buttons.just_released(b) || !buttons.pressed(b) {
        if b == MouseButton::Left
            && !drag.moved
            && let Some(at) = pointer.0
        {
            let text = point_text(at);
            // Printed for the terminal (and for scripts), whatever the clipboard.
            println!("{text}");
            copied.tool = super::clipboard::copy(&text);
            copied.text = Some(text);
        }
        drag.button = None;
    }
}

fn apply(
    view: Res<PreviewView>,
    mut cam: Query<(&mut Transform, &mut Projection), With<MainCamera>>,
) {
    let Ok((mut tf, mut proj)) = cam.single_mut() else {
        return;
    };
    tf.translation = view.centre.extend(tf.translation.z);
    if let Projection::Orthographic(o) = proj.as_mut() {
        o.scale = 1.0 / view.zoom;
    }
}

fn grid(
    file: Res<PreviewFile>,
    view: Res<PreviewView>,
    windows: Query<&Window>,
    mut gizmos: Gizmos,
) {
    let Some(s) = &file.scenario else { return };
    let win = window_size(&windows);
    let (minor, major) = grid_steps(view.zoom);
    let (lo, hi) = (
        view.to_map(Vec2::new(0.0, win.y), win),
        view.to_map(Vec2::new(win.x, 0.0), win),
    );
    let size = Vec2::new(s.map.size.0, s.map.size.1);
    let (lo, hi) = (lo.max(Vec2::ZERO), hi.min(size));
    let colour = |v: f32| {
        if (v / major).fract().abs() < 1e-4 {
            Color::srgba(1.0, 1.0, 1.0, 0.22)
        } else {
            Color::srgba(1.0, 1.0, 1.0, 0.07)
        }
    };
    let mut x = (lo.x / minor).ceil() * minor;
    while x <= hi.x {
        gizmos.line_2d(Vec2::new(x, lo.y), Vec2::new(x, hi.y), colour(x));
        x += minor;
    }
    let mut y = (lo.y / minor).ceil() * minor;
    while y <= hi.y {
        gizmos.line_2d(Vec2::new(lo.x, y), Vec2::new(hi.x, y), colour(y));
        y += minor;
    }
}

/// A number of the grid, at the window's edge.
#[derive(Component)]
struct RulerText;

/// The status line: cursor coordinates, grid, labels shown, keys, last copy.
#[derive(Component)]
struct StatusText;

/// A panel over the map: labels keep clear of it.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Panel;

fn spawn_status(mut commands: Commands) {
    commands.spawn((
        Panel,
        GlobalZIndex(50),
        Node {
            position_type: PositionType::Absolute,
            bottom: px(0),
            left: px(0),
            width: percent(100),
            padding: UiRect::axes(px(10), px(5)),
            ..default()
        },
        BackgroundColor(color::PANEL_OVER_MAP),
        StatusText,
        Text::new(""),
        crate::game::theme::font(size::SMALL),
        TextColor(color::TEXT),
    ));
}

fn status(
    cursor: Res<Pointer>,
    view: Res<PreviewView>,
    copied: Res<LastCopy>,
    count: Res<super::marks::LabelCount>,
    i18n: Res<I18n>,
    mut text: Query<&mut Text, With<StatusText>>,
) {
    let Ok(mut t) = text.single_mut() else { return };
    let (minor, major) = grid_steps(view.zoom);
    let (minor, major) = (format!("{minor}"), format!("{major}"));
    let mut parts = vec![match cursor.0 {
        Some(p) => i18n.f(
            "preview-cursor",
            &[("x", &format!("{:.1}", p.x)), ("y", &format!("{:.1}", p.y))],
        ),
        None => i18n.t("preview-cursor-none"),
    }];
    parts.push(i18n.f("preview-grid", &[("minor", &minor), ("major", &major)]));
    let (shown, total) = (count.shown.min(count.total), count.total);
    parts.push(if shown == total {
        i18n.f("preview-labels-all", &[("total", &total.to_string())])
    } else {
        i18n.f(
            "preview-labels-some",
            &[("shown", &shown.to_string()), ("total", &total.to_string())],
        )
    });
    parts.push(i18n.t("preview-keys"));
    if let Some(p) = &copied.text {
        parts.push(match copied.tool {
            Some(_) => i18n.f("preview-copied", &[("point", p)]),
            None => i18n.f("preview-printed", &[("point", p)]),
        });
    }
    let s = parts.join("   ·   ");
    if t.0 != s {
        t.0 = s;
    }
}

fn rulers(
    mut commands: Commands,
    file: Res<PreviewFile>,
    view: Res<PreviewView>,
    windows: Query<&Window>,
    mut pool: Query<(&mut Text, &mut Node, &mut Visibility), With<RulerText>>,
) {
    let win = window_size(&windows);
    let mut want: Vec<(String, Vec2)> = Vec::new();
    if let Some(s) = &file.scenario {
        let (_, major) = grid_steps(view.zoom);
        let size = Vec2::new(s.map.size.0, s.map.size.1);
        let (lo, hi) = (
            view.to_map(Vec2::new(0.0, win.y), win),
            view.to_map(Vec2::new(win.x, 0.0), win),
        );
        let (lo, hi) = (lo.max(Vec2::ZERO), hi.min(size));
        // x under the map's south edge, y beside its west edge; both kept
        // in the window (above the status line) when the map runs past it.
        let origin = view.to_screen(Vec2::ZERO, win);
        let row = (origin.y + 4.0).min(win.y - 44.0);
        let col = (origin.x - 30.0).max(4.0);
        let mut x = (lo.x / major).ceil() * major;
        while x <= hi.x {
            let p = view.to_screen(Vec2::new(x, 0.0), win);
            want.push((format!("{x}"), Vec2::new(p.x + 2.0, row)));
            x += major;
        }
        let mut y = (lo.y / major).ceil() * major;
        while y <= hi.y {
            let p = view.to_screen(Vec2::new(0.0, y), win);
            want.push((format!("{y}"), Vec2::new(col, p.y - 16.0)));
            y += major;
        }
    }
    let mut slots = pool.iter_mut();
    for (text, at) in &want {
        match slots.next() {
            Some((mut t, mut node, mut vis)) => {
                if t.0 != *text {
                    t.0.clone_from(text);
                }
                // Written only when moved: a write lays the UI out again.
                if node.left != px(at.x) || node.top != px(at.y) {
                    node.left = px(at.x);
                    node.top = px(at.y);
                }
                vis.set_if_neq(Visibility::Inherited);
            }
            None => {
                commands.spawn((
                    RulerText,
                    GlobalZIndex(10),
                    Node {
                        position_type: PositionType::Absolute,
                        left: px(at.x),
                        top: px(at.y),
                        ..default()
                    },
                    Text::new(text.clone()),
                    crate::game::theme::font(size::SMALL - 2.0),
                    TextColor(Color::srgba(1.0, 1.0, 1.0, 0.55)),
                ));
            }
        }
    }
    for (_, _, mut vis) in slots {
        vis.set_if_neq(Visibility::Hidden);
    }
}

/// The system set that moves the camera: labels are placed after it.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct ViewSet;

/// Registers the view.
pub fn plugin(app: &mut App) {
    app.init_resource::<PreviewView>()
        .init_resource::<LastCopy>()
        .init_resource::<Pointer>()
        .add_systems(Startup, spawn_status)
        .add_systems(
            Update,
            (
                (fit_on_new_map, input, apply).chain().in_set(ViewSet),
                status,
                rulers,
            )
                .chain(),
        )
        .add_systems(
            Update,
            grid.after(ViewSet)
                .run_if(resource_exists::<bevy::gizmos::config::GizmoConfigStore>),
        );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fitted_map_is_all_in_the_window_and_centred() {
        let win = Vec2::new(1280.0, 720.0);
        let v = PreviewView::fit(Vec2::new(60.0, 40.0), win);
        assert_eq!(v.centre, Vec2::new(30.0, 20.0));
        let (a, b) = (
            v.to_screen(Vec2::ZERO, win),
            v.to_screen(Vec2::new(60.0, 40.0), win),
        );
        assert!(
            a.x >= 0.0 && b.x <= win.x && b.y >= 0.0 && a.y <= win.y,
            "{a} {b}"
        );
    }

    #[test]
    fn zooming_keeps_the_point_under_the_cursor() {
        let win = Vec2::new(1280.0, 720.0);
        let v = PreviewView::fit(Vec2::new(60.0, 40.0), win);
        let px = Vec2::new(200.0, 500.0);
        let before = v.to_map(px, win);
        let z = v.zoomed_about(1.2, px, win);
        assert!(z.zoom > v.zoom);
        assert!(z.to_map(px, win).distance(before) < 1e-3);
    }

    #[test]
    fn points_are_written_as_the_file_writes_them() {
        assert_eq!(point_text(Vec2::new(12.04, -0.01)), "(12.0, 0.0)");
        assert_eq!(point_text(Vec2::new(3.55, 18.96)), "(3.6, 19.0)");
    }

    #[test]
    fn grid_lines_stay_apart_at_every_zoom() {
        for z in [0.5, 2.0, 8.0, 20.0, 56.0, 400.0] {
            let (minor, major) = grid_steps(z);
            assert!(minor * z >= 10.0 && major > minor, "{z}: {minor} {major}");
        }
        assert_eq!(grid_steps(56.0), (1.0, 5.0));
    }
}
