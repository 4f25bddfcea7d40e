//! The score card as text, for `forcesim score` and `forcesim run`:
//! a header with the total and pass/fail, the sub-scores, then one line per
//! finding: `0:42  -20  force.proportionality  text  [citation]`.

use super::card::ScoreCard;
use super::text::{CardWord, card_word, category};
use std::fmt::Write;

/// Points as shown: a sign, and a decimal only when needed (`-20`, `+5`, `-7.5`).
pub fn points(p: f32) -> String {
    if p.fract() == 0.0 {
        format!("{p:+.0}")
    } else {
        format!("{p:+.1}")
    }
}

/// The whole card as text, in the card's language.
pub fn card_text(card: &ScoreCard) -> String {
    let l = card.lang;
    let mut s = String::new();
    let verdict = card_word(
        l,
        if card.passed {
            CardWord::Pass
        } else {
            CardWord::Fail
        },
    );
    let _ = writeln!(
        s,
        "{}: {:.1} / 100 ({} {:.0}): {}   [{}: {}]",
        card_word(l, CardWord::Total),
        card.total,
        card_word(l, CardWord::PassMark),
        card.pass_mark,
        verdict,
        card_word(l, CardWord::Policy),
        card.policy
    );
    let width = card
        .categories
        .iter()
        .map(|c| category(l, c.category).chars().count())
        .max()
        .unwrap_or(0);
    for c in &card.categories {
        let name = category(l, c.category);
        let pad = width - name.chars().count();
        let _ = writeln!(s, "  {name}{:pad$}  {:5.1}", "", c.score);
    }
    let _ = writeln!(s, "{}:", card_word(l, CardWord::Findings));
    if card.findings.is_empty() {
        let _ = writeln!(s, "  {}", card_word(l, CardWord::NoFindings));
    }
    for f in &card.findings {
        let crit = if f.critical {
            format!(" ({})", card_word(l, CardWord::Critical))
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "  {:>5}  {:>5}  {}{}  {}  [{}]",
            super::facts::clock(f.t),
            points(f.points),
            f.rule,
            crit,
            f.text,
            f.citation
        );
    }
    s
}
