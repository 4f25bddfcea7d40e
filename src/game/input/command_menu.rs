//! The command menu: a clickable list per category (verbal, vehicle, warnings,
//! radio, procedures, hands-on) with number keys shown, aimed at the selected
//! person or, with none selected, the nearest in front.

use super::bindings::{BindingContext, menu_target};
use super::menu_items::{MenuCategory, act_key};
use super::{CommandMenu, Selection};
use crate::domain::*;
use crate::game::gameplay::camera::BlocksWorldClicks;
use crate::game::gameplay::overlay::{Names, display_name};
use crate::game::i18n::I18n;
use crate::game::run::{PendingInput, RunSetup};
use crate::game::screens::Screen;
use crate::game::theme::{Fonts, color, size};
use crate::game::widgets::{self, Chosen};
use crate::sim::{SceneViewRes, TraineeViewRes};
use bevy::prelude::*;

#[derive(Component)]
struct MenuPanel;

/// Buttons of the command menu.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub enum MenuButton {
    /// Switch list.
    Category(MenuCategory),
    /// Do this.
    Item(Act),
    /// Close the menu.
    Close,
}

#[allow(clippy::too_many_arguments)]
fn rebuild(
    mut commands: Commands,
    old: Query<Entity, With<MenuPanel>>,
    menu: Res<CommandMenu>,
    selection: Res<Selection>,
    i18n: Res<I18n>,
    fonts: Res<Fonts>,
    names: Res<Names>,
    scene: Res<SceneViewRes>,
) {
    for e in &old {
        commands.entity(e).despawn();
    }
    let Some(cat) = menu.0 else {
        return;
    };
    let target = selection
        .selected
        .as_ref()
        .and_then(|id| scene.0.people.iter().find(|p| &p.id == id))
        .map(|d| display_name(&names, &i18n, d))
        .unwrap_or_else(|| i18n.t("menu_cmd-nearest").to_string());
    commands
        .spawn((
            MenuPanel,
            DespawnOnExit(Screen::Gameplay),
            BlocksWorldClicks,
            Node {
                // Beside the title panel (400 px wide), not over it or the tools.
                position_type: PositionType::Absolute,
                left: px(420),
                top: px(10),
                width: px(330),
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(10)),
                row_gap: px(4),
                border: UiRect::all(px(1)),
                border_radius: BorderRadius::all(px(6)),
                ..default()
            },
            BackgroundColor(color::PANEL_OVER_MAP),
            BorderColor::all(color::ACCENT),
            GlobalZIndex(20),
        ))
        .with_children(|p| {
            p.spawn(Node {
                flex_wrap: FlexWrap::Wrap,
                column_gap: px(4),
                row_gap: px(4),
                ..default()
            })
            .with_children(|tabs| {
                for c in MenuCategory::ALL {
                    let mut b = tabs.spawn((
                        Button,
                        MenuButton::Category(c),
                        Node {
                            padding: UiRect::axes(px(7), px(3)),
                            border_radius: BorderRadius::all(px(4)),
                            ..default()
                        },
                        BackgroundColor(color::BUTTON),
                        children![widgets::label(i18n.t(c.key()), size::SMALL, color::TEXT)],
                    ));
                    if c == cat {
                        b.insert(Chosen);
                    }
                }
            });
            p.spawn(widgets::label(
                i18n.f("menu_cmd-target", &[("who", &target)]),
                size::SMALL,
                color::TEXT_DIM,
            ));
            for (i, act) in cat.items().iter().enumerate() {
                let key = if i == 9 { 0 } else { i + 1 };
                p.spawn((
                    Button,
                    MenuButton::Item(*act),
                    Node {
                        padding: UiRect::axes(px(8), px(3)),
                        column_gap: px(10),
                        border_radius: BorderRadius::all(px(4)),
                        ..default()
                    },
                    BackgroundColor(color::BUTTON),
                    children![
                        (
                            Text::new(key.to_string()),
                            crate::game::theme::bold(&fonts, size::BODY),
                            TextColor(color::ACCENT)
                        ),
                        widgets::label(i18n.t(&act_key(*act)), size::BODY, color::TEXT),
                    ],
                ));
            }
            p.spawn(widgets::label(
                i18n.t("menu_cmd-hint"),
                size::SMALL,
                color::TEXT_DIM,
            ));
        });
}

#[allow(clippy::too_many_arguments)]
fn click(
    buttons: Query<(&Interaction, &MenuButton), Changed<Interaction>>,
    mut menu: ResMut<CommandMenu>,
    mut pending: ResMut<PendingInput>,
    selection: Res<Selection>,
    view: Res<TraineeViewRes>,
    setup: Option<Res<RunSetup>>,
) {
    for (i, b) in &buttons {
        if *i != Interaction::Pressed {
            continue;
        }
        match b {
            MenuButton::Category(c) => menu.0 = Some(*c),
            MenuButton::Close => menu.0 = None,
            MenuButton::Item(act) => {
                let ctx = BindingContext {
                    view: &view.0,
                    scenario: setup.as_ref().map(|s| &s.scenario.scenario),
                    cursor: None,
                    hovered: None,
                    selected: selection.selected.as_deref(),
                    menu: menu.0,
                    over_ui: true,
                    lock_on: selection.lock_on,
                };
                pending.0.actions.push(OfficerAction {
                    act: *act,
                    target: menu_target(*act, &ctx),
                });
            }
        }
    }
}

/// Registers the command menu.
pub fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            click,
            rebuild.run_if(
                resource_changed::<CommandMenu>
                    .or_else(resource_changed::<I18n>)
                    .or_else(resource_changed::<Selection>),
            ),
        )
            .chain()
            .run_if(in_state(Screen::Gameplay)),
    );
}
