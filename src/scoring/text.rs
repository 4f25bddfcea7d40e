//! The words findings are built from, as catalogue messages (`noun-*`,
//! `card-*`, `seen-*` in `assets/i18n/*.ftl`): each function maps a value to
//! its message so that a finding stores ids, never rendered text.

use crate::domain::*;
use crate::events::{EndReason, SubjectView};
pub(crate) use crate::i18n::nouns::{cue, force_level, health, option, resistance, weapon};
use crate::i18n::{Arg, Msg};
use crate::policy::schema::{Category, Group};

/// A finding's message: catalogue id plus named arguments.
pub(crate) fn msg(id: &str, args: &[(&str, Arg)]) -> Msg {
    let mut m = Msg::new(id);
    for (k, v) in args {
        m = m.with(k, v.clone());
    }
    m
}

/// A score category's name (the same message as the debrief's).
pub fn category(c: Category) -> String {
    format!("category-{}", c.key())
}

/// A protected group (Kazakh law arts. 60(2), 61(2)).
pub(crate) fn group(g: Group) -> Arg {
    Arg::Msg(Msg::new(match g {
        Group::Women => "noun-group-women",
        Group::VisiblyDisabled => "noun-group-visibly_disabled",
        Group::YoungChildren => "noun-group-young_children",
        Group::Minors => "noun-group-minors",
    }))
}

/// Why a session ended.
pub fn end_reason(r: EndReason) -> Arg {
    Arg::Msg(Msg::new(match r {
        EndReason::ObjectivesMet => "noun-end-objectives_met",
        EndReason::TimeLimit => "noun-end-time_limit",
        EndReason::OfficerDown => "noun-end-officer_down",
        EndReason::SubjectsGone => "noun-end-subjects_gone",
        EndReason::Stopped => "noun-end-stopped",
    }))
}

/// A fixed word of the score card printout.
pub fn card_word(w: CardWord) -> &'static str {
    match w {
        CardWord::Total => "card-total",
        CardWord::Pass => "card-pass",
        CardWord::Fail => "card-fail",
        CardWord::PassMark => "card-pass_mark",
        CardWord::Policy => "card-policy",
        CardWord::Findings => "card-findings",
        CardWord::NoFindings => "card-no_findings",
        CardWord::Critical => "card-critical",
    }
}

/// Fixed words of the score card printout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardWord {
    /// "Total".
    Total,
    /// "PASS".
    Pass,
    /// "FAIL".
    Fail,
    /// "pass mark".
    PassMark,
    /// "Policy".
    Policy,
    /// "Findings".
    Findings,
    /// "No findings."
    NoFindings,
    /// "critical".
    Critical,
}

/// What the trainee could see of a subject: the perceived level, then the
/// notable cues and a weapon in view, e.g. `compliant (kneeling, hands up)`.
pub(crate) fn seen(v: &SubjectView) -> Arg {
    let mut parts: Vec<Arg> = Vec::new();
    if let Some(w) = super::facts::weapon_in_view(v) {
        parts.push(Msg::new("seen-weapon").with("weapon", weapon(w)).into());
    }
    if super::facts::restrained(v) && !v.cues.contains(&Cue::Restrained) {
        parts.push(cue(Cue::Restrained));
    }
    for c in &v.cues {
        if matches!(c, Cue::WeaponVisible | Cue::HandsVisible) {
            continue;
        }
        parts.push(cue(*c));
    }
    if parts.is_empty() {
        resistance(v.perceived)
    } else {
        Msg::new("seen-cues")
            .with("level", resistance(v.perceived))
            .with("cues", Arg::List(parts, ", ".into()))
            .into()
    }
}

/// The note on the last kept finding of a rule that repeated beyond the cap.
pub(crate) fn repeats(n: usize, subject: Option<&str>) -> Msg {
    Msg::new("card-repeats").with("n", n).with(
        "who",
        subject.map_or(Arg::Text("none".into()), crate::i18n::person),
    )
}
