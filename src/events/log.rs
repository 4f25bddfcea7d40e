//! Events and the log that holds them.

use super::context::Context;
use crate::domain::*;
use crate::domain::{CoverKind, Risk, ScenarioKind, WitnessEligibility};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The simulation's fixed rate; event times are `tick / TICK_HZ`.
pub const TICK_HZ: u32 = 60;

/// The id the trainee has in events.
pub const TRAINEE: &str = "trainee";

/// One thing that happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Fixed-step tick at which it happened (60 per second).
    pub tick: u32,
    /// What happened.
    pub kind: EventKind,
    /// What the trainee could perceive at that moment (absent for bookkeeping events).
    #[serde(default)]
    pub ctx: Option<Context>,
}

impl Event {
    /// Seconds since the start.
    pub fn t(&self) -> f32 {
        self.tick as f32 / TICK_HZ as f32
    }
}

/// Why a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndReason {
    /// Every required objective met.
    ObjectivesMet,
    /// The time limit ran out.
    TimeLimit,
    /// The trainee was incapacitated or killed.
    OfficerDown,
    /// Every subject escaped or the scene cannot go on.
    SubjectsGone,
    /// The trainee or instructor ended it.
    Stopped,
}

/// Why an action was refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// The target is out of reach: needs `needed` meters, is `distance` away.
    TooFar {
        /// Distance now.
        distance: f32,
        /// Distance needed.
        needed: f32,
    },
    /// Nobody or nothing to act on.
    NoTarget,
    /// The target id is not on the scene.
    UnknownTarget,
    /// The officer does not carry what it takes.
    NotEquipped,
    /// The tool must be drawn (or selected) first.
    NotReady,
    /// The target is actively resisting or attacking.
    Resisting,
    /// The subject is already handcuffed.
    AlreadyRestrained,
    /// The door is locked.
    Locked,
    /// Nothing to seize or seal.
    NothingToSeize,
    /// The person is not injured.
    NotInjured,
    /// The person declined.
    Declined,
    /// The officer cannot see the target.
    NotVisible,
    /// The officer is incapacitated.
    Incapacitated,
    /// Already done.
    AlreadyDone,
    /// Out of ammunition or cartridges.
    Empty,
}

/// Changes in the trainee's exposure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exposure {
    /// Entered cover of this kind relative to the main threat.
    EnteredCover(CoverKind),
    /// Left cover: in the open.
    LeftCover,
    /// Entered a subject's line of fire (the subject could shoot or see them unhindered).
    EnteredLineOfFire(String),
    /// Left it.
    LeftLineOfFire(String),
    /// Came within the reactionary gap of an unrestrained subject.
    EnteredGap(String),
    /// Left it.
    LeftGap(String),
    /// Stopped in a doorway (the fatal funnel).
    EnteredDoorway(String),
    /// Left the doorway.
    LeftDoorway(String),
    /// A partner or bystander in the line between the trainee's drawn weapon and its target.
    PersonInLine(String),
    /// Nobody in the line any more.
    LineClear(String),
    /// The trainee stood in a partner's line of fire.
    InPartnerLine(String),
    /// Out of it.
    OutOfPartnerLine(String),
    /// Came within contact distance of an occupied vehicle.
    AtVehicle(String),
    /// Moved away from it.
    LeftVehicle(String),
    /// Turned the back on a subject who is not searched.
    BackTurned(String),
    /// Faces them again.
    BackRestored(String),
    /// Building search: the partner (this id) is out of reach of the
    /// trainee inside the building (too far, or out of sight).
    PartnerAway(String),
    /// The partner is within reach again.
    PartnerBack(String),
    /// Building search: the trainee moved on into another room and left
    /// this room (or one whose open doorway they passed) unsearched behind.
    RoomBehind(String),
    /// That room is no longer behind them (searched, or they went back in).
    RoomBehindEnded(String),
    /// The trainee handcuffed this subject with no other officer covering
    /// (none near the subject and in sight of them).
    CuffedUncovered(String),
}

/// What the instructor did from the console.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intervention {
    /// Forced a subject's level.
    SetLevel(String, ResistanceLevel),
    /// Forced a subject to act.
    Act(String, SubjectAction),
    /// Added a bystander.
    AddBystander(String),
    /// Paused the session.
    Pause,
    /// Resumed it.
    Resume,
}

/// How someone was hurt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InjuryCause {
    /// A gunshot.
    Gunshot,
    /// A knife or blunt weapon.
    Weapon,
    /// Blows.
    Blows,
    /// A baton, strike or takedown by an officer.
    ForceApplied,
    /// OC spray.
    Oc,
    /// CEW probes and fall.
    Cew,
}

/// What a partner or backup officer set about doing (each change is logged
/// and shown in the HUD's log, so the trainee knows what the team does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficerMove {
    /// Behind hard cover, watching the subject.
    TookCover,
    /// Watching the subject from the open (no cover within reach).
    Covering,
    /// Walking up to the subject to handcuff or search them.
    MovingUp,
    /// Following a fleeing subject at a safe distance, keeping them in sight.
    Following,
    /// Heading for the way a fleeing subject takes, to cut it off.
    Containing,
}

/// A person present when witnessing was needed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WitnessInfo {
    /// Bystander id.
    pub id: String,
    /// Eligibility under the scenario.
    pub eligibility: WitnessEligibility,
    /// Served before in another arrest (this session or known serial witness).
    pub serial: bool,
}

/// Kinds of event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The session began.
    Started {
        /// Scenario id.
        scenario: String,
        /// Seed.
        seed: u64,
        /// The kind of call, as dispatched (scoring: felony-stop and building-search rules).
        #[serde(default)]
        kind: Option<ScenarioKind>,
        /// The risk of the call as dispatched: what the trainee was told at the
        /// briefing, so scoring may judge on it (a high-risk stop calls for a
        /// felony approach and backup).
        #[serde(default)]
        risk: Option<Risk>,
        /// Ids of the scenario's required objectives (scoring: `outcome.objectives`
        /// names the ones missed).
        #[serde(default)]
        objectives: Vec<String>,
        /// Ids of its optional objectives: a scenario whose objectives are all
        /// optional lists none above and some here (empty in older logs).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        optional: Vec<String>,
        /// What the scenario calls its people and objectives, by id, in each
        /// language: texts show «the driver» (or its Russian or Kazakh name), not «driver».
        /// Empty in older logs, where texts show the ids.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        labels: BTreeMap<String, crate::domain::LocalizedText>,
    },
    /// The session ended.
    Ended {
        /// Why.
        reason: EndReason,
    },
    /// An officer carried out an action (logged before its effects).
    Action {
        /// Officer id (`trainee` or a partner id).
        by: String,
        /// The action.
        action: OfficerAction,
    },
    /// An action was refused.
    Refused {
        /// Officer id.
        by: String,
        /// The action.
        action: OfficerAction,
        /// Why.
        reason: Refusal,
    },
    /// Force applied and its effect.
    ForceOutcome {
        /// Officer id.
        by: String,
        /// Target id.
        target: String,
        /// The option.
        option: ForceOption,
        /// Whether it worked (OC and CEW can fail).
        effective: bool,
    },
    /// A subject's actual resistance level changed (the log keeps the truth;
    /// the context holds what was perceivable).
    LevelChanged {
        /// Subject id.
        subject: String,
        /// Before.
        from: ResistanceLevel,
        /// After.
        to: ResistanceLevel,
    },
    /// A subject did something.
    SubjectActed {
        /// Subject id.
        subject: String,
        /// What.
        action: SubjectAction,
    },
    /// A subject carried out one step of a command.
    Complied {
        /// Subject id.
        subject: String,
        /// The command obeyed.
        command: Command,
    },
    /// Someone said something.
    Said {
        /// Person id.
        who: String,
        /// The line.
        text: LocalizedText,
    },
    /// A weapon came into view.
    WeaponSeen {
        /// Subject id.
        subject: String,
        /// Kind.
        weapon: WeaponKind,
    },
    /// A shot was fired.
    Shot {
        /// Shooter id.
        by: String,
        /// Aimed at.
        at: Option<String>,
        /// Person hit, if any.
        hit: Option<String>,
        /// Stopped by a wall or hard cover.
        stopped: bool,
    },
    /// Someone was hurt.
    Injured {
        /// Person id.
        who: String,
        /// By whom.
        by: Option<String>,
        /// How.
        cause: InjuryCause,
        /// Condition after.
        health: Health,
    },
    /// Someone can no longer act.
    Incapacitated {
        /// Person id.
        who: String,
    },
    /// A subject was handcuffed.
    Restrained {
        /// Subject id.
        subject: String,
        /// By whom.
        by: String,
    },
    /// A person was searched.
    Searched {
        /// Subject id.
        subject: String,
        /// Searching officer.
        by: String,
        /// The searching officer's sex.
        searcher_sex: Sex,
        /// Item ids found.
        found: Vec<String>,
        /// Witnesses present.
        witnesses: Vec<WitnessInfo>,
        /// The found items that are evidence to seize (drugs, weapons, cash);
        /// the others (a driving licence) are not.
        #[serde(default)]
        evidence: Vec<String>,
    },
    /// A vehicle or room was searched.
    PlaceSearched {
        /// Vehicle or zone id.
        place: String,
        /// By whom.
        by: String,
        /// Item or person ids found.
        found: Vec<String>,
        /// Witnesses present.
        witnesses: Vec<WitnessInfo>,
        /// The found items that are evidence to seize (drugs, weapons, cash).
        #[serde(default)]
        evidence: Vec<String>,
    },
    /// Evidence seized.
    Seized {
        /// Item ids.
        items: Vec<String>,
        /// From whom or where.
        from: String,
        /// Witnesses present.
        witnesses: Vec<WitnessInfo>,
    },
    /// Evidence sealed.
    Sealed {
        /// Item ids.
        items: Vec<String>,
        /// Witnesses present.
        witnesses: Vec<WitnessInfo>,
    },
    /// A bystander agreed to act as a witness.
    WitnessJoined(WitnessInfo),
    /// A person was arrested (restrained and the arrest declared).
    Arrested {
        /// Subject id.
        subject: String,
        /// Suspected drug offence (witnesses needed under kz).
        drugs: bool,
        /// Witnesses present.
        witnesses: Vec<WitnessInfo>,
    },
    /// First aid given.
    FirstAid {
        /// Who received it.
        to: String,
        /// By whom.
        by: String,
    },
    /// A person was interviewed; what they revealed.
    Interviewed {
        /// Person id.
        who: String,
        /// Shows signs of being a trafficking victim or child courier.
        victim_signs: bool,
    },
    /// A subject ran: the start of a flight (the HUD raises an alert).
    Flight {
        /// Subject id.
        subject: String,
        /// The exit zone they head for, if any.
        #[serde(default)]
        toward: Option<String>,
        /// Direction of the run from where it starts, degrees (0 = east,
        /// 90 = north), for the radio description.
        #[serde(default)]
        bearing: f32,
    },
    /// A partner or backup officer took up a task.
    OfficerMoved {
        /// Officer id.
        by: String,
        /// What they set about.
        what: OfficerMove,
        /// The subject concerned, if any.
        #[serde(default)]
        subject: Option<String>,
    },
    /// A subject got away.
    Escaped {
        /// Subject id.
        subject: String,
    },
    /// A scripted trigger fired.
    Trigger {
        /// Trigger id.
        id: String,
    },
    /// The instructor intervened.
    Instructor(Intervention),
    /// The trainee's exposure changed.
    Exposure(Exposure),
    /// Dispatch or another unit spoke on the radio.
    Radio {
        /// Who spoke.
        from: String,
        /// What was said.
        text: LocalizedText,
    },
    /// Backup officers arrived.
    BackupArrived {
        /// Their ids.
        officers: Vec<String>,
    },
    /// A crowd's agitation crossed a threshold (0.25 steps).
    CrowdMood {
        /// Crowd id.
        crowd: String,
        /// Agitation 0..1.
        agitation: f32,
        /// Force was used against a peaceful participant in it.
        peaceful_hit: bool,
    },
    /// An assembly's legal status changed (its notified time ran out), or,
    /// at the start, an assembly that is not lawful (notified). Without one a
    /// crowd counts as lawful: the presumption in favour of assembly.
    AssemblyStatus {
        /// Crowd id.
        crowd: String,
        /// Lawful from now on.
        lawful: bool,
    },
    /// An objective was met.
    ObjectiveMet {
        /// Objective id.
        id: String,
    },
}

/// The whole log.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventLog(pub Vec<Event>);

impl EventLog {
    /// Events in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Event> {
        self.0.iter()
    }

    /// Appends an event.
    pub fn push(&mut self, e: Event) {
        self.0.push(e);
    }

    /// Number of events.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
