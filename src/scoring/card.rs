//! The score card.

use crate::domain::{Lang, LocalizedText};
use crate::i18n::{self, Labels, Msg};
use crate::policy::schema::Category;
use serde::{Deserialize, Serialize};

/// A scored session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreCard {
    /// Policy id it was scored under.
    pub policy: String,
    /// Total 0..100.
    pub total: f32,
    /// Mark needed to pass.
    pub pass_mark: f32,
    /// Passed: total at or above the pass mark and no critical finding.
    pub passed: bool,
    /// Sub-scores, in [`Category::ALL`] order.
    pub categories: Vec<CategoryScore>,
    /// Findings, ordered by time, then rule id.
    pub findings: Vec<Finding>,
    /// Names of the people, items and objectives the findings mention, per
    /// language (from the session's `Started` event), so the card renders in
    /// any language on its own.
    #[serde(default, skip_serializing_if = "Labels::is_empty")]
    pub labels: Labels,
}

/// One category's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryScore {
    /// Category.
    pub category: Category,
    /// Score 0..100.
    pub score: f32,
    /// Its weight in the total.
    pub weight: f32,
}

/// One scored observation: a breach (negative points) or credit (positive).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Seconds since the start.
    pub t: f32,
    /// Rule id from the policy.
    pub rule: String,
    /// Category.
    pub category: Category,
    /// Points (negative for a breach).
    pub points: f32,
    /// Critical: fails the session.
    pub critical: bool,
    /// The plain-language explanation, as a catalogue message rendered when
    /// shown ([`ScoreCard::text`]).
    pub msg: Msg,
    /// Notes shown after the explanation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Msg>,
    /// The source, in each language the policy gives it.
    pub citation: LocalizedText,
    /// The person concerned, if any.
    #[serde(default)]
    pub subject: Option<String>,
}

/// At most this many findings per rule and person (breaches and credits
/// counted apart); later repeats are left out and the last kept finding says
/// how many were.
pub const MAX_REPEATS: usize = 3;

impl ScoreCard {
    /// Builds the card from the rules' drafts: the policy gives each finding
    /// its points (`factor x weight`), severity and citation; repeats beyond
    /// [`MAX_REPEATS`] are dropped; sub-scores and the total are computed as
    /// the module docs of [`crate::scoring`] say.
    pub(crate) fn assemble(
        mut drafts: Vec<super::rules::Draft>,
        policy: &crate::policy::Policy,
        labels: Labels,
    ) -> ScoreCard {
        use std::collections::BTreeMap;
        drafts.sort_by(|a, b| {
            a.t.total_cmp(&b.t)
                .then_with(|| a.rule.as_str().cmp(b.rule.as_str()))
                .then_with(|| a.subject.cmp(&b.subject))
                .then_with(|| a.msg.id.cmp(&b.msg.id))
        });
        // Cap repeats per (rule, person, credit?).
        let mut counts: BTreeMap<(&str, Option<String>, bool), (usize, usize)> = BTreeMap::new();
        let mut kept: Vec<super::rules::Draft> = Vec::new();
        for d in drafts {
            let key = (d.rule.as_str(), d.subject.clone(), d.factor > 0.0);
            let c = counts.entry(key).or_insert((0, 0));
            if c.0 < MAX_REPEATS {
                c.0 += 1;
                kept.push(d);
            } else {
                c.1 += 1;
            }
        }
        for ((rule, subject, credit), (_, dropped)) in &counts {
            if *dropped == 0 {
                continue;
            }
            if let Some(last) = kept.iter_mut().rev().find(|d| {
                d.rule.as_str() == *rule && d.subject == *subject && (d.factor > 0.0) == *credit
            }) {
                last.notes
                    .push(super::text::repeats(*dropped, subject.as_deref()));
            }
        }
        let findings: Vec<Finding> = kept
            .into_iter()
            .filter_map(|d| {
                let rule = policy.rules.iter().find(|r| r.id == d.rule.as_str())?;
                let points = round(d.factor * rule.weight, 100.0);
                Some(Finding {
                    t: d.t,
                    rule: d.rule.to_string(),
                    category: rule.category,
                    points,
                    critical: points < 0.0
                        && rule.severity == crate::policy::schema::Severity::Critical,
                    msg: d.msg,
                    notes: d.notes,
                    citation: d.citation.as_ref().unwrap_or(&rule.citation).0.clone(),
                    subject: d.subject,
                })
            })
            .collect();
        let categories: Vec<CategoryScore> = Category::ALL
            .iter()
            .map(|&c| {
                let sum: f32 = findings
                    .iter()
                    .filter(|f| f.category == c)
                    .map(|f| f.points)
                    .sum();
                CategoryScore {
                    category: c,
                    score: round((100.0 + sum).clamp(0.0, 100.0), 10.0),
                    weight: policy.category_weights.get(c).max(0.0),
                }
            })
            .collect();
        let wsum: f32 = categories.iter().map(|c| c.weight).sum();
        let total = if wsum > 0.0 {
            categories.iter().map(|c| c.weight * c.score).sum::<f32>() / wsum
        } else {
            categories.iter().map(|c| c.score).sum::<f32>() / categories.len() as f32
        };
        let total = round(total.clamp(0.0, 100.0), 10.0);
        let critical = findings.iter().any(|f| f.critical);
        ScoreCard {
            policy: policy.id.clone(),
            total,
            pass_mark: policy.pass_mark,
            passed: total >= policy.pass_mark && !critical,
            categories,
            findings,
            labels,
        }
    }

    /// A finding's explanation and notes in `lang`, people named by the
    /// card's labels.
    pub fn text(&self, f: &Finding, lang: Lang) -> String {
        let mut s = i18n::render(lang, &f.msg, &self.labels);
        for n in &f.notes {
            s.push(' ');
            s.push_str(&i18n::render(lang, n, &self.labels));
        }
        s
    }

    /// A finding's citation in `lang`.
    pub fn citation<'a>(&self, f: &'a Finding, lang: Lang) -> &'a str {
        f.citation.get(lang)
    }

    /// The sub-score of one category.
    pub fn category(&self, c: Category) -> f32 {
        self.categories
            .iter()
            .find(|s| s.category == c)
            .map(|s| s.score)
            .unwrap_or(100.0)
    }
}

/// Rounds to `1/scale` (scale 10: one decimal).
fn round(x: f32, scale: f32) -> f32 {
    (x * scale).round() / scale
}
