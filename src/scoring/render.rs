//! The score card as text, for `forcesim score` and `forcesim run`:
//! a header with the total and pass/fail, the sub-scores, then one line per
//! finding: `0:42  -20  force.proportionality  text  [citation]`.

use super::card::ScoreCard;
use super::text::{CardWord, card_word, category};
use crate::domain::Lang;
use crate::i18n;
use std::fmt::Write;

/// Points as shown: a sign, and a decimal only when needed (`-20`, `+5`, `-7.5`).
pub fn points(p: f32) -> String {
    if p.fract() == 0.0 {
        format!("{p:+.0}")
    } else {
        format!("{p:+.1}")
    }
}

/// The whole card as text, in `lang`.
pub fn card_text(card: &ScoreCard, lang: Lang) -> String {
    let word = |w: CardWord| i18n::tr(lang, card_word(w), &[]);
    let mut s = String::new();
    let verdict = word(if card.passed {
        CardWord::Pass
    } else {
        CardWord::Fail
    });
    let _ = writeln!(
        s,
        "{}: {:.1} / 100 ({} {:.0}): {}   [{}: {}]",
        word(CardWord::Total),
        card.total,
        word(CardWord::PassMark),
        card.pass_mark,
        verdict,
        word(CardWord::Policy),
        card.policy
    );
    let names: Vec<String> = card
        .categories
        .iter()
        .map(|c| i18n::tr(lang, &category(c.category), &[]))
        .collect();
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    for (c, name) in card.categories.iter().zip(&names) {
        let pad = width - name.chars().count();
        let _ = writeln!(s, "  {name}{:pad$}  {:5.1}", "", c.score);
    }
    let _ = writeln!(s, "{}:", word(CardWord::Findings));
    if card.findings.is_empty() {
        let _ = writeln!(s, "  {}", word(CardWord::NoFindings));
    }
    for f in &card.findings {
        let crit = if f.critical {
            format!(" ({})", word(CardWord::Critical))
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "  {:>5}  {:>5}  {}{}  {}  [{}]",
            i18n::clock_text(f.t),
            points(f.points),
            f.rule,
            crit,
            card.text(f, lang),
            card.citation(f, lang)
        );
    }
    s
}

/// The card with its texts rendered in one language: what `--json` prints.
/// The findings keep their message (id and arguments) beside the text, so a
/// reader can check the id and render it again in another language.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CardView<'a> {
    /// Language of the texts.
    pub lang: Lang,
    /// Policy id.
    pub policy: &'a str,
    /// Total 0..100.
    pub total: f32,
    /// Mark needed to pass.
    pub pass_mark: f32,
    /// Passed.
    pub passed: bool,
    /// Sub-scores.
    pub categories: &'a [super::card::CategoryScore],
    /// Findings with their texts.
    pub findings: Vec<FindingView<'a>>,
}

/// One finding, rendered.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FindingView<'a> {
    /// Seconds since the start.
    pub t: f32,
    /// Rule id.
    pub rule: &'a str,
    /// Category.
    pub category: crate::policy::schema::Category,
    /// Points.
    pub points: f32,
    /// Critical.
    pub critical: bool,
    /// The explanation in `lang`.
    pub text: String,
    /// The citation in `lang`.
    pub citation: &'a str,
    /// The person concerned.
    pub subject: Option<&'a str>,
    /// The explanation as data.
    pub msg: &'a crate::i18n::Msg,
}

/// The card rendered in `lang`, for JSON output.
pub fn card_view(card: &ScoreCard, lang: Lang) -> CardView<'_> {
    CardView {
        lang,
        policy: &card.policy,
        total: card.total,
        pass_mark: card.pass_mark,
        passed: card.passed,
        categories: &card.categories,
        findings: card
            .findings
            .iter()
            .map(|f| FindingView {
                t: f.t,
                rule: &f.rule,
                category: f.category,
                points: f.points,
                critical: f.critical,
                text: card.text(f, lang),
                citation: card.citation(f, lang),
                subject: f.subject.as_deref(),
                msg: &f.msg,
            })
            .collect(),
    }
}
