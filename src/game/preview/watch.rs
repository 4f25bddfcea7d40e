//! Reload on save: the file's modification time is polled; a changed file is
//! checked again. A good one is drawn; a bad one keeps the last good map on
//! screen and its errors, as `check` words them in the preview's language,
//! are shown over the map (and printed on standard error).

use super::PreviewFile;
use super::view::Panel;
use crate::game::i18n::I18n;
use crate::game::theme::{color, size};
use crate::game::widgets;
use bevy::prelude::*;

/// Seconds between looks at the file.
pub const POLL_EVERY: f32 = 0.5;
/// Errors listed in the panel; the rest are counted.
const SHOWN_ERRORS: usize = 8;

#[derive(Component)]
struct ErrorPanel;

fn poll(
    time: Res<Time<Real>>,
    mut file: ResMut<PreviewFile>,
    i18n: Res<I18n>,
    mut wait: Local<f32>,
) {
    *wait -= time.delta_secs();
    if *wait > 0.0 {
        return;
    }
    *wait = POLL_EVERY;
    if super::modified(&file.path) == file.modified {
        return;
    }
    if file.reload() {
        eprintln!(
            "{}",
            i18n.f(
                "preview-reloaded",
                &[("file", &file.path.display().to_string())]
            )
        );
    } else {
        for d in &file.errors {
            eprintln!("{}", d.render(i18n.lang()));
        }
    }
}

fn show_errors(
    mut commands: Commands,
    file: Res<PreviewFile>,
    old: Query<Entity, With<ErrorPanel>>,
    i18n: Res<I18n>,
) {
    for e in &old {
        commands.entity(e).despawn();
    }
    if file.errors.is_empty() {
        return;
    }
    let head = if file.scenario.is_some() {
        "preview-errors"
    } else {
        "preview-errors-nothing-yet"
    };
    commands
        .spawn((
            ErrorPanel,
            Panel,
            widgets::error_panel(Node {
                position_type: PositionType::Absolute,
                top: px(8),
                right: px(8),
                width: percent(62),
                ..default()
            }),
        ))
        .with_children(|p| {
            p.spawn(widgets::label(i18n.t(head), size::BODY, color::BAD));
            for e in file.errors.iter().take(SHOWN_ERRORS) {
                p.spawn(widgets::label(
                    e.render(i18n.lang()),
                    size::SMALL,
                    color::TEXT,
                ));
            }
            if file.errors.len() > SHOWN_ERRORS {
                let more = (file.errors.len() - SHOWN_ERRORS).to_string();
                p.spawn(widgets::label(
                    i18n.f("preview-errors-more", &[("n", &more)]),
                    size::SMALL,
                    color::TEXT_DIM,
                ));
            }
        });
}

/// Registers reload on save.
pub fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            poll,
            show_errors.run_if(resource_changed::<PreviewFile>.or_else(resource_changed::<I18n>)),
        )
            .chain(),
    );
}
