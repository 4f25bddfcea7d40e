//! Built-in trainee bots. Each acts only on the [`TraineeView`](super::TraineeView)
//! (what the trainee could perceive), the static layout of the map and the
//! briefing (where dispatch says the call is), and the policy the trainee
//! works under.
//!
//! - `by_the_book` follows the doctrine (domain.md) and should pass;
//! - `aggressive` closes in and uses force early and high, and should fail;
//! - `passive` only talks and ignores cover, and should fail where there is
//!   a deadly threat.

mod aggressive;
mod by_the_book;
mod kit;
mod passive;

pub use aggressive::Aggressive;
pub use by_the_book::ByTheBook;
pub use passive::Passive;

use super::TraineeDriver;
use crate::policy::Policy;
use crate::scenario::Scenario;

/// Names of the built-in bots.
pub const NAMES: [&str; 3] = ["by_the_book", "aggressive", "passive"];

/// A bot by name for `scenario` under `policy`; `None` for an unknown name.
pub fn by_name(name: &str, scenario: &Scenario, policy: &Policy) -> Option<Box<dyn TraineeDriver>> {
    match name {
        "by_the_book" => Some(Box::new(ByTheBook::new(scenario, policy))),
        "aggressive" => Some(Box::new(Aggressive::new(scenario, policy))),
        "passive" => Some(Box::new(Passive::new(scenario, policy))),
        _ => None,
    }
}
