//! The session record of the run: saved every few seconds while playing and
//! once more, scored, when it ends (`sessions/<trainee>-<scenario>-<UTC time>.ron`).

use super::{RunSetup, RunState};
use crate::session::{FORMAT_VERSION, SessionRecord};
use crate::sim::{SimLog, SimTick};
use bevy::prelude::*;
use std::path::{Path, PathBuf};

/// Seconds since the Unix epoch as an RFC 3339 UTC time (`2025-01-31T09:05:00Z`).
pub fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem / 60 % 60,
        rem % 60
    )
}

/// Now, as RFC 3339 UTC.
pub fn utc_now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    rfc3339(secs)
}

/// `sessions/<trainee>-<scenario>-<YYYYMMDDTHHMMSSZ>.ron`, with the trainee id
/// reduced to characters safe in a file name.
pub fn session_path(trainee: &str, scenario: &str, started_at: &str) -> PathBuf {
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
    let safe = if safe.is_empty() { "cadet".into() } else { safe };
    let stamp: String = started_at.chars().filter(|c| *c != '-' && *c != ':').collect();
    PathBuf::from("sessions").join(format!("{safe}-{scenario}-{stamp}.ron"))
}

/// Writes `text` to `path` atomically (temporary file, then rename).
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("ron.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path)
}

fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
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
        scenario_hash: sha256_hex(&setup.scenario.source),
        policy: setup.policy.policy.id.clone(),
        policy_hash: sha256_hex(&setup.policy.source),
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
    let result = ron::ser::to_string_pretty(&record, ron::ser::PrettyConfig::default())
        .map_err(|e| e.to_string())
        .and_then(|text| write_atomic(&path, &text).map_err(|e| e.to_string()));
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
    let lang = world
        .get_resource::<RunSetup>()
        .map(|s| s.lang)
        .unwrap_or_default();
    let card = world.get_resource::<RunSetup>().and_then(|setup| {
        super::super::scorecard::score(&world.resource::<SimLog>().0, &setup.policy.policy, lang)
    });
    world.resource_mut::<RunState>().score = card;
    save_now(world, true);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates_are_civil_dates() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_735_689_599), "2024-12-31T23:59:59Z");
    }

    #[test]
    fn session_file_names_are_safe() {
        let p = session_path("ivanov/../x", "traffic_stop_low", "2025-03-01T10:20:30Z");
        assert_eq!(
            p,
            PathBuf::from("sessions/ivanov____x-traffic_stop_low-20250301T102030Z.ron")
        );
    }
}
