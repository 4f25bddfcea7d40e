//! Small UI building blocks that return bundles, shared by the screens.

use super::theme::{self, Fonts, color, size};
use bevy::prelude::*;

/// Marks a button that shows as chosen (a selected scenario, the language).
#[derive(Component, Debug, Clone, Copy, Default)]
pub struct Chosen;

/// A full-screen root node for a screen, laid out as a column.
pub fn screen_root() -> impl Bundle {
    (
        Node {
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(20)),
            row_gap: px(12),
            ..default()
        },
        BackgroundColor(color::BACKGROUND),
    )
}

/// A panel: `node` (give it a border and radius) with the panel colours.
pub fn panel(node: Node) -> impl Bundle {
    (
        node,
        BackgroundColor(color::PANEL),
        BorderColor::all(color::BORDER),
    )
}

/// A line of text.
pub fn label(text: impl Into<String>, size: f32, col: Color) -> impl Bundle {
    (Text::new(text), theme::font(size), TextColor(col))
}

/// A line of bold text.
pub fn heading(fonts: &Fonts, text: impl Into<String>, size: f32) -> impl Bundle {
    (
        Text::new(text),
        theme::bold(fonts, size),
        TextColor(color::TEXT),
    )
}

/// A button carrying `action` (a component the screen's click system reads).
pub fn button<A: Component>(fonts: &Fonts, text: impl Into<String>, action: A) -> impl Bundle {
    (
        Button,
        action,
        Node {
            padding: UiRect::axes(px(16), px(8)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(5)),
            ..default()
        },
        BackgroundColor(color::BUTTON),
        BorderColor::all(color::BORDER),
        children![(
            Text::new(text),
            theme::bold(fonts, size::BODY),
            TextColor(color::TEXT)
        )],
    )
}

/// A button that stands out: the main way forward on a screen.
pub fn primary_button<A: Component>(
    fonts: &Fonts,
    text: impl Into<String>,
    action: A,
) -> impl Bundle {
    (
        Button,
        action,
        Chosen,
        Node {
            padding: UiRect::axes(px(22), px(10)),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(5)),
            ..default()
        },
        BackgroundColor(color::BUTTON_ACTIVE),
        BorderColor::all(color::ACCENT),
        children![(
            Text::new(text),
            theme::bold(fonts, size::BODY + 1.0),
            TextColor(color::TEXT)
        )],
    )
}

/// One row of a key map: the keys in bold in a column `key_width` wide that
/// never shrinks, and what they do beside it, wrapping in the rest of the row
/// (so that every description starts at the same x in every language).
pub fn key_row(
    fonts: &Fonts,
    keys: impl Into<String>,
    what: impl Into<String>,
    key_width: f32,
    text_size: f32,
) -> impl Bundle {
    (
        Node {
            column_gap: px(12),
            width: percent(100),
            ..default()
        },
        children![
            (
                Node {
                    width: px(key_width),
                    flex_shrink: 0.0,
                    ..default()
                },
                children![(
                    Text::new(keys),
                    theme::bold(fonts, text_size),
                    TextColor(color::TEXT)
                )],
            ),
            (
                Node {
                    flex_grow: 1.0,
                    flex_shrink: 1.0,
                    flex_basis: px(0),
                    ..default()
                },
                children![label(what, text_size, color::TEXT_DIM)],
            ),
        ],
    )
}

/// Colours buttons by their interaction; chosen ones stay highlighted.
pub fn paint_buttons(
    mut buttons: Query<
        (&Interaction, &mut BackgroundColor, Has<Chosen>),
        (With<Button>, Or<(Changed<Interaction>, Added<Chosen>)>),
    >,
) {
    for (interaction, mut bg, chosen) in &mut buttons {
        bg.0 = match (*interaction, chosen) {
            (Interaction::Pressed, _) => color::BUTTON_ACTIVE,
            (Interaction::Hovered, true) => color::BUTTON_ACTIVE_HOVER,
            (Interaction::Hovered, false) => color::BUTTON_HOVER,
            (Interaction::None, true) => color::BUTTON_ACTIVE,
            (Interaction::None, false) => color::BUTTON,
        };
    }
}

/// Registers the button painter.
pub fn plugin(app: &mut App) {
    app.add_systems(Update, (paint_buttons, scroll, key_scroll, scroll_hints));
}

/// A node whose content scrolls with the mouse wheel while hovered.
#[derive(Component, Debug, Clone, Copy, Default)]
#[require(Interaction, ScrollPosition)]
pub struct Scrollable;

/// Scrolls the hovered [`Scrollable`] node.
pub fn scroll(
    mut wheel: MessageReader<bevy::input::mouse::MouseWheel>,
    mut nodes: Query<(&Interaction, &mut ScrollPosition, &ComputedNode), With<Scrollable>>,
) {
    let mut dy = 0.0;
    for ev in wheel.read() {
        dy -= match ev.unit {
            bevy::input::mouse::MouseScrollUnit::Line => ev.y * 24.0,
            bevy::input::mouse::MouseScrollUnit::Pixel => ev.y,
        };
    }
    if dy == 0.0 {
        return;
    }
    for (interaction, mut pos, computed) in &mut nodes {
        if *interaction == Interaction::None {
            continue;
        }
        pos.0.y = (pos.0.y + dy).clamp(0.0, scroll_range(computed));
    }
}

/// A [`Scrollable`] that the arrow and page keys scroll too (one per screen),
/// for a cadet on the keyboard.
#[derive(Component, Debug, Clone, Copy, Default)]
pub struct KeyScroll;

/// How far the content of `node` can scroll, in logical pixels.
fn scroll_range(node: &ComputedNode) -> f32 {
    ((node.content_size() - node.size()) * node.inverse_scale_factor())
        .y
        .max(0.0)
}

/// Scrolls the [`KeyScroll`] node with ↑ ↓ PageUp PageDown.
fn key_scroll(
    keys: Res<ButtonInput<KeyCode>>,
    mut nodes: Query<(&mut ScrollPosition, &ComputedNode), With<KeyScroll>>,
) {
    let step = |k: KeyCode, d: f32| if keys.just_pressed(k) { d } else { 0.0 };
    let dy = step(KeyCode::ArrowDown, 48.0)
        + step(KeyCode::ArrowUp, -48.0)
        + step(KeyCode::PageDown, 240.0)
        + step(KeyCode::PageUp, -240.0);
    if dy == 0.0 {
        return;
    }
    for (mut pos, computed) in &mut nodes {
        pos.0.y = (pos.0.y + dy).clamp(0.0, scroll_range(computed));
    }
}

/// A line under a [`Scrollable`] node saying there is more below; shown only
/// while its content overflows and is not scrolled to the end.
#[derive(Component, Debug, Clone, Copy)]
pub struct ScrollHint(pub Entity);

/// The hint's bundle: the `scroll-more` text, hidden until needed.
pub fn scroll_hint(target: Entity, text: impl Into<String>) -> impl Bundle {
    (
        ScrollHint(target),
        label(text, size::SMALL, color::ACCENT),
        Visibility::Hidden,
    )
}

fn scroll_hints(
    mut hints: Query<(&ScrollHint, &mut Visibility)>,
    nodes: Query<(&ScrollPosition, &ComputedNode)>,
) {
    for (hint, mut vis) in &mut hints {
        let more = nodes
            .get(hint.0)
            .is_ok_and(|(pos, node)| pos.0.y + 2.0 < scroll_range(node));
        let want = if more {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        };
        vis.set_if_neq(want);
    }
}

/// A red box of errors over everything else, placed by `at` (a node with its
/// position set): the hot-reload and preview panels share its look.
pub fn error_panel(at: Node) -> impl Bundle {
    (
        GlobalZIndex(90),
        Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(10)),
            row_gap: px(4),
            border: UiRect::all(px(2)),
            border_radius: BorderRadius::all(px(6)),
            ..at
        },
        BackgroundColor(Color::srgba(0.20, 0.04, 0.04, 0.95)),
        BorderColor::all(color::BAD),
    )
}
