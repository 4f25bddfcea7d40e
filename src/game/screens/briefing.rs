//! The briefing: the dispatch text, what success means, what to learn, the
//! key map; Start.

use super::Screen;
use crate::game::i18n::I18n;
use crate::game::run::RunSetup;
use crate::game::theme::{Fonts, color, size};
use crate::game::widgets::{self, KeyScroll, Scrollable};
use bevy::prelude::*;

/// Buttons of the briefing.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefingAction {
    /// Start playing.
    Start,
    /// Back to the menu.
    Back,
}

fn spawn(mut commands: Commands, setup: Option<Res<RunSetup>>, i18n: Res<I18n>, fonts: Res<Fonts>) {
    let Some(setup) = setup else {
        return;
    };
    let s = &setup.scenario.scenario;
    let t = |k: &str| i18n.t(k).to_string();
    commands
        .spawn((DespawnOnExit(Screen::Briefing), widgets::screen_root()))
        .with_children(|root| {
            root.spawn(widgets::heading(&fonts, i18n.text(&s.title), size::TITLE));
            root.spawn(widgets::label(
                format!(
                    "{} · {} · {} · {} · {}",
                    i18n.t(&format!("kind-{}", s.kind.key())),
                    i18n.t(&format!("risk-{}", s.risk.key())),
                    i18n.f(
                        "menu-time_limit",
                        &[("min", &format!("{:.0}", (s.time_limit / 60.0).ceil()))]
                    ),
                    i18n.text(&setup.policy.policy.name),
                    i18n.f("briefing-seed", &[("seed", &setup.seed.to_string())]),
                ),
                size::BODY,
                color::TEXT_DIM,
            ));
            root.spawn(Node {
                column_gap: px(16),
                flex_grow: 1.0,
                min_height: px(0),
                ..default()
            })
            .with_children(|cols| {
                // The dispatch and objectives, with a line under them while
                // more lies below (long in Russian and Kazakh at 1280x720).
                let mut left = cols.spawn(Node {
                    flex_direction: FlexDirection::Column,
                    flex_basis: percent(58),
                    min_height: px(0),
                    row_gap: px(4),
                    ..default()
                });
                left.with_children(|col| {
                    let panel = col
                        .spawn((
                            Scrollable,
                            KeyScroll,
                            widgets::panel(Node {
                                flex_direction: FlexDirection::Column,
                                flex_grow: 1.0,
                                min_height: px(0),
                                padding: UiRect::all(px(16)),
                                row_gap: px(10),
                                border: UiRect::all(px(1)),
                                border_radius: BorderRadius::all(px(6)),
                                overflow: Overflow::scroll_y(),
                                ..default()
                            }),
                        ))
                        .with_children(|p| {
                            p.spawn(widgets::label(
                                t("briefing-dispatch"),
                                size::HEADING,
                                color::ACCENT,
                            ));
                            p.spawn(widgets::label(
                                i18n.text(&s.briefing),
                                size::HEADING - 2.0,
                                color::TEXT,
                            ));
                            p.spawn(widgets::label(
                                t("briefing-objectives"),
                                size::BODY,
                                color::ACCENT,
                            ));
                            for o in &s.objectives {
                                let opt = if o.required {
                                    String::new()
                                } else {
                                    format!(" ({})", i18n.t("briefing-optional"))
                                };
                                p.spawn(widgets::label(
                                    format!("☐  {}{opt}", i18n.text(&o.text)),
                                    size::BODY,
                                    color::TEXT,
                                ));
                            }
                            if !s.learning_objectives.is_empty() {
                                p.spawn(widgets::label(
                                    t("menu-objectives"),
                                    size::BODY,
                                    color::ACCENT,
                                ));
                                for o in &s.learning_objectives {
                                    p.spawn(widgets::label(
                                        format!("•  {}", i18n.text(o)),
                                        size::BODY,
                                        color::TEXT_DIM,
                                    ));
                                }
                            }
                        })
                        .id();
                    col.spawn(widgets::scroll_hint(panel, t("scroll-more")));
                });
                cols.spawn((
                    Scrollable,
                    widgets::panel(Node {
                        flex_direction: FlexDirection::Column,
                        flex_grow: 1.0,
                        padding: UiRect::all(px(16)),
                        row_gap: px(5),
                        border: UiRect::all(px(1)),
                        border_radius: BorderRadius::all(px(6)),
                        min_height: px(0),
                        overflow: Overflow::scroll_y(),
                        ..default()
                    }),
                ))
                .with_children(|p| {
                    p.spawn(widgets::label(t("keys-title"), size::BODY, color::ACCENT));
                    for (keys, what) in crate::game::input::key_map(&i18n) {
                        p.spawn(widgets::key_row(&fonts, keys, what, 190.0, size::SMALL));
                    }
                });
            });
            root.spawn(Node {
                column_gap: px(12),
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|row| {
                row.spawn(widgets::primary_button(
                    &fonts,
                    t("briefing-start"),
                    BriefingAction::Start,
                ));
                row.spawn(widgets::button(
                    &fonts,
                    t("briefing-back"),
                    BriefingAction::Back,
                ));
                row.spawn(widgets::label(
                    t("briefing-keys"),
                    size::SMALL,
                    color::TEXT_DIM,
                ));
            });
        });
}

fn act(
    buttons: Query<(&Interaction, &BriefingAction), Changed<Interaction>>,
    keys: Res<ButtonInput<KeyCode>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let mut action = None;
    for (i, a) in &buttons {
        if *i == Interaction::Pressed {
            action = Some(*a);
        }
    }
    if keys.just_pressed(KeyCode::Enter) || keys.just_pressed(KeyCode::NumpadEnter) {
        action = Some(BriefingAction::Start);
    }
    if keys.just_pressed(KeyCode::Escape) {
        action = Some(BriefingAction::Back);
    }
    match action {
        Some(BriefingAction::Start) => next.set(Screen::Gameplay),
        Some(BriefingAction::Back) => next.set(Screen::Menu),
        None => {}
    }
}

/// Registers the briefing.
pub fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Briefing), spawn)
        .add_systems(Update, act.run_if(in_state(Screen::Briefing)));
}
