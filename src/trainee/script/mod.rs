//! Trainee scripts: RON files of steps that drive the trainee's officer in a
//! headless run. Steps run in order, each waiting for its time or condition,
//! so a script still makes sense when subjects behave differently by seed;
//! reactions handle what may or may not happen. See README "Trainee scripts".

mod format;
mod load;
mod run;

pub use format::*;
pub use load::{MAX_STEPS, check, load, parse};
pub use run::ScriptDriver;
pub(crate) use run::open_doors_on_the_way;
