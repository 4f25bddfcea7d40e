//! The perception context attached to events: what a reasonable officer in the
//! trainee's place could perceive (Graham v. Connor judges on this, not on
//! hidden truth).

use crate::domain::CoverKind;
use crate::domain::*;
use serde::{Deserialize, Serialize};

/// What the trainee could perceive when an event happened.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Context {
    /// The subject the event concerns (its target), or the most threatening one in view.
    #[serde(default)]
    pub subject: Option<SubjectView>,
    /// The trainee's own situation.
    pub officer: OfficerView,
    /// Highest perceived resistance among subjects in view.
    pub max_perceived: ResistanceLevel,
    /// Officers within 15 m of the trainee, the trainee included.
    pub officers_present: u32,
    /// Subjects in view who are not restrained.
    pub subjects_unrestrained: u32,
}

/// A subject as the trainee perceives them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SubjectView {
    /// Subject id.
    pub id: String,
    /// The resistance a reasonable officer would read from what is visible.
    pub perceived: ResistanceLevel,
    /// Visible cues.
    pub cues: Vec<Cue>,
    /// Reported armed (by the briefing or the radio) and not yet searched: a
    /// reasonable officer treats them as possibly armed before any weapon is
    /// seen.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reported_armed: bool,
    /// A weapon in view, and its kind.
    pub weapon_visible: Option<WeaponKind>,
    /// Distance from the trainee, meters.
    pub distance: f32,
    /// In the trainee's line of sight now.
    pub visible: bool,
    /// Handcuffed.
    pub restrained: bool,
    /// Searched (pat-down done).
    pub searched: bool,
    /// Apparent sex.
    pub sex: Sex,
    /// Apparent age group.
    pub age: AgeGroup,
    /// Visible disability.
    pub disability: Disability,
    /// Condition.
    pub health: Health,
    /// Inside a vehicle.
    pub in_vehicle: bool,
    /// A participant in a crowd (assembly).
    pub in_crowd: bool,
    /// The trainee has hard cover between them and this subject.
    pub officer_covered: bool,
    /// This subject could shoot the trainee unhindered (line of fire, no hard cover).
    pub officer_in_line_of_fire: bool,
    /// People (partners, bystanders) between the trainee and this subject.
    pub people_in_line: Vec<String>,
    /// A crowd lies behind this subject in the trainee's line of fire.
    pub crowd_behind: bool,
}

/// The trainee's situation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct OfficerView {
    /// Position, meters.
    pub pos: Pt,
    /// Cover between the trainee and the main threat, if any.
    pub cover: Option<CoverKind>,
    /// Standing in a doorway.
    pub in_doorway: bool,
    /// The selected tool.
    pub tool: Tool,
    /// Its state.
    pub tool_state: ToolState,
    /// Has identified as police.
    pub identified: bool,
    /// Has called in the stop or call.
    pub called_in: bool,
    /// Backup requested or present.
    pub backup: bool,
    /// Condition.
    pub health: Health,
}
