//! Opening a screen directly (`play SCENARIO --screen debrief --bot by_the_book
//! --after 30`): the run is played headless-fast by a bot (or standing still)
//! for the given seconds, then the screen is shown. Used for screenshots and
//! by instructors to demonstrate a screen.

use super::catalog::Catalog;
use super::run::{self, PendingInput, RunSetup};
use super::screens::replay::ReplayClock;
use super::screens::{Pause, Screen};
use super::{GameOptions, ScreenArg};
use crate::events::TICK_HZ;
use crate::sim::{SimEnd, TraineeViewRes};
use crate::trainee::TraineeDriver;
use bevy::prelude::*;

/// Where autoplay is.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Autoplay {
    /// Nothing to do (the menu, or done).
    #[default]
    Idle,
    /// Waiting for the run to start.
    Starting,
    /// Played; waiting for the debrief before the replay.
    ToReplay,
    /// Waiting for the replay to open.
    SeekReplay,
    /// The requested screen is up.
    Done,
}

/// The bot that plays, when one was asked for (not `Send`-bound).
#[derive(Default)]
pub struct AutoDriver(pub Option<Box<dyn TraineeDriver>>);

/// A built-in bot by name for the run being set up; the message naming the
/// valid ones when there is none of that name.
pub fn bot(name: &str, setup: &RunSetup) -> Result<Box<dyn TraineeDriver>, crate::i18n::Msg> {
    crate::trainee::bots::by_name(name, &setup.scenario.scenario, &setup.policy.policy).ok_or_else(
        || {
            crate::i18n::Msg::new("run-unknown-bot")
                .with("name", name)
                .with("valid", crate::trainee::bots::NAMES.join(", "))
        },
    )
}

fn begin(world: &mut World) {
    let options = world.resource::<GameOptions>().clone();
    let Some(arg) = options.scenario.clone() else {
        world.insert_resource(Autoplay::Done);
        return;
    };
    // `forcesim play` checked all this before the window opened; tests and
    // other callers get the same words, in the game's language.
    let lang = options.lang;
    let exit_with = |world: &mut World, msg: String| {
        eprintln!("forcesim play: {msg}");
        world.write_message(AppExit::from_code(2));
    };
    let say = |m: crate::i18n::Msg| crate::i18n::render(lang, &m, &crate::i18n::Labels::new());
    let Some(path) = crate::scenario::resolve(&arg) else {
        exit_with(
            world,
            say(crate::i18n::Msg::new("run-no-scenario").with("scenario", arg.as_str())),
        );
        return;
    };
    let setup = match run::prepare(
        &path,
        options.policy.as_deref(),
        &options.trainee,
        options.lang,
        options.seed,
    ) {
        Ok(s) => s,
        Err(e) => {
            exit_with(world, e);
            return;
        }
    };
    if let Some(name) = &options.bot {
        match bot(name, &setup) {
            Ok(d) => world.insert_non_send(AutoDriver(Some(d))),
            Err(m) => {
                exit_with(world, say(m));
                return;
            }
        }
    }
    // Preselect it in the menu too.
    let id = setup.scenario.scenario.id.clone();
    if let Some(i) = world
        .resource::<Catalog>()
        .scenarios
        .iter()
        .position(|s| s.id() == id)
    {
        world.insert_resource(super::screens::menu::MenuChoice {
            scenario: i,
            trainee: options.trainee.clone(),
            policy: options.policy.clone(),
            ..Default::default()
        });
    }
    world.insert_resource::<RunSetup>(setup);
    let (screen, stage) = match options.screen {
        ScreenArg::Menu => (Screen::Menu, Autoplay::Done),
        ScreenArg::Briefing => (Screen::Briefing, Autoplay::Done),
        _ => (Screen::Gameplay, Autoplay::Starting),
    };
    world.resource_mut::<NextState<Screen>>().set(screen);
    world.insert_resource(stage);
}

/// Plays `ticks` ticks at once with the bot (or no input).
pub fn fast_forward(world: &mut World, ticks: u32) {
    let mut driver = world.remove_non_send::<AutoDriver>().unwrap_or_default();
    for _ in 0..ticks {
        if world.resource::<SimEnd>().0.is_some() {
            break;
        }
        let input = match driver.0.as_mut() {
            Some(d) => d.input(&world.resource::<TraineeViewRes>().0),
            None => Default::default(),
        };
        world.resource_mut::<PendingInput>().0 = input;
        run::step(world);
    }
    world.insert_non_send(driver);
}

fn advance(world: &mut World) {
    let stage = *world.resource::<Autoplay>();
    let options = world.resource::<GameOptions>().clone();
    let screen = *world.resource::<State<Screen>>().get();
    match (stage, screen) {
        (Autoplay::Starting, Screen::Gameplay) => {
            let limit = world
                .get_resource::<RunSetup>()
                .map(|s| s.scenario.scenario.time_limit)
                .unwrap_or(0.0);
            let seconds = match (options.after, options.screen) {
                (Some(s), _) => s,
                (None, ScreenArg::Gameplay | ScreenArg::Pause) => 4.0,
                (None, _) => limit,
            };
            fast_forward(world, (seconds.max(0.0) * TICK_HZ as f32) as u32);
            match options.screen {
                ScreenArg::Pause => {
                    world.resource_mut::<NextState<Pause>>().set(Pause::Paused);
                    world.insert_resource(Autoplay::Done);
                }
                ScreenArg::Debrief | ScreenArg::Replay => {
                    run::stop(world);
                    world
                        .resource_mut::<NextState<Screen>>()
                        .set(Screen::Debrief);
                    world.insert_resource(if options.screen == ScreenArg::Replay {
                        Autoplay::ToReplay
                    } else {
                        Autoplay::Done
                    });
                }
                _ => {
                    world.insert_resource(Autoplay::Done);
                }
            }
        }
        (Autoplay::ToReplay, Screen::Debrief) => {
            world
                .resource_mut::<NextState<Screen>>()
                .set(Screen::Replay);
            world.insert_resource(Autoplay::SeekReplay);
        }
        (Autoplay::SeekReplay, Screen::Replay) => {
            let end = world
                .resource::<run::RunState>()
                .replay
                .last()
                .map(|f| f.tick as f32)
                .unwrap_or(0.0);
            let mut clock = world.resource_mut::<ReplayClock>();
            clock.tick = end * 0.6;
            clock.playing = false;
            world.insert_resource(Autoplay::Done);
        }
        _ => {}
    }
}

/// With `--bot` on the gameplay screen the bot keeps playing live (a demo,
/// and a steady load for frame-time measurements): it writes the input each
/// tick instead of the keyboard.
fn bot_plays_live(world: &mut World) {
    let options = world.resource::<GameOptions>();
    if options.screen != ScreenArg::Gameplay || *world.resource::<Autoplay>() != Autoplay::Done {
        return;
    }
    let Some(mut driver) = world.remove_non_send::<AutoDriver>() else {
        return;
    };
    if let Some(d) = driver.0.as_mut() {
        let input = d.input(&world.resource::<TraineeViewRes>().0);
        world.resource_mut::<PendingInput>().0 = input;
    }
    world.insert_non_send(driver);
}

/// Registers autoplay.
pub fn plugin(app: &mut App) {
    app.init_resource::<Autoplay>()
        .insert_non_send(AutoDriver::default())
        .add_systems(PostStartup, begin)
        .add_systems(Update, advance)
        .add_systems(
            FixedUpdate,
            bot_plays_live
                .before(run::tick_system)
                .run_if(in_state(Pause::Running)),
        );
}
