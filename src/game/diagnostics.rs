//! Frame time: F3 toggles an overlay (FPS, frame time); `--frame-stats`
//! prints p50/p95/p99/max frame times on exit.

use super::GameOptions;
use super::theme::{color, size};
use bevy::diagnostic::{DiagnosticsStore, FrameTimeDiagnosticsPlugin};
use bevy::prelude::*;

/// Frames skipped before measuring (start-up, shader compilation).
pub const WARMUP_FRAMES: usize = 60;

/// Every frame's duration in milliseconds since start.
#[derive(Resource, Debug, Clone, Default)]
pub struct FrameTimes(pub Vec<f32>);

/// Percentiles of a set of frame times.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrameStats {
    /// Frames measured.
    pub frames: usize,
    /// Median, ms.
    pub p50: f32,
    /// 95th percentile, ms.
    pub p95: f32,
    /// 99th percentile, ms.
    pub p99: f32,
    /// Worst, ms.
    pub max: f32,
}

/// Nearest-rank percentiles of `times` (ms); `None` when empty.
pub fn frame_stats(times: &[f32]) -> Option<FrameStats> {
    if times.is_empty() {
        return None;
    }
    let mut v = times.to_vec();
    v.sort_by(f32::total_cmp);
    let at = |p: f32| v[((p / 100.0 * v.len() as f32).ceil() as usize).clamp(1, v.len()) - 1];
    Some(FrameStats {
        frames: v.len(),
        p50: at(50.0),
        p95: at(95.0),
        p99: at(99.0),
        max: v[v.len() - 1],
    })
}

#[derive(Component)]
struct Overlay;

#[derive(Resource, Default)]
struct OverlayOn(bool);

fn record(time: Res<Time<Real>>, mut times: ResMut<FrameTimes>) {
    times.0.push(time.delta_secs() * 1000.0);
}

fn toggle(
    keys: Res<ButtonInput<KeyCode>>,
    mut on: ResMut<OverlayOn>,
    mut commands: Commands,
    q: Query<Entity, With<Overlay>>,
) {
    if !keys.just_pressed(KeyCode::F3) {
        return;
    }
    on.0 = !on.0;
    for e in &q {
        commands.entity(e).despawn();
    }
    if on.0 {
        commands.spawn((
            Overlay,
            GlobalZIndex(100),
            Node {
                position_type: PositionType::Absolute,
                left: percent(40),
                top: px(6),
                padding: UiRect::axes(px(8), px(3)),
                ..default()
            },
            BackgroundColor(Color::srgba(0.0, 0.0, 0.0, 0.75)),
            Text::new(""),
            super::theme::font(size::SMALL),
            TextColor(color::GOOD),
        ));
    }
}

fn update(
    store: Option<Res<DiagnosticsStore>>,
    times: Res<FrameTimes>,
    mut q: Query<&mut Text, With<Overlay>>,
) {
    let Ok(mut text) = q.single_mut() else {
        return;
    };
    let (fps, ms) = store
        .as_ref()
        .map(|s| {
            (
                s.get(&FrameTimeDiagnosticsPlugin::FPS)
                    .and_then(|d| d.smoothed())
                    .unwrap_or(0.0),
                s.get(&FrameTimeDiagnosticsPlugin::FRAME_TIME)
                    .and_then(|d| d.smoothed())
                    .unwrap_or(0.0),
            )
        })
        .unwrap_or((0.0, 0.0));
    let recent = &times.0[times.0.len().saturating_sub(300)..];
    let p99 = frame_stats(recent).map(|s| s.p99).unwrap_or(0.0);
    text.0 = format!("FPS {fps:.0}   {ms:.1} ms   p99 {p99:.1} ms");
}

fn print_on_exit(
    mut exits: MessageReader<AppExit>,
    times: Res<FrameTimes>,
    options: Res<GameOptions>,
    mut done: Local<bool>,
) {
    if exits.read().next().is_none() || *done || !options.frame_stats {
        return;
    }
    *done = true;
    // Skip start-up; on a very slow renderer keep at least three quarters.
    let skip = WARMUP_FRAMES.min(times.0.len() / 4);
    let measured = times.0.get(skip..).unwrap_or(&[]);
    match frame_stats(measured) {
        Some(s) => println!(
            "frame time over {} frames ({}x{}): p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            s.frames, options.resolution.0, options.resolution.1, s.p50, s.p95, s.p99, s.max
        ),
        None => println!("frame time: no frames measured"),
    }
}

fn quit_after(time: Res<Time<Real>>, options: Res<GameOptions>, mut exit: MessageWriter<AppExit>) {
    if let Some(s) = options.quit_after
        && time.elapsed_secs() >= s
    {
        exit.write(AppExit::Success);
    }
}

/// Registers the overlay and the measurements.
pub fn plugin(app: &mut App) {
    app.init_resource::<FrameTimes>()
        .init_resource::<OverlayOn>()
        .add_systems(First, record)
        .add_systems(Update, (toggle, update).chain())
        .add_systems(Last, (quit_after, print_on_exit).chain());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let times: Vec<f32> = (1..=100).map(|i| i as f32).collect();
        let s = frame_stats(&times).unwrap();
        assert_eq!(
            (s.frames, s.p50, s.p95, s.p99, s.max),
            (100, 50.0, 95.0, 99.0, 100.0)
        );
        assert!(frame_stats(&[]).is_none());
        assert_eq!(frame_stats(&[7.0]).unwrap().p99, 7.0);
    }
}
