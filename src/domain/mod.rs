//! The vocabulary of the doctrine, shared by scenarios, policies, the simulation
//! and scoring. Pure Rust: no Bevy types, so scoring can depend on it.

pub mod actions;
pub mod levels;
pub mod people;
pub mod rules;
pub mod scene;
pub mod text;

pub use actions::*;
pub use levels::*;
pub use people::*;
pub use rules::*;
pub use scene::*;
pub use text::*;

/// A point or vector on the map, in meters: `(x, y)`, y pointing north (up on screen).
pub type Pt = (f32, f32);
