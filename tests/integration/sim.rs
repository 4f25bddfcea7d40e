//! Simulation mechanics, headless, with tiny scenarios built in code.

use forcesim::domain::*;
use forcesim::events::{EndReason, EventKind, Intervention, Refusal};
use forcesim::scenario::schema::{CoverKind, Scenario, Weapon};
use forcesim::sim::headless::{self, RunOptions};
use forcesim::sim::testing::*;
use forcesim::sim::{InstructorInput, Perception, SimState, TraineeViewRes};
use forcesim::trainee::{TraineeInput, TraineeView};
use std::path::Path;

fn traffic_stop() -> Scenario {
    forcesim::scenario::load(Path::new("scenarios/traffic_stop_low.ron"))
        .unwrap_or_else(|d| panic!("{}", d[0]))
        .scenario
}

/// Index of a person in the state.
fn idx(app: &bevy::prelude::App, id: &str) -> usize {
    state(app).find(id).expect("person")
}

fn perceived_visible(app: &bevy::prelude::App, id: &str) -> bool {
    let i = idx(app, id);
    app.world()
        .resource::<Perception>()
        .view(i)
        .is_some_and(|v| v.visible)
}

fn aim_handgun() -> Vec<OfficerAction> {
    vec![
        OfficerAction::new(Act::Select(Tool::Handgun)),
        OfficerAction::new(Act::Draw),
    ]
}

/// Trainee at (4, 10.5) sees the subject at (12, 5) past the end of a barrier at
/// x = 8 spanning y 2..7; then runs south to (4, 4.5), behind the barrier, and fires.
fn shoot_through(barrier: forcesim::scenario::schema::CoverObject) -> (bool, Vec<EventKind>) {
    let mut sc = blank_scenario((20.0, 12.0), (4.0, 10.5));
    sc.map.cover.push(barrier);
    sc.subjects.push(subject("s", (12.0, 5.0)));
    let mut app = sim_app(setup(sc, 7));
    let face = Some((12.0, 5.0));
    tick(
        &mut app,
        TraineeInput {
            face,
            actions: aim_handgun(),
            ..Default::default()
        },
    );
    assert!(perceived_visible(&app, "s"), "seen before moving");
    for _ in 0..200 {
        if app.world().resource::<TraineeViewRes>().0.pos.1 <= 4.6 {
            break;
        }
        tick(
            &mut app,
            TraineeInput {
                move_dir: (0.0, -1.0),
                run: true,
                face,
                ..Default::default()
            },
        );
    }
    idle(&mut app, 2);
    let hidden = !perceived_visible(&app, "s");
    act(
        &mut app,
        vec![OfficerAction::at(Act::Force(ForceOption::Firearm), "s")],
    );
    idle(&mut app, 1);
    let shots = events(&app, |k| matches!(k, EventKind::Shot { .. }))
        .into_iter()
        .map(|e| e.kind.clone())
        .collect();
    (hidden, shots)
}

#[test]
fn a_wall_blocks_sight_and_a_round() {
    // A wall is hard: give it as a hard block of wall thickness.
    let mut sc = blank_scenario((20.0, 12.0), (4.0, 5.0));
    sc.map.walls.push(wall((8.0, 0.0), (8.0, 12.0)));
    sc.subjects.push(subject("s", (12.0, 5.0)));
    let mut app = sim_app(setup(sc, 1));
    idle(&mut app, 2);
    assert!(!perceived_visible(&app, "s"), "a wall hides");
    let (hidden, shots) = shoot_through(cover(CoverKind::Hard, (8.0, 4.5), (0.3, 5.0)));
    assert!(hidden, "hard cover hides");
    assert!(
        matches!(
            shots.as_slice(),
            [EventKind::Shot {
                stopped: true,
                hit: None,
                ..
            }]
        ),
        "{shots:?}"
    );
}

#[test]
fn soft_cover_hides_but_a_round_passes() {
    let (hidden, shots) = shoot_through(cover(CoverKind::Soft, (8.0, 4.5), (0.3, 5.0)));
    assert!(hidden, "concealment hides");
    assert!(
        matches!(shots.as_slice(), [EventKind::Shot { stopped: false, .. }]),
        "{shots:?}"
    );
}

#[test]
fn knife_attacker_from_six_meters_reaches_the_officer_in_about_a_second() {
    for seed in 1..=5 {
        let mut sc = blank_scenario((30.0, 10.0), (5.0, 5.0));
        let mut s = subject("knife", (11.0, 5.0));
        s.weapon = Some(Weapon {
            kind: WeaponKind::Knife,
            carry: Carry::Visible,
            place: WeaponPlace::Hand,
        });
        sc.subjects.push(s);
        let mut app = sim_app(setup(sc, seed));
        idle(&mut app, 1);
        app.world_mut()
            .resource_mut::<InstructorInput>()
            .0
            .push(Intervention::Act("knife".into(), SubjectAction::Attack));
        let start = state(&app).tick;
        let mut reached = None;
        for _ in 0..180 {
            idle(&mut app, 1);
            let st = state(&app);
            let d = st.people[0].pos.distance(st.people[idx(&app, "knife")].pos);
            if d <= 1.0 {
                reached = Some(st.tick - start);
                break;
            }
        }
        let secs = reached.expect("reached the officer") as f32 / 60.0;
        assert!((0.8..=1.6).contains(&secs), "seed {seed}: {secs} s");
        // The attack reads as deadly: a knife in hand, closing in.
        let seen = app
            .world()
            .resource::<Perception>()
            .view(idx(&app, "knife"))
            .cloned()
            .unwrap();
        assert_eq!(seen.perceived, ResistanceLevel::Deadly);
    }
}

#[test]
fn a_compliant_subject_obeys_each_command_in_order() {
    let mut sc = blank_scenario((30.0, 10.0), (5.0, 5.0));
    sc.subjects.push(subject("s", (13.0, 5.0)));
    let mut app = sim_app(setup(sc, 3));
    let commands = [
        Command::ShowHands,
        Command::TurnAround,
        Command::WalkBackwards,
        Command::HandsOnHead,
        Command::Kneel,
        Command::Prone,
    ];
    act(
        &mut app,
        commands
            .iter()
            .map(|c| OfficerAction::at(Act::Command(*c), "s"))
            .collect(),
    );
    idle(&mut app, 60 * 20);
    let complied: Vec<Command> = log(&app)
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Complied { command, .. } => Some(*command),
            _ => None,
        })
        .collect();
    assert_eq!(complied, commands);
    // Each step took its time, and walking backwards brought them closer.
    let ticks: Vec<u32> = events(&app, |k| matches!(k, EventKind::Complied { .. }))
        .iter()
        .map(|e| e.tick)
        .collect();
    assert!(ticks.windows(2).all(|w| w[1] - w[0] >= 60), "{ticks:?}");
    let view = &app.world().resource::<TraineeViewRes>().0;
    let s = &view.subjects[0].view;
    assert!(s.distance < 5.0, "walked back: {}", s.distance);
    assert!(
        s.cues.contains(&Cue::Prone) && s.cues.contains(&Cue::HandsUp),
        "{:?}",
        s.cues
    );
    assert_eq!(s.perceived, ResistanceLevel::Compliant);
}

#[test]
fn force_used_without_need_raises_agitation() {
    let agitation_after = |force: bool| {
        let mut sc = blank_scenario((20.0, 10.0), (5.0, 5.0));
        sc.subjects.push(subject("s", (6.0, 5.0)));
        let mut app = sim_app(setup(sc, 11));
        idle(&mut app, 5);
        let actions = if force {
            vec![OfficerAction::at(Act::Force(ForceOption::Strike), "s")]
        } else {
            vec![]
        };
        act(&mut app, actions);
        idle(&mut app, 5);
        let st = app.world().resource::<SimState>();
        st.people[idx(&app, "s")]
            .subject
            .as_ref()
            .unwrap()
            .agitation
    };
    let calm = agitation_after(false);
    let struck = agitation_after(true);
    assert!(struck >= calm + 0.15, "{calm} -> {struck}");
}

#[test]
fn a_refused_action_is_logged_with_its_reason() {
    let mut sc = blank_scenario((20.0, 10.0), (5.0, 5.0));
    sc.subjects.push(subject("s", (10.0, 5.0)));
    let mut app = sim_app(setup(sc, 1));
    act(
        &mut app,
        vec![OfficerAction::at(Act::Do(Procedure::Handcuff), "s")],
    );
    idle(&mut app, 1);
    let refused = events(&app, |k| matches!(k, EventKind::Refused { .. }));
    assert_eq!(refused.len(), 1);
    match &refused[0].kind {
        EventKind::Refused { by, action, reason } => {
            assert_eq!(by, "trainee");
            assert_eq!(action.act, Act::Do(Procedure::Handcuff));
            match reason {
                Refusal::TooFar { distance, needed } => {
                    assert!((distance - 5.0).abs() < 0.1 && *needed < 1.5, "{reason:?}")
                }
                other => panic!("{other:?}"),
            }
        }
        _ => unreachable!(),
    }
    // It carries what the trainee perceived.
    let ctx = refused[0].ctx.as_ref().expect("context");
    assert_eq!(ctx.subject.as_ref().unwrap().id, "s");
    assert!(!events(&app, |k| matches!(k, EventKind::Restrained { .. })).is_empty() == false);
}

/// A fixed script for the traffic stop: call in, walk up to the driver,
/// identify, talk, give commands, interview.
fn traffic_script(view: &TraineeView) -> TraineeInput {
    let t = view.tick;
    let mut input = TraineeInput::default();
    let driver = (27.5, 13.8);
    let d = ((driver.0 - view.pos.0).powi(2) + (driver.1 - view.pos.1).powi(2)).sqrt();
    if t > 30 && d > 1.5 {
        input.move_dir = (driver.0 - view.pos.0, driver.1 - view.pos.1);
    }
    input.face = Some((28.6, 12.4));
    let act = |a: Act| OfficerAction::at(a, "driver");
    input.actions = match t {
        5 => vec![OfficerAction::new(Act::Radio(RadioCall::CallIn))],
        500 => vec![OfficerAction::new(Act::Identify)],
        560 => vec![act(Act::Command(Command::ShowHands))],
        700 => vec![act(Act::Talk)],
        900 => vec![act(Act::Command(Command::EngineOff))],
        1100 => vec![act(Act::Do(Procedure::Interview))],
        1300 => vec![act(Act::Talk)],
        _ => vec![],
    };
    input
}

fn run_traffic(seed: u64) -> forcesim::sim::headless::RunResult {
    let mut driver = FnDriver(traffic_script);
    headless::run(
        setup(traffic_stop(), seed),
        &mut driver,
        &RunOptions {
            max_seconds: Some(60.0),
            ..Default::default()
        },
    )
}

#[test]
fn same_seed_and_inputs_give_a_byte_identical_log() {
    let a = ron::to_string(&run_traffic(5).log).unwrap();
    let b = ron::to_string(&run_traffic(5).log).unwrap();
    assert_eq!(a, b);
    assert!(a.contains("interviewed"), "the script reached the driver");
}

#[test]
fn different_seeds_change_the_course_of_the_traffic_stop() {
    let course = |seed| {
        let mut log = run_traffic(seed).log;
        log.0.remove(0); // `Started` names the seed
        ron::to_string(&log).unwrap()
    };
    let courses: std::collections::BTreeSet<String> = (1..=12).map(course).collect();
    assert!(courses.len() >= 2, "every seed gave the same course");
}

#[test]
fn idle_trainee_runs_traffic_stop_to_time_limit() {
    let mut driver = FnDriver(|_v: &TraineeView| TraineeInput::default());
    let r = headless::run(
        setup(traffic_stop(), 1),
        &mut driver,
        &RunOptions::default(),
    );
    assert_eq!(r.end, EndReason::TimeLimit);
    assert_eq!(r.ticks, 300 * 60);
    assert!(matches!(r.log.0[0].kind, EventKind::Started { .. }));
    assert!(matches!(
        r.log.0.last().unwrap().kind,
        EventKind::Ended { .. }
    ));
    assert_eq!(r.track.len(), 300 * 4 + 1);
}
