//! forcesim: an officer-safety training simulator. Scenarios are RON files,
//! the simulation is headless Bevy + rapier, and every session is scored
//! against a use-of-force continuum and officer-safety doctrine.
#![deny(missing_docs)]

pub mod cli;
pub mod diag;
pub mod domain;
pub mod events;
pub mod game;
pub mod i18n;
pub mod nav;
pub mod policy;
pub mod scenario;
pub mod scoring;
pub mod session;
pub mod sim;
pub mod trainee;
