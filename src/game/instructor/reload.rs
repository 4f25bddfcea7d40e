//! Hot reload: when the open scenario file changes on disk it is checked
//! again; a good file replaces the scenario (a run in progress restarts with
//! it), a bad one leaves the last good version running and its errors shown.

use crate::diag::Diagnostic;
use crate::game::catalog::Catalog;
use crate::game::i18n::I18n;
use crate::game::run::RunSetup;
use crate::game::screens::Screen;
use crate::game::theme::{color, size};
use crate::game::widgets;
use bevy::prelude::*;
use std::path::PathBuf;
use std::time::SystemTime;

/// Seconds between checks of the file.
pub const CHECK_EVERY: f32 = 1.0;

/// The file being watched.
#[derive(Resource, Debug, Clone, Default)]
pub struct Watched {
    /// The scenario file.
    pub path: Option<PathBuf>,
    /// Its modification time when last read.
    pub modified: Option<SystemTime>,
    /// Problems of the file on disk (empty when it checks clean), rendered
    /// in the game's language when shown.
    pub errors: Vec<Diagnostic>,
}

#[derive(Component)]
struct ErrorPanel;

fn modified(path: &PathBuf) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn watch(
    time: Res<Time<Real>>,
    mut watched: ResMut<Watched>,
    setup: Option<ResMut<RunSetup>>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    mut catalog: ResMut<Catalog>,
    mut wait: Local<f32>,
) {
    let Some(mut setup) = setup else {
        return;
    };
    if watched.path.as_ref() != Some(&setup.path) {
        // A new file: start watching it (a plain read, not a change).
        watched.path = Some(setup.path.clone());
        watched.modified = modified(&setup.path);
        watched.errors.clear();
        return;
    }
    *wait -= time.delta_secs();
    if *wait > 0.0 {
        return;
    }
    *wait = CHECK_EVERY;
    let now = modified(&setup.path);
    if now == watched.modified {
        return;
    }
    watched.modified = now;
    match crate::scenario::check_file(&setup.path) {
        Ok(loaded) => {
            watched.errors.clear();
            info!("scenario {} reloaded", setup.path.display());
            setup.scenario = loaded;
            *catalog = Catalog::load();
            // Restart the run (or redraw the screen) with the new file.
            if let s @ (Screen::Gameplay | Screen::Briefing) = screen.get() {
                next.set(*s);
            }
        }
        Err(errors) => watched.errors = errors,
    }
}

fn show_errors(
    mut commands: Commands,
    watched: Res<Watched>,
    old: Query<Entity, With<ErrorPanel>>,
    i18n: Res<I18n>,
) {
    for e in &old {
        commands.entity(e).despawn();
    }
    if watched.errors.is_empty() {
        return;
    }
    commands
        .spawn((
            ErrorPanel,
            widgets::error_panel(Node {
                position_type: PositionType::Absolute,
                top: px(60),
                left: percent(20),
                width: percent(60),
                ..default()
            }),
        ))
        .with_children(|p| {
            p.spawn(widgets::label(
                i18n.t("reload-errors"),
                size::BODY,
                color::BAD,
            ));
            for e in watched.errors.iter().take(8) {
                p.spawn(widgets::label(
                    e.render(i18n.lang()),
                    size::SMALL,
                    color::TEXT,
                ));
            }
        });
}

/// Registers hot reload.
pub fn plugin(app: &mut App) {
    app.init_resource::<Watched>().add_systems(
        Update,
        (
            watch,
            show_errors.run_if(resource_changed::<Watched>.or_else(resource_changed::<I18n>)),
        )
            .chain(),
    );
}
