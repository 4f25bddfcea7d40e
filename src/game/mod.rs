//! The game window: menus, briefing, top-down play, HUD, debrief, replay and the
//! instructor console. It draws only from the simulation's contract resources
//! (`SceneViewRes`, `TraineeViewRes`, `SimLog`, `SimEnd`) and writes the
//! trainee's input; the simulation decides everything else.
// Bevy systems take many parameters and filtered queries by design.
#![allow(clippy::type_complexity, clippy::too_many_arguments)]

pub mod autoplay;
pub mod catalog;
pub mod diagnostics;
pub mod gameplay;
pub mod hud;
pub mod i18n;
pub mod input;
pub mod instructor;
pub mod options;
pub mod preview;
pub mod review;
pub mod run;
pub mod scorecard;
pub mod screens;
pub mod screenshot;
pub mod theme;
pub mod widgets;

pub use options::{GameOptions, ScreenArg};

use bevy::prelude::*;
use bevy::window::{PresentMode, WindowResolution};

/// Builds the windowed app for `forcesim play`.
pub fn app(options: GameOptions) -> App {
    let mut app = window_app("forcesim", options.resolution, options.frame_stats);
    app.add_plugins(bevy::diagnostic::FrameTimeDiagnosticsPlugin::default());
    app.insert_resource(options);
    app.add_plugins(plugin);
    app
}

/// An app with the engine's plugins and one window of `(w, h)` logical
/// pixels (vsync off when frame times are measured); assets from `assets/`.
pub fn window_app(title: &str, (w, h): (u32, u32), uncapped: bool) -> App {
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: title.into(),
                    resolution: WindowResolution::new(w, h),
                    // Frame times are measured uncapped when asked for.
                    present_mode: if uncapped {
                        PresentMode::AutoNoVsync
                    } else {
                        PresentMode::AutoVsync
                    },
                    ..default()
                }),
                ..default()
            })
            .set(AssetPlugin {
                file_path: options::assets_dir().to_string_lossy().into_owned(),
                ..default()
            }),
    );
    app
}

/// Every game feature, without the engine's own plugins (so tests can add
/// them to a minimal app).
pub fn plugin(app: &mut App) {
    if !app.world().contains_resource::<GameOptions>() {
        app.insert_resource(GameOptions::default());
    }
    app.insert_resource(catalog::Catalog::load());
    app.add_plugins((
        theme::plugin,
        i18n::plugin,
        widgets::plugin,
        screens::plugin,
        run::plugin,
        gameplay::plugin,
        input::plugin,
        hud::plugin,
        instructor::plugin,
        diagnostics::plugin,
        autoplay::plugin,
        review::plugin,
        screenshot::plugin,
    ));
}

/// A windowless app with every game feature, for tests: keys are pressed
/// through `ButtonInput` (clear `just_pressed` after each `update()`), and each
/// `update()` advances time by one fixed tick.
pub fn headless_app(options: GameOptions) -> App {
    use bevy::input::keyboard::KeyboardInput;
    use bevy::input::mouse::MouseWheel;
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins,
        bevy::state::app::StatesPlugin,
        bevy::transform::TransformPlugin,
    ));
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_secs_f64(1.0 / crate::events::TICK_HZ as f64),
    ));
    app.init_resource::<ButtonInput<KeyCode>>()
        .init_resource::<ButtonInput<MouseButton>>()
        .add_message::<KeyboardInput>()
        .add_message::<MouseWheel>();
    app.insert_resource(options);
    app.add_plugins(plugin);
    app
}

/// Runs the game; the exit code of the app.
pub fn run(options: GameOptions) -> std::process::ExitCode {
    match app(options).run() {
        AppExit::Success => std::process::ExitCode::SUCCESS,
        AppExit::Error(code) => std::process::ExitCode::from(code.get()),
    }
}
