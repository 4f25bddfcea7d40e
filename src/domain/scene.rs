//! The scene as the doctrine names it: the kind and risk of a call, cover,
//! and who may be an attesting witness. Scenario files use these names.

use serde::{Deserialize, Serialize};

/// The kinds of call in the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScenarioKind {
    /// Traffic stop (low or medium risk).
    TrafficStop,
    /// Building search.
    BuildingSearch,
    /// Detaining an armed suspect in a vehicle (felony stop).
    ArmedVehicle,
    /// Detaining an armed suspect in a building.
    ArmedBuilding,
    /// Field interview.
    FieldInterview,
    /// Arrest and personal search (with attesting witnesses).
    ArrestSearch,
    /// Public assembly.
    PublicAssembly,
    /// Highway or border checkpoint.
    Checkpoint,
}

impl ScenarioKind {
    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            ScenarioKind::TrafficStop => "traffic_stop",
            ScenarioKind::BuildingSearch => "building_search",
            ScenarioKind::ArmedVehicle => "armed_vehicle",
            ScenarioKind::ArmedBuilding => "armed_building",
            ScenarioKind::FieldInterview => "field_interview",
            ScenarioKind::ArrestSearch => "arrest_search",
            ScenarioKind::PublicAssembly => "public_assembly",
            ScenarioKind::Checkpoint => "checkpoint",
        }
    }
}

/// Risk of the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    /// Low risk.
    Low,
    /// Medium risk.
    Medium,
    /// High risk.
    High,
}

impl Risk {
    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            Risk::Low => "low",
            Risk::Medium => "medium",
            Risk::High => "high",
        }
    }
}

/// Cover (stops rounds) or concealment (only hides).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverKind {
    /// Stops rounds and hides.
    Hard,
    /// Hides but does not stop rounds.
    Soft,
}

/// Whether a person may be an attesting witness, and if not, why
/// (Kazakh Criminal Procedure Code 2014, art. 90).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum WitnessEligibility {
    /// A disinterested adult.
    #[default]
    Eligible,
    /// A police officer.
    Police,
    /// A student of a law-enforcement school (a cadet).
    LawEnforcementStudent,
    /// Court staff.
    CourtStaff,
    /// A probationer.
    Probationer,
    /// Under prosecution.
    UnderProsecution,
    /// A relative of the suspect.
    Relative,
    /// A minor.
    Minor,
    /// Dependent on the investigating body.
    Dependent,
}
