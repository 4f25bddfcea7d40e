//! Compact session records (format 3, issue 11): every shipped scenario's
//! record under 100 KB per simulated minute and a crowd of 2,000 under
//! 300 KB per minute; read back, the log is the same event for event (so the
//! card re-scored from it is the same) and everyone replays within the
//! tolerance of where the simulation had them, at every sample and every
//! replay frame.

use super::run::{bot, par_map, shipped_scenarios};
use forcesim::game::review::frames::positions_at;
use forcesim::session::{
    self, CROWD_TOLERANCE_M, DriverSpec, RunRequest, SessionRecord, TOLERANCE_DEG, TOLERANCE_M,
};
use std::collections::BTreeMap;
use std::path::Path;

/// Bytes per simulated minute of a record written as format 3; a session
/// shorter than a minute counts as one (the scenario's labels and the card
/// are there however short it is).
fn per_minute(r: &SessionRecord) -> (usize, f64) {
    let text = session::to_ron(r).unwrap();
    assert!(text.starts_with("(\n    format: 3,"), "{}", &text[..40]);
    (
        text.len(),
        text.len() as f64 * 60.0 / f64::from(r.duration.max(60.0)),
    )
}

/// A person's headings at the samples around `tick` (for failure messages).
fn around(track: &[session::TrackSample], id: &str, tick: u32) -> Vec<(u32, f32)> {
    track
        .iter()
        .filter(|s| s.tick + 30 >= tick && s.tick <= tick + 30)
        .flat_map(|s| s.actors.iter().filter(|a| a.0 == id).map(|a| (s.tick, a.2)))
        .collect()
}

fn crowd_member(id: &str) -> bool {
    ["rally_", "counter_", "sit_in_"]
        .iter()
        .any(|c| id.strip_prefix(c).is_some_and(|n| n.parse::<u32>().is_ok()))
}

/// Written and read back: the same log, card and ticks, everyone within
/// tolerance (crowd members within the crowd tolerance), at every sample
/// and at every tick in between as the replay interpolates.
fn same_after_round_trip(r: &SessionRecord) {
    let text = session::to_ron(r).unwrap();
    let file: session::SessionFileV3 = ron::from_str(&text).unwrap();
    let dense_crowds: Vec<String> = file.density.iter().map(|d| d.crowd.clone()).collect();
    let dense_member = |id: &str| {
        crowd_member(id)
            && id
                .rsplit_once('_')
                .is_some_and(|(c, _)| dense_crowds.iter().any(|d| d == c))
    };
    let dense = !dense_crowds.is_empty();
    let back = session::parse(Path::new("r.ron"), &text).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(
        back.events, r.events,
        "{}: the log must come back exactly",
        r.scenario
    );
    assert_eq!(back.score, r.score, "{}", r.scenario);
    assert_eq!(
        (back.trainee.as_str(), back.seed, back.duration, back.end),
        (r.trainee.as_str(), r.seed, r.duration, r.end)
    );
    let ticks = |t: &[session::TrackSample]| t.iter().map(|s| s.tick).collect::<Vec<_>>();
    assert_eq!(ticks(&back.track), ticks(&r.track), "{}", r.scenario);
    if dense {
        // A crowd stored as density: once a second, as many of its members
        // in each 2 m cell as there were.
        let cells = |s: &session::TrackSample| {
            let mut m: BTreeMap<(i32, i32), u32> = BTreeMap::new();
            for (id, p, _) in &s.actors {
                if dense_member(id) {
                    *m.entry(session::compact::cell_of(*p)).or_default() += 1;
                }
            }
            m
        };
        for (a, b) in r.track.iter().zip(&back.track).step_by(4) {
            assert_eq!(cells(a), cells(b), "tick {}", a.tick);
        }
    }
    let last = r.track.last().map_or(0, |s| s.tick);
    for tick in (0..=last).step_by(5) {
        let was: BTreeMap<String, _> = positions_at(&r.track, tick)
            .into_iter()
            .map(|(id, p, h)| (id, (p, h)))
            .collect();
        let now: BTreeMap<String, _> = positions_at(&back.track, tick)
            .into_iter()
            .map(|(id, p, h)| (id, (p, h)))
            .collect();
        assert_eq!(
            was.keys().collect::<Vec<_>>(),
            now.keys().collect::<Vec<_>>(),
            "{} tick {tick}",
            r.scenario
        );
        for (id, (p, h)) in &was {
            let (q, g) = now[id];
            let d = ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt();
            let dh = ((g - h + 540.0).rem_euclid(360.0) - 180.0).abs();
            let (tol_m, tol_deg) = if dense_member(id) {
                // Checked as cell counts below.
                (f32::INFINITY, 180.0)
            } else if crowd_member(id) {
                (CROWD_TOLERANCE_M, 180.0)
            } else {
                (TOLERANCE_M, TOLERANCE_DEG)
            };
            assert!(
                d <= tol_m + 1e-4 && dh <= tol_deg + 0.05,
                "{} tick {tick}: {id} replays {d} m / {dh} deg from where it was ({h} recorded, {g} replayed; samples {:?} / {:?})",
                r.scenario,
                around(&r.track, id, tick),
                around(&back.track, id, tick)
            );
        }
    }
}

#[test]
fn shipped_scenarios_record_under_100_kb_a_minute_and_replay_the_same() {
    let jobs: Vec<(String, &str)> = shipped_scenarios()
        .into_iter()
        .flat_map(|s| [(s.clone(), "by_the_book"), (s, "aggressive")])
        .collect();
    let sizes = par_map(&jobs, |(scenario, b)| {
        let s = session::run(&RunRequest::new(scenario.clone(), bot(b), 2)).unwrap();
        same_after_round_trip(&s.record);
        let (bytes, rate) = per_minute(&s.record);
        (
            format!("{scenario} {b}: {bytes} B, {:.0} KB/min", rate / 1000.0),
            rate,
        )
    });
    for (line, rate) in &sizes {
        assert!(*rate <= 100_000.0, "{line}: more than 100 KB a minute");
    }
    eprintln!(
        "{}",
        sizes
            .iter()
            .map(|s| s.0.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The rally of `scenarios/public_assembly.ron` with 2,000 people, two
/// simulated minutes, the trainee walking among them (by_the_book).
#[test]
fn a_crowd_of_2000_records_under_300_kb_a_minute() {
    let mut p = session::prepare(&RunRequest::new(
        "public_assembly",
        DriverSpec::Bot("by_the_book".into()),
        1,
    ))
    .unwrap();
    let total: u32 = p.scenario.scenario.crowds.iter().map(|c| c.count).sum();
    p.scenario.scenario.crowds[0].count += 2000 - total;
    p.scenario.scenario.time_limit = 120.0;
    let s = session::execute(p);
    let people = s.record.track.iter().map(|t| t.actors.len()).max().unwrap();
    assert!(people >= 2000, "{people} on scene");
    let (bytes, rate) = per_minute(&s.record);
    eprintln!(
        "crowd of {people}, {:.0} s: {bytes} B, {:.0} KB/min",
        s.record.duration,
        rate / 1000.0
    );
    assert!(rate <= 300_000.0, "{rate} bytes a minute");
    assert!(
        !session::SessionFileV3::from_record(&s.record)
            .density
            .is_empty()
    );
    same_after_round_trip(&s.record);
}

/// The format 2 sample (written before compact records) still reads, and
/// written again as format 3 it is the same session in a fraction of the
/// bytes.
#[test]
fn a_format_2_record_reads_and_rewrites_as_format_3() {
    let path = Path::new("tests/data/sessions/format2_traffic_stop_low.ron");
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("format: 2,"));
    let r = session::load(path).unwrap_or_else(|d| panic!("{d}"));
    same_after_round_trip(&r);
    let again = session::to_ron(&r).unwrap();
    assert!(
        again.len() * 2 < text.len(),
        "format 3 is {} bytes, format 2 {}",
        again.len(),
        text.len()
    );
}
