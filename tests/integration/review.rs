//! `forcesim review` through the game's own systems (a windowless app): a
//! saved session opens in the replay, re-scored in another language and
//! under another policy; verdicts and flags typed in the replay are saved to
//! the notes file and shown on the next review, the record untouched; an
//! interrupted session (the game killed mid-run) is offered on the menu.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use forcesim::domain::Lang;
use forcesim::game::run::RunState;
use forcesim::game::screens::Screen;
use forcesim::game::screens::replay::ReplayClock;
use forcesim::game::{GameOptions, ScreenArg, headless_app};
use forcesim::session::notes::{self, Judgement};
use forcesim::session::{DriverSpec, RunRequest, run};
use forcesim::sim::SceneViewRes;
use std::path::{Path, PathBuf};

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("forcesim-review-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A session of the aggressive bot at a traffic stop (several findings),
/// played in Kazakh, saved in `dir`.
fn saved_session(dir: &Path) -> PathBuf {
    let mut req = RunRequest::new("traffic_stop_low", DriverSpec::Bot("aggressive".into()), 2);
    req.lang = Lang::Kk;
    req.trainee = "cadet07".into();
    let s = run(&req).expect("runs");
    let path = dir.join("cadet07-traffic_stop_low-2.ron");
    forcesim::session::save(&path, &s.record).unwrap();
    path
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn review_app(session: &Path, lang: Lang, policy: Option<&str>) -> App {
    let mut app = headless_app(GameOptions {
        review: Some(session.to_path_buf()),
        lang,
        policy: policy.map(str::to_string),
        sessions_dir: session.parent().unwrap().to_path_buf(),
        ..Default::default()
    });
    for _ in 0..4 {
        app.update();
    }
    app
}

fn clear_input(app: &mut App) {
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .clear();
}

fn tap(app: &mut App, key: KeyCode) {
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(key);
    app.update();
    clear_input(app);
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .release(key);
    app.update();
    clear_input(app);
}

fn key_message(key: Key, text: Option<&str>) -> KeyboardInput {
    KeyboardInput {
        key_code: KeyCode::Unidentified(bevy::input::keyboard::NativeKeyCode::Unidentified),
        logical_key: key,
        state: ButtonState::Pressed,
        text: text.map(Into::into),
        repeat: false,
        window: Entity::PLACEHOLDER,
    }
}

/// Types `text` then presses Enter, as the window's keyboard would.
fn type_note(app: &mut App, text: &str) {
    for c in text.chars() {
        let s = c.to_string();
        app.world_mut()
            .write_message(key_message(Key::Character(s.as_str().into()), Some(&s)));
    }
    app.update();
    app.world_mut().write_message(key_message(Key::Enter, None));
    app.update();
}

/// A key as the window gives it: pressed in `ButtonInput` and a message.
fn press(app: &mut App, code: KeyCode, key: Key, text: Option<&str>) {
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(code);
    app.world_mut().write_message(key_message(key, text));
    app.update();
    clear_input(app);
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .release(code);
    app.update();
    clear_input(app);
}

fn texts(app: &mut App) -> Vec<String> {
    let mut q = app.world_mut().query::<&Text>();
    q.iter(app.world()).map(|t| t.0.clone()).collect()
}

fn review(app: &App) -> forcesim::game::review::Review {
    app.world()
        .resource::<forcesim::game::review::Review>()
        .clone()
}

/// Presses a button of the review panel, as a click does.
fn click(app: &mut App, action: forcesim::game::review::panel::ReviewAction) {
    let mut q = app.world_mut().query::<(
        &forcesim::game::review::panel::ReviewAction,
        &mut Interaction,
    )>();
    for (a, mut i) in q.iter_mut(app.world_mut()) {
        if *a == action {
            *i = Interaction::Pressed;
        }
    }
    app.update();
    let mut q = app.world_mut().query::<&mut Interaction>();
    for mut i in q.iter_mut(app.world_mut()) {
        *i = Interaction::None;
    }
    app.update();
}

#[test]
fn a_session_recorded_in_kazakh_reviews_in_russian_rescored_from_its_log() {
    let dir = temp_dir("open");
    let path = saved_session(&dir);
    let record = forcesim::session::load(&path).unwrap();
    let mut app = review_app(&path, Lang::Ru, None);
    assert_eq!(screen(&app), Screen::Replay);
    let state = app.world().resource::<RunState>().clone();
    let policy = forcesim::policy::load_by_id_or_path(&record.policy).unwrap();
    let card = state.score.clone().expect("re-scored");
    assert_eq!(
        card,
        forcesim::scoring::score(&record.events, &policy.policy)
    );
    assert_eq!(Some(&card), record.score.as_ref());
    assert!(card.findings.len() >= 2, "{card:?}");
    // Every finding is listed in Russian.
    let shown = texts(&mut app);
    for f in &card.findings {
        let text = card.text(f, Lang::Ru);
        assert!(shown.contains(&text), "not shown: {text}");
    }
    // The replay frames put everyone where the track has them.
    for sample in &record.track {
        let frame = state
            .replay
            .iter()
            .find(|f| f.tick == sample.tick)
            .expect("a frame at each track sample");
        for (id, pos, _) in &sample.actors {
            let p = frame.scene.people.iter().find(|p| &p.id == id).unwrap();
            assert_eq!(p.pos, *pos, "{id} at tick {}", sample.tick);
        }
    }
    // Clicking a finding jumps the replay to its moment, paused.
    use forcesim::game::review::panel::ReviewAction;
    let last = card.findings.len() - 1;
    click(&mut app, ReviewAction::Finding(last));
    let clock = *app.world().resource::<ReplayClock>();
    assert!(!clock.playing);
    assert!(
        (clock.tick / 60.0 - card.findings[last].t).abs() < 0.02,
        "{clock:?}"
    );
    assert_eq!(review(&app).selected, Some(last));
    let shown_scene = &app.world().resource::<SceneViewRes>().0;
    assert!(state.replay.iter().any(|f| &f.scene == shown_scene));
    // Esc goes back to the menu, not to a debrief that would save.
    tap(&mut app, KeyCode::Escape);
    assert_eq!(screen(&app), Screen::Menu);
    assert_eq!(std::fs::read(&path).unwrap(), {
        forcesim::session::to_ron(&record).unwrap().into_bytes()
    });
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn another_policy_rescores_the_same_decisions() {
    let dir = temp_dir("policy");
    let path = saved_session(&dir);
    let record = forcesim::session::load(&path).unwrap();
    let app = review_app(&path, Lang::En, Some("kz"));
    let card = app.world().resource::<RunState>().score.clone().unwrap();
    let kz = forcesim::policy::load_by_id_or_path("kz").unwrap();
    assert_eq!(card.policy, "kz");
    assert_eq!(card, forcesim::scoring::score(&record.events, &kz.policy));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn verdicts_and_flags_typed_in_the_replay_are_saved_beside_the_record_and_shown_again() {
    use forcesim::game::review::panel::ReviewAction;
    let dir = temp_dir("notes");
    let path = saved_session(&dir);
    let before = std::fs::read(&path).unwrap();
    let mut app = review_app(&path, Lang::En, None);
    let card = app.world().resource::<RunState>().score.clone().unwrap();
    // Agree with finding 1: ↓ selects it, A opens the note, Enter saves.
    tap(&mut app, KeyCode::ArrowDown);
    assert_eq!(review(&app).selected, Some(0));
    tap(&mut app, KeyCode::KeyA);
    assert!(review(&app).typing());
    // While typing, the replay's keys stand aside: S is a letter, not speed.
    let speed = app.world().resource::<ReplayClock>().speed;
    press(
        &mut app,
        KeyCode::KeyS,
        Key::Character("s".into()),
        Some("s"),
    );
    assert_eq!(app.world().resource::<ReplayClock>().speed, speed);
    type_note(&mut app, "aw no command first");
    assert!(!review(&app).typing());
    // Dispute finding 2 with the mouse; an empty note is refused.
    click(&mut app, ReviewAction::Finding(1));
    click(&mut app, ReviewAction::Dispute);
    type_note(&mut app, "");
    assert!(review(&app).typing(), "a dispute needs a note");
    type_note(&mut app, "he reached for the glovebox");
    // A flag at the cursor's moment (the second finding's).
    tap(&mut app, KeyCode::KeyF);
    type_note(&mut app, "turned his back");
    // Esc cancels a note and stays in the replay.
    tap(&mut app, KeyCode::KeyF);
    assert!(review(&app).typing());
    press(&mut app, KeyCode::Escape, Key::Escape, None);
    assert!(!review(&app).typing());
    assert_eq!(screen(&app), Screen::Replay);

    let saved = notes::load_notes(&path).unwrap().expect("notes saved");
    let v0 = saved.verdict(&card.findings[0]).expect("verdict 1");
    assert_eq!(
        (v0.judgement, v0.note.as_str()),
        (Judgement::Agreed, "saw no command first")
    );
    let v1 = saved.verdict(&card.findings[1]).expect("verdict 2");
    assert_eq!(v1.judgement, Judgement::Disputed);
    assert_eq!(v1.note, "he reached for the glovebox");
    assert_eq!(saved.flags.len(), 1);
    assert_eq!(saved.flags[0].note, "turned his back");
    assert!((saved.flags[0].t - card.findings[1].t).abs() < 0.02);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the record is never written"
    );

    // The next review shows them.
    let mut again = review_app(&path, Lang::En, None);
    assert_eq!(review(&again).notes, saved);
    let shown = texts(&mut again);
    assert!(
        shown
            .iter()
            .any(|t| t.contains("✔") && t.contains("saw no command first"))
    );
    assert!(shown.iter().any(|t| t.contains("turned his back")));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_run_cut_short_is_offered_on_the_menu_at_the_next_start() {
    let dir = temp_dir("interrupted");
    // A finished session is not offered.
    saved_session(&dir);
    // Play 8 s and stop there, as if the game were killed: the game has
    // saved as it went (every 5 s), and the record has no end.
    let mut app = headless_app(GameOptions {
        scenario: Some("felony_stop".into()),
        screen: ScreenArg::Gameplay,
        bot: Some("by_the_book".into()),
        after: Some(8.0),
        seed: Some(2),
        trainee: "cadet 9".into(),
        sessions_dir: dir.clone(),
        ..Default::default()
    });
    for _ in 0..6 {
        app.update();
    }
    assert_eq!(screen(&app), Screen::Gameplay);
    let path = app
        .world()
        .resource::<RunState>()
        .record_path
        .clone()
        .unwrap();
    drop(app);
    let partial = forcesim::session::load(&path).expect("saved while playing");
    assert!(partial.end.is_none());
    assert!(partial.duration >= 5.0, "{}", partial.duration);

    let mut menu = headless_app(GameOptions {
        sessions_dir: dir.clone(),
        ..Default::default()
    });
    menu.update();
    menu.update();
    assert_eq!(screen(&menu), Screen::Menu);
    let offered = menu
        .world()
        .resource::<forcesim::game::screens::menu::InterruptedSessions>()
        .0
        .clone();
    assert_eq!(offered.len(), 1, "{offered:?}");
    assert_eq!(offered[0].path, path);
    assert_eq!(offered[0].trainee, "cadet 9");
    let label = texts(&mut menu);
    assert!(
        label
            .iter()
            .any(|t| t.contains("cadet 9") && t.contains("felony_stop"))
    );
    // Its Review button opens it in the replay.
    use forcesim::game::screens::menu::MenuAction;
    let mut q = menu.world_mut().query::<(&MenuAction, &mut Interaction)>();
    for (a, mut i) in q.iter_mut(menu.world_mut()) {
        if *a == MenuAction::Review(0) {
            *i = Interaction::Pressed;
        }
    }
    for _ in 0..3 {
        menu.update();
    }
    assert_eq!(screen(&menu), Screen::Replay);
    assert_eq!(review(&menu).session, path);
    let state = menu.world().resource::<RunState>();
    assert_eq!(state.end, None);
    assert!(state.replay.len() > 10);
    let _ = std::fs::remove_dir_all(dir);
}

/// A session played in an instructor's own scenario, kept outside
/// `scenarios/`: review finds the scenario beside the record, or takes it
/// from `--scenario`, says what to do when it is nowhere, and warns when the
/// file changed since the session was recorded.
#[test]
fn a_session_of_a_scenario_outside_the_library_is_reviewed() {
    use forcesim::game::review::open;
    let dir = temp_dir("own-scenario");
    let own = std::fs::read_to_string("scenarios/traffic_stop_low.ron")
        .unwrap()
        .replacen("id: \"traffic_stop_low\"", "id: \"class_stop\"", 1);
    assert!(own.contains("id: \"class_stop\""));
    let scenario = dir.join("class_stop.ron");
    std::fs::write(&scenario, &own).unwrap();
    let req = RunRequest::new(
        scenario.display().to_string(),
        DriverSpec::Bot("by_the_book".into()),
        3,
    );
    let s = run(&req).expect("runs");
    assert_eq!(s.record.scenario, "class_stop");
    let session = dir.join("cadet-class_stop-3.ron");
    forcesim::session::save(&session, &s.record).unwrap();
    // Beside the record.
    let o =
        open(&session, None, None, Lang::En).unwrap_or_else(|e| panic!("{}", e.render(Lang::En)));
    assert!(!o.scenario_changed);
    assert_eq!(o.setup.path, scenario);
    // Moved away: the error says how to name it; --scenario finds it.
    let elsewhere = temp_dir("own-scenario-elsewhere").join("class_stop.ron");
    std::fs::rename(&scenario, &elsewhere).unwrap();
    let Err(e) = open(&session, None, None, Lang::En) else {
        panic!("opened with no scenario");
    };
    assert!(
        e.render(Lang::En).contains("--scenario"),
        "{}",
        e.render(Lang::En)
    );
    assert!(
        e.render(Lang::Ru).contains("--scenario"),
        "{}",
        e.render(Lang::Ru)
    );
    let o = open(&session, None, Some(&elsewhere), Lang::Ru)
        .unwrap_or_else(|e| panic!("{}", e.render(Lang::En)));
    assert!(!o.scenario_changed);
    assert!(o.state.replay.len() > 10);
    // Edited since: still opens, and says so.
    std::fs::write(&elsewhere, format!("// edited after the class\n{own}")).unwrap();
    let o = open(&session, None, Some(&elsewhere), Lang::En)
        .unwrap_or_else(|e| panic!("{}", e.render(Lang::En)));
    assert!(o.scenario_changed);
}
