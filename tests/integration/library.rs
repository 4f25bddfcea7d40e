//! The shipped scenario library, scenario by scenario: what each one is there
//! to teach actually happens in a run.

use super::run::{bot, run};
use forcesim::domain::{Lang, Sex};
use forcesim::events::{EventKind, WitnessInfo};
use forcesim::scenario::schema::WitnessEligibility;
use forcesim::session::{self, RunRequest};

fn valid(ws: &[WitnessInfo]) -> usize {
    ws.iter()
        .filter(|w| w.eligibility == WitnessEligibility::Eligible && !w.serial)
        .count()
}

/// `field_interview_kz`: the brother and the cadet say, when asked, why they
/// may not serve; `by_the_book` finds two eligible witnesses anyway, before
/// the drug arrest, and keeps them at the search, the seizure and the seal;
/// standing off, she has her male partner do the search (same sex).
#[test]
fn field_interview_kz_by_the_book_finds_two_eligible_witnesses() {
    for seed in [3, 7, 11] {
        let s = run("field_interview_kz", bot("by_the_book"), seed);
        let ev: Vec<&EventKind> = s.record.events.iter().map(|e| &e.kind).collect();
        let said = |who: &str, words: &str| {
            ev.iter().any(|k| {
                matches!(k, EventKind::Said { who: w, text } if w == who && text.get(Lang::En).contains(words))
            })
        };
        assert!(
            said("brother", "family"),
            "seed {seed}: the brother says he is family"
        );
        assert!(said("cadet", "cadet at the police academy"), "seed {seed}");
        let mut checked = 0;
        for k in &ev {
            match k {
                EventKind::Arrested {
                    drugs, witnesses, ..
                } => {
                    assert!(*drugs, "seed {seed}");
                    assert!(valid(witnesses) >= 2, "seed {seed}: arrest {witnesses:?}");
                    checked += 1;
                }
                EventKind::Searched {
                    witnesses,
                    by,
                    searcher_sex,
                    ..
                } => {
                    // The trainee's officer is a woman: her male partner searches.
                    assert_eq!((by.as_str(), *searcher_sex), ("partner", Sex::Male));
                    assert!(valid(witnesses) >= 2, "seed {seed}: {witnesses:?}");
                    checked += 1;
                }
                EventKind::Sealed { witnesses, .. } => {
                    assert!(valid(witnesses) >= 2, "seed {seed}: {witnesses:?}");
                    checked += 1;
                }
                _ => {}
            }
        }
        assert_eq!(checked, 3, "seed {seed}: arrest, search and seal");
        let card = s.record.score.as_ref().expect("scored");
        assert!(card.passed, "seed {seed}: {card:#?}");
        assert!(
            card.findings
                .iter()
                .all(|f| f.rule != "procedure.witnesses"),
            "seed {seed}: {card:#?}"
        );
    }
}

/// The same scenario run under `us_iacp` (no attesting witnesses, no
/// same-sex search there) and re-scored under `kz` shows what Kazakh law
/// adds: the witness and same-sex findings, citing the Criminal Procedure Code.
#[test]
fn field_interview_kz_without_witnesses_breaks_only_kazakh_law() {
    let mut req = RunRequest::new("field_interview_kz", bot("by_the_book"), 3);
    req.policy = Some("us_iacp".into());
    let s = session::run(&req).unwrap_or_else(|e| panic!("{e}"));
    let us = s.record.score.as_ref().expect("scored");
    assert!(us.findings.iter().all(|f| f.rule != "procedure.witnesses"));
    let kz = forcesim::policy::load_by_id_or_path("kz").unwrap_or_else(|d| panic!("{}", d[0]));
    let card = forcesim::scoring::score(&s.record.events, &kz.policy);
    let w = card
        .findings
        .iter()
        .find(|f| f.rule == "procedure.witnesses")
        .unwrap_or_else(|| panic!("{card:#?}"));
    assert!(
        card.citation(w, Lang::En).contains("82(3)") && card.citation(w, Lang::En).contains("255"),
        "{w:?}"
    );
    assert!(
        card.text(w, Lang::En)
            .contains("the arrest of a drug suspect"),
        "{w:?}"
    );
    // Under us_iacp she searched him herself; Kazakh law asks for the same sex.
    assert!(
        us.findings
            .iter()
            .all(|f| f.rule != "procedure.same_sex_search")
    );
    assert!(
        card.findings
            .iter()
            .any(|f| f.rule == "procedure.same_sex_search"
                && f.citation.get(Lang::En).contains("255(2)")),
        "{card:#?}"
    );
}

/// `public_assembly`: `by_the_book` detains the instigator without force and
/// keeps the rally peaceful to the end (judged when the session stops too);
/// `aggressive` points a gun and uses force on a shouting participant and is
/// told so under `force.peaceful_assembly`.
#[test]
fn public_assembly_rewards_isolating_the_instigator_without_force() {
    for seed in [1, 2, 3] {
        let s = run("public_assembly", bot("by_the_book"), seed);
        let ev: Vec<&EventKind> = s.record.events.iter().map(|e| &e.kind).collect();
        assert!(
            ev.iter()
                .any(|k| matches!(k, EventKind::ObjectiveMet { id } if id == "peaceful")),
            "seed {seed}: the rally stayed peaceful"
        );
        assert!(
            !ev.iter().any(|k| matches!(
                k,
                EventKind::CrowdMood {
                    peaceful_hit: true,
                    ..
                }
            )),
            "seed {seed}"
        );
        let card = s.record.score.as_ref().expect("scored");
        assert!(card.passed, "seed {seed}: {card:#?}");
        let a = run("public_assembly", bot("aggressive"), seed);
        let card = a.record.score.as_ref().expect("scored");
        assert!(!card.passed, "seed {seed}");
        assert!(
            card.findings
                .iter()
                .any(|f| f.rule == "force.peaceful_assembly"
                    && f.subject.as_deref() == Some("instigator")),
            "seed {seed}: {card:#?}"
        );
    }
}

/// Under `kz`, the aggressive bot (a woman officer searching the man herself)
/// is told the search was by the other sex, citing CPC art. 255(2).
#[test]
fn field_interview_kz_search_by_the_other_sex_is_cited() {
    let s = run("field_interview_kz", bot("aggressive"), 3);
    let card = s.record.score.as_ref().expect("scored");
    let f = card
        .findings
        .iter()
        .find(|f| f.rule == "procedure.same_sex_search")
        .unwrap_or_else(|| panic!("{card:#?}"));
    assert!(f.citation.get(Lang::En).contains("255(2)"), "{f:?}");
}

/// `checkpoint_courier`: `by_the_book` arrests the driver, talks to the boy
/// (who shows the signs of a child courier), calls a specialist, and has
/// the backpack searched and sealed before two valid witnesses, never
/// handcuffing the boy; the card has no victim-care or witness finding.
#[test]
fn checkpoint_courier_treats_the_child_courier_as_a_victim() {
    for seed in [3, 7, 24] {
        let s = run("checkpoint_courier", bot("by_the_book"), seed);
        let ev: Vec<&EventKind> = s.record.events.iter().map(|e| &e.kind).collect();
        assert!(
            ev.iter().any(
                |k| matches!(k, EventKind::Interviewed { who, victim_signs: true } if who == "boy")
            ),
            "seed {seed}: the boy shows victim signs when talked to"
        );
        assert!(
            !ev.iter().any(|k| matches!(
                k,
                EventKind::Restrained { subject, .. } | EventKind::Arrested { subject, .. }
                    if subject == "boy"
            )),
            "seed {seed}: the boy is not handcuffed"
        );
        let sealed = ev.iter().find_map(|k| match k {
            EventKind::Sealed { items, witnesses } if items.contains(&"backpack".to_string()) => {
                Some(valid(witnesses))
            }
            _ => None,
        });
        assert!(sealed.is_some_and(|n| n >= 2), "seed {seed}: {sealed:?}");
        let card = s.record.score.as_ref().expect("scored");
        assert!(card.passed, "seed {seed}: {card:#?}");
        assert!(
            card.findings
                .iter()
                .all(|f| f.rule != "procedure.victim_care"
                    && f.rule != "procedure.witnesses"
                    && f.rule != "safety.search_before_cuff"),
            "seed {seed}: {card:#?}"
        );
    }
}
