//! Force options and their effects. Each works only in its range and with
//! its tool in hand; OC and the CEW can fail; strikes and the baton can
//! injure; effective force usually takes a subject out for some seconds or
//! makes them give up; ineffective force, or force on someone perceived as
//! compliant, raises agitation.

use super::{Refuse, log_action, officer, target_person};
use crate::domain::*;
use crate::events::{EventKind, InjuryCause, Refusal};
use crate::scenario::schema::Equipment;
use crate::sim::combat;
use crate::sim::perception::can_see;
use crate::sim::state::*;
use crate::sim::step::Step;
use crate::sim::subjects;
use crate::sim::world::Rays;

/// Ticks after losing sight of a subject during which the trainee may
/// still fire at where they are (behind concealment).
const RECENTLY_SEEN: u32 = 5 * HZ;

/// Closer than this a CEW is used in drive-stun mode (pressed against the
/// body, no cartridge), m.
pub(crate) const DRIVE_STUN_M: f32 = 1.5;

/// Farthest reach of each option, m.
pub(crate) fn reach(option: ForceOption) -> f32 {
    match option {
        ForceOption::EscortGrip | ForceOption::JointLock | ForceOption::Takedown => 1.5,
        ForceOption::Strike => 1.5,
        ForceOption::Baton => 1.8,
        ForceOption::Oc => 4.0,
        ForceOption::Cew => 7.0,
        ForceOption::PointFirearm => 40.0,
        ForceOption::Firearm => 60.0,
    }
}

/// Checks and applies a force option.
pub(super) fn apply(
    step: &mut Step,
    rays: &Rays,
    officer_i: usize,
    action: &OfficerAction,
    option: ForceOption,
) -> Result<(), Refuse> {
    let t = target_person(
        step,
        officer_i,
        action.target.as_deref(),
        reach(option) + 1.0,
    )?;
    if t == officer_i {
        return Err((Refusal::NoTarget, None));
    }
    let o = officer(step, officer_i);
    match option.tool() {
        Some(tool) => {
            let equipped = match tool {
                Tool::Oc => o.has(Equipment::Oc),
                Tool::Baton => o.has(Equipment::Baton),
                Tool::Cew => o.has(Equipment::Cew),
                Tool::Handgun => o.has(Equipment::Handgun),
                Tool::EmptyHands => true,
            };
            if !equipped {
                return Err((Refusal::NotEquipped, Some(t)));
            }
            if o.tool != tool || o.tool_state == ToolState::Holstered {
                return Err((Refusal::NotReady, Some(t)));
            }
        }
        None => {
            // Hands-on control needs free hands: no weapon drawn.
            if o.tool != Tool::EmptyHands && o.tool_state != ToolState::Holstered {
                return Err((Refusal::NotReady, Some(t)));
            }
        }
    }
    // Within reach the CEW is pressed on as a drive stun: no cartridge needed.
    let drive_stun = step.state.people[officer_i]
        .pos
        .distance(step.state.people[t].pos)
        <= DRIVE_STUN_M;
    let o = officer(step, officer_i);
    if option == ForceOption::Cew && o.cew_cartridges == 0 && !drive_stun {
        return Err((Refusal::Empty, Some(t)));
    }
    if option == ForceOption::Firearm && o.rounds == 0 {
        return Err((Refusal::Empty, Some(t)));
    }
    let d = step.state.people[officer_i]
        .pos
        .distance(step.state.people[t].pos);
    if d > reach(option) {
        return Err((
            Refusal::TooFar {
                distance: d,
                needed: reach(option),
            },
            Some(t),
        ));
    }
    let ranged = matches!(
        option,
        ForceOption::Oc | ForceOption::Cew | ForceOption::PointFirearm | ForceOption::Firearm
    );
    // Ranged force needs the target in view, or (for the trainee) a subject
    // seen in the last few seconds: rounds may go through concealment.
    let known = officer_i == 0
        && step.state.people[t]
            .subject()
            .is_some_and(|s| s.seen && step.tick() <= s.last_seen_tick + RECENTLY_SEEN);
    if ranged && d > 2.0 && !known && !can_see(rays, step.state, officer_i, t) {
        return Err((Refusal::NotVisible, Some(t)));
    }
    log_action(step, officer_i, action, Some(t));
    let tpos = step.state.people[t].pos;
    step.state.people[officer_i].face = Some(tpos);
    // Force on someone perceived as compliant (or restrained and calm) was not needed.
    let perceived = step
        .perc
        .view(t)
        .map(|v| v.perceived)
        .unwrap_or(ResistanceLevel::Compliant);
    let needless = perceived == ResistanceLevel::Compliant && option != ForceOption::EscortGrip;
    let effective = effect(step, rays, officer_i, t, option, d);
    let (by, target) = (
        step.state.people[officer_i].id.clone(),
        step.state.people[t].id.clone(),
    );
    step.now(
        EventKind::ForceOutcome {
            by,
            target,
            option,
            effective,
        },
        Some(t),
    );
    // Holding one person is not force on the assembly; anything more is.
    let soft = matches!(option, ForceOption::EscortGrip | ForceOption::JointLock);
    if let Some(ci) = step.state.people[t].crowd()
        && !soft
    {
        let crowd = &mut step.state.crowds[ci];
        crowd.peaceful_hit = true;
        crowd.agitation = (crowd.agitation + 0.2).min(1.0);
    }
    if step.state.people[t].is_subject() {
        if needless {
            subjects::agitate(step, t, 0.3);
            step.state.people[t].subject_mut().expect("subject").wronged += 1;
        }
        if !effective && option != ForceOption::PointFirearm {
            subjects::agitate(step, t, 0.15);
        }
        step.state.stimuli.push((t, Stim::Force(option)));
        if option == ForceOption::PointFirearm {
            step.state.stimuli.push((t, Stim::WeaponAimed));
        }
    }
    Ok(())
}

/// The effect of one application; returns whether it worked.
fn effect(
    step: &mut Step,
    rays: &Rays,
    officer_i: usize,
    t: usize,
    option: ForceOption,
    d: f32,
) -> bool {
    let tick = step.tick();
    let (level, temperament, down) = match step.state.people[t].subject() {
        Some(s) => (s.level, s.temperament, step.state.people[t].down(tick)),
        None => (
            ResistanceLevel::Compliant,
            Temperament::Calm,
            step.state.people[t].down(tick),
        ),
    };
    let resist = |passive: f32, active: f32, assaultive: f32| -> f32 {
        if down {
            return 1.0;
        }
        match level {
            ResistanceLevel::Compliant | ResistanceLevel::Passive => passive,
            ResistanceLevel::Active => active,
            _ => assaultive,
        }
    };
    // Pain compliance works less on the intoxicated and people in crisis.
    let dulled = matches!(
        temperament,
        Temperament::Intoxicated | Temperament::InCrisis
    );
    let works = |p: f32| if dulled { p * 0.75 } else { p };
    let roll = step.rng.range(0.0, 1.0);
    let injury_roll = step.rng.range(0.0, 1.0);
    let give_up = step.rng.chance(0.5);
    let effective = match option {
        ForceOption::EscortGrip => roll < resist(0.9, 0.4, 0.15),
        ForceOption::JointLock => roll < works(resist(0.95, 0.6, 0.3)),
        ForceOption::Takedown => roll < resist(0.85, 0.7, 0.5),
        ForceOption::Strike => roll < works(0.55),
        ForceOption::Baton => roll < works(0.65),
        ForceOption::Oc => roll < works(0.75),
        ForceOption::Cew if d <= DRIVE_STUN_M => {
            // Pain compliance only: no neuromuscular incapacitation.
            roll < 0.5
        }
        ForceOption::Cew => {
            officer(step, officer_i).cew_cartridges -= 1;
            roll < if d > 5.0 { 0.7 } else { 0.75 }
        }
        ForceOption::PointFirearm => {
            let o = officer(step, officer_i);
            o.tool_state = ToolState::Aimed;
            o.aim = Some(t);
            true
        }
        ForceOption::Firearm => {
            let o = officer(step, officer_i);
            o.rounds -= 1;
            o.tool_state = ToolState::Aimed;
            o.aim = Some(t);
            let out = combat::fire(step, rays, officer_i, t);
            return out.hit == Some(t);
        }
    };
    if !effective {
        return false;
    }
    let by = Some(officer_i);
    match option {
        ForceOption::EscortGrip | ForceOption::JointLock => {
            if let Some(s) = step.state.people[t].subject_mut()
                && !matches!(s.activity, Activity::Complying { .. })
            {
                s.activity = Activity::Idle;
            }
            step.state.people[t].want = bevy::math::Vec2::ZERO;
            if option == ForceOption::JointLock && injury_roll < 0.1 {
                combat::hurt(step, t, by, InjuryCause::ForceApplied, Health::Minor);
            }
        }
        ForceOption::Takedown => {
            if let Some(s) = step.state.people[t].subject_mut() {
                s.posture = Posture::Prone;
                s.activity = Activity::Idle;
            }
            combat::incapacitate(step, t, 3.0);
            if injury_roll < 0.25 {
                combat::hurt(step, t, by, InjuryCause::ForceApplied, Health::Minor);
            }
        }
        ForceOption::Strike => {
            combat::incapacitate(step, t, 2.0);
            if injury_roll < 0.03 {
                combat::hurt(step, t, by, InjuryCause::ForceApplied, Health::Serious);
            } else if injury_roll < 0.35 {
                combat::hurt(step, t, by, InjuryCause::ForceApplied, Health::Minor);
            }
        }
        ForceOption::Baton => {
            combat::incapacitate(step, t, 3.0);
            if injury_roll < 0.08 {
                combat::hurt(step, t, by, InjuryCause::ForceApplied, Health::Serious);
            } else if injury_roll < 0.5 {
                combat::hurt(step, t, by, InjuryCause::ForceApplied, Health::Minor);
            }
        }
        ForceOption::Oc => {
            let secs = 8.0 + injury_roll * 7.0;
            combat::incapacitate(step, t, secs);
            combat::hurt(step, t, by, InjuryCause::Oc, Health::Minor);
        }
        ForceOption::Cew => {
            if let Some(s) = step.state.people[t].subject_mut() {
                s.posture = Posture::Prone;
                s.activity = Activity::Idle;
            }
            combat::incapacitate(step, t, 5.0);
            if injury_roll < 0.3 {
                combat::hurt(step, t, by, InjuryCause::Cew, Health::Minor);
            }
        }
        ForceOption::PointFirearm | ForceOption::Firearm => {}
    }
    // Control that works usually ends the resistance.
    if option != ForceOption::PointFirearm
        && step.state.people[t].is_subject()
        && level >= ResistanceLevel::Active
        && give_up
    {
        subjects::begin(step, t, SubjectAction::Surrender);
    }
    true
}
