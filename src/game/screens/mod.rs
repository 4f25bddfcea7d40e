//! The screens, as Bevy states. Each screen spawns its UI on entering and tags
//! it with `DespawnOnExit`, so nothing leaks from one screen to the next.

pub mod briefing;
pub mod chart;
pub mod debrief;
pub mod menu;
pub mod pause;
pub mod replay;

use bevy::prelude::*;

/// The screen shown.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// Scenario picker, trainee id, policy, language.
    #[default]
    Menu,
    /// Dispatch text and objectives.
    Briefing,
    /// Playing (with [`Pause`] inside it).
    Gameplay,
    /// Score card, findings and timeline.
    Debrief,
    /// Replay of the run just played.
    Replay,
}

/// Whether gameplay runs or is paused (only exists during gameplay).
#[derive(SubStates, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[source(Screen = Screen::Gameplay)]
pub enum Pause {
    /// The simulation runs.
    #[default]
    Running,
    /// Paused, the key map shown.
    Paused,
}

/// Registers the states and every screen.
pub fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_sub_state::<Pause>()
        .add_plugins((
            menu::plugin,
            briefing::plugin,
            pause::plugin,
            debrief::plugin,
            replay::plugin,
        ));
}
