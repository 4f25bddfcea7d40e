//! The words findings are built from, as catalogue messages (`noun-*`,
//! `card-*`, `seen-*` in `assets/i18n/*.ftl`): each function maps a value to
//! its message so that a finding stores ids, never rendered text.

use crate::domain::*;
use crate::events::{EndReason, SubjectView};
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

/// A force option, as a noun phrase.
pub(crate) fn option(o: ForceOption) -> Arg {
    Arg::Msg(Msg::new(match o {
        ForceOption::EscortGrip => "noun-option-escort_grip",
        ForceOption::JointLock => "noun-option-joint_lock",
        ForceOption::Takedown => "noun-option-takedown",
        ForceOption::Strike => "noun-option-strike",
        ForceOption::Oc => "noun-option-oc",
        ForceOption::Baton => "noun-option-baton",
        ForceOption::Cew => "noun-option-cew",
        ForceOption::PointFirearm => "noun-option-point_firearm",
        ForceOption::Firearm => "noun-option-firearm",
    }))
}

/// A perceived resistance level.
pub(crate) fn resistance(r: ResistanceLevel) -> Arg {
    Arg::Msg(Msg::new(match r {
        ResistanceLevel::Compliant => "noun-level-compliant",
        ResistanceLevel::Passive => "noun-level-passive",
        ResistanceLevel::Active => "noun-level-active",
        ResistanceLevel::Assaultive => "noun-level-assaultive",
        ResistanceLevel::Deadly => "noun-level-deadly",
    }))
}

/// A continuum level of force.
pub(crate) fn force_level(f: ForceLevel) -> Arg {
    Arg::Msg(Msg::new(match f {
        ForceLevel::Presence => "noun-force-presence",
        ForceLevel::Verbal => "noun-force-verbal",
        ForceLevel::SoftControl => "noun-force-soft_control",
        ForceLevel::HardControl => "noun-force-hard_control",
        ForceLevel::Lethal => "noun-force-lethal",
    }))
}

/// A visible cue.
pub(crate) fn cue(c: Cue) -> Arg {
    Arg::Msg(Msg::new(match c {
        Cue::HandsVisible => "noun-cue-hands_visible",
        Cue::HandsHidden => "noun-cue-hands_hidden",
        Cue::HandsUp => "noun-cue-hands_up",
        Cue::Reaching => "noun-cue-reaching",
        Cue::WeaponVisible => "noun-cue-weapon_visible",
        Cue::BladedStance => "noun-cue-bladed_stance",
        Cue::ClenchedFists => "noun-cue-clenched_fists",
        Cue::Shouting => "noun-cue-shouting",
        Cue::LookingForExit => "noun-cue-looking_for_exit",
        Cue::Pacing => "noun-cue-pacing",
        Cue::Kneeling => "noun-cue-kneeling",
        Cue::Prone => "noun-cue-prone",
        Cue::Restrained => "noun-cue-restrained",
        Cue::Injured => "noun-cue-injured",
        Cue::Incapacitated => "noun-cue-incapacitated",
        Cue::Intoxicated => "noun-cue-intoxicated",
        Cue::Distressed => "noun-cue-distressed",
        Cue::Running => "noun-cue-running",
        Cue::Ignoring => "noun-cue-ignoring",
    }))
}

/// A kind of weapon.
pub(crate) fn weapon(w: WeaponKind) -> Arg {
    Arg::Msg(Msg::new(match w {
        WeaponKind::None => "noun-weapon-none",
        WeaponKind::Knife => "noun-weapon-knife",
        WeaponKind::Blunt => "noun-weapon-blunt",
        WeaponKind::Handgun => "noun-weapon-handgun",
        WeaponKind::LongGun => "noun-weapon-long_gun",
    }))
}

/// A condition after injuries.
pub(crate) fn health(h: Health) -> Arg {
    Arg::Msg(Msg::new(match h {
        Health::Unhurt => "noun-health-unhurt",
        Health::Minor => "noun-health-minor",
        Health::Serious => "noun-health-serious",
        Health::Dead => "noun-health-dead",
    }))
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
pub(crate) fn end_reason(r: EndReason) -> Arg {
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
