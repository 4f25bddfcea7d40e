//! The score card.

use crate::policy::schema::Category;
use serde::{Deserialize, Serialize};

/// A scored session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreCard {
    /// Policy id it was scored under.
    pub policy: String,
    /// Language of the texts.
    pub lang: crate::domain::Lang,
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
    /// Plain-language explanation in the session's language.
    pub text: String,
    /// The source.
    pub citation: String,
    /// The person concerned, if any.
    #[serde(default)]
    pub subject: Option<String>,
}
