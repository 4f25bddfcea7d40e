//! Semantic checks of a scenario: what serde cannot see (ids, references,
//! chances, geometry, texts). Each problem names a path into the file;
//! [`crate::diag::locate_problems`] places it.

use super::schema::*;
use crate::diag::checks::Checker;
use crate::diag::suggest::{one_of, suggest_then};
use crate::diag::{Problem, m};
use crate::domain::*;
use crate::i18n::Msg;
use std::collections::BTreeMap;
use std::path::Path;

/// Room a person's body takes around a spawn point, in meters: spawns closer
/// than this to a wall, vehicle, cover object or closed door are inside it.
pub const BODY_RADIUS: f32 = 0.3;

/// Limits on sizes no training scenario needs and that would make a run
/// crawl (2,000 backup officers pass the other checks and take minutes to
/// run). The shipped scenarios use a tenth of each or less; crowds leave room
/// for a 2,000-person rally.
pub mod limits {
    /// Longest side of the map, in meters.
    pub const MAP_SIDE: f32 = 500.0;
    /// Longest time limit, in seconds (an hour).
    pub const TIME_LIMIT: f32 = 3600.0;
    /// Subjects.
    pub const SUBJECTS: usize = 50;
    /// Bystanders.
    pub const BYSTANDERS: usize = 100;
    /// Partner officers.
    pub const PARTNERS: usize = 8;
    /// Backup officers.
    pub const BACKUP: u32 = 12;
    /// Crowds.
    pub const CROWDS: usize = 20;
    /// People in all crowds together.
    pub const CROWD_PEOPLE: u32 = 5000;
    /// Vehicles.
    pub const VEHICLES: usize = 60;
    /// Walls.
    pub const WALLS: usize = 1000;
    /// Doors.
    pub const DOORS: usize = 200;
    /// Cover objects.
    pub const COVER: usize = 500;
    /// Zones.
    pub const ZONES: usize = 200;
    /// Triggers.
    pub const TRIGGERS: usize = 200;
    /// Effects of one trigger.
    pub const EFFECTS: usize = 50;
    /// Objectives.
    pub const OBJECTIVES: usize = 30;
    /// Behaviour rules of one subject.
    pub const BEHAVIOUR: usize = 100;
}

/// Every problem in `scenario`. `base_dir` is the scenario file's folder, where
/// a `policy` given as a relative file name is looked for.
pub fn validate(scenario: &Scenario, base_dir: Option<&Path>) -> Vec<Problem> {
    let mut v = Validator {
        c: Checker::default(),
        s: scenario,
        ids: Ids::default(),
    };
    v.run(base_dir);
    v.c.problems
}

/// Known ids by kind.
#[derive(Default)]
struct Ids<'a> {
    subjects: Vec<&'a str>,
    bystanders: Vec<&'a str>,
    partners: Vec<&'a str>,
    vehicles: Vec<&'a str>,
    doors: Vec<&'a str>,
    zones: Vec<&'a str>,
    crowds: Vec<&'a str>,
    triggers: Vec<&'a str>,
}

struct Validator<'a> {
    c: Checker,
    s: &'a Scenario,
    ids: Ids<'a>,
}

impl<'a> Validator<'a> {
    fn run(&mut self, base_dir: Option<&Path>) {
        let s = self.s;
        self.collect_ids();
        if s.id.is_empty()
            || !s
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            self.c
                .err("id", Msg::new("diag-bad-scenario-id").with("id", &s.id));
        }
        self.c.text("title", &s.title);
        self.c.text("briefing", &s.briefing);
        for (i, t) in s.learning_objectives.iter().enumerate() {
            self.c.text(&format!("learning_objectives[{i}]"), t);
        }
        self.c
            .positive("time_limit", m("what-time-limit"), s.time_limit);
        self.c.not_above(
            "time_limit",
            m("what-time-limit"),
            s.time_limit,
            limits::TIME_LIMIT,
        );
        self.counts();
        if !crate::policy::exists(&s.policy, base_dir) {
            self.c
                .err("policy", crate::policy::unknown_policy_message(&s.policy));
        }
        self.map();
        self.officers();
        for (i, subj) in s.subjects.iter().enumerate() {
            self.subject(i, subj);
        }
        for (i, b) in s.bystanders.iter().enumerate() {
            self.bystander(i, b);
        }
        for (i, cr) in s.crowds.iter().enumerate() {
            self.crowd(i, cr);
        }
        for (i, t) in s.triggers.iter().enumerate() {
            self.trigger(i, t);
        }
        self.objectives();
    }

    /// The limits on counts (see [`limits`]), each at the list concerned.
    fn counts(&mut self) {
        let s = self.s;
        let mp = &s.map;
        let lists = [
            (
                "subjects",
                "lim-subjects",
                s.subjects.len(),
                limits::SUBJECTS,
            ),
            (
                "bystanders",
                "lim-bystanders",
                s.bystanders.len(),
                limits::BYSTANDERS,
            ),
            (
                "officers.partners",
                "lim-partners",
                s.officers.partners.len(),
                limits::PARTNERS,
            ),
            ("crowds", "lim-crowds", s.crowds.len(), limits::CROWDS),
            (
                "map.vehicles",
                "lim-vehicles",
                mp.vehicles.len(),
                limits::VEHICLES,
            ),
            ("map.walls", "lim-walls", mp.walls.len(), limits::WALLS),
            ("map.doors", "lim-doors", mp.doors.len(), limits::DOORS),
            ("map.cover", "lim-cover", mp.cover.len(), limits::COVER),
            ("map.zones", "lim-zones", mp.zones.len(), limits::ZONES),
            (
                "triggers",
                "lim-triggers",
                s.triggers.len(),
                limits::TRIGGERS,
            ),
            (
                "objectives",
                "lim-objectives",
                s.objectives.len(),
                limits::OBJECTIVES,
            ),
        ];
        for (path, what, n, max) in lists {
            self.c.at_most(path, m(what), n, max);
        }
        for (i, subj) in s.subjects.iter().enumerate() {
            self.c.at_most(
                &format!("subjects[{i}].behaviour"),
                m("lim-behaviour"),
                subj.behaviour.len(),
                limits::BEHAVIOUR,
            );
        }
        for (i, t) in s.triggers.iter().enumerate() {
            self.c.at_most(
                &format!("triggers[{i}].effects"),
                m("lim-effects"),
                t.effects.len(),
                limits::EFFECTS,
            );
        }
        if let Some(b) = &s.officers.backup {
            self.c.at_most(
                "officers.backup.count",
                m("lim-backup"),
                b.count as usize,
                limits::BACKUP as usize,
            );
        }
        // Crowds are counted together: one crowd of 5,000 or ten of 600 cost the same.
        let mut total: u64 = 0;
        for (i, cr) in s.crowds.iter().enumerate() {
            let before = total;
            total += u64::from(cr.count);
            if total > u64::from(limits::CROWD_PEOPLE) && before <= u64::from(limits::CROWD_PEOPLE)
            {
                self.c.err(
                    format!("crowds[{i}].count"),
                    Msg::new("diag-too-many")
                        .with("what", m("lim-crowd-people"))
                        .with("n", total as i64)
                        .with("max", limits::CROWD_PEOPLE),
                );
            }
        }
    }

    /// Gathers ids and reports empty and duplicate ones. Ids share one
    /// namespace so that a reference is never ambiguous.
    fn collect_ids(&mut self) {
        let s = self.s;
        let mut all: Vec<(&str, String, &str)> = Vec::new();
        for (i, x) in s.subjects.iter().enumerate() {
            self.ids.subjects.push(&x.id);
            all.push((&x.id, format!("subjects[{i}].id"), "subject"));
        }
        for (i, x) in s.bystanders.iter().enumerate() {
            self.ids.bystanders.push(&x.id);
            all.push((&x.id, format!("bystanders[{i}].id"), "bystander"));
        }
        for (i, x) in s.officers.partners.iter().enumerate() {
            self.ids.partners.push(&x.id);
            all.push((
                &x.id,
                format!("officers.partners[{i}].id"),
                "partner_officer",
            ));
        }
        for (i, x) in s.map.vehicles.iter().enumerate() {
            self.ids.vehicles.push(&x.id);
            all.push((&x.id, format!("map.vehicles[{i}].id"), "vehicle"));
        }
        for (i, x) in s.map.doors.iter().enumerate() {
            self.ids.doors.push(&x.id);
            all.push((&x.id, format!("map.doors[{i}].id"), "door"));
        }
        for (i, x) in s.map.zones.iter().enumerate() {
            self.ids.zones.push(&x.id);
            all.push((&x.id, format!("map.zones[{i}].id"), "zone"));
        }
        for (i, x) in s.map.cover.iter().enumerate() {
            if !x.id.is_empty() {
                all.push((&x.id, format!("map.cover[{i}].id"), "cover_object"));
            }
        }
        for (i, x) in s.crowds.iter().enumerate() {
            self.ids.crowds.push(&x.id);
            all.push((&x.id, format!("crowds[{i}].id"), "crowd"));
        }
        for (i, x) in s.triggers.iter().enumerate() {
            self.ids.triggers.push(&x.id);
            all.push((&x.id, format!("triggers[{i}].id"), "trigger"));
        }
        for (i, x) in s.objectives.iter().enumerate() {
            all.push((&x.id, format!("objectives[{i}].id"), "objective"));
        }
        let mut first: BTreeMap<&str, (&str, String)> = BTreeMap::new();
        for (id, path, kind) in all {
            if id.trim().is_empty() {
                self.c.err(
                    path,
                    Msg::new("diag-no-id").with("what", Msg::new(format!("type-{kind}-a"))),
                );
                continue;
            }
            match first.get(id) {
                Some((k, p)) => self.c.err(
                    path,
                    Msg::new("diag-duplicate-id")
                        .with("id", id)
                        .with("kind", Msg::new(format!("type-{k}")))
                        .with("at", p),
                ),
                None => {
                    first.insert(id, (kind, path));
                }
            }
        }
    }

    /// `what "id"` must be one of `known`. `what` is the key of a type noun
    /// (`subject`, `zone`, `person`...).
    fn reference(&mut self, path: &str, what: &str, id: &str, known: &[&str]) -> bool {
        let noun = || Msg::new(format!("type-{what}"));
        if id.trim().is_empty() {
            self.c
                .err(path, Msg::new("diag-ref-empty").with("what", noun()));
            return false;
        }
        if known.contains(&id) {
            return true;
        }
        let choices = if known.is_empty() {
            Msg::new("diag-ref-none").with("what", noun())
        } else {
            Msg::new("diag-ref-known").with("list", one_of(known))
        };
        self.c.err(
            path,
            Msg::new("diag-ref-unknown")
                .with("what", noun())
                .with("id", id)
                .with("hint", suggest_then(id, known.iter().copied(), choices)),
        );
        false
    }

    fn people(&self) -> Vec<&'a str> {
        let mut v = self.ids.subjects.clone();
        v.extend(&self.ids.bystanders);
        v
    }

    fn people_and_partners(&self) -> Vec<&'a str> {
        let mut v = self.people();
        v.extend(&self.ids.partners);
        v
    }

    fn map(&mut self) {
        let mp = &self.s.map;
        let (w, h) = mp.size;
        self.c.positive("map.size[0]", m("what-map-width"), w);
        self.c.positive("map.size[1]", m("what-map-height"), h);
        self.c
            .not_above("map.size[0]", m("what-map-width"), w, limits::MAP_SIDE);
        self.c
            .not_above("map.size[1]", m("what-map-height"), h, limits::MAP_SIDE);
        for (i, wall) in mp.walls.iter().enumerate() {
            let p = format!("map.walls[{i}]");
            self.point(&format!("{p}.from"), m("what-wall-end"), wall.from, 0.0);
            self.point(&format!("{p}.to"), m("what-wall-end"), wall.to, 0.0);
            self.c.positive(
                &format!("{p}.thickness"),
                m("what-wall-thickness"),
                wall.thickness,
            );
            if dist(wall.from, wall.to) < 0.01 {
                self.c.err(p, m("diag-wall-no-length"));
            }
        }
        for (i, d) in mp.doors.iter().enumerate() {
            let p = format!("map.doors[{i}]");
            self.point(&format!("{p}.at"), m("what-door"), d.at, 0.0);
            self.c
                .positive(&format!("{p}.width"), m("what-door-width"), d.width);
            if d.width.is_finite() && d.width > 0.0 {
                self.door_in_wall(&p, d);
            }
        }
        for (i, v) in mp.vehicles.iter().enumerate() {
            let p = format!("map.vehicles[{i}]");
            self.point(&format!("{p}.position"), m("what-vehicle"), v.position, 0.0);
            self.c
                .finite(&format!("{p}.heading"), m("what-heading"), v.heading);
            self.c
                .positive(&format!("{p}.size[0]"), m("what-vehicle-length"), v.size.0);
            self.c
                .positive(&format!("{p}.size[1]"), m("what-vehicle-width"), v.size.1);
            self.items(&format!("{p}.contents"), &v.contents);
        }
        for (i, cv) in mp.cover.iter().enumerate() {
            let p = format!("map.cover[{i}]");
            self.point(&format!("{p}.position"), m("what-cover"), cv.position, 0.0);
            self.c
                .finite(&format!("{p}.rotation"), m("what-rotation"), cv.rotation);
            self.c
                .positive(&format!("{p}.size[0]"), m("what-cover-width"), cv.size.0);
            self.c
                .positive(&format!("{p}.size[1]"), m("what-cover-height"), cv.size.1);
        }
        for (i, z) in mp.zones.iter().enumerate() {
            let p = format!("map.zones[{i}]");
            let ok_min = self.point(&format!("{p}.min"), m("what-zone-corner"), z.min, 0.0);
            let ok_max = self.point(&format!("{p}.max"), m("what-zone-corner"), z.max, 0.0);
            if ok_min && ok_max && (z.max.0 <= z.min.0 || z.max.1 <= z.min.1) {
                self.c.err(
                    format!("{p}.max"),
                    Msg::new("diag-zone-corners")
                        .with("x0", z.min.0)
                        .with("y0", z.min.1)
                        .with("x1", z.max.0)
                        .with("y1", z.max.1),
                );
            }
            if let Some(label) = &z.label {
                self.c.text(&format!("{p}.label"), label);
            }
        }
    }

    /// A door sits in a gap between walls (the simulation gives a closed door
    /// its own collider): no wall may run through the doorway, and each side
    /// of it meets a wall or the map's edge.
    fn door_in_wall(&mut self, p: &str, d: &Door) {
        if !(d.at.0.is_finite() && d.at.1.is_finite()) {
            return;
        }
        for (j, wall) in self.s.map.walls.iter().enumerate() {
            if dist_to_segment(d.at, wall.from, wall.to) < wall.thickness / 2.0 {
                self.c.err(
                    format!("{p}.at"),
                    Msg::new("diag-wall-through-door")
                        .with("wall", format!("map.walls[{j}]"))
                        .with("door", &d.id)
                        .with("width", d.width),
                );
                return;
            }
        }
        let half = d.width / 2.0 + 0.05;
        let (ax, ay) = match d.orientation {
            Orientation::Horizontal => (1.0, 0.0),
            Orientation::Vertical => (0.0, 1.0),
        };
        let sides = [
            (d.at.0 - ax * half, d.at.1 - ay * half),
            (d.at.0 + ax * half, d.at.1 + ay * half),
        ];
        let (w, h) = self.s.map.size;
        let touches = |pt: Pt| {
            pt.0 <= 0.05 || pt.1 <= 0.05 || pt.0 >= w - 0.05 || pt.1 >= h - 0.05 || {
                self.s
                    .map
                    .walls
                    .iter()
                    .any(|wl| dist_to_segment(pt, wl.from, wl.to) <= wl.thickness / 2.0 + 0.15)
            }
        };
        if !sides.iter().all(|&pt| touches(pt)) {
            let dir = match d.orientation {
                Orientation::Horizontal => "diag-dir-horizontal",
                Orientation::Vertical => "diag-dir-vertical",
            };
            self.c.err(
                format!("{p}.at"),
                Msg::new("diag-door-not-in-wall")
                    .with("door", &d.id)
                    .with("dir", m(dir)),
            );
        }
    }

    /// A point inside the map (with `margin`); reports and returns false otherwise.
    fn point(&mut self, path: &str, what: Msg, pt: Pt, margin: f32) -> bool {
        let coord = |axis: &str| {
            Msg::new("what-coord")
                .with("what", what.clone())
                .with("axis", axis)
        };
        if !self.c.finite(path, coord("x"), pt.0) || !self.c.finite(path, coord("y"), pt.1) {
            return false;
        }
        let (w, h) = self.s.map.size;
        if !(w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0) {
            // The map's size is wrong, and that is reported once.
            return true;
        }
        let eps = 0.001;
        if pt.0 < margin - eps
            || pt.1 < margin - eps
            || pt.0 > w - margin + eps
            || pt.1 > h - margin + eps
        {
            self.c.err(
                path,
                Msg::new("diag-outside-map")
                    .with("what", what)
                    .with("x", pt.0)
                    .with("y", pt.1)
                    .with("w", w)
                    .with("h", h),
            );
            return false;
        }
        true
    }

    /// A person's start: inside the map and clear of walls, vehicles (except
    /// the one they sit in), cover and closed doors.
    /// `seated_in`: the vehicle they sit in (its box is no obstacle); when it
    /// names no known vehicle, vehicles are not checked (that error is enough).
    fn spawn(&mut self, path: &str, who: Msg, pt: Pt, seated_in: Option<&str>) {
        let what = Msg::new("what-spawn").with("who", who);
        if !self.point(path, what.clone(), pt, BODY_RADIUS) {
            return;
        }
        let mp = &self.s.map;
        let r = BODY_RADIUS;
        let mut inside: Option<Msg> = None;
        for (j, wall) in mp.walls.iter().enumerate() {
            if dist_to_segment(pt, wall.from, wall.to) < wall.thickness / 2.0 + r {
                inside = Some(Msg::new("in-wall").with("id", format!("map.walls[{j}]")));
                break;
            }
        }
        let unknown_seat = seated_in.is_some_and(|id| !mp.vehicles.iter().any(|v| v.id == id));
        if inside.is_none() && !unknown_seat {
            for v in &mp.vehicles {
                if seated_in == Some(v.id.as_str()) {
                    continue;
                }
                if in_box(pt, v.position, v.size, v.heading, r) {
                    inside = Some(Msg::new("in-vehicle").with("id", &v.id));
                    break;
                }
            }
        }
        if inside.is_none() {
            for (j, cv) in mp.cover.iter().enumerate() {
                if in_box(pt, cv.position, cv.size, cv.rotation, r) {
                    inside = Some(if cv.id.is_empty() {
                        Msg::new("in-cover-at").with("id", format!("map.cover[{j}]"))
                    } else {
                        Msg::new("in-cover").with("id", &cv.id)
                    });
                    break;
                }
            }
        }
        if inside.is_none() {
            for d in &mp.doors {
                if d.state == DoorState::Open {
                    continue;
                }
                let (size, rot) = match d.orientation {
                    Orientation::Horizontal => ((d.width, 0.2), 0.0),
                    Orientation::Vertical => ((d.width, 0.2), 90.0),
                };
                if in_box(pt, d.at, size, rot, r) {
                    inside = Some(Msg::new("in-door").with("id", &d.id));
                    break;
                }
            }
        }
        if let Some(obstacle) = inside {
            self.c.err(
                path,
                Msg::new("diag-spawn-inside")
                    .with("what", what)
                    .with("x", pt.0)
                    .with("y", pt.1)
                    .with("obstacle", obstacle)
                    .with("r", BODY_RADIUS),
            );
        }
    }

    fn officers(&mut self) {
        let o = &self.s.officers;
        self.spawn(
            "officers.trainee.spawn",
            m("who-trainee"),
            o.trainee.spawn,
            None,
        );
        self.c.finite(
            "officers.trainee.heading",
            m("what-heading"),
            o.trainee.heading,
        );
        for (i, p) in o.partners.iter().enumerate() {
            self.spawn(
                &format!("officers.partners[{i}].spawn"),
                Msg::new("who-partner").with("id", &p.id),
                p.spawn,
                None,
            );
        }
        if let Some(b) = &o.backup {
            self.c
                .non_negative("officers.backup.delay", m("what-backup-delay"), b.delay);
            self.spawn("officers.backup.spawn", m("who-backup"), b.spawn, None);
            if b.count == 0 {
                self.c.err("officers.backup.count", m("diag-backup-zero"));
            }
        }
    }

    fn items(&mut self, path: &str, items: &[Item]) {
        for (i, it) in items.iter().enumerate() {
            self.c
                .id(&format!("{path}[{i}].id"), m("what-item"), &it.id);
            if let Some(label) = &it.label {
                self.c.text(&format!("{path}[{i}].label"), label);
            }
        }
    }

    fn subject(&mut self, i: usize, subj: &'a Subject) {
        let p = format!("subjects[{i}]");
        let who = Msg::new("who-subject").with("id", &subj.id);
        if let Some(name) = &subj.name {
            self.c.text(&format!("{p}.name"), name);
        }
        let vehicles = self.ids.vehicles.clone();
        let seated = subj.in_vehicle.as_deref();
        if let Some(v) = seated {
            self.reference(&format!("{p}.in_vehicle"), "vehicle", v, &vehicles);
        }
        self.spawn(&format!("{p}.spawn"), who.clone(), subj.spawn, seated);
        if let Some(vid) = seated
            && let Some(v) = self.s.map.vehicles.iter().find(|v| v.id == vid)
            && subj.spawn.0.is_finite()
            && subj.spawn.1.is_finite()
            && !in_box(subj.spawn, v.position, v.size, v.heading, 0.0)
        {
            self.c.err(
                format!("{p}.spawn"),
                Msg::new("diag-seated-outside")
                    .with("who", who.clone())
                    .with("vehicle", vid)
                    .with("x", subj.spawn.0)
                    .with("y", subj.spawn.1),
            );
        }
        self.c
            .finite(&format!("{p}.heading"), m("what-heading"), subj.heading);
        if let Some(w) = &subj.weapon {
            if w.kind == WeaponKind::None {
                self.c
                    .err(format!("{p}.weapon.kind"), m("diag-weapon-none"));
            }
            if w.carry == Carry::None {
                self.c
                    .err(format!("{p}.weapon.carry"), m("diag-weapon-carry"));
            }
        }
        self.items(&format!("{p}.carrying"), &subj.carrying);
        for (j, t) in subj.behaviour.iter().enumerate() {
            let tp = format!("{p}.behaviour[{j}]");
            self.c.chance(&format!("{tp}.chance"), t.chance);
            if let Stimulus::Near(d) = t.on {
                self.c
                    .positive(&format!("{tp}.on[0]"), m("what-distance"), d);
            }
            for (k, cond) in t.conditions.iter().enumerate() {
                self.condition(&format!("{tp}.if[{k}]"), cond);
            }
            if t.to.is_none() && t.act.is_none() && t.say.is_none() {
                self.c.err(tp.clone(), m("diag-rule-does-nothing"));
            }
            if let Some(say) = &t.say {
                self.c.text(&format!("{tp}.say"), say);
            }
        }
        for (j, cues) in subj.cues.iter().enumerate() {
            if cues.show.is_empty() {
                self.c.err(format!("{p}.cues[{j}].show"), m("diag-no-cues"));
            }
        }
        for (j, line) in subj.lines.iter().enumerate() {
            self.c.text(&format!("{p}.lines[{j}].say"), &line.say);
        }
        if subj.hidden {
            self.brought_in(&format!("{p}.hidden"), who, &subj.id);
        }
    }

    /// A hidden person needs a trigger that spawns them.
    fn brought_in(&mut self, path: &str, who: Msg, id: &str) {
        let spawned = self.s.triggers.iter().any(|t| {
            t.effects
                .iter()
                .any(|e| matches!(e, Effect::Spawn(x) if x == id))
        });
        if !spawned {
            self.c.err(
                path,
                Msg::new("diag-hidden-never-spawned")
                    .with("who", who)
                    .with("id", id),
            );
        }
    }

    fn condition(&mut self, path: &str, cond: &Condition) {
        let inner = format!("{path}[0]");
        match cond {
            Condition::Closer(d) | Condition::Farther(d) => {
                self.c.positive(&inner, m("what-distance"), *d)
            }
            Condition::AgitationAbove(a) | Condition::AgitationBelow(a) => {
                self.c.within(&inner, m("what-agitation"), *a, 0.0, 1.0)
            }
            Condition::After(t) | Condition::Before(t) => {
                self.c.non_negative(&inner, m("what-time"), *t)
            }
            Condition::InZone(z) => {
                let zones = self.ids.zones.clone();
                self.reference(&inner, "zone", z, &zones);
            }
            _ => {}
        }
    }

    fn bystander(&mut self, i: usize, b: &Bystander) {
        let p = format!("bystanders[{i}]");
        let who = Msg::new("who-bystander").with("id", &b.id);
        if let Some(name) = &b.name {
            self.c.text(&format!("{p}.name"), name);
        }
        self.spawn(&format!("{p}.spawn"), who.clone(), b.spawn, None);
        if let Some(z) = &b.wanders_in {
            let zones = self.ids.zones.clone();
            self.reference(&format!("{p}.wanders_in"), "zone", z, &zones);
        }
        if b.hidden {
            self.brought_in(&format!("{p}.hidden"), who, &b.id);
        }
    }

    fn crowd(&mut self, i: usize, cr: &Crowd) {
        let p = format!("crowds[{i}]");
        if cr.count == 0 {
            self.c.err(format!("{p}.count"), m("diag-crowd-empty"));
        }
        let zones = self.ids.zones.clone();
        self.reference(&format!("{p}.zone"), "zone", &cr.zone, &zones);
        self.c.within(
            &format!("{p}.agitation"),
            m("what-agitation"),
            cr.agitation,
            0.0,
            1.0,
        );
        let subjects = self.ids.subjects.clone();
        for (j, a) in cr.agitators.iter().enumerate() {
            self.reference(&format!("{p}.agitators[{j}]"), "subject", a, &subjects);
        }
    }

    fn trigger(&mut self, i: usize, t: &'a Trigger) {
        let p = format!("triggers[{i}]");
        self.c.chance(&format!("{p}.chance"), t.chance);
        self.trigger_condition(&format!("{p}.when"), &t.when, &t.id);
        if t.effects.is_empty() {
            self.c
                .err(format!("{p}.effects"), m("diag-trigger-no-effects"));
        }
        for (j, e) in t.effects.iter().enumerate() {
            self.effect(&format!("{p}.effects[{j}]"), e);
        }
    }

    fn trigger_condition(&mut self, path: &str, cond: &TriggerCondition, own_id: &str) {
        let ids = &self.ids;
        let (zones, subjects, people, triggers) = (
            ids.zones.clone(),
            ids.subjects.clone(),
            self.people_and_partners(),
            ids.triggers.clone(),
        );
        match cond {
            TriggerCondition::Time(t) => {
                self.c
                    .non_negative(&format!("{path}[0]"), m("what-time"), *t)
            }
            TriggerCondition::ZoneEntered { who, zone } => {
                if let Who::Person(id) = who {
                    self.reference(&format!("{path}.who[0]"), "person", id, &people);
                }
                self.reference(&format!("{path}.zone"), "zone", zone, &zones);
            }
            TriggerCondition::SubjectLevel { subject, .. }
            | TriggerCondition::SubjectActed { subject, .. } => {
                self.reference(&format!("{path}.subject"), "subject", subject, &subjects);
            }
            TriggerCondition::ActionTaken { .. } => {}
            TriggerCondition::Distance { to, below } => {
                self.reference(&format!("{path}.to"), "person", to, &people);
                self.c
                    .positive(&format!("{path}.below"), m("what-distance"), *below);
            }
            TriggerCondition::Fired(id) => {
                if id == own_id {
                    self.c.err(
                        format!("{path}[0]"),
                        Msg::new("diag-trigger-self").with("id", own_id),
                    );
                } else {
                    self.reference(&format!("{path}[0]"), "trigger", id, &triggers);
                }
            }
            TriggerCondition::All(list) | TriggerCondition::Any(list) => {
                if list.is_empty() {
                    self.c.err(path, m("diag-all-any-empty"));
                }
                for (k, c) in list.iter().enumerate() {
                    self.trigger_condition(&format!("{path}[0][{k}]"), c, own_id);
                }
            }
        }
    }

    fn effect(&mut self, path: &str, e: &Effect) {
        let ids = &self.ids;
        let (subjects, people, spawnable, crowds, doors) = (
            ids.subjects.clone(),
            self.people_and_partners(),
            self.people(),
            ids.crowds.clone(),
            ids.doors.clone(),
        );
        match e {
            Effect::Spawn(id) => {
                if self.reference(
                    &format!("{path}[0]"),
                    "subject_or_bystander",
                    id,
                    &spawnable,
                ) {
                    let hidden = self.s.subjects.iter().any(|x| &x.id == id && x.hidden)
                        || self.s.bystanders.iter().any(|x| &x.id == id && x.hidden);
                    if !hidden {
                        self.c.err(
                            format!("{path}[0]"),
                            Msg::new("diag-spawn-present").with("id", id),
                        );
                    }
                }
            }
            Effect::SetLevel { subject, .. } => {
                self.reference(&format!("{path}.subject"), "subject", subject, &subjects);
            }
            Effect::Act { subject, .. } => {
                self.reference(&format!("{path}.subject"), "subject", subject, &subjects);
            }
            Effect::Say { who, text } => {
                self.reference(&format!("{path}.who"), "person", who, &people);
                self.c.text(&format!("{path}.text"), text);
            }
            Effect::Radio(text) => self.c.text(&format!("{path}[0]"), text),
            Effect::RevealWeapon(id) => {
                if self.reference(&format!("{path}[0]"), "subject", id, &subjects)
                    && self
                        .s
                        .subjects
                        .iter()
                        .any(|x| &x.id == id && x.weapon.is_none())
                {
                    self.c.err(
                        format!("{path}[0]"),
                        Msg::new("diag-reveal-no-weapon").with("id", id),
                    );
                }
            }
            Effect::Report { subject, text, .. } => {
                self.reference(&format!("{path}.subject"), "subject", subject, &subjects);
                self.c.text(&format!("{path}.text"), text);
            }
            Effect::Agitate { crowd, by } => {
                self.reference(&format!("{path}.crowd"), "crowd", crowd, &crowds);
                self.c.within(
                    &format!("{path}.by"),
                    m("what-agitation-change"),
                    *by,
                    -1.0,
                    1.0,
                );
            }
            Effect::Door { door, .. } => {
                self.reference(&format!("{path}.door"), "door", door, &doors);
            }
            Effect::Assembly { crowd, .. } => {
                self.reference(&format!("{path}.crowd"), "crowd", crowd, &crowds);
            }
        }
    }

    fn objectives(&mut self) {
        let s = self.s;
        if s.objectives.is_empty() {
            self.c.err("objectives", m("diag-no-objectives"));
        }
        let (subjects, people, zones, crowds) = (
            self.ids.subjects.clone(),
            self.people(),
            self.ids.zones.clone(),
            self.ids.crowds.clone(),
        );
        for (i, o) in s.objectives.iter().enumerate() {
            let p = format!("objectives[{i}]");
            self.c.text(&format!("{p}.text"), &o.text);
            let g = format!("{p}.goal[0]");
            match &o.goal {
                Goal::Custody(id) => {
                    self.reference(&g, "subject", id, &subjects);
                }
                Goal::AreaCleared(list) => {
                    if list.is_empty() {
                        self.c.err(format!("{p}.goal"), m("diag-area-no-room"));
                    }
                    for (k, z) in list.iter().enumerate() {
                        let zp = format!("{g}[{k}]");
                        if self.reference(&zp, "zone", z, &zones)
                            && let Some(zone) = s.map.zones.iter().find(|x| &x.id == z)
                            && zone.role != ZoneRole::Room
                        {
                            self.c
                                .err(zp, Msg::new("diag-area-not-room").with("zone", z));
                        }
                    }
                }
                Goal::AssemblyPeaceful(id) => {
                    self.reference(&g, "crowd", id, &crowds);
                }
                Goal::VictimIdentified(id) | Goal::Interviewed(id) => {
                    self.reference(&g, "subject_or_bystander", id, &people);
                }
                Goal::EvidenceSealed(id) | Goal::Released(id) | Goal::DocumentsChecked(id) => {
                    self.reference(&g, "subject", id, &subjects);
                }
                Goal::CalledIn => {}
            }
        }
    }
}

fn dist(a: Pt, b: Pt) -> f32 {
    ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt()
}

/// Distance from `p` to the segment `a`-`b`.
fn dist_to_segment(p: Pt, a: Pt, b: Pt) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    dist(p, (a.0 + t * dx, a.1 + t * dy))
}

/// Whether `p` lies within `margin` of a box of `size` centred at `centre`,
/// rotated by `degrees`.
fn in_box(p: Pt, centre: Pt, size: Pt, degrees: f32, margin: f32) -> bool {
    let (s, c) = degrees.to_radians().sin_cos();
    let (dx, dy) = (p.0 - centre.0, p.1 - centre.1);
    // Into the box's own frame.
    let (lx, ly) = (dx * c + dy * s, -dx * s + dy * c);
    lx.abs() < size.0 / 2.0 + margin && ly.abs() < size.1 / 2.0 + margin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geometry_helpers() {
        assert!((dist_to_segment((1.0, 1.0), (0.0, 0.0), (2.0, 0.0)) - 1.0).abs() < 1e-6);
        assert!((dist_to_segment((3.0, 0.0), (0.0, 0.0), (2.0, 0.0)) - 1.0).abs() < 1e-6);
        // A car 4.6 x 1.8 facing north: long side along y.
        assert!(in_box((0.0, 2.0), (0.0, 0.0), (4.6, 1.8), 90.0, 0.0));
        assert!(!in_box((2.0, 0.0), (0.0, 0.0), (4.6, 1.8), 90.0, 0.0));
        assert!(in_box((2.0, 0.0), (0.0, 0.0), (4.6, 1.8), 0.0, 0.0));
    }
}
