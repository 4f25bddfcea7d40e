//! One explore run boiled down to what the aggregates need: the score, how it
//! ended, what became of people, the rules breached and the deadly-threat
//! timings. Built from the event log and the card alone, so it is the same
//! whoever ran it (a shard or the whole sweep).

use crate::domain::{Health, ResistanceLevel, SubjectAction};
use crate::events::{EndReason, EventKind, EventLog, TICK_HZ, TRAINEE};
use crate::scenario::schema::Scenario;
use crate::scoring::ScoreCard;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// People counted by side.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sides {
    /// The trainee, partners and backup officers.
    pub officers: u32,
    /// The scenario's subjects.
    pub subjects: u32,
    /// Everyone else: bystanders, crowd members.
    pub others: u32,
}

impl Sides {
    /// Adds another count side by side.
    pub fn add(&mut self, o: &Sides) {
        self.officers += o.officers;
        self.subjects += o.subjects;
        self.others += o.others;
    }
}

/// One seed of one bot on one scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeedRun {
    /// The seed.
    pub seed: u64,
    /// Total score (0 when the run panicked).
    pub total: f32,
    /// Passed under the policy.
    pub passed: bool,
    /// How it ended; `null` when it did not (a panic, or the cap reached).
    pub end: Option<EndReason>,
    /// Simulated seconds.
    pub seconds: f32,
    /// Subjects handcuffed and searched.
    pub custody: u32,
    /// Subjects in the scenario.
    pub subjects: u32,
    /// Subjects who got away.
    pub escaped: u32,
    /// People hurt (minor or serious, not killed), by side.
    pub hurt: Sides,
    /// People killed, by side.
    pub killed: Sides,
    /// Rule ids with at least one breach (negative points), sorted.
    pub findings: Vec<String>,
    /// Seconds to the first deadly cue the trainee perceived (a deadly threat
    /// read, a deadly weapon in view, or the deadly act itself); `null` if none.
    pub deadly_cue: Option<f32>,
    /// Seconds from that cue to the first deadly act (a subject shooting, or
    /// attacking at the deadly level); `null` when no act followed.
    pub window: Option<f32>,
    /// Seconds from that cue to the trainee's first action; `null` if none.
    pub response: Option<f32>,
    /// The panic's message when the run panicked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub panic: Option<String>,
    /// The run reached the explore cap without ending.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub never_ended: bool,
}

impl SeedRun {
    /// A run that panicked before it could end.
    pub fn panicked(seed: u64, message: String) -> SeedRun {
        SeedRun {
            seed,
            total: 0.0,
            passed: false,
            end: None,
            seconds: 0.0,
            custody: 0,
            subjects: 0,
            escaped: 0,
            hurt: Sides::default(),
            killed: Sides::default(),
            findings: Vec::new(),
            deadly_cue: None,
            window: None,
            response: None,
            panic: Some(message),
            never_ended: false,
        }
    }

    /// Reads a finished run: its log, its card and the scenario it ran.
    pub fn from_run(
        seed: u64,
        log: &EventLog,
        card: &ScoreCard,
        scenario: &Scenario,
        ticks: u32,
    ) -> SeedRun {
        let ended = log.0.last().and_then(|e| match &e.kind {
            EventKind::Ended { reason } => Some(*reason),
            _ => None,
        });
        let side = |who: &str| -> u8 {
            if who == TRAINEE
                || who.starts_with("backup_")
                || scenario.officers.partners.iter().any(|p| p.id == who)
            {
                0
            } else if scenario.subjects.iter().any(|s| s.id == who) {
                1
            } else {
                2
            }
        };
        // Worst health per person; (cuffed, searched) per subject.
        let mut health: BTreeMap<&str, Health> = BTreeMap::new();
        let mut held: BTreeMap<&str, (bool, bool)> = BTreeMap::new();
        let mut escaped = 0;
        // The subjects' true levels, to tell a deadly attack from a scuffle.
        let mut level: BTreeMap<&str, ResistanceLevel> = scenario
            .subjects
            .iter()
            .map(|s| (s.id.as_str(), s.resistance))
            .collect();
        let (mut cue, mut act, mut response) = (None::<u32>, None::<u32>, None::<u32>);
        for e in log.iter() {
            match &e.kind {
                EventKind::Injured { who, health: h, .. } => {
                    let w = health.entry(who).or_default();
                    *w = (*w).max(*h);
                }
                EventKind::Restrained { subject, .. } => held.entry(subject).or_default().0 = true,
                EventKind::Searched { subject, .. } => held.entry(subject).or_default().1 = true,
                EventKind::Escaped { .. } => escaped += 1,
                EventKind::LevelChanged { subject, to, .. } => {
                    level.insert(subject, *to);
                }
                EventKind::SubjectActed { subject, action } if act.is_none() => {
                    let deadly = match action {
                        SubjectAction::Shoot => true,
                        SubjectAction::Attack => {
                            level.get(subject.as_str()) == Some(&ResistanceLevel::Deadly)
                        }
                        _ => false,
                    };
                    if deadly {
                        act = Some(e.tick);
                        cue.get_or_insert(e.tick);
                    }
                }
                EventKind::WeaponSeen { weapon, .. } if weapon.is_deadly() => {
                    cue.get_or_insert(e.tick);
                }
                EventKind::Action { by, .. }
                    if by == TRAINEE && response.is_none() && cue.is_some_and(|c| e.tick >= c) =>
                {
                    response = Some(e.tick);
                }
                _ => {}
            }
            if cue.is_none()
                && e.ctx
                    .as_ref()
                    .is_some_and(|c| c.max_perceived >= ResistanceLevel::Deadly)
            {
                cue = Some(e.tick);
            }
        }
        let mut hurt = Sides::default();
        let mut killed = Sides::default();
        for (who, h) in &health {
            let counts = match h {
                Health::Unhurt => continue,
                Health::Dead => &mut killed,
                _ => &mut hurt,
            };
            match side(who) {
                0 => counts.officers += 1,
                1 => counts.subjects += 1,
                _ => counts.others += 1,
            }
        }
        let mut findings: Vec<String> = card
            .findings
            .iter()
            .filter(|f| f.points < 0.0)
            .map(|f| f.rule.clone())
            .collect();
        findings.sort();
        findings.dedup();
        let secs = |t: u32| t as f32 / TICK_HZ as f32;
        let since = |t: Option<u32>| match (cue, t) {
            (Some(c), Some(t)) if t >= c => Some(secs(t - c)),
            _ => None,
        };
        SeedRun {
            seed,
            total: card.total,
            passed: card.passed,
            end: ended,
            seconds: secs(ticks),
            custody: scenario
                .subjects
                .iter()
                .filter(|s| held.get(s.id.as_str()) == Some(&(true, true)))
                .count() as u32,
            subjects: scenario.subjects.len() as u32,
            escaped,
            hurt,
            killed,
            findings,
            deadly_cue: cue.map(secs),
            window: since(act),
            response: since(response),
            panic: None,
            never_ended: ended.is_none(),
        }
    }
}
