//! Loading and checking scripts: syntax errors from RON, then semantic checks
//! (times, distances, ids the scenario knows, step order), each reported as
//! `FILE:LINE:COL: error: MESSAGE`.

use super::format::*;
use crate::diag::{Diagnostic, Problem, locate_problems, parse_ron, read_text};
use crate::scenario::Scenario;
use std::collections::BTreeSet;
use std::path::Path;

/// Loads a script file and checks it (against `scenario` when given).
pub fn load(path: &Path, scenario: Option<&Scenario>) -> Result<Script, Vec<Diagnostic>> {
    let text = read_text(path).map_err(|d| vec![d])?;
    parse(path, &text, scenario)
}

/// Parses and checks a script's text (`path` names it in diagnostics).
pub fn parse(
    path: &Path,
    text: &str,
    scenario: Option<&Scenario>,
) -> Result<Script, Vec<Diagnostic>> {
    let script: Script = parse_ron(path, text).map_err(|d| vec![d])?;
    let problems = check(&script, scenario);
    if problems.is_empty() {
        return Ok(script);
    }
    Err(locate_problems(path, text, &problems))
}

/// Ids a scenario defines, by kind.
struct Ids {
    subjects: BTreeSet<String>,
    people: BTreeSet<String>,
    vehicles: BTreeSet<String>,
    doors: BTreeSet<String>,
    zones: BTreeSet<String>,
    objectives: BTreeSet<String>,
    any: BTreeSet<String>,
}

impl Ids {
    fn of(s: &Scenario) -> Ids {
        let subjects: BTreeSet<String> = s.subjects.iter().map(|x| x.id.clone()).collect();
        let mut people = subjects.clone();
        people.extend(s.bystanders.iter().map(|x| x.id.clone()));
        people.extend(s.officers.partners.iter().map(|x| x.id.clone()));
        let vehicles: BTreeSet<String> = s.map.vehicles.iter().map(|x| x.id.clone()).collect();
        let doors: BTreeSet<String> = s.map.doors.iter().map(|x| x.id.clone()).collect();
        let zones: BTreeSet<String> = s.map.zones.iter().map(|x| x.id.clone()).collect();
        let objectives = s.objectives.iter().map(|x| x.id.clone()).collect();
        let mut any = people.clone();
        any.extend(vehicles.iter().cloned());
        any.extend(doors.iter().cloned());
        any.extend(zones.iter().cloned());
        any.extend(s.crowds.iter().map(|x| x.id.clone()));
        Ids {
            subjects,
            people,
            vehicles,
            doors,
            zones,
            objectives,
            any,
        }
    }
}

fn list(set: &BTreeSet<String>) -> String {
    if set.is_empty() {
        return "none in this scenario".to_string();
    }
    set.iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks a parsed script. Ids are checked only when `scenario` is given.
pub fn check(script: &Script, scenario: Option<&Scenario>) -> Vec<Problem> {
    let mut c = Checker {
        ids: scenario.map(Ids::of),
        out: Vec::new(),
        step_ids: BTreeSet::new(),
        all_step_ids: script.steps.iter().filter_map(|s| s.id.clone()).collect(),
    };
    if let (Some(want), Some(s)) = (&script.scenario, scenario)
        && *want != s.id
    {
        c.err(
            "scenario",
            format!(
                "this script is written for scenario \"{want}\", not \"{}\"",
                s.id
            ),
        );
    }
    if script.steps.is_empty() && script.reactions.is_empty() {
        c.err(
            "",
            "the script has no steps (expected `steps: [ ... ]`)".to_string(),
        );
    }
    let mut seen = BTreeSet::new();
    for (i, step) in script.steps.iter().enumerate() {
        let p = format!("steps[{i}]");
        if let Some(id) = &step.id
            && !seen.insert(id.clone())
        {
            c.err(
                &format!("{p}.id"),
                format!("step id \"{id}\" is used twice"),
            );
        }
        c.step(&p, step, false);
        if let Some(id) = &step.id {
            c.step_ids.insert(id.clone());
        }
    }
    // Reactions may refer to any step, whatever its place.
    c.step_ids = c.all_step_ids.clone();
    for (i, step) in script.reactions.iter().enumerate() {
        c.step(&format!("reactions[{i}]"), step, true);
    }
    c.out
}

struct Checker {
    ids: Option<Ids>,
    out: Vec<Problem>,
    /// Step ids defined before the step being checked.
    step_ids: BTreeSet<String>,
    all_step_ids: BTreeSet<String>,
}

impl Checker {
    fn err(&mut self, path: &str, message: String) {
        self.out.push(Problem::new(path, message));
    }

    fn seconds(&mut self, path: &str, what: &str, v: f32, allow_zero: bool) {
        if !v.is_finite() || v < 0.0 || (!allow_zero && v == 0.0) {
            let want = if allow_zero {
                "0 or more"
            } else {
                "more than 0"
            };
            self.err(
                path,
                format!("{what} must be a number of seconds, {want} (found {v})"),
            );
        }
    }

    fn meters(&mut self, path: &str, what: &str, v: f32) {
        if !v.is_finite() || v < 0.0 {
            self.err(
                path,
                format!("{what} must be a distance in meters, 0 or more (found {v})"),
            );
        }
    }

    /// Checks `id` against one kind of scenario id.
    fn id(&mut self, path: &str, id: &str, kind: &str, pick: fn(&Ids) -> &BTreeSet<String>) {
        let Some(ids) = &self.ids else { return };
        let set = pick(ids);
        if !set.contains(id) {
            let msg = format!("unknown {kind} \"{id}\" (valid: {})", list(set));
            self.err(path, msg);
        }
    }

    fn step(&mut self, p: &str, s: &Step, reaction: bool) {
        if let Some(at) = s.at {
            self.seconds(&format!("{p}.at"), "`at`", at, true);
        }
        if let Some(t) = s.timeout {
            self.seconds(&format!("{p}.timeout"), "`timeout`", t, false);
        }
        self.seconds(&format!("{p}.wait"), "`wait`", s.wait, true);
        if let Some(d) = s.stop_at {
            self.meters(&format!("{p}.stop_at"), "`stop_at`", d);
            if s.move_to.is_none() {
                self.err(
                    &format!("{p}.stop_at"),
                    "`stop_at` needs a `move_to` in the same step".into(),
                );
            }
        }
        if let Some(target) = &s.target {
            self.id(&format!("{p}.target"), target, "target", |i| &i.any);
        }
        if let Some(place) = &s.move_to {
            if *place == Place::Ahead {
                self.err(
                    &format!("{p}.move_to"),
                    "`move_to: ahead` has no place to go; `ahead` is only for `face`".into(),
                );
            }
            self.place(&format!("{p}.move_to"), place);
        }
        if let Some(place) = &s.face {
            self.place(&format!("{p}.face"), place);
        }
        if let Some(cond) = &s.when {
            self.cond(&format!("{p}.when"), cond);
        }
        if reaction {
            if s.at.is_none() && s.when.is_none() {
                self.err(
                    p,
                    "a reaction needs `when` (or `at`): it is checked every tick".into(),
                );
            }
            for (field, present) in [
                ("move_to", s.move_to.is_some()),
                ("run", s.run),
                ("wait", s.wait > 0.0),
                ("timeout", s.timeout.is_some()),
            ] {
                if present {
                    self.err(&format!("{p}.{field}"), format!("a reaction cannot use `{field}` (reactions only act and face; put moves in `steps`)"),
                    );
                }
            }
            if let Some(r) = s.repeat {
                self.seconds(&format!("{p}.repeat"), "`repeat`", r, false);
            }
        } else {
            if s.repeat.is_some() {
                self.err(
                    &format!("{p}.repeat"),
                    "`repeat` is only for reactions; a step runs once".into(),
                );
            }
            let does_something = !s.actions.is_empty()
                || s.move_to.is_some()
                || s.face.is_some()
                || s.wait > 0.0
                || s.at.is_some()
                || s.when.is_some();
            if !does_something {
                self.err(p, "this step does nothing (give it `do`, `move_to`, `face`, `wait`, `at` or `when`)".into());
            }
        }
    }

    fn place(&mut self, p: &str, place: &Place) {
        match place {
            Place::Point((x, y)) => {
                if !x.is_finite() || !y.is_finite() {
                    self.err(p, "a point needs finite coordinates in meters".into());
                }
            }
            Place::Person(id) => self.id(&format!("{p}[0]"), id, "person", |i| &i.people),
            Place::Vehicle(id) => self.id(&format!("{p}[0]"), id, "vehicle", |i| &i.vehicles),
            Place::Door(id) => self.id(&format!("{p}[0]"), id, "door", |i| &i.doors),
            Place::Zone(id) => self.id(&format!("{p}[0]"), id, "zone", |i| &i.zones),
            Place::Ahead => {}
        }
    }

    fn cond(&mut self, p: &str, c: &Cond) {
        match c {
            Cond::Time(t) | Cond::Elapsed(t) => {
                self.seconds(&format!("{p}[0]"), "the time", *t, true)
            }
            Cond::LevelAtLeast { subject, .. } | Cond::LevelAtMost { subject, .. } => {
                if let Some(s) = subject {
                    self.id(&format!("{p}.subject"), s, "subject", |i| &i.subjects);
                }
            }
            Cond::Distance { to, below, above } => {
                self.id(&format!("{p}.to"), to, "person", |i| &i.people);
                if below.is_none() && above.is_none() {
                    self.err(
                        p,
                        "`distance` needs `below: METERS` or `above: METERS`".into(),
                    );
                }
                for (field, v) in [("below", below), ("above", above)] {
                    if let Some(v) = v {
                        self.meters(&format!("{p}.{field}"), "a distance", *v);
                    }
                }
                if let (Some(b), Some(a)) = (below, above)
                    && b <= a
                {
                    self.err(p, format!("`below: {b}` must be more than `above: {a}` or the condition never holds"));
                }
            }
            Cond::InZone(z) => self.id(&format!("{p}[0]"), z, "zone", |i| &i.zones),
            Cond::Cue { subject, .. } => {
                if let Some(s) = subject {
                    self.id(&format!("{p}.subject"), s, "subject", |i| &i.subjects);
                }
            }
            Cond::Visible(id) => self.id(&format!("{p}[0]"), id, "person", |i| &i.people),
            Cond::Restrained(id) | Cond::Searched(id) | Cond::Papers(id) => {
                self.id(&format!("{p}[0]"), id, "subject", |i| &i.subjects)
            }
            Cond::Noticed(kind) => {
                if kind.trim().is_empty() {
                    self.err(p, "`noticed` needs an event kind such as \"shot\"".into());
                }
            }
            Cond::Objective(id) => self.id(&format!("{p}[0]"), id, "objective", |i| &i.objectives),
            Cond::Cleared(z) => self.id(&format!("{p}[0]"), z, "zone", |i| &i.zones),
            Cond::Witnesses(_) | Cond::InCover => {}
            Cond::Done(id) | Cond::Skipped(id) => {
                if !self.step_ids.contains(id) {
                    let msg = if self.all_step_ids.contains(id) {
                        format!(
                            "step \"{id}\" comes later; steps run in order, so this would wait forever"
                        )
                    } else {
                        format!(
                            "no step has id \"{id}\" (step ids so far: {})",
                            list(&self.step_ids)
                        )
                    };
                    self.err(&format!("{p}[0]"), msg);
                }
            }
            Cond::All(cs) | Cond::Any(cs) => {
                if cs.is_empty() {
                    self.err(p, "`all`/`any` needs at least one condition".into());
                }
                for (k, c) in cs.iter().enumerate() {
                    self.cond(&format!("{p}[0][{k}]"), c);
                }
            }
            Cond::Not(c) => self.cond(&format!("{p}[0]"), c),
        }
    }
}
