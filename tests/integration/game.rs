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

/// Checks the PNGs `.ci/run` captured: each screen in each language exists,
/// is 1280x720 and is not blank (many distinct colours, no single colour
/// covering almost everything). Skipped unless `FORCESIM_SCREENSHOTS` is set.
#[test]
fn screenshots_are_not_blank() {
    let Ok(dir) = std::env::var("FORCESIM_SCREENSHOTS") else {
        return;
    };
    let mut checked = 0;
    for screen in ["menu", "briefing", "gameplay", "pause", "debrief", "replay"] {
        for lang in ["en", "ru"] {
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
    }
    assert_eq!(checked, 12);
}
