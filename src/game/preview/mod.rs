//! `forcesim preview FILE`: the scenario's map in a window, drawn by the
//! game's own map drawing (`gameplay::map`), with every id labelled, the
//! spawns marked, a metre grid, the coordinates under the cursor (a click
//! copies them for the file), reloaded when the file is saved and its
//! `check` errors shown in place while the last good map stays drawn.

pub mod clipboard;
pub mod labels;
pub mod layout;
mod marks;
mod view;
mod watch;

pub use view::PreviewView;

use super::GameOptions;
use crate::diag::Diagnostic;
use crate::domain::Lang;
use crate::scenario::schema::Scenario;
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// What `forcesim preview` was asked to do.
#[derive(Debug, Clone)]
pub struct PreviewOptions {
    /// The scenario file.
    pub path: PathBuf,
    /// Language of the labels and messages.
    pub lang: Lang,
    /// Save a PNG once drawn, and exit.
    pub screenshot: Option<PathBuf>,
    /// Window size in logical pixels.
    pub resolution: (u32, u32),
}

/// The file previewed: the last version that checked clean, and the
/// problems of the one on disk.
#[derive(Resource, Debug, Clone)]
pub struct PreviewFile {
    /// The scenario file.
    pub path: PathBuf,
    /// The last good scenario (`None` until the file first checks clean).
    pub scenario: Option<Scenario>,
    /// Problems of the file on disk; empty when it checks clean.
    pub errors: Vec<Diagnostic>,
    /// Its modification time when last read.
    pub modified: Option<SystemTime>,
    /// Good reads so far: the map is drawn again when this changes.
    pub loads: u32,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl PreviewFile {
    /// Reads and checks the file.
    pub fn open(path: &Path) -> Self {
        let mut f = PreviewFile {
            path: path.to_path_buf(),
            scenario: None,
            errors: Vec::new(),
            modified: None,
            loads: 0,
        };
        f.reload();
        f
    }

    /// Reads the file again: a good file replaces the map (true), a bad one
    /// keeps the last good map and records its problems (false).
    pub fn reload(&mut self) -> bool {
        self.modified = modified(&self.path);
        match crate::scenario::check_file(&self.path) {
            Ok(loaded) => {
                self.scenario = Some(loaded.scenario);
                self.errors.clear();
                self.loads += 1;
                true
            }
            Err(errors) => {
                self.errors = errors;
                false
            }
        }
    }
}

/// The preview's window app.
pub fn app(options: PreviewOptions) -> App {
    let mut app = super::window_app("forcesim preview", options.resolution, false);
    app.insert_resource(game_options(&options));
    app.insert_resource(PreviewFile::open(&options.path));
    app.add_plugins(plugin);
    app
}

/// A windowless preview for tests: each `update()` advances time by one
/// sixtieth of a second.
pub fn headless_app(options: PreviewOptions) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, bevy::transform::TransformPlugin));
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_secs_f64(1.0 / crate::events::TICK_HZ as f64),
    ));
    app.init_resource::<ButtonInput<KeyCode>>()
        .init_resource::<ButtonInput<MouseButton>>()
        .add_message::<bevy::input::mouse::MouseWheel>();
    app.insert_resource(game_options(&options));
    app.insert_resource(PreviewFile::open(&options.path));
    app.add_plugins(plugin);
    app
}

/// The game's options the borrowed parts read (language, screenshot).
fn game_options(o: &PreviewOptions) -> GameOptions {
    GameOptions {
        lang: o.lang,
        screenshot: o.screenshot.clone(),
        resolution: o.resolution,
        ..GameOptions::default()
    }
}

/// Runs the preview; the app's exit code.
pub fn run(options: PreviewOptions) -> std::process::ExitCode {
    match app(options).run() {
        AppExit::Success => std::process::ExitCode::SUCCESS,
        AppExit::Error(code) => std::process::ExitCode::from(code.get()),
    }
}

/// The preview's features, and what it borrows from the game: fonts, the
/// language, the camera with the cursor's map position, screenshots.
pub fn plugin(app: &mut App) {
    if !app.world().contains_resource::<GameOptions>() {
        app.insert_resource(GameOptions::default());
    }
    // Nothing to play first: a screenshot waits only for the picture to settle.
    app.insert_resource(super::autoplay::Autoplay::Done);
    app.add_plugins((
        super::theme::plugin,
        super::i18n::plugin,
        super::gameplay::camera::plugin,
        super::screenshot::plugin,
        view::plugin,
        marks::plugin,
        watch::plugin,
    ));
}
