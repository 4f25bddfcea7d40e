//! Simulation mechanics, headless, with tiny scenarios built in code.

use forcesim::events::EventKind;
use forcesim::sim::headless::{self, RunOptions};
use forcesim::sim::testing::*;
use forcesim::trainee::TraineeInput;
use std::path::Path;

fn traffic_stop() -> forcesim::scenario::Scenario {
    forcesim::scenario::load(Path::new("scenarios/traffic_stop_low.ron"))
        .unwrap_or_else(|d| panic!("{}", d[0]))
        .scenario
}

#[test]
fn idle_trainee_runs_traffic_stop_to_time_limit() {
    let mut driver = FnDriver(|_v: &forcesim::trainee::TraineeView| TraineeInput::default());
    let t0 = std::time::Instant::now();
    let r = headless::run(
        setup(traffic_stop(), 1),
        &mut driver,
        &RunOptions::default(),
    );
    eprintln!("{} ticks in {:?}", r.ticks, t0.elapsed());
    assert_eq!(r.end, forcesim::events::EndReason::TimeLimit);
    assert_eq!(r.ticks, 300 * 60);
    assert!(matches!(r.log.0[0].kind, EventKind::Started { .. }));
    assert!(matches!(
        r.log.0.last().unwrap().kind,
        EventKind::Ended { .. }
    ));
}
