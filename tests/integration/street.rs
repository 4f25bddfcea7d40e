//! Issue 10, "doctrine you can play": sight over cars and low cover, the
//! engine block as the only hard part of a car, flights that are play (an
//! alert, at least 5 s, a radio broadcast credited), partners and backup
//! acting in view, and by_the_book's felony stop from behind the engine block.

use forcesim::domain::*;
use forcesim::events::{EndReason, Event, EventKind, Intervention, OfficerMove, TRAINEE};
use forcesim::scenario::schema::{
    CoverKind, Effect, Partner, PartnerRole, Scenario, ScenarioKind, Trigger, TriggerCondition,
    ZoneRole,
};
use forcesim::sim::testing::*;
use forcesim::sim::{InstructorInput, Perception, SceneViewRes, TraineeViewRes};
use forcesim::trainee::TraineeInput;
use std::path::Path;

fn visible(app: &bevy::prelude::App, id: &str) -> bool {
    let i = state(app).find(id).expect("person");
    app.world()
        .resource::<Perception>()
        .view(i)
        .is_some_and(|v| v.visible)
}

fn cover_now(app: &bevy::prelude::App) -> Option<CoverKind> {
    app.world().resource::<TraineeViewRes>().0.cover
}

/// Faces the subject for a few ticks, draws and fires one round at them;
/// returns the shots logged.
fn fire_at(app: &mut bevy::prelude::App, at: Pt) -> Vec<EventKind> {
    let face = Some(at);
    tick(
        app,
        TraineeInput {
            face,
            actions: vec![
                OfficerAction::new(Act::Select(Tool::Handgun)),
                OfficerAction::new(Act::Draw),
            ],
            ..Default::default()
        },
    );
    for _ in 0..3 {
        tick(
            app,
            TraineeInput {
                face,
                ..Default::default()
            },
        );
    }
    tick(
        app,
        TraineeInput {
            face,
            actions: vec![OfficerAction::at(Act::Force(ForceOption::Firearm), "s")],
            ..Default::default()
        },
    );
    idle(app, 1);
    events(app, |k| matches!(k, EventKind::Shot { .. }))
        .into_iter()
        .map(|e| e.kind.clone())
        .collect()
}

/// A car with its nose east at (10, 5): cabin x 7.7..10.8, engine block
/// x 10.8..12.3. The trainee stands behind it at `trainee`.
fn behind_a_car(trainee: Pt, heading: f32) -> Scenario {
    let mut sc = blank_scenario((30.0, 12.0), trainee);
    sc.map
        .vehicles
        .push(vehicle("patrol", (10.0, 5.0), heading));
    sc.subjects.push(subject("s", (20.0, 5.0)));
    sc
}

#[test]
fn an_officer_behind_the_engine_block_sees_over_the_hood_and_a_round_stops_there() {
    // The line from (6.9, 5) to the subject runs through the cabin, then the
    // engine block.
    let mut app = sim_app(setup(behind_a_car((6.9, 5.0), 0.0), 1));
    idle(&mut app, 2);
    assert!(visible(&app, "s"), "seen over the car, hood and all");
    assert_eq!(
        cover_now(&app),
        Some(CoverKind::Hard),
        "the engine block covers"
    );
    let shots = fire_at(&mut app, (20.0, 5.0));
    assert!(
        matches!(
            shots.as_slice(),
            [EventKind::Shot {
                stopped: true,
                hit: None,
                ..
            }]
        ),
        "the engine block stops the round: {shots:?}"
    );
}

#[test]
fn a_round_passes_a_cabin_that_only_conceals() {
    // Nose north: at y = 4 the line crosses only the cabin (y 2.7..5.8).
    let mut sc = behind_a_car((5.0, 4.0), 90.0);
    sc.subjects[0].spawn = (16.0, 4.0);
    let mut app = sim_app(setup(sc, 1));
    idle(&mut app, 2);
    assert!(visible(&app, "s"), "seen through the car's windows");
    assert_eq!(cover_now(&app), Some(CoverKind::Soft), "doors conceal only");
    let shots = fire_at(&mut app, (16.0, 4.0));
    assert!(
        matches!(shots.as_slice(), [EventKind::Shot { stopped: false, .. }]),
        "doors and cabin do not stop a round: {shots:?}"
    );
}

#[test]
fn low_cover_is_seen_over_while_walls_and_closed_doors_still_block_sight() {
    let mut sc = blank_scenario((30.0, 12.0), (4.0, 5.0));
    let mut planter = cover(CoverKind::Hard, (8.0, 5.0), (0.8, 3.0));
    planter.low = true;
    sc.map.cover.push(planter);
    sc.subjects.push(subject("s", (14.0, 5.0)));
    let mut app = sim_app(setup(sc.clone(), 1));
    idle(&mut app, 2);
    assert!(visible(&app, "s"), "a planter is seen over");
    assert_eq!(cover_now(&app), Some(CoverKind::Hard), "and stops rounds");
    // The same planter drawn tall (a kiosk) hides.
    sc.map.cover[0].low = false;
    let mut app = sim_app(setup(sc.clone(), 1));
    idle(&mut app, 2);
    assert!(!visible(&app, "s"), "tall cover hides");
    // A car in front of a wall: the wall still hides.
    let mut walled = behind_a_car((6.9, 5.0), 0.0);
    walled.map.walls.push(wall((15.0, 0.0), (15.0, 12.0)));
    let mut app = sim_app(setup(walled, 1));
    idle(&mut app, 2);
    assert!(!visible(&app, "s"), "a wall blocks sight");
    // A closed door in that wall too.
    let mut door = behind_a_car((6.9, 5.0), 0.0);
    door.map.walls.push(wall((15.0, 0.0), (15.0, 12.0)));
    door.map.doors.push(forcesim::scenario::schema::Door {
        id: "d".into(),
        at: (15.0, 5.0),
        width: 1.0,
        orientation: forcesim::scenario::schema::Orientation::Vertical,
        state: forcesim::scenario::schema::DoorState::Closed,
        label: None,
    });
    let mut app = sim_app(setup(door, 1));
    idle(&mut app, 2);
    assert!(!visible(&app, "s"), "a closed door blocks sight");
}

#[test]
fn a_hidden_subject_who_talks_is_marked_as_heard_not_seen() {
    let mut sc = blank_scenario((30.0, 12.0), (4.0, 5.0));
    sc.map.walls.push(wall((8.0, 0.0), (8.0, 12.0)));
    sc.subjects.push(subject("s", (12.0, 5.0)));
    sc.triggers.push(Trigger {
        id: "shout".into(),
        when: TriggerCondition::Time(0.5),
        chance: 1.0,
        once: true,
        effects: vec![Effect::Say {
            who: "s".into(),
            text: LocalizedText::en("Go away!"),
        }],
    });
    let mut app = sim_app(setup(sc, 1));
    let drawn = |app: &bevy::prelude::App| {
        app.world()
            .resource::<SceneViewRes>()
            .0
            .people
            .iter()
            .find(|d| d.id == "s")
            .map(|d| (d.visible, d.heard))
    };
    idle(&mut app, 2);
    assert_eq!(drawn(&app), Some((false, false)), "silent and hidden");
    idle(&mut app, 40);
    assert_eq!(drawn(&app), Some((false, true)), "heard through the wall");
    idle(&mut app, 4 * 60);
    assert_eq!(drawn(&app), Some((false, false)), "quiet again");
}

/// An open street with an exit at the east edge, the subject 8 m from it.
fn flight_scene() -> Scenario {
    let mut sc = blank_scenario((30.0, 12.0), (8.0, 6.0));
    sc.map.zones.push(forcesim::scenario::schema::Zone {
        id: "lane".into(),
        min: (26.0, 0.0),
        max: (30.0, 12.0),
        role: ZoneRole::Exit,
        label: Some(LocalizedText::en("the lane")),
    });
    sc.subjects.push(subject("s", (18.0, 6.0)));
    sc
}

fn flee(app: &mut bevy::prelude::App) {
    app.world_mut()
        .resource_mut::<InstructorInput>()
        .0
        .push(Intervention::Act("s".into(), SubjectAction::Flee));
}

fn first(events: &[Event], f: impl Fn(&EventKind) -> bool) -> Option<&Event> {
    events.iter().find(|e| f(&e.kind))
}

#[test]
fn a_flight_raises_an_alert_and_the_runner_is_gone_no_sooner_than_five_seconds() {
    let mut app = sim_app(setup(flight_scene(), 3));
    idle(&mut app, 2);
    flee(&mut app);
    idle(&mut app, 12 * 60);
    let log = log(&app).0.clone();
    let flight = first(&log, |k| matches!(k, EventKind::Flight { .. })).expect("an alert");
    let EventKind::Flight {
        subject,
        toward,
        bearing,
    } = &flight.kind
    else {
        unreachable!()
    };
    assert_eq!((subject.as_str(), toward.as_deref()), ("s", Some("lane")));
    assert!(
        !(20.0..340.0).contains(bearing),
        "east, toward the lane: {bearing}"
    );
    assert!(flight.ctx.as_ref().is_some_and(|c| c.subject.is_some()));
    let escaped = first(&log, |k| matches!(k, EventKind::Escaped { .. })).expect("got away");
    // The lane is 1.5 s away at a run: the rule, not the distance, holds him.
    let secs = escaped.t() - flight.t();
    assert!(
        (5.0..6.5).contains(&secs),
        "escaped {secs:.2} s after the flight"
    );
    let ended = first(&log, |k| matches!(k, EventKind::Ended { .. })).expect("ended");
    assert!(matches!(
        ended.kind,
        EventKind::Ended {
            reason: EndReason::SubjectsGone
        }
    ));
    assert!(ended.tick >= escaped.tick);
}

#[test]
fn a_broadcast_escape_is_answered_by_dispatch_and_credited_in_the_score() {
    let mut app = sim_app(setup(flight_scene(), 3));
    // Nobody has run yet: dispatch has nothing to put out.
    act(
        &mut app,
        vec![OfficerAction::new(Act::Radio(RadioCall::BroadcastEscape))],
    );
    flee(&mut app);
    idle(&mut app, 60);
    act(
        &mut app,
        vec![OfficerAction::new(Act::Radio(RadioCall::BroadcastEscape))],
    );
    idle(&mut app, 10 * 60);
    let radioed = log(&app).clone();
    let replies: Vec<String> = radioed
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Radio { text, .. } => Some(text.get(Lang::En).to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(replies.len(), 2, "{replies:?}");
    assert!(replies[0].contains("Nobody"), "{replies:?}");
    assert!(replies[1].contains("perimeter"), "{replies:?}");
    let card = forcesim::scoring::score(&radioed, &generic_policy());
    let custody: Vec<_> = card
        .findings
        .iter()
        .filter(|f| f.rule == "outcome.custody")
        .collect();
    assert_eq!(custody.len(), 1, "{custody:?}");
    assert!(custody[0].points < 0.0, "still not in custody");
    let text = card.text(custody[0], Lang::En);
    assert!(text.contains("radioed"), "{text}");
    // The same flight without the call costs the whole weight.
    let mut app = sim_app(setup(flight_scene(), 3));
    flee(&mut app);
    idle(&mut app, 11 * 60);
    let plain = forcesim::scoring::score(log(&app), &generic_policy());
    let lost = plain
        .findings
        .iter()
        .find(|f| f.rule == "outcome.custody")
        .expect("custody finding");
    assert!(lost.points < custody[0].points);
}

#[test]
fn partners_follow_a_runner_at_a_distance_and_backup_contains() {
    let mut sc = flight_scene();
    sc.kind = ScenarioKind::ArmedVehicle;
    sc.officers.partners.push(Partner {
        id: "cover".into(),
        role: PartnerRole::Cover,
        spawn: (8.0, 9.0),
        sex: Sex::Male,
        equipment: forcesim::scenario::schema::Equipment::standard(),
    });
    sc.officers.backup = Some(forcesim::scenario::schema::Backup {
        delay: 0.5,
        spawn: (2.0, 3.0),
        count: 2,
    });
    let mut app = sim_app(setup(sc, 5));
    act(
        &mut app,
        vec![OfficerAction::new(Act::Radio(RadioCall::RequestBackup))],
    );
    idle(&mut app, 3 * 60);
    flee(&mut app);
    let mut closest = f32::MAX;
    for _ in 0..5 * 60 {
        idle(&mut app, 1);
        let st = state(&app);
        let (Some(c), Some(s)) = (st.find("cover"), st.find("s")) else {
            continue;
        };
        if st.people[s].present {
            closest = closest.min(st.people[c].pos.distance(st.people[s].pos));
        }
    }
    assert!(
        closest > 7.0,
        "no lone foot chase: came within {closest:.1} m"
    );
    let moved: Vec<(String, OfficerMove)> = log(&app)
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::OfficerMoved { by, what, .. } => Some((by.clone(), *what)),
            _ => None,
        })
        .collect();
    assert!(
        moved.contains(&("cover".into(), OfficerMove::Following)),
        "{moved:?}"
    );
    assert!(
        moved.contains(&("backup_1".into(), OfficerMove::Containing)),
        "{moved:?}"
    );
    // Two backup officers never share a post.
    let posts: Vec<_> = ["backup_1", "backup_2"]
        .iter()
        .filter_map(|id| state(&app).find(id))
        .filter_map(|i| state(&app).people[i].officer().and_then(|o| o.post))
        .collect();
    if let [a, b] = posts.as_slice() {
        assert!(a.distance(*b) >= 1.0, "{a} {b}");
    }
}

fn felony() -> Scenario {
    forcesim::scenario::load(Path::new("scenarios/felony_stop.ron"))
        .unwrap_or_else(|d| panic!("{}", d[0]))
        .scenario
}

/// Commands to the driver while he is free: (from hard cover while seeing him, all).
fn commands_from_cover(log: &forcesim::events::EventLog) -> (usize, usize) {
    let mut good = 0;
    let mut all = 0;
    for e in log.iter() {
        let EventKind::Action { by, action } = &e.kind else {
            continue;
        };
        if by != TRAINEE
            || !matches!(action.act, Act::Command(_))
            || action.target.as_deref() != Some("driver")
        {
            continue;
        }
        let Some(v) = e.ctx.as_ref().and_then(|c| c.subject.as_ref()) else {
            continue;
        };
        if v.restrained {
            continue;
        }
        all += 1;
        if v.officer_covered && v.visible {
            good += 1;
        }
    }
    (good, all)
}

#[test]
fn by_the_book_calls_the_driver_out_from_behind_the_engine_block_seeing_him() {
    let (mut good, mut all) = (0, 0);
    let mut partner_open = Vec::new();
    for seed in 1..=10u64 {
        let sc = felony();
        let policy = generic_policy();
        let mut bot = forcesim::trainee::bots::by_name("by_the_book", &sc, &policy).unwrap();
        let r = forcesim::sim::headless::run(
            setup(sc, seed),
            bot.as_mut(),
            &forcesim::sim::headless::RunOptions::default(),
        );
        let (g, a) = commands_from_cover(&r.log);
        good += g;
        all += a;
        // The cover officer watches the driver from cover, not the open road,
        // through the call-out (after a flight he may follow into the open).
        for e in r.log.iter() {
            if matches!(
                e.kind,
                EventKind::Flight { .. } | EventKind::Restrained { .. }
            ) {
                break;
            }
            if let EventKind::OfficerMoved {
                by,
                what: OfficerMove::Covering,
                ..
            } = &e.kind
                && by == "cover_officer"
            {
                partner_open.push((seed, e.t()));
            }
        }
        assert!(
            r.log.iter().any(|e| matches!(
                &e.kind,
                EventKind::OfficerMoved { by, what: OfficerMove::TookCover, .. } if by == "cover_officer"
            )),
            "seed {seed}: the cover officer took cover: {:#?}",
            r.log
                .iter()
                .filter(|e| !matches!(e.kind, EventKind::Exposure(_)))
                .map(|e| format!("{:.1} {:?}", e.t(), e.kind))
                .collect::<Vec<_>>()
        );
    }
    println!("{good} of {all} commands from hard cover, seeing the driver");
    assert!(all > 0);
    assert!(
        good as f32 >= 0.8 * all as f32,
        "{good} of {all} commands from hard cover while seeing the driver"
    );
    assert!(
        partner_open.is_empty(),
        "cover officer in the open: {partner_open:?}"
    );
}
