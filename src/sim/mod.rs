//! The headless simulation: Bevy plugins in `FixedUpdate` (60 Hz) with rapier.
//! It turns a scenario, a seed and the trainee's inputs into an event log.
//! Nothing here draws; `game/` reads the resources below and draws them.
//!
//! Contract with the rest of the crate:
//! - [`SimSetup`] (inserted before the plugin runs) says what to simulate.
//! - [`TraineeInputRes`] is written by the game, a script or a bot before each tick.
//! - [`TraineeViewRes`] is what the trainee perceives after each tick.
//! - [`SceneViewRes`] is everything drawable (the game applies fog of war from it).
//! - [`SimLog`] holds the event log; [`SimEnd`] is set when the run ends.

mod api;

pub use api::*;
