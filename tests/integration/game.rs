//! The game without a window: the screen flow menu -> briefing -> gameplay,
//! keys pressed through `ButtonInput` reaching the simulation as actions, and
//! (when `FORCESIM_SCREENSHOTS` names a folder) the screenshots CI took.

use bevy::prelude::*;
use forcesim::domain::{Act, Tool};
use forcesim::events::{EventKind, TRAINEE};
use forcesim::game::run::RunSetup;
use forcesim::game::screens::{Pause, Screen};
use forcesim::game::{GameOptions, headless_app};
use forcesim::sim::{SimLog, SimTick, TraineeViewRes};

fn app() -> App {
    let mut app = headless_app(GameOptions {
        seed: Some(7),
        ..Default::default()
    });
    app.update();
    app
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

/// Runs `n` frames with `keys` held, pressing them on the first.
fn hold(app: &mut App, keys: &[KeyCode], n: usize) {
    for k in keys {
        app.world_mut()
            .resource_mut::<ButtonInput<KeyCode>>()
            .press(*k);
    }
    for _ in 0..n {
        app.update();
        app.world_mut()
            .resource_mut::<ButtonInput<KeyCode>>()
            .clear();
    }
    for k in keys {
        app.world_mut()
            .resource_mut::<ButtonInput<KeyCode>>()
            .release(*k);
    }
}

fn tap(app: &mut App, key: KeyCode) {
    hold(app, &[key], 1);
    app.update();
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .clear();
}

fn trainee_actions(app: &App) -> Vec<Act> {
    app.world()
        .resource::<SimLog>()
        .0
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Action { by, action } if by == TRAINEE => Some(action.act),
            _ => None,
        })
        .collect()
}

fn to_gameplay(app: &mut App) {
    assert_eq!(screen(app), Screen::Menu);
    tap(app, KeyCode::Enter);
    assert_eq!(screen(app), Screen::Briefing);
    assert!(app.world().contains_resource::<RunSetup>());
    tap(app, KeyCode::Enter);
    assert_eq!(screen(app), Screen::Gameplay);
}

#[test]
fn menu_to_briefing_to_gameplay_and_the_simulation_runs() {
    let mut app = app();
    to_gameplay(&mut app);
    let before = app.world().resource::<SimTick>().0;
    for _ in 0..30 {
        app.update();
    }
    assert!(
        app.world().resource::<SimTick>().0 > before,
        "no ticks in gameplay"
    );
}

#[test]
fn keys_reach_the_simulation_as_actions() {
    let mut app = app();
    to_gameplay(&mut app);
    tap(&mut app, KeyCode::Digit3);
    tap(&mut app, KeyCode::KeyF);
    for _ in 0..5 {
        app.update();
    }
    let acts = trainee_actions(&app);
    assert!(acts.contains(&Act::Select(Tool::Baton)), "{acts:?}");
    assert!(acts.contains(&Act::Identify), "{acts:?}");
    assert_eq!(app.world().resource::<TraineeViewRes>().0.tool, Tool::Baton);
}

#[test]
fn holding_w_walks_north() {
    let mut app = app();
    to_gameplay(&mut app);
    for _ in 0..10 {
        app.update();
    }
    let y0 = app.world().resource::<TraineeViewRes>().0.pos.1;
    hold(&mut app, &[KeyCode::KeyW], 60);
    let y1 = app.world().resource::<TraineeViewRes>().0.pos.1;
    assert!(y1 > y0 + 0.5, "moved from {y0} to {y1}");
}

#[test]
fn escape_pauses_and_the_simulation_stops() {
    let mut app = app();
    to_gameplay(&mut app);
    for _ in 0..5 {
        app.update();
    }
    tap(&mut app, KeyCode::Escape);
    assert_eq!(*app.world().resource::<State<Pause>>().get(), Pause::Paused);
    let t = app.world().resource::<SimTick>().0;
    for _ in 0..20 {
        app.update();
    }
    assert_eq!(
        app.world().resource::<SimTick>().0,
        t,
        "ticks ran while paused"
    );
    tap(&mut app, KeyCode::Escape);
    assert_eq!(
        *app.world().resource::<State<Pause>>().get(),
        Pause::Running
    );
}

/// Checks the PNGs `.ci/run` captured: each screen in each language (and the
/// authoring preview in en and ru) exists,
/// is 1280x720 and is not blank (many distinct colours, no single colour
/// covering almost everything). Skipped unless `FORCESIM_SCREENSHOTS` is set.
#[test]
fn screenshots_are_not_blank() {
    let Ok(dir) = std::env::var("FORCESIM_SCREENSHOTS") else {
        return;
    };
    let mut checked = 0;
    let screens = [
        "menu",
        "briefing",
        "gameplay",
        "pause",
        "debrief",
        "replay",
        "instructor",
        "review",
    ];
    let shots = screens
        .iter()
        .flat_map(|s| ["en", "ru", "kk"].map(|l| (*s, l)))
        .chain([("preview", "en"), ("preview", "ru")]);
    for (screen, lang) in shots {
        let path = std::path::Path::new(&dir).join(format!("{screen}-{lang}.png"));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let img = bevy::image::Image::from_buffer(
            &bytes,
            bevy::image::ImageType::Extension("png"),
            bevy::image::CompressedImageFormats::NONE,
            true,
            bevy::image::ImageSampler::Default,
            bevy::asset::RenderAssetUsages::MAIN_WORLD,
        )
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            (img.width(), img.height()),
            (1280, 720),
            "{}",
            path.display()
        );
        let data = img.data.as_ref().expect("pixels");
        let mut counts = std::collections::HashMap::new();
        for px in data.chunks_exact(4) {
            *counts.entry([px[0], px[1], px[2]]).or_insert(0u32) += 1;
        }
        let top = counts.values().copied().max().unwrap_or(0) as f32;
        let share = top / (img.width() * img.height()) as f32;
        assert!(
            counts.len() >= 64,
            "{}: only {} colours",
            path.display(),
            counts.len()
        );
        assert!(
            share < 0.97,
            "{}: one colour covers {:.0}%",
            path.display(),
            share * 100.0
        );
        checked += 1;
    }
    assert_eq!(checked, 26);
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("forcesim-game-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn autoplay(options: GameOptions, frames: usize) -> App {
    let mut app = headless_app(options);
    for _ in 0..frames {
        app.update();
    }
    app
}

#[test]
fn a_bot_plays_to_the_debrief_which_scores_and_saves_the_session() {
    use forcesim::game::ScreenArg;
    use forcesim::game::run::RunState;
    let dir = temp_dir("debrief");
    let app = autoplay(
        GameOptions {
            scenario: Some("traffic_stop_low".into()),
            screen: ScreenArg::Debrief,
            bot: Some("by_the_book".into()),
            seed: Some(3),
            trainee: "cadet 42".into(),
            sessions_dir: dir.clone(),
            ..Default::default()
        },
        12,
    );
    assert_eq!(screen(&app), Screen::Debrief);
    let state = app.world().resource::<RunState>();
    let card = state.score.as_ref().expect("scored");
    assert!(card.passed, "by_the_book should pass: {card:?}");
    let path = state.record_path.clone().expect("a record path");
    assert!(path.starts_with(&dir));
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("cadet_42-traffic_stop_low-"), "{name}");
    let record = forcesim::session::load(&path).expect("the saved session loads");
    assert_eq!(record.seed, 3);
    assert_eq!(record.score.as_ref(), Some(card));
    assert!(record.end.is_some());
    assert!(!record.track.is_empty());
    assert_eq!(record.events, app.world().resource::<SimLog>().0);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_replay_draws_the_recorded_scene() {
    use forcesim::game::ScreenArg;
    use forcesim::game::run::RunState;
    use forcesim::sim::SceneViewRes;
    let dir = temp_dir("replay");
    let mut app = autoplay(
        GameOptions {
            scenario: Some("traffic_stop_low".into()),
            screen: ScreenArg::Replay,
            bot: Some("by_the_book".into()),
            seed: Some(3),
            sessions_dir: dir.clone(),
            ..Default::default()
        },
        12,
    );
    assert_eq!(screen(&app), Screen::Replay);
    app.update();
    let frames = &app.world().resource::<RunState>().replay;
    assert!(frames.len() > 5);
    let shown = &app.world().resource::<SceneViewRes>().0;
    assert!(
        frames.iter().any(|f| &f.scene == shown),
        "replay shows a recorded frame"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_scenario_edited_on_disk_reloads_and_a_broken_edit_shows_errors() {
    use forcesim::game::ScreenArg;
    use forcesim::game::instructor::reload::Watched;
    let dir = temp_dir("reload");
    let file = dir.join("stop.ron");
    let original = std::fs::read_to_string("scenarios/traffic_stop_low.ron").unwrap();
    std::fs::write(&file, &original).unwrap();
    let mut app = autoplay(
        GameOptions {
            scenario: Some(file.display().to_string()),
            screen: ScreenArg::Briefing,
            sessions_dir: dir.clone(),
            ..Default::default()
        },
        5,
    );
    assert_eq!(screen(&app), Screen::Briefing);
    let touch = |secs: u64| {
        let f = std::fs::File::options().write(true).open(&file).unwrap();
        f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(secs))
            .unwrap();
    };
    // A broken edit: errors shown, the last good scenario kept.
    std::fs::write(
        &file,
        original.replace("time_limit: 300.0", "time_limit: -5.0"),
    )
    .unwrap();
    touch(2);
    for _ in 0..80 {
        app.update();
    }
    let errors = app.world().resource::<Watched>().errors.clone();
    assert!(!errors.is_empty(), "no errors shown");
    assert!(errors[0].to_string().contains("stop.ron:"), "{errors:?}");
    let setup = app.world().resource::<RunSetup>();
    assert_eq!(setup.scenario.scenario.time_limit, 300.0);
    assert_eq!(screen(&app), Screen::Briefing);
    // A good edit: reloaded.
    std::fs::write(
        &file,
        original.replace("time_limit: 300.0", "time_limit: 240.0"),
    )
    .unwrap();
    touch(4);
    for _ in 0..80 {
        app.update();
    }
    assert!(app.world().resource::<Watched>().errors.is_empty());
    assert_eq!(
        app.world()
            .resource::<RunSetup>()
            .scenario
            .scenario
            .time_limit,
        240.0
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_instructor_console_opens_with_instructor_mode_and_logs_interventions() {
    use forcesim::events::Intervention;
    use forcesim::game::ScreenArg;
    use forcesim::game::instructor::{ConsoleAction, ConsoleOpen};
    let dir = temp_dir("console");
    let mut app = autoplay(
        GameOptions {
            scenario: Some("felony_stop".into()),
            screen: ScreenArg::Gameplay,
            instructor: true,
            seed: Some(2),
            after: Some(2.0),
            sessions_dir: dir.clone(),
            ..Default::default()
        },
        10,
    );
    assert!(app.world().resource::<ConsoleOpen>().0);
    let buttons = app
        .world_mut()
        .query::<&ConsoleAction>()
        .iter(app.world())
        .count();
    assert!(buttons >= 5, "{buttons} console buttons");
    forcesim::game::instructor::apply(app.world_mut(), &ConsoleAction::Flee("driver".into()));
    for _ in 0..5 {
        app.update();
    }
    let logged = app.world().resource::<SimLog>().0.iter().any(
        |e| matches!(&e.kind, EventKind::Instructor(Intervention::Act(id, _)) if id == "driver"),
    );
    assert!(logged, "the intervention is in the event log");
    let _ = std::fs::remove_dir_all(dir);
}

/// `play` tells a missing scenario (usage, exit 2) and a missing display
/// (exit 1, with what to do) before any window opens, never a panic.
#[test]
fn play_without_a_scenario_or_a_display_says_why() {
    let play = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_forcesim"))
            .args(args)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            // English whatever the machine's locale.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .output()
            .expect("run forcesim");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, err) = play(&["play", "no_such_scenario"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("no scenario \"no_such_scenario\""), "{err}");
    let (code, err) = play(&["play", "traffic_stop_low"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("no display") && err.contains("xvfb-run"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn hot_reload_errors_show_in_the_games_language() {
    use forcesim::domain::Lang;
    use forcesim::game::ScreenArg;
    let dir = temp_dir("reload-ru");
    let file = dir.join("stop.ron");
    let original = std::fs::read_to_string("scenarios/traffic_stop_low.ron").unwrap();
    std::fs::write(&file, &original).unwrap();
    let mut app = autoplay(
        GameOptions {
            scenario: Some(file.display().to_string()),
            screen: ScreenArg::Briefing,
            sessions_dir: dir.clone(),
            lang: Lang::Ru,
            ..Default::default()
        },
        5,
    );
    std::fs::write(
        &file,
        original.replace("time_limit: 300.0", "time_limit: -5.0"),
    )
    .unwrap();
    let f = std::fs::File::options().write(true).open(&file).unwrap();
    f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(2))
        .unwrap();
    for _ in 0..80 {
        app.update();
    }
    let world = app.world_mut();
    let texts: Vec<String> = world
        .query::<&Text>()
        .iter(world)
        .map(|t| t.0.clone())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("stop.ron:") && t.contains("error:") && t.contains("больше 0")),
        "{texts:?}"
    );
}
