//! The rules, one file per family (`force`, `safety`, `procedure`, `outcome`).
//! Each rule is a function named after its id and documented with it: search
//! a rule id (`force.proportionality`) to find its implementation. Rules read
//! only the event log (through [`Facts`]) and the policy, and judge on what
//! the trainee could perceive (each event's `ctx`), never on hidden truth.
//!
//! A rule yields [`Draft`]s; the card assembler in `super::card` turns them
//! into findings with the policy's weight, severity and citation.

pub(crate) mod assembly;
pub(crate) mod force;
pub(crate) mod outcome;
pub(crate) mod procedure;
pub(crate) mod safety;
pub(crate) mod search;
pub(crate) mod stop;

use super::facts::{Facts, action_subject, view_of};
use crate::domain::*;
use crate::events::{Context, SubjectView};
use crate::i18n::Msg;
use crate::policy::schema::Policy;

/// What rules read: the log's facts and the policy.
pub(crate) struct Scope<'a> {
    /// Facts about the log.
    pub facts: Facts<'a>,
    /// The policy scored under.
    pub policy: &'a Policy,
}

impl Scope<'_> {
    /// True when the policy scores this rule.
    pub fn has(&self, rule: RuleId) -> bool {
        self.policy.rules.iter().any(|r| r.id == rule.as_str())
    }
}

/// Share of a rule's weight that a credit earns on a rule that mostly deducts
/// (a warning given, custody unhurt, objectives met). Rules that only credit
/// (`force.de_escalation`) earn their whole weight.
pub(crate) const CREDIT: f32 = 0.5;

/// A finding before the policy gives it points.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draft {
    /// Seconds since the start.
    pub t: f32,
    /// Rule id.
    pub rule: RuleId,
    /// The person concerned.
    pub subject: Option<String>,
    /// Multiple of the rule's weight: negative for a breach, positive for credit.
    pub factor: f32,
    /// The explanation, as a catalogue message.
    pub msg: Msg,
    /// Further notes shown after it (who could not witness, repeats left out).
    pub notes: Vec<Msg>,
    /// A citation more precise than the rule's (e.g. the article of a ban).
    pub citation: Option<crate::policy::schema::Citation>,
}

impl Draft {
    /// A breach costing the rule's weight once.
    pub fn breach(t: f32, rule: RuleId, subject: Option<&str>, msg: Msg) -> Self {
        Draft {
            t,
            rule,
            subject: subject.map(str::to_string),
            factor: -1.0,
            msg,
            notes: Vec::new(),
            citation: None,
        }
    }

    /// A credit of `factor` times the rule's weight.
    pub fn credit(t: f32, rule: RuleId, subject: Option<&str>, factor: f32, msg: Msg) -> Self {
        Draft {
            factor: factor.abs(),
            ..Draft::breach(t, rule, subject, msg)
        }
    }

    /// Sets the factor (negative: breach).
    pub fn times(mut self, factor: f32) -> Self {
        self.factor = factor;
        self
    }

    /// Adds a note shown after the explanation.
    pub fn note(mut self, note: Msg) -> Self {
        self.notes.push(note);
        self
    }

    /// Sets a more precise citation.
    pub fn cite(mut self, citation: &crate::policy::schema::Citation) -> Self {
        self.citation = Some(citation.clone());
        self
    }
}

/// Every rule family's drafts, for rules the policy scores.
pub(crate) fn run_all(s: &Scope) -> Vec<Draft> {
    let mut out = Vec::new();
    out.extend(force::check(s));
    out.extend(safety::check(s));
    out.extend(procedure::check(s));
    out.extend(outcome::check(s));
    out.extend(stop::check(s));
    out.extend(search::check(s));
    out.extend(assembly::check(s));
    out.retain(|d| s.has(d.rule));
    out
}

/// One application of force by the trainee: a `Force(option)` action, or
/// aiming a handgun at a person (counted as `point_firearm`, once per aiming
/// episode at the same person, until the trainee lowers or holsters).
pub(crate) struct Application<'a> {
    /// Index of the event in the log.
    pub idx: usize,
    /// Seconds.
    pub t: f32,
    /// The option.
    pub option: ForceOption,
    /// At whom.
    pub subject: String,
    /// What the trainee could see of them, when the context is about them.
    pub view: Option<&'a SubjectView>,
    /// The context.
    pub ctx: Option<&'a Context>,
}

/// The trainee's force applications, in log order.
pub(crate) fn applications<'a>(f: &Facts<'a>) -> Vec<Application<'a>> {
    let mut out = Vec::new();
    let mut aiming_at: Option<String> = None;
    for (idx, e, a) in f.trainee_actions_indexed() {
        let option = match a.act {
            Act::Force(o) => o,
            Act::Aim
                if e.ctx
                    .as_ref()
                    .is_some_and(|c| c.officer.tool == Tool::Handgun) =>
            {
                ForceOption::PointFirearm
            }
            Act::Lower | Act::Holster | Act::Select(_) => {
                aiming_at = None;
                continue;
            }
            _ => continue,
        };
        let Some(subject) = action_subject(e, a) else {
            continue;
        };
        if option == ForceOption::PointFirearm {
            if aiming_at.as_deref() == Some(subject.as_str()) {
                continue;
            }
            aiming_at = Some(subject.clone());
        }
        out.push(Application {
            idx,
            t: e.t(),
            option,
            view: view_of(e, &subject),
            ctx: e.ctx.as_ref(),
            subject,
        });
    }
    out
}

/// Helpers for the rules' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::domain::Lang;
    use crate::events::EventLog;
    use crate::scoring::testkit::full_policy;
    use crate::scoring::{Finding, score};

    /// One finding of a rule, with its English text (for tests that read it).
    #[derive(Debug, Clone)]
    pub struct Hit {
        /// The finding.
        pub finding: Finding,
        /// Its text in English.
        pub text: String,
    }

    impl std::ops::Deref for Hit {
        type Target = Finding;
        fn deref(&self) -> &Finding {
            &self.finding
        }
    }

    /// The findings of one rule when `log` is scored under the full test policy.
    pub fn hits(log: &EventLog, rule: &str) -> Vec<Hit> {
        let card = score(log, &full_policy());
        card.findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| Hit {
                finding: f.clone(),
                text: card.text(f, Lang::En),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::{RULE_IDS, RuleId};

    /// The rules' code, without its tests.
    fn rule_sources() -> String {
        [
            include_str!("force.rs"),
            include_str!("safety.rs"),
            include_str!("procedure.rs"),
            include_str!("outcome.rs"),
            include_str!("stop.rs"),
            include_str!("search.rs"),
            include_str!("assembly.rs"),
        ]
        .iter()
        .map(|s| s.split("#[cfg(test)]").next().unwrap_or(s))
        .collect()
    }

    #[test]
    fn every_rule_id_is_implemented() {
        let code = rule_sources();
        assert_eq!(RuleId::ALL.len(), RULE_IDS.len());
        for (id, s) in RuleId::ALL.iter().zip(RULE_IDS) {
            assert_eq!(id.as_str(), *s);
            assert_eq!(RuleId::parse(s), Some(*id));
            assert!(
                code.contains(&format!("RuleId::{id:?}")),
                "no rule emits {id}"
            );
        }
    }

    #[test]
    fn rules_emit_ids_only_as_rule_ids() {
        let code = rule_sources();
        for s in RULE_IDS {
            assert!(
                !code.contains(&format!("\"{s}\"")),
                "{s} is written as a string in a rule; use RuleId"
            );
        }
    }
}
