//! The HUD's log: radio traffic, what the trainee said, refusals with their
//! reason, objectives met, what people said, derived from new events.

use super::LogLines;
use crate::domain::*;
use crate::events::{Event, EventKind, OfficerMove, Refusal, TRAINEE};
use crate::game::gameplay::overlay::Names;
use crate::game::i18n::I18n;
use crate::game::input::menu_items::act_key;
use crate::game::run::RunSetup;
use crate::game::screens::Screen;
use crate::game::screens::chart::clock;
use crate::game::theme::{color, size};
use crate::game::widgets;
use crate::sim::SimLog;
use bevy::prelude::*;

/// Lines kept in the HUD log.
pub const KEEP: usize = 7;

/// The log lines: (seconds, text, colour).
#[derive(Resource, Debug, Clone, Default)]
pub struct HudLog {
    /// Lines, oldest first.
    pub lines: Vec<(f32, String, Color)>,
    /// Events already read.
    pub read: usize,
}

/// The key part of a refusal.
pub fn refusal_text(i18n: &I18n, r: &Refusal) -> String {
    match r {
        Refusal::TooFar { distance, needed } => i18n.f(
            "refusal-too_far",
            &[
                ("distance", &format!("{distance:.1}")),
                ("needed", &format!("{needed:.1}")),
            ],
        ),
        Refusal::NoTarget => i18n.t("refusal-no_target"),
        Refusal::UnknownTarget => i18n.t("refusal-unknown_target"),
        Refusal::NotEquipped => i18n.t("refusal-not_equipped"),
        Refusal::NotReady => i18n.t("refusal-not_ready"),
        Refusal::Resisting => i18n.t("refusal-resisting"),
        Refusal::AlreadyRestrained => i18n.t("refusal-already_restrained"),
        Refusal::Locked => i18n.t("refusal-locked"),
        Refusal::NothingToSeize => i18n.t("refusal-nothing_to_seize"),
        Refusal::NotInjured => i18n.t("refusal-not_injured"),
        Refusal::Declined => i18n.t("refusal-declined"),
        Refusal::NotVisible => i18n.t("refusal-not_visible"),
        Refusal::Incapacitated => i18n.t("refusal-incapacitated"),
        Refusal::AlreadyDone => i18n.t("refusal-already_done"),
        Refusal::Empty => i18n.t("refusal-empty"),
    }
}

/// The log line for an event, if it gets one.
pub fn line_for(
    e: &Event,
    i18n: &I18n,
    names: &Names,
    setup: Option<&RunSetup>,
) -> Option<(String, Color)> {
    let name = |id: &str| {
        names
            .0
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.replace('_', " "))
    };
    match &e.kind {
        EventKind::Refused { by, action, reason } if by == TRAINEE => Some((
            format!(
                "✗ {}: {}",
                i18n.t(&act_key(action.act)),
                refusal_text(i18n, reason)
            ),
            color::WARN,
        )),
        EventKind::Action { by, action } if by == TRAINEE => match action.act {
            Act::Identify | Act::Command(_) | Act::Warn(_) | Act::Talk => Some((
                format!(
                    "{}: {}",
                    i18n.t("people-you"),
                    i18n.f("hud-quote", &[("text", &i18n.t(&act_key(action.act)))])
                ),
                color::TEXT_DIM,
            )),
            // The stop's steps are said to the driver: the words, not the menu item.
            Act::Do(p) if p.is_stop_step() => Some((
                format!(
                    "{}: {}",
                    i18n.t("people-you"),
                    i18n.f(
                        "hud-quote",
                        &[(
                            "text",
                            &i18n.t(&format!(
                                "stop_say-{}",
                                crate::game::input::menu_items::procedure_key(p)
                            ))
                        )]
                    )
                ),
                color::TEXT_DIM,
            )),
            Act::Radio(_) => Some((
                format!("{} → {}", i18n.t("hud-radio"), i18n.t(&act_key(action.act))),
                color::ACCENT,
            )),
            _ => None,
        },
        EventKind::Radio { from, text } => Some((
            format!(
                "{} ({}): {}",
                i18n.t("hud-radio"),
                name(from),
                i18n.text(text)
            ),
            color::ACCENT,
        )),
        EventKind::Said { who, text } if who != TRAINEE => Some((
            format!(
                "{}: {}",
                name(who),
                i18n.f("hud-quote", &[("text", i18n.text(text))])
            ),
            color::TEXT,
        )),
        EventKind::ObjectiveMet { id } => {
            let text = setup
                .and_then(|s| s.scenario.scenario.objectives.iter().find(|o| &o.id == id))
                .map(|o| i18n.text(&o.text).to_string())
                .unwrap_or_else(|| id.clone());
            Some((
                format!("✓ {}", i18n.f("hud-objective_met", &[("what", &text)])),
                color::GOOD,
            ))
        }
        EventKind::BackupArrived { .. } => Some((i18n.t("hud-backup_arrived"), color::GOOD)),
        EventKind::WitnessJoined(w) => Some((
            i18n.f("hud-witness_joined", &[("who", &name(&w.id))]),
            color::GOOD,
        )),
        EventKind::Flight {
            subject,
            toward,
            bearing,
        } => {
            let direction = i18n.t(compass_key(*bearing));
            let place = toward.as_ref().and_then(|z| {
                setup?
                    .scenario
                    .scenario
                    .map
                    .zones
                    .iter()
                    .find(|zone| &zone.id == z)?
                    .label
                    .as_ref()
                    .map(|l| i18n.text(l).to_string())
            });
            let text = match place {
                Some(place) => i18n.f(
                    "hud-flight-toward",
                    &[
                        ("who", &name(subject)),
                        ("place", &place),
                        ("direction", &direction),
                    ],
                ),
                None => i18n.f(
                    "hud-flight",
                    &[("who", &name(subject)), ("direction", &direction)],
                ),
            };
            Some((text, color::BAD))
        }
        EventKind::OfficerMoved { by, what, subject } => {
            let key = match what {
                OfficerMove::TookCover => "hud-officer-took_cover",
                OfficerMove::Covering => "hud-officer-covering",
                OfficerMove::MovingUp => "hud-officer-moving_up",
                OfficerMove::Following => "hud-officer-following",
                OfficerMove::Containing => "hud-officer-containing",
            };
            let subject = subject
                .as_deref()
                .map_or_else(|| i18n.t("hud-officer-subject"), name);
            Some((
                i18n.f(key, &[("who", &name(by)), ("subject", &subject)]),
                color::TEXT_DIM,
            ))
        }
        EventKind::Restrained { subject, by } if by != TRAINEE => Some((
            i18n.f(
                "hud-partner-restrained",
                &[("who", &name(by)), ("subject", &name(subject))],
            ),
            color::GOOD,
        )),
        EventKind::Searched { subject, by, .. } if by != TRAINEE => Some((
            i18n.f(
                "hud-partner-searched",
                &[("who", &name(by)), ("subject", &name(subject))],
            ),
            color::TEXT,
        )),
        EventKind::PlaceSearched { place, by, .. } if by != TRAINEE => Some((
            i18n.f(
                "hud-partner-place_searched",
                &[("who", &name(by)), ("place", &name(place))],
            ),
            color::TEXT,
        )),
        EventKind::Action { by, action } => partner_action_line(i18n, by, action, &name),
        EventKind::Escaped { subject } => Some((
            i18n.f("hud-escaped", &[("who", &name(subject))]),
            color::BAD,
        )),
        EventKind::Injured { who, .. } if who == TRAINEE => {
            Some((i18n.t("hud-you_injured"), color::BAD))
        }
        EventKind::Shot { by, .. } => Some((i18n.f("hud-shot", &[("who", &name(by))]), color::BAD)),
        _ => None,
    }
}

/// The compass word for a bearing in degrees (0 = east, 90 = north).
pub fn compass_key(bearing: f32) -> &'static str {
    const KEYS: [&str; 8] = [
        "compass-e",
        "compass-ne",
        "compass-n",
        "compass-nw",
        "compass-w",
        "compass-sw",
        "compass-s",
        "compass-se",
    ];
    let sector = ((bearing.rem_euclid(360.0) + 22.5) / 45.0) as usize % 8;
    KEYS[sector]
}

/// A partner's or backup officer's action as a log line (the trainee's own
/// are handled above): words said, a weapon drawn or put away, force used.
fn partner_action_line(
    i18n: &I18n,
    by: &str,
    action: &OfficerAction,
    name: &dyn Fn(&str) -> String,
) -> Option<(String, Color)> {
    if by == TRAINEE {
        return None;
    }
    let target = || {
        action
            .target
            .as_deref()
            .map_or_else(|| i18n.t("hud-officer-subject"), name)
    };
    match action.act {
        Act::Identify | Act::Command(_) | Act::Warn(_) | Act::Talk => Some((
            i18n.f(
                "hud-partner-said",
                &[
                    ("who", &name(by)),
                    (
                        "text",
                        &i18n.f("hud-quote", &[("text", &i18n.t(&act_key(action.act)))]),
                    ),
                ],
            ),
            color::TEXT_DIM,
        )),
        Act::Draw => Some((
            i18n.f("hud-partner-draw", &[("who", &name(by))]),
            color::TEXT_DIM,
        )),
        Act::Holster => Some((
            i18n.f("hud-partner-holster", &[("who", &name(by))]),
            color::TEXT_DIM,
        )),
        Act::Force(_) => Some((
            i18n.f(
                "hud-partner-force",
                &[
                    ("who", &name(by)),
                    ("subject", &target()),
                    ("option", &i18n.t(&act_key(action.act))),
                ],
            ),
            color::WARN,
        )),
        _ => None,
    }
}

/// Appends a line; the same text again only counts up (`×3`), so a repeated
/// refusal does not push everything else out.
pub fn push_line(hud: &mut HudLog, t: f32, text: String, col: Color) {
    if let Some(last) = hud.lines.last_mut() {
        let base = last.1.split(" ×").next().unwrap_or("").to_string();
        if base == text {
            let n: u32 = last
                .1
                .rsplit(" ×")
                .next()
                .filter(|_| last.1.contains(" ×"))
                .and_then(|n| n.parse().ok())
                .unwrap_or(1);
            last.0 = t;
            last.1 = format!("{text} ×{}", n + 1);
            return;
        }
    }
    hud.lines.push((t, text, col));
}

/// Reads new events into the log and shows the last lines.
#[allow(clippy::too_many_arguments)]
pub fn show(
    mut commands: Commands,
    log: Res<SimLog>,
    i18n: Res<I18n>,
    names: Res<Names>,
    setup: Option<Res<RunSetup>>,
    mut hud: ResMut<HudLog>,
    mut own: ResMut<crate::game::gameplay::overlay::OwnWords>,
    q: Query<Entity, With<LogLines>>,
    mut shown: Local<Option<(Entity, usize, usize)>>,
) {
    if log.0.len() < hud.read {
        hud.read = 0;
    }
    let start = hud.read;
    for e in log.0.iter().skip(start) {
        if let EventKind::Action { by, action } = &e.kind
            && by == TRAINEE
            && matches!(
                action.act,
                Act::Identify | Act::Command(_) | Act::Warn(_) | Act::Talk
            )
        {
            own.text = if action.act == Act::Talk {
                i18n.t("act-talk_bubble")
            } else {
                i18n.t(&act_key(action.act))
            };
            own.until = e.t() + crate::game::gameplay::overlay::OWN_WORDS_SECONDS;
        }
        if let Some((text, col)) = line_for(e, &i18n, &names, setup.as_deref()) {
            push_line(&mut hud, e.t(), text, col);
        }
    }
    hud.read = log.0.len();
    let excess = hud.lines.len().saturating_sub(KEEP);
    hud.lines.drain(..excess);
    let Ok(container) = q.single() else {
        return;
    };
    let key = (container, hud.read, hud.lines.len());
    if *shown == Some(key) {
        return;
    }
    *shown = Some(key);
    commands.entity(container).despawn_children();
    commands.entity(container).with_children(|c| {
        if hud.lines.is_empty() {
            c.spawn(widgets::label(
                i18n.t("hud-log_empty"),
                size::SMALL,
                color::TEXT_DIM,
            ));
        }
        for (t, text, col) in &hud.lines {
            c.spawn(widgets::label(
                format!("{}  {text}", clock(*t)),
                size::SMALL,
                *col,
            ));
        }
    });
}

fn reset(mut hud: ResMut<HudLog>) {
    *hud = HudLog::default();
}

/// Registers the log.
pub fn plugin(app: &mut App) {
    app.init_resource::<HudLog>()
        .add_systems(OnEnter(Screen::Gameplay), reset);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partner_actions_and_flights_get_log_lines() {
        let i18n = I18n::new(Lang::En);
        let names = Names::default();
        let line = |kind: EventKind| {
            line_for(
                &Event {
                    tick: 60,
                    kind,
                    ctx: None,
                },
                &i18n,
                &names,
                None,
            )
            .map(|(text, _)| text)
        };
        let by = "cover_officer".to_string();
        let cases = [
            EventKind::Restrained {
                subject: "driver".into(),
                by: by.clone(),
            },
            EventKind::Searched {
                subject: "driver".into(),
                by: by.clone(),
                searcher_sex: Sex::Male,
                found: Vec::new(),
                witnesses: Vec::new(),
                evidence: Vec::new(),
            },
            EventKind::OfficerMoved {
                by: by.clone(),
                what: OfficerMove::TookCover,
                subject: Some("driver".into()),
            },
            EventKind::OfficerMoved {
                by: "backup_1".into(),
                what: OfficerMove::Containing,
                subject: None,
            },
            EventKind::Action {
                by: by.clone(),
                action: OfficerAction::at(Act::Force(ForceOption::Firearm), "driver"),
            },
            EventKind::Action {
                by: by.clone(),
                action: OfficerAction::new(Act::Draw),
            },
        ];
        for kind in cases {
            let text = line(kind.clone()).unwrap_or_else(|| panic!("no line for {kind:?}"));
            assert!(
                text.contains("cover officer") || text.contains("backup 1"),
                "{text}"
            );
        }
        let flight = line(EventKind::Flight {
            subject: "driver".into(),
            toward: None,
            bearing: 85.0,
        })
        .expect("an alert");
        assert!(
            flight.starts_with('⚠') && flight.contains("north"),
            "{flight}"
        );
        assert_eq!(compass_key(0.0), "compass-e");
        assert_eq!(compass_key(350.0), "compass-e");
        assert_eq!(compass_key(225.0), "compass-sw");
        // The trainee's own selecting is not a partner line.
        assert!(
            line(EventKind::Action {
                by: "cover_officer".into(),
                action: OfficerAction::new(Act::Select(Tool::Handgun)),
            })
            .is_none()
        );
    }

    #[test]
    fn repeated_lines_count_up() {
        let mut hud = HudLog::default();
        for t in 0..3 {
            push_line(&mut hud, t as f32, "door locked".into(), Color::WHITE);
        }
        push_line(&mut hud, 4.0, "other".into(), Color::WHITE);
        let texts: Vec<&str> = hud.lines.iter().map(|l| l.1.as_str()).collect();
        assert_eq!(texts, vec!["door locked ×3", "other"]);
    }
}
