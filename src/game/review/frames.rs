//! The replay frames of a saved session, rebuilt from what the record holds:
//! the track (everyone's position and heading every 0.25 s) interpolated to
//! the replay's rate, and the event log for the rest (what the trainee
//! perceived of each subject, injuries, handcuffs, the trainee's tool, words,
//! shots, doors). The record keeps no visibility polygon, so the evaluator
//! sees the whole scene; the session's own fog is the trainee's business.

use crate::domain::{Cue, Health, Pt, Tool, ToolState};
use crate::events::{EventKind, TRAINEE, TrackSample};
use crate::game::run::{REPLAY_EVERY, ReplayFrame};
use crate::scenario::schema::{DoorState, Effect, Scenario};
use crate::session::SessionRecord;
use crate::sim::{Drawable, PersonKind, SceneView};
use std::collections::BTreeMap;

/// How long a spoken line stays in its bubble (ticks).
const SPEECH_TICKS: u32 = 180;
/// How long a shot's tracer shows (ticks, half a second as in play).
const TRACER_TICKS: u32 = 30;

/// Who a person is, from the scenario (ids the scenario does not name are
/// backup officers, `backup_N`, or crowd members, `CROWD_N`).
fn person(scenario: &Scenario, id: &str) -> Drawable {
    let mut d = Drawable {
        id: id.to_string(),
        visible: true,
        ..Default::default()
    };
    let o = &scenario.officers;
    if id == TRAINEE {
        d.kind = PersonKind::Trainee;
        d.sex = o.trainee.sex;
    } else if let Some(p) = o.partners.iter().find(|p| p.id == id) {
        d.kind = PersonKind::Officer;
        d.sex = p.sex;
    } else if let Some(s) = scenario.subjects.iter().find(|s| s.id == id) {
        d.kind = PersonKind::Subject;
        d.sex = s.sex;
        d.age = s.age;
    } else if let Some(b) = scenario.bystanders.iter().find(|b| b.id == id) {
        d.kind = PersonKind::Bystander;
        d.sex = b.sex;
        d.age = b.age;
    } else if id.starts_with("backup_") {
        d.kind = PersonKind::Officer;
    } else {
        d.kind = PersonKind::CrowdMember;
    }
    d
}

/// What the log says of a person up to a moment.
#[derive(Debug, Clone, Default)]
struct Seen {
    cues: Vec<Cue>,
    health: Health,
    restrained: bool,
    incapacitated: bool,
    speech: Option<(u32, crate::domain::LocalizedText)>,
}

/// The state the log has built up to a tick.
#[derive(Debug, Clone, Default)]
struct LogState {
    people: BTreeMap<String, Seen>,
    tool: Option<(Tool, ToolState)>,
    doors: BTreeMap<String, DoorState>,
    /// Shots: (tick, shooter, target).
    shots: Vec<(u32, String, Option<String>)>,
}

impl LogState {
    fn seen(&mut self, id: &str) -> &mut Seen {
        self.people.entry(id.to_string()).or_default()
    }
}

/// A position along the straight line from `a` to `b`.
fn lerp(a: Pt, b: Pt, k: f32) -> Pt {
    (a.0 + (b.0 - a.0) * k, a.1 + (b.1 - a.1) * k)
}

/// Everyone's (position, heading) at `tick`, interpolated between the track
/// samples around it; a person missing from the later sample stays where
/// they were last seen.
pub fn positions_at(track: &[TrackSample], tick: u32) -> Vec<(String, Pt, f32)> {
    let i = track.partition_point(|s| s.tick <= tick);
    let Some(a) = i.checked_sub(1).and_then(|i| track.get(i)) else {
        return track.first().map(|s| s.actors.clone()).unwrap_or_default();
    };
    let Some(b) = track.get(i) else {
        return a.actors.clone();
    };
    let k = (tick - a.tick) as f32 / (b.tick - a.tick).max(1) as f32;
    let later: BTreeMap<&str, (Pt, f32)> = b
        .actors
        .iter()
        .map(|(id, p, h)| (id.as_str(), (*p, *h)))
        .collect();
    a.actors
        .iter()
        .map(|(id, p, h)| match later.get(id.as_str()) {
            Some((q, g)) => (
                id.clone(),
                lerp(*p, *q, k),
                crate::session::compact::lerp_deg(*h, *g, k),
            ),
            None => (id.clone(), *p, *h),
        })
        .collect()
}

/// The replay frames of a record: one every [`REPLAY_EVERY`] ticks and one
/// at each track sample, from the first sample to the last.
pub fn frames(scenario: &Scenario, record: &SessionRecord) -> Vec<ReplayFrame> {
    let track = &record.track;
    let (Some(first), Some(last)) = (track.first(), track.last()) else {
        return vec![ReplayFrame {
            tick: 0,
            scene: SceneView::default(),
        }];
    };
    let kinds: BTreeMap<&str, Drawable> = track
        .iter()
        .flat_map(|s| s.actors.iter().map(|a| a.0.as_str()))
        .map(|id| (id, person(scenario, id)))
        .collect();
    let (w, h) = scenario.map.size;
    let whole_map = vec![(0.0, 0.0), (w, 0.0), (w, h), (0.0, h)];
    let mut state = LogState {
        doors: scenario
            .map
            .doors
            .iter()
            .map(|d| (d.id.clone(), d.state))
            .collect(),
        ..Default::default()
    };
    let events = &record.events.0;
    let mut next_event = 0;
    let mut out = Vec::new();
    let mut tick = first.tick;
    loop {
        let at = positions_at(track, tick);
        while let Some(e) = events.get(next_event).filter(|e| e.tick <= tick) {
            apply(&mut state, scenario, &at, e);
            next_event += 1;
        }
        out.push(ReplayFrame {
            tick,
            scene: scene(&kinds, &state, &at, tick, &whole_map),
        });
        if tick >= last.tick {
            break;
        }
        // The replay's rate, and every track sample itself (shown exactly).
        let next_sample = track[track.partition_point(|s| s.tick <= tick)..]
            .first()
            .map_or(last.tick, |s| s.tick);
        tick = ((tick / REPLAY_EVERY + 1) * REPLAY_EVERY).min(next_sample);
    }
    out
}

/// Updates the log's state with one event.
fn apply(
    state: &mut LogState,
    scenario: &Scenario,
    at: &[(String, Pt, f32)],
    e: &crate::events::Event,
) {
    if let Some(ctx) = &e.ctx {
        state.tool = Some((ctx.officer.tool, ctx.officer.tool_state));
        if let Some(v) = &ctx.subject {
            let s = state.seen(&v.id);
            s.cues.clone_from(&v.cues);
            s.health = v.health;
            s.restrained |= v.restrained;
        }
    }
    match &e.kind {
        EventKind::Injured { who, health, .. } => state.seen(who).health = *health,
        EventKind::Incapacitated { who } => state.seen(who).incapacitated = true,
        EventKind::Restrained { subject, .. } => state.seen(subject).restrained = true,
        EventKind::Said { who, text } => state.seen(who).speech = Some((e.tick, text.clone())),
        EventKind::Shot { by, at: target, .. } => {
            state.shots.push((e.tick, by.clone(), target.clone()))
        }
        EventKind::Action { by, action } => {
            use crate::domain::{Act, Procedure};
            let open = match action.act {
                Act::Do(Procedure::OpenDoor) => DoorState::Open,
                Act::Do(Procedure::CloseDoor) => DoorState::Closed,
                _ => return,
            };
            // A door named, else the one nearest the officer (as the simulation picks).
            let door = action.target.clone().or_else(|| {
                let (_, p, _) = at.iter().find(|a| &a.0 == by)?;
                scenario
                    .map
                    .doors
                    .iter()
                    .min_by(|a, b| dist(a.at, *p).total_cmp(&dist(b.at, *p)))
                    .map(|d| d.id.clone())
            });
            if let Some(d) = door {
                state.doors.insert(d, open);
            }
        }
        EventKind::Trigger { id } => {
            let effects = scenario.triggers.iter().filter(|t| &t.id == id);
            for eff in effects.flat_map(|t| &t.effects) {
                if let Effect::Door { door, state: s } = eff {
                    state.doors.insert(door.clone(), *s);
                }
            }
        }
        _ => {}
    }
}

fn dist(a: Pt, b: Pt) -> f32 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

/// The scene at `tick` from the positions and the log's state.
fn scene(
    kinds: &BTreeMap<&str, Drawable>,
    state: &LogState,
    at: &[(String, Pt, f32)],
    tick: u32,
    whole_map: &[Pt],
) -> SceneView {
    let people = at
        .iter()
        .map(|(id, pos, heading)| {
            let mut d = kinds.get(id.as_str()).cloned().unwrap_or_else(|| Drawable {
                id: id.clone(),
                visible: true,
                ..Default::default()
            });
            d.pos = *pos;
            d.heading = *heading;
            if d.kind == PersonKind::Trainee {
                d.tool = state.tool;
            }
            if let Some(s) = state.people.get(id) {
                d.cues.clone_from(&s.cues);
                let mut add = |c: Cue| {
                    if !d.cues.contains(&c) {
                        d.cues.push(c);
                    }
                };
                if s.restrained {
                    add(Cue::Restrained);
                }
                if s.incapacitated {
                    add(Cue::Incapacitated);
                }
                if s.health != Health::Unhurt {
                    add(Cue::Injured);
                }
                d.health = s.health;
                d.speech = s
                    .speech
                    .as_ref()
                    .filter(|(t, _)| tick < t + SPEECH_TICKS)
                    .map(|(_, text)| text.clone());
            }
            d
        })
        .collect();
    let pos_of = |id: &str| at.iter().find(|a| a.0 == id).map(|a| a.1);
    let tracers = state
        .shots
        .iter()
        .filter(|(t, _, _)| tick < t + TRACER_TICKS)
        .filter_map(|(_, by, target)| Some((pos_of(by)?, pos_of(target.as_deref()?)?)))
        .collect();
    SceneView {
        people,
        doors: state.doors.iter().map(|(k, v)| (k.clone(), *v)).collect(),
        visibility: whole_map.to_vec(),
        tracers,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(tick: u32, x: f32, h: f32) -> TrackSample {
        TrackSample {
            tick,
            actors: vec![("trainee".into(), (x, 0.0), h)],
        }
    }

    #[test]
    fn positions_are_interpolated_between_samples_and_exact_on_them() {
        let track = [sample(0, 0.0, 350.0), sample(15, 3.0, 10.0)];
        assert_eq!(positions_at(&track, 0)[0].1, (0.0, 0.0));
        assert_eq!(positions_at(&track, 15)[0].1, (3.0, 0.0));
        let (_, p, h) = positions_at(&track, 5)[0].clone();
        assert!((p.0 - 1.0).abs() < 1e-5, "{p:?}");
        // Headings turn the short way (350 -> 10 passes 0, not 180).
        assert!((h - 356.666_7).abs() < 1e-3, "{h}");
        // Past the end: the last sample.
        assert_eq!(positions_at(&track, 99)[0].1, (3.0, 0.0));
    }
}
