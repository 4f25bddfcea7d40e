//! What a system hands to the simulation's helper functions: the scenario,
//! the state, the RNG, the journal and the perception at the start of the tick.

use super::SimSetup;
use super::journal::Journal;
use super::perception::Perception;
use super::rng::SimRng;
use super::state::SimState;
use crate::events::EventKind;
use crate::nav::NavGrid;

/// Borrowed pieces of one tick.
pub(crate) struct Step<'a> {
    /// The scenario and seed.
    pub setup: &'a SimSetup,
    /// The scene.
    pub state: &'a mut SimState,
    /// The RNG.
    pub rng: &'a mut SimRng,
    /// Events of this tick.
    pub journal: &'a mut Journal,
    /// Perception at the start of the tick.
    pub perc: &'a Perception,
    /// The walkability grid of the static map.
    pub nav: &'a NavGrid,
}

impl Step<'_> {
    /// Logs an event with the context perceived at the start of the tick
    /// (the trainee's decisions).
    pub fn now(&mut self, kind: EventKind, focus: Option<usize>) {
        self.journal
            .now(self.state.tick, kind, focus, self.perc, self.state);
    }

    /// Logs an event with the context at the end of the tick (what happened).
    pub fn later(&mut self, kind: EventKind, focus: Option<usize>) {
        self.journal.later(self.state.tick, kind, focus);
    }

    /// The current tick.
    pub fn tick(&self) -> u32 {
        self.state.tick
    }
}
