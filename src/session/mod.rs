//! Session records: what a run produced, saved as versioned RON
//! (atomic save, incremental saver, load with positioned errors), the
//! evaluator's notes beside them, and the class report over many of them.

pub mod explore;
pub mod interrupted;
mod io;
pub mod notes;
mod record;
pub mod report;
mod run;

pub use io::*;
pub use record::*;
pub use run::*;
