//! Officer-safety rules. Most read the exposure changes the simulation logs
//! (`Exposure::*`) as episodes, from the moment one begins until it ends (or
//! the log ends), and yield at most one finding per episode, never one per
//! tick. Short episodes are forgiven where a reasonable officer needs a
//! moment to react or is only passing through.

use super::{Draft, Scope};
use crate::domain::*;
use crate::domain::{CoverKind, Risk, ScenarioKind};
use crate::events::{Context, Event, EventKind, Exposure, TRAINEE};
use crate::i18n::decimal;
use crate::scoring::facts::*;
use crate::scoring::text::{self, msg};
use std::collections::BTreeSet;

/// Seconds a reasonable officer gets to react to a threat that appears while
/// they are exposed, before staying exposed is a breach.
pub(crate) const REACTION_S: f32 = 2.0;

/// Seconds in a doorway (after the simulation's own half second of
/// lingering before it logs `EnteredDoorway`) before it counts as standing in
/// the fatal funnel.
pub(crate) const DOORWAY_S: f32 = 0.5;

/// Seconds with the back turned before it counts.
pub(crate) const BACK_TURNED_S: f32 = 1.0;

/// Seconds in a partner's line of fire before it counts (crossing is forgiven).
pub(crate) const PARTNER_LINE_S: f32 = 2.0;

/// Seconds after a risk appears within which backup must be requested.
pub(crate) const BACKUP_S: f32 = 15.0;

/// A knife or club this far away or more does not make the open ground a hazard.
pub(crate) const MELEE_THREAT_M: f32 = 10.0;

/// All officer-safety rules.
pub(crate) fn check(s: &Scope) -> Vec<Draft> {
    let mut out = Vec::new();
    out.extend(exposure(s));
    out.extend(reactionary_gap(s));
    out.extend(crossfire(s));
    out.extend(doorway(s));
    out.extend(felony_approach(s));
    out.extend(search_before_cuff(s));
    out.extend(call_in(s));
    out.extend(backup(s));
    out.extend(back_turned(s));
    out
}

/// One episode of an exposure state for one key (a subject, door or person).
pub(crate) struct Episode<'a> {
    /// Index of the event that began it.
    pub start_idx: usize,
    /// That event.
    pub start: &'a Event,
    /// Index one past the event that ended it (the log's length if none did).
    pub end_idx: usize,
    /// Seconds when it ended (the log's end if it did not).
    pub end_t: f32,
    /// The id the exposure names.
    pub key: String,
}

impl Episode<'_> {
    /// How long it lasted.
    pub fn len(&self) -> f32 {
        self.end_t - self.start.t()
    }
}

/// Episodes between an entering and a leaving exposure change, per key.
pub(crate) fn episodes<'a>(
    s: &Scope<'a>,
    enter: impl Fn(&Exposure) -> Option<&String>,
    leave: impl Fn(&Exposure) -> Option<&String>,
) -> Vec<Episode<'a>> {
    let events = s.facts.events;
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut out = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let EventKind::Exposure(x) = &e.kind else {
            continue;
        };
        if let Some(k) = enter(x) {
            if !open.iter().any(|(_, o)| o == k) {
                open.push((i, k.clone()));
            }
        } else if let Some(k) = leave(x)
            && let Some(pos) = open.iter().position(|(_, o)| o == k)
        {
            let (start_idx, key) = open.remove(pos);
            out.push(Episode {
                start_idx,
                start: &events[start_idx],
                end_idx: i + 1,
                end_t: e.t(),
                key,
            });
        }
    }
    for (start_idx, key) in open {
        out.push(Episode {
            start_idx,
            start: &events[start_idx],
            end_idx: events.len(),
            end_t: s.facts.end_t,
            key,
        });
    }
    out.sort_by_key(|e| e.start_idx);
    out
}

/// What makes exposure matter.
#[derive(Clone, Copy)]
enum Threat {
    /// A deadly weapon in view.
    Weapon(WeaponKind),
    /// A deadly threat perceived with no weapon in view (shots heard, a reach).
    Deadly,
    /// Reported armed (briefing or radio), not yet searched: treated as a gun.
    Reported,
}

/// The threat that makes exposure matter, as perceivable in a context: a deadly
/// weapon in view on the subject, a deadly threat, or an unrestrained subject
/// the officer was told is armed and who is not yet searched.
fn threat(ctx: &Context) -> Option<(&crate::events::SubjectView, Threat)> {
    let v = ctx.subject.as_ref()?;
    if let Some(w) = weapon_in_view(v) {
        return Some((v, Threat::Weapon(w)));
    }
    if v.perceived == ResistanceLevel::Deadly {
        return Some((v, Threat::Deadly));
    }
    (possibly_armed(v) && !under_control(v)).then_some((v, Threat::Reported))
}

/// Compliant and in a position of control (hands up, kneeling or prone): the
/// moment doctrine lets an officer leave cover to approach a suspect believed
/// armed, with a partner covering.
fn under_control(v: &crate::events::SubjectView) -> bool {
    v.perceived == ResistanceLevel::Compliant
        && v.cues
            .iter()
            .any(|c| matches!(c, Cue::HandsUp | Cue::Kneeling | Cue::Prone))
}

/// Exposed to that threat: in its line of fire, or, while the subject is in
/// sight, without hard cover from a gun or with no cover at all near a knife
/// or club. (Out of sight, only the simulation's line of fire counts: the
/// last-seen distance is stale.)
fn exposed(ctx: &Context, v: &crate::events::SubjectView, t: Threat) -> bool {
    let ranged = match t {
        Threat::Weapon(w) => w.is_firearm(),
        Threat::Deadly | Threat::Reported => true,
    };
    v.officer_in_line_of_fire
        || (v.visible
            && if ranged {
                ctx.officer.cover != Some(CoverKind::Hard)
            } else {
                ctx.officer.cover.is_none() && v.distance < MELEE_THREAT_M
            })
}

/// `safety.exposure`: the trainee exposed (in a subject's line of fire, in the
/// open without hard cover from a gun, or without any cover near a knife or
/// club) while a weapon is in view, a deadly threat is perceived, or the
/// subject was reported armed and is not yet searched or handcuffed. Moving
/// into exposure while the threat is there is a breach at once ("no hasty
/// moves into the open"); a threat that appears while the trainee is exposed
/// leaves [`REACTION_S`] to get to cover or end it. One finding per episode.
pub(crate) fn exposure(s: &Scope) -> Vec<Draft> {
    let mut out = Vec::new();
    // The open episode: (start time, moved into it, subject, threat).
    let mut open: Option<(f32, bool, String, Threat)> = None;
    let mut flush = |open: &mut Option<(f32, bool, String, Threat)>, end: f32| {
        if let Some((t0, moved, id, th)) = open.take()
            && (moved || end - t0 >= REACTION_S)
        {
            let thr = match th {
                Threat::Weapon(w) => msg(
                    "finding-safety-exposure-weapon",
                    &[("who", who(&id)), ("weapon", text::weapon(w))],
                ),
                Threat::Deadly => msg("finding-safety-exposure-deadly", &[("who", who(&id))]),
                Threat::Reported => msg("finding-safety-exposure-reported", &[("who", who(&id))]),
            };
            let tpl = if moved {
                "finding-safety-exposure-moved"
            } else {
                "finding-safety-exposure-stayed"
            };
            out.push(Draft::breach(
                t0,
                RuleId::SafetyExposure,
                Some(&id),
                msg(
                    tpl,
                    &[
                        ("t", clock(t0)),
                        ("d", decimal(end - t0)),
                        ("threat", thr.clone().into()),
                    ],
                ),
            ));
        }
    };
    for e in s.facts.events {
        let Some(ctx) = &e.ctx else { continue };
        let now = threat(ctx).filter(|(v, th)| exposed(ctx, v, *th));
        match (now, open.is_some()) {
            (Some((v, th)), false) => {
                let moved = matches!(
                    &e.kind,
                    EventKind::Exposure(Exposure::LeftCover | Exposure::EnteredLineOfFire(_))
                );
                open = Some((e.t(), moved, v.id.clone(), th));
            }
            (None, true) => flush(&mut open, e.t()),
            _ => {}
        }
    }
    flush(&mut open, s.facts.end_t);
    out
}

/// The trainee moved in to control `subject` with this action: hands-on force,
/// handcuffing or a search.
fn controls(act: &Act) -> bool {
    matches!(
        act,
        Act::Force(
            ForceOption::EscortGrip
                | ForceOption::JointLock
                | ForceOption::Takedown
                | ForceOption::Strike
                | ForceOption::Oc
                | ForceOption::Baton
                | ForceOption::Cew
        ) | Act::Do(Procedure::Handcuff | Procedure::Search | Procedure::FirstAid)
    )
}

/// Possibly armed or fighting, as perceivable: unrestrained and with a weapon
/// in view, reported armed and not under control, at least actively
/// resisting, or reaching, bladed or with fists clenched.
fn risky(v: &crate::events::SubjectView) -> bool {
    !restrained(v)
        && (weapon_in_view(v).is_some()
            || (v.reported_armed && !under_control(v))
            || v.perceived >= ResistanceLevel::Active
            || v.cues
                .iter()
                .any(|c| matches!(c, Cue::Reaching | Cue::BladedStance | Cue::ClenchedFists)))
}

/// `safety.reactionary_gap`: within the reactionary gap of an unrestrained
/// subject who could be armed or was fighting, without moving in to control
/// (hands-on force, handcuffs, search). Walking into the gap of such a subject
/// is a breach at once; a subject who turns risky while the trainee is close
/// leaves [`REACTION_S`] to step back. One finding per episode.
pub(crate) fn reactionary_gap(s: &Scope) -> Vec<Draft> {
    let eps = episodes(
        s,
        |x| match x {
            Exposure::EnteredGap(k) => Some(k),
            _ => None,
        },
        |x| match x {
            Exposure::LeftGap(k) => Some(k),
            _ => None,
        },
    );
    let mut out = Vec::new();
    for ep in eps {
        let span = &s.facts.events[ep.start_idx..ep.end_idx];
        let controlled = span.iter().any(|e| match &e.kind {
            EventKind::Action { by, action } if by == TRAINEE => {
                controls(&action.act) && action_subject(e, action).as_deref() == Some(&ep.key)
            }
            _ => false,
        });
        if controlled {
            continue;
        }
        let first_risky = span
            .iter()
            .enumerate()
            .find_map(|(i, e)| view_of(e, &ep.key).filter(|v| risky(v)).map(|v| (i, e, v)));
        let Some((i, e, v)) = first_risky else {
            continue;
        };
        if i > 0 && ep.end_t - e.t() < REACTION_S {
            continue;
        }
        out.push(Draft::breach(
            e.t(),
            RuleId::SafetyReactionaryGap,
            Some(&ep.key),
            msg(
                "finding-safety-reactionary_gap",
                &[
                    ("t", clock(e.t())),
                    ("d", decimal(v.distance)),
                    ("who", who(&ep.key)),
                    ("seen", text::seen(v)),
                ],
            ),
        ));
    }
    out
}

/// `safety.crossfire`: muzzle discipline and crossfire. (1) Aiming with a
/// partner or bystander in the line between the muzzle and the target: at an
/// aim (or a shot, which needs one) with people in the line, or when a person steps into the line while the
/// trainee aims; once per person until the line clears or the weapon is
/// lowered. (2) Standing in a partner's line of fire for [`PARTNER_LINE_S`]
/// or more, once per episode.
pub(crate) fn crossfire(s: &Scope) -> Vec<Draft> {
    let mut out = Vec::new();
    let mut flagged: BTreeSet<String> = BTreeSet::new();
    let mut aiming = false;
    let push = |out: &mut Vec<Draft>, e: &Event, people: Vec<String>| {
        let target = subject_view(e).map(|v| v.id.clone());
        out.push(Draft::breach(
            e.t(),
            RuleId::SafetyCrossfire,
            target.as_deref(),
            msg(
                "finding-safety-crossfire",
                &[("t", clock(e.t())), ("people", who_list(&people))],
            ),
        ));
    };
    for e in s.facts.events {
        match &e.kind {
            EventKind::Action { by, action } if by == TRAINEE => match action.act {
                Act::Aim | Act::Force(ForceOption::PointFirearm | ForceOption::Firearm) => {
                    aiming = true;
                    let fresh: Vec<String> = subject_view(e)
                        .map(|v| v.people_in_line.clone())
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|p| !flagged.contains(p))
                        .collect();
                    if !fresh.is_empty() {
                        flagged.extend(fresh.iter().cloned());
                        push(&mut out, e, fresh);
                    }
                }
                Act::Lower | Act::Holster | Act::Select(_) => {
                    aiming = false;
                    flagged.clear();
                }
                _ => {}
            },
            EventKind::Exposure(Exposure::PersonInLine(p)) => {
                let aimed = aiming
                    || e.ctx
                        .as_ref()
                        .is_some_and(|c| c.officer.tool_state == ToolState::Aimed);
                if aimed && flagged.insert(p.clone()) {
                    push(&mut out, e, vec![p.clone()]);
                }
            }
            EventKind::Exposure(Exposure::LineClear(p)) => {
                flagged.remove(p);
            }
            _ => {}
        }
    }
    let eps = episodes(
        s,
        |x| match x {
            Exposure::InPartnerLine(k) => Some(k),
            _ => None,
        },
        |x| match x {
            Exposure::OutOfPartnerLine(k) => Some(k),
            _ => None,
        },
    );
    for ep in eps.into_iter().filter(|ep| ep.len() >= PARTNER_LINE_S) {
        out.push(Draft::breach(
            ep.start.t(),
            RuleId::SafetyCrossfire,
            None,
            msg(
                "finding-safety-crossfire-2",
                &[
                    ("t", clock(ep.start.t())),
                    ("who", who(&ep.key)),
                    ("d", decimal(ep.len())),
                ],
            ),
        ));
    }
    out
}

/// `safety.doorway`: standing in a doorway (the fatal funnel) for
/// [`DOORWAY_S`] or more; passing through is fine. One finding per episode.
pub(crate) fn doorway(s: &Scope) -> Vec<Draft> {
    episodes(
        s,
        |x| match x {
            Exposure::EnteredDoorway(k) => Some(k),
            _ => None,
        },
        |x| match x {
            Exposure::LeftDoorway(k) => Some(k),
            _ => None,
        },
    )
    .into_iter()
    .filter(|ep| ep.len() >= DOORWAY_S)
    .map(|ep| {
        Draft::breach(
            ep.start.t(),
            RuleId::SafetyDoorway,
            None,
            msg(
                "finding-safety-doorway",
                &[
                    ("t", clock(ep.start.t())),
                    ("door", who(&ep.key)),
                    ("d", decimal(ep.len())),
                ],
            ),
        )
    })
    .collect()
}

/// True when the call was high risk, as dispatched or as seen up to event `idx`:
/// a high-risk or armed-vehicle call, or a subject seen so far with a deadly
/// weapon in view, reported armed, or assaulting.
fn high_risk_by(s: &Scope, idx: usize) -> bool {
    s.facts.risk == Some(Risk::High)
        || s.facts.kind == Some(ScenarioKind::ArmedVehicle)
        || s.facts.events.iter().take(idx + 1).any(|e| {
            subject_view(e)
                .is_some_and(|v| possibly_armed(v) || v.perceived >= ResistanceLevel::Assaultive)
        })
}

/// `safety.felony_approach`: in a high-risk stop (as dispatched, or once a
/// weapon or an assault was seen), walking up to an occupied vehicle instead
/// of calling the occupants out to the cover of the patrol car. Once per
/// vehicle; not once its occupant is handcuffed or out of it.
pub(crate) fn felony_approach(s: &Scope) -> Vec<Draft> {
    let mut done = BTreeSet::new();
    let mut out = Vec::new();
    for (i, e) in s.facts.events.iter().enumerate() {
        let EventKind::Exposure(Exposure::AtVehicle(veh)) = &e.kind else {
            continue;
        };
        let occupied = subject_view(e).is_none_or(|v| v.in_vehicle && !restrained(v));
        if !occupied || !high_risk_by(s, i) || !done.insert(veh.clone()) {
            continue;
        }
        out.push(Draft::breach(
            e.t(),
            RuleId::SafetyFelonyApproach,
            subject_view(e).map(|v| v.id.as_str()),
            msg(
                "finding-safety-felony_approach",
                &[("t", clock(e.t())), ("veh", who(veh))],
            ),
        ));
    }
    out
}

/// `safety.search_before_cuff`: the trainee searched a person who was not
/// handcuffed. Handcuff first, then search. Not for a person who showed
/// signs of being a victim (a child courier's bag is searched without
/// handcuffs: cuffing a victim is a `procedure.victim_care` breach).
pub(crate) fn search_before_cuff(s: &Scope) -> Vec<Draft> {
    let mut cuffed = BTreeSet::new();
    let mut out = Vec::new();
    for e in s.facts.events {
        match &e.kind {
            EventKind::Restrained { subject, .. } => {
                cuffed.insert(subject.clone());
            }
            EventKind::Interviewed {
                who,
                victim_signs: true,
            } => {
                cuffed.insert(who.clone());
            }
            EventKind::Searched { subject, by, .. } if by == TRAINEE => {
                let seen_cuffed = view_of(e, subject).is_some_and(restrained);
                if !cuffed.contains(subject) && !seen_cuffed {
                    out.push(Draft::breach(
                        e.t(),
                        RuleId::SafetySearchBeforeCuff,
                        Some(subject),
                        msg(
                            "finding-safety-search_before_cuff",
                            &[("t", clock(e.t())), ("who", who(subject))],
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

/// The trainee's first approach: at a vehicle, within the reactionary gap,
/// in a doorway, or a hands-on procedure, search, room clearing or interview.
fn is_approach(e: &Event) -> bool {
    match &e.kind {
        EventKind::Exposure(
            Exposure::AtVehicle(_) | Exposure::EnteredGap(_) | Exposure::EnteredDoorway(_),
        ) => true,
        EventKind::Action { by, action } if by == TRAINEE => matches!(
            action.act,
            Act::Do(
                Procedure::Handcuff
                    | Procedure::Search
                    | Procedure::SearchVehicle
                    | Procedure::ClearRoom
                    | Procedure::OpenDoor
                    | Procedure::Interview
            )
        ),
        _ => false,
    }
}

/// `safety.call_in`: the first approach made before the trainee called in the
/// stop or the call. Once per session.
pub(crate) fn call_in(s: &Scope) -> Vec<Draft> {
    for e in s.facts.events {
        if let EventKind::Action { by, action } = &e.kind
            && by == TRAINEE
            && action.act == Act::Radio(RadioCall::CallIn)
        {
            return Vec::new();
        }
        if is_approach(e) {
            if e.ctx.as_ref().is_some_and(|c| c.officer.called_in) {
                return Vec::new();
            }
            // A stop is called in with its plate; any other call with where you are.
            let id = match s.facts.kind {
                None
                | Some(
                    ScenarioKind::TrafficStop
                    | ScenarioKind::ArmedVehicle
                    | ScenarioKind::Checkpoint,
                ) => "finding-safety-call_in",
                Some(_) => "finding-safety-call_in-call",
            };
            return vec![Draft::breach(
                e.t(),
                RuleId::SafetyCallIn,
                None,
                msg(id, &[("t", clock(e.t()))]),
            )];
        }
    }
    Vec::new()
}

/// `safety.backup`: the risk called for backup (a high-risk call as dispatched,
/// a deadly weapon in view, a deadly threat, or two or more unrestrained
/// subjects with one at least actively resisting) and no backup was requested
/// or present (another officer within 15 m) within [`BACKUP_S`] of the risk
/// appearing. Once per session.
pub(crate) fn backup(s: &Scope) -> Vec<Draft> {
    let evs = s.facts.events;
    let risk_at = if s.facts.risk == Some(Risk::High) {
        Some((0.0, None))
    } else {
        evs.iter().find_map(|e| {
            let c = e.ctx.as_ref()?;
            let v = c.subject.as_ref();
            let armed = v.is_some_and(|v| weapon_in_view(v).is_some());
            let deadly = c.max_perceived == ResistanceLevel::Deadly;
            let several =
                c.subjects_unrestrained >= 2 && c.max_perceived >= ResistanceLevel::Active;
            (armed || deadly || several).then(|| (e.t(), v.map(|v| v.id.clone())))
        })
    };
    let Some((t0, subject)) = risk_at else {
        return Vec::new();
    };
    let ok = evs.iter().filter(|e| e.t() <= t0 + BACKUP_S).any(|e| {
        let requested = matches!(&e.kind, EventKind::Action { by, action }
            if by == TRAINEE && action.act == Act::Radio(RadioCall::RequestBackup));
        let present = e
            .ctx
            .as_ref()
            .is_some_and(|c| c.officer.backup || c.officers_present >= 2);
        requested || present || matches!(e.kind, EventKind::BackupArrived { .. })
    });
    if ok {
        return Vec::new();
    }
    vec![Draft::breach(
        t0,
        RuleId::SafetyBackup,
        subject.as_deref(),
        msg(
            "finding-safety-backup",
            &[("t", clock(t0)), ("n", format!("{BACKUP_S:.0}").into())],
        ),
    )]
}

/// `safety.back_turned`: the back turned on a subject who was not searched for
/// [`BACK_TURNED_S`] or more. One finding per episode.
pub(crate) fn back_turned(s: &Scope) -> Vec<Draft> {
    episodes(
        s,
        |x| match x {
            Exposure::BackTurned(k) => Some(k),
            _ => None,
        },
        |x| match x {
            Exposure::BackRestored(k) => Some(k),
            _ => None,
        },
    )
    .into_iter()
    .filter(|ep| ep.len() >= BACK_TURNED_S)
    .map(|ep| {
        Draft::breach(
            ep.start.t(),
            RuleId::SafetyBackTurned,
            Some(&ep.key),
            msg(
                "finding-safety-back_turned",
                &[
                    ("t", clock(ep.start.t())),
                    ("who", who(&ep.key)),
                    ("d", decimal(ep.len())),
                ],
            ),
        )
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::hits;
    use crate::domain::*;
    use crate::domain::{CoverKind, Risk, ScenarioKind};
    use crate::events::*;
    use crate::scoring::testkit::LogBuilder;
    use ResistanceLevel::*;

    fn gunman() -> LogBuilder {
        LogBuilder::new()
            .subject("s", |v| v.perceived = Deadly)
            .dist(12.0)
            .weapon(WeaponKind::Handgun)
    }

    #[test]
    fn exposure_staying_in_the_open_near_a_gun() {
        let log = gunman()
            .at(10.0)
            .event(EventKind::WeaponSeen {
                subject: "s".into(),
                weapon: WeaponKind::Handgun,
            })
            .at(14.0)
            .act(Act::Command(Command::DropWeapon))
            .build();
        let f = hits(&log, "safety.exposure");
        assert_eq!(f.len(), 1, "one finding per episode, not per event");
        assert!(f[0].text.contains("stayed exposed for 4.0 s"));
        assert!(f[0].text.contains("«s» had a handgun in view"));
    }

    #[test]
    fn exposure_forgiven_when_cover_taken_in_time() {
        let log = gunman()
            .at(10.0)
            .event(EventKind::WeaponSeen {
                subject: "s".into(),
                weapon: WeaponKind::Handgun,
            })
            .at(11.0)
            .officer(|o| o.cover = Some(CoverKind::Hard))
            .expose(Exposure::EnteredCover(CoverKind::Hard))
            .at(20.0)
            .act(Act::Command(Command::DropWeapon))
            .build();
        assert!(hits(&log, "safety.exposure").is_empty());
    }

    #[test]
    fn exposure_needs_the_threat_in_sight_or_a_line_of_fire() {
        let log = gunman()
            .subject("s", |v| v.visible = false)
            .at(10.0)
            .act(Act::Command(Command::DropWeapon))
            .at(30.0)
            .act(Act::Command(Command::DropWeapon))
            .build();
        assert!(hits(&log, "safety.exposure").is_empty());
        let in_line = gunman()
            .subject("s", |v| {
                v.visible = false;
                v.officer_in_line_of_fire = true;
            })
            .at(10.0)
            .act(Act::Command(Command::DropWeapon))
            .at(30.0)
            .act(Act::Command(Command::DropWeapon))
            .build();
        assert_eq!(hits(&in_line, "safety.exposure").len(), 1);
    }

    #[test]
    fn exposure_leaving_cover_is_a_breach_at_once() {
        let log = gunman()
            .officer(|o| o.cover = Some(CoverKind::Hard))
            .at(5.0)
            .act(Act::Command(Command::DropWeapon))
            .at(6.0)
            .officer(|o| o.cover = None)
            .expose(Exposure::LeftCover)
            .at(6.5)
            .officer(|o| o.cover = Some(CoverKind::Hard))
            .expose(Exposure::EnteredCover(CoverKind::Hard))
            .build();
        let f = hits(&log, "safety.exposure");
        assert_eq!(f.len(), 1);
        assert!(f[0].text.starts_with("At 0:06 you moved out of cover"));
    }

    #[test]
    fn reactionary_gap_close_to_a_fighting_subject() {
        let log = LogBuilder::new()
            .subject("s", |v| v.perceived = Active)
            .dist(2.0)
            .at(3.0)
            .expose(Exposure::EnteredGap("s".into()))
            .at(8.0)
            .expose(Exposure::LeftGap("s".into()))
            .build();
        let f = hits(&log, "safety.reactionary_gap");
        assert_eq!(f.len(), 1);
        assert!(f[0].text.contains("2.0 m from «s»"));
    }

    #[test]
    fn reactionary_gap_fine_when_moving_in_to_control_or_subject_calm() {
        let control = LogBuilder::new()
            .subject("s", |v| v.perceived = Active)
            .dist(1.0)
            .expose(Exposure::EnteredGap("s".into()))
            .at(1.0)
            .act(Act::Force(ForceOption::Takedown))
            .at(4.0)
            .act(Act::Do(Procedure::Handcuff))
            .build();
        assert!(hits(&control, "safety.reactionary_gap").is_empty());
        let calm = LogBuilder::new()
            .subject("s", |v| v.perceived = Compliant)
            .dist(2.0)
            .expose(Exposure::EnteredGap("s".into()))
            .at(30.0)
            .expose(Exposure::LeftGap("s".into()))
            .build();
        assert!(hits(&calm, "safety.reactionary_gap").is_empty());
    }

    #[test]
    fn crossfire_aiming_with_bystander_in_line() {
        let log = gunman()
            .officer(|o| o.tool = Tool::Handgun)
            .subject("s", |v| v.people_in_line = vec!["b1".into()])
            .at(4.0)
            .act(Act::Aim)
            .at(5.0)
            .act(Act::Aim)
            .build();
        let f = hits(&log, "safety.crossfire");
        assert_eq!(f.len(), 1, "once until the line clears");
        assert!(f[0].text.contains("«b1»"));
        let clear = gunman()
            .officer(|o| o.tool = Tool::Handgun)
            .act(Act::Aim)
            .build();
        assert!(hits(&clear, "safety.crossfire").is_empty());
    }

    #[test]
    fn crossfire_standing_in_partner_line() {
        let long = LogBuilder::new()
            .at(2.0)
            .expose(Exposure::InPartnerLine("p1".into()))
            .at(5.0)
            .expose(Exposure::OutOfPartnerLine("p1".into()))
            .build();
        assert_eq!(hits(&long, "safety.crossfire").len(), 1);
        let crossing = LogBuilder::new()
            .at(2.0)
            .expose(Exposure::InPartnerLine("p1".into()))
            .at(2.5)
            .expose(Exposure::OutOfPartnerLine("p1".into()))
            .build();
        assert!(hits(&crossing, "safety.crossfire").is_empty());
    }

    #[test]
    fn doorway_standing_vs_passing() {
        let stand = LogBuilder::new()
            .at(20.0)
            .expose(Exposure::EnteredDoorway("d1".into()))
            .at(23.0)
            .expose(Exposure::LeftDoorway("d1".into()))
            .build();
        let f = hits(&stand, "safety.doorway");
        assert_eq!(f.len(), 1);
        assert!(f[0].text.contains("doorway «d1» for 3.0 s"));
        let pass = LogBuilder::new()
            .at(20.0)
            .expose(Exposure::EnteredDoorway("d1".into()))
            .at(20.3)
            .expose(Exposure::LeftDoorway("d1".into()))
            .build();
        assert!(hits(&pass, "safety.doorway").is_empty());
    }

    #[test]
    fn felony_approach_in_high_risk_stop() {
        let log = LogBuilder::new()
            .briefed(ScenarioKind::ArmedVehicle, Risk::High, &["custody"])
            .subject("driver", |v| v.in_vehicle = true)
            .at(15.0)
            .expose(Exposure::AtVehicle("car".into()))
            .expose(Exposure::LeftVehicle("car".into()))
            .expose(Exposure::AtVehicle("car".into()))
            .build();
        let f = hits(&log, "safety.felony_approach");
        assert_eq!(f.len(), 1, "once per vehicle");
        let low = LogBuilder::new()
            .briefed(ScenarioKind::TrafficStop, Risk::Low, &[])
            .subject("driver", |v| v.in_vehicle = true)
            .at(15.0)
            .expose(Exposure::AtVehicle("car".into()))
            .build();
        assert!(hits(&low, "safety.felony_approach").is_empty());
    }

    #[test]
    fn search_before_cuff() {
        let searched = |cuff_first: bool| {
            let mut b = LogBuilder::new().subject("s", |_| {}).at(5.0);
            if cuff_first {
                b = b.event(EventKind::Restrained {
                    subject: "s".into(),
                    by: TRAINEE.into(),
                });
            }
            b.at(8.0)
                .event(EventKind::Searched {
                    subject: "s".into(),
                    by: TRAINEE.into(),
                    searcher_sex: Sex::Male,
                    found: vec![],
                    witnesses: vec![],
                    evidence: vec![],
                })
                .build()
        };
        assert_eq!(hits(&searched(false), "safety.search_before_cuff").len(), 1);
        assert!(hits(&searched(true), "safety.search_before_cuff").is_empty());
        // A child courier, recognised as a victim, is searched uncuffed.
        let victim = LogBuilder::new()
            .subject("boy", |_| {})
            .at(5.0)
            .event(EventKind::Interviewed {
                who: "boy".into(),
                victim_signs: true,
            })
            .at(8.0)
            .event(EventKind::Searched {
                subject: "boy".into(),
                by: TRAINEE.into(),
                searcher_sex: Sex::Male,
                found: vec![],
                witnesses: vec![],
                evidence: vec![],
            })
            .build();
        assert!(hits(&victim, "safety.search_before_cuff").is_empty());
    }

    #[test]
    fn call_in_before_approach() {
        let late = LogBuilder::new()
            .subject("driver", |v| v.in_vehicle = true)
            .at(10.0)
            .expose(Exposure::AtVehicle("car".into()))
            .act_untargeted(Act::Radio(RadioCall::CallIn))
            .build();
        assert_eq!(hits(&late, "safety.call_in").len(), 1);
        let early = LogBuilder::new()
            .act_untargeted(Act::Radio(RadioCall::CallIn))
            .subject("driver", |v| v.in_vehicle = true)
            .at(10.0)
            .expose(Exposure::AtVehicle("car".into()))
            .build();
        assert!(hits(&early, "safety.call_in").is_empty());
    }

    #[test]
    fn backup_when_a_gun_appears() {
        let alone = gunman()
            .at(3.0)
            .act(Act::Command(Command::DropWeapon))
            .at(30.0)
            .end(EndReason::Stopped)
            .build();
        let f = hits(&alone, "safety.backup");
        assert_eq!(f.len(), 1);
        let requested = gunman()
            .at(3.0)
            .act_untargeted(Act::Radio(RadioCall::RequestBackup))
            .at(30.0)
            .end(EndReason::Stopped)
            .build();
        assert!(hits(&requested, "safety.backup").is_empty());
        let partner = gunman().officers_present(2).at(3.0).act(Act::Talk).build();
        assert!(hits(&partner, "safety.backup").is_empty());
    }

    #[test]
    fn back_turned_on_unsearched_subject() {
        let long = LogBuilder::new()
            .subject("s", |_| {})
            .at(4.0)
            .expose(Exposure::BackTurned("s".into()))
            .at(7.0)
            .expose(Exposure::BackRestored("s".into()))
            .build();
        assert_eq!(hits(&long, "safety.back_turned").len(), 1);
        let glance = LogBuilder::new()
            .subject("s", |_| {})
            .at(4.0)
            .expose(Exposure::BackTurned("s".into()))
            .at(4.5)
            .expose(Exposure::BackRestored("s".into()))
            .build();
        assert!(hits(&glance, "safety.back_turned").is_empty());
    }

    #[test]
    fn exposure_to_a_subject_reported_armed_before_any_weapon_is_seen() {
        let driver = |f: fn(&mut SubjectView)| {
            LogBuilder::new()
                .subject("driver", move |v| {
                    v.perceived = Passive;
                    v.reported_armed = true;
                    v.in_vehicle = true;
                    v.visible = true;
                    v.officer_in_line_of_fire = true;
                    f(v)
                })
                .cues(&[Cue::HandsHidden, Cue::Ignoring])
                .dist(5.0)
        };
        let open = driver(|_| {})
            .at(3.0)
            .expose(Exposure::LeftCover)
            .at(10.0)
            .act(Act::Command(Command::EngineOff))
            .build();
        let f = hits(&open, "safety.exposure");
        assert_eq!(f.len(), 1);
        assert!(f[0].text.contains("reported armed"), "{}", f[0].text);
        // Behind the engine block, out of his line of fire: nothing.
        let covered = driver(|v| {
            v.officer_in_line_of_fire = false;
            v.officer_covered = true;
        })
        .officer(|o| o.cover = Some(CoverKind::Hard))
        .at(10.0)
        .act(Act::Command(Command::EngineOff))
        .build();
        assert!(hits(&covered, "safety.exposure").is_empty());
        // Searched (the report no longer holds): nothing either.
        let searched = driver(|v| v.reported_armed = false)
            .at(3.0)
            .expose(Exposure::LeftCover)
            .at(10.0)
            .build();
        assert!(hits(&searched, "safety.exposure").is_empty());
    }

    #[test]
    fn felony_approach_to_a_car_whose_driver_is_reported_armed() {
        let log = LogBuilder::new()
            .subject("driver", |v| {
                v.perceived = Compliant;
                v.reported_armed = true;
                v.in_vehicle = true;
            })
            .at(20.0)
            .expose(Exposure::AtVehicle("car".into()))
            .build();
        assert_eq!(hits(&log, "safety.felony_approach").len(), 1);
    }

    #[test]
    fn call_in_in_a_building_search_names_no_plate() {
        let log = LogBuilder::new()
            .briefed(ScenarioKind::BuildingSearch, Risk::Medium, &[])
            .at(5.0)
            .expose(Exposure::EnteredDoorway("front_door".into()))
            .build();
        let f = hits(&log, "safety.call_in");
        assert_eq!(f.len(), 1);
        assert!(!f[0].text.contains("plate"), "{}", f[0].text);
        assert!(f[0].text.contains("calling in the call"), "{}", f[0].text);
    }
}
