//! The session record of the run: saved every few seconds while playing and
//! once more, scored, when it ends (`sessions/<trainee>-<scenario>-<UTC time>.ron`).

use super::{RunSetup, RunState};
use crate::session::{FORMAT_VERSION, SessionRecord};
use crate::sim::{SimLog, SimTick};
use bevy::prelude::*;
use std::path::{Path, PathBuf};

/// `<dir>/<trainee>-<scenario>-<YYYYMMDDTHHMMSSZ>.ron`, with the trainee id
/// reduced to characters safe in a file name.
pub fn session_path(dir: &Path, trainee: &str, scenario: &str, started_at: &str) -> PathBuf {
    let safe: String = trainee
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe = if safe.is_empty() {
        "cadet".into()
    } else {
        safe
    };
    let stamp: String = started_at
        .chars()
        .filter(|c| *c != '-' && *c != ':')
        .collect();
    dir.join(format!("{safe}-{scenario}-{stamp}.ron"))
}

/// The record of the run so far.
pub fn build(world: &World) -> Option<SessionRecord> {
    let setup = world.get_resource::<RunSetup>()?;
    let state = world.get_resource::<RunState>()?;
    let tick = world.resource::<SimTick>().0;
    Some(SessionRecord {
        format: FORMAT_VERSION,
        trainee: setup.trainee.clone(),
        scenario: setup.scenario.scenario.id.clone(),
        scenario_hash: crate::session::sha256_hex(setup.scenario.source.as_bytes()),
        policy: setup.policy.policy.id.clone(),
        policy_hash: crate::session::sha256_hex(setup.policy.source.as_bytes()),
        seed: setup.seed,
        lang: setup.lang,
        started_at: state.started_at.clone(),
        duration: tick as f32 / crate::events::TICK_HZ as f32,
        end: state.end,
        events: world.resource::<SimLog>().0.clone(),
        track: state.track.clone(),
        score: state.score.clone(),
    })
}

/// Saves the record now; `final_save` marks the end of the run.
pub fn save_now(world: &mut World, final_save: bool) {
    let tick = world.resource::<SimTick>().0;
    let Some(record) = build(world) else {
        return;
    };
    let Some(path) = world.resource::<RunState>().record_path.clone() else {
        return;
    };
    let result = crate::session::save(&path, &record).map_err(|e| e.to_string());
    let mut state = world.resource_mut::<RunState>();
    state.saved_tick = tick;
    match result {
        Ok(()) => state.save_error = None,
        Err(e) => {
            if final_save {
                warn!("cannot save the session to {}: {e}", path.display());
            }
            state.save_error = Some(format!("{}: {e}", path.display()));
        }
    }
}

/// Scores the finished run and saves its record.
pub fn finish(world: &mut World) {
    let card = world.get_resource::<RunSetup>().and_then(|setup| {
        super::super::scorecard::score(&world.resource::<SimLog>().0, &setup.policy.policy)
    });
    world.resource_mut::<RunState>().score = card;
    save_now(world, true);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_file_names_are_safe() {
        let p = session_path(
            Path::new("sessions"),
            "ivanov/../x",
            "traffic_stop_low",
            "2025-03-01T10:20:30Z",
        );
        assert_eq!(
            p,
            PathBuf::from("sessions/ivanov____x-traffic_stop_low-20250301T102030Z.ron")
        );
    }
}
