//! People on the scene: who they are, what they carry, what they show.

use serde::{Deserialize, Serialize};

/// Sex, needed for the same-sex personal search rule and Kazakh protected groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Male.
    #[default]
    Male,
    /// Female.
    Female,
}

/// Apparent age group: what an officer can tell by looking.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum AgeGroup {
    /// A young child (under about 14).
    Child,
    /// An obvious minor (about 14-17).
    Teen,
    /// An adult.
    #[default]
    Adult,
    /// An elderly person.
    Elderly,
}

impl AgeGroup {
    /// Obviously a minor (Kazakh law art. 60(2): firearms ban).
    pub fn is_minor(self) -> bool {
        matches!(self, AgeGroup::Child | AgeGroup::Teen)
    }
}

/// A visible disability, if any (Kazakh law arts. 60(2), 61(2)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Disability {
    /// None visible.
    #[default]
    None,
    /// Uses a wheelchair.
    Wheelchair,
    /// Uses crutches or a cane.
    Crutches,
    /// Visibly blind (white cane, guide dog).
    Blind,
    /// Obvious mental or developmental disability.
    Mental,
}

/// The kind of weapon a person carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum WeaponKind {
    /// Unarmed.
    #[default]
    None,
    /// A knife or other edged weapon.
    Knife,
    /// A bat, pipe or other blunt weapon.
    Blunt,
    /// A handgun.
    Handgun,
    /// A rifle or shotgun.
    LongGun,
}

impl WeaponKind {
    /// A gun: can shoot from a distance.
    pub fn is_firearm(self) -> bool {
        matches!(self, WeaponKind::Handgun | WeaponKind::LongGun)
    }

    /// Can cause death or serious injury.
    pub fn is_deadly(self) -> bool {
        !matches!(self, WeaponKind::None)
    }
}

/// Where a weapon is carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum WeaponPlace {
    /// Tucked in the waistband.
    #[default]
    Waistband,
    /// In a pocket.
    Pocket,
    /// Held in a hand.
    Hand,
    /// Under the vehicle seat.
    UnderSeat,
    /// In the glove box.
    GloveBox,
    /// In a bag or backpack.
    Bag,
    /// Strapped to an ankle.
    Ankle,
}

/// Whether a weapon can be seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Carry {
    /// No weapon.
    #[default]
    None,
    /// Hidden on the person or in the vehicle.
    Concealed,
    /// In view.
    Visible,
}

/// Temperament: how readily a subject escalates and calms down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Temperament {
    /// Calm, cooperative by default.
    #[default]
    Calm,
    /// Nervous: hesitates, may flee.
    Nervous,
    /// Hostile: argues, escalates quickly.
    Hostile,
    /// Intoxicated: slow to comply, unpredictable.
    Intoxicated,
    /// In mental-health crisis: responds to calm talk, not to force.
    InCrisis,
}

/// What a subject does (from behaviour data, triggers or the instructor).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectAction {
    /// Obey the current command.
    Comply,
    /// Argue verbally, stay put.
    Argue,
    /// Run to the nearest exit or the map edge.
    Flee,
    /// Move out of sight.
    Hide,
    /// Reach toward the waistband or under the seat.
    Reach,
    /// Draw a weapon into view.
    Draw,
    /// Close in and attack at run speed.
    Attack,
    /// Shoot at the nearest officer.
    Shoot,
    /// Give up: hands up, kneel.
    Surrender,
    /// Seize the nearest bystander (within 4 m) and hold them in front, toward
    /// the nearest officer: a human shield in every line of fire.
    Shield,
}

/// A visible cue a subject shows: what the trainee reads instead of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    /// Both hands visible and empty.
    HandsVisible,
    /// One or both hands out of sight.
    HandsHidden,
    /// Hands raised.
    HandsUp,
    /// Reaching toward the waistband, a pocket or under the seat.
    Reaching,
    /// A weapon in view.
    WeaponVisible,
    /// Bladed (fighting) stance.
    BladedStance,
    /// Fists clenched.
    ClenchedFists,
    /// Shouting.
    Shouting,
    /// Glancing at exits or around.
    LookingForExit,
    /// Pacing, agitated.
    Pacing,
    /// Kneeling.
    Kneeling,
    /// Lying prone.
    Prone,
    /// Handcuffed.
    Restrained,
    /// Injured or bleeding.
    Injured,
    /// Down and not moving.
    Incapacitated,
    /// Visibly drunk or high.
    Intoxicated,
    /// Crying or distressed.
    Distressed,
    /// Running.
    Running,
    /// Ignoring commands without moving.
    Ignoring,
}

/// A person's condition after injuries.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Health {
    /// Unhurt.
    #[default]
    Unhurt,
    /// Lightly injured (bruises, OC exposure).
    Minor,
    /// Seriously injured.
    Serious,
    /// Killed.
    Dead,
}
