//! Keyboard and mouse during gameplay: the pure key map in [`bindings`], the
//! systems that feed it and apply what it returns, target selection and the
//! command menu.

pub mod bindings;
pub mod command_menu;
pub mod menu_items;

use super::gameplay::camera::{CursorOverUi, CursorWorld};
use super::i18n::I18n;
use super::run::{PendingInput, RunSetup};
use super::screens::{Pause, Screen};
use crate::events::TRAINEE;
use crate::sim::{PersonKind, SceneViewRes, TraineeViewRes};
use bevy::prelude::*;
use bindings::{BindingContext, UiCommand};
use menu_items::MenuCategory;

/// Who is under the cursor and who is selected.
#[derive(Resource, Debug, Clone, Default)]
pub struct Selection {
    /// Selected person: the target of commands and procedures.
    pub selected: Option<String>,
    /// Person under the cursor.
    pub hovered: Option<String>,
    /// Lock-on (L): the officer keeps facing the selected person.
    pub lock_on: bool,
}

/// The open list of the command menu, if any.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct CommandMenu(pub Option<MenuCategory>);

/// The key map shown in the briefing and on the pause screen: (keys, what).
pub fn key_map(i18n: &I18n) -> Vec<(String, String)> {
    [
        ("W A S D", "keys-move"),
        ("Shift", "keys-run"),
        ("keys-mouse", "keys-face"),
        ("1 2 3 4 5", "keys-tools"),
        ("keys-rmb", "keys-aim"),
        ("keys-lmb", "keys-use"),
        ("Tab / C / R", "keys-menu"),
        ("F", "keys-identify"),
        ("T", "keys-talk"),
        ("E", "keys-interact"),
        ("Q", "keys-select"),
        ("L", "keys-lock"),
        ("V", "keys-light"),
        ("H", "keys-holster"),
        ("keys-wheel", "keys-zoom"),
        ("Esc", "keys-pause"),
        ("F2", "keys-instructor"),
        ("F3", "keys-diagnostics"),
        ("F12", "keys-screenshot"),
    ]
    .iter()
    .map(|(k, w)| {
        let keys = if k.starts_with("keys-") {
            i18n.t(k)
        } else {
            k.to_string()
        };
        (keys, i18n.t(w))
    })
    .collect()
}

fn hover(
    cursor: Res<CursorWorld>,
    over_ui: Res<CursorOverUi>,
    scene: Res<SceneViewRes>,
    mut selection: ResMut<Selection>,
) {
    let mut best: Option<(f32, &str)> = None;
    if let (Some(c), false) = (cursor.0, over_ui.0) {
        for p in &scene.0.people {
            if p.id == TRAINEE || !p.visible || p.kind == PersonKind::CrowdMember {
                continue;
            }
            let d = c.distance(Vec2::new(p.pos.0, p.pos.1));
            if d < 0.7 && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, p.id.as_str()));
            }
        }
    }
    let hovered = best.map(|(_, id)| id.to_string());
    if selection.hovered != hovered {
        selection.hovered = hovered;
    }
    if let Some(sel) = &selection.selected
        && !scene.0.people.iter().any(|p| &p.id == sel && p.visible)
    {
        selection.selected = None;
    }
}

#[allow(clippy::too_many_arguments)]
fn gather(
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    view: Res<TraineeViewRes>,
    setup: Option<Res<RunSetup>>,
    cursor: Res<CursorWorld>,
    over_ui: Res<CursorOverUi>,
    scene: Res<SceneViewRes>,
    mut selection: ResMut<Selection>,
    mut menu: ResMut<CommandMenu>,
    mut pending: ResMut<PendingInput>,
    mut next_pause: ResMut<NextState<Pause>>,
) {
    let ctx = BindingContext {
        view: &view.0,
        scenario: setup.as_ref().map(|s| &s.scenario.scenario),
        cursor: cursor.0.map(|c| (c.x, c.y)),
        hovered: selection.hovered.as_deref(),
        selected: selection.selected.as_deref(),
        menu: menu.0,
        over_ui: over_ui.0,
        lock_on: selection.lock_on,
    };
    let bound = bindings::bind(&keys, &mouse, &ctx);
    let p = &mut pending.0;
    p.move_dir = bound.input.move_dir;
    p.run = bound.input.run;
    if bound.input.face.is_some() {
        p.face = bound.input.face;
    }
    p.select = bound.input.select;
    p.actions.extend(bound.input.actions);
    if bound.input.light.is_some() {
        p.light = bound.input.light;
    }
    for cmd in bound.ui {
        match cmd {
            UiCommand::Pause => next_pause.set(Pause::Paused),
            UiCommand::OpenMenu(c) => menu.0 = Some(c),
            UiCommand::CloseMenu => menu.0 = None,
            UiCommand::ToggleLock => selection.lock_on = !selection.lock_on,
            UiCommand::SelectTarget => {
                selection.selected = match &selection.hovered {
                    Some(h) => Some(h.clone()),
                    None => {
                        cycle_target(&scene.0.people, &view.0.pos, selection.selected.as_deref())
                    }
                }
            }
        }
    }
}

/// The next person in sight after `current`, nearest first.
pub fn cycle_target(
    people: &[crate::sim::Drawable],
    me: &crate::domain::Pt,
    current: Option<&str>,
) -> Option<String> {
    let mut v: Vec<(f32, &str)> = people
        .iter()
        .filter(|p| p.id != TRAINEE && p.visible && p.kind != PersonKind::CrowdMember)
        .map(|p| {
            (
                ((p.pos.0 - me.0).powi(2) + (p.pos.1 - me.1).powi(2)).sqrt(),
                p.id.as_str(),
            )
        })
        .collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
    if v.is_empty() {
        return None;
    }
    let i = current
        .and_then(|c| v.iter().position(|(_, id)| *id == c))
        .map(|i| (i + 1) % v.len())
        .unwrap_or(0);
    Some(v[i].1.to_string())
}

fn reset(mut selection: ResMut<Selection>, mut menu: ResMut<CommandMenu>) {
    *selection = Selection::default();
    menu.0 = None;
}

/// Registers gameplay input.
pub fn plugin(app: &mut App) {
    app.init_resource::<Selection>()
        .init_resource::<CommandMenu>()
        .add_systems(OnEnter(Screen::Gameplay), reset)
        .add_systems(
            Update,
            (hover, gather)
                .chain()
                .after(super::gameplay::camera::follow)
                .run_if(in_state(Pause::Running)),
        )
        .add_plugins(command_menu::plugin);
}
