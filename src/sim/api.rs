//! Resources through which the game, the headless runner and tests talk to the
//! simulation.

use crate::domain::*;
use crate::events::{EndReason, EventLog};
use crate::policy::Policy;
use crate::scenario::Scenario;
use crate::trainee::{TraineeInput, TraineeView};
use bevy::prelude::*;

/// What to simulate. Insert before the first update.
#[derive(Resource, Debug, Clone)]
pub struct SimSetup {
    /// The scenario.
    pub scenario: Scenario,
    /// The policy (the simulation reads only jurisdiction facts from it, e.g.
    /// whether witnesses matter for an arrest).
    pub policy: Policy,
    /// Seed of the one RNG.
    pub seed: u64,
}

/// The trainee's input for the next tick. Actions are consumed by the tick.
#[derive(Resource, Debug, Clone, Default)]
pub struct TraineeInputRes(pub TraineeInput);

/// What the trainee perceives, refreshed every tick.
#[derive(Resource, Debug, Clone, Default)]
pub struct TraineeViewRes(pub TraineeView);

/// The event log so far.
#[derive(Resource, Debug, Clone, Default)]
pub struct SimLog(pub EventLog);

/// Set once the run has ended.
#[derive(Resource, Debug, Clone, Default)]
pub struct SimEnd(pub Option<EndReason>);

/// The current fixed tick (60 per second).
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct SimTick(pub u32);

/// Everything drawable, refreshed every tick. The game draws from this alone.
#[derive(Resource, Debug, Clone, Default)]
pub struct SceneViewRes(pub SceneView);

/// A drawable snapshot of the scene.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SceneView {
    /// Every person on scene.
    pub people: Vec<Drawable>,
    /// Door states by id.
    pub doors: Vec<(String, crate::scenario::schema::DoorState)>,
    /// The trainee's visibility polygon (map coordinates, counter-clockwise),
    /// from the simulation's own ray casts: only what lies inside is drawn.
    pub visibility: Vec<Pt>,
    /// Shots fired in the last half second: (from, to).
    pub tracers: Vec<(Pt, Pt)>,
}

/// A person as drawn.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drawable {
    /// Id.
    pub id: String,
    /// Who they are.
    pub kind: PersonKind,
    /// Position.
    pub pos: Pt,
    /// Heading, degrees.
    pub heading: f32,
    /// Visible to the trainee now.
    pub visible: bool,
    /// Not in view but heard now (talking, running, shooting): the HUD
    /// shows the direction of the sound, not the person.
    pub heard: bool,
    /// Cues to draw (hands up, weapon, restrained, injured...).
    pub cues: Vec<Cue>,
    /// What they are saying now, if anything.
    pub speech: Option<LocalizedText>,
    /// Tool in hand and its state (officers).
    pub tool: Option<(Tool, ToolState)>,
    /// Condition.
    pub health: Health,
    /// Sex and age, for the sprite.
    pub sex: Sex,
    /// Age group.
    pub age: AgeGroup,
}

/// Kinds of person.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum PersonKind {
    /// The cadet.
    #[default]
    Trainee,
    /// A partner or backup officer.
    Officer,
    /// A subject.
    Subject,
    /// A bystander.
    Bystander,
    /// A member of a crowd.
    CrowdMember,
}

/// Switches for work only some hosts need. The headless runner turns the
/// drawable snapshot off; the game turns the visibility polygon on.
#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct SimOptions {
    /// Fill [`SceneViewRes`] every tick.
    pub scene_view: bool,
    /// Cast the trainee's visibility polygon (fog of war) into [`SceneView::visibility`].
    /// Costs `visibility_rays` ray casts per tick.
    pub visibility_polygon: bool,
    /// Rays in the visibility polygon.
    pub visibility_rays: u32,
}

impl Default for SimOptions {
    fn default() -> Self {
        SimOptions {
            scene_view: true,
            visibility_polygon: false,
            visibility_rays: 180,
        }
    }
}

/// Instructor interventions to apply at the next tick (the game's console
/// pushes here). Each is applied and logged as `EventKind::Instructor`.
#[derive(Resource, Debug, Clone, Default)]
pub struct InstructorInput(pub Vec<crate::events::Intervention>);

/// While true the simulation does not advance (set by `Intervention::Pause`,
/// cleared by `Intervention::Resume`); the game may also set it directly.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SimPaused(pub bool);

/// Set to true to end the run at the next tick with `EndReason::Stopped`
/// (the trainee quit, or the instructor ended the session).
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StopRequest(pub bool);
