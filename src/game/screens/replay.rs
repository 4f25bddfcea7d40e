//! The replay of the run just played: the same drawing as gameplay (fog from
//! the trainee's sight at the time), a time bar with the findings marked,
//! play/pause, speed and seeking.

use super::{Screen, chart};
use crate::events::TICK_HZ;
use crate::game::gameplay::camera::BlocksWorldClicks;
use crate::game::i18n::I18n;
use crate::game::run::RunState;
use crate::game::theme::{Fonts, color, size};
use crate::game::widgets;
use crate::sim::SceneViewRes;
use bevy::prelude::*;
use bevy::ui::RelativeCursorPosition;

/// Where the replay is.
#[derive(Resource, Debug, Clone, Copy)]
pub struct ReplayClock {
    /// Current tick (fractional).
    pub tick: f32,
    /// Playing or paused.
    pub playing: bool,
    /// Speed multiplier.
    pub speed: f32,
}

impl Default for ReplayClock {
    fn default() -> Self {
        ReplayClock {
            tick: 0.0,
            playing: true,
            speed: 1.0,
        }
    }
}

#[derive(Component)]
struct TimeText;
/// The replay's time bar (click to jump).
#[derive(Component)]
pub struct Bar;
#[derive(Component)]
struct Cursor;
#[derive(Component)]
struct FindingText;

/// Buttons of the replay.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplayAction {
    /// Play or pause.
    PlayPause,
    /// Change speed.
    Speed,
    /// Back to the debrief.
    Back,
}

/// The index of the frame shown at `tick`: the last one at or before it.
pub fn frame_at(ticks: &[u32], tick: f32) -> usize {
    ticks
        .partition_point(|t| (*t as f32) <= tick)
        .saturating_sub(1)
}

fn last_tick(state: &RunState) -> f32 {
    state.replay.last().map(|f| f.tick as f32).unwrap_or(0.0)
}

/// Spawns the replay's bars.
pub fn spawn(
    mut commands: Commands,
    state: Res<RunState>,
    i18n: Res<I18n>,
    fonts: Res<Fonts>,
    review: Option<Res<crate::game::review::Review>>,
) {
    commands.insert_resource(ReplayClock::default());
    let t = |k: &str| i18n.t(k).to_string();
    let end = last_tick(&state).max(1.0) / TICK_HZ as f32;
    commands
        .spawn((
            DespawnOnExit(Screen::Replay),
            BlocksWorldClicks,
            Node {
                position_type: PositionType::Absolute,
                left: px(10),
                top: px(10),
                padding: UiRect::axes(px(12), px(8)),
                column_gap: px(12),
                align_items: AlignItems::Center,
                border_radius: BorderRadius::all(px(6)),
                ..default()
            },
            BackgroundColor(color::PANEL_OVER_MAP),
        ))
        .with_children(|p| {
            p.spawn(widgets::heading(&fonts, t("replay-title"), size::HEADING));
            p.spawn((
                TimeText,
                Text::new(""),
                crate::game::theme::bold(&fonts, size::BODY),
                TextColor(color::TEXT),
            ));
            p.spawn(widgets::button(
                &fonts,
                t("replay-play_pause"),
                ReplayAction::PlayPause,
            ));
            p.spawn(widgets::button(
                &fonts,
                t("replay-speed"),
                ReplayAction::Speed,
            ));
            p.spawn(widgets::button(
                &fonts,
                t(if review.is_some() {
                    "review-back"
                } else {
                    "replay-back"
                }),
                ReplayAction::Back,
            ));
        });
    commands
        .spawn((
            DespawnOnExit(Screen::Replay),
            BlocksWorldClicks,
            Node {
                position_type: PositionType::Absolute,
                left: px(10),
                right: px(10),
                bottom: px(10),
                flex_direction: FlexDirection::Column,
                padding: UiRect::axes(px(12), px(8)),
                row_gap: px(6),
                border_radius: BorderRadius::all(px(6)),
                ..default()
            },
            BackgroundColor(color::PANEL_OVER_MAP),
        ))
        .with_children(|p| {
            p.spawn((
                FindingText,
                Text::new(""),
                crate::game::theme::font(size::BODY),
                TextColor(color::TEXT),
            ));
            p.spawn((
                Bar,
                Button,
                RelativeCursorPosition::default(),
                Node {
                    height: px(22),
                    border: UiRect::all(px(1)),
                    ..default()
                },
                BackgroundColor(Color::srgba(1.0, 1.0, 1.0, 0.08)),
                BorderColor::all(color::BORDER),
            ))
            .with_children(|bar| {
                if let Some(card) = &state.score {
                    for f in &card.findings {
                        bar.spawn((
                            Node {
                                position_type: PositionType::Absolute,
                                left: percent((f.t / end * 100.0).clamp(0.0, 99.5)),
                                width: px(3),
                                height: percent(100),
                                ..default()
                            },
                            BackgroundColor(if f.points < 0.0 {
                                color::BAD
                            } else {
                                color::GOOD
                            }),
                        ));
                    }
                }
                bar.spawn((
                    Cursor,
                    Node {
                        position_type: PositionType::Absolute,
                        left: percent(0),
                        width: px(3),
                        height: percent(100),
                        ..default()
                    },
                    BackgroundColor(Color::WHITE),
                ));
            });
            p.spawn(widgets::label(
                t("replay-keys"),
                size::SMALL,
                color::TEXT_DIM,
            ));
        });
}

/// Play, pause, speed, seeking and back (the keys stand aside while the
/// evaluator types a note in a review).
#[allow(clippy::too_many_arguments)]
pub fn control(
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    buttons: Query<(&Interaction, &ReplayAction), Changed<Interaction>>,
    bar: Query<&RelativeCursorPosition, With<Bar>>,
    state: Res<RunState>,
    time: Res<Time<Real>>,
    mut clock: ResMut<ReplayClock>,
    mut next: ResMut<NextState<Screen>>,
    review: Option<Res<crate::game::review::Review>>,
) {
    let end = last_tick(&state);
    let typing = review.as_ref().is_some_and(|r| r.typing());
    let keys = if typing {
        &ButtonInput::default()
    } else {
        &*keys
    };
    let mut action = None;
    for (i, a) in &buttons {
        if *i == Interaction::Pressed {
            action = Some(*a);
        }
    }
    if keys.just_pressed(KeyCode::Space) {
        action = Some(ReplayAction::PlayPause);
    }
    if keys.just_pressed(KeyCode::KeyS) {
        action = Some(ReplayAction::Speed);
    }
    if keys.just_pressed(KeyCode::Escape) || keys.just_pressed(KeyCode::Backspace) {
        action = Some(ReplayAction::Back);
    }
    match action {
        Some(ReplayAction::PlayPause) => {
            if clock.tick >= end {
                clock.tick = 0.0;
            }
            clock.playing = !clock.playing;
        }
        Some(ReplayAction::Speed) => {
            clock.speed = match clock.speed {
                s if s < 1.5 => 2.0,
                s if s < 3.0 => 4.0,
                _ => 1.0,
            }
        }
        // A saved session under review has no debrief: back to the menu.
        Some(ReplayAction::Back) if review.is_some() => next.set(Screen::Menu),
        Some(ReplayAction::Back) => next.set(Screen::Debrief),
        None => {}
    }
    if keys.just_pressed(KeyCode::ArrowRight) {
        clock.tick = (clock.tick + 300.0).min(end);
    }
    if keys.just_pressed(KeyCode::ArrowLeft) {
        clock.tick = (clock.tick - 300.0).max(0.0);
    }
    // A click shorter than a frame (the software renderer runs at 5-8 fps)
    // is released before `pressed` is read: `just_pressed` still holds it.
    if (mouse.pressed(MouseButton::Left) || mouse.just_pressed(MouseButton::Left))
        && let Ok(rel) = bar.single()
        && rel.cursor_over()
        && let Some(n) = rel.normalized
    {
        // `normalized` runs -0.5..0.5 across the node.
        clock.tick = ((n.x + 0.5).clamp(0.0, 1.0)) * end;
    }
    if clock.playing {
        clock.tick += time.delta_secs() * TICK_HZ as f32 * clock.speed;
        if clock.tick >= end {
            clock.tick = end;
            clock.playing = false;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn show(
    clock: Res<ReplayClock>,
    state: Res<RunState>,
    i18n: Res<I18n>,
    mut scene: ResMut<SceneViewRes>,
    mut time_text: Query<&mut Text, (With<TimeText>, Without<FindingText>)>,
    mut finding_text: Query<&mut Text, (With<FindingText>, Without<TimeText>)>,
    mut cursor: Query<&mut Node, With<Cursor>>,
    mut ticks: Local<Vec<u32>>,
) {
    if ticks.len() != state.replay.len() {
        *ticks = state.replay.iter().map(|f| f.tick).collect();
    }
    let end = last_tick(&state).max(1.0);
    if let Some(frame) = state.replay.get(frame_at(&ticks, clock.tick))
        && scene.0 != frame.scene
    {
        scene.0.clone_from(&frame.scene);
    }
    let t = clock.tick / TICK_HZ as f32;
    for mut text in &mut time_text {
        let line = format!(
            "{} / {}   ×{}{}",
            chart::clock(t),
            chart::clock(end / TICK_HZ as f32),
            clock.speed,
            if clock.playing { "" } else { "  ❚❚" }
        );
        if text.0 != line {
            text.0 = line;
        }
    }
    for mut node in &mut cursor {
        node.left = percent((clock.tick / end * 100.0).clamp(0.0, 99.5));
    }
    let latest = state.score.as_ref().and_then(|c| {
        c.findings
            .iter()
            .rev()
            .find(|f| f.t <= t + 0.05)
            .map(|f| (c, f))
    });
    let line = match latest {
        Some((c, f)) => format!(
            "{}  {:+.0}  {}",
            crate::i18n::clock_text(f.t),
            f.points,
            c.text(f, i18n.lang())
        ),
        None => i18n.t("replay-no_finding_yet").to_string(),
    };
    for mut text in &mut finding_text {
        if text.0 != line {
            text.0.clone_from(&line);
        }
    }
}

/// Registers the replay.
pub fn plugin(app: &mut App) {
    app.init_resource::<ReplayClock>()
        .add_systems(OnEnter(Screen::Replay), spawn)
        .add_systems(
            Update,
            (control, show).chain().run_if(in_state(Screen::Replay)),
        );
}

#[cfg(test)]
mod tests {
    #[test]
    fn frame_lookup_takes_the_last_frame_at_or_before() {
        let ticks = [0, 6, 12, 18];
        assert_eq!(super::frame_at(&ticks, 0.0), 0);
        assert_eq!(super::frame_at(&ticks, 5.9), 0);
        assert_eq!(super::frame_at(&ticks, 6.0), 1);
        assert_eq!(super::frame_at(&ticks, 100.0), 3);
    }
}
