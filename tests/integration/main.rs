//! Integration tests, one binary (links once). Each area is a module.

mod formats;
mod script;
mod sim;
