//! The main menu: scenario picker (title, kind, risk, learning objectives),
//! trainee id, policy and language.

use super::Screen;
use crate::domain::Lang;
use crate::game::GameOptions;
use crate::game::catalog::Catalog;
use crate::game::i18n::I18n;
use crate::game::run::RunSetup;
use crate::game::theme::{Fonts, color, size};
use crate::game::widgets::{self, Chosen, Scrollable};
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;

/// What is chosen in the menu.
#[derive(Resource, Debug, Clone, Default)]
pub struct MenuChoice {
    /// Index into the catalog's scenarios.
    pub scenario: usize,
    /// Policy id; `None` takes the scenario's own.
    pub policy: Option<String>,
    /// Trainee id.
    pub trainee: String,
    /// The trainee field has the keyboard.
    pub typing: bool,
    /// Why the last attempt to continue failed.
    pub error: Option<String>,
}

/// Buttons of the menu.
#[derive(Component, Debug, Clone, PartialEq)]
pub enum MenuAction {
    /// Pick a scenario.
    Scenario(usize),
    /// Switch language.
    Lang(Lang),
    /// Pick a policy (`None`: the scenario's).
    Policy(Option<String>),
    /// Give the trainee field the keyboard.
    EditTrainee,
    /// Review the interrupted session N (of [`InterruptedSessions`]).
    Review(usize),
    /// Go to the briefing.
    Continue,
    /// Quit the program.
    Quit,
}

#[derive(Component)]
struct MenuRoot;

/// Sessions in the sessions folder that never ended (the game was closed or
/// killed mid-run), newest first: offered for review so none is lost.
#[derive(Resource, Debug, Clone, Default)]
pub struct InterruptedSessions(pub Vec<crate::session::interrupted::Interrupted>);

/// At most this many interrupted sessions are listed (the newest).
pub const INTERRUPTED_SHOWN: usize = 5;

fn find_interrupted(mut commands: Commands, options: Res<GameOptions>) {
    commands.insert_resource(InterruptedSessions(crate::session::interrupted::find(
        &options.sessions_dir,
    )));
}

/// Opens interrupted session `i` in the replay for review, or says why not.
fn review_interrupted(world: &mut World, i: usize) {
    let Some(s) = world.resource::<InterruptedSessions>().0.get(i).cloned() else {
        return;
    };
    let lang = world.resource::<I18n>().lang();
    match crate::game::review::open(&s.path, None, None, lang) {
        Ok(opened) => crate::game::review::show(world, &s.path, opened),
        Err(e) => world.resource_mut::<MenuChoice>().error = Some(e.render(lang)),
    }
}

/// Longest trainee id accepted.
pub const TRAINEE_MAX: usize = 24;

fn spawn_menu(
    mut commands: Commands,
    old: Query<Entity, With<MenuRoot>>,
    catalog: Res<Catalog>,
    i18n: Res<I18n>,
    fonts: Res<Fonts>,
    choice: Res<MenuChoice>,
    interrupted: Option<Res<InterruptedSessions>>,
) {
    for e in &old {
        commands.entity(e).despawn();
    }
    let t = |k: &str| i18n.t(k).to_string();
    let root = commands
        .spawn((
            MenuRoot,
            DespawnOnExit(Screen::Menu),
            widgets::screen_root(),
        ))
        .id();

    // Title bar with the language switch.
    let title_bar = commands
        .spawn(Node {
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            ..default()
        })
        .with_children(|bar| {
            bar.spawn(Node {
                flex_direction: FlexDirection::Column,
                ..default()
            })
            .with_children(|c| {
                c.spawn(widgets::heading(&fonts, t("app-title"), size::TITLE));
                c.spawn(widgets::label(
                    t("app-subtitle"),
                    size::BODY,
                    color::TEXT_DIM,
                ));
            });
            bar.spawn(Node {
                column_gap: px(8),
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|langs| {
                langs.spawn(widgets::label(
                    t("menu-language"),
                    size::BODY,
                    color::TEXT_DIM,
                ));
                for l in Lang::ALL {
                    let mut b =
                        langs.spawn(widgets::button(&fonts, lang_name(l), MenuAction::Lang(l)));
                    if l == i18n.lang() {
                        b.insert(Chosen);
                    }
                }
            });
        })
        .id();

    let body = commands
        .spawn(Node {
            flex_grow: 1.0,
            column_gap: px(16),
            min_height: px(0),
            ..default()
        })
        .id();

    // Scenario list.
    let list = commands
        .spawn((
            Scrollable,
            widgets::panel(Node {
                width: px(470),
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(12)),
                row_gap: px(6),
                border: UiRect::all(px(1)),
                border_radius: BorderRadius::all(px(6)),
                overflow: Overflow::scroll_y(),
                ..default()
            }),
        ))
        .with_children(|list| {
            let interrupted = interrupted.as_ref().map_or(&[][..], |s| &s.0[..]);
            if !interrupted.is_empty() {
                list.spawn(widgets::label(
                    t("menu-interrupted"),
                    size::BODY,
                    color::WARN,
                ));
            }
            for (i, s) in interrupted.iter().take(INTERRUPTED_SHOWN).enumerate() {
                list.spawn(Node {
                    column_gap: px(8),
                    align_items: AlignItems::Center,
                    flex_shrink: 0.0,
                    ..default()
                })
                .with_children(|row| {
                    row.spawn(widgets::button(
                        &fonts,
                        t("menu-interrupted-review"),
                        MenuAction::Review(i),
                    ));
                    row.spawn(widgets::label(
                        i18n.f(
                            "menu-interrupted-entry",
                            &[
                                ("trainee", &s.trainee),
                                ("scenario", &s.scenario),
                                ("date", &s.started_at.replace('T', " ")),
                                ("duration", &super::chart::clock(s.duration)),
                            ],
                        ),
                        size::SMALL,
                        color::TEXT,
                    ));
                });
            }
            list.spawn(widgets::heading(&fonts, t("menu-scenarios"), size::HEADING));
            if catalog.scenarios.is_empty() {
                list.spawn(widgets::label(
                    t("menu-no_scenarios"),
                    size::BODY,
                    color::WARN,
                ));
            }
            for (i, entry) in catalog.scenarios.iter().enumerate() {
                let (title, sub, sub_color) = match &entry.loaded {
                    Ok(l) => (
                        i18n.text(&l.scenario.title).to_string(),
                        format!(
                            "{} · {}",
                            i18n.t(&format!("kind-{}", l.scenario.kind.key())),
                            i18n.t(&format!("risk-{}", l.scenario.risk.key()))
                        ),
                        color::TEXT_DIM,
                    ),
                    Err(errs) => (
                        entry.path.display().to_string(),
                        errs.first().cloned().unwrap_or_default(),
                        color::BAD,
                    ),
                };
                let mut b = list.spawn((
                    Button,
                    MenuAction::Scenario(i),
                    Node {
                        flex_direction: FlexDirection::Column,
                        padding: UiRect::axes(px(12), px(8)),
                        border: UiRect::all(px(1)),
                        border_radius: BorderRadius::all(px(5)),
                        row_gap: px(2),
                        ..default()
                    },
                    BackgroundColor(color::BUTTON),
                    BorderColor::all(color::BORDER),
                    children![
                        (
                            Text::new(title),
                            crate::game::theme::bold(&fonts, size::BODY),
                            TextColor(color::TEXT)
                        ),
                        widgets::label(sub, size::SMALL, sub_color),
                    ],
                ));
                if i == choice.scenario {
                    b.insert(Chosen);
                }
            }
        })
        .id();

    // Details of the chosen scenario and the run settings.
    let details = commands
        .spawn(widgets::panel(Node {
            flex_grow: 1.0,
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(16)),
            row_gap: px(10),
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(6)),
            ..default()
        }))
        .id();
    if let Some(entry) = catalog.scenarios.get(choice.scenario)
        && let Ok(l) = &entry.loaded
    {
        let s = &l.scenario;
        commands.entity(details).with_children(|d| {
            d.spawn(widgets::heading(&fonts, i18n.text(&s.title), size::HEADING));
            d.spawn(widgets::label(
                format!(
                    "{} · {} · {}",
                    i18n.t(&format!("kind-{}", s.kind.key())),
                    i18n.t(&format!("risk-{}", s.risk.key())),
                    i18n.f(
                        "menu-time_limit",
                        &[("min", &format!("{:.0}", (s.time_limit / 60.0).ceil()))]
                    )
                ),
                size::BODY,
                color::TEXT_DIM,
            ));
            d.spawn(widgets::label(
                t("menu-objectives"),
                size::BODY,
                color::ACCENT,
            ));
            for o in &s.learning_objectives {
                d.spawn(widgets::label(
                    format!("•  {}", i18n.text(o)),
                    size::BODY,
                    color::TEXT,
                ));
            }
        });
    }
    commands.entity(details).with_children(|d| {
        d.spawn(Node {
            flex_grow: 1.0,
            ..default()
        });
        // Trainee id.
        d.spawn(Node {
            column_gap: px(10),
            align_items: AlignItems::Center,
            ..default()
        })
        .with_children(|row| {
            row.spawn(widgets::label(
                t("menu-trainee"),
                size::BODY,
                color::TEXT_DIM,
            ));
            let (shown, shown_color) = if choice.typing {
                (format!("{}▏", choice.trainee), color::TEXT)
            } else if choice.trainee.is_empty() {
                (t("menu-trainee_hint"), color::TEXT_DIM)
            } else {
                (choice.trainee.clone(), color::TEXT)
            };
            let mut b = row.spawn((
                Button,
                MenuAction::EditTrainee,
                Node {
                    width: px(300),
                    padding: UiRect::axes(px(10), px(6)),
                    border: UiRect::all(px(2)),
                    border_radius: BorderRadius::all(px(4)),
                    ..default()
                },
                BackgroundColor(color::BUTTON),
                BorderColor::all(if choice.typing {
                    color::ACCENT
                } else {
                    color::BORDER
                }),
                children![widgets::label(shown, size::BODY, shown_color)],
            ));
            if choice.typing {
                b.insert(Chosen);
            }
        });
        // Policy.
        d.spawn(Node {
            column_gap: px(8),
            row_gap: px(6),
            align_items: AlignItems::Center,
            flex_wrap: FlexWrap::Wrap,
            ..default()
        })
        .with_children(|row| {
            row.spawn(widgets::label(
                t("menu-policy"),
                size::BODY,
                color::TEXT_DIM,
            ));
            let own = catalog
                .scenarios
                .get(choice.scenario)
                .and_then(|e| e.loaded.as_ref().ok())
                .map(|l| l.scenario.policy.clone())
                .unwrap_or_default();
            let own_name = catalog
                .policy(&own)
                .map(|p| policy_short_name(&i18n, &p.id, i18n.text(&p.loaded.policy.name)))
                .unwrap_or(own);
            let mut b = row.spawn(widgets::button(
                &fonts,
                format!("{} ({own_name})", t("menu-policy_scenario")),
                MenuAction::Policy(None),
            ));
            if choice.policy.is_none() {
                b.insert(Chosen);
            }
            for p in &catalog.policies {
                let mut b = row.spawn(widgets::button(
                    &fonts,
                    policy_short_name(&i18n, &p.id, i18n.text(&p.loaded.policy.name)),
                    MenuAction::Policy(Some(p.id.clone())),
                ));
                if choice.policy.as_deref() == Some(p.id.as_str()) {
                    b.insert(Chosen);
                }
            }
        });
        if let Some(err) = &choice.error {
            d.spawn(widgets::label(err.clone(), size::BODY, color::BAD));
        }
        d.spawn(Node {
            column_gap: px(12),
            align_items: AlignItems::Center,
            ..default()
        })
        .with_children(|row| {
            row.spawn(widgets::primary_button(
                &fonts,
                t("menu-continue"),
                MenuAction::Continue,
            ));
            row.spawn(widgets::button(&fonts, t("menu-quit"), MenuAction::Quit));
            row.spawn(widgets::label(t("menu-keys"), size::SMALL, color::TEXT_DIM));
        });
    });

    commands.entity(body).add_children(&[list, details]);
    commands.entity(root).add_children(&[title_bar, body]);
}

/// The policy's short name for a button.
fn policy_short_name(i18n: &I18n, id: &str, full: &str) -> String {
    let key = format!("policy-{id}");
    let t = i18n.t(&key);
    if t == key {
        full.to_string()
    } else {
        t.to_string()
    }
}

/// A language's own name.
pub fn lang_name(l: Lang) -> &'static str {
    match l {
        Lang::En => "English",
        Lang::Ru => "Русский",
        Lang::Kk => "Қазақша",
    }
}

fn on_click(
    buttons: Query<(&Interaction, &MenuAction), Changed<Interaction>>,
    mut choice: ResMut<MenuChoice>,
    mut i18n: ResMut<I18n>,
    mut options: ResMut<GameOptions>,
    mut commands: Commands,
    mut exit: MessageWriter<AppExit>,
) {
    for (interaction, action) in &buttons {
        if *interaction != Interaction::Pressed {
            continue;
        }
        choice.typing = *action == MenuAction::EditTrainee;
        match action {
            MenuAction::Scenario(i) => choice.scenario = *i,
            MenuAction::Lang(l) => {
                *i18n = I18n::new(*l);
                options.lang = *l;
            }
            MenuAction::Policy(p) => choice.policy = p.clone(),
            MenuAction::EditTrainee => {}
            MenuAction::Review(i) => {
                let i = *i;
                commands.queue(move |world: &mut World| review_interrupted(world, i));
            }
            MenuAction::Continue => commands.run_system_cached(continue_to_briefing),
            MenuAction::Quit => {
                exit.write(AppExit::Success);
            }
        }
    }
}

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut typed: MessageReader<KeyboardInput>,
    mut choice: ResMut<MenuChoice>,
    catalog: Res<Catalog>,
    mut commands: Commands,
) {
    if choice.typing {
        for ev in typed.read() {
            if !ev.state.is_pressed() {
                continue;
            }
            match &ev.logical_key {
                Key::Character(s) => {
                    for c in s.chars() {
                        if (c.is_alphanumeric() || c == '-' || c == '_' || c == '.')
                            && choice.trainee.chars().count() < TRAINEE_MAX
                        {
                            choice.trainee.push(c);
                        }
                    }
                }
                Key::Backspace => {
                    choice.trainee.pop();
                }
                Key::Escape => choice.typing = false,
                _ => {}
            }
        }
    } else {
        typed.clear();
    }
    let n = catalog.scenarios.len();
    if n > 0 && keys.just_pressed(KeyCode::ArrowDown) {
        choice.scenario = (choice.scenario + 1) % n;
    }
    if n > 0 && keys.just_pressed(KeyCode::ArrowUp) {
        choice.scenario = (choice.scenario + n - 1) % n;
    }
    if keys.just_pressed(KeyCode::Enter) || keys.just_pressed(KeyCode::NumpadEnter) {
        choice.typing = false;
        commands.run_system_cached(continue_to_briefing);
    }
}

/// Prepares the run from the menu's choice and opens the briefing.
pub fn continue_to_briefing(
    mut choice: ResMut<MenuChoice>,
    catalog: Res<Catalog>,
    options: Res<GameOptions>,
    i18n: Res<I18n>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(entry) = catalog.scenarios.get(choice.scenario) else {
        choice.error = Some(i18n.t("menu-no_scenarios").to_string());
        return;
    };
    let trainee = if choice.trainee.trim().is_empty() {
        "cadet".to_string()
    } else {
        choice.trainee.trim().to_string()
    };
    match crate::game::run::prepare(
        &entry.path,
        choice.policy.as_deref(),
        &trainee,
        i18n.lang(),
        options.seed,
    ) {
        Ok(setup) => {
            choice.error = None;
            commands.insert_resource::<RunSetup>(setup);
            next.set(Screen::Briefing);
        }
        Err(e) => choice.error = Some(e),
    }
}

fn init_choice(
    mut commands: Commands,
    options: Res<GameOptions>,
    existing: Option<Res<MenuChoice>>,
) {
    if existing.is_none() {
        commands.insert_resource(MenuChoice {
            // The default id is a hint in the empty field, not text to delete.
            trainee: if options.trainee == GameOptions::default().trainee {
                String::new()
            } else {
                options.trainee.clone()
            },
            policy: options.policy.clone(),
            ..default()
        });
    }
}

/// Registers the menu.
pub fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Menu),
        (init_choice, find_interrupted, spawn_menu).chain(),
    )
    .add_systems(
        Update,
        (
            (on_click, keys).chain(),
            spawn_menu.run_if(
                resource_exists::<MenuChoice>
                    .and_then(resource_changed::<MenuChoice>.or_else(resource_changed::<I18n>)),
            ),
        )
            .chain()
            .run_if(in_state(Screen::Menu)),
    );
}
