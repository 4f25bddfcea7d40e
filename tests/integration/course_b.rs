//! Issue 12 (scen-b): the barricaded armed subject, the building search in
//! the dark and the large assembly. Their by-the-book scripts pass and meet
//! the objectives; a human shield puts the bystander in every line of fire;
//! rushing the barricade door is a breach; in the dark the trainee sees only
//! in the flashlight's beam and the fog follows it; the armed-building
//! template is passed by `by_the_book`; a barricade talked out without a
//! negotiator asked for is `procedure.negotiator`.

use crate::run::{bot, run};
use forcesim::domain::*;
use forcesim::events::EventKind;
use forcesim::scenario::schema::{
    Bystander, Effect, Light, Trigger, TriggerCondition, Weapon, WitnessEligibility,
};
use forcesim::session::{self, DriverSpec, RunRequest};
use forcesim::sim::testing::*;
use forcesim::trainee::TraineeInput;
use std::path::PathBuf;

fn script(id: &str) -> DriverSpec {
    DriverSpec::Script(PathBuf::from(format!("tests/scripts/{id}.ron")))
}

fn breached(s: &forcesim::session::Session, rule: &str) -> bool {
    let card = s.record.score.as_ref().expect("scored");
    card.findings
        .iter()
        .any(|f| f.rule == rule && f.points < 0.0)
}

#[test]
fn the_new_scripts_pass_and_meet_every_required_objective() {
    let jobs: Vec<(&str, u64)> = [
        ("armed_building", 1..=4),
        ("building_search_night", 1..=3),
        ("public_assembly_large", 1..=2),
    ]
    .into_iter()
    .flat_map(|(id, seeds)| seeds.map(move |s| (id, s)))
    .collect();
    let results = crate::run::par_map(&jobs, |(id, seed)| {
        let s = run(id, script(id), *seed);
        let card = s.record.score.clone().expect("scored");
        let met: Vec<String> = s
            .record
            .events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::ObjectiveMet { id } => Some(id.clone()),
                _ => None,
            })
            .collect();
        let required: Vec<String> = s
            .record
            .events
            .iter()
            .find_map(|e| match &e.kind {
                EventKind::Started { objectives, .. } => Some(objectives.clone()),
                _ => None,
            })
            .unwrap_or_default();
        (card, met, required)
    });
    for ((id, seed), (card, met, required)) in jobs.iter().zip(results) {
        assert!(
            card.passed,
            "{id} seed {seed}: the script failed ({:.1}): {:?}",
            card.total,
            card.findings
                .iter()
                .filter(|f| f.points < 0.0)
                .map(|f| &f.rule)
                .collect::<Vec<_>>()
        );
        assert!(!required.is_empty());
        for o in &required {
            assert!(met.contains(o), "{id} seed {seed}: objective {o} not met");
        }
    }
}

#[test]
fn rushing_the_barricade_door_is_a_critical_breach_and_by_the_book_never_does() {
    for seed in 1..=3 {
        let rushed = run("armed_building", bot("aggressive"), seed);
        assert!(breached(&rushed, "safety.barricade_entry"), "seed {seed}");
        assert!(!rushed.record.score.as_ref().unwrap().passed);
        let careful = run("armed_building", bot("by_the_book"), seed);
        assert!(!breached(&careful, "safety.barricade_entry"), "seed {seed}");
        // Backup and a negotiator were called.
        let calls: Vec<Act> = careful
            .record
            .events
            .iter()
            .filter_map(|e| match &e.kind {
                EventKind::Action { by, action } if by == "trainee" => Some(action.act),
                _ => None,
            })
            .collect();
        assert!(calls.contains(&Act::Radio(RadioCall::RequestBackup)));
        assert!(calls.contains(&Act::Radio(RadioCall::RequestSpecialist)));
    }
}

#[test]
fn a_barricade_talked_out_without_asking_for_a_negotiator_is_a_finding() {
    // The by-the-book script, and the same script without the negotiator.
    let dir = std::env::temp_dir().join(format!("forcesim-negot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string("tests/scripts/armed_building.ron").unwrap();
    let careless = text.replace(", radio(request_specialist)", "");
    assert_ne!(careless, text, "the script asks for a negotiator");
    let path = dir.join("armed_building_no_negotiator.ron");
    std::fs::write(&path, careless).unwrap();
    let jobs: Vec<(bool, u64)> = [true, false]
        .into_iter()
        .flat_map(|book| (1..=2).map(move |s| (book, s)))
        .collect();
    let results = crate::run::par_map(&jobs, |(book, seed)| {
        let driver = if *book {
            script("armed_building")
        } else {
            DriverSpec::Script(path.clone())
        };
        let s = run("armed_building", driver, *seed);
        let card = s.record.score.clone().expect("scored");
        (breached(&s, "procedure.negotiator"), card.passed)
    });
    for ((book, seed), (found, passed)) in jobs.iter().zip(results) {
        if *book {
            assert!(
                !found,
                "seed {seed}: the by-the-book script got procedure.negotiator"
            );
            assert!(passed, "seed {seed}");
        } else {
            assert!(found, "seed {seed}: no negotiator and no finding");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A gunman with a bystander beside him, seizing her as a shield at once.
fn shield_scene(light: Light) -> forcesim::scenario::Scenario {
    let mut sc = blank_scenario((30.0, 12.0), (3.0, 6.0));
    sc.light = light;
    let mut man = subject("man", (14.0, 6.0));
    man.weapon = Some(Weapon {
        kind: WeaponKind::Handgun,
        carry: Carry::Visible,
        place: WeaponPlace::Hand,
    });
    man.resistance = ResistanceLevel::Deadly;
    sc.subjects.push(man);
    sc.bystanders.push(Bystander {
        id: "partner_of_man".into(),
        name: None,
        spawn: (15.0, 8.0),
        sex: Sex::Female,
        age: AgeGroup::Adult,
        witness: WitnessEligibility::Relative,
        wanders_in: None,
        hidden: false,
        agrees: true,
        serial: false,
    });
    sc.triggers.push(Trigger {
        id: "seize".into(),
        when: TriggerCondition::Time(0.2),
        chance: 1.0,
        once: true,
        effects: vec![Effect::Act {
            subject: "man".into(),
            action: SubjectAction::Shield,
        }],
    });
    sc
}

#[test]
fn a_bystander_held_as_a_shield_stands_in_the_line_and_a_shot_is_a_line_of_fire_breach() {
    let mut app = sim_app(setup(shield_scene(Light::Day), 1));
    idle(&mut app, 120);
    let st = state(&app);
    let pos = |id: &str| st.people[st.find(id).unwrap()].pos;
    let (tr, man, held) = (pos("trainee"), pos("man"), pos("partner_of_man"));
    // In front of him, toward the officer, on the line between them.
    assert!(held.x < man.x && held.x > tr.x, "{held:?} {man:?}");
    assert!((held.y - 6.0).abs() < 0.4, "{held:?}");
    let view = &app.world().resource::<forcesim::sim::TraineeViewRes>().0;
    let seen = view.subjects.iter().find(|s| s.id == "man").unwrap();
    assert!(
        seen.view
            .people_in_line
            .iter()
            .any(|p| p == "partner_of_man"),
        "{:?}",
        seen.view.people_in_line
    );
    let on = |act| OfficerAction::at(act, "man");
    act(
        &mut app,
        vec![OfficerAction::new(Act::Select(Tool::Handgun))],
    );
    act(&mut app, vec![OfficerAction::new(Act::Draw)]);
    act(&mut app, vec![on(Act::Aim)]);
    idle(&mut app, 20);
    act(&mut app, vec![on(Act::Force(ForceOption::Firearm))]);
    idle(&mut app, 5);
    let card = forcesim::scoring::score(log(&app), &generic_policy());
    assert!(
        card.findings
            .iter()
            .any(|f| f.rule == "force.line_of_fire" && f.points < 0.0),
        "{:?}",
        card.findings.iter().map(|f| &f.rule).collect::<Vec<_>>()
    );
}

fn sees_man(app: &bevy::prelude::App) -> bool {
    let view = &app.world().resource::<forcesim::sim::TraineeViewRes>().0;
    view.subjects
        .iter()
        .any(|s| s.id == "man" && s.view.visible)
}

#[test]
fn in_the_dark_the_trainee_sees_only_in_the_beam_or_close_by_and_the_fog_follows_it() {
    let mut sc = blank_scenario((30.0, 12.0), (3.0, 6.0));
    sc.light = Light::Dark;
    sc.subjects.push(subject("man", (9.0, 6.0)));
    let options = forcesim::sim::SimOptions {
        scene_view: true,
        visibility_polygon: true,
        ..Default::default()
    };
    let mut app = forcesim::sim::headless::app_with(setup(sc.clone(), 1), options);
    idle(&mut app, 10);
    // Light on (the default), facing east: 6 m away, in the beam.
    tick(
        &mut app,
        TraineeInput {
            face: Some((9.0, 6.0)),
            ..Default::default()
        },
    );
    idle(&mut app, 2);
    assert!(sees_man(&app), "in the beam");
    let reach = |app: &bevy::prelude::App| {
        let scene = &app.world().resource::<forcesim::sim::SceneViewRes>().0;
        scene
            .visibility
            .iter()
            .map(|p| ((p.0 - 3.0).powi(2) + (p.1 - 6.0).powi(2)).sqrt())
            .fold(0.0f32, f32::max)
    };
    let lit = reach(&app);
    assert!(
        lit > 10.0 && lit <= 15.5,
        "the fog opens along the beam: {lit}"
    );
    // Light off: 6 m is too far to make him out, and the fog closes in.
    tick(
        &mut app,
        TraineeInput {
            light: Some(false),
            ..Default::default()
        },
    );
    idle(&mut app, 2);
    assert!(!sees_man(&app), "dark, 6 m away");
    assert!(reach(&app) <= 2.6, "{}", reach(&app));
    // Light on but pointed away (north): still unseen, in the field of view or not.
    tick(
        &mut app,
        TraineeInput {
            light: Some(true),
            face: Some((3.5, 11.0)),
            ..Default::default()
        },
    );
    idle(&mut app, 30);
    assert!(!sees_man(&app), "out of the beam");
    // The same scene by day: seen with the flashlight off.
    sc.light = Light::Day;
    let mut day = sim_app(setup(sc, 1));
    tick(
        &mut day,
        TraineeInput {
            light: Some(false),
            face: Some((9.0, 6.0)),
            ..Default::default()
        },
    );
    idle(&mut day, 2);
    assert!(sees_man(&day), "daylight");
}

#[test]
fn a_lit_flashlight_gives_the_officer_away_and_a_dark_one_does_not() {
    // The subject flees the moment he sees an officer (a sight condition).
    let mut sc = blank_scenario((40.0, 12.0), (3.0, 6.0));
    sc.light = Light::Dark;
    let mut man = subject("man", (20.0, 6.0));
    man.resistance = ResistanceLevel::Passive;
    man.heading = 180.0;
    man.behaviour.push(forcesim::scenario::schema::Transition {
        on: forcesim::scenario::schema::Stimulus::Tick,
        conditions: vec![forcesim::scenario::schema::Condition::SeesOfficer],
        chance: 1.0,
        to: Some(ResistanceLevel::Active),
        act: Some(SubjectAction::Flee),
        say: None,
    });
    sc.subjects.push(man);
    let fled = |light: bool| {
        let mut app = sim_app(setup(sc.clone(), 1));
        tick(
            &mut app,
            TraineeInput {
                light: Some(light),
                ..Default::default()
            },
        );
        idle(&mut app, 180);
        !events(&app, |k| matches!(k, EventKind::Flight { .. })).is_empty()
    };
    assert!(fled(true), "a lit flashlight is seen from 17 m");
    assert!(!fled(false), "a dark officer is not");
}

#[test]
fn by_the_book_passes_the_armed_building_template() {
    let dir = std::env::temp_dir().join(format!("forcesim-scenb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("armed_building.ron");
    let text =
        forcesim::scenario::template::render(ScenarioKind::ArmedBuilding, "tpl_ab", Lang::En);
    std::fs::write(&path, text).unwrap();
    for seed in 1..=3 {
        let req = RunRequest::new(
            path.display().to_string(),
            DriverSpec::Bot("by_the_book".into()),
            seed,
        );
        let s = session::run(&req).unwrap_or_else(|e| panic!("{e}"));
        let card = s.record.score.as_ref().unwrap();
        assert!(card.passed, "seed {seed}: {:.1}", card.total);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
