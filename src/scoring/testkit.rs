//! A terse builder for hand-made event logs, for tests of scoring (and of
//! anything else that reads logs). It keeps what the trainee currently
//! perceives of each subject and attaches it as `ctx` to each event, so a test
//! says only what changes:
//!
//! ```text
//! let log = LogBuilder::new()
//!     .subject("driver", |v| v.perceived = ResistanceLevel::Compliant)
//!     .cues(&[Cue::Kneeling, Cue::HandsUp])
//!     .at(42.0).act(Act::Force(ForceOption::Oc))
//!     .end(EndReason::Stopped)
//!     .build();
//! ```

use crate::domain::*;
use crate::domain::{Risk, ScenarioKind};
use crate::events::*;
use std::collections::BTreeMap;

/// Builds an [`EventLog`] step by step. Times are in seconds (rounded to ticks).
#[derive(Debug, Clone)]
pub struct LogBuilder {
    tick: u32,
    events: Vec<Event>,
    views: BTreeMap<String, SubjectView>,
    focus: Option<String>,
    officer: OfficerView,
    officers_present: u32,
}

impl Default for LogBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl LogBuilder {
    /// A log that has started (scenario `test`, seed 1, nothing briefed).
    pub fn new() -> Self {
        LogBuilder {
            tick: 0,
            events: vec![Event {
                tick: 0,
                kind: EventKind::Started {
                    scenario: "test".into(),
                    seed: 1,
                    kind: None,
                    risk: None,
                    objectives: Vec::new(),
                    optional: Vec::new(),
                    labels: Default::default(),
                },
                ctx: None,
            }],
            views: BTreeMap::new(),
            focus: None,
            officer: OfficerView::default(),
            officers_present: 1,
        }
    }

    /// Sets what the trainee was briefed: the kind, risk and required objectives.
    pub fn briefed(mut self, kind: ScenarioKind, risk: Risk, objectives: &[&str]) -> Self {
        if let EventKind::Started {
            kind: k,
            risk: r,
            objectives: o,
            ..
        } = &mut self.events[0].kind
        {
            *k = Some(kind);
            *r = Some(risk);
            *o = objectives.iter().map(|s| s.to_string()).collect();
        }
        self
    }

    /// Sets the optional objectives the log lists.
    pub fn optional(mut self, ids: &[&str]) -> Self {
        if let EventKind::Started { optional, .. } = &mut self.events[0].kind {
            *optional = ids.iter().map(|s| s.to_string()).collect();
        }
        self
    }

    /// Moves the clock to `t` seconds (never backwards).
    pub fn at(mut self, t: f32) -> Self {
        self.tick = self.tick.max((t * TICK_HZ as f32).round() as u32);
        self
    }

    /// Creates or updates what the trainee perceives of subject `id`, and makes
    /// them the focus (the subject of the next events' context). A new subject
    /// starts compliant, visible, 5 m away, hands visible.
    pub fn subject(mut self, id: &str, f: impl FnOnce(&mut SubjectView)) -> Self {
        let v = self
            .views
            .entry(id.to_string())
            .or_insert_with(|| SubjectView {
                id: id.to_string(),
                perceived: ResistanceLevel::Compliant,
                cues: vec![Cue::HandsVisible],
                distance: 5.0,
                visible: true,
                ..Default::default()
            });
        f(v);
        self.focus = Some(id.to_string());
        self
    }

    /// Makes `id` the focus without changing it (`None`: no subject in context).
    pub fn focus(mut self, id: Option<&str>) -> Self {
        self.focus = id.map(str::to_string);
        self
    }

    fn focused(&mut self) -> &mut SubjectView {
        let id = self.focus.clone().expect("no subject in focus");
        self.views.get_mut(&id).expect("focus names a subject")
    }

    /// The focus subject's perceived level.
    pub fn perceive(mut self, level: ResistanceLevel) -> Self {
        self.focused().perceived = level;
        self
    }

    /// The focus subject's cues.
    pub fn cues(mut self, cues: &[Cue]) -> Self {
        self.focused().cues = cues.to_vec();
        self
    }

    /// The focus subject's distance.
    pub fn dist(mut self, meters: f32) -> Self {
        self.focused().distance = meters;
        self
    }

    /// A weapon in view on the focus subject.
    pub fn weapon(mut self, w: WeaponKind) -> Self {
        let v = self.focused();
        v.weapon_visible = Some(w);
        if !v.cues.contains(&Cue::WeaponVisible) {
            v.cues.push(Cue::WeaponVisible);
        }
        self
    }

    /// Changes the trainee's own situation.
    pub fn officer(mut self, f: impl FnOnce(&mut OfficerView)) -> Self {
        f(&mut self.officer);
        self
    }

    /// Officers within 15 m, the trainee included.
    pub fn officers_present(mut self, n: u32) -> Self {
        self.officers_present = n;
        self
    }

    fn ctx(&self) -> Context {
        Context {
            subject: self.focus.as_ref().and_then(|f| self.views.get(f)).cloned(),
            officer: self.officer.clone(),
            max_perceived: self
                .views
                .values()
                .filter(|v| v.visible)
                .map(|v| v.perceived)
                .max()
                .unwrap_or_default(),
            officers_present: self.officers_present,
            subjects_unrestrained: self
                .views
                .values()
                .filter(|v| v.visible && !v.restrained)
                .count() as u32,
        }
    }

    /// Appends an event with the current context. Keeps the perception in step
    /// with a few events: `Restrained` and `Searched` mark the subject so.
    pub fn event(mut self, kind: EventKind) -> Self {
        match &kind {
            EventKind::Restrained { subject, .. } => {
                if let Some(v) = self.views.get_mut(subject) {
                    v.restrained = true;
                }
            }
            EventKind::Searched { subject, .. } => {
                if let Some(v) = self.views.get_mut(subject) {
                    v.searched = true;
                }
            }
            _ => {}
        }
        let ctx = Some(self.ctx());
        self.events.push(Event {
            tick: self.tick,
            kind,
            ctx,
        });
        self
    }

    /// Appends an event with no context (bookkeeping).
    pub fn bare(mut self, kind: EventKind) -> Self {
        self.events.push(Event {
            tick: self.tick,
            kind,
            ctx: None,
        });
        self
    }

    /// A trainee action aimed at the focus subject (or untargeted when none).
    pub fn act(self, act: Act) -> Self {
        let target = self.focus.clone();
        self.event(EventKind::Action {
            by: TRAINEE.into(),
            action: OfficerAction { act, target },
        })
    }

    /// A trainee action with no target.
    pub fn act_untargeted(self, act: Act) -> Self {
        self.event(EventKind::Action {
            by: TRAINEE.into(),
            action: OfficerAction::new(act),
        })
    }

    /// An action by another officer at the focus subject.
    pub fn partner_act(self, by: &str, act: Act) -> Self {
        let target = self.focus.clone();
        self.event(EventKind::Action {
            by: by.into(),
            action: OfficerAction { act, target },
        })
    }

    /// An exposure change.
    pub fn expose(self, x: Exposure) -> Self {
        self.event(EventKind::Exposure(x))
    }

    /// Ends the log.
    pub fn end(self, reason: EndReason) -> Self {
        self.event(EventKind::Ended { reason })
    }

    /// The log.
    pub fn build(self) -> EventLog {
        EventLog(self.events)
    }
}

/// A policy that scores every rule in [`crate::domain::RULE_IDS`]
/// at weight 10 (critical: deadly force, protected groups, line of fire), with
/// the generic continuum, a visible-weapon (+1) and restrained (-2) modifier,
/// Kazakh-style attesting witnesses (two, eligible, not reused), the
/// same-sex search and protected groups. Pass mark 70.
pub fn full_policy() -> crate::policy::Policy {
    use crate::domain::WitnessEligibility as W;
    use crate::policy::schema::*;
    let rules = crate::domain::RULE_IDS
        .iter()
        .map(|id| Rule {
            id: id.to_string(),
            category: match id.split('.').next() {
                Some("force") => Category::Force,
                Some("safety") => Category::OfficerSafety,
                Some("procedure") => Category::Procedure,
                _ => Category::Outcome,
            },
            weight: 10.0,
            severity: if matches!(
                *id,
                "force.deadly_force"
                    | "force.protected_group"
                    | "force.line_of_fire"
                    | "force.after_compliance"
                    | "force.intermediate_on_passive"
                    | "force.peaceful_assembly"
            ) {
                Severity::Critical
            } else {
                Severity::Major
            },
            citation: format!("test citation for {id}").into(),
            text: LocalizedText::en(*id),
        })
        .collect();
    Policy {
        id: "test".into(),
        name: LocalizedText::en("Test policy"),
        description: LocalizedText::default(),
        continuum: vec![
            ContinuumStep {
                resistance: ResistanceLevel::Compliant,
                max_force: ForceLevel::Verbal,
            },
            ContinuumStep {
                resistance: ResistanceLevel::Passive,
                max_force: ForceLevel::SoftControl,
            },
            ContinuumStep {
                resistance: ResistanceLevel::Active,
                max_force: ForceLevel::HardControl,
            },
            ContinuumStep {
                resistance: ResistanceLevel::Assaultive,
                max_force: ForceLevel::HardControl,
            },
            ContinuumStep {
                resistance: ResistanceLevel::Deadly,
                max_force: ForceLevel::Lethal,
            },
        ],
        force_options: Default::default(),
        modifiers: vec![
            Modifier {
                when: Circumstance::WeaponVisible,
                shift: 1,
                reason: LocalizedText::default(),
            },
            Modifier {
                when: Circumstance::Restrained,
                shift: -2,
                reason: LocalizedText::default(),
            },
        ],
        protected_groups: Some(ProtectedGroups {
            no_special_means: vec![Group::Women, Group::VisiblyDisabled, Group::YoungChildren],
            no_firearm: vec![Group::Women, Group::VisiblyDisabled, Group::Minors],
            except: vec![
                Exception::ArmedAttack,
                Exception::GroupAttack,
                Exception::LifeThreatening,
            ],
            special_means_citation: "special means ban".into(),
            firearm_citation: "firearm ban".into(),
        }),
        rules,
        category_weights: CategoryWeights::equal(),
        pass_mark: 70.0,
        witnesses: Some(WitnessRules {
            min_count: 2,
            required_for: vec![
                WitnessedProcedure::PersonalSearch,
                WitnessedProcedure::VehicleSearch,
                WitnessedProcedure::DrugArrest,
                WitnessedProcedure::Seizure,
            ],
            ineligible: vec![
                W::Police,
                W::LawEnforcementStudent,
                W::CourtStaff,
                W::Probationer,
                W::UnderProsecution,
                W::Relative,
                W::Minor,
                W::Dependent,
            ],
            no_reuse: true,
            citation: "witness law".into(),
        }),
        same_sex_search: Some("same-sex search law".into()),
        escape: Default::default(),
    }
}

/// A witness as the simulation lists one.
pub fn witness(id: &str, eligibility: crate::domain::WitnessEligibility) -> WitnessInfo {
    WitnessInfo {
        id: id.into(),
        eligibility,
        serial: false,
    }
}
