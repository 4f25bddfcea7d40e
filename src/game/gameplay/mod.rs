//! The top-down world: camera, map, people, fog of war, speech bubbles and
//! tracers. Drawn in gameplay and in the replay, from `SceneViewRes` alone.

pub mod camera;
pub mod fog;
pub mod map;
pub mod overlay;
pub mod people;
pub mod shapes;

use super::screens::Screen;
use bevy::prelude::*;

/// The world is on screen (gameplay or replay).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InWorld;

impl ComputedStates for InWorld {
    type SourceStates = Screen;

    fn compute(screen: Screen) -> Option<Self> {
        matches!(screen, Screen::Gameplay | Screen::Replay).then_some(InWorld)
    }
}

/// Drawing order (z) of the layers, in world units.
pub mod layer {
    /// Ground.
    pub const GROUND: f32 = 0.0;
    /// Zones.
    pub const ZONE: f32 = 0.5;
    /// Cover objects.
    pub const COVER: f32 = 1.0;
    /// Vehicles.
    pub const VEHICLE: f32 = 2.0;
    /// Walls and doors.
    pub const WALL: f32 = 3.0;
    /// Fog of war.
    pub const FOG: f32 = 5.0;
    /// People.
    pub const PEOPLE: f32 = 6.0;
}

/// Registers the world's drawing.
pub fn plugin(app: &mut App) {
    app.add_computed_state::<InWorld>().add_plugins((
        shapes::plugin,
        camera::plugin,
        map::plugin,
        fog::plugin,
        people::plugin,
        overlay::plugin,
    ));
}
