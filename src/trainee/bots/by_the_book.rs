//! `by_the_book`: follows the doctrine of domain.md. Each tick it reads the
//! [`TraineeView`] and picks the first thing that applies:
//!
//! 1. call the stop in (and ask for backup when the call is risky);
//! 2. a perceived deadly threat: hard cover, handgun out, aim only with
//!    nobody in the line, warn, "drop it", fire only at an imminent deadly
//!    threat with nobody in the line;
//! 3. an assaultive subject: cover or distance, "show me your hands",
//!    CEW after a warning when they attack;
//! 4. an active subject: "stop", control holds only to take custody;
//! 5. the objectives in order: felony call-out from cover (engine off, keys
//!    out, step out, walk backwards, kneel, prone, partner cuffs), contact
//!    and interview, custody (commands, handcuff, then witnesses where the
//!    policy asks, then search, seize and seal), room clearing (slice the
//!    pie, never stop in the doorway, one room at a time);
//! 6. first aid once safe, report force, report the scene secure.

use super::kit::*;
use crate::domain::*;
use crate::nav::dist;
use crate::policy::Policy;
use crate::policy::schema::WitnessedProcedure;
use crate::scenario::Scenario;
use crate::scenario::schema::{Goal, Risk, ScenarioKind, SubjectRole};
use crate::trainee::{PersonSeen, TraineeDriver, TraineeInput, TraineeView};
use std::collections::{BTreeMap, BTreeSet};

/// Seconds a subject gets to comply before a command is repeated.
const COMPLY_TIME: f32 = 3.0;
/// Handcuffing reach (the simulation needs < 1.2 m).
const CUFF_REACH: f32 = 0.9;

/// Commands of a felony call-out, in order, with what shows they were obeyed.
const CALL_OUT: [Command; 8] = [
    Command::ShowHands,
    Command::EngineOff,
    Command::KeysOut,
    Command::StepOut,
    Command::TurnAround,
    Command::WalkBackwards,
    Command::Kneel,
    Command::Prone,
];

/// What the bot remembers about one subject.
#[derive(Debug, Clone, Default)]
struct Memory {
    /// Next felony call-out command.
    call_out: usize,
    /// When the last call-out command was given.
    call_out_at: f32,
    /// Times a call-out command was repeated without effect.
    repeats: u32,
    /// De-escalating talks given.
    talks: u32,
    /// Talks and call-outs through a barricade's door.
    calls: u32,
    /// Traffic stop: times the papers were asked for.
    asks: u32,
    /// Search done (as far as the bot knows).
    searched: bool,
    /// Seizing tried.
    seized: bool,
    /// Where they stopped walking backwards.
    stopped_at: Option<Pt>,
    /// The cover spot used against them.
    cover: Option<Pt>,
    /// Since when the bot has been out of hard cover from them in a call-out.
    uncovered_since: Option<f32>,
}

/// The by-the-book bot.
#[derive(Debug, Clone)]
pub struct ByTheBook {
    kit: Kit,
    mem: BTreeMap<String, Memory>,
    /// Bystanders asked to witness.
    asked: BTreeSet<String>,
    /// Where each adult bystander was last seen (a witness may be found
    /// among people seen on the way in, now behind the trainee).
    bystanders_seen: BTreeMap<String, Pt>,
    /// Watching an assembly: the post on its edge, and since when there.
    assembly_post: Option<(usize, Option<f32>)>,
    force_used: bool,
    force_reported: bool,
    ems_requested: bool,
    secure_reported: bool,
    /// A risky call: backup wanted.
    high_risk: bool,
    /// Trainee's sex (for the same-sex search rule).
    sex: Sex,
    /// When each subject was last seen as a threat (assaultive or worse): a
    /// threat that steps out of sight for a moment is still one.
    threat_seen: BTreeMap<String, f32>,
    /// Subjects seen with a weapon or as an assaultive threat: never chased alone.
    armed_seen: BTreeSet<String>,
    /// In the dark, whether the flashlight should be on this tick: on to
    /// search a room and to light up a person, off moving between rooms (a
    /// lit flashlight gives the officer away).
    want_light: bool,
}

impl ByTheBook {
    /// A by-the-book bot for `scenario` under `policy`.
    pub fn new(scenario: &Scenario, policy: &Policy) -> ByTheBook {
        let high_risk = scenario.risk >= Risk::Medium
            || matches!(
                scenario.kind,
                ScenarioKind::BuildingSearch
                    | ScenarioKind::ArmedVehicle
                    | ScenarioKind::ArmedBuilding
            );
        ByTheBook {
            kit: Kit::new(scenario, policy),
            mem: BTreeMap::new(),
            asked: BTreeSet::new(),
            bystanders_seen: BTreeMap::new(),
            assembly_post: None,
            force_used: false,
            force_reported: false,
            ems_requested: false,
            secure_reported: false,
            high_risk,
            sex: scenario.officers.trainee.sex,
            threat_seen: BTreeMap::new(),
            armed_seen: BTreeSet::new(),
            want_light: true,
        }
    }

    fn mem(&mut self, id: &str) -> &mut Memory {
        self.mem.entry(id.to_string()).or_default()
    }

    /// Whether the call is a felony (high-risk vehicle) stop for this subject.
    fn felony(&self, s: &PersonSeen) -> bool {
        if shows(s, Cue::Incapacitated) {
            return false;
        }
        s.view.in_vehicle
            && (self.kit.scenario.risk == Risk::High
                || self.kit.scenario.kind == ScenarioKind::ArmedVehicle)
            || self.mem.get(&s.id).is_some_and(|m| m.call_out > 0)
    }

    /// Uses force (and remembers to report it).
    fn force(&mut self, out: &mut TraineeInput, f: ForceOption, id: &str) {
        act(out, Act::Force(f), id);
        self.force_used = true;
    }

    /// A perceived deadly threat.
    fn deadly(&mut self, view: &TraineeView, s: &PersonSeen, out: &mut TraineeInput) {
        let t = view.t;
        let id = s.id.clone();
        out.face = Some(s.pos);
        out.select = Some(id.clone());
        let d = s.view.distance;
        let edged = matches!(
            s.view.weapon_visible,
            Some(WeaponKind::Knife | WeaponKind::Blunt)
        );
        if !view.identified && self.kit.once("identify", t) {
            act(out, Act::Identify, &id);
        }
        let line_clear = s.view.people_in_line.is_empty() && !s.view.crowd_behind;
        let attacking = shows(s, Cue::Running) && d < 9.0;
        if edged {
            self.edged(view, s, out, line_clear, attacking);
            return;
        }
        if !s.view.officer_covered {
            if let Some(spot) = self
                .kit
                .cover_spot(s.pos, view.pos, 4.0, false)
                .filter(|p| dist(*p, view.pos) < 20.0)
            {
                self.kit.go(view, spot, 0.2, true, out);
            } else if d < 10.0 {
                // No cover within reach: distance is time.
                let away = toward(s.pos, view.pos, d + 4.0);
                self.kit.go(view, away, 0.5, true, out);
            }
        }
        ready_tool(view, Tool::Handgun, out);
        if view.tool == Tool::Handgun && view.tool_state != ToolState::Holstered {
            if line_clear && s.view.visible && view.tool_state != ToolState::Aimed {
                act(out, Act::Aim, &id);
            } else if !line_clear && view.tool_state == ToolState::Aimed {
                act0(out, Act::Lower);
            }
        }
        let warned = self.kit.when(&format!("warn_firearm:{id}"));
        if warned.is_none() && s.view.visible {
            self.kit.once(&format!("warn_firearm:{id}"), t);
            act(out, Act::Warn(Warning::Firearm), &id);
            return;
        }
        let shooting = view.noticed.iter().any(|n| n == "shot");
        if !line_clear
            && !shooting
            && self
                .kit
                .every(&format!("talk_shield:{id}"), t, 2.0 * COMPLY_TIME)
        {
            // Someone held in the line: no shot is possible, so talk; time
            // is on our side.
            act(out, Act::Talk, &id);
            return;
        }
        if self.kit.every(&format!("drop:{id}"), t, COMPLY_TIME) {
            act(out, Act::Command(Command::DropWeapon), &id);
        }
        // Fire only at an imminent deadly threat, with nobody in the line.
        let close = d < 4.0;
        let gave_time = warned.is_some_and(|w| t - w > 2.0 * COMPLY_TIME);
        let gun_ignored = gave_time && !shows(s, Cue::HandsUp);
        if s.view.visible
            && line_clear
            && view.tool == Tool::Handgun
            && view.tool_state == ToolState::Aimed
            && (attacking || shooting || close || gun_ignored)
            && self.kit.every(&format!("fire:{id}"), t, 0.5)
        {
            self.force(out, ForceOption::Firearm, &id);
        }
    }

    /// A knife or club in view: distance first, the CEW after a warning in
    /// its range, the firearm only when the attacker is on top of us.
    fn edged(
        &mut self,
        view: &TraineeView,
        s: &PersonSeen,
        out: &mut TraineeInput,
        line_clear: bool,
        attacking: bool,
    ) {
        let t = view.t;
        let id = s.id.clone();
        let d = s.view.distance;
        if d < 7.0 {
            let away = toward(s.pos, view.pos, d + 4.0);
            self.kit.go(view, away, 0.5, true, out);
        }
        if attacking && d < 2.0 && line_clear {
            ready_tool(view, Tool::Handgun, out);
            if view.tool == Tool::Handgun && view.tool_state == ToolState::Drawn {
                act(out, Act::Aim, &id);
            }
            if view.tool == Tool::Handgun
                && view.tool_state == ToolState::Aimed
                && self.kit.every(&format!("fire:{id}"), t, 0.5)
            {
                self.force(out, ForceOption::Firearm, &id);
            }
            return;
        }
        ready_tool(view, Tool::Cew, out);
        if view.tool == Tool::Cew
            && view.tool_state == ToolState::Drawn
            && line_clear
            && s.view.visible
        {
            act(out, Act::Aim, &id);
        }
        let warned = self.kit.when(&format!("warn_cew:{id}"));
        if warned.is_none() && s.view.visible {
            self.kit.once(&format!("warn_cew:{id}"), t);
            act(out, Act::Warn(Warning::Cew), &id);
            return;
        }
        if self.kit.every(&format!("drop:{id}"), t, COMPLY_TIME) {
            act(out, Act::Command(Command::DropWeapon), &id);
            return;
        }
        let gave_time = warned.is_some_and(|w| t - w > COMPLY_TIME);
        if (2.0..7.0).contains(&d)
            && line_clear
            && s.view.visible
            && (attacking || gave_time)
            && self.kit.every(&format!("cew:{id}"), t, 1.5)
        {
            self.force(out, ForceOption::Cew, &id);
        }
    }

    /// A perceived assaultive subject (attacking, or reaching with hidden hands).
    fn assaultive(&mut self, view: &TraineeView, s: &PersonSeen, out: &mut TraineeInput) {
        let t = view.t;
        let id = s.id.clone();
        out.face = Some(s.pos);
        out.select = Some(id.clone());
        let d = s.view.distance;
        if !view.identified && self.kit.once("identify", t) {
            act(out, Act::Identify, &id);
        }
        let reaching = shows(s, Cue::Reaching) && !shows(s, Cue::Running);
        if reaching {
            // A reach may be for a weapon: cover first, hands.
            if !s.view.officer_covered
                && let Some(spot) = self
                    .kit
                    .cover_spot(s.pos, view.pos, 4.0, false)
                    .filter(|p| dist(*p, view.pos) < 15.0)
            {
                self.kit.go(view, spot, 0.2, true, out);
            } else if d < 6.0 {
                let away = toward(s.pos, view.pos, 7.0);
                self.kit.go(view, away, 0.5, true, out);
            }
            if self.kit.every(&format!("hands:{id}"), t, COMPLY_TIME) {
                act(out, Act::Command(Command::ShowHands), &id);
            }
            ready_tool(view, Tool::Cew, out);
            return;
        }
        // Attacking: CEW in its range after a warning, keep the gap otherwise.
        ready_tool(view, Tool::Cew, out);
        if view.tool == Tool::Cew
            && view.tool_state == ToolState::Drawn
            && s.view.people_in_line.is_empty()
        {
            act(out, Act::Aim, &id);
        }
        let warned = self.kit.when(&format!("warn_cew:{id}")).is_some();
        if !warned && d > 3.0 {
            self.kit.once(&format!("warn_cew:{id}"), t);
            act(out, Act::Warn(Warning::Cew), &id);
            return;
        }
        if d < 7.0
            && d > 1.0
            && s.view.people_in_line.is_empty()
            && self.kit.every(&format!("cew:{id}"), t, 1.5)
        {
            self.force(out, ForceOption::Cew, &id);
        } else if d <= 1.0 && self.kit.every(&format!("takedown:{id}"), t, 1.5) {
            self.force(out, ForceOption::Takedown, &id);
        } else if d >= 7.0 {
            if self.kit.every(&format!("stop:{id}"), t, COMPLY_TIME) {
                act(out, Act::Command(Command::Stop), &id);
            }
            let away = toward(s.pos, view.pos, d + 2.0);
            self.kit.go(view, away, 0.5, false, out);
        }
    }

    /// A perceived active subject: pulling away, fleeing, looking for a way out.
    fn active(&mut self, view: &TraineeView, s: &PersonSeen, out: &mut TraineeInput) -> bool {
        let t = view.t;
        let id = s.id.clone();
        let custody = self.wants_custody(&id);
        out.face = Some(s.pos);
        out.select = Some(id.clone());
        holster(view, out);
        if !view.identified && self.kit.once("identify", t) {
            act(out, Act::Identify, &id);
            return true;
        }
        let fleeing = shows(s, Cue::Running);
        let armed = matches!(
            self.kit.scenario.kind,
            ScenarioKind::ArmedVehicle | ScenarioKind::ArmedBuilding
        ) || self.armed_seen.contains(&id);
        if fleeing
            && (armed || s.view.distance > 8.0)
            && self.kit.once(&format!("broadcast:{id}"), t)
        {
            // Out of reach or maybe armed: description and direction on the
            // radio first, so other units contain the area.
            act0(out, Act::Radio(RadioCall::BroadcastEscape));
            return true;
        }
        if self.kit.every(&format!("stop:{id}"), t, COMPLY_TIME) {
            act(out, Act::Command(Command::Stop), &id);
            return true;
        }
        if fleeing && custody && self.kit.every(&format!("warn_flee:{id}"), t, 1.5) {
            // "Stop, police, or you will be tased!": a warning, no force.
            act(out, Act::Warn(Warning::Force), &id);
            return true;
        }
        if !custody {
            // Nobody to arrest: talk, and let a minor offender go rather than fight.
            if !fleeing && self.kit.every(&format!("talk:{id}"), t, COMPLY_TIME) {
                act(out, Act::Talk, &id);
            }
            return true;
        }
        if s.view.in_vehicle {
            return false;
        }
        if fleeing && armed {
            // Never a lone foot chase after someone who may be armed: stay
            // in cover, the broadcast brings the others.
            return true;
        }
        // Custody wanted: close in and take hold with the least force.
        let arrived = self.kit.go(view, s.pos, CUFF_REACH, fleeing, out);
        if arrived || s.view.distance < CUFF_REACH + 0.2 {
            if self.kit.every(&format!("grip:{id}"), t, 1.5) {
                self.force(out, ForceOption::EscortGrip, &id);
            }
            if self.kit.every(&format!("cuff:{id}"), t, 1.0) {
                act(out, Act::Do(Procedure::Handcuff), &id);
            }
        }
        true
    }

    /// An occupant the call is not about (no objective names them) whose
    /// hands are out of sight: "show me your hands", with time to comply.
    fn occupant_hands(&mut self, view: &TraineeView, out: &mut TraineeInput) -> bool {
        let t = view.t;
        let named = |id: &str| {
            self.kit.scenario.objectives.iter().any(|o| match &o.goal {
                Goal::Custody(s)
                | Goal::EvidenceSealed(s)
                | Goal::Interviewed(s)
                | Goal::VictimIdentified(s)
                | Goal::Released(s)
                | Goal::DocumentsChecked(s) => s == id,
                _ => false,
            })
        };
        let Some(id) = active_subjects(view)
            .filter(|s| {
                s.view.visible
                    && s.view.in_vehicle
                    && s.view.distance < 15.0
                    && shows(s, Cue::HandsHidden)
                    && !self.felony(s)
                    && !named(&s.id)
            })
            .min_by(|a, b| a.view.distance.total_cmp(&b.view.distance))
            .map(|s| s.id.clone())
        else {
            return false;
        };
        if !view.identified {
            if self.kit.once("identify", t) {
                act(out, Act::Identify, &id);
                return true;
            }
            return false;
        }
        if self
            .kit
            .every(&format!("occupant_hands:{id}"), t, COMPLY_TIME)
        {
            act(out, Act::Command(Command::ShowHands), &id);
            return true;
        }
        false
    }

    /// A driver to be taken into custody from a car (not a felony stop):
    /// from behind the shoulder, identify, the reason, then the lawful order
    /// to step out, repeated with time to comply. Refused, it is words only:
    /// calm talk, the order again, the consequences explained (a warning),
    /// and backup on the way before anyone goes hands-on (UN BP 4; IACP
    /// de-escalation; Pennsylvania v. Mimms: the driver may be ordered out).
    fn order_out(&mut self, view: &TraineeView, s: &PersonSeen, out: &mut TraineeInput) {
        let t = view.t;
        let id = s.id.clone();
        out.face = Some(s.pos);
        out.select = Some(id.clone());
        let pos = self.contact_point(view, s);
        if !self.kit.go(view, pos, 0.3, false, out) && s.view.distance > 2.0 {
            return;
        }
        if !view.identified {
            if self.kit.once("identify", t) {
                act(out, Act::Identify, &id);
            }
            return;
        }
        if self.kit.scenario.kind == ScenarioKind::TrafficStop
            && self.kit.once(&format!("reason:{id}"), t)
        {
            act(out, Act::Do(Procedure::ExplainReason), &id);
            return;
        }
        if !self
            .kit
            .every(&format!("order_out:{id}"), t, COMPLY_TIME + 1.0)
        {
            return;
        }
        let n = self.mem(&id).talks;
        self.mem(&id).talks += 1;
        let step = if s.view.perceived >= ResistanceLevel::Passive {
            // Talk, the order, the consequences, the order.
            [
                Act::Talk,
                Act::Command(Command::StepOut),
                Act::Warn(Warning::Force),
                Act::Command(Command::StepOut),
            ][n as usize % 4]
        } else {
            Act::Command(Command::StepOut)
        };
        act(out, step, &id);
    }

    fn wants_custody(&self, id: &str) -> bool {
        !self.victim(id)
            && self.kit.scenario.objectives.iter().any(|o| match &o.goal {
                Goal::Custody(s) | Goal::EvidenceSealed(s) => s == id,
                Goal::AreaCleared(_) => true,
                _ => false,
            })
    }

    /// A victim as briefed (a trafficked person, a child courier): talked
    /// to and helped, never handcuffed or forced.
    fn victim(&self, id: &str) -> bool {
        self.kit
            .scenario
            .subjects
            .iter()
            .any(|s| s.id == id && s.role == SubjectRole::Victim)
    }

    /// Felony stop: every command from cover, the occupant comes to us.
    fn call_out(&mut self, view: &TraineeView, s: &PersonSeen, out: &mut TraineeInput) {
        let t = view.t;
        let id = s.id.clone();
        out.face = Some(s.pos);
        out.select = Some(id.clone());
        // Behind the engine block all through the call-out: it stops rounds
        // and the car is seen over, so the driver's hands are watched from
        // there. A spot that no longer covers (he has moved) is given up for
        // a new one near where we stand.
        let wary = s.view.perceived >= ResistanceLevel::Active
            || s.view.weapon_visible.is_some()
            || shows(s, Cue::Reaching);
        let cover = self
            .mem
            .get(&id)
            .and_then(|m| m.cover)
            .filter(|c| dist(*c, s.pos) > 5.0 && self.kit.covered(s.pos, *c));
        let cover = cover.or_else(|| {
            self.kit
                .cover_spot(s.pos, view.pos, 6.0, true)
                .filter(|p| dist(*p, view.pos) < 25.0)
        });
        self.mem(&id).cover = cover;
        let mut moving = false;
        if let Some(spot) = cover
            && !s.view.officer_covered
        {
            self.kit.go(view, spot, 0.2, wary, out);
            moving = true;
        }
        // Commands wait until we are back behind cover (a few seconds at most).
        let since = if moving {
            *self.mem(&id).uncovered_since.get_or_insert(t)
        } else {
            self.mem(&id).uncovered_since = None;
            t
        };
        let hold = moving && t - since < 4.0;
        // Low ready, not aimed: nobody is a deadly threat yet.
        ready_tool(view, Tool::Handgun, out);
        if view.tool_state == ToolState::Aimed {
            act0(out, Act::Lower);
        }
        if !view.identified {
            if self.kit.once("identify", t) {
                act(out, Act::Identify, &id);
            }
            return;
        }
        if hold {
            return;
        }
        let m = self.mem(&id).clone();
        if m.call_out >= CALL_OUT.len() {
            return;
        }
        let cmd = CALL_OUT[m.call_out];
        let obeyed = match cmd {
            Command::StepOut => !s.view.in_vehicle,
            Command::Kneel => shows(s, Cue::Kneeling) || shows(s, Cue::Prone),
            Command::Prone => shows(s, Cue::Prone),
            Command::WalkBackwards => m.stopped_at.is_some(),
            _ => true,
        };
        let since = t - m.call_out_at;
        if m.call_out_at == 0.0 && m.call_out == 0 && m.repeats == 0 {
            act(out, Act::Command(cmd), &id);
            let mm = self.mem(&id);
            mm.call_out_at = t;
            mm.repeats = 1;
            return;
        }
        if cmd == Command::WalkBackwards && m.stopped_at.is_none() {
            // Stop them a few meters in front of cover.
            // Out of sight, the last cues seen (a run) are stale.
            let running = s.view.visible && shows(s, Cue::Running);
            if s.view.distance < 7.0 || (since > 2.0 * COMPLY_TIME && !running) {
                self.mem(&id).stopped_at = Some(s.pos);
                act(out, Act::Command(Command::Stop), &id);
                return;
            }
        }
        if since < COMPLY_TIME * 0.8 {
            return;
        }
        if obeyed {
            let mm = self.mem(&id);
            mm.call_out += 1;
            mm.call_out_at = t;
            mm.repeats = 0;
            if let Some(next) = CALL_OUT.get(mm.call_out) {
                act(out, Act::Command(*next), &id);
            }
        } else if since > COMPLY_TIME * 1.5 {
            let mm = self.mem(&id);
            mm.call_out_at = t;
            mm.repeats += 1;
            if mm.repeats.is_multiple_of(3) {
                act(out, Act::Talk, &id);
            } else {
                act(out, Act::Command(cmd), &id);
            }
        }
    }

    /// Contact, commands and handcuffing of a compliant or passive subject.
    fn take_custody(&mut self, view: &TraineeView, s: &PersonSeen, out: &mut TraineeInput) {
        let t = view.t;
        let id = s.id.clone();
        out.face = Some(s.pos);
        out.select = Some(id.clone());
        holster(view, out);
        let d = s.view.distance;
        let high_risk_car = s.view.in_vehicle
            && (self.kit.scenario.risk == Risk::High
                || self.kit.scenario.kind == ScenarioKind::ArmedVehicle);
        if high_risk_car {
            // Down in the car: still no walking up to it. The cover partner
            // goes to cuff while we cover from here.
            if self.kit.every(&format!("partner_cuff:{id}"), t, 6.0) {
                act(out, Act::Do(Procedure::Handcuff), &id);
            }
            return;
        }
        let called_out = self
            .mem
            .get(&id)
            .is_some_and(|m| m.call_out >= CALL_OUT.len());
        if called_out
            && self.kit.when(&format!("partner_cuff:{id}")).is_none()
            && !view.officers.is_empty()
        {
            // The cover partner handcuffs a prone subject while we cover.
            self.kit.once(&format!("partner_cuff:{id}"), t);
            act(out, Act::Do(Procedure::Handcuff), &id);
            return;
        }
        if called_out
            && self
                .kit
                .when(&format!("partner_cuff:{id}"))
                .is_some_and(|w| t - w < 6.0)
        {
            return;
        }
        if s.view.in_vehicle {
            self.order_out(view, s, out);
            return;
        }
        // Someone who is not cooperating is talked to from beyond arm's
        // reach and a lunge; hands-on only once they comply (or talk failed).
        let talking = s.view.perceived >= ResistanceLevel::Passive && self.mem(&id).talks < 3;
        // A drug arrest under Kazakh law: once contact is made and he is
        // calm, the witnesses are found first, so they watch the arrest.
        if view.identified
            && s.view.visible
            && s.view.perceived <= ResistanceLevel::Passive
            && !talking
            && self.drug_case(&id)
            && self.gather_witnesses(view, s, out)
        {
            return;
        }
        let (near, stop) = if talking { (5.0, 4.5) } else { (2.5, 2.0) };
        if d > near || !s.view.visible {
            self.kit.go(view, s.pos, stop, false, out);
            if d > near + 3.0 || !s.view.visible {
                return;
            }
        }
        if !view.identified {
            if self.kit.once("identify", t) {
                act(out, Act::Identify, &id);
            }
            return;
        }
        if s.view.perceived == ResistanceLevel::Passive && self.mem(&id).talks < 3 {
            // Calm talk and a clear command in turn, each with time to comply.
            if self.kit.every(&format!("talk:{id}"), t, COMPLY_TIME) {
                let n = self.mem(&id).talks;
                self.mem(&id).talks += 1;
                if n.is_multiple_of(2) {
                    act(out, Act::Talk, &id);
                } else {
                    act(out, Act::Command(Command::ShowHands), &id);
                }
            }
            return;
        }
        if !shows(s, Cue::Kneeling) && !shows(s, Cue::Prone) && !shows(s, Cue::Incapacitated) {
            if self.kit.once(&format!("hands:{id}"), t) {
                act(out, Act::Command(Command::ShowHands), &id);
                return;
            }
            if self.kit.when(&format!("turn:{id}")).is_none()
                && self
                    .kit
                    .when(&format!("hands:{id}"))
                    .is_some_and(|w| t - w > COMPLY_TIME)
            {
                self.kit.once(&format!("turn:{id}"), t);
                act(out, Act::Command(Command::TurnAround), &id);
                return;
            }
            if self
                .kit
                .when(&format!("turn:{id}"))
                .is_none_or(|w| t - w < COMPLY_TIME)
            {
                return;
            }
        }
        if self.kit.go(view, s.pos, CUFF_REACH, false, out)
            && self.kit.every(&format!("cuff:{id}"), t, 1.5)
        {
            act(out, Act::Do(Procedure::Handcuff), &id);
        }
    }

    /// Witnesses where the policy asks, then the search, seize and seal.
    /// Returns true while there is something to do.
    fn after_cuffs(&mut self, view: &TraineeView, s: &PersonSeen, out: &mut TraineeInput) -> bool {
        let t = view.t;
        let id = s.id.clone();
        if s.view.searched || self.mem(&id).searched {
            let seized = self.mem(&id).seized;
            if !seized {
                // Seizing needs the person within 2 m (a partner may have
                // searched while we stood off).
                out.face = Some(s.pos);
                if self.kit.go(view, s.pos, 1.5, false, out) || s.view.distance < 1.8 {
                    self.mem(&id).seized = true;
                    act(out, Act::Do(Procedure::SeizeEvidence), &id);
                }
                return true;
            }
            if !view.seized_unsealed.is_empty() && self.kit.every("seal", t, 2.0) {
                act0(out, Act::Do(Procedure::SealEvidence));
                return true;
            }
            return false;
        }
        // Attesting witnesses before a personal search, where the law asks.
        if self.witnesses_needed(&[
            WitnessedProcedure::PersonalSearch,
            WitnessedProcedure::DrugArrest,
        ]) && self.gather_witnesses(view, s, out)
        {
            return true;
        }
        out.face = Some(s.pos);
        // Same-sex search where the policy asks (KZ CPC art. 255(2)): a
        // partner of their sex does it while we stand off, out of reach
        // (the simulation then sends the partner).
        let same_sex_partner = self.kit.policy.same_sex_search.is_some()
            && s.view.sex != self.sex
            && view
                .officers
                .iter()
                .any(|o| o.view.sex == s.view.sex && o.view.health < Health::Serious);
        if same_sex_partner {
            let d = s.view.distance;
            if d < 1.6 {
                let away = toward(s.pos, view.pos, 2.2);
                self.kit.go(view, away, 0.2, false, out);
            } else if d > 2.8 {
                self.kit.go(view, s.pos, 2.2, false, out);
            } else if self.kit.every(&format!("search:{id}"), t, 4.0) {
                act(out, Act::Do(Procedure::Search), &id);
            }
            return true;
        }
        if self.kit.go(view, s.pos, CUFF_REACH, false, out)
            && self.kit.every(&format!("search:{id}"), t, 2.0)
        {
            act(out, Act::Do(Procedure::Search), &id);
            self.mem(&id).searched = true;
        }
        true
    }

    /// Whether the policy asks for attesting witnesses at any of `procs`.
    fn witnesses_needed(&self, procs: &[WitnessedProcedure]) -> bool {
        self.kit
            .policy
            .witnesses
            .as_ref()
            .is_some_and(|w| w.required_for.iter().any(|p| procs.contains(p)))
    }

    /// A drug case as briefed: evidence to seal from this subject where the
    /// policy asks for witnesses at a drug arrest, so they are found before
    /// the handcuffs go on (Kazakh practice: witnesses watch the arrest).
    fn drug_case(&self, id: &str) -> bool {
        self.witnesses_needed(&[WitnessedProcedure::DrugArrest])
            && self
                .kit
                .scenario
                .objectives
                .iter()
                .any(|o| o.goal == Goal::EvidenceSealed(id.to_string()))
    }

    /// Finds enough valid attesting witnesses near the trainee, keeping an
    /// eye on subject `s`: asks the nearest bystander not yet asked; one who
    /// says they may not serve (a relative, a cadet, a regular witness) does
    /// not count. Returns true while busy with it.
    fn gather_witnesses(
        &mut self,
        view: &TraineeView,
        s: &PersonSeen,
        out: &mut TraineeInput,
    ) -> bool {
        let t = view.t;
        let Some(min) = self.kit.policy.witnesses.as_ref().map(|w| w.min_count) else {
            return false;
        };
        let valid: Vec<&String> = view
            .witnesses
            .iter()
            .filter(|w| !view.unfit_witnesses.contains(w))
            .collect();
        // They count only where they can see (the simulation's 5 m).
        let near = valid
            .iter()
            .filter(|w| {
                view.bystanders
                    .iter()
                    .any(|b| b.id == ***w && b.view.distance <= 4.5)
            })
            .count() as u32;
        if near >= min {
            return false;
        }
        if valid.len() as u32 >= min {
            // Left behind in a chase: they follow at a walk (out of sight
            // behind us, perhaps); give them time to come up.
            let key = format!("await_witnesses:{}", s.id);
            self.kit.once(&key, t);
            out.face = Some(s.pos);
            return self.kit.when(&key).is_some_and(|w| t - w < 10.0);
        }
        // An unrestrained subject is kept in sight and within a few steps.
        let leash = if s.view.restrained { f32::MAX } else { 12.0 };
        let candidate = self
            .bystanders_seen
            .iter()
            .filter(|(b, _)| !self.asked.contains(*b) && !view.witnesses.contains(*b))
            .filter(|(_, p)| dist(**p, s.pos) < leash)
            .min_by(|a, b| dist(*a.1, view.pos).total_cmp(&dist(*b.1, view.pos)))
            .map(|(b, p)| (b.clone(), *p));
        if let Some((bid, bpos)) = candidate {
            // Eyes stay on the subject, handcuffed or not, until searched
            // (a back turned on an unsearched arrestee is a breach).
            if s.view.restrained && s.view.searched {
                out.face = Some(bpos);
            } else {
                out.face = Some(s.pos);
            }
            if !s.view.restrained {
                out.select = Some(s.id.clone());
            }
            // Asked within a voice's reach (the simulation's 5 m): by where
            // they are when in view, else by where they were last seen (out
            // of sight behind the trainee, who keeps an eye on the subject; a
            // wanderer may have moved off, and the ask is refused).
            let seen = view
                .bystanders
                .iter()
                .find(|b| b.id == bid)
                .map(|b| b.view.distance);
            let arrived = self.kit.go(view, bpos, 3.5, false, out);
            if seen.map_or(arrived, |d| d < 4.5) {
                self.asked.insert(bid.clone());
                act(out, Act::Do(Procedure::AskWitness), &bid);
            }
            return true;
        }
        if self.kit.once("request_witnesses", t) {
            act0(out, Act::Radio(RadioCall::RequestWitnesses));
            return true;
        }
        // Nobody left to ask: wait a while for those requested, then go on.
        if self
            .kit
            .when("request_witnesses")
            .is_some_and(|w| t - w < 30.0)
        {
            out.face = Some(s.pos);
            return true;
        }
        false
    }

    /// Presence and communication at an assembly (ODIHR): walks the edge of
    /// the crowd's area, a few meters out, facing it, stopping at each side
    /// to talk to the people there; so an agitator who starts up anywhere is
    /// seen. Returns false when the scenario has no such crowd.
    fn watch_assembly(&mut self, view: &TraineeView, crowd: &str, out: &mut TraineeInput) -> bool {
        let t = view.t;
        let sc = &self.kit.scenario;
        let Some(zone) = sc
            .crowds
            .iter()
            .find(|c| c.id == crowd)
            .and_then(|c| sc.map.zones.iter().find(|z| z.id == c.zone))
        else {
            return false;
        };
        let (min, max) = (zone.min, zone.max);
        let centre = ((min.0 + max.0) / 2.0, (min.1 + max.1) / 2.0);
        const OUT: f32 = 3.0;
        let posts: Vec<Pt> = [
            (centre.0, min.1 - OUT),
            (max.0 + OUT, centre.1),
            (centre.0, max.1 + OUT),
            (min.0 - OUT, centre.1),
        ]
        .into_iter()
        .filter(|p| self.kit.grid.free(*p))
        .collect();
        if posts.is_empty() {
            return false;
        }
        // Start at the nearest post, then go round, 8 s at each.
        let (k, since) = *self.assembly_post.get_or_insert_with(|| {
            let near = (0..posts.len())
                .min_by(|a, b| dist(posts[*a], view.pos).total_cmp(&dist(posts[*b], view.pos)))
                .unwrap_or(0);
            (near, None)
        });
        let k = k % posts.len();
        // Face the crowd, or anyone unsearched close by (never the back to them).
        let close = active_subjects(view)
            .filter(|s| !s.view.searched && s.view.distance < 6.0)
            .min_by(|a, b| a.view.distance.total_cmp(&b.view.distance))
            .map(|s| s.pos);
        out.face = Some(close.unwrap_or(centre));
        out.select = None;
        if !self.kit.go(view, posts[k], 1.0, false, out) {
            return true;
        }
        match since {
            None => self.assembly_post = Some((k, Some(t))),
            Some(at) if t - at > 8.0 => {
                self.assembly_post = Some((k + 1, None));
                return true;
            }
            Some(_) => {}
        }
        if self.kit.every("talk_crowd", t, 4.0) {
            act0(out, Act::Talk);
        }
        true
    }

    /// Clears the next room; returns false when none is left.
    fn clear_rooms(
        &mut self,
        view: &TraineeView,
        rooms: &[String],
        out: &mut TraineeInput,
    ) -> bool {
        let t = view.t;
        let pending: Vec<&Room> = self
            .kit
            .rooms
            .iter()
            .filter(|r| {
                (rooms.is_empty() || rooms.contains(&r.id)) && !view.cleared.contains(&r.id)
            })
            .collect();
        let Some(room) = pending
            .iter()
            .min_by(|a, b| dist(a.centre(), view.pos).total_cmp(&dist(b.centre(), view.pos)))
            .map(|r| (*r).clone())
        else {
            return false;
        };
        if room.contains(view.pos) {
            // Inside: one step clear of the doorway, then clear it.
            let inside = room.centre();
            out.face = Some(inside);
            let deep = dist(view.pos, inside) < 1.5
                || room
                    .doors
                    .iter()
                    .filter_map(|d| self.kit.door(d))
                    .all(|(at, _, _)| dist(view.pos, at) > 1.6);
            if !deep {
                self.kit.go(view, inside, 1.0, false, out);
            }
            if deep && self.kit.every(&format!("clear:{}", room.id), t, 2.0) {
                act(out, Act::Do(Procedure::ClearRoom), &room.id);
            }
            return true;
        }
        // Outside: the nearest door into it.
        let door = room
            .doors
            .iter()
            .filter_map(|d| self.kit.door(d).map(|x| (d.clone(), x)))
            .min_by(|a, b| dist(a.1.0, view.pos).total_cmp(&dist(b.1.0, view.pos)));
        let Some((door_id, (at, along, _w))) = door else {
            // A room with no door: walk in.
            self.kit.go(view, room.centre(), 1.0, false, out);
            return true;
        };
        let n = normal(along);
        let into = if room.contains(offset(at, n)) {
            n
        } else {
            (-n.0, -n.1)
        };
        let outside = (-into.0, -into.1);
        let inside_pt = offset(at, (into.0 * 1.6, into.1 * 1.6));
        // Between rooms in the dark: flashlight off until looking in.
        self.want_light = false;
        if self.kit.door_closed(view, &door_id) {
            // Beside the door, not in front of it, then open it.
            let side = [
                offset(
                    at,
                    (
                        along.0 * 0.9 + outside.0 * 0.6,
                        along.1 * 0.9 + outside.1 * 0.6,
                    ),
                ),
                offset(
                    at,
                    (
                        -along.0 * 0.9 + outside.0 * 0.6,
                        -along.1 * 0.9 + outside.1 * 0.6,
                    ),
                ),
            ]
            .into_iter()
            .filter(|p| self.kit.grid.free(*p))
            .min_by(|a, b| dist(*a, view.pos).total_cmp(&dist(*b, view.pos)));
            let spot = side.unwrap_or_else(|| offset(at, (outside.0 * 1.2, outside.1 * 1.2)));
            out.face = Some(at);
            if self.kit.go(view, spot, 0.25, false, out)
                && self.kit.every(&format!("open:{door_id}"), t, 1.5)
            {
                act(out, Act::Do(Procedure::OpenDoor), &door_id);
            }
            return true;
        }
        // Open: slice the pie from outside, then go through without stopping.
        let slice_key = format!("slice:{door_id}");
        let sliced = self.kit.when(&slice_key).is_some_and(|w| t - w > 1.0);
        if !sliced {
            // Lit only once at the slicing point, looking in.
            let pie = offset(
                at,
                (
                    outside.0 * 2.0 + along.0 * 1.0,
                    outside.1 * 2.0 + along.1 * 1.0,
                ),
            );
            let pie = if self.kit.grid.free(pie) {
                pie
            } else {
                offset(at, (outside.0 * 2.0, outside.1 * 2.0))
            };
            out.face = Some(inside_pt);
            if self.kit.go(view, pie, 0.3, false, out) {
                self.kit.once(&slice_key, t);
                self.want_light = true;
            }
            return true;
        }
        self.want_light = true;
        out.face = Some(inside_pt);
        self.kit.go(view, inside_pt, 0.3, true, out);
        true
    }

    /// Once the scene is safe: aid, reports.
    fn aftercare(&mut self, view: &TraineeView, out: &mut TraineeInput) -> bool {
        let t = view.t;
        // Subjects are secured first (handcuffed, or down), then helped.
        // (Not one down in a high-risk car: the partner cuffs them first.)
        let felony_car = self.kit.scenario.risk == Risk::High
            || self.kit.scenario.kind == ScenarioKind::ArmedVehicle;
        let secured = |p: &&PersonSeen| {
            p.view.restrained
                || (shows(p, Cue::Incapacitated) && !(p.view.in_vehicle && felony_car))
        };
        let injured = view
            .subjects
            .iter()
            .filter(secured)
            .chain(&view.bystanders)
            .chain(&view.officers)
            .filter(|p| {
                p.view.health >= Health::Minor && p.view.health < Health::Dead
                    || shows(p, Cue::Injured)
            })
            .filter(|p| p.view.health != Health::Dead)
            .filter(|p| self.kit.when(&format!("aid:{}", p.id)).is_none())
            .min_by(|a, b| a.view.distance.total_cmp(&b.view.distance))
            .map(|p| (p.id.clone(), p.pos));
        if let Some((id, pos)) = injured {
            if !self.ems_requested {
                self.ems_requested = true;
                act0(out, Act::Radio(RadioCall::RequestEms));
                return true;
            }
            out.face = Some(pos);
            if self.kit.go(view, pos, 1.0, false, out) {
                self.kit.once(&format!("aid:{id}"), t);
                act(out, Act::Do(Procedure::FirstAid), &id);
            }
            return true;
        }
        if self.force_used && !self.force_reported {
            self.force_reported = true;
            act0(out, Act::Radio(RadioCall::ReportForce));
            return true;
        }
        false
    }

    /// A routine traffic stop with driver `id`, a step at a time with a
    /// pause for the driver's answer: greet and identify, the reason, calm
    /// talk while they argue, the papers (asked up to three times), run by
    /// radio; then, when `close`, the decision (a warning) and the release.
    /// `None` when there is nothing to do for this goal now.
    fn traffic_stop(
        &mut self,
        view: &TraineeView,
        id: &str,
        close: bool,
        out: &mut TraineeInput,
    ) -> Option<bool> {
        /// Seconds between the steps, for the driver to answer.
        const PAUSE: f32 = 2.0;
        let t = view.t;
        let Some(s) = self.subject(view, id) else {
            let p = self.dispatch_pos(id)?;
            out.face = Some(p);
            self.kit.go(view, p, 3.0, false, out);
            return Some(true);
        };
        let pos = self.contact_point(view, &s);
        out.face = Some(s.pos);
        out.select = Some(id.to_string());
        if !self.kit.go(view, pos, 0.3, false, out) && s.view.distance > 2.0 {
            return Some(true);
        }
        let last = ["identify", "reason", "papers", "check", "decide", "talk"]
            .iter()
            .filter_map(|k| self.kit.when(&format!("{k}:{id}")))
            .fold(f32::MIN, f32::max);
        if t - last < PAUSE {
            return Some(true);
        }
        if !view.identified {
            if self.kit.once(&format!("identify:{id}"), t) {
                act(out, Act::Identify, id);
            }
            return Some(true);
        }
        if self.kit.once(&format!("reason:{id}"), t) {
            act(out, Act::Do(Procedure::ExplainReason), id);
            return Some(true);
        }
        if s.view.perceived == ResistanceLevel::Passive && self.mem(id).talks < 4 {
            if self.kit.every(&format!("talk:{id}"), t, COMPLY_TIME) {
                self.mem(id).talks += 1;
                act(out, Act::Talk, id);
            }
            return Some(true);
        }
        let held = view.documents_held.iter().any(|d| d == id);
        if !held && self.mem(id).asks < 3 {
            if self.kit.every(&format!("papers:{id}"), t, COMPLY_TIME) {
                self.mem(id).asks += 1;
                act(out, Act::Do(Procedure::AskDocuments), id);
            }
            return Some(true);
        }
        if held && !view.documents_checked.iter().any(|d| d == id) {
            if self.kit.every(&format!("check:{id}"), t, 5.0) {
                act0(out, Act::Radio(RadioCall::CheckDocuments));
            }
            return Some(true);
        }
        if !close {
            return None;
        }
        if self.kit.once(&format!("decide:{id}"), t) {
            act(out, Act::Do(Procedure::GiveWarning), id);
            return Some(true);
        }
        if self.kit.every(&format!("release:{id}"), t, COMPLY_TIME) {
            act(out, Act::Do(Procedure::Release), id);
        }
        Some(true)
    }

    fn objectives(&mut self, view: &TraineeView, out: &mut TraineeInput) -> bool {
        let t = view.t;
        let mut objectives: Vec<_> = self
            .kit
            .scenario
            .objectives
            .iter()
            .filter(|o| !view.objectives_met.contains(&o.id))
            .map(|o| o.goal.clone())
            .collect();
        // Someone to take into custody who is in view comes first: a subject
        // found during a search is controlled before the search goes on.
        let in_view = |g: &Goal| match g {
            Goal::Custody(id) | Goal::EvidenceSealed(id) => view
                .subjects
                .iter()
                .any(|s| s.id == *id && (s.view.visible || s.view.restrained)),
            _ => false,
        };
        objectives.sort_by_key(|g| !in_view(g));
        for goal in objectives {
            let victim = matches!(goal, Goal::VictimIdentified(_));
            match goal {
                Goal::CalledIn => {}
                Goal::DocumentsChecked(ref id) | Goal::Released(ref id) => {
                    let close = matches!(goal, Goal::Released(_));
                    let id = id.clone();
                    match self.traffic_stop(view, &id, close, out) {
                        Some(acting) => return acting,
                        None => continue,
                    }
                }
                Goal::Interviewed(id) | Goal::VictimIdentified(id) => {
                    let Some(s) = self.subject(view, &id) else {
                        if let Some(p) = self.dispatch_pos(&id) {
                            out.face = Some(p);
                            self.kit.go(view, p, 3.0, false, out);
                            return true;
                        }
                        continue;
                    };
                    let pos = self.contact_point(view, &s);
                    out.face = Some(s.pos);
                    out.select = Some(id.clone());
                    if !self.kit.go(view, pos, 0.3, false, out) && s.view.distance > 2.0 {
                        return true;
                    }
                    if !view.identified {
                        if self.kit.once("identify", t) {
                            act(out, Act::Identify, &id);
                        }
                        return true;
                    }
                    if s.view.perceived == ResistanceLevel::Passive && self.mem(&id).talks < 4 {
                        if self.kit.every(&format!("talk:{id}"), t, COMPLY_TIME) {
                            self.mem(&id).talks += 1;
                            act(out, Act::Talk, &id);
                        }
                        return true;
                    }
                    if self.kit.every(&format!("interview:{id}"), t, COMPLY_TIME) {
                        act(out, Act::Do(Procedure::Interview), &id);
                        if victim && self.kit.once("specialist", t) {
                            act0(out, Act::Radio(RadioCall::RequestSpecialist));
                        }
                    }
                    return true;
                }
                Goal::Custody(id) | Goal::EvidenceSealed(id) => {
                    let unseen = self
                        .subject(view, &id)
                        .is_none_or(|s| !s.view.visible && !s.view.restrained);
                    if unseen && self.barricade(view, &id, out) {
                        return true;
                    }
                    let Some(s) = self.subject(view, &id) else {
                        if let Some(p) = self.dispatch_pos(&id) {
                            out.face = Some(p);
                            if let Some(spot) = self
                                .kit
                                .cover_spot(p, view.pos, 6.0, false)
                                .filter(|_| self.high_risk)
                            {
                                self.kit.go(view, spot, 0.2, false, out);
                            } else {
                                self.kit.go(view, p, 6.0, false, out);
                            }
                            return true;
                        }
                        continue;
                    };
                    if self.victim(&id) {
                        // Evidence on a victim (a child courier's backpack):
                        // first the talk and the specialist, then the search
                        // before witnesses, without handcuffs.
                        let talk_first = self.kit.scenario.objectives.iter().any(|o| {
                            o.goal == Goal::VictimIdentified(id.clone())
                                && !view.objectives_met.contains(&o.id)
                        });
                        if !talk_first && self.after_cuffs(view, &s, out) {
                            return true;
                        }
                        continue;
                    }
                    if s.view.restrained {
                        if self.after_cuffs(view, &s, out) {
                            return true;
                        }
                        continue;
                    }
                    if self.felony(&s)
                        && self
                            .mem
                            .get(&id)
                            .is_none_or(|m| m.call_out < CALL_OUT.len())
                    {
                        self.call_out(view, &s, out);
                    } else {
                        self.take_custody(view, &s, out);
                    }
                    return true;
                }
                Goal::AreaCleared(rooms) => {
                    if self.clear_rooms(view, &rooms, out) {
                        return true;
                    }
                }
                Goal::AssemblyPeaceful(crowd) => {
                    // Facilitate: stay back, talk to anyone agitated.
                    if let Some(s) = active_subjects(view)
                        .filter(|s| s.view.visible && s.view.perceived >= ResistanceLevel::Passive)
                        .min_by(|a, b| a.view.distance.total_cmp(&b.view.distance))
                    {
                        let (id, pos) = (s.id.clone(), s.pos);
                        out.face = Some(pos);
                        if s.view.distance > 5.0 {
                            self.kit.go(view, pos, 4.5, false, out);
                        }
                        if self.kit.every(&format!("talk:{id}"), t, COMPLY_TIME) {
                            act(out, Act::Talk, &id);
                        }
                        return true;
                    }
                    if self.watch_assembly(view, &crowd, out) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// A subject barricaded out of sight in an armed-building call: contain
    /// from hard cover within speaking range of where he was reported (no
    /// door is opened on him), call a negotiator, talk, and call him out to
    /// our voice walking backwards. Returns false when it does not apply.
    fn barricade(&mut self, view: &TraineeView, id: &str, out: &mut TraineeInput) -> bool {
        /// Talk carries this far through a door (the simulation's 8 m).
        const VOICE: f32 = 7.5;
        if self.kit.scenario.kind != ScenarioKind::ArmedBuilding {
            return false;
        }
        let t = view.t;
        let Some(p) = self
            .subject(view, id)
            .map(|s| s.pos)
            .or_else(|| self.dispatch_pos(id))
        else {
            return false;
        };
        if self.kit.once("negotiator", t) {
            act0(out, Act::Radio(RadioCall::RequestSpecialist));
            return true;
        }
        out.face = Some(p);
        let post = self
            .kit
            .cover_spot(p, p, 4.0, false)
            .filter(|c| dist(*c, p) < VOICE);
        match post {
            Some(spot) if !self.kit.go(view, spot, 0.2, false, out) => return true,
            Some(_) => {}
            None if dist(view.pos, p) > VOICE => {
                self.kit.go(view, p, VOICE - 0.5, false, out);
                return true;
            }
            None => {}
        }
        out.face = Some(p);
        if !view.identified {
            if self.kit.once("identify", t) {
                act(out, Act::Identify, id);
            }
            return true;
        }
        // Talk, and now and then the call-out: "come out backwards to my voice".
        if self
            .kit
            .every(&format!("barricade_talk:{id}"), t, COMPLY_TIME + 1.0)
        {
            // Time is on our side: talk can take minutes before he gives
            // up (seed 5: two), so a stand-off being talked is no stall;
            // the scenario's time limit still ends it.
            self.kit.busy(t);
            let n = self.mem(id).calls;
            self.mem(id).calls += 1;
            if n % 2 == 1 {
                act(out, Act::Command(Command::WalkBackwards), id);
            } else {
                act(out, Act::Talk, id);
            }
        }
        true
    }

    fn subject(&self, view: &TraineeView, id: &str) -> Option<PersonSeen> {
        view.subjects.iter().find(|s| s.id == id).cloned()
    }

    /// Where dispatch said the subject is (the briefing's vehicle or place);
    /// hidden subjects are not known.
    fn dispatch_pos(&self, id: &str) -> Option<Pt> {
        let s = self
            .kit
            .scenario
            .subjects
            .iter()
            .find(|s| s.id == id && !s.hidden)?;
        match &s.in_vehicle {
            Some(v) => self
                .kit
                .scenario
                .map
                .vehicles
                .iter()
                .find(|x| x.id == *v)
                .map(|x| x.position),
            None => Some(s.spawn),
        }
    }

    /// Where to stand to talk with a subject: behind the driver's shoulder
    /// for someone in a car, otherwise a little over an arm's length away.
    fn contact_point(&self, view: &TraineeView, s: &PersonSeen) -> Pt {
        if s.view.in_vehicle
            && let Some(v) = self
                .kit
                .scenario
                .map
                .vehicles
                .iter()
                .min_by(|a, b| dist(a.position, s.pos).total_cmp(&dist(b.position, s.pos)))
        {
            let (sn, cs) = v.heading.to_radians().sin_cos();
            let d = (s.pos.0 - v.position.0, s.pos.1 - v.position.1);
            let (lx, ly) = (d.0 * cs + d.1 * sn, -d.0 * sn + d.1 * cs);
            let side = if ly >= 0.0 { 1.0 } else { -1.0 };
            let local = (lx - 0.7, side * (v.size.1 / 2.0 + 0.6));
            let p = (
                v.position.0 + local.0 * cs - local.1 * sn,
                v.position.1 + local.0 * sn + local.1 * cs,
            );
            if self.kit.grid.free(p) {
                return p;
            }
        }
        toward(s.pos, view.pos, 1.8)
    }
}

impl TraineeDriver for ByTheBook {
    /// Gives up after 1e+02 s in which nothing moved on (no objective met,
    /// room cleared, subject found, cuffed or searched).
    fn finished(&self) -> bool {
        self.kit.stalled(120.0)
    }

    fn input(&mut self, view: &TraineeView) -> TraineeInput {
        self.want_light = true;
        let mut out = self.decide(view);
        if view.dark && view.light != self.want_light {
            out.light = Some(self.want_light);
        }
        out
    }
}

impl ByTheBook {
    /// This tick's input (the flashlight aside).
    fn decide(&mut self, view: &TraineeView) -> TraineeInput {
        self.kit.track_progress(view);
        for b in view.bystanders.iter().filter(|b| !b.view.age.is_minor()) {
            self.bystanders_seen.insert(b.id.clone(), b.pos);
        }
        let mut out = TraineeInput::default();
        let t = view.t;
        if view.health >= Health::Serious {
            return out;
        }
        // 1. Call it in before anything else; backup for a risky call.
        if !view.called_in {
            if self.kit.every("call_in", t, 2.0) {
                act0(&mut out, Act::Radio(RadioCall::CallIn));
            }
            return out;
        }
        if self.high_risk && !view.backup_requested && self.kit.every("backup", t, 5.0) {
            act0(&mut out, Act::Radio(RadioCall::RequestBackup));
            return out;
        }
        // 2-4. Threats first (a subject who ran out of sight is still chased).
        for s in active_subjects(view) {
            // A fleeing subject to be arrested is chased as a threat is kept in mind.
            let fleeing = shows(s, Cue::Running) && self.wants_custody(&s.id);
            if s.view.visible && (s.view.perceived >= ResistanceLevel::Assaultive || fleeing) {
                self.threat_seen.insert(s.id.clone(), t);
            }
            if s.view.visible
                && (s.view.perceived >= ResistanceLevel::Assaultive
                    || s.view.weapon_visible.is_some())
            {
                self.armed_seen.insert(s.id.clone());
            }
        }
        let threat = main_threat(view)
            .filter(|s| s.view.visible || self.threat_seen.get(&s.id).is_some_and(|w| t - w < 3.0))
            .cloned();
        if let Some(th) = threat {
            match th.view.perceived {
                ResistanceLevel::Deadly => {
                    self.deadly(view, &th, &mut out);
                    return out;
                }
                ResistanceLevel::Assaultive => {
                    self.assaultive(view, &th, &mut out);
                    return out;
                }
                ResistanceLevel::Active
                    if (!self.felony(&th) || shows(&th, Cue::Running))
                        && self.active(view, &th, &mut out) =>
                {
                    return out;
                }
                _ => {}
            }
        }
        // A weapon drawn for a threat that is over goes back in the holster,
        // except during a felony call-out.
        let calling_out = view.subjects.iter().any(|s| {
            !s.view.restrained
                && (self.mem.get(&s.id).is_some_and(|m| m.call_out > 0) || self.felony(s))
        });
        if !calling_out {
            holster(view, &mut out);
        }
        // Every occupant's hands: one the call is not about (a passenger)
        // whose hands are out of sight is told to show them, again and
        // again while they stay hidden (ICITAP: traffic stops).
        if self.occupant_hands(view, &mut out) {
            return out;
        }
        // 5. Aftercare once the scene is safe, before the job is done (the
        // session ends with the last objective).
        let safe = active_subjects(view).all(|s| s.view.perceived <= ResistanceLevel::Passive);
        if safe && self.aftercare(view, &mut out) {
            return out;
        }
        // 6. The job.
        if self.objectives(view, &mut out) {
            return out;
        }
        if !self.secure_reported && self.kit.when("secure").is_none() {
            self.secure_reported = true;
            self.kit.once("secure", t);
            act0(&mut out, Act::Radio(RadioCall::ReportSecure));
        }
        if let Some(th) = main_threat(view) {
            out.face = Some(th.pos);
        }
        out
    }
}
