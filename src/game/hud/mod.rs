//! The HUD over the map: scenario and timer, objectives with ticks, the tool
//! selector and its state, status (identified, called in, cover), the radio
//! and message log (refusals with their reason), and what E would do now.

pub mod messages;

use super::gameplay::camera::BlocksWorldClicks;
use super::gameplay::overlay::{Names, display_name};
use super::i18n::I18n;
use super::input::bindings::{BindingContext, interact};
use super::input::menu_items::act_key;
use super::input::{CommandMenu, Selection};
use super::run::RunSetup;
use super::screens::Screen;
use super::screens::chart::clock;
use super::theme::{Fonts, color, size};
use super::widgets;
use crate::domain::*;
use crate::sim::{SceneViewRes, TraineeViewRes};
use bevy::prelude::*;

#[derive(Component)]
struct Timer;
#[derive(Component)]
struct Objectives;
#[derive(Component)]
struct ToolBox(Tool);
#[derive(Component)]
struct ToolState_;
#[derive(Component)]
struct Status;
/// The container of the log lines.
#[derive(Component)]
pub struct LogLines;
#[derive(Component)]
struct Hint;

fn over_map_panel() -> (Node, BackgroundColor, BorderColor, BlocksWorldClicks) {
    (
        Node {
            position_type: PositionType::Absolute,
            flex_direction: FlexDirection::Column,
            padding: UiRect::axes(px(12), px(8)),
            row_gap: px(3),
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(6)),
            ..default()
        },
        BackgroundColor(color::PANEL_OVER_MAP),
        BorderColor::all(color::BORDER),
        BlocksWorldClicks,
    )
}

fn spawn(mut commands: Commands, setup: Option<Res<RunSetup>>, i18n: Res<I18n>, fonts: Res<Fonts>) {
    let Some(setup) = setup else {
        return;
    };
    let s = &setup.scenario.scenario;
    // Top left: title and timer.
    let mut p = over_map_panel();
    p.0.left = px(10);
    p.0.top = px(10);
    // A fixed width: with only a max width, a long (Russian, Kazakh) title
    // that wraps was measured a line short and the policy spilled out below.
    p.0.width = px(400);
    commands
        .spawn((DespawnOnExit(Screen::Gameplay), p))
        .with_children(|c| {
            c.spawn(widgets::heading(&fonts, i18n.text(&s.title), size::BODY));
            c.spawn((
                Timer,
                Text::new(""),
                super::theme::bold(&fonts, size::HEADING),
                TextColor(color::TEXT),
            ));
            c.spawn(widgets::label(
                i18n.text(&setup.policy.policy.name),
                size::SMALL,
                color::TEXT_DIM,
            ));
        });
    // Top right: objectives.
    let mut p = over_map_panel();
    p.0.right = px(10);
    p.0.top = px(10);
    p.0.max_width = px(400);
    commands
        .spawn((DespawnOnExit(Screen::Gameplay), p))
        .with_children(|c| {
            c.spawn(widgets::label(
                i18n.t("hud-objectives"),
                size::SMALL,
                color::ACCENT,
            ));
            c.spawn((
                Objectives,
                Node {
                    flex_direction: FlexDirection::Column,
                    row_gap: px(2),
                    ..default()
                },
            ));
        });
    // Bottom left: tools and status.
    let mut p = over_map_panel();
    p.0.left = px(10);
    p.0.bottom = px(10);
    p.0.max_width = px(400);
    commands
        .spawn((DespawnOnExit(Screen::Gameplay), p))
        .with_children(|c| {
            c.spawn(Node {
                column_gap: px(4),
                ..default()
            })
            .with_children(|row| {
                for (i, t) in Tool::ALL.into_iter().enumerate() {
                    row.spawn((
                        ToolBox(t),
                        Node {
                            flex_direction: FlexDirection::Column,
                            align_items: AlignItems::Center,
                            padding: UiRect::axes(px(7), px(3)),
                            min_width: px(62),
                            border: UiRect::all(px(2)),
                            border_radius: BorderRadius::all(px(4)),
                            ..default()
                        },
                        BackgroundColor(color::BUTTON),
                        BorderColor::all(color::BORDER),
                        children![
                            (
                                Text::new((i + 1).to_string()),
                                super::theme::bold(&fonts, size::SMALL),
                                TextColor(color::ACCENT)
                            ),
                            widgets::label(
                                i18n.t(&format!("tool_short-{}", t.key())),
                                size::SMALL,
                                color::TEXT
                            ),
                        ],
                    ));
                }
            });
            c.spawn((
                ToolState_,
                Text::new(""),
                super::theme::bold(&fonts, size::BODY),
                TextColor(color::TEXT),
            ));
            c.spawn((
                Status,
                Text::new(""),
                super::theme::font(size::SMALL),
                TextColor(color::TEXT_DIM),
            ));
        });
    // Bottom right: radio and messages.
    let mut p = over_map_panel();
    p.0.right = px(10);
    p.0.bottom = px(10);
    p.0.width = px(440);
    commands
        .spawn((DespawnOnExit(Screen::Gameplay), p))
        .with_children(|c| {
            c.spawn(widgets::label(
                i18n.t("hud-log"),
                size::SMALL,
                color::ACCENT,
            ));
            c.spawn((
                LogLines,
                Node {
                    flex_direction: FlexDirection::Column,
                    row_gap: px(1),
                    ..default()
                },
            ));
        });
    // Bottom centre: what E does, the target, hints.
    commands.spawn((
        DespawnOnExit(Screen::Gameplay),
        Node {
            position_type: PositionType::Absolute,
            bottom: px(10),
            // Between the tool panel (at most 400 wide) and the log (440).
            left: px(415),
            right: px(455),
            justify_content: JustifyContent::Center,
            ..default()
        },
        Pickable::IGNORE,
        // Between the tool panel and the log: narrow, wrapping.
        children![(
            Node {
                padding: UiRect::axes(px(8), px(4)),
                border_radius: BorderRadius::all(px(5)),
                ..default()
            },
            BackgroundColor(Color::srgba(0.0, 0.0, 0.0, 0.55)),
            children![(
                Hint,
                Text::new(""),
                super::theme::font(size::SMALL),
                TextColor(color::TEXT),
                TextLayout::justify(Justify::Center),
            )],
        )],
    ));
}

fn update_timer(
    view: Res<TraineeViewRes>,
    setup: Option<Res<RunSetup>>,
    mut q: Query<&mut Text, With<Timer>>,
) {
    let limit = setup.map(|s| s.scenario.scenario.time_limit).unwrap_or(0.0);
    let line = format!("{} / {}", clock(view.0.t), clock(limit));
    for mut t in &mut q {
        // Only a real change re-lays the text out.
        if t.0 != line {
            t.0.clone_from(&line);
        }
    }
}

fn update_objectives(
    mut commands: Commands,
    view: Res<TraineeViewRes>,
    setup: Option<Res<RunSetup>>,
    i18n: Res<I18n>,
    q: Query<Entity, With<Objectives>>,
    mut shown: Local<Option<(Entity, Vec<String>)>>,
) {
    let Some(setup) = setup else {
        return;
    };
    let Ok(e) = q.single() else {
        return;
    };
    // What the list shows: objectives met, and who is cuffed but not searched.
    let mut key = view.0.objectives_met.clone();
    key.extend(
        view.0
            .subjects
            .iter()
            .filter(|p| p.view.restrained && !p.view.searched)
            .map(|p| format!("cuffed:{}", p.id)),
    );
    let met = &view.0.objectives_met;
    if shown
        .as_ref()
        .is_some_and(|(se, sm)| *se == e && *sm == key)
    {
        return;
    }
    *shown = Some((e, key));
    {
        commands.entity(e).despawn_children();
        commands.entity(e).with_children(|c| {
            for o in &setup.scenario.scenario.objectives {
                let done = met.contains(&o.id);
                let opt = if o.required {
                    String::new()
                } else {
                    format!(" ({})", i18n.t("briefing-optional"))
                };
                // A custody objective half done says what is missing.
                let missing = match &o.goal {
                    crate::scenario::schema::Goal::Custody(id) if !done => view
                        .0
                        .subjects
                        .iter()
                        .find(|p| &p.id == id)
                        .filter(|p| p.view.restrained && !p.view.searched)
                        .map(|_| format!(" ({})", i18n.t("hud-objective-not_searched")))
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                c.spawn(widgets::label(
                    format!(
                        "{}  {}{opt}{missing}",
                        if done { "☑" } else { "☐" },
                        i18n.text(&o.text)
                    ),
                    size::SMALL + 1.0,
                    if done { color::GOOD } else { color::TEXT },
                ));
            }
        });
    }
}

fn update_tools(
    view: Res<TraineeViewRes>,
    i18n: Res<I18n>,
    mut boxes: Query<(&ToolBox, &mut BackgroundColor, &mut BorderColor)>,
    mut state: Query<(&mut Text, &mut TextColor), (With<ToolState_>, Without<Status>)>,
    mut status: Query<&mut Text, (With<Status>, Without<ToolState_>)>,
) {
    let v = &view.0;
    for (b, mut bg, mut border) in &mut boxes {
        let on = b.0 == v.tool;
        bg.0 = if on {
            color::BUTTON_ACTIVE
        } else {
            color::BUTTON
        };
        *border = BorderColor::all(if on { color::ACCENT } else { color::BORDER });
    }
    let (key, col) = match v.tool_state {
        ToolState::Holstered => ("state-holstered", color::TEXT),
        ToolState::Drawn => ("state-drawn", color::WARN),
        ToolState::Aimed => ("state-aimed", color::BAD),
    };
    let tool_line = format!(
        "{}: {}",
        i18n.t(&format!("tool-{}", v.tool.key())),
        i18n.t(key)
    );
    for (mut t, mut c) in &mut state {
        if t.0 != tool_line {
            t.0.clone_from(&tool_line);
            c.0 = col;
        }
    }
    let yes_no = |b: bool| if b { "✓" } else { "✗" };
    let cover = match v.cover {
        Some(crate::scenario::schema::CoverKind::Hard) => i18n.t("cover-hard"),
        Some(crate::scenario::schema::CoverKind::Soft) => i18n.t("cover-soft"),
        None => i18n.t("cover-none"),
    };
    let mut line = format!(
        "{} {}   {} {}\n{}: {}",
        yes_no(v.identified),
        i18n.t("status-identified"),
        yes_no(v.called_in),
        i18n.t("status-called_in"),
        i18n.t("status-cover"),
        cover
    );
    if v.backup_requested {
        line.push_str(&format!("\n✓ {}", i18n.t("status-backup")));
    }
    if v.health > Health::Unhurt {
        line.push_str(&format!(
            "   {}",
            i18n.t(&format!("health-{}", health_key(v.health)))
        ));
    }
    if !v.witnesses.is_empty() {
        line.push_str(&format!(
            "   {}: {}",
            i18n.t("status-witnesses"),
            v.witnesses.len()
        ));
    }
    // A subject last seen running and not in cuffs: the alert stays up.
    if v.subjects
        .iter()
        .any(|s| !s.view.restrained && s.view.cues.contains(&Cue::Running))
    {
        line.push_str(&format!("\n{}", i18n.t("hud-alert-flight")));
    }
    for mut t in &mut status {
        if t.0 != line {
            t.0.clone_from(&line);
        }
    }
}

/// The key part of a health state.
pub fn health_key(h: Health) -> &'static str {
    match h {
        Health::Unhurt => "unhurt",
        Health::Minor => "minor",
        Health::Serious => "serious",
        Health::Dead => "dead",
    }
}

#[allow(clippy::too_many_arguments)]
fn update_hint(
    view: Res<TraineeViewRes>,
    scene: Res<SceneViewRes>,
    setup: Option<Res<RunSetup>>,
    selection: Res<Selection>,
    menu: Res<CommandMenu>,
    names: Res<Names>,
    i18n: Res<I18n>,
    mut q: Query<&mut Text, With<Hint>>,
) {
    let ctx = BindingContext {
        view: &view.0,
        scenario: setup.as_ref().map(|s| &s.scenario.scenario),
        cursor: None,
        hovered: selection.hovered.as_deref(),
        selected: selection.selected.as_deref(),
        menu: menu.0,
        over_ui: false,
        lock_on: selection.lock_on,
    };
    let name_of = |id: &str| {
        scene
            .0
            .people
            .iter()
            .find(|p| p.id == id)
            .map(|d| display_name(&names, &i18n, d))
            .unwrap_or_else(|| id.replace('_', " "))
    };
    let mut parts = Vec::new();
    if let Some(sel) = &selection.selected {
        let d =
            scene.0.people.iter().find(|p| &p.id == sel).map(|p| {
                ((p.pos.0 - view.0.pos.0).powi(2) + (p.pos.1 - view.0.pos.1).powi(2)).sqrt()
            });
        parts.push(i18n.f(
            "hud-target",
            &[
                ("who", &name_of(sel)),
                ("m", &format!("{:.1}", d.unwrap_or(0.0))),
            ],
        ));
        if selection.lock_on {
            parts.push(i18n.t("hud-locked").to_string());
        }
    }
    if let Some(a) = interact(&ctx) {
        let what = i18n.t(&act_key(a.act));
        let who = a
            .target
            .as_deref()
            .filter(|t| !view.0.doors.iter().any(|d| d.id == *t))
            .map(|t| format!(" — {}", name_of(t)))
            .unwrap_or_default();
        parts.push(format!("E: {what}{who}"));
    }
    parts.push(
        i18n.t(if menu.0.is_some() {
            "hud-hint_menu"
        } else {
            "hud-hint"
        })
        .to_string(),
    );
    let line = parts.join("\n");
    for mut t in &mut q {
        if t.0 != line {
            t.0.clone_from(&line);
        }
    }
}

/// Registers the HUD.
pub fn plugin(app: &mut App) {
    app.add_plugins(messages::plugin)
        .add_systems(OnEnter(Screen::Gameplay), spawn)
        .add_systems(
            Update,
            (
                update_timer,
                update_objectives,
                update_tools,
                update_hint,
                messages::show,
            )
                .run_if(in_state(Screen::Gameplay)),
        );
}
