//! Integration tests, one binary (links once). Each area is a module.

mod cases;
mod check;
mod cli;
mod course_b;
mod crash;
mod discrimination;
mod formats;
mod game;
mod i18n;
mod layers;
mod library;
mod list;
mod no_panic;
mod readme;
mod report;
mod run;
mod scoring;
mod script;
mod sim;
mod stop_and_search;
mod street;
mod templates;
