//! Integration tests, one binary (links once). Each area is a module.

mod check;
mod discrimination;
mod formats;
mod game;
mod i18n;
mod layers;
mod library;
mod list;
mod no_panic;
mod readme;
mod run;
mod scoring;
mod script;
mod sim;
mod street;
