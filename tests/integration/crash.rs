//! Crash safety of session saves: a writer killed (SIGKILL) in the middle of
//! saving leaves the previous record whole and loadable, never half a file.
//!
//! The writer is this test binary itself, re-run on the ignored test
//! [`writer_process`] with the target path in an environment variable: it
//! saves a large record over and over until it is killed.

use forcesim::session::{self, SessionRecord};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const ENV: &str = "FORCESIM_KILL_TEST_TARGET";

/// The format 1 fixture with a long track of forty people moving at
/// random (no line fits them, so every sample is a key), so one save takes
/// long enough (a few MB) for the kill to land inside it.
fn big_record(seed: u64) -> SessionRecord {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/sessions/format1_traffic_stop_low.ron");
    let mut r = session::load(&fixture).unwrap_or_else(|d| panic!("{d}"));
    let mut x: u32 = 12345;
    let mut next = || {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (x >> 8) as f32 / (1u32 << 24) as f32
    };
    r.track = (0..3000u32)
        .map(|i| session::TrackSample {
            tick: i * 15,
            actors: (0..40)
                .map(|k| {
                    (
                        format!("w{k}x"),
                        (next() * 50.0, next() * 50.0),
                        next() * 360.0,
                    )
                })
                .collect(),
        })
        .collect();
    r.seed = seed;
    r
}

/// Not a test on its own: the process the kill test starts and kills.
#[test]
#[ignore = "the writer process of saves_survive_a_writer_killed_mid_save"]
fn writer_process() {
    let Ok(target) = std::env::var(ENV) else {
        return;
    };
    let target = PathBuf::from(target);
    let mut r = big_record(1);
    loop {
        r.seed += 1;
        session::save(&target, &r).expect("save");
    }
}

/// A temporary file of a save in progress in `dir`.
fn save_in_progress(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut it| {
        it.any(|e| e.is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".tmp")))
    })
}

#[test]
fn saves_survive_a_writer_killed_mid_save() {
    let dir = std::env::temp_dir().join(format!("forcesim-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let target = dir.join("live.ron");
    let first = big_record(0);
    session::save(&target, &first).unwrap();
    let size = std::fs::metadata(&target).unwrap().len();
    assert!(size > 1_000_000, "a large record: {size} bytes");
    let mut killed_mid_save = 0;
    for round in 0..6u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--ignored",
                "--exact",
                "crash::writer_process",
                "--test-threads=1",
            ])
            .env(ENV, &target)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start the writer");
        // Wait for a save to be under way, then a little more each round so
        // the kill lands at different points of the write.
        let start = Instant::now();
        while !save_in_progress(&dir) && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_micros(200));
        }
        std::thread::sleep(Duration::from_millis(round * 3));
        if save_in_progress(&dir) {
            killed_mid_save += 1;
        }
        child.kill().expect("SIGKILL the writer");
        child.wait().unwrap();
        // A killed save leaves its temporary file (hidden, not `.ron`); clear
        // it so the next round waits for a save of its own.
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            if e.file_name().to_string_lossy().ends_with(".tmp") {
                std::fs::remove_file(e.path()).unwrap();
            }
        }
        // Whatever the moment, the record on disk is a whole one.
        let r = session::load(&target).unwrap_or_else(|d| panic!("round {round}: {d}"));
        assert_eq!(r.events, first.events, "round {round}");
        assert_eq!(r.track.len(), first.track.len(), "round {round}");
        assert_eq!(r.trainee, first.trainee);
    }
    assert!(
        killed_mid_save > 0,
        "no kill landed inside a save; the test proved nothing"
    );
    std::fs::remove_dir_all(&dir).ok();
}
