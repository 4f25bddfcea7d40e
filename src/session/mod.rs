//! Session records: what a run produced, saved as versioned RON
//! (atomic save, incremental saver, load with positioned errors).

mod io;
mod record;

pub use io::*;
pub use record::*;
