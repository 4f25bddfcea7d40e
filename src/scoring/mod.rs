//! Scoring: a pure function of (event log, policy) -> [`ScoreCard`]. No Bevy types.
//!
//! [`score`] reads only the log and the policy. Each rule (one file per family
//! in `rules/`, found by searching its id) turns what happened, judged on what
//! the trainee could perceive in each event's `ctx`, into findings. A rule the
//! policy does not list is not scored.
//!
//! # How points map
//! - A breach costs the rule's `weight` times a factor: 1 for most rules; for
//!   `force.proportionality` and `force.after_compliance` the number of
//!   continuum levels by which the force exceeded what was allowed; for
//!   injuries (`outcome.*`) 0.25 minor, 0.6 serious, 1.0 killed; for
//!   `outcome.objectives` the share of required objectives missed.
//! - A credit adds points: `force.de_escalation`, which only credits, adds its
//!   whole weight; a credit on a rule that mostly deducts (`force.warning` for
//!   a warning given before a justified CEW use or shot, `outcome.custody` for
//!   custody unhurt, `outcome.objectives` when all were met) adds half of it.
//! - Each category starts at 100, adds its findings' points, and is clamped
//!   to 0..100 (so credit only wins back what breaches in the same category
//!   cost), rounded to 0.1.
//! - The total is the mean of the category scores weighted by the policy's
//!   `category_weights`, rounded to 0.1.
//! - A breach of a rule whose severity is `critical` is a critical finding.
//!   The session passes when the total is at least the pass mark and there is
//!   no critical finding.
//! - Repeats: at most [`MAX_REPEATS`] findings per rule and person; the last
//!   kept one says how many more were left out. Episode rules (exposure, gap,
//!   doorway, back turned, crossfire) yield one finding per episode, never
//!   one per tick.
//! - Findings are ordered by time, then rule id, then person, then text.
//!
//! # What the rules need from the log
//! Force is read from the trainee's `Action { act: Force(option) }` events
//! (aiming a handgun counts as `point_firearm`), each with `ctx.subject` being
//! the target's view at that moment. Episodes come from `Exposure` events.
//! `Started { risk, kind, objectives }` tells what the trainee was briefed.

mod card;
pub(crate) mod facts;
#[cfg(test)]
mod props;
pub mod render;
pub mod rule_ids;
pub(crate) mod rules;
pub mod testkit;
mod text;

pub use card::*;
pub use text::{CardWord, card_word, category as category_name, end_reason};

use crate::events::{EventKind, EventLog};
use crate::policy::Policy;

/// Scores a session's event log under a policy. Deterministic: the same log
/// and policy give the same card. Findings are messages, rendered in any
/// language when shown ([`ScoreCard::text`], [`render::card_text`]).
pub fn score(log: &EventLog, policy: &Policy) -> ScoreCard {
    let scope = rules::Scope {
        facts: facts::Facts::new(log),
        policy,
    };
    let drafts = rules::run_all(&scope);
    let labels = match log.0.first().map(|e| &e.kind) {
        Some(EventKind::Started { labels, .. }) => labels.clone(),
        _ => Default::default(),
    };
    ScoreCard::assemble(drafts, policy, labels)
}
