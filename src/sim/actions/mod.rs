//! Officers' discrete actions (the trainee's from input, partners' from their
//! AI): verbal, radio, tools, force and procedures. Each is checked, then
//! logged as `Action` and carried out, or refused and logged as `Refused`.

mod force;
mod procedures;
pub(crate) mod stop;

pub(crate) use procedures::witness_bar_line;

use super::geom::{angle_between, heading_of};
use super::journal::Journal;
use super::perception::{HALF_FOV, Perception};
use super::rng::SimRng;
use super::state::*;
use super::step::Step;
use super::world::Rays;
use super::{SimSet, SimSetup, sim_running};
use crate::domain::Command;
use crate::domain::*;
use crate::events::{EventKind, Refusal};
use crate::scenario::schema::Equipment;
use bevy::prelude::*;
use bevy_rapier2d::prelude::ReadRapierContext;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        FixedUpdate,
        carry_out.in_set(SimSet::Act).run_if(sim_running),
    );
}

/// Carries out the tick's orders in the order given.
fn carry_out(
    setup: Res<SimSetup>,
    mut state: ResMut<SimState>,
    mut rng: ResMut<SimRng>,
    mut journal: ResMut<Journal>,
    perc: Res<Perception>,
    nav: Res<SimNav>,
    rapier: ReadRapierContext,
) {
    if state.orders.is_empty() {
        return;
    }
    let Ok(ctx) = rapier.single() else { return };
    let rays = Rays::new(ctx);
    let mut step = Step {
        setup: &setup,
        state: &mut state,
        rng: &mut rng,
        journal: &mut journal,
        perc: &perc,
        nav: &nav.0,
    };
    let mut orders = std::mem::take(&mut step.state.orders);
    for (officer, action) in orders.drain(..) {
        let result = act(&mut step, &rays, officer, &action);
        if let Err((reason, focus)) = result {
            let by = step.state.people[officer].id.clone();
            step.now(
                EventKind::Refused {
                    by,
                    action: action.clone(),
                    reason,
                },
                focus,
            );
        } else if officer == 0 {
            step.state.acted.push(action.act);
        }
    }
    // Keep the buffer's capacity; orders queued while acting wait a tick.
    orders.append(&mut step.state.orders);
    step.state.orders = orders;
}

/// Why an action was refused, and whom it concerned.
pub(crate) type Refuse = (Refusal, Option<usize>);

/// Logs the action itself (with the context perceived when it was decided).
pub(crate) fn log_action(
    step: &mut Step,
    officer: usize,
    action: &OfficerAction,
    focus: Option<usize>,
) {
    let by = step.state.people[officer].id.clone();
    step.now(
        EventKind::Action {
            by,
            action: action.clone(),
        },
        focus,
    );
}

fn officer<'a>(step: &'a mut Step, i: usize) -> &'a mut OfficerState {
    step.state.people[i].officer_mut().expect("officer")
}

/// The person an action names, or the one selected, or the nearest subject in
/// front of the officer within `range` meters.
pub(crate) fn target_person(
    step: &Step,
    officer: usize,
    named: Option<&str>,
    range: f32,
) -> Result<usize, Refuse> {
    if let Some(id) = named {
        return match step.state.find(id) {
            Some(i) if step.state.people[i].present => Ok(i),
            _ => Err((Refusal::UnknownTarget, None)),
        };
    }
    let o = step.state.people[officer].officer().expect("officer");
    if let Some(sel) = o.select.or(o.aim)
        && step.state.people[sel].present
    {
        return Ok(sel);
    }
    nearest_subject_in_front(step.state, officer, range).ok_or((Refusal::NoTarget, None))
}

/// The nearest present, free-standing subject in front of an officer.
pub(crate) fn nearest_subject_in_front(
    state: &SimState,
    officer: usize,
    range: f32,
) -> Option<usize> {
    let me = &state.people[officer];
    state
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_subject() && p.present)
        .filter_map(|(i, p)| {
            let d = p.pos - me.pos;
            let dist = d.length();
            let in_front = dist < 2.0 || angle_between(heading_of(d), me.heading) <= HALF_FOV;
            (dist <= range && in_front).then_some((i, dist))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// The present member of crowd `crowd` nearest to an officer.
pub(crate) fn nearest_crowd_member(state: &SimState, officer: usize, crowd: &str) -> Option<usize> {
    let ci = state.crowds.iter().position(|c| c.id == crowd)?;
    let me = state.people[officer].pos;
    state
        .people
        .iter()
        .enumerate()
        .filter(|(_, p)| p.present && p.crowd() == Some(ci))
        .min_by(|a, b| a.1.pos.distance(me).total_cmp(&b.1.pos.distance(me)))
        .map(|(i, _)| i)
}

fn distance(step: &Step, a: usize, b: usize) -> f32 {
    step.state.people[a].pos.distance(step.state.people[b].pos)
}

/// Checks and carries out one action.
fn act(
    step: &mut Step,
    rays: &Rays,
    officer_i: usize,
    action: &OfficerAction,
) -> Result<(), Refuse> {
    let tick = step.tick();
    if !step.state.people[officer_i].active(tick) {
        return Err((Refusal::Incapacitated, None));
    }
    // A crowd named as the target means its nearest member (orders to move
    // back and to disperse stay orders to the whole crowd); the log names the
    // member, so scoring sees whom the action concerned.
    let resolved;
    let crowd_order = matches!(
        action.act,
        Act::Command(Command::MoveBack) | Act::Warn(Warning::Disperse)
    );
    let action = match action.target.as_deref() {
        Some(id) if !crowd_order && step.state.find(id).is_none() => {
            match nearest_crowd_member(step.state, officer_i, id) {
                Some(m) => {
                    resolved = OfficerAction {
                        target: Some(step.state.people[m].id.clone()),
                        ..action.clone()
                    };
                    &resolved
                }
                None => action,
            }
        }
        _ => action,
    };
    let named = action.target.as_deref();
    match action.act {
        Act::Identify => {
            log_action(step, officer_i, action, None);
            officer(step, officer_i).identified = true;
            stimulate_near(step, officer_i, 25.0, Stim::Identified);
        }
        Act::Command(c) => {
            if c == Command::MoveBack
                && named.is_none()
                && super::crowds::crowd_near(step.state, officer_i, 15.0).is_some()
            {
                log_action(step, officer_i, action, None);
                super::crowds::order_back(step, officer_i);
                return Ok(());
            }
            let t = target_person(step, officer_i, named, 15.0)?;
            let d = distance(step, officer_i, t);
            if d > 30.0 {
                return Err((
                    Refusal::TooFar {
                        distance: d,
                        needed: 30.0,
                    },
                    Some(t),
                ));
            }
            log_action(step, officer_i, action, Some(t));
            if step.state.people[t].is_subject() {
                step.state.stimuli.push((t, Stim::Command(c, officer_i)));
            }
        }
        Act::Warn(w) => {
            if w == Warning::Disperse {
                log_action(step, officer_i, action, None);
                super::crowds::order_disperse(step, officer_i);
                return Ok(());
            }
            let t = target_person(step, officer_i, named, 20.0)?;
            let d = distance(step, officer_i, t);
            if d > 30.0 {
                return Err((
                    Refusal::TooFar {
                        distance: d,
                        needed: 30.0,
                    },
                    Some(t),
                ));
            }
            log_action(step, officer_i, action, Some(t));
            if step.state.people[t].is_subject() {
                step.state.stimuli.push((t, Stim::Warning));
            }
        }
        Act::Talk => {
            if named.is_none() && super::crowds::crowd_near(step.state, officer_i, 10.0).is_some() {
                let solo = nearest_subject_in_front(step.state, officer_i, 8.0);
                if solo.is_none() {
                    log_action(step, officer_i, action, None);
                    super::crowds::calm(step, officer_i);
                    return Ok(());
                }
            }
            let t = target_person(step, officer_i, named, 8.0)?;
            let d = distance(step, officer_i, t);
            if d > 8.0 {
                return Err((
                    Refusal::TooFar {
                        distance: d,
                        needed: 8.0,
                    },
                    Some(t),
                ));
            }
            log_action(step, officer_i, action, Some(t));
            if step.state.people[t].is_subject() {
                step.state.stimuli.push((t, Stim::Talk));
            }
        }
        Act::Radio(call) => {
            if !officer(step, officer_i).has(Equipment::Radio) {
                return Err((Refusal::NotEquipped, None));
            }
            // Papers are run only once in hand.
            if call == RadioCall::CheckDocuments && stop::papers_to_check(step.state).is_empty() {
                return Err((Refusal::NoTarget, None));
            }
            log_action(step, officer_i, action, None);
            radio(step, officer_i, call);
        }
        Act::Select(tool) => {
            if !carries(step, officer_i, tool) {
                return Err((Refusal::NotEquipped, None));
            }
            log_action(step, officer_i, action, None);
            let o = officer(step, officer_i);
            if o.tool != tool {
                o.tool = tool;
                o.tool_state = ToolState::Holstered;
                o.aim = None;
            }
        }
        Act::Draw => {
            let o = officer(step, officer_i);
            if o.tool == Tool::EmptyHands || o.tool_state != ToolState::Holstered {
                return Err((Refusal::AlreadyDone, None));
            }
            log_action(step, officer_i, action, None);
            officer(step, officer_i).tool_state = ToolState::Drawn;
            stimulate_seen(step, rays, officer_i, 12.0, Stim::WeaponDrawn);
        }
        Act::Aim => {
            let o = officer(step, officer_i);
            if o.tool == Tool::EmptyHands || o.tool_state == ToolState::Holstered {
                return Err((Refusal::NotReady, None));
            }
            let t = target_person(step, officer_i, named, 40.0)?;
            log_action(step, officer_i, action, Some(t));
            let o = officer(step, officer_i);
            o.tool_state = ToolState::Aimed;
            o.aim = Some(t);
            step.state.people[officer_i].face = Some(step.state.people[t].pos);
            if step.state.people[t].is_subject() {
                step.state.stimuli.push((t, Stim::WeaponAimed));
            }
        }
        Act::Lower => {
            if officer(step, officer_i).tool_state != ToolState::Aimed {
                return Err((Refusal::AlreadyDone, None));
            }
            log_action(step, officer_i, action, None);
            let o = officer(step, officer_i);
            o.tool_state = ToolState::Drawn;
            o.aim = None;
        }
        Act::Holster => {
            if officer(step, officer_i).tool_state == ToolState::Holstered {
                return Err((Refusal::AlreadyDone, None));
            }
            log_action(step, officer_i, action, None);
            let o = officer(step, officer_i);
            o.tool_state = ToolState::Holstered;
            o.aim = None;
        }
        Act::Force(option) => force::apply(step, rays, officer_i, action, option)?,
        Act::Do(proc) => procedures::apply(step, rays, officer_i, action, proc)?,
    }
    Ok(())
}

/// Whether an officer carries the equipment for a tool.
fn carries(step: &mut Step, officer_i: usize, tool: Tool) -> bool {
    let o = officer(step, officer_i);
    match tool {
        Tool::EmptyHands => true,
        Tool::Oc => o.has(Equipment::Oc),
        Tool::Baton => o.has(Equipment::Baton),
        Tool::Cew => o.has(Equipment::Cew),
        Tool::Handgun => o.has(Equipment::Handgun),
    }
}

/// Sends a stimulus to subjects within `range` of an officer.
fn stimulate_near(step: &mut Step, officer_i: usize, range: f32, stim: Stim) {
    let pos = step.state.people[officer_i].pos;
    for (i, p) in step.state.people.iter().enumerate() {
        if p.is_subject() && p.present && p.pos.distance(pos) <= range {
            step.state.stimuli.push((i, stim));
        }
    }
}

/// Sends a stimulus to subjects within `range` who can see the officer.
fn stimulate_seen(step: &mut Step, rays: &Rays, officer_i: usize, range: f32, stim: Stim) {
    let pos = step.state.people[officer_i].pos;
    let n = step.state.people.len();
    for i in 0..n {
        let p = &step.state.people[i];
        if p.is_subject()
            && p.present
            && p.pos.distance(pos) <= range
            && rays.clear(
                p.pos,
                pos,
                super::world::SIGHT_MASK,
                &super::perception::vehicle_exclusions(step.state, i, officer_i),
            )
        {
            step.state.stimuli.push((i, stim));
        }
    }
}

/// Radio traffic: dispatch answers.
fn radio(step: &mut Step, officer_i: usize, call: RadioCall) {
    let tick = step.tick();
    let text = match call {
        RadioCall::CallIn => {
            officer(step, officer_i).called_in = true;
            "dispatch-call_in"
        }
        RadioCall::RequestBackup => {
            officer(step, officer_i).backup_requested = true;
            match &step.setup.scenario.officers.backup {
                Some(b) if step.state.backup_due.is_none() => {
                    step.state.backup_due = Some(tick + (b.delay.max(0.0) * HZ as f32) as u32);
                    "dispatch-backup"
                }
                Some(_) => "dispatch-backup-already",
                None => "dispatch-backup-none",
            }
        }
        RadioCall::RequestEms => "dispatch-ems",
        RadioCall::RequestWitnesses => "dispatch-witnesses",
        RadioCall::RequestSpecialist => "dispatch-specialist",
        RadioCall::ReportForce => "dispatch-report_force",
        RadioCall::ReportSecure => "dispatch-report_secure",
        RadioCall::CheckDocuments => {
            for i in stop::papers_to_check(step.state) {
                if let Some(s) = step.state.people[i].subject_mut() {
                    s.stop.documents_checked = true;
                }
            }
            "dispatch-check_documents"
        }
        RadioCall::BroadcastEscape => {
            // Someone the trainee saw or heard run: dispatch puts it out to
            // all units; with nobody running there is nothing to broadcast.
            let ran = step.state.people.iter().any(|p| {
                p.subject()
                    .is_some_and(|s| s.flight.is_some() && (s.seen || s.escaped))
            });
            if ran {
                "dispatch-broadcast_escape"
            } else {
                "dispatch-broadcast_escape-none"
            }
        }
    };
    // Dispatch speaks the cadet's language: all three go into the log.
    let text = crate::i18n::localized(&crate::i18n::Msg::new(text));
    step.state
        .heard
        .push((tick, "dispatch".to_string(), text.clone()));
    step.later(
        EventKind::Radio {
            from: "dispatch".to_string(),
            text,
        },
        None,
    );
}
