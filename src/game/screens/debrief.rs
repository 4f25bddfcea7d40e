//! The debrief: total, pass or fail, sub-scores, findings with their citations,
//! the timeline chart, where the session was saved; replay, retry, menu.

use super::{Screen, chart};
use crate::events::TICK_HZ;
use crate::game::i18n::I18n;
use crate::game::run::{RunSetup, RunState};
use crate::game::theme::{Fonts, color, size};
use crate::game::widgets::{self, Scrollable};
use crate::sim::SimLog;
use bevy::prelude::*;

/// Buttons of the debrief.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum DebriefAction {
    /// Watch the run again.
    Replay,
    /// Play the scenario again with a new seed.
    Retry,
    /// Back to the menu.
    Menu,
}

fn spawn(
    mut commands: Commands,
    setup: Option<Res<RunSetup>>,
    state: Res<RunState>,
    log: Res<SimLog>,
    i18n: Res<I18n>,
    fonts: Res<Fonts>,
) {
    let Some(setup) = setup else {
        return;
    };
    let s = &setup.scenario.scenario;
    let t = |k: &str| i18n.t(k).to_string();
    let card = state.score.as_ref();
    let duration = state
        .replay
        .last()
        .map(|f| f.tick as f32 / TICK_HZ as f32)
        .unwrap_or(0.0);
    let end = state
        .end
        .map(|e| i18n.t(&format!("end-{}", end_key(e))).to_string())
        .unwrap_or_default();
    let tl = chart::timeline(&log.0, &setup.policy.policy, card);
    commands
        .spawn((DespawnOnExit(Screen::Debrief), widgets::screen_root()))
        .with_children(|root| {
            root.spawn(Node {
                justify_content: JustifyContent::SpaceBetween,
                align_items: AlignItems::End,
                ..default()
            })
            .with_children(|h| {
                h.spawn(widgets::heading(
                    &fonts,
                    format!("{}: {}", t("debrief-title"), i18n.text(&s.title)),
                    size::HEADING + 4.0,
                ));
                h.spawn(widgets::label(
                    format!(
                        "{} · {} · {} · {}",
                        end,
                        chart::clock(duration),
                        setup.trainee,
                        i18n.f("briefing-seed", &[("seed", &setup.seed.to_string())])
                    ),
                    size::BODY,
                    color::TEXT_DIM,
                ));
            });
            root.spawn(Node {
                column_gap: px(14),
                flex_grow: 1.0,
                min_height: px(0),
                ..default()
            })
            .with_children(|cols| {
                // Total and sub-scores.
                cols.spawn(widgets::panel(Node {
                    width: px(330),
                    flex_shrink: 0.0,
                    flex_direction: FlexDirection::Column,
                    padding: UiRect::all(px(14)),
                    row_gap: px(6),
                    border: UiRect::all(px(1)),
                    border_radius: BorderRadius::all(px(6)),
                    ..default()
                }))
                .with_children(|p| match card {
                    Some(card) => {
                        p.spawn(widgets::label(
                            i18n.f(
                                "debrief-policy",
                                &[("policy", i18n.text(&setup.policy.policy.name))],
                            ),
                            size::SMALL,
                            color::TEXT_DIM,
                        ));
                        p.spawn((
                            Text::new(format!("{:.0} / 100", card.total)),
                            crate::game::theme::bold(&fonts, 40.0),
                            TextColor(color::TEXT),
                        ));
                        let (verdict, col) = if card.passed {
                            (t("debrief-pass"), color::GOOD)
                        } else {
                            (t("debrief-fail"), color::BAD)
                        };
                        p.spawn((
                            Text::new(verdict),
                            crate::game::theme::bold(&fonts, size::HEADING + 4.0),
                            TextColor(col),
                        ));
                        p.spawn(widgets::label(
                            i18n.f(
                                "debrief-pass_mark",
                                &[("mark", &format!("{:.0}", card.pass_mark))],
                            ),
                            size::SMALL,
                            color::TEXT_DIM,
                        ));
                        if card.findings.iter().any(|f| f.critical) {
                            p.spawn(widgets::label(
                                t("debrief-critical"),
                                size::SMALL,
                                color::BAD,
                            ));
                        }
                        for c in &card.categories {
                            // Name and bar together, never squeezed: with a
                            // critical note and a two-line policy name the
                            // column is full, and shrinking bars vanished.
                            let mut group = p.spawn(Node {
                                flex_direction: FlexDirection::Column,
                                flex_shrink: 0.0,
                                row_gap: px(3),
                                ..default()
                            });
                            group.with_child(widgets::label(
                                format!(
                                    "{}: {:.0}",
                                    i18n.t(&format!("category-{}", c.category.key())),
                                    c.score
                                ),
                                size::BODY,
                                color::TEXT,
                            ));
                            group.with_child((
                                Node {
                                    height: px(8),
                                    width: percent(100),
                                    flex_shrink: 0.0,
                                    ..default()
                                },
                                BackgroundColor(Color::srgba(1.0, 1.0, 1.0, 0.08)),
                                children![(
                                    Node {
                                        width: percent(c.score.clamp(0.0, 100.0)),
                                        height: percent(100),
                                        ..default()
                                    },
                                    BackgroundColor(if c.score >= card.pass_mark {
                                        color::GOOD
                                    } else {
                                        color::WARN
                                    }),
                                )],
                            ));
                        }
                    }
                    None => {
                        p.spawn(widgets::label(
                            t("debrief-no_score"),
                            size::BODY,
                            color::WARN,
                        ));
                    }
                });
                // Findings.
                cols.spawn((
                    Scrollable,
                    widgets::panel(Node {
                        flex_grow: 1.0,
                        flex_direction: FlexDirection::Column,
                        padding: UiRect::all(px(14)),
                        row_gap: px(8),
                        border: UiRect::all(px(1)),
                        border_radius: BorderRadius::all(px(6)),
                        overflow: Overflow::scroll_y(),
                        ..default()
                    }),
                ))
                .with_children(|p| {
                    p.spawn(widgets::label(
                        t("debrief-findings"),
                        size::HEADING,
                        color::ACCENT,
                    ));
                    let findings = card.map(|c| c.findings.as_slice()).unwrap_or(&[]);
                    if findings.is_empty() {
                        p.spawn(widgets::label(
                            t("debrief-no_findings"),
                            size::BODY,
                            color::TEXT_DIM,
                        ));
                    }
                    for f in findings {
                        let col = if f.critical {
                            color::BAD
                        } else if f.points < 0.0 {
                            color::WARN
                        } else {
                            color::GOOD
                        };
                        p.spawn(Node {
                            flex_direction: FlexDirection::Column,
                            flex_shrink: 0.0,
                            row_gap: px(2),
                            ..default()
                        })
                        .with_children(|row| {
                            row.spawn((
                                Text::new(format!(
                                    "{}   {:+.0}   {}",
                                    crate::i18n::clock_text(f.t),
                                    f.points,
                                    i18n.t(&format!("category-{}", f.category.key()))
                                )),
                                crate::game::theme::bold(&fonts, size::SMALL),
                                TextColor(col),
                            ));
                            let (text, citation) = match card {
                                Some(c) => (c.text(f, i18n.lang()), c.citation(f, i18n.lang())),
                                None => (String::new(), ""),
                            };
                            row.spawn(widgets::label(text, size::BODY, color::TEXT));
                            // The citation only: the rule id (`force.proportionality`)
                            // is for instructors and is in the saved record.
                            row.spawn(widgets::label(
                                citation.to_string(),
                                size::SMALL,
                                color::TEXT_DIM,
                            ));
                        });
                    }
                });
            });
            // Timeline.
            root.spawn(widgets::panel(Node {
                height: px(200),
                flex_shrink: 0.0,
                padding: UiRect::all(px(10)),
                border: UiRect::all(px(1)),
                border_radius: BorderRadius::all(px(6)),
                ..default()
            }))
            .with_children(|p| chart::spawn_chart(p, &tl, &i18n));
            root.spawn(Node {
                column_gap: px(12),
                align_items: AlignItems::Center,
                ..default()
            })
            .with_children(|row| {
                row.spawn(widgets::button(
                    &fonts,
                    t("debrief-replay"),
                    DebriefAction::Replay,
                ));
                row.spawn(widgets::button(
                    &fonts,
                    t("debrief-retry"),
                    DebriefAction::Retry,
                ));
                row.spawn(widgets::button(
                    &fonts,
                    t("debrief-menu"),
                    DebriefAction::Menu,
                ));
                let saved = match (&state.save_error, &state.record_path) {
                    (Some(e), _) => (i18n.f("debrief-save_failed", &[("error", e)]), color::BAD),
                    (None, Some(p)) => (
                        i18n.f("debrief-saved", &[("path", &p.display().to_string())]),
                        color::TEXT_DIM,
                    ),
                    (None, None) => (String::new(), color::TEXT_DIM),
                };
                row.spawn(widgets::label(saved.0, size::SMALL, saved.1));
            });
        });
}

/// The key of an end reason in the strings files.
pub fn end_key(e: crate::events::EndReason) -> &'static str {
    use crate::events::EndReason::*;
    match e {
        ObjectivesMet => "objectives_met",
        TimeLimit => "time_limit",
        OfficerDown => "officer_down",
        SubjectsGone => "subjects_gone",
        Stopped => "stopped",
    }
}

fn act(
    buttons: Query<(&Interaction, &DebriefAction), Changed<Interaction>>,
    keys: Res<ButtonInput<KeyCode>>,
    mut setup: Option<ResMut<RunSetup>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let mut action = None;
    for (i, a) in &buttons {
        if *i == Interaction::Pressed {
            action = Some(*a);
        }
    }
    if keys.just_pressed(KeyCode::KeyR) {
        action = Some(DebriefAction::Replay);
    }
    if keys.just_pressed(KeyCode::KeyN) {
        action = Some(DebriefAction::Retry);
    }
    if keys.just_pressed(KeyCode::KeyM) || keys.just_pressed(KeyCode::Escape) {
        action = Some(DebriefAction::Menu);
    }
    match action {
        Some(DebriefAction::Replay) => next.set(Screen::Replay),
        Some(DebriefAction::Retry) => {
            if let Some(s) = setup.as_mut() {
                let old = s.seed;
                s.seed = crate::game::run::fresh_seed();
                if s.seed == old {
                    s.seed = old.wrapping_add(1);
                }
            }
            next.set(Screen::Gameplay);
        }
        Some(DebriefAction::Menu) => next.set(Screen::Menu),
        None => {}
    }
}

/// Registers the debrief.
pub fn plugin(app: &mut App) {
    // Spawned after the run is scored and saved (run::record::finish).
    app.add_systems(
        OnEnter(Screen::Debrief),
        spawn.after(crate::game::run::record::finish),
    )
    .add_systems(Update, act.run_if(in_state(Screen::Debrief)));
}
