//! The real simulation, run as its own headless app inside the game (the same
//! plugins `forcesim run` uses). Keeping it apart from the window's app means
//! a retry is a fresh app, the simulation's schedules run single-threaded and
//! exactly one tick per step, and a run played in the window gives the same
//! event log as the same inputs given to the headless runner.

use super::backend::SimBackend;
use crate::events::{EndReason, EventLog, Intervention};
use crate::sim::{
    InstructorInput, Phase, SceneView, SceneViewRes, SimEnd, SimLog, SimOptions, SimSetup,
    SimState, SimTick, StopRequest, TraineeInputRes, TraineeViewRes,
};
use crate::trainee::{TraineeInput, TraineeView};
use bevy::prelude::*;

/// Rays cast for the fog-of-war polygon each tick.
pub const VISIBILITY_RAYS: u32 = 240;

/// A headless simulation app stepped by the game.
pub struct NestedSim {
    app: App,
}

impl NestedSim {
    /// Builds the app and runs its start-up and warm-up (tick 0).
    pub fn new(setup: SimSetup) -> Self {
        let mut app = crate::sim::headless::app_with(
            setup,
            SimOptions {
                scene_view: true,
                visibility_polygon: true,
                visibility_rays: VISIBILITY_RAYS,
            },
        );
        // Start-up, then rapier's warm-up step that indexes the colliders.
        for _ in 0..10 {
            let ready = app
                .world()
                .get_resource::<SimState>()
                .is_some_and(|s| s.phase != Phase::Warmup);
            if ready {
                break;
            }
            app.update();
        }
        NestedSim { app }
    }

    fn world(&self) -> &World {
        self.app.world()
    }
}

impl SimBackend for NestedSim {
    fn step(&mut self, input: &TraineeInput) {
        if self.end().is_some() {
            return;
        }
        let tick = self.tick();
        self.app.world_mut().resource_mut::<TraineeInputRes>().0 = input.clone();
        // One tick per update; a second only if the clock slipped. A paused
        // simulation does not tick: give up after a few tries.
        for _ in 0..3 {
            self.app.update();
            if self.tick() != tick || self.end().is_some() {
                break;
            }
        }
    }
    fn scene(&self) -> &SceneView {
        &self.world().resource::<SceneViewRes>().0
    }
    fn view(&self) -> &TraineeView {
        &self.world().resource::<TraineeViewRes>().0
    }
    fn log(&self) -> &EventLog {
        &self.world().resource::<SimLog>().0
    }
    fn end(&self) -> Option<EndReason> {
        self.world().resource::<SimEnd>().0
    }
    fn tick(&self) -> u32 {
        self.world().resource::<SimTick>().0
    }
    fn intervene(&mut self, intervention: Intervention) {
        self.app
            .world_mut()
            .resource_mut::<InstructorInput>()
            .0
            .push(intervention);
    }
    fn stop(&mut self) {
        if self.end().is_some() {
            return;
        }
        self.app.world_mut().resource_mut::<StopRequest>().0 = true;
        for _ in 0..3 {
            self.app.update();
            if self.end().is_some() {
                break;
            }
        }
    }
}
