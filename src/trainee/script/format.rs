//! The trainee script format (RON). See README "Trainee scripts".
//!
//! ```ron
//! (
//!     scenario: "traffic_stop_low",
//!     steps: [
//!         (at: 0.5, do: [radio(call_in)]),
//!         (move_to: person("driver"), stop_at: 2.0, face: person("driver")),
//!         (target: "driver", do: [identify, talk]),
//!         (when: level_at_least(subject: "driver", level: passive), timeout: 20.0,
//!          target: "driver", do: [talk], wait: 3.0),
//!         (target: "driver", do: [do(interview)]),
//!     ],
//!     reactions: [
//!         (when: cue(cue: weapon_visible), do: [radio(request_backup)]),
//!     ],
//! )
//! ```

use crate::domain::*;
use serde::{Deserialize, Serialize};

/// A whole script.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Script {
    /// What the script shows (free text, for listings).
    #[serde(default)]
    pub name: Option<String>,
    /// The scenario id it was written for; running it on another is an error.
    #[serde(default)]
    pub scenario: Option<String>,
    /// Steps, run in order: each waits for its time and condition, then acts.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Reactions, checked every tick whatever step is current: for what may
    /// or may not happen (a weapon drawn, a shot). Actions and facing only.
    #[serde(default)]
    pub reactions: Vec<Step>,
}

/// One step of a script. Everything is optional: a step with only `wait`
/// pauses; one with only `move_to` walks.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Name, for `done("...")` conditions and messages.
    #[serde(default)]
    pub id: Option<String>,
    /// Start at or after this many seconds since the scenario started.
    #[serde(default)]
    pub at: Option<f32>,
    /// Start once this holds (checked every tick once the step is current).
    #[serde(default)]
    pub when: Option<Cond>,
    /// Give up waiting (or moving) after this many seconds: the step is
    /// skipped (`skipped("id")` holds) and the next one becomes current.
    #[serde(default)]
    pub timeout: Option<f32>,
    /// Whom or what the actions are aimed at (a person, vehicle, door or zone id).
    #[serde(default)]
    pub target: Option<String>,
    /// Actions done, in order, the tick the step starts.
    #[serde(default, rename = "do")]
    pub actions: Vec<Act>,
    /// Where to go after the actions.
    #[serde(default)]
    pub move_to: Option<Place>,
    /// Stop this many meters from `move_to` (default 0.3 for places, 1.5 for people).
    #[serde(default)]
    pub stop_at: Option<f32>,
    /// Run instead of walking.
    #[serde(default)]
    pub run: bool,
    /// Switch the flashlight on (`light: true`) or off (`light: false`) as
    /// the step starts (it matters in the dark).
    #[serde(default)]
    pub light: Option<bool>,
    /// What to face (and aim at) from now on; `ahead` faces the way you walk.
    #[serde(default)]
    pub face: Option<Place>,
    /// Seconds to stand still after the actions and the move, before the next step.
    #[serde(default)]
    pub wait: f32,
    /// Reactions only: fire again after this many seconds while the condition
    /// holds (default: fire once).
    #[serde(default)]
    pub repeat: Option<f32>,
}

/// A place on the map: where to go or what to face.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// A point in meters: `point((12.0, 4.5))`.
    Point(Pt),
    /// A person (subject, bystander or partner), where last seen: `person("driver")`.
    Person(String),
    /// A vehicle's centre: `vehicle("sedan")`.
    Vehicle(String),
    /// A door's centre: `door("back_door")`.
    Door(String),
    /// A zone's centre: `zone("hall")`.
    Zone(String),
    /// The direction of travel (only for `face`).
    Ahead,
}

/// A condition a step waits for. Levels, cues and distances are what the
/// trainee perceives, not the hidden truth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cond {
    /// At least this many seconds since the start.
    Time(f32),
    /// At least this many seconds since the step became current.
    Elapsed(f32),
    /// A subject's perceived level is at least this
    /// (`subject` omitted: any subject seen).
    LevelAtLeast {
        /// Subject id.
        #[serde(default)]
        subject: Option<String>,
        /// Level.
        level: ResistanceLevel,
    },
    /// A subject's perceived level is at most this
    /// (`subject` omitted: every subject seen).
    LevelAtMost {
        /// Subject id.
        #[serde(default)]
        subject: Option<String>,
        /// Level.
        level: ResistanceLevel,
    },
    /// Distance from the trainee to a person: `distance(to: "driver", below: 3.0)`
    /// or `above: 8.0` (or both: a band).
    Distance {
        /// Person id.
        to: String,
        /// Closer than this.
        #[serde(default)]
        below: Option<f32>,
        /// Farther than this.
        #[serde(default)]
        above: Option<f32>,
    },
    /// The trainee is inside this zone.
    InZone(String),
    /// A cue shown by a subject in view (`subject` omitted: any subject).
    Cue {
        /// Subject id.
        #[serde(default)]
        subject: Option<String>,
        /// The cue (`weapon_visible` also holds when a weapon is in view).
        cue: Cue,
    },
    /// The person is in the trainee's sight now.
    Visible(String),
    /// The subject is handcuffed.
    Restrained(String),
    /// The subject has been searched.
    Searched(String),
    /// The trainee noticed an event of this kind since the start (`shot`, ...).
    Noticed(String),
    /// An objective has been met.
    Objective(String),
    /// A room zone has been cleared.
    Cleared(String),
    /// At least this many witnesses have agreed and are on scene.
    Witnesses(u32),
    /// The trainee is behind hard cover from the main threat.
    InCover,
    /// Traffic stop: the trainee holds this driver's papers.
    Papers(String),
    /// A step with this id has run.
    Done(String),
    /// A step with this id timed out.
    Skipped(String),
    /// All of these hold.
    All(Vec<Cond>),
    /// Any of these holds.
    Any(Vec<Cond>),
    /// This does not hold.
    Not(Box<Cond>),
}
