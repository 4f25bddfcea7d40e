//! The debrief's timeline: perceived resistance against force used over time,
//! with the policy's proportional ceiling shaded and findings marked. The data
//! is a pure function of the event log, the policy and the score card; the
//! drawing is UI nodes placed by percentages.

use crate::domain::*;
use crate::events::{EventKind, EventLog, TICK_HZ, TRAINEE};
use crate::game::i18n::I18n;
use crate::game::theme::{color, size};
use crate::game::widgets;
use crate::policy::Policy;
use crate::scoring::ScoreCard;
use bevy::prelude::*;

/// One use of force (or words) by the trainee.
#[derive(Debug, Clone, PartialEq)]
pub struct ForceMark {
    /// Seconds.
    pub t: f32,
    /// Continuum level 0 (presence) ..= 4 (lethal).
    pub level: u8,
}

/// A finding on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingMark {
    /// Seconds.
    pub t: f32,
    /// Points (negative for a breach).
    pub points: f32,
    /// Critical.
    pub critical: bool,
}

/// The chart's data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    /// Length of the run, seconds.
    pub duration: f32,
    /// Highest perceived resistance (rank 0..=4) from each change on.
    pub perceived: Vec<(f32, u8)>,
    /// The policy's largest proportional force (rank) from each change on.
    pub ceiling: Vec<(f32, u8)>,
    /// Force and words used.
    pub force: Vec<ForceMark>,
    /// Findings.
    pub findings: Vec<FindingMark>,
    /// Spans with no subject in the trainee's sight: (from, to) seconds.
    /// The chart leaves them blank, not "compliant".
    pub unseen: Vec<(f32, f32)>,
    /// Spans in which the person in focus lay downed (seriously hurt or
    /// dead) and unrestrained with a weapon in view: not "compliant" (the
    /// weapon is still within reach until secured), so the chart marks them.
    pub downed_armed: Vec<(f32, f32)>,
}

/// The level of a force option under the policy.
pub fn option_level(policy: &Policy, option: ForceOption) -> ForceLevel {
    policy
        .force_options
        .get(&option)
        .copied()
        .unwrap_or_else(|| option.default_level())
}

fn ceiling_of(policy: &Policy, level: ResistanceLevel) -> u8 {
    policy
        .continuum
        .iter()
        .find(|s| s.resistance == level)
        .map(|s| s.max_force as u8)
        .unwrap_or(level as u8)
}

/// Builds the chart's data from the run.
pub fn timeline(log: &EventLog, policy: &Policy, card: Option<&ScoreCard>) -> Timeline {
    let mut tl = Timeline::default();
    let mut last: Option<u8> = None;
    let mut unseen_since: Option<f32> = None;
    let mut downed_since: Option<f32> = None;
    for e in log.iter() {
        let t = e.tick as f32 / TICK_HZ as f32;
        tl.duration = tl.duration.max(t);
        if let Some(ctx) = &e.ctx {
            let in_sight =
                ctx.subjects_unrestrained > 0 || ctx.subject.as_ref().is_some_and(|v| v.visible);
            match (in_sight, unseen_since) {
                (false, None) => unseen_since = Some(t),
                (true, Some(t0)) => {
                    tl.unseen.push((t0, t));
                    unseen_since = None;
                }
                _ => {}
            }
            let downed = ctx.subject.as_ref().is_some_and(|v| {
                v.health >= Health::Serious && v.weapon_visible.is_some() && !v.restrained
            });
            match (downed, downed_since) {
                (true, None) => downed_since = Some(t),
                (false, Some(t0)) => {
                    tl.downed_armed.push((t0, t));
                    downed_since = None;
                }
                _ => {}
            }
            let level = ctx.max_perceived as u8;
            if last != Some(level) {
                tl.perceived.push((t, level));
                tl.ceiling.push((t, ceiling_of(policy, ctx.max_perceived)));
                last = Some(level);
            }
        }
        if let EventKind::Action { by, action } = &e.kind
            && by == TRAINEE
        {
            let tool = e.ctx.as_ref().map(|c| c.officer.tool);
            let level = match action.act {
                Act::Force(o) => Some(option_level(policy, o)),
                Act::Aim if tool == Some(Tool::Handgun) => {
                    Some(option_level(policy, ForceOption::PointFirearm))
                }
                Act::Command(_) | Act::Warn(_) | Act::Identify | Act::Talk => {
                    Some(ForceLevel::Verbal)
                }
                // Handcuffing is a restraint, not force; the stop's steps are words.
                Act::Do(p) if p.is_stop_step() => Some(ForceLevel::Verbal),
                _ => None,
            };
            if let Some(l) = level {
                tl.force.push(ForceMark { t, level: l as u8 });
            }
        }
    }
    if let Some(t0) = unseen_since {
        tl.unseen.push((t0, tl.duration));
    }
    tl.unseen.retain(|(a, b)| b - a >= 0.5);
    if let Some(t0) = downed_since {
        tl.downed_armed.push((t0, tl.duration));
    }
    if tl.perceived.is_empty() {
        tl.perceived.push((0.0, 0));
        tl.ceiling
            .push((0.0, ceiling_of(policy, ResistanceLevel::Compliant)));
    }
    if let Some(card) = card {
        for f in &card.findings {
            tl.duration = tl.duration.max(f.t);
            tl.findings.push(FindingMark {
                t: f.t,
                points: f.points,
                critical: f.critical,
            });
        }
    }
    tl.duration = tl.duration.max(1.0);
    tl
}

/// Colour of the perceived-resistance line.
pub const PERCEIVED: Color = Color::srgb(1.0, 0.62, 0.22);
/// Colour of force marks.
pub const FORCE: Color = Color::srgb(0.45, 0.78, 1.0);
/// Blank spans where no subject was in sight.
pub const UNSEEN: Color = Color::srgb(0.07, 0.08, 0.10);
/// Spans where a downed person lay with a weapon in view.
pub const DOWNED: Color = Color::srgba(0.75, 0.35, 0.95, 0.35);
/// Shade of the proportional band.
pub const CEILING: Color = Color::srgba(0.35, 0.80, 0.45, 0.16);

/// The plot area of a chart (the replay puts its cursor there).
#[derive(Component, Debug, Clone, Copy)]
pub struct Plot;

fn abs(left: f32, bottom: f32, w: Val, h: Val) -> Node {
    Node {
        position_type: PositionType::Absolute,
        left: percent(left),
        bottom: percent(bottom),
        width: w,
        height: h,
        ..default()
    }
}

/// Spawns the chart (legend, axes and plot) under `parent`.
pub fn spawn_chart(parent: &mut ChildSpawnerCommands, tl: &Timeline, i18n: &I18n) {
    let x = |t: f32| (t / tl.duration * 100.0).clamp(0.0, 100.0);
    let row = |level: u8| (level as f32 + 0.5) / 5.0 * 100.0;
    parent
        .spawn(Node {
            flex_direction: FlexDirection::Column,
            flex_grow: 1.0,
            row_gap: px(4),
            ..default()
        })
        .with_children(|c| {
            // Legend.
            c.spawn(Node {
                column_gap: px(18),
                ..default()
            })
            .with_children(|l| {
                l.spawn(widgets::label(
                    i18n.t("chart-title"),
                    size::BODY,
                    color::ACCENT,
                ));
                l.spawn(widgets::label(
                    format!("━ {}", i18n.t("chart-perceived")),
                    size::SMALL,
                    PERCEIVED,
                ));
                l.spawn(widgets::label(
                    format!("◆ {}", i18n.t("chart-force")),
                    size::SMALL,
                    FORCE,
                ));
                l.spawn(widgets::label(
                    format!("▮ {}", i18n.t("chart-ceiling")),
                    size::SMALL,
                    color::GOOD,
                ));
                l.spawn(widgets::label(
                    format!("░ {}", i18n.t("chart-unseen")),
                    size::SMALL,
                    color::TEXT_DIM,
                ));
                if !tl.downed_armed.is_empty() {
                    l.spawn(widgets::label(
                        format!("▒ {}", i18n.t("chart-downed")),
                        size::SMALL,
                        DOWNED.with_alpha(1.0),
                    ));
                }
                l.spawn(widgets::label(
                    format!("▲ {}", i18n.t("chart-findings")),
                    size::SMALL,
                    color::BAD,
                ));
            });
            c.spawn(Node {
                flex_grow: 1.0,
                column_gap: px(6),
                ..default()
            })
            .with_children(|r| {
                // Left axis: resistance.
                r.spawn(axis_labels(
                    ResistanceLevel::ALL
                        .iter()
                        .map(|l| i18n.t(&format!("level-{}", l.key())).to_string()),
                    JustifyContent::End,
                    PERCEIVED,
                ));
                // Plot.
                r.spawn((
                    Plot,
                    Node {
                        flex_grow: 1.0,
                        border: UiRect::all(px(1)),
                        ..default()
                    },
                    BackgroundColor(Color::srgba(0.0, 0.0, 0.0, 0.25)),
                    BorderColor::all(color::BORDER),
                ))
                .with_children(|p| {
                    for lvl in 0..5u8 {
                        p.spawn((
                            abs(0.0, row(lvl), percent(100), px(1)),
                            BackgroundColor(Color::srgba(1.0, 1.0, 1.0, 0.07)),
                        ));
                    }
                    // Proportional band and perceived line, step by step.
                    for (i, &(t0, lvl)) in tl.perceived.iter().enumerate() {
                        let t1 = tl.perceived.get(i + 1).map(|p| p.0).unwrap_or(tl.duration);
                        let (x0, x1) = (x(t0), x(t1));
                        let ceil = tl.ceiling.get(i).map(|c| c.1).unwrap_or(lvl);
                        p.spawn((
                            abs(
                                x0,
                                0.0,
                                percent((x1 - x0).max(0.3)),
                                percent((ceil as f32 + 1.0) / 5.0 * 100.0),
                            ),
                            BackgroundColor(CEILING),
                        ));
                        p.spawn((
                            abs(x0, row(lvl), percent((x1 - x0).max(0.3)), px(3)),
                            BackgroundColor(PERCEIVED),
                        ));
                        if let Some(&(_, next)) = tl.perceived.get(i + 1) {
                            let (a, b) = (row(lvl.min(next)), row(lvl.max(next)));
                            p.spawn((
                                abs(x1, a, px(3), percent(b - a)),
                                BackgroundColor(PERCEIVED),
                            ));
                        }
                    }
                    // Nobody in sight: a gap in the line, not "compliant".
                    for &(t0, t1) in &tl.unseen {
                        p.spawn((
                            abs(x(t0), 0.0, percent((x(t1) - x(t0)).max(0.3)), percent(100)),
                            BackgroundColor(UNSEEN),
                        ));
                    }
                    // Downed with a weapon in view: covers the line there.
                    for &(t0, t1) in &tl.downed_armed {
                        p.spawn((
                            abs(x(t0), 0.0, percent((x(t1) - x(t0)).max(0.3)), percent(100)),
                            BackgroundColor(DOWNED),
                        ));
                    }
                    for m in &tl.force {
                        p.spawn((
                            Node {
                                position_type: PositionType::Absolute,
                                left: percent(x(m.t)),
                                bottom: percent(row(m.level)),
                                width: px(10),
                                height: px(10),
                                margin: UiRect::new(px(-5), px(0), px(0), px(-5)),
                                border: UiRect::all(px(1)),
                                ..default()
                            },
                            UiTransform::from_rotation(Rot2::degrees(45.0)),
                            BackgroundColor(FORCE),
                            BorderColor::all(Color::BLACK),
                        ));
                    }
                    for f in &tl.findings {
                        let col = if f.points < 0.0 {
                            color::BAD
                        } else {
                            color::GOOD
                        };
                        let h = if f.critical { 100.0 } else { 12.0 };
                        p.spawn((abs(x(f.t), 0.0, px(2), percent(h)), BackgroundColor(col)));
                    }
                });
                // Right axis: force.
                r.spawn(axis_labels(
                    ForceLevel::ALL
                        .iter()
                        .map(|l| i18n.t(&format!("force-{}", l.key())).to_string()),
                    JustifyContent::Start,
                    FORCE,
                ));
            });
            // Time axis.
            c.spawn(Node {
                margin: UiRect::horizontal(px(150)),
                height: px(18),
                ..default()
            })
            .with_children(|a| {
                // Round times (every 2 s, 30 s, 1 min...) where they fall,
                // not even fifths of the run that round to 0:02, 0:04, 0:05.
                let d = tl.duration.max(1e-3);
                for t in time_ticks(d) {
                    // A zero-width box at the tick centres its label on it.
                    a.spawn((
                        Node {
                            position_type: PositionType::Absolute,
                            left: percent(100.0 * t / d),
                            width: px(0),
                            justify_content: JustifyContent::Center,
                            ..default()
                        },
                        children![widgets::label(clock(t), size::SMALL, color::TEXT_DIM)],
                    ));
                }
            });
        });
}

fn axis_labels(
    names: impl Iterator<Item = String>,
    justify: JustifyContent,
    col: Color,
) -> impl Bundle {
    let mut names: Vec<String> = names.collect();
    names.reverse();
    (
        Node {
            width: px(144),
            flex_direction: FlexDirection::Column,
            justify_content: JustifyContent::SpaceAround,
            ..default()
        },
        Children::spawn(SpawnIter(names.into_iter().map(move |n| {
            (
                Node {
                    justify_content: justify,
                    ..default()
                },
                children![widgets::label(n, size::SMALL, col)],
            )
        }))),
    )
}

/// Times for the labels of a time axis `duration` seconds long: multiples
/// of a round step (1, 2, 5, 10, 15, 30 s, 1, 2, 5 min) with at most six
/// intervals, from 0.
pub fn time_ticks(duration: f32) -> Vec<f32> {
    let step = [1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0]
        .into_iter()
        .find(|s| duration / s <= 6.0)
        .unwrap_or(1200.0);
    (0..)
        .map(|k| k as f32 * step)
        .take_while(|t| *t <= duration + 1e-3)
        .collect()
}

/// `m:ss`.
pub fn clock(t: f32) -> String {
    // Rounded first: axis ticks are whole seconds computed in floats.
    crate::i18n::clock_text(t.max(0.0).round())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::{Context, Event, OfficerView};

    fn policy() -> Policy {
        let path = crate::policy::resolve("generic").unwrap();
        crate::policy::load(&path).unwrap().policy
    }

    #[test]
    fn timeline_tracks_perception_and_force() {
        let ctx = |lvl| Context {
            max_perceived: lvl,
            officer: OfficerView {
                tool: Tool::Oc,
                ..Default::default()
            },
            ..Default::default()
        };
        let log = EventLog(vec![
            Event {
                tick: 60,
                kind: EventKind::Action {
                    by: TRAINEE.into(),
                    action: OfficerAction::new(Act::Command(crate::domain::Command::ShowHands)),
                },
                ctx: Some(ctx(ResistanceLevel::Compliant)),
            },
            Event {
                tick: 600,
                kind: EventKind::Action {
                    by: TRAINEE.into(),
                    action: OfficerAction::new(Act::Force(ForceOption::Oc)),
                },
                ctx: Some(ctx(ResistanceLevel::Passive)),
            },
            Event {
                tick: 620,
                kind: EventKind::Action {
                    by: "partner".into(),
                    action: OfficerAction::new(Act::Force(ForceOption::Baton)),
                },
                ctx: Some(ctx(ResistanceLevel::Passive)),
            },
        ]);
        let tl = timeline(&log, &policy(), None);
        assert_eq!(tl.perceived, vec![(1.0, 0), (10.0, 1)]);
        assert_eq!(tl.ceiling, vec![(1.0, 1), (10.0, 2)]);
        assert_eq!(
            tl.force,
            vec![
                ForceMark { t: 1.0, level: 1 },
                ForceMark { t: 10.0, level: 3 }
            ]
        );
        assert!((tl.duration - 620.0 / 60.0).abs() < 1e-4);
    }

    #[test]
    fn nobody_in_sight_is_a_gap_and_handcuffing_is_not_force() {
        let seen = |visible: bool| Context {
            subject: Some(crate::events::SubjectView {
                id: "s".into(),
                visible,
                ..Default::default()
            }),
            ..Default::default()
        };
        let ev = |tick: u32, act: Act, visible: bool| Event {
            tick,
            kind: EventKind::Action {
                by: TRAINEE.into(),
                action: OfficerAction::at(act, "s"),
            },
            ctx: Some(seen(visible)),
        };
        let log = EventLog(vec![
            ev(60, Act::Talk, true),
            ev(300, Act::Talk, false),
            ev(900, Act::Do(crate::domain::Procedure::Handcuff), true),
        ]);
        let tl = timeline(&log, &policy(), None);
        assert_eq!(tl.unseen, vec![(5.0, 15.0)]);
        assert_eq!(tl.force.len(), 2, "{:?}", tl.force);
        assert!(tl.force.iter().all(|m| m.level == ForceLevel::Verbal as u8));
    }

    #[test]
    fn a_downed_person_with_a_gun_in_view_is_marked_not_compliant() {
        let view = |health: Health, gun: bool, restrained: bool| Context {
            subject: Some(crate::events::SubjectView {
                id: "s".into(),
                visible: true,
                health,
                restrained,
                weapon_visible: gun.then_some(WeaponKind::Handgun),
                ..Default::default()
            }),
            ..Default::default()
        };
        let ev = |tick: u32, ctx: Context| Event {
            tick,
            kind: EventKind::Action {
                by: TRAINEE.into(),
                action: OfficerAction::at(Act::Talk, "s"),
            },
            ctx: Some(ctx),
        };
        let log = EventLog(vec![
            ev(60, view(Health::Unhurt, true, false)),
            // Shot and down, the gun beside him: marked until he is cuffed.
            ev(300, view(Health::Serious, true, false)),
            ev(600, view(Health::Serious, true, true)),
            // Down with no weapon in view is plain compliance.
            ev(700, view(Health::Serious, false, false)),
            ev(900, view(Health::Dead, true, false)),
        ]);
        let tl = timeline(&log, &policy(), None);
        assert_eq!(tl.downed_armed, vec![(5.0, 10.0), (15.0, 15.0)]);
    }

    #[test]
    fn time_axis_ticks_are_round_and_fit() {
        assert_eq!(time_ticks(7.4), vec![0.0, 2.0, 4.0, 6.0]);
        assert_eq!(
            time_ticks(300.0),
            vec![0.0, 60.0, 120.0, 180.0, 240.0, 300.0]
        );
        let t = time_ticks(95.0);
        assert_eq!((t[1], *t.last().unwrap()), (30.0, 90.0));
        assert!(time_ticks(3600.0).len() <= 7);
    }

    #[test]
    fn clock_formats_minutes() {
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(125.4), "2:05");
    }
}
