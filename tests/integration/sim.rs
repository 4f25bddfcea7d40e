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
    sc.subjects.push(subject("s", (20.0, 5.0)));
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
    // Backwards toward the officer, stopping outside the reactionary gap.
    assert!(
        (6.5..7.5).contains(&s.distance),
        "walked back: {}",
        s.distance
    );
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
        st.people[idx(&app, "s")].subject().unwrap().agitation
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
    assert!(
        events(&app, |k| matches!(k, EventKind::Restrained { .. })).is_empty(),
        "nobody was cuffed"
    );
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
fn a_felony_stop_with_partner_and_backup_replays_byte_for_byte() {
    let felony = forcesim::scenario::load(Path::new("scenarios/felony_stop.ron"))
        .unwrap_or_else(|d| panic!("{}", d[0]))
        .scenario;
    let script = |view: &TraineeView| {
        let on = |a: Act| OfficerAction::at(a, "driver");
        let actions = match view.tick {
            1 => vec![
                OfficerAction::new(Act::Radio(RadioCall::CallIn)),
                OfficerAction::new(Act::Radio(RadioCall::RequestBackup)),
                OfficerAction::new(Act::Select(Tool::Handgun)),
                OfficerAction::new(Act::Draw),
            ],
            60 => vec![on(Act::Identify)],
            120 => vec![on(Act::Command(Command::EngineOff))],
            300 => vec![on(Act::Command(Command::KeysOut))],
            480 => vec![on(Act::Command(Command::StepOut))],
            660 => vec![on(Act::Command(Command::WalkBackwards))],
            1500 => vec![on(Act::Command(Command::Kneel))],
            1700 => vec![on(Act::Command(Command::Prone))],
            _ => vec![],
        };
        TraineeInput {
            face: Some((40.3, 12.4)),
            actions,
            ..Default::default()
        }
    };
    let run = |seed| {
        let mut driver = FnDriver(script);
        let r = headless::run(
            setup(felony.clone(), seed),
            &mut driver,
            &RunOptions {
                max_seconds: Some(90.0),
                ..Default::default()
            },
        );
        ron::to_string(&r.log).unwrap()
    };
    for seed in [3, 4] {
        let (a, b) = (run(seed), run(seed));
        assert_eq!(a, b);
        assert!(a.matches("(tick:").count() > 20, "a real course: {a}");
    }
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

#[test]
fn a_closed_door_hides_until_opened_and_a_locked_one_refuses() {
    use forcesim::scenario::schema::{Door, DoorState, Orientation};
    let mut sc = blank_scenario((20.0, 10.0), (10.6, 4.0));
    sc.map.walls.push(wall((0.0, 5.0), (20.0, 5.0)));
    for (id, x, state) in [
        ("d", 10.0, DoorState::Closed),
        ("l", 11.2, DoorState::Locked),
    ] {
        sc.map.doors.push(Door {
            id: id.into(),
            at: (x, 5.0),
            width: 1.0,
            orientation: Orientation::Horizontal,
            state,
            label: None,
        });
    }
    sc.subjects.push(subject("s", (10.0, 8.0)));
    let mut app = sim_app(setup(sc, 1));
    let north = TraineeInput {
        face: Some((10.0, 8.0)),
        ..Default::default()
    };
    tick(&mut app, north.clone());
    tick(&mut app, north.clone());
    assert!(!perceived_visible(&app, "s"), "a closed door hides");
    act(
        &mut app,
        vec![
            OfficerAction::at(Act::Do(Procedure::OpenDoor), "d"),
            OfficerAction::at(Act::Do(Procedure::OpenDoor), "l"),
        ],
    );
    tick(&mut app, north.clone());
    tick(&mut app, north);
    assert!(perceived_visible(&app, "s"), "seen through the open door");
    let refused = events(&app, |k| matches!(k, EventKind::Refused { .. }));
    assert!(matches!(
        refused.as_slice(),
        [e] if matches!(e.kind, EventKind::Refused { reason: Refusal::Locked, .. })
    ));
}

#[test]
fn cover_officer_handcuffs_a_subject_who_went_prone_in_a_felony_stop() {
    use forcesim::scenario::schema::{Equipment, Partner, PartnerRole, ScenarioKind};
    let mut sc = blank_scenario((30.0, 12.0), (5.0, 5.0));
    sc.kind = ScenarioKind::ArmedVehicle;
    sc.officers.partners.push(Partner {
        id: "cover".into(),
        role: PartnerRole::Cover,
        spawn: (5.0, 8.0),
        sex: Sex::Male,
        equipment: Equipment::standard(),
    });
    sc.subjects.push(subject("s", (16.0, 5.0)));
    let mut app = sim_app(setup(sc, 2));
    act(
        &mut app,
        [
            Command::ShowHands,
            Command::HandsOnHead,
            Command::Kneel,
            Command::Prone,
        ]
        .iter()
        .map(|c| OfficerAction::at(Act::Command(*c), "s"))
        .collect(),
    );
    idle(&mut app, 60 * 25);
    let cuffed = events(&app, |k| matches!(k, EventKind::Restrained { .. }));
    assert!(
        matches!(cuffed.as_slice(), [e] if matches!(&e.kind, EventKind::Restrained { by, .. } if by == "cover")),
        "{:?}",
        log(&app).iter().map(|e| &e.kind).collect::<Vec<_>>()
    );
    assert_eq!(
        events(&app, |k| matches!(k, EventKind::Arrested { .. })).len(),
        1
    );
}

#[test]
fn a_drug_arrest_lists_the_witnesses_present_and_evidence_is_sealed() {
    use forcesim::scenario::schema::{Bystander, Item, ItemKind, WitnessEligibility};
    let mut sc = blank_scenario((20.0, 10.0), (5.0, 5.0));
    let mut s = subject("s", (6.0, 5.5));
    s.carrying.push(Item {
        id: "pack".into(),
        kind: ItemKind::Drugs,
        label: None,
    });
    sc.subjects.push(s);
    sc.bystanders.push(Bystander {
        id: "w".into(),
        name: None,
        spawn: (5.0, 7.0),
        sex: Sex::Female,
        age: AgeGroup::Adult,
        witness: WitnessEligibility::Eligible,
        wanders_in: None,
        hidden: false,
        agrees: true,
        serial: false,
    });
    let mut app = sim_app(setup(sc, 4));
    let on = |a: Procedure, t: &str| OfficerAction::at(Act::Do(a), t);
    act(&mut app, vec![on(Procedure::AskWitness, "w")]);
    act(&mut app, vec![on(Procedure::Handcuff, "s")]);
    act(&mut app, vec![on(Procedure::Search, "s")]);
    act(&mut app, vec![on(Procedure::SeizeEvidence, "s")]);
    act(
        &mut app,
        vec![OfficerAction::new(Act::Do(Procedure::SealEvidence))],
    );
    idle(&mut app, 1);
    let kinds: Vec<&EventKind> = log(&app).iter().map(|e| &e.kind).collect();
    let find = |f: &dyn Fn(&EventKind) -> bool| kinds.iter().find(|k| f(k)).copied();
    let witnessed =
        |w: &Vec<forcesim::events::WitnessInfo>| w.len() == 1 && w[0].id == "w" && !w[0].serial;
    assert!(find(&|k| matches!(k, EventKind::WitnessJoined(w) if w.id == "w")).is_some());
    assert!(find(&|k| matches!(k, EventKind::Arrested { drugs: true, witnesses, .. } if witnessed(witnesses))).is_some(), "{kinds:?}");
    assert!(find(&|k| matches!(k, EventKind::Searched { found, witnesses, .. } if found == &vec!["pack".to_string()] && witnessed(witnesses))).is_some());
    assert!(
        find(
            &|k| matches!(k, EventKind::Seized { items, .. } if items == &vec!["pack".to_string()])
        )
        .is_some()
    );
    assert!(find(&|k| matches!(k, EventKind::Sealed { items, witnesses } if items.len() == 1 && witnessed(witnesses))).is_some());
}

#[test]
fn backup_arrives_after_its_delay_when_requested() {
    use forcesim::scenario::schema::Backup;
    let mut sc = blank_scenario((20.0, 10.0), (5.0, 5.0));
    sc.officers.backup = Some(Backup {
        delay: 2.0,
        spawn: (1.0, 1.0),
        count: 2,
    });
    let mut app = sim_app(setup(sc, 1));
    act(
        &mut app,
        vec![OfficerAction::new(Act::Radio(RadioCall::RequestBackup))],
    );
    idle(&mut app, 60 * 3);
    let arrived = events(&app, |k| matches!(k, EventKind::BackupArrived { .. }));
    assert_eq!(arrived.len(), 1);
    assert!(
        (119..=122).contains(&arrived[0].tick),
        "{}",
        arrived[0].tick
    );
    assert_eq!(app.world().resource::<TraineeViewRes>().0.officers.len(), 2);
}

#[test]
fn walking_up_to_a_subject_enters_the_reactionary_gap_and_exposure_is_logged() {
    // Crouched at a hard block, looking over it at the subject.
    let mut sc = blank_scenario((20.0, 10.0), (2.4, 5.0));
    sc.subjects.push(subject("s", (10.0, 5.0)));
    sc.map
        .cover
        .push(cover(CoverKind::Hard, (3.0, 5.0), (0.4, 2.0)));
    let mut app = sim_app(setup(sc, 1));
    idle(&mut app, 2);
    // Behind the hard cover at first.
    let ctx = log(&app).0[0].ctx.clone().unwrap();
    assert_eq!(ctx.officer.cover, Some(CoverKind::Hard));
    for k in 0..360 {
        tick(
            &mut app,
            TraineeInput {
                move_dir: if k < 90 { (0.0, 1.0) } else { (1.0, 0.0) },
                face: Some((10.0, 5.0)),
                ..Default::default()
            },
        );
    }
    let exposures: Vec<&EventKind> = log(&app)
        .iter()
        .map(|e| &e.kind)
        .filter(|k| matches!(k, EventKind::Exposure(_)))
        .collect();
    use forcesim::events::Exposure;
    assert!(
        exposures
            .iter()
            .any(|k| matches!(k, EventKind::Exposure(Exposure::LeftCover))),
        "{exposures:?}"
    );
    assert!(
        exposures
            .iter()
            .any(|k| matches!(k, EventKind::Exposure(Exposure::EnteredGap(s)) if s == "s")),
        "{exposures:?}"
    );
    assert!(
        exposures
            .iter()
            .any(|k| matches!(k, EventKind::Exposure(Exposure::EnteredLineOfFire(s)) if s == "s")),
        "{exposures:?}"
    );
}

#[test]
fn instructor_interventions_are_applied_and_logged() {
    let mut sc = blank_scenario((20.0, 10.0), (1.0, 5.0));
    sc.subjects.push(subject("s", (10.0, 5.0)));
    let mut app = sim_app(setup(sc, 1));
    app.world_mut()
        .resource_mut::<InstructorInput>()
        .0
        .push(Intervention::SetLevel("s".into(), ResistanceLevel::Passive));
    idle(&mut app, 2);
    let kinds: Vec<&EventKind> = log(&app).iter().map(|e| &e.kind).collect();
    assert!(
        kinds
            .iter()
            .any(|k| matches!(k, EventKind::Instructor(Intervention::SetLevel(..))))
    );
    assert!(kinds.iter().any(|k| matches!(
        k,
        EventKind::LevelChanged {
            to: ResistanceLevel::Passive,
            ..
        }
    )));
    let seen = app
        .world()
        .resource::<Perception>()
        .view(idx(&app, "s"))
        .cloned()
        .unwrap();
    assert_eq!(seen.perceived, ResistanceLevel::Passive, "{:?}", seen.cues);
}

fn zone(
    id: &str,
    min: (f32, f32),
    max: (f32, f32),
    role: forcesim::scenario::schema::ZoneRole,
) -> forcesim::scenario::schema::Zone {
    forcesim::scenario::schema::Zone {
        id: id.into(),
        min,
        max,
        role,
        label: None,
    }
}

#[test]
fn force_on_a_peaceful_crowd_member_angers_the_crowd() {
    use forcesim::scenario::schema::{Crowd, ZoneRole};
    let mut sc = blank_scenario((40.0, 20.0), (5.0, 10.0));
    sc.map
        .zones
        .push(zone("square", (6.0, 6.0), (20.0, 14.0), ZoneRole::Assembly));
    sc.crowds.push(Crowd {
        id: "demo".into(),
        count: 60,
        zone: "square".into(),
        agitation: 0.2,
        agitators: vec![],
        lawful: true,
    });
    let mut app = sim_app(setup(sc, 9));
    idle(&mut app, 2);
    let st = state(&app);
    let near = st
        .people
        .iter()
        .filter(|p| p.crowd().is_some())
        .min_by(|a, b| {
            a.pos
                .distance(st.people[0].pos)
                .total_cmp(&b.pos.distance(st.people[0].pos))
        })
        .unwrap();
    let (id, at) = (near.id.clone(), (near.pos.x, near.pos.y));
    // Walk up to them and strike.
    for _ in 0..240 {
        let pos = app.world().resource::<TraineeViewRes>().0.pos;
        if ((pos.0 - at.0).powi(2) + (pos.1 - at.1).powi(2)).sqrt() < 1.2 {
            break;
        }
        tick(
            &mut app,
            TraineeInput {
                move_dir: (at.0 - pos.0, at.1 - pos.1),
                face: Some(at),
                ..Default::default()
            },
        );
    }
    act(
        &mut app,
        vec![OfficerAction::at(
            Act::Force(ForceOption::Strike),
            id.clone(),
        )],
    );
    idle(&mut app, 60 * 3);
    let outcome = events(
        &app,
        |k| matches!(k, EventKind::ForceOutcome { target, .. } if *target == id),
    );
    assert_eq!(outcome.len(), 1);
    let ctx = outcome[0].ctx.as_ref().unwrap();
    assert!(
        ctx.subject
            .as_ref()
            .is_some_and(|s| s.in_crowd && s.perceived == ResistanceLevel::Compliant)
    );
    let moods = events(&app, |k| {
        matches!(
            k,
            EventKind::CrowdMood {
                peaceful_hit: true,
                ..
            }
        )
    });
    assert!(!moods.is_empty(), "the crowd's mood turned");
}

#[test]
fn triggers_fire_on_their_conditions_and_apply_their_effects() {
    use forcesim::scenario::schema::{Effect, Trigger, TriggerCondition, Who, ZoneRole};
    let mut sc = blank_scenario((30.0, 10.0), (2.0, 5.0));
    sc.map
        .zones
        .push(zone("porch", (6.0, 0.0), (8.0, 10.0), ZoneRole::Area));
    let mut hidden = subject("late", (20.0, 5.0));
    hidden.hidden = true;
    sc.subjects.push(hidden);
    sc.triggers.push(Trigger {
        id: "arrives".into(),
        when: TriggerCondition::ZoneEntered {
            who: Who::Trainee,
            zone: "porch".into(),
        },
        chance: 1.0,
        once: true,
        effects: vec![
            Effect::Spawn("late".into()),
            Effect::SetLevel {
                subject: "late".into(),
                level: ResistanceLevel::Passive,
            },
        ],
    });
    sc.triggers.push(Trigger {
        id: "after".into(),
        when: TriggerCondition::Fired("arrives".into()),
        chance: 1.0,
        once: true,
        effects: vec![Effect::Radio(LocalizedText::en("Caller says he is back."))],
    });
    let mut app = sim_app(setup(sc, 1));
    for _ in 0..300 {
        tick(
            &mut app,
            TraineeInput {
                move_dir: (1.0, 0.0),
                ..Default::default()
            },
        );
    }
    let fired: Vec<String> = log(&app)
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Trigger { id } => Some(id.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(fired, vec!["arrives".to_string(), "after".to_string()]);
    assert!(state(&app).people[idx(&app, "late")].present);
    assert!(
        !events(&app, |k| matches!(
            k,
            EventKind::LevelChanged {
                to: ResistanceLevel::Passive,
                ..
            }
        ))
        .is_empty()
    );
    assert!(!events(&app, |k| matches!(k, EventKind::Radio { .. })).is_empty());
    // Walking east, the trainee saw the newcomer arguing: passive.
    let seen = app
        .world()
        .resource::<Perception>()
        .view(idx(&app, "late"))
        .cloned()
        .unwrap();
    assert!(
        seen.visible && seen.perceived == ResistanceLevel::Passive,
        "{seen:?}"
    );
}

#[test]
fn a_hidden_gun_is_judged_by_what_shows_reach_then_weapon_in_view() {
    let mut sc = blank_scenario((20.0, 10.0), (4.0, 5.0));
    let mut s = subject("s", (10.0, 5.0));
    s.weapon = Some(Weapon {
        kind: WeaponKind::Handgun,
        carry: Carry::Concealed,
        place: WeaponPlace::Waistband,
    });
    sc.subjects.push(s);
    let mut app = sim_app(setup(sc, 1));
    idle(&mut app, 2);
    let perceived = |app: &bevy::prelude::App| {
        app.world()
            .resource::<Perception>()
            .view(idx(app, "s"))
            .cloned()
            .unwrap()
    };
    let calm = perceived(&app);
    assert_eq!(calm.perceived, ResistanceLevel::Compliant);
    assert_eq!(calm.weapon_visible, None, "a concealed gun is not seen");
    app.world_mut()
        .resource_mut::<InstructorInput>()
        .0
        .push(Intervention::Act("s".into(), SubjectAction::Draw));
    idle(&mut app, 10);
    let drawing = perceived(&app);
    assert!(drawing.cues.contains(&Cue::Reaching) && drawing.cues.contains(&Cue::HandsHidden));
    assert_eq!(
        drawing.perceived,
        ResistanceLevel::Assaultive,
        "a reach with hidden hands"
    );
    idle(&mut app, 60);
    let armed = perceived(&app);
    assert_eq!(armed.weapon_visible, Some(WeaponKind::Handgun));
    assert_eq!(armed.perceived, ResistanceLevel::Deadly);
    let seen = events(&app, |k| matches!(k, EventKind::WeaponSeen { .. }));
    assert_eq!(seen.len(), 1);
    let ctx = seen[0].ctx.as_ref().unwrap().subject.as_ref().unwrap();
    assert_eq!(ctx.weapon_visible, Some(WeaponKind::Handgun));
}
