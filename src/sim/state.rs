//! The simulation's model of the scene: one resource holding every person,
//! door, vehicle and crowd in a stable order (the trainee first, then partners,
//! subjects, bystanders, crowd members, backup in spawn order). Systems iterate
//! it by index, so a run draws its random numbers in the same order every time.
//! Rapier holds only the geometry (walls, doors, vehicles, cover, bodies).
//! Tests and the game may read it; it is not a stable contract (the
//! resources in `api` are).

use crate::domain::Command;
use crate::domain::*;
use crate::scenario::schema::{DoorState, Item, PartnerRole};
use bevy::math::Vec2;
use bevy::prelude::*;
use std::collections::VecDeque;

/// Walking speed, m/s.
pub const WALK: f32 = 1.4;
/// Running speed, m/s.
pub const RUN: f32 = 6.0;
/// Radius of a person's body, m.
pub const BODY_RADIUS: f32 = 0.25;
/// Ticks per second.
pub const HZ: u32 = crate::events::TICK_HZ;
/// Seconds per tick.
pub const DT: f32 = 1.0 / HZ as f32;
/// A `down_until` that never passes.
pub const FOREVER: u32 = u32::MAX;

/// Lifecycle of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Colliders were just spawned; rapier takes one step to index them.
    Warmup,
    /// Ticking.
    Running,
    /// Ended; nothing moves any more.
    Ended,
}

/// The whole scene.
#[derive(Resource, Debug)]
pub struct SimState {
    /// Lifecycle.
    pub phase: Phase,
    /// Tick being simulated (events are stamped with it).
    pub tick: u32,
    /// Everyone, trainee at index 0.
    pub people: Vec<Person>,
    /// Doors, in scenario order.
    pub doors: Vec<DoorRt>,
    /// Vehicles, in scenario order.
    pub vehicles: Vec<VehicleRt>,
    /// Crowds, in scenario order.
    pub crowds: Vec<CrowdRt>,
    /// Trigger bookkeeping, in scenario order.
    pub triggers: Vec<TriggerRt>,
    /// Objective met flags, in scenario order.
    pub objectives_met: Vec<bool>,
    /// Room zones cleared.
    pub cleared: Vec<String>,
    /// Bystander indices who agreed to witness, in order of joining.
    pub witnesses: Vec<usize>,
    /// Item ids seized and not yet sealed, with where they came from.
    pub seized_unsealed: Vec<(String, String)>,
    /// Item ids sealed.
    pub sealed: Vec<String>,
    /// Lines heard recently: (tick, who, text).
    pub heard: Vec<(u32, String, LocalizedText)>,
    /// Shots in the last half second: (tick, from, to).
    pub tracers: Vec<(u32, Vec2, Vec2)>,
    /// The subject arrested last (what a search or seizure after it concerns).
    pub last_arrest: Option<usize>,
    /// Tick at which requested backup arrives.
    pub backup_due: Option<u32>,
    /// Acts the trainee carried out this tick (for `action_taken` triggers).
    pub acted: Vec<Act>,
    /// Event kinds the trainee noticed this tick (`shot`, `officer_down`...).
    pub noticed: Vec<&'static str>,
    /// A shot was fired this tick (stimulus for every subject).
    pub shot_this_tick: bool,
    /// An officer went down this tick.
    pub officer_down_this_tick: bool,
    /// Backup arrived this tick.
    pub backup_arrived_this_tick: bool,
    /// Stimuli for subjects, handled at the next `Ai` step: (subject index, stimulus).
    pub stimuli: Vec<(usize, Stim)>,
    /// Officer actions to carry out in `Act`: (officer index, action).
    pub orders: Vec<(usize, OfficerAction)>,
    /// The scenario is dark: sight needs a flashlight (`perception::can_see`).
    pub dark: bool,
}

impl SimState {
    /// Index of the person with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.people.iter().position(|p| p.id == id)
    }

    /// The trainee.
    pub fn trainee(&self) -> &Person {
        &self.people[0]
    }

    /// The trainee's officer state.
    pub fn trainee_officer(&self) -> &OfficerState {
        self.people[0].officer().expect("trainee is an officer")
    }

    /// Seconds since the start.
    pub fn seconds(&self) -> f32 {
        self.tick as f32 * DT
    }

    /// Index of a vehicle by id.
    pub fn vehicle(&self, id: &str) -> Option<usize> {
        self.vehicles.iter().position(|v| v.id == id)
    }

    /// Index of a door by id.
    pub fn door(&self, id: &str) -> Option<usize> {
        self.doors.iter().position(|d| d.id == id)
    }
}

/// Something a subject reacts to (besides time and distance, which the
/// behaviour system checks once a second).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stim {
    /// A command from this officer.
    Command(Command, usize),
    /// A warning.
    Warning,
    /// De-escalating talk.
    Talk,
    /// An officer identified as police.
    Identified,
    /// A weapon drawn near them.
    WeaponDrawn,
    /// A weapon aimed at them.
    WeaponAimed,
    /// Force applied to them.
    Force(ForceOption),
    /// A shot fired anywhere.
    ShotFired,
    /// An officer went down.
    OfficerDown,
    /// Backup arrived.
    BackupArrived,
    /// They were handcuffed.
    Handcuffed,
    /// A step of the traffic stop addressed to them (the reason, the papers,
    /// the decision, the release).
    Procedure(Procedure),
}

/// A person on (or waiting to come onto) the scene.
#[derive(Debug, Clone)]
pub struct Person {
    /// Id used in events.
    pub id: String,
    /// Who they are.
    pub kind: crate::sim::PersonKind,
    /// Sex.
    pub sex: Sex,
    /// Apparent age.
    pub age: AgeGroup,
    /// Visible disability.
    pub disability: Disability,
    /// Position.
    pub pos: Vec2,
    /// Heading, radians.
    pub heading: f32,
    /// Speed moved in the last tick, m/s.
    pub speed: f32,
    /// On scene (false while hidden before a spawn, after escaping or leaving).
    pub present: bool,
    /// Condition.
    pub health: Health,
    /// Cannot act before this tick (`FOREVER`: for good).
    pub down_until: u32,
    /// Desired velocity this tick, m/s (set by AI or input, applied by movement).
    pub want: Vec2,
    /// Point to face this tick, if any.
    pub face: Option<Vec2>,
    /// Vehicle they sit in.
    pub in_vehicle: Option<usize>,
    /// What they are saying and until when.
    pub speech: Option<(LocalizedText, u32)>,
    /// Rapier body (none for crowd members).
    pub body: Option<Entity>,
    /// What they are on the scene, with the state that goes with it.
    pub role: Role,
    /// Path following around walls (AI-driven people).
    pub follower: crate::nav::Follower,
}

impl Person {
    /// Can act now (present, alive, not incapacitated).
    pub fn active(&self, tick: u32) -> bool {
        self.present && self.health < Health::Serious && tick >= self.down_until
    }

    /// Incapacitated or worse.
    pub fn down(&self, tick: u32) -> bool {
        self.health >= Health::Serious || tick < self.down_until
    }

    /// Is an officer (trainee, partner, backup).
    pub fn is_officer(&self) -> bool {
        matches!(self.role, Role::Officer(_))
    }

    /// Is a subject.
    pub fn is_subject(&self) -> bool {
        matches!(self.role, Role::Subject(_))
    }

    /// Is a bystander.
    pub fn is_bystander(&self) -> bool {
        matches!(self.role, Role::Bystander(_))
    }

    /// Officer state, for officers.
    pub fn officer(&self) -> Option<&OfficerState> {
        match &self.role {
            Role::Officer(o) => Some(o),
            _ => None,
        }
    }

    /// Officer state, for officers.
    pub fn officer_mut(&mut self) -> Option<&mut OfficerState> {
        match &mut self.role {
            Role::Officer(o) => Some(o),
            _ => None,
        }
    }

    /// Subject state, for subjects.
    pub fn subject(&self) -> Option<&SubjectState> {
        match &self.role {
            Role::Subject(s) => Some(s),
            _ => None,
        }
    }

    /// Subject state, for subjects.
    pub fn subject_mut(&mut self) -> Option<&mut SubjectState> {
        match &mut self.role {
            Role::Subject(s) => Some(s),
            _ => None,
        }
    }

    /// Bystander state, for bystanders.
    pub fn bystander(&self) -> Option<&BystanderState> {
        match &self.role {
            Role::Bystander(b) => Some(b),
            _ => None,
        }
    }

    /// Bystander state, for bystanders.
    pub fn bystander_mut(&mut self) -> Option<&mut BystanderState> {
        match &mut self.role {
            Role::Bystander(b) => Some(b),
            _ => None,
        }
    }

    /// Crowd index, for crowd members.
    pub fn crowd(&self) -> Option<usize> {
        match self.role {
            Role::CrowdMember(ci) => Some(ci),
            _ => None,
        }
    }

    /// A subject who is not restrained, present and able to act.
    pub fn free_subject(&self, tick: u32) -> bool {
        self.subject().is_some_and(|s| !s.restrained) && self.active(tick)
    }
}

/// What a person is on the scene. Each person has exactly one role; a
/// subject is never also a crowd member (a crowd's agitator is a subject with
/// no crowd index).
#[derive(Debug, Clone)]
pub enum Role {
    /// The trainee, a partner or backup.
    Officer(OfficerState),
    /// A subject.
    Subject(SubjectState),
    /// A bystander.
    Bystander(BystanderState),
    /// A member of this crowd (index into [`SimState::crowds`]).
    CrowdMember(usize),
}

impl Role {
    /// The kind of person this role makes (trainee: an officer in the
    /// trainee's role).
    pub fn kind(&self) -> crate::sim::PersonKind {
        use crate::sim::PersonKind;
        match self {
            Role::Officer(o) if o.role == OfficerRole::Trainee => PersonKind::Trainee,
            Role::Officer(_) => PersonKind::Officer,
            Role::Subject(_) => PersonKind::Subject,
            Role::Bystander(_) => PersonKind::Bystander,
            Role::CrowdMember(_) => PersonKind::CrowdMember,
        }
    }
}

/// The walkability grid of the static map, for AI-driven people.
#[derive(Resource, Debug, Clone)]
pub struct SimNav(pub crate::nav::NavGrid);

/// Roles among officers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficerRole {
    /// The cadet.
    Trainee,
    /// A partner.
    Partner(PartnerRole),
    /// Backup that arrived (acts as cover).
    Backup,
}

/// An officer's equipment and state.
#[derive(Debug, Clone)]
pub struct OfficerState {
    /// Role.
    pub role: OfficerRole,
    /// Equipment carried.
    pub equipment: Vec<crate::scenario::schema::Equipment>,
    /// Selected tool.
    pub tool: Tool,
    /// Its state.
    pub tool_state: ToolState,
    /// Person the tool is aimed at.
    pub aim: Option<usize>,
    /// Has identified as police.
    pub identified: bool,
    /// Called in.
    pub called_in: bool,
    /// Backup requested.
    pub backup_requested: bool,
    /// CEW cartridges left.
    pub cew_cartridges: u8,
    /// Rounds left.
    pub rounds: u8,
    /// Partner AI: current task.
    pub task: PartnerTask,
    /// Partner AI: next tick to think.
    pub next_think: u32,
    /// Partner AI: where to stand.
    pub post: Option<Vec2>,
    /// Partner AI: what it last said it was doing (logged on change), and about whom.
    pub moved: Option<(crate::events::OfficerMove, Option<usize>)>,
    /// Next tick a shot may be fired.
    pub next_shot: u32,
    /// Run instead of walk (input).
    pub run: bool,
    /// Selected target id (input).
    pub select: Option<usize>,
    /// Flashlight on (it matters only in the dark).
    pub light: bool,
}

impl OfficerState {
    /// A fresh officer with this equipment.
    pub fn new(role: OfficerRole, equipment: Vec<crate::scenario::schema::Equipment>) -> Self {
        OfficerState {
            role,
            equipment,
            tool: Tool::EmptyHands,
            tool_state: ToolState::Holstered,
            aim: None,
            identified: false,
            called_in: false,
            backup_requested: false,
            cew_cartridges: 2,
            rounds: 15,
            task: PartnerTask::Watch,
            next_think: 0,
            post: None,
            moved: None,
            next_shot: 0,
            run: false,
            select: None,
            light: true,
        }
    }

    /// Carries this equipment.
    pub fn has(&self, e: crate::scenario::schema::Equipment) -> bool {
        self.equipment.contains(&e)
    }
}

/// What a partner officer is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartnerTask {
    /// Watch the main threat from a covered angle.
    Watch,
    /// Go and handcuff this person.
    Cuff(usize),
    /// Go and search this person (a partner of their sex, Kazakh CPC art.
    /// 255(2), or simply the one closer).
    Search(usize),
}

/// Where a subject's weapon is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeaponState {
    /// Hidden on them or in the vehicle.
    Concealed,
    /// In hand, in view.
    InHand,
    /// Dropped on the ground.
    Dropped,
    /// Found and taken by an officer.
    Secured,
}

/// A subject's weapon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeaponRt {
    /// Kind.
    pub kind: WeaponKind,
    /// Where it was carried.
    pub place: WeaponPlace,
    /// State now.
    pub state: WeaponState,
}

/// Body posture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Posture {
    /// Standing.
    #[default]
    Standing,
    /// Kneeling.
    Kneeling,
    /// Lying prone.
    Prone,
}

/// What a subject is busy with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Activity {
    /// Nothing in particular.
    Idle,
    /// Carrying out a command, done at `until`.
    Complying {
        /// The command.
        command: Command,
        /// Officer who gave it.
        from: usize,
        /// Tick it completes.
        until: u32,
    },
    /// Arguing until this tick.
    Arguing(u32),
    /// Running to this point of an exit zone.
    Fleeing(Vec2),
    /// Moving to this hiding spot.
    Hiding(Vec2),
    /// Reaching toward the waistband until this tick.
    Reaching(u32),
    /// Drawing the weapon, in hand at this tick; then `then`.
    Drawing(u32, FollowUp),
    /// Closing in on this person.
    Attacking(usize),
    /// Shooting at this person.
    Shooting(usize),
    /// Pulling away from officers until this tick.
    PullingAway(u32),
}

/// What follows a draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUp {
    /// Hold it.
    Hold,
    /// Attack with it.
    Attack,
    /// Shoot with it.
    Shoot,
}

/// A subject's run for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flight {
    /// Tick the run began.
    pub since: u32,
    /// Ticks in a row out of every officer's sight.
    pub unseen: u32,
    /// Past the exit point, heading off the map.
    pub through: bool,
}

/// A subject's state.
#[derive(Debug, Clone)]
pub struct SubjectState {
    /// Index into the scenario's `subjects`.
    pub spec: usize,
    /// Actual resistance level (the truth).
    pub level: ResistanceLevel,
    /// 0..1.
    pub agitation: f32,
    /// Temperament.
    pub temperament: Temperament,
    /// Weapon.
    pub weapon: Option<WeaponRt>,
    /// Handcuffed.
    pub restrained: bool,
    /// Pat-down done.
    pub searched: bool,
    /// Reported armed to the trainee (briefing or radio).
    pub reported_armed: bool,
    /// Items still on them, unfound.
    pub items: Vec<Item>,
    /// Items found on them and not yet seized.
    pub found: Vec<String>,
    /// Busy with.
    pub activity: Activity,
    /// Posture.
    pub posture: Posture,
    /// Hands raised (surrender, hands on head).
    pub hands_up: bool,
    /// Has shown hands in a vehicle (hands otherwise below the dash).
    pub hands_shown: bool,
    /// Commands waiting to be carried out, in order given: (command, officer).
    pub commands: VecDeque<(Command, usize)>,
    /// Commands obeyed so far.
    pub complied: Vec<Command>,
    /// Escaped the scene.
    pub escaped: bool,
    /// The flight under way (or the last one).
    pub flight: Option<Flight>,
    /// Hiding (out of sight on purpose).
    pub hiding: bool,
    /// Interviewed.
    pub interviewed: bool,
    /// Shows victim signs when interviewed.
    pub victim_signs: bool,
    /// How far a traffic stop with them has come.
    pub stop: StopProgress,
    /// Carries or carried drugs (for `Arrested`).
    pub drugs: bool,
    /// Arrest logged.
    pub arrested: bool,
    /// Resistance last perceived by the trainee.
    pub perceived: ResistanceLevel,
    /// Seen by the trainee at least once.
    pub seen: bool,
    /// Where the trainee last saw them.
    pub last_seen: Vec2,
    /// Tick the trainee last saw them.
    pub last_seen_tick: u32,
    /// Weapon was in view of the trainee last tick.
    pub weapon_seen: bool,
    /// Times force was used on them while perceived compliant (without need).
    pub wronged: u32,
    /// Next tick a shot may be fired.
    pub next_shot: u32,
    /// Actions begun so far (the `subject_acted` trigger condition).
    pub acted: Vec<SubjectAction>,
}

/// A routine traffic stop's steps with one driver, as the simulation keeps them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StopProgress {
    /// The officer told them why they were stopped.
    pub reason_told: bool,
    /// They handed over their papers (the officer holds them).
    pub documents_handed: bool,
    /// Dispatch ran the papers.
    pub documents_checked: bool,
    /// The decision given: a warning or a citation.
    pub decision: Option<Procedure>,
    /// Let go: the stop is closed.
    pub released: bool,
}

/// A bystander's state.
#[derive(Debug, Clone)]
pub struct BystanderState {
    /// Index into the scenario's `bystanders`.
    pub spec: usize,
    /// Agreed to witness.
    pub witness: bool,
    /// Subjects whose arrest they witnessed in this session.
    pub served: Vec<usize>,
    /// Next wander point and when to pick another.
    pub wander: Option<(Vec2, u32)>,
    /// Running away from danger until this tick.
    pub scared_until: u32,
    /// Held as a shield by this subject (index into `people`).
    pub held_by: Option<usize>,
}

/// A door at run time.
#[derive(Debug, Clone)]
pub struct DoorRt {
    /// Id.
    pub id: String,
    /// Centre.
    pub at: Vec2,
    /// Half extents of its collider.
    pub half: Vec2,
    /// State now.
    pub state: DoorState,
    /// Its collider.
    pub entity: Entity,
}

/// A vehicle at run time.
#[derive(Debug, Clone)]
pub struct VehicleRt {
    /// Id.
    pub id: String,
    /// Centre.
    pub at: Vec2,
    /// Half length, half width.
    pub half: Vec2,
    /// Heading, radians.
    pub rot: f32,
    /// Engine running.
    pub engine_running: bool,
    /// Keys dropped out of the window.
    pub keys_out: bool,
    /// Searched.
    pub searched: bool,
    /// Item ids found and not yet seized.
    pub found: Vec<String>,
    /// Engine block and cabin colliders.
    pub colliders: [Entity; 2],
}

/// A crowd at run time.
#[derive(Debug, Clone)]
pub struct CrowdRt {
    /// Id.
    pub id: String,
    /// Index of its zone.
    pub zone: usize,
    /// 0..1.
    pub agitation: f32,
    /// Last logged threshold step (0..4).
    pub mood_step: u8,
    /// Force was used on a peaceful participant.
    pub peaceful_hit: bool,
    /// Ordered to disperse.
    pub dispersing: bool,
    /// Lawful (notified) now: the scenario's `lawful`, then `assembly` effects.
    pub lawful: bool,
    /// Members near this point step back from it until the tick.
    pub back_from: Option<(Vec2, u32)>,
}

/// A trigger's bookkeeping.
#[derive(Debug, Clone, Copy, Default)]
pub struct TriggerRt {
    /// Fired at least once.
    pub fired: bool,
    /// Its condition held last tick (for edge detection).
    pub held: bool,
    /// A once-only trigger rolled its chance (fired or not): done.
    pub done: bool,
}
