//! Loading and checking scripts: syntax errors from RON, then semantic checks
//! (times, distances, ids the scenario knows, step order), each reported as
//! `FILE:LINE:COL: error: MESSAGE`.

use super::format::*;
use super::locate::Locator;
use crate::diag::{Diagnostic, read_text};
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
    let script: Script = crate::diag::ron_options().from_str(text).map_err(|e| {
        let (line, col) = (e.span.start.line.max(1), e.span.start.col.max(1));
        vec![Diagnostic::new(
            path,
            line,
            col,
            describe(&e.code, text, line, col),
        )]
    })?;
    let problems = check(&script, scenario);
    if problems.is_empty() {
        return Ok(script);
    }
    let loc = Locator::new(text);
    let mut diags: Vec<Diagnostic> = problems
        .into_iter()
        .map(|p| {
            let (line, col) = match &p.needle {
                Some(n) => loc.find_str_in(&p.path, n),
                None => loc.find(&p.path),
            };
            Diagnostic::new(path, line, col, p.message)
        })
        .collect();
    diags.sort();
    diags.dedup();
    Err(diags)
}

/// What a Rust type in the script format is called in messages.
fn type_name(t: &str) -> String {
    let s = match t {
        "Script" => "the script",
        "Step" => "a step",
        "Cond" => "a condition",
        "Place" => "a place",
        "Act" => "an action",
        "Command" => "a command",
        "Warning" => "a warning",
        "RadioCall" => "a radio call",
        "Procedure" => "a procedure",
        "ForceOption" => "a force option",
        "Tool" => "a tool",
        "ResistanceLevel" => "a resistance level",
        "Cue" => "a cue",
        other => return format!("`{other}`"),
    };
    s.to_string()
}

fn one_of(alts: &[&str]) -> String {
    let quoted: Vec<String> = alts.iter().map(|a| format!("`{a}`")).collect();
    match quoted.len() {
        0 => "nothing here".to_string(),
        1 => quoted[0].clone(),
        n => format!("{} or {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// RON's error in a script author's words, with no Rust type names.
fn describe(code: &ron::Error, text: &str, line: usize, col: usize) -> String {
    use ron::Error as E;
    let at_end = {
        let rest: String = text.lines().skip(line - 1).collect::<Vec<_>>().join("\n");
        rest.chars().skip(col - 1).all(char::is_whitespace)
    };
    match code {
        E::Eof => "the file ends too early (a bracket or parenthesis is not closed)".to_string(),
        _ if at_end => format!(
            "the file ends too early (a bracket or parenthesis is not closed; {})",
            describe(code, "x", 1, 1)
        ),
        E::ExpectedComma => "expected a comma between items".to_string(),
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "unexpected field `{found}` in {}; expected one of {}",
            outer
                .as_deref()
                .map(type_name)
                .unwrap_or_else(|| "this item".into()),
            one_of(expected)
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "unexpected `{found}` in {}, expected one of {}",
            outer
                .as_deref()
                .map(type_name)
                .unwrap_or_else(|| "this item".into()),
            one_of(expected)
        ),
        E::MissingStructField { field, outer } => format!(
            "missing field `{field}` in {}",
            outer
                .as_deref()
                .map(type_name)
                .unwrap_or_else(|| "this item".into())
        ),
        E::DuplicateStructField { field, outer } => format!(
            "field `{field}` given twice in {}",
            outer
                .as_deref()
                .map(type_name)
                .unwrap_or_else(|| "this item".into())
        ),
        other => {
            let mut s = other.to_string();
            for t in [
                "Script",
                "Step",
                "Cond",
                "Place",
                "Act",
                "ResistanceLevel",
                "Cue",
            ] {
                s = s.replace(&format!("`{t}`"), &type_name(t));
            }
            // Lower-case first letter, to read like the other messages.
            let mut c = s.chars();
            match c.next() {
                Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
                None => s,
            }
        }
    }
}

/// One semantic problem: where (a locator path, optionally a string literal
/// inside it) and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Locator path of the value (`steps[2].when`).
    pub path: String,
    /// A string literal inside it to point at (an unknown id).
    pub needle: Option<String>,
    /// What is wrong.
    pub message: String,
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
            None,
            format!(
                "this script is written for scenario \"{want}\", not \"{}\"",
                s.id
            ),
        );
    }
    if script.steps.is_empty() && script.reactions.is_empty() {
        c.err(
            "",
            None,
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
                None,
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
    fn err(&mut self, path: &str, needle: Option<&str>, message: String) {
        self.out.push(Problem {
            path: path.to_string(),
            needle: needle.map(str::to_string),
            message,
        });
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
                None,
                format!("{what} must be a number of seconds, {want} (found {v})"),
            );
        }
    }

    fn meters(&mut self, path: &str, what: &str, v: f32) {
        if !v.is_finite() || v < 0.0 {
            self.err(
                path,
                None,
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
            self.err(path, Some(id), msg);
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
                    None,
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
                    None,
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
                    None,
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
                    self.err(
                        &format!("{p}.{field}"),
                        None,
                        format!("a reaction cannot use `{field}` (reactions only act and face; put moves in `steps`)"),
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
                    None,
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
                self.err(p, None, "this step does nothing (give it `do`, `move_to`, `face`, `wait`, `at` or `when`)".into());
            }
        }
    }

    fn place(&mut self, p: &str, place: &Place) {
        match place {
            Place::Point((x, y)) => {
                if !x.is_finite() || !y.is_finite() {
                    self.err(p, None, "a point needs finite coordinates in meters".into());
                }
            }
            Place::Person(id) => self.id(p, id, "person", |i| &i.people),
            Place::Vehicle(id) => self.id(p, id, "vehicle", |i| &i.vehicles),
            Place::Door(id) => self.id(p, id, "door", |i| &i.doors),
            Place::Zone(id) => self.id(p, id, "zone", |i| &i.zones),
            Place::Ahead => {}
        }
    }

    fn cond(&mut self, p: &str, c: &Cond) {
        match c {
            Cond::Time(t) | Cond::Elapsed(t) => self.seconds(p, "the time", *t, true),
            Cond::LevelAtLeast { subject, .. } | Cond::LevelAtMost { subject, .. } => {
                if let Some(s) = subject {
                    self.id(p, s, "subject", |i| &i.subjects);
                }
            }
            Cond::Distance { to, below, above } => {
                self.id(p, to, "person", |i| &i.people);
                if below.is_none() && above.is_none() {
                    self.err(
                        p,
                        None,
                        "`distance` needs `below: METERS` or `above: METERS`".into(),
                    );
                }
                for v in [below, above].into_iter().flatten() {
                    self.meters(p, "a distance", *v);
                }
                if let (Some(b), Some(a)) = (below, above)
                    && b <= a
                {
                    self.err(p, None, format!("`below: {b}` must be more than `above: {a}` or the condition never holds"));
                }
            }
            Cond::InZone(z) => self.id(p, z, "zone", |i| &i.zones),
            Cond::Cue { subject, .. } => {
                if let Some(s) = subject {
                    self.id(p, s, "subject", |i| &i.subjects);
                }
            }
            Cond::Visible(id) => self.id(p, id, "person", |i| &i.people),
            Cond::Restrained(id) | Cond::Searched(id) => self.id(p, id, "subject", |i| &i.subjects),
            Cond::Noticed(kind) => {
                if kind.trim().is_empty() {
                    self.err(
                        p,
                        None,
                        "`noticed` needs an event kind such as \"shot\"".into(),
                    );
                }
            }
            Cond::Objective(id) => self.id(p, id, "objective", |i| &i.objectives),
            Cond::Cleared(z) => self.id(p, z, "zone", |i| &i.zones),
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
                    self.err(p, Some(id), msg);
                }
            }
            Cond::All(cs) | Cond::Any(cs) => {
                if cs.is_empty() {
                    self.err(p, None, "`all`/`any` needs at least one condition".into());
                }
                for (k, c) in cs.iter().enumerate() {
                    self.cond(&format!("{p}[0][{k}]"), c);
                }
            }
            Cond::Not(c) => self.cond(&format!("{p}[0]"), c),
        }
    }
}
