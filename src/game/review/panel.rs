//! The replay's evaluator panel: the score card, the findings (each a button
//! that jumps to its moment), the resistance/force timeline with a cursor
//! that follows the replay (click it to jump), and, when a saved session is
//! under review, the evaluator's verdicts and flags with a note typed in.
//!
//! Keys: ↑/↓ the previous / next finding; A agree, D dispute (the selected
//! finding), F flag the moment under the cursor; then type the note, Enter
//! saves, Esc cancels. The mouse does the same with the buttons.

use super::{NOTE_MAX, NoteEntry, NoteKind, Review};
use crate::events::TICK_HZ;
use crate::game::gameplay::camera::BlocksWorldClicks;
use crate::game::i18n::I18n;
use crate::game::run::{RunSetup, RunState};
use crate::game::screens::replay::{ReplayClock, spawn as spawn_replay};
use crate::game::screens::{Screen, chart};
use crate::game::theme::{Fonts, color, size};
use crate::game::widgets::{self, Scrollable};
use crate::session::notes::{self, Judgement};
use crate::sim::SimLog;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::ui::RelativeCursorPosition;

/// Buttons of the panel.
#[derive(Component, Debug, Clone, Copy, PartialEq)]
pub enum ReviewAction {
    /// Select finding N and jump to its moment.
    Finding(usize),
    /// Agree with the selected finding (then type a note).
    Agree,
    /// Dispute the selected finding (then type why).
    Dispute,
    /// Flag the moment under the cursor (then type what was seen).
    Flag,
    /// Save the note being typed.
    Save,
    /// Drop the note being typed.
    Cancel,
}

/// A finding's row (its index on the card).
#[derive(Component, Debug, Clone, Copy)]
pub struct FindingRow(pub usize);
/// The verdict under a finding's row.
#[derive(Component, Debug, Clone, Copy)]
struct VerdictLine(usize);
/// The evaluator's flags.
#[derive(Component)]
struct FlagsLine;
/// The note being typed, or what the keys do.
#[derive(Component)]
pub struct EntryLine;
/// The saved / failed line.
#[derive(Component)]
struct StatusLine;
/// The cursor on the timeline.
#[derive(Component)]
pub struct ChartCursor;
/// The timeline's length (s), to place the cursor and read clicks.
#[derive(Resource, Debug, Clone, Copy, Default)]
struct ChartSpan(f32);

fn finding_color(f: &crate::scoring::Finding) -> Color {
    if f.critical {
        color::BAD
    } else if f.points < 0.0 {
        color::WARN
    } else {
        color::GOOD
    }
}

/// The verdict on finding `i` as a line (empty when none).
fn verdict_text(i18n: &I18n, review: &Review, f: &crate::scoring::Finding) -> (String, Color) {
    match review.notes.verdict(f) {
        Some(v) => {
            let (mark, word, col) = match v.judgement {
                Judgement::Agreed => ("✔", i18n.t("annotate-agreed"), color::GOOD),
                Judgement::Disputed => ("✘", i18n.t("annotate-disputed"), color::BAD),
            };
            let note = if v.note.is_empty() {
                String::new()
            } else {
                format!(": {}", v.note)
            };
            (format!("{mark} {word}{note}"), col)
        }
        None => (String::new(), color::TEXT_DIM),
    }
}

fn spawn(
    mut commands: Commands,
    setup: Option<Res<RunSetup>>,
    state: Res<RunState>,
    log: Res<SimLog>,
    review: Option<Res<Review>>,
    i18n: Res<I18n>,
    fonts: Res<Fonts>,
) {
    let Some(setup) = setup else {
        return;
    };
    let t = |k: &str| i18n.t(k).to_string();
    let card = state.score.as_ref();
    let tl = chart::timeline(&log.0, &setup.policy.policy, card);
    commands.insert_resource(ChartSpan(tl.duration.max(1e-3)));
    // The card and the findings, on the right.
    commands
        .spawn((
            DespawnOnExit(Screen::Replay),
            BlocksWorldClicks,
            Node {
                position_type: PositionType::Absolute,
                right: px(10),
                top: px(10),
                bottom: px(118),
                width: px(430),
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(10)),
                row_gap: px(6),
                border_radius: BorderRadius::all(px(6)),
                ..default()
            },
            GlobalZIndex(10),
            BackgroundColor(color::PANEL.with_alpha(1.0)),
        ))
        .with_children(|p| {
            match card {
                Some(c) => {
                    let (verdict, col) = if c.passed {
                        (t("debrief-pass"), color::GOOD)
                    } else {
                        (t("debrief-fail"), color::BAD)
                    };
                    p.spawn(Node {
                        column_gap: px(10),
                        align_items: AlignItems::Baseline,
                        flex_shrink: 0.0,
                        ..default()
                    })
                    .with_children(|r| {
                        r.spawn((
                            Text::new(format!("{:.0} / 100", c.total)),
                            crate::game::theme::bold(&fonts, size::HEADING + 4.0),
                            TextColor(color::TEXT),
                        ));
                        r.spawn((
                            Text::new(verdict),
                            crate::game::theme::bold(&fonts, size::HEADING),
                            TextColor(col),
                        ));
                    });
                    p.spawn(widgets::label(
                        format!(
                            "{} · {}",
                            i18n.f(
                                "debrief-policy",
                                &[("policy", i18n.text(&setup.policy.policy.name))]
                            ),
                            c.categories
                                .iter()
                                .map(|k| format!(
                                    "{} {:.0}",
                                    i18n.t(&format!("category-{}", k.category.key())),
                                    k.score
                                ))
                                .collect::<Vec<_>>()
                                .join(" · ")
                        ),
                        size::SMALL,
                        color::TEXT_DIM,
                    ));
                }
                None => {
                    p.spawn(widgets::label(
                        t("debrief-no_score"),
                        size::BODY,
                        color::WARN,
                    ));
                }
            }
            p.spawn((
                Scrollable,
                Node {
                    flex_grow: 1.0,
                    min_height: px(0),
                    flex_direction: FlexDirection::Column,
                    row_gap: px(5),
                    overflow: Overflow::scroll_y(),
                    ..default()
                },
            ))
            .with_children(|list| {
                let findings = card.map(|c| c.findings.as_slice()).unwrap_or(&[]);
                if findings.is_empty() {
                    list.spawn(widgets::label(
                        t("debrief-no_findings"),
                        size::BODY,
                        color::TEXT_DIM,
                    ));
                }
                for (i, f) in findings.iter().enumerate() {
                    let text = card.map(|c| c.text(f, i18n.lang())).unwrap_or_default();
                    let verdict = review
                        .as_deref()
                        .map(|r| verdict_text(&i18n, r, f))
                        .unwrap_or((String::new(), color::TEXT_DIM));
                    list.spawn((
                        Button,
                        ReviewAction::Finding(i),
                        FindingRow(i),
                        Node {
                            flex_direction: FlexDirection::Column,
                            flex_shrink: 0.0,
                            padding: UiRect::axes(px(8), px(5)),
                            border: UiRect::all(px(2)),
                            border_radius: BorderRadius::all(px(4)),
                            row_gap: px(2),
                            ..default()
                        },
                        BackgroundColor(color::BUTTON),
                        BorderColor::all(color::BORDER),
                    ))
                    .with_children(|row| {
                        row.spawn((
                            Text::new(format!(
                                "{}. {}   {:+.0}   {}",
                                i + 1,
                                crate::i18n::clock_text(f.t),
                                f.points,
                                f.rule
                            )),
                            crate::game::theme::bold(&fonts, size::SMALL),
                            TextColor(finding_color(f)),
                        ));
                        row.spawn(widgets::label(text, size::SMALL, color::TEXT));
                        row.spawn((
                            VerdictLine(i),
                            Text::new(verdict.0),
                            crate::game::theme::font(size::SMALL),
                            TextColor(verdict.1),
                        ));
                    });
                }
            });
            if review.is_some() {
                p.spawn((
                    FlagsLine,
                    Text::new(""),
                    crate::game::theme::font(size::SMALL),
                    TextColor(color::ACCENT),
                    Node {
                        flex_shrink: 0.0,
                        ..default()
                    },
                ));
                p.spawn(Node {
                    column_gap: px(6),
                    row_gap: px(4),
                    flex_wrap: FlexWrap::Wrap,
                    flex_shrink: 0.0,
                    ..default()
                })
                .with_children(|r| {
                    for (key, a) in [
                        ("review-agree", ReviewAction::Agree),
                        ("review-dispute", ReviewAction::Dispute),
                        ("review-flag", ReviewAction::Flag),
                        ("review-save", ReviewAction::Save),
                        ("review-cancel", ReviewAction::Cancel),
                    ] {
                        r.spawn(small_button(&fonts, t(key), a));
                    }
                });
                p.spawn((
                    EntryLine,
                    Text::new(""),
                    crate::game::theme::font(size::SMALL),
                    TextColor(color::TEXT_DIM),
                    Node {
                        flex_shrink: 0.0,
                        ..default()
                    },
                ));
                p.spawn((
                    StatusLine,
                    Text::new(""),
                    crate::game::theme::font(size::SMALL),
                    TextColor(color::TEXT_DIM),
                    Node {
                        flex_shrink: 0.0,
                        ..default()
                    },
                ));
            }
        });
    // The timeline, left of the card, above the replay's bar.
    commands
        .spawn((
            DespawnOnExit(Screen::Replay),
            BlocksWorldClicks,
            Node {
                position_type: PositionType::Absolute,
                left: px(10),
                right: px(450),
                bottom: px(118),
                height: px(190),
                padding: UiRect::all(px(8)),
                border_radius: BorderRadius::all(px(6)),
                ..default()
            },
            GlobalZIndex(10),
            BackgroundColor(color::PANEL.with_alpha(1.0)),
        ))
        .with_children(|p| chart::spawn_chart(p, &tl, &i18n));
}

fn small_button(fonts: &Fonts, text: String, action: ReviewAction) -> impl Bundle {
    (
        Button,
        action,
        Node {
            padding: UiRect::axes(px(10), px(5)),
            border: UiRect::all(px(1)),
            border_radius: BorderRadius::all(px(4)),
            ..default()
        },
        BackgroundColor(color::BUTTON),
        BorderColor::all(color::BORDER),
        children![(
            Text::new(text),
            crate::game::theme::bold(fonts, size::SMALL),
            TextColor(color::TEXT)
        )],
    )
}

/// Gives the timeline's plot a cursor and makes it a place to click.
fn fit_plot(mut commands: Commands, plots: Query<Entity, Added<chart::Plot>>) {
    for e in &plots {
        commands
            .entity(e)
            .insert(RelativeCursorPosition::default())
            .with_child((
                ChartCursor,
                Node {
                    position_type: PositionType::Absolute,
                    left: percent(0),
                    width: px(2),
                    height: percent(100),
                    ..default()
                },
                BackgroundColor(Color::WHITE),
            ));
    }
}

/// Jumps the replay to `t` seconds.
fn seek(clock: &mut ReplayClock, state: &RunState, t: f32) {
    let end = state.replay.last().map(|f| f.tick as f32).unwrap_or(0.0);
    clock.tick = (t * TICK_HZ as f32).clamp(0.0, end);
    clock.playing = false;
}

/// Starts a note of `kind`; a verdict needs a selected finding.
fn start(review: &mut Review, kind: Option<NoteKind>, i18n: &I18n) {
    match kind {
        Some(kind) => {
            // Editing an existing verdict starts from its note.
            review.entry = Some(NoteEntry {
                kind,
                text: String::new(),
            });
            review.status = None;
        }
        None => review.status = Some((i18n.t("review-select-first"), true)),
    }
}

/// Saves the note being typed into the notes file beside the record.
fn save(review: &mut Review, state: &RunState, i18n: &I18n) {
    let Some(entry) = review.entry.clone() else {
        return;
    };
    let note = entry.text.trim().to_string();
    let needs_note = !matches!(entry.kind, NoteKind::Agree(_));
    if needs_note && note.is_empty() {
        review.status = Some((i18n.t("review-note-required"), true));
        return;
    }
    let finding = |i: usize| state.score.as_ref().and_then(|c| c.findings.get(i));
    match entry.kind {
        NoteKind::Agree(i) | NoteKind::Dispute(i) => {
            let Some(f) = finding(i) else {
                review.entry = None;
                return;
            };
            let j = if matches!(entry.kind, NoteKind::Agree(_)) {
                Judgement::Agreed
            } else {
                Judgement::Disputed
            };
            review.notes.judge(f, j, &note);
        }
        NoteKind::Flag(t) => review.notes.flag(t, &note),
    }
    review.entry = None;
    review.status = Some(match notes::save_notes(&review.session, &review.notes) {
        Ok(path) => (
            i18n.f("annotate-saved", &[("path", &path.display().to_string())]),
            false,
        ),
        Err(e) => (
            i18n.f("review-save-failed", &[("error", &e.to_string())]),
            true,
        ),
    });
}

/// Clicks and keys of the panel (after the replay's own, which stand aside
/// while a note is typed).
fn act(
    buttons: Query<(&Interaction, &ReviewAction), Changed<Interaction>>,
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    mut typed: MessageReader<KeyboardInput>,
    plot: Query<&RelativeCursorPosition, With<chart::Plot>>,
    span: Res<ChartSpan>,
    state: Res<RunState>,
    i18n: Res<I18n>,
    mut clock: ResMut<ReplayClock>,
    mut review: Option<ResMut<Review>>,
    mut selected: Local<Option<usize>>,
) {
    let n = state.score.as_ref().map_or(0, |c| c.findings.len());
    let at = |i: usize| {
        state
            .score
            .as_ref()
            .and_then(|c| c.findings.get(i))
            .map(|f| f.t)
    };
    // Typing: the keyboard belongs to the note.
    if let Some(r) = review.as_deref_mut()
        && let Some(entry) = r.entry.as_mut()
    {
        let mut done = None;
        for ev in typed.read() {
            if !ev.state.is_pressed() {
                continue;
            }
            match &ev.logical_key {
                Key::Enter => done = Some(true),
                Key::Escape => done = Some(false),
                Key::Backspace => {
                    entry.text.pop();
                }
                _ => {
                    if let Some(s) = &ev.text {
                        for c in s.chars().filter(|c| !c.is_control()) {
                            if entry.text.chars().count() < NOTE_MAX {
                                entry.text.push(c);
                            }
                        }
                    }
                }
            }
        }
        for (i, a) in &buttons {
            if *i == Interaction::Pressed {
                match a {
                    ReviewAction::Save => done = Some(true),
                    ReviewAction::Cancel => done = Some(false),
                    _ => {}
                }
            }
        }
        match done {
            Some(true) => save(r, &state, &i18n),
            Some(false) => {
                r.entry = None;
                r.status = None;
            }
            None => {}
        }
        return;
    }
    // Keys typed before a note was opened are not part of it.
    typed.clear();
    let mut action = None;
    for (i, a) in &buttons {
        if *i == Interaction::Pressed {
            action = Some(*a);
        }
    }
    let current = review.as_deref().map_or(*selected, |r| r.selected);
    if n > 0 && keys.just_pressed(KeyCode::ArrowDown) {
        action = Some(ReviewAction::Finding(
            current.map_or(0, |i| (i + 1).min(n - 1)),
        ));
    }
    if n > 0 && keys.just_pressed(KeyCode::ArrowUp) {
        action = Some(ReviewAction::Finding(
            current.map_or(0, |i| i.saturating_sub(1)),
        ));
    }
    if review.is_some() {
        if keys.just_pressed(KeyCode::KeyA) {
            action = Some(ReviewAction::Agree);
        }
        if keys.just_pressed(KeyCode::KeyD) {
            action = Some(ReviewAction::Dispute);
        }
        if keys.just_pressed(KeyCode::KeyF) {
            action = Some(ReviewAction::Flag);
        }
    }
    let now = clock.tick / TICK_HZ as f32;
    match (action, review.as_deref_mut()) {
        (Some(ReviewAction::Finding(i)), r) => {
            if let Some(t) = at(i) {
                seek(&mut clock, &state, t);
            }
            match r {
                Some(r) => r.selected = Some(i),
                None => *selected = Some(i),
            }
        }
        (Some(ReviewAction::Agree), Some(r)) => {
            let k = r.selected.filter(|i| *i < n).map(NoteKind::Agree);
            start(r, k, &i18n);
        }
        (Some(ReviewAction::Dispute), Some(r)) => {
            let k = r.selected.filter(|i| *i < n).map(NoteKind::Dispute);
            start(r, k, &i18n);
        }
        (Some(ReviewAction::Flag), Some(r)) => start(r, Some(NoteKind::Flag(now)), &i18n),
        _ => {}
    }
    // Scrubbing on the timeline.
    // A click shorter than a frame (slow software rendering) is pressed and
    // released at once: `just_pressed` still sees it.
    if (mouse.pressed(MouseButton::Left) || mouse.just_pressed(MouseButton::Left))
        && let Ok(rel) = plot.single()
        && rel.cursor_over()
        && let Some(p) = rel.normalized
    {
        let end = state.replay.last().map(|f| f.tick as f32).unwrap_or(0.0);
        clock.tick = ((p.x + 0.5).clamp(0.0, 1.0) * span.0 * TICK_HZ as f32).min(end);
    }
}

/// Moves the cursor, marks the selected finding, shows the verdicts, the
/// flags and the note being typed.
fn show(
    clock: Res<ReplayClock>,
    span: Res<ChartSpan>,
    state: Res<RunState>,
    review: Option<Res<Review>>,
    i18n: Res<I18n>,
    mut cursor: Query<&mut Node, With<ChartCursor>>,
    mut rows: Query<(&FindingRow, &mut BorderColor)>,
    mut texts: ParamSet<(
        Query<(&VerdictLine, &mut Text, &mut TextColor)>,
        Query<&mut Text, With<FlagsLine>>,
        Query<(&mut Text, &mut TextColor), With<EntryLine>>,
        Query<(&mut Text, &mut TextColor), With<StatusLine>>,
    )>,
) {
    let t = clock.tick / TICK_HZ as f32;
    for mut node in &mut cursor {
        node.left = percent((t / span.0 * 100.0).clamp(0.0, 99.7));
    }
    let Some(review) = review else {
        return;
    };
    for (row, mut border) in &mut rows {
        let c = if review.selected == Some(row.0) {
            color::ACCENT
        } else {
            color::BORDER
        };
        if border.top != c {
            *border = BorderColor::all(c);
        }
    }
    let card = state.score.as_ref();
    for (line, mut text, mut col) in &mut texts.p0() {
        if let Some(f) = card.and_then(|c| c.findings.get(line.0)) {
            let (s, c) = verdict_text(&i18n, &review, f);
            if text.0 != s {
                text.0 = s;
                col.0 = c;
            }
        }
    }
    let flags = review
        .notes
        .flags
        .iter()
        .map(|f| format!("⚑ {}  {}", crate::i18n::clock_text(f.t), f.note))
        .collect::<Vec<_>>();
    let flags = if flags.is_empty() {
        i18n.t("annotate-no-flags")
    } else {
        format!("{}\n{}", i18n.t("annotate-flags"), flags.join("\n"))
    };
    for mut text in &mut texts.p1() {
        if text.0 != flags {
            text.0.clone_from(&flags);
        }
    }
    let entry = match &review.entry {
        Some(e) => {
            let prompt = match e.kind {
                NoteKind::Agree(i) => i18n.f("review-note-agree", &[("n", &(i + 1).to_string())]),
                NoteKind::Dispute(i) => {
                    i18n.f("review-note-dispute", &[("n", &(i + 1).to_string())])
                }
                NoteKind::Flag(t) => {
                    i18n.f("review-note-flag", &[("t", &crate::i18n::clock_text(t))])
                }
            };
            (format!("{prompt} {}▏", e.text), color::TEXT)
        }
        None => (i18n.t("review-keys"), color::TEXT_DIM),
    };
    for (mut text, mut col) in &mut texts.p2() {
        if text.0 != entry.0 {
            text.0.clone_from(&entry.0);
            col.0 = entry.1;
        }
    }
    let status = review.status.clone().unwrap_or_default();
    for (mut text, mut col) in &mut texts.p3() {
        if text.0 != status.0 {
            text.0.clone_from(&status.0);
            col.0 = if status.1 {
                color::WARN
            } else {
                color::TEXT_DIM
            };
        }
    }
}

/// Registers the panel.
pub fn plugin(app: &mut App) {
    app.init_resource::<ChartSpan>()
        .add_systems(OnEnter(Screen::Replay), spawn.after(spawn_replay))
        .add_systems(
            Update,
            (fit_plot, act, show)
                .chain()
                .after(crate::game::screens::replay::control)
                .run_if(in_state(Screen::Replay)),
        );
}
