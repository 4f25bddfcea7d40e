//! Issue 12's scenarios `traffic_stop_medium`, `arrest_search` and
//! `checkpoint_minibus`: what each teaches, run headless with the
//! by-the-book bot and with scripts; the `unwatched` condition they use.

use crate::run::{bot, par_map, run};
use forcesim::domain::*;
use forcesim::events::{EventKind, WitnessInfo};
use forcesim::scenario::schema::{Condition, Stimulus, Transition};
use forcesim::session::DriverSpec;
use forcesim::sim::testing::*;
use std::path::PathBuf;

fn kinds(s: &forcesim::session::Session) -> Vec<&EventKind> {
    s.record.events.iter().map(|e| &e.kind).collect()
}

/// Witnesses who count: eligible, not serial.
fn valid(ws: &[WitnessInfo]) -> usize {
    ws.iter()
        .filter(|w| {
            w.eligibility == forcesim::scenario::schema::WitnessEligibility::Eligible && !w.serial
        })
        .count()
}

fn trainee_force(ev: &[&EventKind], on: &str) -> usize {
    ev.iter()
        .filter(|k| {
            matches!(k, EventKind::Action { by, action }
                if by == "trainee" && matches!(action.act, Act::Force(_))
                    && action.target.as_deref() == Some(on))
        })
        .count()
}

/// `unwatched` holds while no officer within 10 m has the subject in sight:
/// one in front of the trainee stays as he is, one behind her back or
/// beyond 10 m acts.
#[test]
fn unwatched_holds_only_when_no_officer_sees_the_subject_near() {
    let turns_active = |at: Pt| {
        let mut sc = blank_scenario((40.0, 10.0), (15.0, 5.0));
        let mut s = subject("s", at);
        s.behaviour.push(Transition {
            on: Stimulus::Tick,
            conditions: vec![Condition::Unwatched],
            chance: 1.0,
            to: Some(ResistanceLevel::Passive),
            act: None,
            say: None,
        });
        sc.subjects.push(s);
        let mut app = sim_app(setup(sc, 3));
        idle(&mut app, 200);
        let st = state(&app);
        let i = st.find("s").unwrap();
        st.people[i].subject().unwrap().level == ResistanceLevel::Passive
    };
    assert!(!turns_active((22.0, 5.0)), "7 m ahead, in sight: watched");
    assert!(
        turns_active((8.0, 5.0)),
        "7 m behind the trainee's back: unwatched"
    );
    assert!(
        turns_active((27.0, 5.0)),
        "12 m ahead: too far to watch hands"
    );
}

/// `traffic_stop_medium`: by the book, the driver who refuses to get out is
/// talked out with no force on him; the passenger, told to show his hands
/// and kept in sight, mostly never reaches. A trainee who walks up and deals
/// only with the driver lets the passenger reach, and the knife comes out.
#[test]
fn traffic_stop_medium_words_for_the_driver_hands_for_the_passenger() {
    let seeds: Vec<u64> = (1..=10).collect();
    let runs = par_map(&seeds, |&seed| {
        let s = run("traffic_stop_medium", bot("by_the_book"), seed);
        let ev = kinds(&s);
        let knife = ev
            .iter()
            .any(|k| matches!(k, EventKind::WeaponSeen { subject, .. } if subject == "passenger"));
        let refused = ev.iter().any(|k| matches!(k, EventKind::Action { by, action } if by == "trainee" && action.act == Act::Command(Command::StepOut)));
        let hands = ev.iter().any(|k| matches!(k, EventKind::Action { by, action } if by == "trainee" && action.act == Act::Command(Command::ShowHands) && action.target.as_deref() == Some("passenger")));
        let card = s.record.score.as_ref().expect("scored");
        (
            seed,
            knife,
            refused,
            hands,
            trainee_force(&ev, "driver"),
            card.passed,
        )
    });
    for (seed, _, refused, hands, force, _) in &runs {
        assert!(refused, "seed {seed}: the driver is ordered out");
        assert!(
            hands,
            "seed {seed}: the passenger is told to show his hands"
        );
        assert_eq!(*force, 0, "seed {seed}: no force on a man who only argues");
    }
    let knives = runs.iter().filter(|r| r.1).count();
    assert!(
        knives <= 2,
        "by the book, the knife came out in {knives} of 10: {runs:?}"
    );
    assert!(runs.iter().filter(|r| r.5).count() >= 9, "{runs:?}");

    // Only the driver: the passenger's hands are never ordered into view.
    let careless = PathBuf::from("tests/data/scripts/traffic_stop_medium_driver_only.ron");
    let knives = par_map(&seeds, |&seed| {
        let s = run(
            "traffic_stop_medium",
            DriverSpec::Script(careless.clone()),
            seed,
        );
        kinds(&s)
            .iter()
            .any(|k| matches!(k, EventKind::WeaponSeen { subject, .. } if subject == "passenger"))
    });
    let n = knives.iter().filter(|k| **k).count();
    assert!(
        n >= 7,
        "ignored, the passenger drew the knife in only {n} of 10"
    );
}

/// `arrest_search`: the witnesses are found before the arrest, the concierge
/// (who has witnessed for the same police before) does not count, the
/// female partner handcuffs and searches the woman, and the wraps are
/// sealed before two valid witnesses; no special means on her.
#[test]
fn arrest_search_witnesses_before_the_arrest_and_a_search_by_a_woman() {
    let seeds: Vec<u64> = vec![2, 5, 11, 17];
    for (seed, s) in seeds.iter().zip(par_map(&seeds, |&seed| {
        run("arrest_search", bot("by_the_book"), seed)
    })) {
        let ev = kinds(&s);
        let arrested = ev.iter().find_map(|k| match k {
            EventKind::Arrested {
                subject,
                drugs,
                witnesses,
            } if subject == "dealer" => Some((
                *drugs,
                valid(witnesses),
                witnesses.iter().any(|w| w.id == "concierge" && w.serial),
            )),
            _ => None,
        });
        let (drugs, n, _) = arrested.unwrap_or_else(|| panic!("seed {seed}: no arrest"));
        assert!(drugs && n >= 2, "seed {seed}: {arrested:?}");
        let searched = ev.iter().find_map(|k| match k {
            EventKind::Searched {
                subject,
                searcher_sex,
                ..
            } if subject == "dealer" => Some(*searcher_sex),
            _ => None,
        });
        assert_eq!(searched, Some(Sex::Female), "seed {seed}");
        assert!(
            ev.iter().any(|k| matches!(k, EventKind::Sealed { items, witnesses } if items.contains(&"wraps".to_string()) && valid(witnesses) >= 2)),
            "seed {seed}"
        );
        let card = s.record.score.as_ref().expect("scored");
        assert!(card.passed, "seed {seed}: {card:#?}");
        assert!(
            card.findings.iter().all(|f| f.points >= 0.0
                || !matches!(
                    f.rule.as_str(),
                    "procedure.witnesses" | "procedure.same_sex_search" | "force.protected_group"
                )),
            "seed {seed}: {card:#?}"
        );
    }
}

/// A witness who served before says so in the scenario's own words, and
/// the simulation marks him serial when he agrees.
#[test]
fn arrest_search_concierge_says_he_served_before_and_is_serial() {
    let path = forcesim::scenario::resolve("arrest_search").unwrap();
    let sc = forcesim::scenario::load(&path).unwrap().scenario;
    let concierge = sc.bystanders.iter().find(|b| b.id == "concierge").unwrap();
    assert!(concierge.serial);
    let s = run("arrest_search", bot("by_the_book"), 2);
    let ev = kinds(&s);
    assert!(ev.iter().any(|k| matches!(k, EventKind::Said { who, text } if who == "concierge" && text.get(Lang::En).contains("flat 12"))));
}

/// `checkpoint_minibus`: the driver (the controller) and the courier are
/// handcuffed, the young woman never; she shows the signs of a victim when
/// talked to away from the driver, a specialist is called, the drugs are
/// sealed before two valid witnesses, and the card has no victim-care or
/// witness finding.
#[test]
fn checkpoint_minibus_the_victim_is_recognised_separated_and_referred() {
    let seeds: Vec<u64> = vec![2, 4, 9, 21];
    for (seed, s) in seeds.iter().zip(par_map(&seeds, |&seed| {
        run("checkpoint_minibus", bot("by_the_book"), seed)
    })) {
        let ev = kinds(&s);
        assert!(
            ev.iter().any(|k| matches!(k, EventKind::Interviewed { who, victim_signs: true } if who == "woman")),
            "seed {seed}"
        );
        assert!(
            !ev.iter()
                .any(|k| matches!(k, EventKind::Restrained { subject, .. } if subject == "woman")),
            "seed {seed}: a victim is not handcuffed"
        );
        assert_eq!(trainee_force(&ev, "woman"), 0, "seed {seed}");
        for who in ["driver", "courier"] {
            assert!(
                ev.iter()
                    .any(|k| matches!(k, EventKind::Restrained { subject, .. } if subject == who)),
                "seed {seed}: {who} detained"
            );
        }
        assert!(ev.iter().any(|k| matches!(k, EventKind::Action { by, action } if by == "trainee" && action.act == Act::Radio(RadioCall::RequestSpecialist))), "seed {seed}");
        assert!(
            ev.iter()
                .any(|k| matches!(k, EventKind::ObjectiveMet { id } if id == "victim")),
            "seed {seed}"
        );
        assert!(
            ev.iter().any(|k| matches!(k, EventKind::Sealed { items, witnesses } if items.contains(&"sports_bag".to_string()) && valid(witnesses) >= 2)),
            "seed {seed}"
        );
        let card = s.record.score.as_ref().expect("scored");
        assert!(card.passed, "seed {seed}: {card:#?}");
        assert!(
            card.findings.iter().all(|f| f.points >= 0.0
                || !matches!(
                    f.rule.as_str(),
                    "procedure.victim_care" | "procedure.witnesses" | "force.protected_group"
                )),
            "seed {seed}: {card:#?}"
        );
    }
}
