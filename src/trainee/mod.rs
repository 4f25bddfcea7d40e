//! Who drives the trainee's officer in a headless run: a RON script or a
//! built-in bot. Both see only a [`TraineeView`] (what the trainee could
//! perceive) and answer with a [`TraineeInput`]. Pure Rust, no Bevy types.

pub mod bots;
pub mod script;
mod view;

pub use view::*;

/// Anything that drives the trainee's officer headlessly: a script or a bot.
/// Called once per fixed tick with what the trainee can perceive.
pub trait TraineeDriver {
    /// This tick's input.
    fn input(&mut self, view: &TraineeView) -> TraineeInput;

    /// True once the driver has nothing left to do (a script past its last
    /// step, a bot that has given up): the headless runner then ends the
    /// session as the trainee would, with `EndReason::Stopped`.
    fn finished(&self) -> bool {
        false
    }
}
