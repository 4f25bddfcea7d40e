//! The use-of-force continuum: subject resistance and officer response.

use serde::{Deserialize, Serialize};

/// Subject behaviour as a reasonable officer on the scene perceives it
/// (FLETC five-level model; NIJ continuum).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum ResistanceLevel {
    /// Cooperative: obeys commands.
    #[default]
    Compliant,
    /// Passive resistant: no physical energy, but does not obey.
    Passive,
    /// Active resistant: pulls away, braces, flees.
    Active,
    /// Assaultive: threatens or causes bodily harm.
    Assaultive,
    /// Deadly threat: threatens serious bodily harm or death.
    Deadly,
}

impl ResistanceLevel {
    /// All levels, lowest first.
    pub const ALL: [ResistanceLevel; 5] = [
        ResistanceLevel::Compliant,
        ResistanceLevel::Passive,
        ResistanceLevel::Active,
        ResistanceLevel::Assaultive,
        ResistanceLevel::Deadly,
    ];

    /// The name used in files (`compliant`, `passive`, ...).
    pub fn key(self) -> &'static str {
        match self {
            ResistanceLevel::Compliant => "compliant",
            ResistanceLevel::Passive => "passive",
            ResistanceLevel::Active => "active",
            ResistanceLevel::Assaultive => "assaultive",
            ResistanceLevel::Deadly => "deadly",
        }
    }

    /// 0 for compliant up to 4 for deadly.
    pub fn rank(self) -> u8 {
        self as u8
    }
}

/// Officer response levels of the continuum, lowest first.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum ForceLevel {
    /// Officer presence.
    #[default]
    Presence,
    /// Verbal: commands, persuasion, warnings.
    Verbal,
    /// Soft empty-hand control: escort, grip, joint lock, handcuffing.
    SoftControl,
    /// Hard empty-hand and intermediate weapons: strikes, takedown, OC, baton, CEW.
    HardControl,
    /// Lethal force: firearm.
    Lethal,
}

impl ForceLevel {
    /// All levels, lowest first.
    pub const ALL: [ForceLevel; 5] = [
        ForceLevel::Presence,
        ForceLevel::Verbal,
        ForceLevel::SoftControl,
        ForceLevel::HardControl,
        ForceLevel::Lethal,
    ];

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            ForceLevel::Presence => "presence",
            ForceLevel::Verbal => "verbal",
            ForceLevel::SoftControl => "soft_control",
            ForceLevel::HardControl => "hard_control",
            ForceLevel::Lethal => "lethal",
        }
    }

    /// One level up, saturating at lethal.
    pub fn up(self, steps: u8) -> ForceLevel {
        ForceLevel::ALL[((self as u8 + steps) as usize).min(4)]
    }

    /// One level down, saturating at presence.
    pub fn down(self, steps: u8) -> ForceLevel {
        ForceLevel::ALL[(self as u8).saturating_sub(steps) as usize]
    }
}

/// A physical force option the trainee can apply to a person. Each maps to a
/// [`ForceLevel`] through the policy (`force_options` in a policy file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForceOption {
    /// Escort grip / guiding hold.
    EscortGrip,
    /// Joint lock / pain compliance hold.
    JointLock,
    /// Takedown to the ground.
    Takedown,
    /// Empty-hand strike.
    Strike,
    /// OC (pepper) spray.
    Oc,
    /// Baton strike.
    Baton,
    /// Conducted energy weapon (Taser).
    Cew,
    /// Pointing a drawn firearm at a person (a show of force).
    PointFirearm,
    /// Firing a firearm.
    Firearm,
}

impl ForceOption {
    /// All options, in continuum order.
    pub const ALL: [ForceOption; 9] = [
        ForceOption::EscortGrip,
        ForceOption::JointLock,
        ForceOption::Takedown,
        ForceOption::Strike,
        ForceOption::Oc,
        ForceOption::Baton,
        ForceOption::Cew,
        ForceOption::PointFirearm,
        ForceOption::Firearm,
    ];

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            ForceOption::EscortGrip => "escort_grip",
            ForceOption::JointLock => "joint_lock",
            ForceOption::Takedown => "takedown",
            ForceOption::Strike => "strike",
            ForceOption::Oc => "oc",
            ForceOption::Baton => "baton",
            ForceOption::Cew => "cew",
            ForceOption::PointFirearm => "point_firearm",
            ForceOption::Firearm => "firearm",
        }
    }

    /// The level a generic continuum gives this option; policies may override it.
    pub fn default_level(self) -> ForceLevel {
        match self {
            ForceOption::EscortGrip | ForceOption::JointLock => ForceLevel::SoftControl,
            ForceOption::Takedown
            | ForceOption::Strike
            | ForceOption::Oc
            | ForceOption::Baton
            | ForceOption::Cew
            | ForceOption::PointFirearm => ForceLevel::HardControl,
            ForceOption::Firearm => ForceLevel::Lethal,
        }
    }

    /// "Special means" in Kazakh law (art. 61): OC, baton, CEW, handcuffs-as-force.
    pub fn is_special_means(self) -> bool {
        matches!(
            self,
            ForceOption::Oc | ForceOption::Baton | ForceOption::Cew
        )
    }

    /// The tool that must be in hand to use it, if any.
    pub fn tool(self) -> Option<Tool> {
        match self {
            ForceOption::Oc => Some(Tool::Oc),
            ForceOption::Baton => Some(Tool::Baton),
            ForceOption::Cew => Some(Tool::Cew),
            ForceOption::PointFirearm | ForceOption::Firearm => Some(Tool::Handgun),
            _ => None,
        }
    }
}

/// What the trainee holds ready: the force-option selector in the game (keys 1-5).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Tool {
    /// Empty hands (grips, takedowns, strikes, handcuffing).
    #[default]
    EmptyHands,
    /// OC spray.
    Oc,
    /// Baton.
    Baton,
    /// Conducted energy weapon.
    Cew,
    /// Handgun.
    Handgun,
}

impl Tool {
    /// Tools in selector order (keys 1..5).
    pub const ALL: [Tool; 5] = [
        Tool::EmptyHands,
        Tool::Oc,
        Tool::Baton,
        Tool::Cew,
        Tool::Handgun,
    ];

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            Tool::EmptyHands => "empty_hands",
            Tool::Oc => "oc",
            Tool::Baton => "baton",
            Tool::Cew => "cew",
            Tool::Handgun => "handgun",
        }
    }
}

/// Whether a tool is holstered, drawn (low ready) or aimed at someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ToolState {
    /// In its holster.
    #[default]
    Holstered,
    /// In hand, pointed at the ground (low ready).
    Drawn,
    /// Pointed at a person.
    Aimed,
}
