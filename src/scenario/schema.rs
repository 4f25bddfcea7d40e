//! The scenario file format (RON), as instructors write it. Every struct here
//! denies unknown fields so a misspelt field is reported, not ignored.
//! Optional fields take `#[serde(default)]`; files are parsed with RON's
//! `implicit_some` so `weapon: (kind: knife, ...)` needs no `Some(...)`.

use crate::domain::*;
pub use crate::domain::{CoverKind, Risk, ScenarioKind, WitnessEligibility};
use serde::{Deserialize, Serialize};

/// A whole scenario file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Stable id (lowercase, digits, `_`), unique across the library.
    pub id: String,
    /// Title shown in the scenario picker.
    pub title: LocalizedText,
    /// Dispatch text read at the briefing.
    pub briefing: LocalizedText,
    /// The kind of call.
    pub kind: ScenarioKind,
    /// Risk level of the call as dispatched.
    pub risk: Risk,
    /// What the cadet should learn here.
    #[serde(default)]
    pub learning_objectives: Vec<LocalizedText>,
    /// Seconds before the scenario ends on its own.
    pub time_limit: f32,
    /// Policy id used when none is given on the command line (`generic`, `us_iacp`, `kz`).
    #[serde(default = "default_policy")]
    pub policy: String,
    /// The light: `day` (default), or `dark`, where the flashlight's cone
    /// is the only light (officers see within it and a short radius, and a
    /// lit flashlight is seen from afar).
    #[serde(default, skip_serializing_if = "Light::is_day")]
    pub light: Light,
    /// The place.
    pub map: Map,
    /// The trainee and partner officers.
    pub officers: Officers,
    /// People the call is about.
    #[serde(default)]
    pub subjects: Vec<Subject>,
    /// Other people present.
    #[serde(default)]
    pub bystanders: Vec<Bystander>,
    /// Crowds (public assemblies).
    #[serde(default)]
    pub crowds: Vec<Crowd>,
    /// Scripted branches.
    #[serde(default)]
    pub triggers: Vec<Trigger>,
    /// What success means.
    pub objectives: Vec<Objective>,
}

fn default_policy() -> String {
    "generic".to_string()
}

/// The map: a rectangle in meters with walls, doors, vehicles, cover and zones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Map {
    /// Width and height in meters; the map spans `(0,0)`..`(w,h)`.
    pub size: Pt,
    /// Ground look, for drawing only.
    #[serde(default)]
    pub ground: Ground,
    /// Walls: segments with a thickness.
    #[serde(default)]
    pub walls: Vec<Wall>,
    /// Doors in walls.
    #[serde(default)]
    pub doors: Vec<Door>,
    /// Vehicles.
    #[serde(default)]
    pub vehicles: Vec<Vehicle>,
    /// Cover and concealment objects.
    #[serde(default)]
    pub cover: Vec<CoverObject>,
    /// Named areas (rooms, exits, the assembly area).
    #[serde(default)]
    pub zones: Vec<Zone>,
}

/// How much light there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    /// Daylight or a lit place: the normal sight range.
    #[default]
    Day,
    /// Dark: only the flashlight's cone lights the way.
    Dark,
}

impl Light {
    /// Whether it is daylight.
    pub fn is_day(&self) -> bool {
        *self == Light::Day
    }
}

/// What the ground looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Ground {
    /// A road.
    #[default]
    Road,
    /// Indoors.
    Floor,
    /// A square or park.
    Plaza,
    /// Grass and dirt.
    Field,
}

/// A wall segment: blocks movement, sight and rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wall {
    /// One end.
    pub from: Pt,
    /// The other end.
    pub to: Pt,
    /// Thickness in meters.
    #[serde(default = "default_wall_thickness")]
    pub thickness: f32,
}

fn default_wall_thickness() -> f32 {
    0.2
}

/// A door: a gap in a wall that can be open, closed or locked. A closed door
/// blocks movement and sight; it stops no rounds (treated as soft cover).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Door {
    /// Stable id.
    pub id: String,
    /// Centre of the doorway.
    pub at: Pt,
    /// Width of the doorway in meters.
    #[serde(default = "default_door_width")]
    pub width: f32,
    /// Direction of the wall it sits in.
    #[serde(default)]
    pub orientation: Orientation,
    /// Initial state.
    #[serde(default)]
    pub state: DoorState,
    /// Name used in findings and on the map («the back door»). Without one,
    /// texts name the room it opens into («the door to the Storeroom»).
    #[serde(default)]
    pub label: Option<LocalizedText>,
}

fn default_door_width() -> f32 {
    0.9
}

/// Direction of a door's wall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// The wall runs east-west.
    #[default]
    Horizontal,
    /// The wall runs north-south.
    Vertical,
}

/// Door state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DoorState {
    /// Open.
    Open,
    /// Closed, can be opened.
    #[default]
    Closed,
    /// Locked: cannot be opened by the trainee.
    Locked,
}

/// A vehicle. Its engine block (front third) is hard cover; the rest (doors,
/// cabin) is soft cover: it hides but does not stop rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vehicle {
    /// Stable id.
    pub id: String,
    /// Kind, for drawing and defaults.
    #[serde(default)]
    pub kind: VehicleKind,
    /// Centre.
    pub position: Pt,
    /// Heading in degrees: 0 = facing east (+x), 90 = north (+y).
    #[serde(default)]
    pub heading: f32,
    /// Length and width in meters.
    #[serde(default = "default_vehicle_size")]
    pub size: Pt,
    /// Licence plate, read out when calling in the stop.
    #[serde(default)]
    pub plate: String,
    /// Whether the engine runs at the start.
    #[serde(default)]
    pub engine_running: bool,
    /// Evidence hidden in it, found by a vehicle search.
    #[serde(default)]
    pub contents: Vec<Item>,
}

impl Vehicle {
    /// The engine block, the front third (hard cover): its centre, and half
    /// its length and width along `heading`.
    pub fn engine_block(&self) -> (Pt, Pt) {
        self.part(self.size.0 / 3.0, self.size.0 / 6.0)
    }

    /// The cabin, the back two thirds (soft cover): centre and half extents.
    pub fn cabin(&self) -> (Pt, Pt) {
        self.part(-self.size.0 / 6.0, self.size.0 / 3.0)
    }

    /// A slice of the vehicle whose centre lies `forward` meters ahead of the
    /// vehicle's centre.
    fn part(&self, forward: f32, half_len: f32) -> (Pt, Pt) {
        let h = self.heading.to_radians();
        let centre = (
            self.position.0 + h.cos() * forward,
            self.position.1 + h.sin() * forward,
        );
        (centre, (half_len, self.size.1 / 2.0))
    }
}

fn default_vehicle_size() -> Pt {
    (4.6, 1.8)
}

/// Vehicle kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum VehicleKind {
    /// A civilian car.
    #[default]
    Car,
    /// The trainee's patrol car.
    Patrol,
    /// A van or truck.
    Van,
}

/// A cover or concealment object: a box at a position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverObject {
    /// Stable id (optional; used in messages).
    #[serde(default)]
    pub id: String,
    /// Hard cover stops rounds; soft cover only hides.
    pub kind: CoverKind,
    /// Centre.
    pub position: Pt,
    /// Width and height in meters.
    pub size: Pt,
    /// Rotation in degrees.
    #[serde(default)]
    pub rotation: f32,
    /// What it is, for drawing (`"concrete planter"`, `"hedge"`).
    #[serde(default)]
    pub label: String,
    /// Low enough to see over (a planter, a bench, a glass shelter): it
    /// blocks no sight, and still stops rounds when hard. Tall cover (a
    /// kiosk, shelving) hides what is behind it.
    #[serde(default)]
    pub low: bool,
}

/// A named rectangle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    /// Stable id.
    pub id: String,
    /// Lower-left corner.
    pub min: Pt,
    /// Upper-right corner.
    pub max: Pt,
    /// What the zone is.
    #[serde(default)]
    pub role: ZoneRole,
    /// Name shown on the map, if any.
    #[serde(default)]
    pub label: Option<LocalizedText>,
}

/// What a zone is for; the simulation uses exits for fleeing, rooms for clearing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum ZoneRole {
    /// Just a named area.
    #[default]
    Area,
    /// A room to be cleared in a building search.
    Room,
    /// Where fleeing people head; reaching it with nobody in pursuit is an escape.
    Exit,
    /// Where an assembly takes place.
    Assembly,
    /// A hiding place.
    Hiding,
}

/// The trainee and the partners.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Officers {
    /// The cadet.
    pub trainee: TraineeSpawn,
    /// Partner officers run by the simulation.
    #[serde(default)]
    pub partners: Vec<Partner>,
    /// Backup that arrives when requested by radio, after a delay.
    #[serde(default)]
    pub backup: Option<Backup>,
}

/// Where the trainee starts and what they carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TraineeSpawn {
    /// Start position.
    pub spawn: Pt,
    /// Facing in degrees (0 = east).
    #[serde(default)]
    pub heading: f32,
    /// Sex of the trainee's officer (for the same-sex search rule).
    #[serde(default)]
    pub sex: Sex,
    /// Equipment carried.
    #[serde(default = "Equipment::standard")]
    pub equipment: Vec<Equipment>,
}

/// Equipment on an officer's belt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Equipment {
    /// Radio.
    Radio,
    /// Flashlight.
    Flashlight,
    /// Handcuffs.
    Handcuffs,
    /// OC spray.
    Oc,
    /// Baton.
    Baton,
    /// Conducted energy weapon.
    Cew,
    /// Handgun.
    Handgun,
    /// First-aid kit.
    FirstAidKit,
    /// Evidence bags and seals.
    EvidenceKit,
}

impl Equipment {
    /// A patrol officer's standard belt.
    pub fn standard() -> Vec<Equipment> {
        vec![
            Equipment::Radio,
            Equipment::Flashlight,
            Equipment::Handcuffs,
            Equipment::Oc,
            Equipment::Baton,
            Equipment::Cew,
            Equipment::Handgun,
            Equipment::FirstAidKit,
            Equipment::EvidenceKit,
        ]
    }
}

/// A partner officer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// Stable id.
    pub id: String,
    /// Contact (talks, searches) or cover (watches, protects).
    pub role: PartnerRole,
    /// Start position.
    pub spawn: Pt,
    /// Sex (a partner of the subject's sex can do the personal search).
    #[serde(default)]
    pub sex: Sex,
    /// Equipment carried.
    #[serde(default = "Equipment::standard")]
    pub equipment: Vec<Equipment>,
}

/// Contact and cover roles (San Diego PD).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerRole {
    /// Talks to and searches the subject.
    Contact,
    /// Watches the threat and protects; handcuffs on request in a felony stop.
    Cover,
}

/// Backup officers that arrive after a radio request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// Seconds from the request to arrival.
    pub delay: f32,
    /// Where they appear.
    pub spawn: Pt,
    /// How many officers.
    #[serde(default = "one")]
    pub count: u32,
}

fn one() -> u32 {
    1
}

/// A person the call is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    /// Stable id.
    pub id: String,
    /// Name used in texts ("the driver").
    #[serde(default)]
    pub name: Option<LocalizedText>,
    /// Role in the call.
    #[serde(default)]
    pub role: SubjectRole,
    /// Sex.
    #[serde(default)]
    pub sex: Sex,
    /// Apparent age group.
    #[serde(default)]
    pub age: AgeGroup,
    /// Visible disability.
    #[serde(default)]
    pub disability: Disability,
    /// Start position.
    pub spawn: Pt,
    /// Facing in degrees.
    #[serde(default)]
    pub heading: f32,
    /// Seated in this vehicle at the start.
    #[serde(default)]
    pub in_vehicle: Option<String>,
    /// Absent at the start; a trigger's `spawn` effect brings them in.
    #[serde(default)]
    pub hidden: bool,
    /// The weapon, if any.
    #[serde(default)]
    pub weapon: Option<Weapon>,
    /// What the briefing told the trainee about this subject (`reported:
    /// [armed]`): judged as perceived until a search clears it, whatever the
    /// truth (a trigger's `report` effect can tell it later, by radio).
    #[serde(default)]
    pub reported: Vec<Report>,
    /// Contraband or evidence on the person, found by a search.
    #[serde(default)]
    pub carrying: Vec<Item>,
    /// Temperament.
    #[serde(default)]
    pub temperament: Temperament,
    /// Starting resistance level.
    #[serde(default)]
    pub resistance: ResistanceLevel,
    /// How they react: checked in order, every matching transition rolls its chance.
    #[serde(default)]
    pub behaviour: Vec<Transition>,
    /// Extra cues shown at given levels, beyond the defaults the simulation derives.
    #[serde(default)]
    pub cues: Vec<LevelCues>,
    /// Lines spoken at given levels, shown as speech bubbles.
    #[serde(default)]
    pub lines: Vec<Line>,
}

/// What an officer can be told about a subject before seeing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Report {
    /// Consider him armed.
    Armed,
}

/// Role of a subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum SubjectRole {
    /// Suspect of the offence.
    #[default]
    Suspect,
    /// Driver of a stopped vehicle.
    Driver,
    /// Passenger.
    Passenger,
    /// A victim (of trafficking, an assault).
    Victim,
    /// A crowd agitator.
    Agitator,
    /// A person questioned in a field interview.
    Interviewee,
}

/// A weapon and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Weapon {
    /// Kind.
    pub kind: WeaponKind,
    /// Concealed or visible at the start.
    #[serde(default = "concealed")]
    pub carry: Carry,
    /// Where.
    #[serde(default)]
    pub place: WeaponPlace,
}

fn concealed() -> Carry {
    Carry::Concealed
}

/// An item a search can find.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id.
    pub id: String,
    /// What it is.
    pub kind: ItemKind,
    /// Description.
    #[serde(default)]
    pub label: Option<LocalizedText>,
}

/// Kinds of item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// Narcotics: a drug arrest needs witnesses in Kazakhstan.
    Drugs,
    /// A weapon.
    Weapon,
    /// Cash.
    Cash,
    /// Identity papers (a trafficking victim's may be held by a controller).
    Documents,
    /// Anything else.
    Other,
}

/// One reaction rule: `on` a stimulus, `if` conditions hold, with `chance`,
/// change `to` a level and/or `act`, and optionally `say` a line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    /// What sets it off.
    pub on: Stimulus,
    /// Conditions that must all hold.
    #[serde(default, rename = "if")]
    pub conditions: Vec<Condition>,
    /// Probability 0..1 that it fires when it matches.
    #[serde(default = "certain")]
    pub chance: f32,
    /// New resistance level.
    #[serde(default)]
    pub to: Option<ResistanceLevel>,
    /// Action taken.
    #[serde(default)]
    pub act: Option<SubjectAction>,
    /// Line spoken.
    #[serde(default)]
    pub say: Option<LocalizedText>,
}

fn certain() -> f32 {
    1.0
}

/// What a subject reacts to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stimulus {
    /// Any verbal command addressed to them.
    AnyCommand,
    /// A specific command.
    Command(Command),
    /// A warning.
    Warning,
    /// De-escalating talk.
    Talk,
    /// The officer identified as police.
    Identified,
    /// An officer within `distance` meters (checked once a second).
    Near(f32),
    /// A weapon drawn near them.
    WeaponDrawn,
    /// A weapon aimed at them.
    WeaponAimed,
    /// Any force applied to them.
    AnyForce,
    /// A specific force option applied to them.
    Force(ForceOption),
    /// Once a second, always (time passing).
    Tick,
    /// A shot fired anywhere.
    ShotFired,
    /// An officer went down.
    OfficerDown,
    /// More officers arrived (backup).
    BackupArrived,
    /// They were handcuffed.
    Handcuffed,
    /// A step of the traffic stop addressed to them:
    /// `procedure(ask_documents)`, `procedure(release)`...
    Procedure(Procedure),
}

/// A condition on the subject's situation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Current level is exactly this.
    Level(ResistanceLevel),
    /// Current level is at least this.
    LevelAtLeast(ResistanceLevel),
    /// Current level is at most this.
    LevelAtMost(ResistanceLevel),
    /// Nearest officer closer than this many meters.
    Closer(f32),
    /// Nearest officer farther than this many meters.
    Farther(f32),
    /// At least this many officers within 10 m.
    OfficersAtLeast(u32),
    /// Agitation (0..1) at least this.
    AgitationAbove(f32),
    /// Agitation below this.
    AgitationBelow(f32),
    /// Seconds since the scenario started at least this.
    After(f32),
    /// Seconds since the scenario started below this.
    Before(f32),
    /// The subject is in this zone.
    InZone(String),
    /// The trainee has identified as police.
    OfficerIdentified,
    /// A weapon is aimed at them.
    Aimed,
    /// They can see an officer.
    SeesOfficer,
    /// No officer within 10 m has them in sight (field of view included):
    /// nobody is watching their hands (contact and cover).
    Unwatched,
}

/// Cues added at a level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelCues {
    /// The level.
    pub level: ResistanceLevel,
    /// Cues shown while at it.
    pub show: Vec<Cue>,
}

/// A line spoken on reaching a level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// The level.
    pub level: ResistanceLevel,
    /// What they say.
    pub say: LocalizedText,
}

/// A bystander.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bystander {
    /// Stable id.
    pub id: String,
    /// Name used in texts.
    #[serde(default)]
    pub name: Option<LocalizedText>,
    /// Start position.
    pub spawn: Pt,
    /// Sex.
    #[serde(default)]
    pub sex: Sex,
    /// Apparent age group.
    #[serde(default)]
    pub age: AgeGroup,
    /// Whether they may serve as an attesting witness (Kazakh CPC art. 90).
    #[serde(default)]
    pub witness: WitnessEligibility,
    /// Walks around in this zone; stands still when `None`.
    #[serde(default)]
    pub wanders_in: Option<String>,
    /// Absent at the start; a trigger's `spawn` effect brings them in.
    #[serde(default)]
    pub hidden: bool,
    /// Agrees to act as a witness when asked.
    #[serde(default = "yes")]
    pub agrees: bool,
    /// Known to have served as a witness in earlier arrests (a serial witness,
    /// barred by Kazakh CPC art. 90(3)).
    #[serde(default)]
    pub serial: bool,
}

fn yes() -> bool {
    true
}

/// A crowd of many light agents (public assemblies).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crowd {
    /// Stable id.
    pub id: String,
    /// Number of people.
    pub count: u32,
    /// Zone they stand in.
    pub zone: String,
    /// Starting agitation 0..1.
    #[serde(default)]
    pub agitation: f32,
    /// Subject ids among them who agitate (raise agitation nearby).
    #[serde(default)]
    pub agitators: Vec<String>,
    /// Whether the assembly is lawful (notified).
    #[serde(default = "yes")]
    pub lawful: bool,
}

/// A scripted branch: when `when` holds, with `chance`, apply `effects`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    /// Stable id.
    pub id: String,
    /// Condition.
    pub when: TriggerCondition,
    /// Probability 0..1, rolled once when the condition first holds.
    #[serde(default = "certain")]
    pub chance: f32,
    /// Fire at most once (default) or every time the condition becomes true.
    #[serde(default = "yes")]
    pub once: bool,
    /// What happens.
    pub effects: Vec<Effect>,
}

/// Who a trigger condition watches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Who {
    /// The trainee.
    Trainee,
    /// Any officer.
    AnyOfficer,
    /// A subject or bystander by id.
    Person(String),
}

/// Trigger conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TriggerCondition {
    /// At or after this many seconds.
    Time(f32),
    /// Someone entered a zone: `zone_entered(who: trainee, zone: "hall")`.
    ZoneEntered {
        /// Who.
        who: Who,
        /// Zone id.
        zone: String,
    },
    /// A subject reached a level: `subject_level(subject: "driver", level: active)`.
    SubjectLevel {
        /// Subject id.
        subject: String,
        /// Level reached or exceeded.
        level: ResistanceLevel,
    },
    /// A subject began an action: `subject_acted(subject: "man", action: surrender)`.
    SubjectActed {
        /// Subject id.
        subject: String,
        /// The action.
        action: SubjectAction,
    },
    /// The trainee did something: `action_taken(act: radio(call_in))`.
    ActionTaken {
        /// The action.
        act: Act,
    },
    /// The trainee came within `meters` of a person: `distance(to: "driver", below: 3.0)`.
    Distance {
        /// Person id.
        to: String,
        /// Meters.
        below: f32,
    },
    /// Another trigger fired.
    Fired(String),
    /// All of these hold.
    All(Vec<TriggerCondition>),
    /// Any of these holds.
    Any(Vec<TriggerCondition>),
}

/// What a trigger does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Bring in a hidden subject or bystander.
    Spawn(String),
    /// Set a subject's resistance level: `set_level(subject: "driver", level: active)`.
    SetLevel {
        /// Subject id.
        subject: String,
        /// New level.
        level: ResistanceLevel,
    },
    /// Make a subject act: `act(subject: "driver", action: flee)`.
    Act {
        /// Subject id.
        subject: String,
        /// What they do.
        action: SubjectAction,
    },
    /// A person says a line: `say(who: "driver", text: {"en": "..."})`.
    Say {
        /// Person id.
        who: String,
        /// The line.
        text: LocalizedText,
    },
    /// Dispatch says something on the radio.
    Radio(LocalizedText),
    /// Reveal a concealed weapon (drawn into view).
    RevealWeapon(String),
    /// Tell the trainee something about a subject, with a radio message:
    /// `report(subject: "driver", report: armed, text: {"en": "Consider him armed."})`.
    Report {
        /// Subject id.
        subject: String,
        /// What is reported.
        report: Report,
        /// What dispatch says.
        text: LocalizedText,
    },
    /// Change a crowd's agitation by this much.
    Agitate {
        /// Crowd id.
        crowd: String,
        /// Change, -1..1.
        by: f32,
    },
    /// Change an assembly's legal status: `assembly(crowd: "rally", lawful:
    /// false)` when its notified time runs out (logged as `AssemblyStatus`).
    Assembly {
        /// Crowd id.
        crowd: String,
        /// Lawful (notified) from now on, or not.
        lawful: bool,
    },
    /// Open, close or lock a door.
    Door {
        /// Door id.
        door: String,
        /// New state.
        state: DoorState,
    },
}

/// What success means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Objective {
    /// Stable id.
    pub id: String,
    /// What must hold.
    pub goal: Goal,
    /// Text shown in the HUD.
    pub text: LocalizedText,
    /// Whether the scenario ends when all required objectives are met.
    #[serde(default = "yes")]
    pub required: bool,
}

/// Objective goals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    /// The subject handcuffed (and searched).
    Custody(String),
    /// Every room zone listed searched, nobody hiding left unfound.
    AreaCleared(Vec<String>),
    /// The crowd kept peaceful to the end (no force on peaceful participants).
    AssemblyPeaceful(String),
    /// The person recognised as a victim and separated from the controller.
    VictimIdentified(String),
    /// Evidence found on the subject seized and sealed.
    EvidenceSealed(String),
    /// The person questioned and released or detained as appropriate.
    Interviewed(String),
    /// The traffic stop closed: the driver told the decision and released.
    Released(String),
    /// The driver's papers handed over and run by radio.
    DocumentsChecked(String),
    /// The stop called in.
    CalledIn,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn engine_block_and_cabin_split_the_vehicle_front_third_and_rest() {
        let car = Vehicle {
            id: "car".into(),
            kind: VehicleKind::default(),
            position: (10.0, 5.0),
            heading: 90.0,
            size: (4.5, 1.8),
            plate: String::new(),
            engine_running: false,
            contents: Vec::new(),
        };
        let ((ex, ey), (ehl, ehw)) = car.engine_block();
        let ((cx, cy), (chl, chw)) = car.cabin();
        // Facing north: the engine is ahead in +y, and the two meet.
        assert!((ex - 10.0).abs() < 1e-5 && (cx - 10.0).abs() < 1e-5);
        assert!(
            (ey - 6.5).abs() < 1e-5 && (cy - 4.25).abs() < 1e-5,
            "{ey} {cy}"
        );
        assert!((ehl - 0.75).abs() < 1e-5 && (chl - 1.5).abs() < 1e-5);
        assert!(((ey - ehl) - (cy + chl)).abs() < 1e-5);
        assert_eq!((ehw, chw), (0.9, 0.9));
    }
}
