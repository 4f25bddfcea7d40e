//! Which ids the preview labels, where, and with what words: one label per
//! wall, door (with its state), vehicle (and its engine block and cabin),
//! cover object (hard or soft, low), zone, spawn (trainee, partners, backup,
//! subjects, bystanders) and crowd. Pure: no Bevy, so tests need no window.

use crate::domain::{Lang, Pt};
use crate::i18n::tr;
use crate::scenario::schema::*;

/// What a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LabelKind {
    /// The trainee's spawn.
    Trainee,
    /// A partner's spawn.
    Partner,
    /// Where backup appears.
    Backup,
    /// A subject's spawn.
    Subject,
    /// A bystander's spawn.
    Bystander,
    /// A crowd, in its zone.
    Crowd,
    /// A door.
    Door,
    /// A vehicle.
    Vehicle,
    /// A cover object.
    Cover,
    /// A zone.
    Zone,
    /// A vehicle's engine block (stops rounds).
    Engine,
    /// A vehicle's cabin (only conceals).
    Cabin,
    /// A wall (walls have no id: named by their place in the file).
    Wall,
}

impl LabelKind {
    /// A zone's name sits inside its top-left corner; every other label
    /// next to its point.
    pub fn at_corner(self) -> bool {
        self == LabelKind::Zone
    }
}

/// One label on the preview map.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLabel {
    /// What it names.
    pub kind: LabelKind,
    /// The id as the file writes it (`walls[3]` for a wall, `cover[2]` for
    /// cover without an id).
    pub id: String,
    /// The point it belongs to, meters (a zone's top-left corner).
    pub at: Pt,
    /// The words shown, in the preview's language.
    pub text: String,
}

fn label(kind: LabelKind, id: impl Into<String>, at: Pt, text: String) -> MapLabel {
    MapLabel {
        kind,
        id: id.into(),
        at,
        text,
    }
}

/// A point along a vehicle's length (`+` toward the front) from its centre.
fn along(v: &Vehicle, d: f32) -> Pt {
    let a = v.heading.to_radians();
    (v.position.0 + a.cos() * d, v.position.1 + a.sin() * d)
}

fn subject_role(r: SubjectRole) -> &'static str {
    match r {
        SubjectRole::Suspect => "preview-role-suspect",
        SubjectRole::Driver => "preview-role-driver",
        SubjectRole::Passenger => "preview-role-passenger",
        SubjectRole::Victim => "preview-role-victim",
        SubjectRole::Agitator => "preview-role-agitator",
        SubjectRole::Interviewee => "preview-role-interviewee",
    }
}

fn zone_role(r: ZoneRole) -> &'static str {
    match r {
        ZoneRole::Area => "zone-area",
        ZoneRole::Room => "zone-room",
        ZoneRole::Exit => "zone-exit",
        ZoneRole::Assembly => "zone-assembly",
        ZoneRole::Hiding => "zone-hiding",
    }
}

/// Every label of the scenario's map, most important first (people, then
/// doors, vehicles, cover, zones, vehicle parts, walls): where labels would
/// overlap, the earlier one is shown.
pub fn labels(s: &Scenario, lang: Lang) -> Vec<MapLabel> {
    let t = |id: &str, args: &[(&str, &str)]| tr(lang, id, args);
    let mut out = Vec::new();
    let o = &s.officers;
    out.push(label(
        LabelKind::Trainee,
        "trainee",
        o.trainee.spawn,
        t("preview-label-trainee", &[]),
    ));
    for p in &o.partners {
        let role = match p.role {
            PartnerRole::Contact => "people-contact",
            PartnerRole::Cover => "people-cover",
        };
        out.push(label(
            LabelKind::Partner,
            &p.id,
            p.spawn,
            t(
                "preview-label-person",
                &[("id", &p.id), ("what", &t(role, &[]))],
            ),
        ));
    }
    if let Some(b) = &o.backup {
        let (count, delay) = (b.count.to_string(), b.delay.to_string());
        out.push(label(
            LabelKind::Backup,
            "backup",
            b.spawn,
            t(
                "preview-label-backup",
                &[("count", &count), ("delay", &delay)],
            ),
        ));
    }
    for p in &s.subjects {
        let mut what = t(subject_role(p.role), &[]);
        if let Some(v) = &p.in_vehicle {
            what = t("preview-in-vehicle", &[("what", &what), ("vehicle", v)]);
        }
        if p.hidden {
            what = t("preview-hidden", &[("what", &what)]);
        }
        out.push(label(
            LabelKind::Subject,
            &p.id,
            p.spawn,
            t("preview-label-person", &[("id", &p.id), ("what", &what)]),
        ));
    }
    for b in &s.bystanders {
        let mut what = t("people-bystander", &[]);
        if b.hidden {
            what = t("preview-hidden", &[("what", &what)]);
        }
        out.push(label(
            LabelKind::Bystander,
            &b.id,
            b.spawn,
            t("preview-label-person", &[("id", &b.id), ("what", &what)]),
        ));
    }
    for c in &s.crowds {
        // A crowd stands in its zone: labelled at the zone's centre.
        let Some(z) = s.map.zones.iter().find(|z| z.id == c.zone) else {
            continue;
        };
        let at = ((z.min.0 + z.max.0) / 2.0, (z.min.1 + z.max.1) / 2.0);
        let count = c.count.to_string();
        out.push(label(
            LabelKind::Crowd,
            &c.id,
            at,
            t("preview-label-crowd", &[("id", &c.id), ("count", &count)]),
        ));
    }
    let m = &s.map;
    for d in &m.doors {
        let state = match d.state {
            DoorState::Open => "preview-door-open",
            DoorState::Closed => "preview-door-closed",
            DoorState::Locked => "preview-door-locked",
        };
        out.push(label(
            LabelKind::Door,
            &d.id,
            d.at,
            t(
                "preview-label-door",
                &[("id", &d.id), ("state", &t(state, &[]))],
            ),
        ));
    }
    for v in &m.vehicles {
        let text = if v.plate.is_empty() {
            v.id.clone()
        } else {
            t(
                "preview-label-vehicle",
                &[("id", &v.id), ("plate", &v.plate)],
            )
        };
        out.push(label(LabelKind::Vehicle, &v.id, v.position, text));
    }
    for (i, c) in m.cover.iter().enumerate() {
        let id = if c.id.is_empty() {
            format!("cover[{i}]")
        } else {
            c.id.clone()
        };
        let kind = match (c.kind, c.low) {
            (CoverKind::Hard, false) => "preview-cover-hard",
            (CoverKind::Hard, true) => "preview-cover-hard-low",
            (CoverKind::Soft, false) => "preview-cover-soft",
            (CoverKind::Soft, true) => "preview-cover-soft-low",
        };
        let text = t(
            "preview-label-person",
            &[("id", &id), ("what", &t(kind, &[]))],
        );
        out.push(label(LabelKind::Cover, id, c.position, text));
    }
    for z in &m.zones {
        let role = t(zone_role(z.role), &[]);
        let what = match &z.label {
            Some(l) => t(
                "preview-zone-named",
                &[("role", &role), ("name", l.get(lang))],
            ),
            None => role,
        };
        out.push(label(
            LabelKind::Zone,
            &z.id,
            (z.min.0, z.max.1),
            t("preview-label-person", &[("id", &z.id), ("what", &what)]),
        ));
    }
    // The same split the simulation uses: the front third is the engine block.
    for v in &m.vehicles {
        out.push(label(
            LabelKind::Engine,
            &v.id,
            along(v, v.size.0 / 3.0),
            t("preview-label-engine", &[("id", &v.id)]),
        ));
    }
    for v in &m.vehicles {
        out.push(label(
            LabelKind::Cabin,
            &v.id,
            along(v, -v.size.0 / 6.0),
            t("preview-label-cabin", &[("id", &v.id)]),
        ));
    }
    for (i, w) in m.walls.iter().enumerate() {
        out.push(label(
            LabelKind::Wall,
            format!("walls[{i}]"),
            ((w.from.0 + w.to.0) / 2.0, (w.from.1 + w.to.1) / 2.0),
            format!("walls[{i}]"),
        ));
    }
    out
}
