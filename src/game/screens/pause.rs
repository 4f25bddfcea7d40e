//! Pause: the simulation stops (virtual time is paused) and the key map shows.

use super::{Pause, Screen};
use crate::game::i18n::I18n;
use crate::game::theme::{Fonts, color, size};
use crate::game::widgets;
use bevy::prelude::*;

/// Buttons of the pause screen.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PauseAction {
    /// Back to playing.
    Resume,
    /// End the run and go to the debrief.
    EndRun,
    /// Abandon the run and go to the menu.
    Menu,
}

fn spawn(mut commands: Commands, i18n: Res<I18n>, fonts: Res<Fonts>) {
    let t = |k: &str| i18n.t(k).to_string();
    commands
        .spawn((
            DespawnOnExit(Pause::Paused),
            GlobalZIndex(50),
            Node {
                position_type: PositionType::Absolute,
                width: percent(100),
                height: percent(100),
                justify_content: JustifyContent::Center,
                align_items: AlignItems::Center,
                ..default()
            },
            BackgroundColor(Color::srgba(0.0, 0.0, 0.0, 0.6)),
        ))
        .with_children(|root| {
            root.spawn(widgets::panel(Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(22)),
                row_gap: px(4),
                width: px(900),
                max_height: percent(98),
                border: UiRect::all(px(1)),
                border_radius: BorderRadius::all(px(8)),
                ..default()
            }))
            .with_children(|p| {
                p.spawn(widgets::heading(&fonts, t("pause-title"), size::TITLE));
                p.spawn(widgets::label(t("keys-title"), size::BODY, color::ACCENT));
                for (keys, what) in crate::game::input::key_map(&i18n) {
                    p.spawn(widgets::key_row(
                        &fonts,
                        keys,
                        what,
                        240.0,
                        size::BODY - 1.0,
                    ));
                }
                p.spawn(Node {
                    column_gap: px(12),
                    margin: UiRect::top(px(12)),
                    ..default()
                })
                .with_children(|row| {
                    row.spawn(widgets::primary_button(
                        &fonts,
                        t("pause-resume"),
                        PauseAction::Resume,
                    ));
                    row.spawn(widgets::button(
                        &fonts,
                        t("pause-end_run"),
                        PauseAction::EndRun,
                    ));
                    row.spawn(widgets::button(&fonts, t("pause-menu"), PauseAction::Menu));
                });
            });
        });
}

fn act(
    buttons: Query<(&Interaction, &PauseAction), Changed<Interaction>>,
    keys: Res<ButtonInput<KeyCode>>,
    mut commands: Commands,
) {
    let mut action = None;
    for (i, a) in &buttons {
        if *i == Interaction::Pressed {
            action = Some(*a);
        }
    }
    if keys.just_pressed(KeyCode::Escape) {
        action = Some(PauseAction::Resume);
    }
    if let Some(a) = action {
        commands.queue(move |world: &mut World| apply(world, a));
    }
}

fn apply(world: &mut World, action: PauseAction) {
    match action {
        PauseAction::Resume => world.resource_mut::<NextState<Pause>>().set(Pause::Running),
        PauseAction::EndRun => {
            crate::game::run::stop(world);
            world
                .resource_mut::<NextState<Screen>>()
                .set(Screen::Debrief);
        }
        PauseAction::Menu => {
            crate::game::run::stop(world);
            crate::game::run::record::save_now(world, true);
            world.resource_mut::<NextState<Screen>>().set(Screen::Menu);
        }
    }
}

/// Registers the pause screen.
pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Pause::Paused), spawn)
        .add_systems(Update, act.run_if(in_state(Pause::Paused)));
}
