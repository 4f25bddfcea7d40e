//! What every rule needs to know about a log, read once: who is an officer and
//! who a subject, when the session ended, what the trainee was told at the
//! briefing, and small helpers to read perception from an event's context.

use crate::domain::*;
use crate::domain::{Risk, ScenarioKind};
use crate::events::*;
use crate::policy::schema::{Circumstance, Policy};
use std::collections::BTreeSet;

/// Facts about a whole log.
pub(crate) struct Facts<'a> {
    /// The events, in log order.
    pub events: &'a [Event],
    /// Seconds at the end of the log (the `Ended` event, else the last event).
    pub end_t: f32,
    /// Why it ended, if it did.
    pub end_reason: Option<EndReason>,
    /// The kind of call, as dispatched.
    pub kind: Option<ScenarioKind>,
    /// The risk of the call, as dispatched.
    pub risk: Option<Risk>,
    /// Required objective ids, if the log lists them.
    pub objectives: Vec<String>,
    /// Optional objective ids (logs before this field list none).
    pub optional: Vec<String>,
    /// Officer ids: the trainee, partners (anyone who acted as an officer) and backup.
    pub officers: BTreeSet<String>,
    /// Subject ids: anyone the log treats as a subject.
    pub subjects: BTreeSet<String>,
}

impl<'a> Facts<'a> {
    /// Reads the facts from a log.
    pub fn new(log: &'a EventLog) -> Self {
        let events = log.0.as_slice();
        let mut f = Facts {
            events,
            end_t: events.last().map(Event::t).unwrap_or(0.0),
            end_reason: None,
            kind: None,
            risk: None,
            objectives: Vec::new(),
            optional: Vec::new(),
            officers: BTreeSet::from([TRAINEE.to_string()]),
            subjects: BTreeSet::new(),
        };
        for e in events {
            if let Some(v) = e.ctx.as_ref().and_then(|c| c.subject.as_ref()) {
                f.subjects.insert(v.id.clone());
            }
            match &e.kind {
                EventKind::Started {
                    kind,
                    risk,
                    objectives,
                    optional,
                    ..
                } => {
                    f.kind = *kind;
                    f.risk = *risk;
                    f.objectives = objectives.clone();
                    f.optional = optional.clone();
                }
                EventKind::Ended { reason } => {
                    f.end_reason = Some(*reason);
                    f.end_t = e.t();
                }
                EventKind::Action { by, .. }
                | EventKind::Refused { by, .. }
                | EventKind::ForceOutcome { by, .. } => {
                    f.officers.insert(by.clone());
                }
                EventKind::BackupArrived { officers } => {
                    f.officers.extend(officers.iter().cloned());
                }
                EventKind::LevelChanged { subject, .. }
                | EventKind::SubjectActed { subject, .. }
                | EventKind::Complied { subject, .. }
                | EventKind::WeaponSeen { subject, .. }
                | EventKind::Restrained { subject, .. }
                | EventKind::Arrested { subject, .. }
                | EventKind::Escaped { subject } => {
                    f.subjects.insert(subject.clone());
                }
                _ => {}
            }
        }
        // A partner is never a subject, whatever a context said.
        for o in &f.officers {
            f.subjects.remove(o);
        }
        f
    }

    /// Events with the trainee's actions: `(event, action)`.
    pub fn trainee_actions(&self) -> impl Iterator<Item = (&'a Event, &'a OfficerAction)> + 'a {
        self.events.iter().filter_map(|e| match &e.kind {
            EventKind::Action { by, action } if by == TRAINEE => Some((e, action)),
            _ => None,
        })
    }

    /// Like [`Facts::trainee_actions`], with each event's index in the log.
    pub fn trainee_actions_indexed(
        &self,
    ) -> impl Iterator<Item = (usize, &'a Event, &'a OfficerAction)> + 'a {
        self.events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match &e.kind {
                EventKind::Action { by, action } if by == TRAINEE => Some((i, e, action)),
                _ => None,
            })
    }

    /// True when `id` is a bystander or other third party (neither officer nor subject).
    pub fn is_third_party(&self, id: &str) -> bool {
        !self.officers.contains(id) && !self.subjects.contains(id)
    }
}

/// Whom an officer's action concerns: its target, or the subject in its context.
pub(crate) fn action_subject(e: &Event, action: &OfficerAction) -> Option<String> {
    action
        .target
        .clone()
        .or_else(|| subject_view(e).map(|v| v.id.clone()))
}

/// The subject view in an event's context, if any.
pub(crate) fn subject_view(e: &Event) -> Option<&SubjectView> {
    e.ctx.as_ref().and_then(|c| c.subject.as_ref())
}

/// The view of subject `id` in an event's context, if the context is about them.
pub(crate) fn view_of<'e>(e: &'e Event, id: &str) -> Option<&'e SubjectView> {
    subject_view(e).filter(|v| v.id == id)
}

/// A deadly weapon in view on this subject.
pub(crate) fn weapon_in_view(v: &SubjectView) -> Option<WeaponKind> {
    match v.weapon_visible {
        Some(w) if w.is_deadly() => Some(w),
        _ if v.cues.contains(&Cue::WeaponVisible) => Some(v.weapon_visible.unwrap_or_default()),
        _ => None,
    }
}

/// An imminent threat of death or serious injury, as perceivable: a deadly
/// threat, an assault with a deadly weapon in view, or a person reported
/// armed reaching with hidden hands (what the officer was told counts as
/// perceived: Anderson v. Russell, 247 F.3d 125 (4th Cir. 2001); McCann v.
/// UK, ECtHR 1995, on an honest belief for good reason).
pub(crate) fn imminent_deadly(v: &SubjectView) -> bool {
    threat_level(v) == ResistanceLevel::Deadly
        || (v.perceived >= ResistanceLevel::Assaultive && weapon_in_view(v).is_some())
}

/// The resistance level force is judged against: the perceived one, raised
/// to deadly for a person reported armed who reaches with hidden hands.
pub(crate) fn threat_level(v: &SubjectView) -> ResistanceLevel {
    if v.reported_armed && !restrained(v) && reaching_hidden(v) {
        ResistanceLevel::Deadly
    } else {
        v.perceived
    }
}

/// Reaching with the hands hidden (toward a waistband, under a seat).
pub(crate) fn reaching_hidden(v: &SubjectView) -> bool {
    v.cues.contains(&Cue::Reaching) && v.cues.contains(&Cue::HandsHidden)
}

/// Possibly armed as the officer knows it: a deadly weapon in view, or
/// reported armed and not yet searched; never once handcuffed.
pub(crate) fn possibly_armed(v: &SubjectView) -> bool {
    !restrained(v) && (weapon_in_view(v).is_some() || v.reported_armed)
}

/// Handcuffed, as perceivable.
pub(crate) fn restrained(v: &SubjectView) -> bool {
    v.restrained || v.cues.contains(&Cue::Restrained)
}

/// The continuum level a policy gives a force option.
pub(crate) fn option_level(policy: &Policy, o: ForceOption) -> ForceLevel {
    policy
        .force_options
        .get(&o)
        .copied()
        .unwrap_or_else(|| o.default_level())
}

/// True when a modifier's circumstance holds for this subject in this context.
pub(crate) fn circumstance_holds(c: &Circumstance, ctx: &Context, v: &SubjectView) -> bool {
    match c {
        Circumstance::WeaponVisible => weapon_in_view(v).is_some(),
        Circumstance::FirearmVisible => weapon_in_view(v).is_some_and(WeaponKind::is_firearm),
        Circumstance::Closer(m) => v.distance < *m,
        Circumstance::OfficerAlone => ctx.officers_present <= 1,
        Circumstance::OfficersOutnumber(n) => {
            ctx.officers_present >= ctx.subjects_unrestrained.max(1) + n
        }
        Circumstance::GroupAttack => group_attack(ctx),
        Circumstance::Restrained => restrained(v),
        Circumstance::OfficerInjured => ctx.officer.health > Health::Unhurt,
    }
}

/// Several unrestrained subjects in view while one is at least assaultive.
pub(crate) fn group_attack(ctx: &Context) -> bool {
    ctx.subjects_unrestrained >= 2 && ctx.max_perceived >= ResistanceLevel::Assaultive
}

/// The largest force the policy allows against this subject in this context:
/// the continuum step for the perceived resistance, shifted by every modifier
/// whose circumstance holds, within presence..lethal.
pub(crate) fn allowed_level(policy: &Policy, ctx: &Context, v: &SubjectView) -> ForceLevel {
    let perceived = threat_level(v);
    let base = policy
        .continuum
        .iter()
        .find(|s| s.resistance == perceived)
        .map(|s| s.max_force)
        // A policy that misses a level fails `check`; judge by the next lower step.
        .or_else(|| {
            policy
                .continuum
                .iter()
                .filter(|s| s.resistance < perceived)
                .max_by_key(|s| s.resistance)
                .map(|s| s.max_force)
        })
        .unwrap_or(ForceLevel::Verbal);
    let shift: i32 = policy
        .modifiers
        .iter()
        .filter(|m| circumstance_holds(&m.when, ctx, v))
        .map(|m| m.shift as i32)
        .sum();
    let lvl = (base as i32 + shift).clamp(0, 4);
    ForceLevel::ALL[lvl as usize]
}

// The rules' names for the message arguments they pass most: a moment, a
// person, several people.
pub(crate) use crate::i18n::{clock, people as who_list, person as who};
