//! The simulation as the game sees it: one step per fixed tick, the trainee's
//! input in, the contract views out.

use crate::events::{EndReason, EventLog, Intervention};
use crate::sim::SceneView;
use crate::trainee::{TraineeInput, TraineeView};

/// A running simulation the game can step.
pub trait SimBackend {
    /// Runs one fixed tick (1/60 s) with this input.
    fn step(&mut self, input: &TraineeInput);
    /// Everything drawable after the last tick.
    fn scene(&self) -> &SceneView;
    /// What the trainee perceives after the last tick.
    fn view(&self) -> &TraineeView;
    /// The event log so far.
    fn log(&self) -> &EventLog;
    /// Why the run ended, once it has.
    fn end(&self) -> Option<EndReason>;
    /// Ticks run so far.
    fn tick(&self) -> u32;
    /// An instructor's intervention, applied at the next tick.
    fn intervene(&mut self, intervention: Intervention);
    /// Ends the run now (the trainee or instructor stopped it).
    fn stop(&mut self);
}
