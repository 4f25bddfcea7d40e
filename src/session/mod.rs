//! Session records: what a run produced, saved as versioned RON
//! (atomic save, incremental saver, load with positioned errors), the
//! evaluator's notes beside them, and the class report over many of them.

pub mod compact;
pub mod explore;
pub mod interrupted;
mod io;
pub mod notes;
mod record;
pub mod report;
mod run;

pub use compact::{CROWD_TOLERANCE_DEG, CROWD_TOLERANCE_M, TOLERANCE_DEG, TOLERANCE_M};
pub use io::*;
pub use record::*;
pub use run::*;
