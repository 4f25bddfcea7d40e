//! Running a script: [`ScriptDriver`] turns a [`Script`] into the trainee's
//! input tick by tick, from the [`TraineeView`] alone.

use super::format::*;
use crate::domain::*;
use crate::nav::{Follower, NavGrid, Steer, dist, seg_dist};
use crate::scenario::Scenario;
use crate::scenario::schema::{CoverKind, DoorState};
use crate::trainee::{PersonSeen, TraineeDriver, TraineeInput, TraineeView};
use std::collections::BTreeSet;

/// Where the current step is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Phase {
    /// Waiting for its time and condition.
    Waiting,
    /// Walking or running to its place.
    Moving,
    /// Standing still until this time.
    Pausing(f32),
}

/// Static facts about the scene a script may name.
#[derive(Debug, Clone)]
struct Layout {
    spawns: Vec<(String, Pt)>,
    vehicles: Vec<(String, Pt)>,
    doors: Vec<(String, Pt)>,
    zones: Vec<(String, Pt, Pt)>,
}

impl Layout {
    fn of(s: &Scenario) -> Layout {
        let mut spawns: Vec<(String, Pt)> =
            s.subjects.iter().map(|x| (x.id.clone(), x.spawn)).collect();
        spawns.extend(s.bystanders.iter().map(|x| (x.id.clone(), x.spawn)));
        spawns.extend(s.officers.partners.iter().map(|x| (x.id.clone(), x.spawn)));
        Layout {
            spawns,
            vehicles: s
                .map
                .vehicles
                .iter()
                .map(|v| (v.id.clone(), v.position))
                .collect(),
            doors: s.map.doors.iter().map(|d| (d.id.clone(), d.at)).collect(),
            zones: s
                .map
                .zones
                .iter()
                .map(|z| (z.id.clone(), z.min, z.max))
                .collect(),
        }
    }

    fn find(list: &[(String, Pt)], id: &str) -> Option<Pt> {
        list.iter().find(|(i, _)| i == id).map(|(_, p)| *p)
    }

    fn zone_centre(&self, id: &str) -> Option<Pt> {
        self.zones
            .iter()
            .find(|(i, _, _)| i == id)
            .map(|(_, a, b)| ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0))
    }

    fn in_zone(&self, id: &str, p: Pt) -> bool {
        self.zones
            .iter()
            .any(|(i, a, b)| i == id && p.0 >= a.0 && p.0 <= b.0 && p.1 >= a.1 && p.1 <= b.1)
    }
}

/// Finds a person in the view by id.
pub(crate) fn person<'a>(view: &'a TraineeView, id: &str) -> Option<&'a PersonSeen> {
    view.subjects
        .iter()
        .chain(&view.bystanders)
        .chain(&view.officers)
        .find(|p| p.id == id)
}

/// Drives the trainee from a script. Build one per run.
#[derive(Debug, Clone)]
pub struct ScriptDriver {
    script: Script,
    layout: Layout,
    grid: NavGrid,
    current: usize,
    phase: Phase,
    started: f32,
    done: BTreeSet<String>,
    skipped: BTreeSet<String>,
    noticed: BTreeSet<String>,
    face: Option<Place>,
    target: Option<String>,
    follower: Follower,
    /// Last firing time of each reaction.
    fired: Vec<Option<f32>>,
    /// Last time a door was opened on the way, to avoid repeating it every tick.
    door_opened_at: f32,
}

impl ScriptDriver {
    /// A driver for `script` in `scenario` (for the layout: zones, vehicles,
    /// doors, spawn points, walls to walk around).
    pub fn new(script: Script, scenario: &Scenario) -> ScriptDriver {
        let n = script.reactions.len();
        ScriptDriver {
            script,
            layout: Layout::of(scenario),
            grid: NavGrid::new(&scenario.map),
            current: 0,
            phase: Phase::Waiting,
            started: 0.0,
            done: BTreeSet::new(),
            skipped: BTreeSet::new(),
            noticed: BTreeSet::new(),
            face: None,
            target: None,
            follower: Follower::default(),
            fired: vec![None; n],
            door_opened_at: f32::NEG_INFINITY,
        }
    }

    /// Whether every step has run or been skipped.
    pub fn finished(&self) -> bool {
        self.current >= self.script.steps.len()
    }

    /// Index of the current step.
    pub fn current_step(&self) -> usize {
        self.current
    }

    fn place_pos(&self, view: &TraineeView, place: &Place) -> Option<Pt> {
        match place {
            Place::Point(p) => Some(*p),
            Place::Person(id) => person(view, id)
                .map(|p| p.pos)
                .or_else(|| Layout::find(&self.layout.spawns, id)),
            Place::Vehicle(id) => Layout::find(&self.layout.vehicles, id),
            Place::Door(id) => view
                .doors
                .iter()
                .find(|d| d.id == *id)
                .map(|d| d.at)
                .or_else(|| Layout::find(&self.layout.doors, id)),
            Place::Zone(id) => self.layout.zone_centre(id),
            Place::Ahead => None,
        }
    }

    fn holds(&self, c: &Cond, view: &TraineeView, since: f32) -> bool {
        let t = view.t;
        match c {
            Cond::Time(s) => t >= *s,
            Cond::Elapsed(s) => t - since >= *s,
            Cond::LevelAtLeast { subject, level } => view
                .subjects
                .iter()
                .filter(|p| subject.as_ref().is_none_or(|s| *s == p.id))
                .any(|p| p.view.perceived >= *level),
            Cond::LevelAtMost { subject, level } => match subject {
                Some(s) => view
                    .subjects
                    .iter()
                    .find(|p| p.id == *s)
                    .is_some_and(|p| p.view.perceived <= *level),
                None => view.subjects.iter().all(|p| p.view.perceived <= *level),
            },
            Cond::Distance { to, below, above } => person(view, to).is_some_and(|p| {
                let d = dist(view.pos, p.pos);
                below.is_none_or(|b| d < b) && above.is_none_or(|a| d > a)
            }),
            Cond::InZone(z) => self.layout.in_zone(z, view.pos),
            Cond::Cue { subject, cue } => view
                .subjects
                .iter()
                .filter(|p| p.view.visible && subject.as_ref().is_none_or(|s| *s == p.id))
                .any(|p| {
                    p.view.cues.contains(cue)
                        || (*cue == Cue::WeaponVisible && p.view.weapon_visible.is_some())
                }),
            Cond::Visible(id) => person(view, id).is_some_and(|p| p.view.visible),
            Cond::Restrained(id) => person(view, id).is_some_and(|p| p.view.restrained),
            Cond::Searched(id) => person(view, id).is_some_and(|p| p.view.searched),
            Cond::Noticed(k) => self.noticed.contains(k),
            Cond::Objective(id) => view.objectives_met.contains(id),
            Cond::Cleared(z) => view.cleared.contains(z),
            Cond::Witnesses(n) => view.witnesses.len() >= *n as usize,
            Cond::InCover => view.cover == Some(CoverKind::Hard),
            Cond::Papers(id) => view.documents_held.contains(id),
            Cond::Done(id) => self.done.contains(id),
            Cond::Skipped(id) => self.skipped.contains(id),
            Cond::All(cs) => cs.iter().all(|c| self.holds(c, view, since)),
            Cond::Any(cs) => cs.iter().any(|c| self.holds(c, view, since)),
            Cond::Not(c) => !self.holds(c, view, since),
        }
    }

    fn ready(&self, s: &Step, view: &TraineeView, since: f32) -> bool {
        s.at.is_none_or(|at| view.t >= at)
            && s.when.as_ref().is_none_or(|c| self.holds(c, view, since))
    }

    fn push_actions(&mut self, s: &Step, out: &mut TraineeInput) {
        out.actions.extend(s.actions.iter().map(|a| OfficerAction {
            act: *a,
            target: s.target.clone(),
        }));
        if s.light.is_some() {
            out.light = s.light;
        }
        if s.target.is_some() {
            self.target = s.target.clone();
        }
        if s.face.is_some() {
            self.face = s.face.clone();
        }
    }

    fn advance(&mut self, t: f32, skipped: bool) {
        if let Some(id) = self
            .script
            .steps
            .get(self.current)
            .and_then(|s| s.id.clone())
        {
            if skipped {
                self.skipped.insert(id);
            } else {
                self.done.insert(id);
            }
        }
        self.current += 1;
        self.phase = Phase::Waiting;
        self.started = t;
        self.follower.reset();
    }

    fn reactions(&mut self, view: &TraineeView, out: &mut TraineeInput) {
        for i in 0..self.script.reactions.len() {
            let r = &self.script.reactions[i];
            let since = self.fired[i].unwrap_or(0.0);
            let due = match (self.fired[i], r.repeat) {
                (None, _) => true,
                (Some(last), Some(every)) => view.t - last >= every,
                (Some(_), None) => false,
            };
            if due && self.ready(r, view, since) {
                let r = r.clone();
                self.push_actions(&r, out);
                self.fired[i] = Some(view.t);
            }
        }
    }

    /// Runs the step machine; returns the direction to move, whether to run
    /// and the next waypoint, if moving.
    fn steps(&mut self, view: &TraineeView, out: &mut TraineeInput) -> Option<(Pt, bool, Pt)> {
        let t = view.t;
        // Several instant steps may run in one tick; bounded so a script can't spin.
        for _ in 0..64 {
            let step = self.script.steps.get(self.current).cloned()?;
            let timed_out = step.timeout.is_some_and(|to| t - self.started >= to);
            match self.phase {
                Phase::Waiting => {
                    if timed_out {
                        self.advance(t, true);
                        continue;
                    }
                    if !self.ready(&step, view, self.started) {
                        return None;
                    }
                    self.push_actions(&step, out);
                    if step.move_to.is_some() {
                        self.phase = Phase::Moving;
                    } else if step.wait > 0.0 {
                        self.phase = Phase::Pausing(t + step.wait);
                        return None;
                    } else {
                        self.advance(t, false);
                    }
                }
                Phase::Moving => {
                    if timed_out {
                        self.advance(t, true);
                        continue;
                    }
                    let place = step.move_to.as_ref().expect("moving steps have a place");
                    let default_stop = if matches!(place, Place::Person(_)) {
                        1.5
                    } else {
                        0.3
                    };
                    let stop = step.stop_at.unwrap_or(default_stop);
                    let Some(goal) = self.place_pos(view, place) else {
                        // Nowhere to go (validated scripts always resolve): the move is over.
                        self.advance(t, true);
                        continue;
                    };
                    match self.follower.steer(&self.grid, view.pos, goal, stop, t) {
                        Steer::Go(d) => {
                            let wp = self.follower.next_waypoint().unwrap_or(goal);
                            return Some((d, step.run, wp));
                        }
                        Steer::Arrived | Steer::Stuck => {
                            self.follower.reset();
                            if step.wait > 0.0 {
                                self.phase = Phase::Pausing(t + step.wait);
                                return None;
                            }
                            self.advance(t, false);
                        }
                    }
                }
                Phase::Pausing(until) => {
                    if t >= until {
                        self.advance(t, false);
                    } else {
                        return None;
                    }
                }
            }
        }
        None
    }
}

impl TraineeDriver for ScriptDriver {
    /// A script ends the session after its last step (end it with a `wait`
    /// to let the scenario run on).
    fn finished(&self) -> bool {
        self.finished()
    }

    fn input(&mut self, view: &TraineeView) -> TraineeInput {
        self.noticed.extend(view.noticed.iter().cloned());
        let mut out = TraineeInput::default();
        self.reactions(view, &mut out);
        let moving = self.steps(view, &mut out);
        let mut ahead = None;
        if let Some((d, run, wp)) = moving {
            out.move_dir = d;
            out.run = run;
            ahead = Some(wp);
            open_doors_on_the_way(view, wp, &mut self.door_opened_at, &mut out);
        }
        out.face = match &self.face {
            None | Some(Place::Ahead) => ahead,
            Some(p) => self.place_pos(view, p).or(ahead),
        };
        out.select = self.target.clone();
        out
    }
}

/// Opens a closed door the trainee is about to walk through (scripts and
/// bots walk through doorways; the door has to be opened first).
pub(crate) fn open_doors_on_the_way(
    view: &TraineeView,
    next: Pt,
    last: &mut f32,
    out: &mut TraineeInput,
) {
    if view.t - *last < 1.0 {
        return;
    }
    let door = view.doors.iter().find(|d| {
        d.state == DoorState::Closed
            && dist(view.pos, d.at) < 1.4
            && seg_dist(d.at, view.pos, next) < 0.8
    });
    if let Some(d) = door {
        out.actions.push(OfficerAction::at(
            Act::Do(Procedure::OpenDoor),
            d.id.clone(),
        ));
        *last = view.t;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::SubjectView;

    fn scenario() -> Scenario {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/traffic_stop_low.ron");
        crate::scenario::load(&path).unwrap().scenario
    }

    fn driver(src: &str) -> ScriptDriver {
        let s = scenario();
        let script = super::super::parse(std::path::Path::new("t.ron"), src, Some(&s))
            .unwrap_or_else(|d| panic!("{}", d[0]));
        ScriptDriver::new(script, &s)
    }

    fn view(t: f32, driver_level: ResistanceLevel, distance: f32) -> TraineeView {
        TraineeView {
            tick: (t * 60.0) as u32,
            t,
            pos: (17.0, 13.6),
            subjects: vec![PersonSeen {
                id: "driver".into(),
                pos: (17.0 + distance, 13.6),
                heading: 0.0,
                view: SubjectView {
                    id: "driver".into(),
                    perceived: driver_level,
                    distance,
                    visible: true,
                    ..Default::default()
                },
            }],
            ..Default::default()
        }
    }

    fn acts(i: &TraineeInput) -> Vec<Act> {
        i.actions.iter().map(|a| a.act).collect()
    }

    #[test]
    fn steps_wait_for_their_time_then_run_in_order() {
        let mut d = driver(
            "(steps: [(at: 1.0, do: [radio(call_in)]), (target: \"driver\", do: [identify, talk])])",
        );
        assert!(acts(&d.input(&view(0.5, ResistanceLevel::Compliant, 9.0))).is_empty());
        let i = d.input(&view(1.0, ResistanceLevel::Compliant, 9.0));
        // Both steps are instant, so both run in the same tick, in order.
        assert_eq!(
            acts(&i),
            vec![Act::Radio(RadioCall::CallIn), Act::Identify, Act::Talk]
        );
        assert_eq!(i.actions[1].target.as_deref(), Some("driver"));
        assert!(d.finished());
    }

    #[test]
    fn a_step_waits_for_its_condition_and_times_out() {
        let src = "(steps: [
            (id: \"calm\", when: level_at_least(subject: \"driver\", level: passive), timeout: 5.0, do: [talk]),
            (when: skipped(\"calm\"), do: [identify]),
        ])";
        let mut d = driver(src);
        assert!(acts(&d.input(&view(1.0, ResistanceLevel::Compliant, 4.0))).is_empty());
        assert!(acts(&d.input(&view(4.9, ResistanceLevel::Compliant, 4.0))).is_empty());
        // Timed out: skipped, and the next step (waiting on that) runs.
        assert_eq!(
            acts(&d.input(&view(5.0, ResistanceLevel::Compliant, 4.0))),
            vec![Act::Identify]
        );

        let mut d = driver(src);
        assert_eq!(
            acts(&d.input(&view(2.0, ResistanceLevel::Passive, 4.0))),
            vec![Act::Talk]
        );
        // `calm` was done, not skipped: the second step never runs.
        assert!(acts(&d.input(&view(9.0, ResistanceLevel::Passive, 4.0))).is_empty());
        assert!(!d.finished());
    }

    #[test]
    fn moves_until_near_then_goes_on() {
        let mut d = driver(
            "(steps: [(move_to: person(\"driver\"), stop_at: 2.0, run: true), (do: [talk])])",
        );
        let i = d.input(&view(0.0, ResistanceLevel::Compliant, 6.0));
        assert!(i.move_dir.0 > 0.0 && i.run, "{i:?}");
        assert!(acts(&i).is_empty());
        let i = d.input(&view(0.1, ResistanceLevel::Compliant, 1.9));
        assert_eq!(i.move_dir, (0.0, 0.0));
        assert_eq!(acts(&i), vec![Act::Talk]);
    }

    #[test]
    fn reactions_fire_once_or_repeat() {
        let src = "(steps: [(wait: 100.0)], reactions: [
            (when: level_at_least(level: active), target: \"driver\", do: [command(stop)], repeat: 2.0),
            (when: distance(to: \"driver\", below: 3.0), do: [radio(request_backup)]),
        ])";
        let mut d = driver(src);
        let fired = |d: &mut ScriptDriver, t: f32, lvl, dist| acts(&d.input(&view(t, lvl, dist)));
        assert_eq!(
            fired(&mut d, 0.0, ResistanceLevel::Active, 2.0),
            vec![
                Act::Command(Command::Stop),
                Act::Radio(RadioCall::RequestBackup)
            ]
        );
        assert!(fired(&mut d, 1.0, ResistanceLevel::Active, 2.0).is_empty());
        assert_eq!(
            fired(&mut d, 2.0, ResistanceLevel::Active, 2.0),
            vec![Act::Command(Command::Stop)]
        );
        assert!(fired(&mut d, 4.5, ResistanceLevel::Compliant, 2.0).is_empty());
    }

    #[test]
    fn facing_follows_the_script() {
        let mut d =
            driver("(steps: [(face: person(\"driver\"), wait: 1.0), (face: point((0.0, 0.0)))])");
        assert_eq!(
            d.input(&view(0.0, ResistanceLevel::Compliant, 5.0)).face,
            Some((22.0, 13.6))
        );
        assert_eq!(
            d.input(&view(2.0, ResistanceLevel::Compliant, 5.0)).face,
            Some((0.0, 0.0))
        );
    }
}
