//! The instructor console (F2, only with `--instructor`): live branches sent
//! to the simulation as interventions (logged as `Instructor(..)`), and hot
//! reload of the scenario file.

pub mod reload;

use crate::domain::*;
use crate::events::Intervention;
use crate::game::GameOptions;
use crate::game::gameplay::camera::BlocksWorldClicks;
use crate::game::gameplay::overlay::Names;
use crate::game::i18n::I18n;
use crate::game::run::{RunSetup, SimHost};
use crate::game::screens::{Pause, Screen};
use crate::game::theme::{Fonts, color, size};
use crate::game::widgets;
use bevy::prelude::*;

/// The console is open.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct ConsoleOpen(pub bool);

/// The session was paused from the console (resuming logs `Resume`).
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct InstructorPaused(pub bool);

/// What a console button does.
#[derive(Component, Debug, Clone, PartialEq)]
pub enum ConsoleAction {
    /// Make the subject comply.
    Comply(String),
    /// Make the subject resist (active resistance).
    Resist(String),
    /// Make the subject attack.
    Attack(String),
    /// Make the subject flee.
    Flee(String),
    /// Bring in a bystander.
    AddBystander,
    /// Pause or resume the session.
    Pause,
}

/// The interventions a console action sends; `next_bystander` is the next
/// bystander the scenario keeps hidden (the one "add a bystander" brings in).
pub fn interventions(action: &ConsoleAction, next_bystander: Option<&str>) -> Vec<Intervention> {
    match action {
        ConsoleAction::Comply(s) => vec![
            Intervention::SetLevel(s.clone(), ResistanceLevel::Compliant),
            Intervention::Act(s.clone(), SubjectAction::Comply),
        ],
        ConsoleAction::Resist(s) => {
            vec![Intervention::SetLevel(s.clone(), ResistanceLevel::Active)]
        }
        ConsoleAction::Attack(s) => vec![
            Intervention::SetLevel(s.clone(), ResistanceLevel::Assaultive),
            Intervention::Act(s.clone(), SubjectAction::Attack),
        ],
        ConsoleAction::Flee(s) => vec![
            Intervention::SetLevel(s.clone(), ResistanceLevel::Active),
            Intervention::Act(s.clone(), SubjectAction::Flee),
        ],
        ConsoleAction::AddBystander => next_bystander
            .map(|id| vec![Intervention::AddBystander(id.to_string())])
            .unwrap_or_default(),
        ConsoleAction::Pause => vec![Intervention::Pause],
    }
}

#[derive(Component)]
struct ConsolePanel;

#[derive(Resource, Default)]
struct Added(usize);

fn toggle(
    keys: Res<ButtonInput<KeyCode>>,
    options: Res<GameOptions>,
    mut open: ResMut<ConsoleOpen>,
) {
    if options.instructor && keys.just_pressed(KeyCode::F2) {
        open.0 = !open.0;
    }
}

fn rebuild(
    mut commands: Commands,
    open: Res<ConsoleOpen>,
    old: Query<Entity, With<ConsolePanel>>,
    setup: Option<Res<RunSetup>>,
    names: Res<Names>,
    i18n: Res<I18n>,
    fonts: Res<Fonts>,
) {
    for e in &old {
        commands.entity(e).despawn();
    }
    let (true, Some(setup)) = (open.0, setup) else {
        return;
    };
    let t = |k: &str| i18n.t(k).to_string();
    commands
        .spawn((
            ConsolePanel,
            DespawnOnExit(Screen::Gameplay),
            BlocksWorldClicks,
            GlobalZIndex(60),
            Node {
                position_type: PositionType::Absolute,
                right: px(10),
                top: px(100),
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(10)),
                row_gap: px(6),
                border: UiRect::all(px(2)),
                border_radius: BorderRadius::all(px(6)),
                ..default()
            },
            BackgroundColor(Color::srgba(0.18, 0.10, 0.02, 0.92)),
            BorderColor::all(color::WARN),
        ))
        .with_children(|p| {
            p.spawn(widgets::heading(&fonts, t("console-title"), size::BODY));
            for s in &setup.scenario.scenario.subjects {
                let name = names.0.get(&s.id).cloned().unwrap_or_else(|| s.id.clone());
                p.spawn(widgets::label(name, size::SMALL, color::TEXT));
                p.spawn(Node {
                    column_gap: px(4),
                    ..default()
                })
                .with_children(|row| {
                    for (key, a) in [
                        ("console-comply", ConsoleAction::Comply(s.id.clone())),
                        ("console-resist", ConsoleAction::Resist(s.id.clone())),
                        ("console-attack", ConsoleAction::Attack(s.id.clone())),
                        ("console-flee", ConsoleAction::Flee(s.id.clone())),
                    ] {
                        row.spawn(small_button(i18n.t(key), a));
                    }
                });
            }
            p.spawn(Node {
                column_gap: px(4),
                ..default()
            })
            .with_children(|row| {
                if !hidden_bystanders(&setup).is_empty() {
                    row.spawn(small_button(
                        i18n.t("console-add_bystander"),
                        ConsoleAction::AddBystander,
                    ));
                }
                row.spawn(small_button(i18n.t("console-pause"), ConsoleAction::Pause));
            });
            p.spawn(widgets::label(
                t("console-hint"),
                size::SMALL,
                color::TEXT_DIM,
            ));
        });
}

fn small_button(text: String, action: ConsoleAction) -> impl Bundle {
    (
        Button,
        action,
        Node {
            padding: UiRect::axes(px(7), px(3)),
            border_radius: BorderRadius::all(px(4)),
            ..default()
        },
        BackgroundColor(color::BUTTON),
        children![widgets::label(text, size::SMALL, color::TEXT)],
    )
}

fn click(
    buttons: Query<(&Interaction, &ConsoleAction), Changed<Interaction>>,
    mut commands: Commands,
) {
    for (i, a) in &buttons {
        if *i == Interaction::Pressed {
            let a = a.clone();
            commands.queue(move |world: &mut World| apply(world, &a));
        }
    }
}

/// Bystanders the scenario keeps hidden until a trigger (or the instructor)
/// brings them in, in file order.
pub fn hidden_bystanders(setup: &RunSetup) -> Vec<String> {
    setup
        .scenario
        .scenario
        .bystanders
        .iter()
        .filter(|b| b.hidden)
        .map(|b| b.id.clone())
        .collect()
}

/// Sends a console action to the simulation now.
pub fn apply(world: &mut World, action: &ConsoleAction) {
    let added = world.get_resource::<Added>().map(|a| a.0).unwrap_or(0);
    let hidden = world
        .get_resource::<RunSetup>()
        .map(hidden_bystanders)
        .unwrap_or_default();
    let next = hidden.get(added).cloned();
    if *action == ConsoleAction::AddBystander
        && next.is_some()
        && let Some(mut a) = world.get_resource_mut::<Added>()
    {
        a.0 += 1;
    }
    let list = interventions(action, next.as_deref());
    if let Some(mut host) = world.get_non_send_mut::<SimHost>()
        && let Some(sim) = host.0.as_mut()
    {
        for i in list {
            sim.intervene(i);
        }
    }
    if *action == ConsoleAction::Pause {
        world.insert_resource(InstructorPaused(true));
        if let Some(mut next) = world.get_resource_mut::<NextState<Pause>>() {
            next.set(Pause::Paused);
        }
    }
}

fn resumed(world: &mut World) {
    if world
        .get_resource::<InstructorPaused>()
        .is_some_and(|p| p.0)
    {
        world.insert_resource(InstructorPaused(false));
        if let Some(mut host) = world.get_non_send_mut::<SimHost>()
            && let Some(sim) = host.0.as_mut()
        {
            sim.intervene(Intervention::Resume);
        }
    }
}

/// Registers the console and hot reload.
pub fn plugin(app: &mut App) {
    app.init_resource::<ConsoleOpen>()
        .init_resource::<InstructorPaused>()
        .init_resource::<Added>()
        .add_plugins(reload::plugin)
        .add_systems(OnExit(Pause::Paused), resumed)
        .add_systems(
            OnEnter(Screen::Gameplay),
            |mut open: ResMut<ConsoleOpen>, mut added: ResMut<Added>, options: Res<GameOptions>| {
                // Open from the start for instructors; F2 hides it.
                open.0 = options.instructor;
                added.0 = 0;
            },
        )
        .add_systems(
            Update,
            (
                toggle,
                click,
                rebuild.run_if(resource_changed::<ConsoleOpen>.or_else(resource_changed::<I18n>)),
            )
                .chain()
                .run_if(in_state(Screen::Gameplay)),
        );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn console_actions_become_interventions() {
        let a = interventions(&ConsoleAction::Attack("driver".into()), None);
        assert!(a.contains(&Intervention::Act("driver".into(), SubjectAction::Attack)));
        let b = interventions(&ConsoleAction::AddBystander, Some("neighbour"));
        assert_eq!(b, vec![Intervention::AddBystander("neighbour".into())]);
        assert!(interventions(&ConsoleAction::AddBystander, None).is_empty());
        assert_eq!(
            interventions(&ConsoleAction::Pause, None),
            vec![Intervention::Pause]
        );
    }
}
