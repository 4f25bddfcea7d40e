//! Loading and checking scripts: syntax errors from RON, then semantic checks
//! (times, distances, ids the scenario knows, step order), each reported as
//! `FILE:LINE:COL: error: MESSAGE`.

use super::format::*;
use crate::diag::{Diagnostic, Problem, locate_problems, m, parse_ron, read_text};
use crate::i18n::{Arg, Msg};
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
    /// Crowd ids and their sizes (members are `CROWD_1`..`CROWD_N`).
    crowds: Vec<(String, u32)>,
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
            crowds: s.crowds.iter().map(|c| (c.id.clone(), c.count)).collect(),
        }
    }
}

fn list(set: &BTreeSet<String>) -> Arg {
    if set.is_empty() {
        return m("script-none-here").into();
    }
    Arg::Text(
        set.iter()
            .map(|s| format!("\"{s}\""))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// Steps and reactions a script may have: far more than a session of an hour
/// needs, few enough that checking conditions each tick stays cheap.
pub const MAX_STEPS: usize = 2000;

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
            Msg::new("script-other-scenario")
                .with("want", want)
                .with("id", &s.id),
        );
    }
    if script.steps.is_empty() && script.reactions.is_empty() {
        c.err("", m("script-no-steps"));
    }
    for (path, n) in [
        ("steps", script.steps.len()),
        ("reactions", script.reactions.len()),
    ] {
        if n > MAX_STEPS {
            c.err(
                path,
                Msg::new("diag-too-many")
                    .with("what", m("lim-steps"))
                    .with("n", n)
                    .with("max", MAX_STEPS),
            );
        }
    }
    let mut seen = BTreeSet::new();
    for (i, step) in script.steps.iter().enumerate() {
        let p = format!("steps[{i}]");
        if let Some(id) = &step.id
            && !seen.insert(id.clone())
        {
            c.err(
                &format!("{p}.id"),
                Msg::new("script-step-twice").with("id", id),
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
    fn err(&mut self, path: &str, message: Msg) {
        self.out.push(Problem::new(path, message));
    }

    fn seconds(&mut self, path: &str, what: Arg, v: f32, allow_zero: bool) {
        if !v.is_finite() || v < 0.0 || (!allow_zero && v == 0.0) {
            let id = if allow_zero {
                "script-seconds-zero-ok"
            } else {
                "script-seconds-positive"
            };
            self.err(path, Msg::new(id).with("what", what).with("v", v));
        }
    }

    fn meters(&mut self, path: &str, what: Arg, v: f32) {
        if !v.is_finite() || v < 0.0 {
            self.err(
                path,
                Msg::new("script-meters").with("what", what).with("v", v),
            );
        }
    }

    /// Checks `id` against one kind of scenario id.
    /// `CROWD_N`: the n-th member of a crowd (1-based, as the simulation names them).
    fn is_crowd_member(&self, id: &str) -> bool {
        let Some(ids) = &self.ids else { return false };
        ids.crowds.iter().any(|(c, count)| {
            id.strip_prefix(c.as_str())
                .and_then(|r| r.strip_prefix('_'))
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| n >= 1 && n <= *count)
        })
    }

    fn id(&mut self, path: &str, id: &str, kind: &str, pick: fn(&Ids) -> &BTreeSet<String>) {
        let Some(ids) = &self.ids else { return };
        let set = pick(ids);
        if !set.contains(id) {
            let msg = Msg::new("script-unknown-id")
                .with("what", Msg::new(format!("type-{kind}")))
                .with("id", id)
                .with("valid", list(set));
            self.err(path, msg);
        }
    }

    fn step(&mut self, p: &str, s: &Step, reaction: bool) {
        if let Some(at) = s.at {
            self.seconds(&format!("{p}.at"), Arg::Text("`at`".into()), at, true);
        }
        if let Some(t) = s.timeout {
            self.seconds(
                &format!("{p}.timeout"),
                Arg::Text("`timeout`".into()),
                t,
                false,
            );
        }
        self.seconds(
            &format!("{p}.wait"),
            Arg::Text("`wait`".into()),
            s.wait,
            true,
        );
        if let Some(d) = s.stop_at {
            self.meters(&format!("{p}.stop_at"), Arg::Text("`stop_at`".into()), d);
            if s.move_to.is_none() {
                self.err(&format!("{p}.stop_at"), m("script-stop-at-alone"));
            }
        }
        if let Some(target) = &s.target
            && !self.is_crowd_member(target)
        {
            self.id(&format!("{p}.target"), target, "target", |i| &i.any);
        }
        if let Some(place) = &s.move_to {
            if *place == Place::Ahead {
                self.err(&format!("{p}.move_to"), m("script-move-ahead"));
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
                self.err(p, m("script-reaction-when"));
            }
            for (field, present) in [
                ("move_to", s.move_to.is_some()),
                ("run", s.run),
                ("wait", s.wait > 0.0),
                ("timeout", s.timeout.is_some()),
            ] {
                if present {
                    self.err(
                        &format!("{p}.{field}"),
                        Msg::new("script-reaction-field").with("field", field),
                    );
                }
            }
            if let Some(r) = s.repeat {
                self.seconds(
                    &format!("{p}.repeat"),
                    Arg::Text("`repeat`".into()),
                    r,
                    false,
                );
            }
        } else {
            if s.repeat.is_some() {
                self.err(&format!("{p}.repeat"), m("script-repeat-step"));
            }
            let does_something = !s.actions.is_empty()
                || s.move_to.is_some()
                || s.face.is_some()
                || s.wait > 0.0
                || s.at.is_some()
                || s.when.is_some();
            if !does_something {
                self.err(p, m("script-step-nothing"));
            }
        }
    }

    fn place(&mut self, p: &str, place: &Place) {
        match place {
            Place::Point((x, y)) => {
                if !x.is_finite() || !y.is_finite() {
                    self.err(p, m("script-point-finite"));
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
                self.seconds(&format!("{p}[0]"), m("what-the-time").into(), *t, true)
            }
            Cond::LevelAtLeast { subject, .. } | Cond::LevelAtMost { subject, .. } => {
                if let Some(s) = subject {
                    self.id(&format!("{p}.subject"), s, "subject", |i| &i.subjects);
                }
            }
            Cond::Distance { to, below, above } => {
                self.id(&format!("{p}.to"), to, "person", |i| &i.people);
                if below.is_none() && above.is_none() {
                    self.err(p, m("script-distance-bounds"));
                }
                for (field, v) in [("below", below), ("above", above)] {
                    if let Some(v) = v {
                        self.meters(&format!("{p}.{field}"), m("what-a-distance").into(), *v);
                    }
                }
                if let (Some(b), Some(a)) = (below, above)
                    && b <= a
                {
                    self.err(
                        p,
                        Msg::new("script-below-above")
                            .with("below", *b)
                            .with("above", *a),
                    );
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
                    self.err(p, m("script-noticed-empty"));
                }
            }
            Cond::Objective(id) => self.id(&format!("{p}[0]"), id, "objective", |i| &i.objectives),
            Cond::Cleared(z) => self.id(&format!("{p}[0]"), z, "zone", |i| &i.zones),
            Cond::Witnesses(_) | Cond::InCover => {}
            Cond::Done(id) | Cond::Skipped(id) => {
                if !self.step_ids.contains(id) {
                    let msg = if self.all_step_ids.contains(id) {
                        Msg::new("script-step-later").with("id", id)
                    } else {
                        Msg::new("script-no-step")
                            .with("id", id)
                            .with("so_far", list(&self.step_ids))
                    };
                    self.err(&format!("{p}[0]"), msg);
                }
            }
            Cond::All(cs) | Cond::Any(cs) => {
                if cs.is_empty() {
                    self.err(p, m("script-all-any-empty"));
                }
                for (k, c) in cs.iter().enumerate() {
                    self.cond(&format!("{p}[0][{k}]"), c);
                }
            }
            Cond::Not(c) => self.cond(&format!("{p}[0]"), c),
        }
    }
}
