//! The doctrine's vocabulary as catalogue messages (`noun-*`): each value of
//! a domain type maps to the message that names it, for findings and labels.

use super::{Arg, Msg};
use crate::domain::{Cue, ForceLevel, ForceOption, Health, ResistanceLevel, WeaponKind};

/// A force option, as a noun phrase.
pub fn option(o: ForceOption) -> Arg {
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
pub fn resistance(r: ResistanceLevel) -> Arg {
    Arg::Msg(Msg::new(match r {
        ResistanceLevel::Compliant => "noun-level-compliant",
        ResistanceLevel::Passive => "noun-level-passive",
        ResistanceLevel::Active => "noun-level-active",
        ResistanceLevel::Assaultive => "noun-level-assaultive",
        ResistanceLevel::Deadly => "noun-level-deadly",
    }))
}

/// A continuum level of force.
pub fn force_level(f: ForceLevel) -> Arg {
    Arg::Msg(Msg::new(match f {
        ForceLevel::Presence => "noun-force-presence",
        ForceLevel::Verbal => "noun-force-verbal",
        ForceLevel::SoftControl => "noun-force-soft_control",
        ForceLevel::HardControl => "noun-force-hard_control",
        ForceLevel::Lethal => "noun-force-lethal",
    }))
}

/// A visible cue.
pub fn cue(c: Cue) -> Arg {
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
pub fn weapon(w: WeaponKind) -> Arg {
    Arg::Msg(Msg::new(match w {
        WeaponKind::None => "noun-weapon-none",
        WeaponKind::Knife => "noun-weapon-knife",
        WeaponKind::Blunt => "noun-weapon-blunt",
        WeaponKind::Handgun => "noun-weapon-handgun",
        WeaponKind::LongGun => "noun-weapon-long_gun",
    }))
}

/// A condition after injuries.
pub fn health(h: Health) -> Arg {
    Arg::Msg(Msg::new(match h {
        Health::Unhurt => "noun-health-unhurt",
        Health::Minor => "noun-health-minor",
        Health::Serious => "noun-health-serious",
        Health::Dead => "noun-health-dead",
    }))
}
