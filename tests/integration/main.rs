//! Integration tests, one binary (links once). Each area is a module.

mod check;
mod formats;
mod game;
mod list;
mod no_panic;
mod readme;
mod scoring;
mod script;
mod sim;
