//! Every rule id the scoring engine implements: the list lives in
//! [`crate::domain::rules`] (below policies, which validate against it);
//! re-exported here where the engine's callers look for it.

pub use crate::domain::{RULE_IDS, RuleId};
