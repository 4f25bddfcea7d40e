//! App and scenario builders reused by tests and benchmarks (the Emergence
//! way: every test builds its app the same way and ticks it by hand).

use super::{Phase, SimOptions, SimSetup, SimState, TraineeInputRes, headless};
use crate::domain::*;
use crate::events::{Event, EventKind, EventLog};
use crate::policy::Policy;
use crate::scenario::schema::*;
use crate::trainee::{TraineeDriver, TraineeInput, TraineeView};
use bevy::prelude::*;

/// The generic policy shipped in `assets/policies/generic.ron`.
pub fn generic_policy() -> Policy {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/policies/generic.ron");
    crate::policy::load(&path)
        .unwrap_or_else(|d| panic!("generic policy: {}", d[0]))
        .policy
}

/// A setup for this scenario and seed with the generic policy.
pub fn setup(scenario: Scenario, seed: u64) -> SimSetup {
    SimSetup {
        scenario,
        policy: generic_policy(),
        seed,
    }
}

/// An empty open map of this size with the trainee at `trainee` facing east,
/// a 60-second limit and no objectives.
pub fn blank_scenario(size: Pt, trainee: Pt) -> Scenario {
    Scenario {
        id: "test".to_string(),
        title: LocalizedText::en("test"),
        briefing: LocalizedText::en("test"),
        kind: ScenarioKind::FieldInterview,
        risk: Risk::Low,
        learning_objectives: Vec::new(),
        time_limit: 60.0,
        policy: "generic".to_string(),
        light: Default::default(),
        map: Map {
            size,
            ground: Ground::Road,
            walls: Vec::new(),
            doors: Vec::new(),
            vehicles: Vec::new(),
            cover: Vec::new(),
            zones: Vec::new(),
        },
        officers: Officers {
            trainee: TraineeSpawn {
                spawn: trainee,
                heading: 0.0,
                sex: Sex::Male,
                equipment: Equipment::standard(),
            },
            partners: Vec::new(),
            backup: None,
        },
        subjects: Vec::new(),
        bystanders: Vec::new(),
        crowds: Vec::new(),
        triggers: Vec::new(),
        objectives: Vec::new(),
    }
}

/// A subject with defaults (compliant, calm, unarmed) at `at`, facing west.
pub fn subject(id: &str, at: Pt) -> Subject {
    Subject {
        id: id.to_string(),
        name: None,
        role: SubjectRole::Suspect,
        sex: Sex::Male,
        age: AgeGroup::Adult,
        disability: Disability::None,
        spawn: at,
        heading: 180.0,
        in_vehicle: None,
        hidden: false,
        reported: Vec::new(),
        weapon: None,
        carrying: Vec::new(),
        temperament: Temperament::Calm,
        resistance: ResistanceLevel::Compliant,
        behaviour: Vec::new(),
        cues: Vec::new(),
        lines: Vec::new(),
    }
}

/// A wall segment.
pub fn wall(from: Pt, to: Pt) -> Wall {
    Wall {
        from,
        to,
        thickness: 0.3,
    }
}

/// A cover object.
pub fn cover(kind: CoverKind, position: Pt, size: Pt) -> CoverObject {
    CoverObject {
        id: String::new(),
        kind,
        position,
        size,
        rotation: 0.0,
        label: String::new(),
        low: false,
    }
}

/// A vehicle (a car, 4.6 by 1.8 m) at `position` with this heading, engine off.
pub fn vehicle(id: &str, position: Pt, heading: f32) -> Vehicle {
    Vehicle {
        id: id.to_string(),
        kind: VehicleKind::default(),
        position,
        heading,
        size: (4.6, 1.8),
        plate: String::new(),
        engine_running: false,
        contents: Vec::new(),
    }
}

/// A headless app for this setup, started (past the warm-up tick), with the
/// drawable scene on.
pub fn sim_app(setup: SimSetup) -> App {
    let mut app = headless::app_with(
        setup,
        SimOptions {
            scene_view: true,
            ..default()
        },
    );
    for _ in 0..10 {
        if app
            .world()
            .get_resource::<SimState>()
            .is_some_and(|s| s.phase != Phase::Warmup)
        {
            break;
        }
        app.update();
    }
    app
}

/// Runs one tick with this input.
pub fn tick(app: &mut App, input: TraineeInput) {
    app.world_mut().resource_mut::<TraineeInputRes>().0 = input;
    app.update();
}

/// Runs one tick with these actions and no movement.
pub fn act(app: &mut App, actions: Vec<OfficerAction>) {
    tick(
        app,
        TraineeInput {
            actions,
            ..default()
        },
    );
}

/// Runs `n` idle ticks.
pub fn idle(app: &mut App, n: u32) {
    for _ in 0..n {
        tick(app, TraineeInput::default());
    }
}

/// The log so far.
pub fn log(app: &App) -> &EventLog {
    &app.world().resource::<super::SimLog>().0
}

/// Events of the log matching a predicate.
pub fn events<'a>(app: &'a App, f: impl Fn(&EventKind) -> bool + 'a) -> Vec<&'a Event> {
    log(app).iter().filter(|e| f(&e.kind)).collect()
}

/// The simulation state (people, doors...).
pub fn state(app: &App) -> &SimState {
    app.world().resource::<SimState>()
}

/// A driver from a closure.
pub struct FnDriver<F: FnMut(&TraineeView) -> TraineeInput>(pub F);

impl<F: FnMut(&TraineeView) -> TraineeInput> TraineeDriver for FnDriver<F> {
    fn input(&mut self, view: &TraineeView) -> TraineeInput {
        (self.0)(view)
    }
}
