//! What the trainee (and partner officers) can do. The game, scripts and bots all
//! produce [`OfficerAction`]s; the simulation carries them out or refuses them.

use super::levels::{ForceOption, Tool};
use serde::{Deserialize, Serialize};

/// A verbal command to a subject or a crowd.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// "Stop! Don't move!"
    Stop,
    /// "Show me your hands!"
    ShowHands,
    /// "Turn the engine off!"
    EngineOff,
    /// "Drop the keys out of the window!"
    KeysOut,
    /// "Step out of the vehicle!"
    StepOut,
    /// "Stay in the vehicle!"
    StayInVehicle,
    /// "Walk backwards toward my voice!"
    WalkBackwards,
    /// "Turn around!"
    TurnAround,
    /// "Hands on your head!"
    HandsOnHead,
    /// "Get down on your knees!"
    Kneel,
    /// "Lie face down!"
    Prone,
    /// "Drop the weapon!"
    DropWeapon,
    /// "Step back / move along" (crowds, bystanders).
    MoveBack,
}

impl Command {
    /// Every command.
    pub const ALL: [Command; 13] = [
        Command::Stop,
        Command::ShowHands,
        Command::EngineOff,
        Command::KeysOut,
        Command::StepOut,
        Command::StayInVehicle,
        Command::WalkBackwards,
        Command::TurnAround,
        Command::HandsOnHead,
        Command::Kneel,
        Command::Prone,
        Command::DropWeapon,
        Command::MoveBack,
    ];
}

/// A warning of what force will follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Warning {
    /// "Comply or you will be sprayed / struck."
    Force,
    /// "Taser! Taser!"
    Cew,
    /// "Police! Drop it or I'll shoot!"
    Firearm,
    /// Order to disperse an unlawful assembly.
    Disperse,
}

/// A radio call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RadioCall {
    /// Call in the stop or the call: location, plate, what you have.
    CallIn,
    /// Request backup.
    RequestBackup,
    /// Request an ambulance.
    RequestEms,
    /// Request attesting witnesses to be sent.
    RequestWitnesses,
    /// Request a specialist (victim support, negotiator).
    RequestSpecialist,
    /// Report force used to the supervisor.
    ReportForce,
    /// Report that the scene is secure / suspect in custody.
    ReportSecure,
    /// Run the documents in hand (licence, registration) by radio.
    CheckDocuments,
    /// Broadcast a fleeing suspect: description and direction of travel, so
    /// other units contain the area instead of a lone foot chase.
    BroadcastEscape,
}

/// A procedure carried out on a person, a vehicle or a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Procedure {
    /// Apply handcuffs (needs contact range and a subject who is not actively resisting).
    Handcuff,
    /// Pat-down / personal search.
    Search,
    /// Search a vehicle.
    SearchVehicle,
    /// Search (clear) a room or zone.
    ClearRoom,
    /// Seize what a search found.
    SeizeEvidence,
    /// Seal seized evidence (in front of witnesses where the law asks).
    SealEvidence,
    /// First aid to an injured person.
    FirstAid,
    /// Ask a bystander to act as an attesting witness.
    AskWitness,
    /// Ask a person who they are and what happened (field interview).
    Interview,
    /// Open a door.
    OpenDoor,
    /// Close a door.
    CloseDoor,
    /// Traffic stop: tell the driver why they were stopped.
    ExplainReason,
    /// Traffic stop: ask for the driving licence and registration.
    AskDocuments,
    /// Traffic stop: decide on a warning and explain it.
    GiveWarning,
    /// Traffic stop: write a citation (a fine) and explain it.
    IssueCitation,
    /// Traffic stop: return the papers and let the driver go (closes the stop).
    Release,
}

impl Procedure {
    /// The steps of a routine traffic stop, in the order they are taken.
    pub const TRAFFIC_STOP: [Procedure; 5] = [
        Procedure::ExplainReason,
        Procedure::AskDocuments,
        Procedure::GiveWarning,
        Procedure::IssueCitation,
        Procedure::Release,
    ];

    /// True for a step of the traffic stop (talk with the driver, not hands on).
    pub fn is_stop_step(self) -> bool {
        Procedure::TRAFFIC_STOP.contains(&self)
    }
}

/// Anything an officer can do, apart from walking and turning (which are
/// continuous input, not discrete decisions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Act {
    /// "Police!": identify yourself.
    Identify,
    /// A verbal command.
    Command(Command),
    /// A warning before force.
    Warn(Warning),
    /// Calm, de-escalating talk (empathy, explanation, time).
    Talk,
    /// A radio call.
    Radio(RadioCall),
    /// Select a tool (keys 1..5); does not draw it.
    Select(Tool),
    /// Draw the selected tool.
    Draw,
    /// Aim the drawn tool at the target.
    Aim,
    /// Lower to low ready (drawn, not aimed).
    Lower,
    /// Put the tool back in its holster.
    Holster,
    /// Apply a force option to the target.
    Force(ForceOption),
    /// A procedure on the target.
    Do(Procedure),
}

/// One discrete decision with the id of whom or what it is aimed at
/// (a subject, bystander, vehicle, door or zone id; `None` for the nearest
/// person in front of the officer, or none needed).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OfficerAction {
    /// What is done.
    pub act: Act,
    /// At whom or what.
    #[serde(default)]
    pub target: Option<String>,
}

impl OfficerAction {
    /// An action with no explicit target.
    pub fn new(act: Act) -> Self {
        OfficerAction { act, target: None }
    }

    /// An action aimed at the given id.
    pub fn at(act: Act, target: impl Into<String>) -> Self {
        OfficerAction {
            act,
            target: Some(target.into()),
        }
    }
}
