//! Issue 10: the traffic stop's steps (greeting, reason, papers run by
//! radio, decision, release) played headless, the run ending at the
//! release and not at the first question; the building-search exposures.

use crate::run::{bot, run};
use forcesim::domain::*;
use forcesim::events::{EndReason, Event, EventKind, Exposure, Refusal};
use forcesim::scenario::schema::Scenario;
use forcesim::session::DriverSpec;
use forcesim::sim::testing::*;
use std::path::{Path, PathBuf};

fn traffic_stop() -> Scenario {
    forcesim::scenario::load(Path::new("scenarios/traffic_stop_low.ron"))
        .unwrap_or_else(|d| panic!("{}", d[0]))
        .scenario
}

fn script() -> DriverSpec {
    DriverSpec::Script(PathBuf::from("tests/scripts/traffic_stop_low.ron"))
}

/// The trainee's actions in a log, in order.
fn trainee_acts(events: &[Event]) -> Vec<Act> {
    events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Action { by, action } if by == "trainee" => Some(action.act),
            _ => None,
        })
        .collect()
}

fn stop_steps(events: &[Event]) -> Vec<Act> {
    trainee_acts(events)
        .into_iter()
        .filter(|a| {
            matches!(a, Act::Do(p) if p.is_stop_step())
                || *a == Act::Radio(RadioCall::CheckDocuments)
        })
        .collect()
}

#[test]
fn the_script_and_by_the_book_take_every_step_and_the_run_ends_at_the_release() {
    for seed in 1..=6 {
        for driver in [script(), bot("by_the_book")] {
            let s = run("traffic_stop_low", driver.clone(), seed);
            let ev = &s.record.events.0;
            let steps = stop_steps(ev);
            let at = |a: Act| steps.iter().position(|x| *x == a);
            let (reason, papers, check, decide, release) = (
                at(Act::Do(Procedure::ExplainReason)),
                at(Act::Do(Procedure::AskDocuments)),
                at(Act::Radio(RadioCall::CheckDocuments)),
                at(Act::Do(Procedure::GiveWarning)),
                at(Act::Do(Procedure::Release)),
            );
            assert!(
                reason < papers && papers < check && check < decide && decide < release,
                "{driver:?} seed {seed}: {steps:?}"
            );
            assert!(reason.is_some());
            assert_eq!(s.record.end, Some(EndReason::ObjectivesMet), "seed {seed}");
            // The release closes the stop: nothing the trainee does after it.
            let last = ev
                .iter()
                .rposition(|e| matches!(&e.kind, EventKind::Action { by, .. } if by == "trainee"))
                .unwrap();
            assert!(
                matches!(&ev[last].kind, EventKind::Action { action, .. } if action.act == Act::Do(Procedure::Release)),
                "seed {seed}"
            );
            // Dispatch answered the check, and the driver spoke.
            let radio = ev
                .iter()
                .filter(|e| matches!(&e.kind, EventKind::Radio { text, .. } if text.get(Lang::En).contains("Licence and registration")))
                .count();
            assert_eq!(radio, 1, "seed {seed}");
            let said = ev
                .iter()
                .filter(|e| matches!(&e.kind, EventKind::Said { who, .. } if who == "driver"))
                .count();
            assert!(said >= 3, "seed {seed}: the driver answered {said} times");
            let card = s.record.score.as_ref().expect("scored");
            for rule in ["procedure.stop_reason", "procedure.courtesy"] {
                let f: Vec<_> = card.findings.iter().filter(|f| f.rule == rule).collect();
                assert!(
                    !f.is_empty() && f.iter().all(|f| f.points > 0.0),
                    "{driver:?} seed {seed} {rule}: {f:?}"
                );
            }
        }
    }
}

#[test]
fn asking_questions_no_longer_ends_the_stop() {
    let mut sc = traffic_stop();
    sc.time_limit = 20.0;
    // The trainee starts at the driver's door.
    sc.officers.trainee.spawn = (27.4, 13.9);
    let mut app = sim_app(setup(sc, 1));
    idle(&mut app, 5);
    act(
        &mut app,
        vec![OfficerAction::at(Act::Do(Procedure::Interview), "driver")],
    );
    idle(&mut app, 120);
    assert!(!events(&app, |k| matches!(k, EventKind::Interviewed { .. })).is_empty());
    assert!(
        events(&app, |k| matches!(k, EventKind::Ended { .. })).is_empty(),
        "the interview ended the run"
    );
}

#[test]
fn papers_are_handed_over_by_a_compliant_driver_and_run_only_once_in_hand() {
    let mut sc = traffic_stop();
    sc.officers.trainee.spawn = (27.4, 13.9);
    let mut app = sim_app(setup(sc.clone(), 1));
    idle(&mut app, 5);
    // No papers in hand yet: nothing to run.
    act(
        &mut app,
        vec![OfficerAction::new(Act::Radio(RadioCall::CheckDocuments))],
    );
    idle(&mut app, 2);
    let refused = events(&app, |k| {
        matches!(
            k,
            EventKind::Refused {
                reason: Refusal::NoTarget,
                ..
            }
        )
    });
    assert_eq!(refused.len(), 1);
    act(
        &mut app,
        vec![OfficerAction::at(
            Act::Do(Procedure::AskDocuments),
            "driver",
        )],
    );
    idle(&mut app, 30);
    let driver = state(&app).find("driver").unwrap();
    assert!(
        state(&app).people[driver]
            .subject()
            .unwrap()
            .stop
            .documents_handed
    );
    act(
        &mut app,
        vec![OfficerAction::new(Act::Radio(RadioCall::CheckDocuments))],
    );
    idle(&mut app, 2);
    assert!(
        state(&app).people[driver]
            .subject()
            .unwrap()
            .stop
            .documents_checked
    );
    // A second decision is refused; the release ends the run.
    act(
        &mut app,
        vec![OfficerAction::at(
            Act::Do(Procedure::IssueCitation),
            "driver",
        )],
    );
    idle(&mut app, 30);
    act(
        &mut app,
        vec![OfficerAction::at(Act::Do(Procedure::GiveWarning), "driver")],
    );
    idle(&mut app, 2);
    assert!(
        !events(&app, |k| matches!(
            k,
            EventKind::Refused {
                reason: Refusal::AlreadyDone,
                ..
            }
        ))
        .is_empty()
    );
    assert!(events(&app, |k| matches!(k, EventKind::Ended { .. })).is_empty());
    act(
        &mut app,
        vec![OfficerAction::at(Act::Do(Procedure::Release), "driver")],
    );
    idle(&mut app, 3);
    let ended = events(&app, |k| matches!(k, EventKind::Ended { .. }));
    assert!(
        matches!(ended[..], [e] if matches!(e.kind, EventKind::Ended { reason: EndReason::ObjectivesMet })),
        "{ended:?}"
    );

    // A driver who argues keeps the papers.
    let mut sc2 = sc;
    sc2.subjects[0].resistance = ResistanceLevel::Passive;
    sc2.subjects[0].behaviour.clear();
    let mut app = sim_app(setup(sc2, 1));
    idle(&mut app, 5);
    act(
        &mut app,
        vec![OfficerAction::at(
            Act::Do(Procedure::AskDocuments),
            "driver",
        )],
    );
    idle(&mut app, 2);
    let driver = state(&app).find("driver").unwrap();
    assert!(
        !state(&app).people[driver]
            .subject()
            .unwrap()
            .stop
            .documents_handed
    );
}

#[test]
fn a_stop_step_out_of_speaking_range_is_refused() {
    let sc = traffic_stop();
    let mut app = sim_app(setup(sc, 1));
    idle(&mut app, 5);
    act(
        &mut app,
        vec![OfficerAction::at(
            Act::Do(Procedure::ExplainReason),
            "driver",
        )],
    );
    idle(&mut app, 2);
    let r = events(&app, |k| {
        matches!(
            k,
            EventKind::Refused {
                reason: Refusal::TooFar { .. },
                ..
            }
        )
    });
    assert_eq!(r.len(), 1);
}

#[test]
fn by_the_book_searches_the_building_as_a_pair_without_room_or_cover_findings() {
    for seed in 1..=5 {
        let s = run("building_search", bot("by_the_book"), seed);
        let card = s.record.score.as_ref().expect("scored");
        let bad: Vec<_> = card
            .findings
            .iter()
            .filter(|f| {
                [
                    "safety.search_alone",
                    "safety.unsearched_room",
                    "safety.cuff_cover",
                ]
                .contains(&f.rule.as_str())
            })
            .collect();
        assert!(bad.is_empty(), "seed {seed}: {bad:?}");
    }
}

#[test]
fn a_lone_trainee_inside_the_building_is_logged_away_from_the_partner() {
    let s = run("building_search", bot("aggressive"), 1);
    let ev = &s.record.events.0;
    let away = ev
        .iter()
        .any(|e| matches!(&e.kind, EventKind::Exposure(Exposure::PartnerAway(_))));
    let behind = ev
        .iter()
        .any(|e| matches!(&e.kind, EventKind::Exposure(Exposure::RoomBehind(_))));
    assert!(
        away || behind,
        "the aggressive bot ran in alone and was never logged so"
    );
}
