//! The trainee's inputs to the simulation and the view it gives back.

use crate::domain::*;
use crate::events::SubjectView;
use crate::scenario::schema::{CoverKind, DoorState};
use serde::{Deserialize, Serialize};

/// One tick's input for the trainee's officer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TraineeInput {
    /// Desired direction of travel (need not be normalised; zero stands still).
    pub move_dir: Pt,
    /// Run instead of walk.
    pub run: bool,
    /// A point to face (and aim at); `None` keeps the heading.
    pub face: Option<Pt>,
    /// Target selected for actions without their own target.
    pub select: Option<String>,
    /// Discrete actions this tick, in order.
    pub actions: Vec<OfficerAction>,
    /// Switch the flashlight on (`Some(true)`) or off (`Some(false)`);
    /// `None` leaves it as it is. It matters only in the dark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub light: Option<bool>,
}

/// Everything the trainee can perceive at a tick. Bots and scripts decide on this
/// alone; the game HUD draws from it too.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct TraineeView {
    /// Tick.
    pub tick: u32,
    /// Seconds since the start.
    pub t: f32,
    /// The trainee's position.
    pub pos: Pt,
    /// Heading in degrees (0 = east).
    pub heading: f32,
    /// Selected tool and state.
    pub tool: Tool,
    /// State of the selected tool.
    pub tool_state: ToolState,
    /// Condition.
    pub health: Health,
    /// Has identified as police.
    pub identified: bool,
    /// Has called in.
    pub called_in: bool,
    /// Backup requested.
    pub backup_requested: bool,
    /// The flashlight is on.
    #[serde(default)]
    pub light: bool,
    /// The scene is dark: only the flashlight's cone (and a short radius) is seen.
    #[serde(default)]
    pub dark: bool,
    /// Subjects the trainee can see now or has seen (with `visible` telling which).
    pub subjects: Vec<PersonSeen>,
    /// Bystanders in view.
    pub bystanders: Vec<PersonSeen>,
    /// Partner officers and backup (always known by radio).
    pub officers: Vec<PersonSeen>,
    /// Doors and their states (the layout is known).
    pub doors: Vec<DoorSeen>,
    /// Cover between the trainee and the main threat.
    pub cover: Option<CoverKind>,
    /// Witnesses who have agreed and stay on scene.
    pub witnesses: Vec<String>,
    /// Witnesses who said, when asked, what may bar them from serving (a
    /// relative, a cadet, someone who witnesses for the police again and
    /// again): the trainee heard it.
    #[serde(default)]
    pub unfit_witnesses: Vec<String>,
    /// Traffic stop: drivers whose papers the trainee holds.
    #[serde(default)]
    pub documents_held: Vec<String>,
    /// Traffic stop: drivers whose papers dispatch has run.
    #[serde(default)]
    pub documents_checked: Vec<String>,
    /// Room zones cleared so far.
    pub cleared: Vec<String>,
    /// Objective ids met so far.
    pub objectives_met: Vec<String>,
    /// Item ids seized and not yet sealed.
    pub seized_unsealed: Vec<String>,
    /// Lines said and radio heard in the last few seconds: (who, text).
    pub heard: Vec<(String, LocalizedText)>,
    /// Event kinds the trainee noticed this tick (shots, someone down), for scripts.
    pub noticed: Vec<String>,
    /// Subjects who got away (off the scene): the HUD and the radio say so.
    #[serde(default)]
    pub escaped: Vec<String>,
}

/// A person in view.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PersonSeen {
    /// Id.
    pub id: String,
    /// Position (last seen).
    pub pos: Pt,
    /// Facing in degrees.
    pub heading: f32,
    /// Perception of them (distance, cues, perceived level...).
    pub view: SubjectView,
}

/// A door as the trainee knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DoorSeen {
    /// Door id.
    pub id: String,
    /// Centre.
    pub at: Pt,
    /// State.
    pub state: DoorState,
}
