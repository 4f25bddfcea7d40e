//! Procedures: handcuffing, searches, evidence, first aid, witnesses,
//! interviews and doors.

use super::{Refuse, distance, log_action, officer, target_person};
use crate::domain::*;
use crate::events::{EventKind, Exposure, Refusal, WitnessInfo};
use crate::scenario::schema::{DoorState, Equipment, ZoneRole};
use crate::sim::PersonKind;
use crate::sim::geom::{box_dist, clamp_rect, in_rect};
use crate::sim::state::*;
use crate::sim::step::Step;
use crate::sim::world::Rays;

/// Reach for handcuffing and a pat-down, m.
pub(crate) const HANDS_ON: f32 = 1.2;
/// Reach for first aid and doors, m.
const ARM: f32 = 1.5;
/// An officer this close to a subject being cuffed, and seeing them, covers, m.
const COVER_RANGE: f32 = 8.0;
/// Witnesses within this distance of the trainee count as present, m.
const WITNESS_RANGE: f32 = 5.0;

/// Checks and carries out a procedure.
pub(super) fn apply(
    step: &mut Step,
    rays: &Rays,
    o: usize,
    action: &OfficerAction,
    proc: Procedure,
) -> Result<(), Refuse> {
    let named = action.target.as_deref();
    match proc {
        Procedure::ExplainReason
        | Procedure::AskDocuments
        | Procedure::GiveWarning
        | Procedure::IssueCitation
        | Procedure::Release => super::stop::apply(step, o, action, proc),
        Procedure::Handcuff => handcuff(step, rays, o, action),
        Procedure::Search => {
            let t = subject_target(step, o, named)?;
            let d = distance(step, o, t);
            let searched = step.state.people[t].subject().is_some_and(|s| s.searched);
            if d > HANDS_ON
                && o == 0
                && !searched
                && let Some(pi) =
                    closer_partner(step, t, 20.0, None, Some(step.state.people[t].sex))
                        .filter(|_| step.state.people[0].sex != step.state.people[t].sex)
                        .or_else(|| closer_partner(step, t, d, None, None))
            {
                // Out of reach: a partner of the person's sex (within 20 m)
                // searches when the trainee is not of it (how a trainee has
                // the search done by the same sex, CPC art. 255(2)); else a
                // partner closer to the person than the trainee does.
                log_action(step, o, action, Some(t));
                officer(step, pi).task = PartnerTask::Search(t);
                return Ok(());
            }
            hands_on_checks(step, o, t)?;
            if step.state.people[t].subject().expect("subject").searched {
                return Err((Refusal::AlreadyDone, Some(t)));
            }
            log_action(step, o, action, Some(t));
            let id = step.state.people[t].id.clone();
            let s = step.state.people[t].subject_mut().expect("subject");
            s.searched = true;
            let items: Vec<_> = s.items.drain(..).collect();
            let mut evidence: Vec<String> = items
                .iter()
                .filter(|it| is_evidence(it.kind))
                .map(|it| it.id.clone())
                .collect();
            let mut found: Vec<String> = items.into_iter().map(|it| it.id).collect();
            if let Some(w) = s.weapon.as_mut()
                && matches!(
                    w.place,
                    WeaponPlace::Waistband
                        | WeaponPlace::Pocket
                        | WeaponPlace::Ankle
                        | WeaponPlace::Bag
                )
                && w.state == WeaponState::Concealed
            {
                w.state = WeaponState::Secured;
                found.push(format!("{id}:weapon"));
                evidence.push(format!("{id}:weapon"));
            }
            s.found.extend(found.iter().cloned());
            let witnesses = witnesses_present(step, Some(t));
            let kind = EventKind::Searched {
                subject: id,
                by: step.state.people[o].id.clone(),
                searcher_sex: step.state.people[o].sex,
                found,
                witnesses,
                evidence,
            };
            step.later(kind, Some(t));
            Ok(())
        }
        Procedure::SearchVehicle => {
            let vi = match named {
                Some(id) => step
                    .state
                    .vehicle(id)
                    .ok_or((Refusal::UnknownTarget, None))?,
                None => nearest_vehicle(step, o).ok_or((Refusal::NoTarget, None))?,
            };
            let veh = &step.state.vehicles[vi];
            let d = box_dist(step.state.people[o].pos, veh.at, veh.half, veh.rot);
            if d > 2.0 {
                return Err((
                    Refusal::TooFar {
                        distance: d,
                        needed: 2.0,
                    },
                    None,
                ));
            }
            if veh.searched {
                return Err((Refusal::AlreadyDone, None));
            }
            let veh_id = veh.id.clone();
            log_action(step, o, action, None);
            let setup = step.setup;
            let contents = setup
                .scenario
                .map
                .vehicles
                .iter()
                .find(|v| v.id == veh_id)
                .map(|v| v.contents.as_slice())
                .unwrap_or_default();
            let mut found: Vec<String> = contents.iter().map(|it| it.id.clone()).collect();
            let mut evidence: Vec<String> = contents
                .iter()
                .filter(|it| is_evidence(it.kind))
                .map(|it| it.id.clone())
                .collect();
            // Weapons left under the seat or in the glove box by whoever sat in it.
            for p in step.state.people.iter_mut() {
                // The role alone, so that `p.in_vehicle` stays readable.
                let Role::Subject(s) = &mut p.role else {
                    continue;
                };
                let spec = &setup.scenario.subjects[s.spec];
                if spec.in_vehicle.as_deref() == Some(veh_id.as_str())
                    && p.in_vehicle.is_none()
                    && let Some(w) = s.weapon.as_mut()
                    && matches!(w.place, WeaponPlace::UnderSeat | WeaponPlace::GloveBox)
                    && w.state == WeaponState::Concealed
                {
                    w.state = WeaponState::Secured;
                    found.push(format!("{}:weapon", p.id));
                    evidence.push(format!("{}:weapon", p.id));
                }
            }
            let veh = &mut step.state.vehicles[vi];
            veh.searched = true;
            veh.found.extend(found.iter().cloned());
            let witnesses = witnesses_present(step, None);
            let by = step.state.people[o].id.clone();
            step.later(
                EventKind::PlaceSearched {
                    place: veh_id,
                    by,
                    found,
                    witnesses,
                    evidence,
                },
                None,
            );
            Ok(())
        }
        Procedure::ClearRoom => {
            let pos = step.state.people[o].pos;
            let zones = &step.setup.scenario.map.zones;
            let zi = match named {
                Some(id) => zones
                    .iter()
                    .position(|z| z.id == id)
                    .ok_or((Refusal::UnknownTarget, None))?,
                None => zones
                    .iter()
                    .position(|z| z.role == ZoneRole::Room && in_rect(pos, z.min, z.max))
                    .ok_or((Refusal::NoTarget, None))?,
            };
            let z = &zones[zi];
            if !in_rect(pos, z.min, z.max) {
                let d = clamp_rect(pos, z.min, z.max).distance(pos);
                return Err((
                    Refusal::TooFar {
                        distance: d,
                        needed: 0.0,
                    },
                    None,
                ));
            }
            if step.state.cleared.contains(&z.id) {
                return Err((Refusal::AlreadyDone, None));
            }
            log_action(step, o, action, None);
            let zone_id = z.id.clone();
            let (min, max) = (z.min, z.max);
            let mut found = Vec::new();
            for p in step.state.people.iter_mut() {
                if p.present && p.kind == PersonKind::Subject && in_rect(p.pos, min, max) {
                    if let Some(s) = p.subject_mut() {
                        s.hiding = false;
                    }
                    found.push(p.id.clone());
                }
            }
            step.state.cleared.push(zone_id.clone());
            let witnesses = witnesses_present(step, None);
            let by = step.state.people[o].id.clone();
            step.later(
                EventKind::PlaceSearched {
                    place: zone_id,
                    by,
                    found,
                    witnesses,
                    evidence: Vec::new(),
                },
                None,
            );
            Ok(())
        }
        Procedure::SeizeEvidence => {
            let pos = step.state.people[o].pos;
            // From a named person or vehicle, else whatever found lies nearest.
            let source = match named {
                Some(id) => {
                    if let Some(i) = step.state.find(id) {
                        Some(Source::Person(i))
                    } else if let Some(v) = step.state.vehicle(id) {
                        Some(Source::Vehicle(v))
                    } else {
                        return Err((Refusal::UnknownTarget, None));
                    }
                }
                None => nearest_source(step, pos),
            };
            let Some(source) = source else {
                return Err((Refusal::NothingToSeize, None));
            };
            let (from, d, empty) = match source {
                Source::Person(i) => {
                    let p = &step.state.people[i];
                    let empty = p.subject().is_none_or(|s| s.found.is_empty());
                    (p.id.clone(), p.pos.distance(pos), empty)
                }
                Source::Vehicle(v) => {
                    let veh = &step.state.vehicles[v];
                    (
                        veh.id.clone(),
                        box_dist(pos, veh.at, veh.half, veh.rot),
                        veh.found.is_empty(),
                    )
                }
            };
            if empty {
                return Err((Refusal::NothingToSeize, None));
            }
            if d > 2.0 {
                return Err((
                    Refusal::TooFar {
                        distance: d,
                        needed: 2.0,
                    },
                    None,
                ));
            }
            let focus = match source {
                Source::Person(i) => Some(i),
                Source::Vehicle(_) => None,
            };
            log_action(step, o, action, focus);
            let items: Vec<String> = match source {
                Source::Person(i) => step.state.people[i]
                    .subject_mut()
                    .expect("subject")
                    .found
                    .drain(..)
                    .collect(),
                Source::Vehicle(v) => step.state.vehicles[v].found.drain(..).collect(),
            };
            for it in &items {
                step.state.seized_unsealed.push((it.clone(), from.clone()));
            }
            let witnesses = witnesses_present(step, focus);
            step.later(
                EventKind::Seized {
                    items,
                    from,
                    witnesses,
                },
                focus,
            );
            Ok(())
        }
        Procedure::SealEvidence => {
            if step.state.seized_unsealed.is_empty() {
                return Err((Refusal::NothingToSeize, None));
            }
            if !officer(step, o).has(Equipment::EvidenceKit) {
                return Err((Refusal::NotEquipped, None));
            }
            log_action(step, o, action, None);
            // Whom the evidence came from (a person's id, or a vehicle's).
            let about = step
                .state
                .seized_unsealed
                .first()
                .and_then(|(_, from)| step.state.find(from));
            let items: Vec<String> = step
                .state
                .seized_unsealed
                .drain(..)
                .map(|(it, _)| it)
                .collect();
            step.state.sealed.extend(items.iter().cloned());
            let witnesses = witnesses_present(step, about);
            step.later(EventKind::Sealed { items, witnesses }, None);
            Ok(())
        }
        Procedure::FirstAid => {
            let t = match named {
                Some(_) => target_person(step, o, named, ARM)?,
                None => nearest_injured(step, o).ok_or((Refusal::NoTarget, None))?,
            };
            if step.state.people[t].health == Health::Unhurt {
                return Err((Refusal::NotInjured, Some(t)));
            }
            let d = distance(step, o, t);
            if d > ARM {
                return Err((
                    Refusal::TooFar {
                        distance: d,
                        needed: ARM,
                    },
                    Some(t),
                ));
            }
            log_action(step, o, action, Some(t));
            let (to, by) = (
                step.state.people[t].id.clone(),
                step.state.people[o].id.clone(),
            );
            step.later(EventKind::FirstAid { to, by }, Some(t));
            Ok(())
        }
        Procedure::AskWitness => {
            let t = match named {
                Some(_) => target_person(step, o, named, 5.0)?,
                None => nearest_kind(step, o, PersonKind::Bystander, 5.0)
                    .ok_or((Refusal::NoTarget, None))?,
            };
            if step.state.people[t].bystander().is_none() {
                return Err((Refusal::NoTarget, Some(t)));
            }
            let d = distance(step, o, t);
            if d > 5.0 {
                return Err((
                    Refusal::TooFar {
                        distance: d,
                        needed: 5.0,
                    },
                    Some(t),
                ));
            }
            let b = step.state.people[t].bystander().expect("bystander");
            if b.witness {
                return Err((Refusal::AlreadyDone, Some(t)));
            }
            let spec = &step.setup.scenario.bystanders[b.spec];
            if !spec.agrees {
                return Err((Refusal::Declined, Some(t)));
            }
            let bar = witness_bar_line(spec.witness, spec.serial);
            log_action(step, o, action, Some(t));
            step.state.people[t]
                .bystander_mut()
                .expect("bystander")
                .witness = true;
            step.state.witnesses.push(t);
            let info = witness_info(step, t, None);
            step.later(EventKind::WitnessJoined(info), Some(t));
            // Asked to serve, people say what may bar them (a relative, a
            // cadet, a regular witness): the officer can hear it and choose.
            if let Some(line) = bar {
                crate::sim::subjects::say(step, t, line);
            }
            Ok(())
        }
        Procedure::Interview => {
            let t = match named {
                Some(_) => target_person(step, o, named, 3.0)?,
                None => nearest_talkable(step, o, 3.0).ok_or((Refusal::NoTarget, None))?,
            };
            let d = distance(step, o, t);
            if d > 3.0 {
                return Err((
                    Refusal::TooFar {
                        distance: d,
                        needed: 3.0,
                    },
                    Some(t),
                ));
            }
            let tick = step.tick();
            if let Some(s) = step.state.people[t].subject()
                && s.level >= ResistanceLevel::Active
                && !s.restrained
                && step.state.people[t].active(tick)
            {
                return Err((Refusal::Resisting, Some(t)));
            }
            log_action(step, o, action, Some(t));
            let victim_signs = step.state.people[t]
                .subject_mut()
                .map(|s| {
                    s.interviewed = true;
                    s.victim_signs
                })
                .unwrap_or(false);
            let who = step.state.people[t].id.clone();
            step.later(EventKind::Interviewed { who, victim_signs }, Some(t));
            Ok(())
        }
        Procedure::OpenDoor | Procedure::CloseDoor => {
            let pos = step.state.people[o].pos;
            let di = match named {
                Some(id) => step.state.door(id).ok_or((Refusal::UnknownTarget, None))?,
                None => step
                    .state
                    .doors
                    .iter()
                    .enumerate()
                    .min_by(|a, b| a.1.at.distance(pos).total_cmp(&b.1.at.distance(pos)))
                    .map(|(i, _)| i)
                    .ok_or((Refusal::NoTarget, None))?,
            };
            let door = &step.state.doors[di];
            let d = box_dist(pos, door.at, door.half, 0.0);
            if d > ARM {
                return Err((
                    Refusal::TooFar {
                        distance: d,
                        needed: ARM,
                    },
                    None,
                ));
            }
            let new = match (proc, door.state) {
                (Procedure::OpenDoor, DoorState::Locked) => return Err((Refusal::Locked, None)),
                (Procedure::OpenDoor, DoorState::Open)
                | (Procedure::CloseDoor, DoorState::Closed | DoorState::Locked) => {
                    return Err((Refusal::AlreadyDone, None));
                }
                (Procedure::OpenDoor, _) => DoorState::Open,
                _ => DoorState::Closed,
            };
            log_action(step, o, action, None);
            step.state.doors[di].state = new;
            Ok(())
        }
    }
}

enum Source {
    Person(usize),
    Vehicle(usize),
}

fn nearest_source(step: &Step, pos: bevy::math::Vec2) -> Option<Source> {
    let person = step
        .state
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.subject().is_some_and(|s| !s.found.is_empty()))
        .map(|(i, p)| (Source::Person(i), p.pos.distance(pos)));
    let vehicle = step
        .state
        .vehicles
        .iter()
        .enumerate()
        .filter(|(_, v)| !v.found.is_empty())
        .map(|(i, v)| (Source::Vehicle(i), box_dist(pos, v.at, v.half, v.rot)));
    person
        .chain(vehicle)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(s, _)| s)
}

fn nearest_vehicle(step: &Step, o: usize) -> Option<usize> {
    let pos = step.state.people[o].pos;
    step.state
        .vehicles
        .iter()
        .enumerate()
        .min_by(|a, b| {
            box_dist(pos, a.1.at, a.1.half, a.1.rot)
                .total_cmp(&box_dist(pos, b.1.at, b.1.half, b.1.rot))
        })
        .map(|(i, _)| i)
}

fn nearest_injured(step: &Step, o: usize) -> Option<usize> {
    let pos = step.state.people[o].pos;
    step.state
        .people
        .iter()
        .enumerate()
        .filter(|(i, p)| *i != o && p.present && p.health > Health::Unhurt)
        .min_by(|a, b| a.1.pos.distance(pos).total_cmp(&b.1.pos.distance(pos)))
        .map(|(i, _)| i)
}

fn nearest_kind(step: &Step, o: usize, kind: PersonKind, range: f32) -> Option<usize> {
    let pos = step.state.people[o].pos;
    step.state
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.present && p.kind == kind && p.pos.distance(pos) <= range)
        .min_by(|a, b| a.1.pos.distance(pos).total_cmp(&b.1.pos.distance(pos)))
        .map(|(i, _)| i)
}

fn nearest_talkable(step: &Step, o: usize, range: f32) -> Option<usize> {
    nearest_kind(step, o, PersonKind::Subject, range)
        .or_else(|| nearest_kind(step, o, PersonKind::Bystander, range))
}

/// A subject named, selected or nearest in front within arm's reach.
fn subject_target(step: &Step, o: usize, named: Option<&str>) -> Result<usize, Refuse> {
    let t = target_person(step, o, named, 3.0)?;
    if step.state.people[t].subject().is_none() {
        return Err((Refusal::NoTarget, Some(t)));
    }
    Ok(t)
}

/// Hands-on procedures need contact range and a subject not actively resisting.
fn hands_on_checks(step: &Step, o: usize, t: usize) -> Result<(), Refuse> {
    let d = distance(step, o, t);
    if d > HANDS_ON {
        return Err((
            Refusal::TooFar {
                distance: d,
                needed: HANDS_ON,
            },
            Some(t),
        ));
    }
    let tick = step.tick();
    let p = &step.state.people[t];
    let s = p.subject().expect("subject");
    let resisting =
        s.level >= ResistanceLevel::Active && !s.restrained && !s.hands_up && p.active(tick);
    if resisting {
        return Err((Refusal::Resisting, Some(t)));
    }
    Ok(())
}

/// Handcuffing; when a partner is closer to the subject than the trainee,
/// the partner is sent to do it (the contact-and-cover way).
fn handcuff(step: &mut Step, rays: &Rays, o: usize, action: &OfficerAction) -> Result<(), Refuse> {
    let t = subject_target(step, o, action.target.as_deref())?;
    if !officer(step, o).has(Equipment::Handcuffs) {
        return Err((Refusal::NotEquipped, Some(t)));
    }
    if step.state.people[t].subject().expect("subject").restrained {
        return Err((Refusal::AlreadyRestrained, Some(t)));
    }
    let d = distance(step, o, t);
    if d > HANDS_ON
        && o == 0
        && let Some(pi) = closer_partner(step, t, d, Some(Equipment::Handcuffs), None)
    {
        log_action(step, o, action, Some(t));
        officer(step, pi).task = PartnerTask::Cuff(t);
        return Ok(());
    }
    hands_on_checks(step, o, t)?;
    log_action(step, o, action, Some(t));
    // In a building search the trainee cuffs with a partner covering; said
    // before the cuffs go on (the moment the rule judges).
    if o == 0
        && step.setup.scenario.kind == crate::domain::ScenarioKind::BuildingSearch
        && crate::sim::searching::covered(step.state, rays, t, COVER_RANGE) == Some(false)
    {
        let id = step.state.people[t].id.clone();
        step.later(EventKind::Exposure(Exposure::CuffedUncovered(id)), Some(t));
    }
    restrain(step, o, t);
    Ok(())
}

/// The partner officer (active, carrying `needs` and of `sex` if given)
/// nearest to person `t` and closer to them than `than` meters (the
/// trainee's distance).
fn closer_partner(
    step: &Step,
    t: usize,
    than: f32,
    needs: Option<Equipment>,
    sex: Option<Sex>,
) -> Option<usize> {
    let tick = step.tick();
    let tpos = step.state.people[t].pos;
    step.state
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.active(tick)
                && p.officer().is_some_and(|of| {
                    !matches!(of.role, OfficerRole::Trainee) && needs.is_none_or(|e| of.has(e))
                })
                && sex.is_none_or(|x| p.sex == x)
        })
        .map(|(i, p)| (i, p.pos.distance(tpos)))
        .filter(|(_, pd)| *pd < than)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// Puts the cuffs on; logs `Restrained` and the arrest.
fn restrain(step: &mut Step, o: usize, t: usize) {
    let s = step.state.people[t].subject_mut().expect("subject");
    s.restrained = true;
    s.hands_up = false;
    s.commands.clear();
    if !matches!(s.activity, Activity::Fleeing(_)) {
        s.activity = Activity::Idle;
    }
    step.state.people[t].want = bevy::math::Vec2::ZERO;
    let (subject, by) = (
        step.state.people[t].id.clone(),
        step.state.people[o].id.clone(),
    );
    step.later(EventKind::Restrained { subject, by }, Some(t));
    step.state.stimuli.push((t, Stim::Handcuffed));
    let s = step.state.people[t].subject_mut().expect("subject");
    if !s.arrested {
        s.arrested = true;
        let drugs = s.drugs;
        let witnesses = witnesses_present(step, Some(t));
        // Each witness present has now served in this arrest.
        for w in &witnesses {
            if let Some(i) = step.state.find(&w.id)
                && let Some(b) = step.state.people[i].bystander_mut()
            {
                b.served.push(t);
            }
        }
        step.state.last_arrest = Some(t);
        let subject = step.state.people[t].id.clone();
        step.later(
            EventKind::Arrested {
                subject,
                drugs,
                witnesses,
            },
            Some(t),
        );
    }
}

/// A witness's eligibility, and whether they are a serial witness for a
/// procedure concerning subject `about`: known as one, or already served in
/// the arrest of someone else this session (Kazakh CPC art. 90(3)).
fn witness_info(step: &Step, i: usize, about: Option<usize>) -> WitnessInfo {
    let b = step.state.people[i].bystander().expect("bystander");
    let spec = &step.setup.scenario.bystanders[b.spec];
    WitnessInfo {
        id: step.state.people[i].id.clone(),
        eligibility: spec.witness,
        serial: spec.serial || b.served.iter().any(|s| Some(*s) != about),
    }
}

/// What a bystander asked to witness says about what may bar them from
/// serving (Kazakh CPC 2014 art. 90), or `None` for a disinterested adult.
pub(crate) fn witness_bar_line(
    e: crate::scenario::schema::WitnessEligibility,
    serial: bool,
) -> Option<LocalizedText> {
    use crate::scenario::schema::WitnessEligibility as W;
    let id = match e {
        W::Eligible if serial => "witness-bar-serial",
        W::Eligible => return None,
        W::Police => "witness-bar-police",
        W::LawEnforcementStudent => "witness-bar-law_enforcement_student",
        W::CourtStaff => "witness-bar-court_staff",
        W::Probationer => "witness-bar-probationer",
        W::UnderProsecution => "witness-bar-under_prosecution",
        W::Relative => "witness-bar-relative",
        W::Minor => "witness-bar-minor",
        W::Dependent => "witness-bar-dependent",
    };
    Some(crate::i18n::localized(&crate::i18n::Msg::new(id)))
}

/// Witnesses who agreed and stand within reach of the trainee, for a
/// procedure concerning subject `about` (`None`: the last arrest).
fn witnesses_present(step: &Step, about: Option<usize>) -> Vec<WitnessInfo> {
    let about = about.or(step.state.last_arrest);
    let pos = step.state.people[0].pos;
    step.state
        .witnesses
        .iter()
        .filter(|&&i| {
            let p = &step.state.people[i];
            p.present && p.pos.distance(pos) <= WITNESS_RANGE
        })
        .map(|&i| witness_info(step, i, about))
        .collect()
}

/// Items a search must lead to seizing: drugs, weapons and cash (proceeds);
/// papers and other things are not evidence by themselves.
fn is_evidence(kind: crate::scenario::schema::ItemKind) -> bool {
    use crate::scenario::schema::ItemKind;
    matches!(kind, ItemKind::Drugs | ItemKind::Weapon | ItemKind::Cash)
}
