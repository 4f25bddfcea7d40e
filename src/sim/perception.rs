//! What the trainee can perceive, by ray casts: who is in view, their cues,
//! the resistance a reasonable officer would read from those cues (not the
//! hidden truth), cover, lines of fire and who stands in them.
//!
//! How visible behaviour maps to a perceived level ([`perceived_level`]):
//! - a weapon in hand in view (or the `weapon_visible` cue), or shooting -> deadly;
//! - attacking (closing in, fists or a weapon), or a reach toward the
//!   waistband with the hands hidden -> assaultive;
//! - fleeing, pulling away, fighting the cuffs -> active;
//! - ignoring commands, arguing, shouting or looking for an exit -> passive;
//! - otherwise (hands up, kneeling, complying, calm) -> compliant.
//!
//! Stance cues (bladed stance, clenched fists) are shown
//! and logged for scoring and the HUD but do not by themselves raise the
//! level: a reasonable officer reads them as warnings, not as resistance.
//! Someone out of view keeps the level last perceived.

use super::geom::{angle_between, heading_of, seg_dist};
use super::journal::Journal;
use super::state::*;
use super::world::{HIDE_MASK, ROUND_MASK, Rays};
use super::{PersonKind, SimSetup};
use crate::domain::*;
use crate::events::{Context, EventKind, OfficerView, SubjectView};
use crate::scenario::schema::CoverKind;
use bevy::prelude::*;
use bevy_rapier2d::prelude::ReadRapierContext;

/// Half the field of view, radians (120 degrees in all).
pub const HALF_FOV: f32 = 60.0 * std::f32::consts::PI / 180.0;
/// Within this distance people are noticed whatever the heading.
pub const PERIPHERAL: f32 = 3.0;
/// Farthest distance anyone is seen, m.
pub const SIGHT_RANGE: f32 = 80.0;
/// In the dark: half the flashlight's beam, radians (40 degrees in all).
pub const BEAM_HALF: f32 = 20.0 * std::f32::consts::PI / 180.0;
/// In the dark: how far the flashlight's beam shows a person, m.
pub const BEAM_RANGE: f32 = 15.0;
/// In the dark: how close a person is made out without light, m.
pub const DARK_NEAR: f32 = 2.5;

/// The trainee's perception, refreshed every tick in `SimSet::Perceive`.
#[derive(Resource, Debug, Clone, Default)]
pub struct Perception {
    /// One view per subject, in people order: (person index, view).
    pub views: Vec<(usize, SubjectView)>,
    /// The trainee's own situation.
    pub officer: OfficerView,
    /// Highest perceived resistance in view.
    pub max_perceived: ResistanceLevel,
    /// Officers within 15 m of the trainee, trainee included.
    pub officers_present: u32,
    /// Subjects in view and not restrained.
    pub subjects_unrestrained: u32,
    /// Index into `views` of the main threat, if any subject is known.
    pub threat: Option<usize>,
}

impl Perception {
    /// The view of a subject by person index.
    pub fn view(&self, person: usize) -> Option<&SubjectView> {
        self.views
            .iter()
            .find(|(i, _)| *i == person)
            .map(|(_, view)| view)
    }

    /// The person index of the main threat.
    pub fn threat_person(&self) -> Option<usize> {
        self.threat.map(|k| self.views[k].0)
    }

    /// The context for an event about `focus` (a person index), or about the
    /// main threat when `None`.
    pub fn context(&self, state: &SimState, focus: Option<usize>) -> Context {
        let subject = match focus {
            Some(i) => self.view_for(state, i),
            None => self.threat.map(|k| self.views[k].1.clone()),
        };
        Context {
            subject,
            officer: self.officer.clone(),
            max_perceived: self.max_perceived,
            officers_present: self.officers_present,
            subjects_unrestrained: self.subjects_unrestrained,
        }
    }

    /// A view of any person: subjects from the perception, others (bystanders,
    /// crowd members, officers) from what anyone can see of them.
    fn view_for(&self, state: &SimState, person: usize) -> Option<SubjectView> {
        if let Some(view) = self.view(person) {
            return Some(view.clone());
        }
        let p = state.people.get(person)?;
        if person == 0 {
            return None;
        }
        let tr = state.trainee();
        let mut cues = Vec::new();
        if p.health >= Health::Minor {
            cues.push(Cue::Injured);
        }
        if p.down(state.tick) {
            cues.push(Cue::Incapacitated);
        }
        Some(SubjectView {
            id: p.id.clone(),
            perceived: ResistanceLevel::Compliant,
            cues,
            reported_armed: false,
            weapon_visible: None,
            distance: p.pos.distance(tr.pos),
            visible: p.present,
            restrained: false,
            searched: false,
            sex: p.sex,
            age: p.age,
            disability: p.disability,
            health: p.health,
            in_vehicle: p.in_vehicle.is_some(),
            in_crowd: p.crowd().is_some(),
            officer_covered: false,
            officer_in_line_of_fire: false,
            people_in_line: Vec::new(),
            crowd_behind: false,
        })
    }
}

/// What a subject visibly does, for perception.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Nothing in particular.
    Calm,
    /// Obeying a command.
    Complying,
    /// Hands up, giving up.
    Surrendering,
    /// Arguing.
    Arguing,
    /// Running away.
    Fleeing,
    /// Pulling away from an officer.
    PullingAway,
    /// Struggling against the cuffs.
    FightingCuffs,
    /// Closing in on someone.
    Attacking,
    /// Firing.
    Shooting,
    /// Down.
    Down,
}

/// What a subject shows, from their state.
pub fn shown(p: &Person, s: &SubjectState, tick: u32) -> Shown {
    if p.down(tick) {
        return Shown::Down;
    }
    if s.restrained {
        return if s.level >= ResistanceLevel::Active {
            Shown::FightingCuffs
        } else {
            Shown::Complying
        };
    }
    match s.activity {
        Activity::Shooting(_) => Shown::Shooting,
        Activity::Attacking(_) => Shown::Attacking,
        Activity::Fleeing(_) => Shown::Fleeing,
        Activity::PullingAway(_) => Shown::PullingAway,
        Activity::Arguing(_) => Shown::Arguing,
        Activity::Complying { .. } => Shown::Complying,
        _ if s.hands_up => Shown::Surrendering,
        _ => Shown::Calm,
    }
}

/// The resistance a reasonable officer reads from visible behaviour.
pub fn perceived_level(shown: Shown, cues: &[Cue], weapon_visible: bool) -> ResistanceLevel {
    use ResistanceLevel::*;
    let has = |c: Cue| cues.contains(&c);
    match shown {
        Shown::Shooting => return Deadly,
        Shown::Down | Shown::Surrendering => return Compliant,
        _ => {}
    }
    if weapon_visible || has(Cue::WeaponVisible) {
        return Deadly;
    }
    if shown == Shown::Attacking || (has(Cue::Reaching) && has(Cue::HandsHidden)) {
        return Assaultive;
    }
    if matches!(
        shown,
        Shown::Fleeing | Shown::PullingAway | Shown::FightingCuffs
    ) {
        return Active;
    }
    // Glancing at the exits is a cue of flight to come, not physical
    // resistance: it reads as not cooperating.
    if shown == Shown::Arguing
        || has(Cue::Ignoring)
        || has(Cue::Shouting)
        || has(Cue::LookingForExit)
    {
        return Passive;
    }
    Compliant
}

/// The cues a subject shows now (sorted, no repeats).
pub fn subject_cues(
    p: &Person,
    s: &SubjectState,
    spec: &crate::scenario::schema::Subject,
    tick: u32,
    out: &mut Vec<Cue>,
) {
    out.clear();
    let down = p.down(tick);
    let reaching = matches!(s.activity, Activity::Reaching(_) | Activity::Drawing(..));
    if s.hands_up {
        out.push(Cue::HandsUp);
    } else if reaching || s.hiding || (p.in_vehicle.is_some() && !s.hands_shown) || s.restrained {
        out.push(Cue::HandsHidden);
    } else {
        out.push(Cue::HandsVisible);
    }
    if reaching {
        out.push(Cue::Reaching);
    }
    if s.weapon.is_some_and(|w| w.state == WeaponState::InHand) {
        out.push(Cue::WeaponVisible);
    }
    if !down && !s.restrained && !s.hands_up {
        // Anyone not compliant ignores commands; higher levels show a stance.
        match s.level {
            ResistanceLevel::Compliant => {}
            ResistanceLevel::Passive => out.push(Cue::Ignoring),
            ResistanceLevel::Active => {
                out.push(Cue::Ignoring);
                out.push(Cue::LookingForExit);
            }
            ResistanceLevel::Assaultive => {
                out.push(Cue::Ignoring);
                out.push(Cue::ClenchedFists);
                out.push(Cue::BladedStance);
            }
            ResistanceLevel::Deadly => {
                out.push(Cue::Ignoring);
                out.push(Cue::BladedStance);
            }
        }
        // The scenario's cues for the level; a hands cue there replaces ours.
        for lc in &spec.cues {
            if lc.level == s.level {
                if lc
                    .show
                    .iter()
                    .any(|c| matches!(c, Cue::HandsVisible | Cue::HandsHidden | Cue::HandsUp))
                {
                    out.retain(|c| !matches!(c, Cue::HandsVisible | Cue::HandsHidden));
                }
                out.extend(lc.show.iter().copied());
            }
        }
    }
    if s.agitation > 0.7 || matches!(s.activity, Activity::Arguing(_)) {
        out.push(Cue::Shouting);
    }
    if p.speed > 3.0 {
        out.push(Cue::Running);
    }
    match s.posture {
        Posture::Kneeling => out.push(Cue::Kneeling),
        Posture::Prone => out.push(Cue::Prone),
        Posture::Standing => {}
    }
    if s.restrained {
        out.push(Cue::Restrained);
    }
    if p.health >= Health::Minor {
        out.push(Cue::Injured);
    }
    if down {
        out.push(Cue::Incapacitated);
    }
    match s.temperament {
        Temperament::Intoxicated => out.push(Cue::Intoxicated),
        Temperament::InCrisis => out.push(Cue::Distressed),
        _ => {}
    }
    if s.victim_signs && spec.role == crate::scenario::schema::SubjectRole::Victim {
        out.push(Cue::Distressed);
    }
    out.sort();
    out.dedup();
}

/// Vehicle colliders to leave out of a line between two people (someone
/// seated in a car is seen and shot through its windows).
pub fn vehicle_exclusions(state: &SimState, a: usize, b: usize) -> [Entity; 4] {
    let mut out = [Entity::PLACEHOLDER; 4];
    if let Some(v) = state.people[a].in_vehicle {
        out[0] = state.vehicles[v].colliders[0];
        out[1] = state.vehicles[v].colliders[1];
    }
    if let Some(v) = state.people[b].in_vehicle {
        out[2] = state.vehicles[v].colliders[0];
        out[3] = state.vehicles[v].colliders[1];
    }
    out
}

/// How far the trainee hears someone talk or shout, m (as `subjects::say`).
pub const HEAR_TALK: f32 = 25.0;
/// How far running footsteps carry, m.
pub const HEAR_STEPS: f32 = 12.0;
/// How far a shot is heard, m.
pub const HEAR_SHOT: f32 = 80.0;

/// Whether the trainee hears person `i` now, seen or not: talking in the
/// last 3 s within [`HEAR_TALK`], running within [`HEAR_STEPS`], or shooting.
/// Walls do not stop sound; the HUD shows only its direction.
pub fn heard(state: &SimState, i: usize) -> bool {
    let p = &state.people[i];
    if i == 0 || !p.present {
        return false;
    }
    let d = p.pos.distance(state.people[0].pos);
    let talking = d <= HEAR_TALK
        && state
            .heard
            .iter()
            .any(|(t, who, _)| who == &p.id && state.tick < t + 3 * HZ);
    let running = d <= HEAR_STEPS && p.speed > 3.0;
    let shooting = d <= HEAR_SHOT
        && p.subject()
            .is_some_and(|s| matches!(s.activity, Activity::Shooting(_)));
    talking || running || shooting
}

/// Whether `viewer` can see `target` now (field of view, range, sight line).
pub fn can_see(rays: &Rays, state: &SimState, viewer: usize, target: usize) -> bool {
    let (a, b) = (&state.people[viewer], &state.people[target]);
    if !a.present || !b.present {
        return false;
    }
    let d = b.pos - a.pos;
    let dist = d.length();
    if dist > SIGHT_RANGE {
        return false;
    }
    if dist > PERIPHERAL && angle_between(heading_of(d), a.heading) > HALF_FOV {
        return false;
    }
    if b.subject().is_some_and(|s| s.hiding) && dist > 2.5 {
        return false;
    }
    if state.dark && !lit(state, viewer, target, dist, heading_of(d)) {
        return false;
    }
    rays.sees(a.pos, b.pos, &vehicle_exclusions(state, viewer, target))
}

/// In the dark, whether `viewer` can make out `target` at `dist` in
/// direction `bearing` (sight lines aside): close by; in the viewer's own
/// flashlight beam; or the target holds a lit flashlight, which gives an
/// officer away from afar. A dark officer is made out only close by.
pub fn lit(state: &SimState, viewer: usize, target: usize, dist: f32, bearing: f32) -> bool {
    if dist <= DARK_NEAR {
        return true;
    }
    let light_on = |i: usize| state.people[i].officer().is_some_and(|o| o.light);
    if light_on(target) {
        return true;
    }
    light_on(viewer)
        && dist <= BEAM_RANGE
        && angle_between(bearing, state.people[viewer].heading) <= BEAM_HALF
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        FixedUpdate,
        perceive
            .in_set(super::SimSet::Perceive)
            .run_if(super::sim_running),
    );
}

/// Refreshes [`Perception`] from the state.
pub(crate) fn perceive(
    setup: Res<SimSetup>,
    mut state: ResMut<SimState>,
    mut perc: ResMut<Perception>,
    mut journal: ResMut<Journal>,
    rapier: ReadRapierContext,
) {
    let Ok(ctx) = rapier.single() else { return };
    let rays = Rays::new(ctx);
    let state = &mut *state;
    let perc = &mut *perc;
    let tick = state.tick;
    if perc.views.is_empty() {
        for (i, p) in state.people.iter().enumerate() {
            if p.is_subject() {
                perc.views.push((
                    i,
                    SubjectView {
                        id: p.id.clone(),
                        sex: p.sex,
                        age: p.age,
                        disability: p.disability,
                        ..default()
                    },
                ));
            }
        }
    }
    let tr_pos = state.people[0].pos;
    let mut max_perceived = ResistanceLevel::Compliant;
    let mut unrestrained = 0;
    for (pi, view) in perc.views.iter_mut() {
        let pi = *pi;
        let visible = can_see(&rays, state, 0, pi);
        let excl = vehicle_exclusions(state, pi, 0);
        let p = &state.people[pi];
        let s = p.subject().expect("subject");
        let spec = &setup.scenario.subjects[s.spec];
        view.distance = p.pos.distance(tr_pos);
        view.visible = visible;
        view.restrained = s.restrained;
        view.searched = s.searched;
        view.reported_armed = s.reported_armed && !s.searched;
        view.health = p.health;
        view.in_vehicle = p.in_vehicle.is_some();
        view.in_crowd = setup
            .scenario
            .crowds
            .iter()
            .any(|c| c.agitators.iter().any(|a| a == &p.id));
        // Cues are what was seen: refreshed in view, kept out of view, none
        // for someone never seen.
        if visible {
            subject_cues(p, s, spec, tick, &mut view.cues);
        } else if !s.seen {
            view.cues.clear();
        }
        let weapon_in_view = visible && s.weapon.is_some_and(|w| w.state == WeaponState::InHand);
        if visible {
            view.weapon_visible = weapon_in_view.then(|| s.weapon.map(|w| w.kind)).flatten();
            view.perceived = perceived_level(shown(p, s, tick), &view.cues, weapon_in_view);
        } else if !p.present {
            view.weapon_visible = None;
        }
        let round_clear = p.present && rays.clear(p.pos, tr_pos, ROUND_MASK, &excl);
        view.officer_covered = p.present && !round_clear;
        view.officer_in_line_of_fire = round_clear && p.active(tick) && !s.restrained;
        // People standing between the trainee and this subject, and a crowd beyond.
        view.people_in_line.clear();
        view.crowd_behind = false;
        if p.present {
            let beyond = p.pos + (p.pos - tr_pos).normalize_or_zero() * 30.0;
            // Boxes round the two segments, grown by the distances tested:
            // with a large crowd most people lie outside both, and the box
            // test is cheaper than the distance (the result is the same).
            let line_box = (tr_pos.min(p.pos) - 0.5, tr_pos.max(p.pos) + 0.5);
            let behind_box = (p.pos.min(beyond) - 1.0, p.pos.max(beyond) + 1.0);
            let inside = |q: Vec2, (lo, hi): (Vec2, Vec2)| q.cmpge(lo).all() && q.cmple(hi).all();
            for (oi, o) in state.people.iter().enumerate() {
                if oi == 0 || oi == pi || !o.present {
                    continue;
                }
                if inside(o.pos, line_box) && o.subject().is_none() {
                    let (d, t) = seg_dist(o.pos, tr_pos, p.pos);
                    if d < 0.5 && t > 0.02 && t < 0.98 {
                        view.people_in_line.push(o.id.clone());
                    }
                }
                if o.crowd().is_some() && !view.crowd_behind && inside(o.pos, behind_box) {
                    let (d, t) = seg_dist(o.pos, p.pos, beyond);
                    view.crowd_behind = d < 1.0 && t > 0.0;
                }
            }
        }
        let weapon_seen_before = s.weapon_seen;
        if visible {
            let pos = state.people[pi].pos;
            let s = state.people[pi].subject_mut().expect("subject");
            s.perceived = view.perceived;
            s.seen = true;
            s.last_seen = pos;
            s.last_seen_tick = tick;
            s.weapon_seen = weapon_in_view;
            if weapon_in_view && !weapon_seen_before {
                let kind = s.weapon.map(|w| w.kind).unwrap_or_default();
                journal.later(
                    tick,
                    EventKind::WeaponSeen {
                        subject: state.people[pi].id.clone(),
                        weapon: kind,
                    },
                    Some(pi),
                );
                state.noticed.push("weapon_seen");
            }
            if !view.restrained {
                unrestrained += 1;
                max_perceived = max_perceived.max(view.perceived);
            }
        }
    }
    // The main threat: the highest perceived level in view, then the nearest;
    // failing that, the nearest subject still known to be around.
    perc.threat = None;
    let mut best: Option<(bool, ResistanceLevel, f32)> = None;
    for (k, (pi, view)) in perc.views.iter().enumerate() {
        let p = &state.people[*pi];
        if !p.present || view.restrained || !p.subject().is_some_and(|s| s.seen) {
            continue;
        }
        let key = (view.visible, view.perceived, -view.distance);
        let better = match best {
            None => true,
            Some(b) => (key.0, key.1) > (b.0, b.1) || ((key.0, key.1) == (b.0, b.1) && key.2 > b.2),
        };
        if better {
            best = Some(key);
            perc.threat = Some(k);
        }
    }
    perc.max_perceived = max_perceived;
    perc.subjects_unrestrained = unrestrained;
    perc.officers_present = state
        .people
        .iter()
        .filter(|p| p.is_officer() && p.active(tick) && p.pos.distance(tr_pos) <= 15.0)
        .count() as u32;
    let cover = match perc.threat {
        Some(k) => {
            let pi = perc.views[k].0;
            let excl = vehicle_exclusions(state, pi, 0);
            let from = state.people[pi].pos;
            if !rays.clear(from, tr_pos, ROUND_MASK, &excl) {
                Some(CoverKind::Hard)
            } else if !rays.clear(from, tr_pos, HIDE_MASK, &excl) {
                // Concealment: a car door, a hedge, a bench (seen over or not).
                Some(CoverKind::Soft)
            } else {
                None
            }
        }
        None => None,
    };
    let tr = &state.people[0];
    let o = tr.officer().expect("trainee is an officer");
    perc.officer = OfficerView {
        pos: (tr.pos.x, tr.pos.y),
        cover,
        in_doorway: in_doorway(state, tr.pos).is_some(),
        tool: o.tool,
        tool_state: o.tool_state,
        identified: o.identified,
        called_in: o.called_in,
        backup: o.backup_requested
            || state
                .people
                .iter()
                .any(|p| p.kind == PersonKind::Officer && p.present && p.id.starts_with("backup")),
        health: tr.health,
    };
}

/// The door whose doorway contains `pos`, if any.
pub fn in_doorway(state: &SimState, pos: Vec2) -> Option<usize> {
    state.doors.iter().position(|d| {
        d.state == crate::scenario::schema::DoorState::Open && {
            // The doorway reaches half a meter either side of the door leaf.
            let half = if d.half.x > d.half.y {
                Vec2::new(d.half.x, 0.5)
            } else {
                Vec2::new(0.5, d.half.y)
            };
            let q = (pos - d.at).abs();
            q.x <= half.x && q.y <= half.y
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ResistanceLevel::*;

    #[test]
    fn perceived_levels_follow_visible_behaviour() {
        assert_eq!(
            perceived_level(Shown::Calm, &[Cue::HandsVisible], false),
            Compliant
        );
        assert_eq!(
            perceived_level(Shown::Calm, &[Cue::Ignoring], false),
            Passive
        );
        assert_eq!(perceived_level(Shown::Arguing, &[], false), Passive);
        assert_eq!(
            perceived_level(Shown::Fleeing, &[Cue::Running], false),
            Active
        );
        assert_eq!(perceived_level(Shown::FightingCuffs, &[], false), Active);
        assert_eq!(perceived_level(Shown::Attacking, &[], false), Assaultive);
        assert_eq!(
            perceived_level(Shown::Calm, &[Cue::HandsHidden, Cue::Reaching], false),
            Assaultive
        );
        assert_eq!(
            perceived_level(Shown::Calm, &[Cue::HandsVisible], true),
            Deadly
        );
        assert_eq!(perceived_level(Shown::Shooting, &[], false), Deadly);
        assert_eq!(
            perceived_level(Shown::Surrendering, &[Cue::HandsUp], false),
            Compliant
        );
    }
}
