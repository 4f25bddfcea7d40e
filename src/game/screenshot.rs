//! `--screenshot FILE`: once the requested screen is up and has settled for a
//! few frames, save a PNG of the window and exit.

use super::GameOptions;
use super::autoplay::Autoplay;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};

/// Frames to wait after the screen is reached (layout, text and images settle).
pub const SETTLE_FRAMES: u32 = 20;
/// Give up after this many frames.
pub const GIVE_UP_FRAMES: u32 = 2000;

#[derive(Resource, Default)]
struct Progress {
    settled: u32,
    frames: u32,
    requested: bool,
}

fn shoot(
    mut commands: Commands,
    options: Res<GameOptions>,
    stage: Res<Autoplay>,
    mut progress: ResMut<Progress>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(path) = options.screenshot.clone() else {
        return;
    };
    progress.frames += 1;
    if progress.frames > GIVE_UP_FRAMES {
        eprintln!("forcesim: the screen never settled; no screenshot taken");
        exit.write(AppExit::from_code(1));
        return;
    }
    if progress.requested || *stage != Autoplay::Done {
        return;
    }
    progress.settled += 1;
    if progress.settled < SETTLE_FRAMES {
        return;
    }
    progress.requested = true;
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        let _ = std::fs::create_dir_all(dir);
    }
    commands
        .spawn(Screenshot::primary_window())
        .observe(save_to_disk(path))
        .observe(
            |_: On<bevy::render::view::screenshot::ScreenshotCaptured>,
             mut exit: MessageWriter<AppExit>| {
                exit.write(AppExit::Success);
            },
        );
}

/// F12 saves a picture of the window to `screenshots/forcesim-<UTC time>.png`
/// (for instructors' handouts and bug reports).
fn on_key(keys: Res<ButtonInput<KeyCode>>, mut commands: Commands, mut n: Local<u32>) {
    if !keys.just_pressed(KeyCode::F12) {
        return;
    }
    *n += 1;
    let stamp: String = crate::session::now_rfc3339()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let path = std::path::PathBuf::from("screenshots").join(format!("forcesim-{stamp}-{}.png", *n));
    let _ = std::fs::create_dir_all("screenshots");
    commands
        .spawn(Screenshot::primary_window())
        .observe(save_to_disk(path));
}

/// Registers the screenshot mode and F12.
pub fn plugin(app: &mut App) {
    app.init_resource::<Progress>()
        .add_systems(Update, (shoot, on_key));
}
