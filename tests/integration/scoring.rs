//! Scoring across policies and `forcesim score` through the binary.

use forcesim::domain::*;
use forcesim::events::*;
use forcesim::policy::Policy;
use forcesim::scenario::schema::{Risk, ScenarioKind, WitnessEligibility as W};
use forcesim::scoring::render::card_view;
use forcesim::scoring::testkit::{LogBuilder, witness};
use forcesim::scoring::{ScoreCard, score};
use forcesim::session::{FORMAT_VERSION, SessionRecord};
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command as Cmd;

fn policy(id: &str) -> (Policy, String) {
    let p = forcesim::policy::load_by_id_or_path(id).unwrap_or_else(|d| panic!("{}", d[0]));
    (p.policy, p.source)
}

/// A drug arrest of a woman: OC while she pulled away, handcuffs, a search by
/// a male officer with one eligible witness and a cadet, the drugs seized and
/// sealed in front of them.
fn drug_arrest_log() -> EventLog {
    let ws = || {
        vec![
            witness("w1", W::Eligible),
            witness("cadet", W::LawEnforcementStudent),
        ]
    };
    LogBuilder::new()
        .briefed(ScenarioKind::ArrestSearch, Risk::Medium, &["custody"])
        .act_untargeted(Act::Radio(RadioCall::CallIn))
        .subject("dealer", |v| {
            v.sex = Sex::Female;
            v.perceived = ResistanceLevel::Active;
            v.cues = vec![Cue::Running];
            v.distance = 2.0;
        })
        .at(5.0)
        .act(Act::Identify)
        .act(Act::Command(Command::Stop))
        .at(10.0)
        .act(Act::Warn(Warning::Force))
        .at(14.0)
        .act(Act::Force(ForceOption::Oc))
        .perceive(ResistanceLevel::Compliant)
        .cues(&[Cue::Kneeling, Cue::HandsUp])
        .at(20.0)
        .act(Act::Do(Procedure::Handcuff))
        .event(EventKind::Restrained {
            subject: "dealer".into(),
            by: TRAINEE.into(),
        })
        .event(EventKind::Arrested {
            subject: "dealer".into(),
            drugs: true,
            witnesses: ws(),
        })
        .at(30.0)
        .event(EventKind::Searched {
            subject: "dealer".into(),
            by: TRAINEE.into(),
            searcher_sex: Sex::Male,
            found: vec!["heroin".into()],
            witnesses: ws(),
            evidence: vec!["heroin".into()],
        })
        .event(EventKind::Seized {
            items: vec!["heroin".into()],
            from: "dealer".into(),
            witnesses: ws(),
        })
        .event(EventKind::Sealed {
            items: vec!["heroin".into()],
            witnesses: ws(),
        })
        .act_untargeted(Act::Radio(RadioCall::ReportForce))
        .event(EventKind::ObjectiveMet {
            id: "custody".into(),
        })
        .end(EndReason::ObjectivesMet)
        .build()
}

fn rules_found(card: &ScoreCard) -> BTreeSet<String> {
    card.findings.iter().map(|f| f.rule.clone()).collect()
}

#[test]
fn kz_and_us_iacp_differ_where_the_laws_differ() {
    let log = drug_arrest_log();
    let kz = score(&log, &policy("kz").0);
    let us = score(&log, &policy("us_iacp").0);
    let (kz_rules, us_rules) = (rules_found(&kz), rules_found(&us));
    for law in [
        "procedure.witnesses",
        "procedure.same_sex_search",
        "force.protected_group",
    ] {
        assert!(kz_rules.contains(law), "kz should find {law}: {kz_rules:?}");
        assert!(
            !us_rules.contains(law),
            "us_iacp has no {law}: {us_rules:?}"
        );
    }
    // The witness finding names the cadet and cites the Code.
    let w = kz
        .findings
        .iter()
        .find(|f| f.rule == "procedure.witnesses")
        .unwrap();
    let text = kz.text(w, Lang::En);
    assert!(text.contains("«cadet» may not be a witness"), "{text}");
    assert_eq!(w.msg.id, "finding-procedure-witnesses");
    let cite = kz.citation(w, Lang::En);
    assert!(cite.contains("82(3)"), "{cite}");
    // OC on a woman is a critical breach in kz only.
    assert!(!kz.passed);
    let pg = kz
        .findings
        .iter()
        .find(|f| f.rule == "force.protected_group")
        .unwrap();
    assert!(
        pg.critical && kz.citation(pg, Lang::En).contains("61(2)"),
        "{pg:?}"
    );
    // The warning before OC earns credit only where the OC was lawful.
    let credit = |c: &ScoreCard| {
        c.findings
            .iter()
            .any(|f| f.rule == "force.warning" && f.points > 0.0)
    };
    assert!(credit(&us), "{us:#?}");
    assert!(!credit(&kz), "{kz:#?}");
}

#[test]
fn texts_come_in_every_language() {
    let log = drug_arrest_log();
    let (kz, _) = policy("kz");
    let card = score(&log, &kz);
    let cyrillic = |s: &str| s.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    for l in [Lang::Ru, Lang::Kk] {
        for f in &card.findings {
            let text = card.text(f, l);
            assert!(cyrillic(&text), "not translated: {text}");
            assert!(!text.contains('{'), "placeholder left: {text}");
        }
    }
    // Kazakh letters that Russian lacks show it is Kazakh, not Russian.
    assert!(card.findings.iter().any(|f| {
        card.text(f, Lang::Kk)
            .chars()
            .any(|c| "әғқңөұүһі".contains(c))
    }));
}

fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("forcesim-scoring-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A session record of the drug arrest scored under `generic`, saved to disk.
fn recorded_session(dir: &std::path::Path) -> (PathBuf, SessionRecord) {
    let (generic, source) = policy("generic");
    let events = drug_arrest_log();
    let card = score(&events, &generic);
    let record = SessionRecord {
        format: FORMAT_VERSION,
        trainee: "cadet-7".into(),
        scenario: "arrest_test".into(),
        scenario_hash: "0".repeat(64),
        policy: "generic".into(),
        policy_hash: forcesim::session::sha256_hex(source.as_bytes()),
        seed: 3,
        lang: Lang::Ru,
        started_at: "2026-01-01T00:00:00Z".into(),
        duration: 30.0,
        end: Some(EndReason::ObjectivesMet),
        events,
        track: vec![],
        score: Some(card),
    };
    let path = dir.join("session.ron");
    forcesim::session::save(&path, &record).unwrap();
    (path, record)
}

fn forcesim(args: &[&str]) -> std::process::Output {
    Cmd::new(env!("CARGO_BIN_EXE_forcesim"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

#[test]
fn score_command_reproduces_the_recorded_card() {
    let dir = temp_dir("reproduce");
    let (path, record) = recorded_session(&dir);
    let out = forcesim(&["score", path.to_str().unwrap(), "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let card: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let recorded = record.score.as_ref().unwrap();
    let expected = serde_json::to_value(card_view(recorded, Lang::Ru)).unwrap();
    assert_eq!(card, expected, "re-scoring must reproduce the card exactly");

    // Text: header, sub-scores, one line per finding with time, points, rule, citation.
    let out = forcesim(&["score", path.to_str().unwrap(), "--lang", "en"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Total: "), "{text}");
    assert!(text.contains("Use of force"), "{text}");
    // The recorded card is in Russian; citations are translated, so the
    // English printout is compared with the English card.
    let english = score(&record.events, &policy("generic").0);
    let f = &english.findings[0];
    let line = text
        .lines()
        .find(|l| l.contains(&f.rule))
        .unwrap_or_else(|| panic!("no line for {}: {text}", f.rule));
    assert!(line.trim_start().starts_with("0:"), "{line}");
    assert!(
        line.ends_with(&format!("[{}]", english.citation(f, Lang::En))),
        "{line}"
    );

    // Another policy: the same log, other findings.
    let out = forcesim(&["score", path.to_str().unwrap(), "--policy", "kz", "--json"]);
    assert!(out.status.success());
    let kz: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(kz["policy"], "kz");
    let findings = kz["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["rule"] == "procedure.witnesses"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn score_command_errors() {
    let dir = temp_dir("errors");
    let broken = dir.join("broken.ron");
    std::fs::write(&broken, "(format: 1, trainee: \"x\",").unwrap();
    let out = forcesim(&["score", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.ron:1:"), "{err}");

    let (path, _) = recorded_session(&dir);
    let out = forcesim(&["score", path.to_str().unwrap(), "--policy", "nonesuch"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = forcesim(&["score", path.to_str().unwrap(), "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(dir).ok();
}

/// Under kz a personal search needs two attesting witnesses of its own (KZ
/// CPC arts. 82(3), 255), with no arrest at all (a frisk at a checkpoint)
/// or after an arrest that needed none (not a drug offence).
#[test]
fn kz_a_personal_search_without_two_witnesses_is_a_finding_with_or_without_an_arrest() {
    let kz = policy("kz").0;
    let search = |b: LogBuilder, ws: &[&str]| {
        b.at(30.0)
            .event(EventKind::Searched {
                subject: "driver".into(),
                by: TRAINEE.into(),
                searcher_sex: Sex::Male,
                found: vec![],
                witnesses: ws.iter().map(|w| witness(w, W::Eligible)).collect(),
                evidence: vec![],
            })
            .at(60.0)
            .end(EndReason::ObjectivesMet)
            .build()
    };
    let base = || {
        LogBuilder::new()
            .briefed(ScenarioKind::Checkpoint, Risk::Medium, &[])
            .subject("driver", |v| v.sex = Sex::Male)
    };
    let arrested = || {
        base().at(20.0).event(EventKind::Arrested {
            subject: "driver".into(),
            drugs: false,
            witnesses: vec![],
        })
    };
    let found = |log: &EventLog| {
        score(log, &kz)
            .findings
            .iter()
            .filter(|f| f.rule == "procedure.witnesses")
            .count()
    };
    assert_eq!(found(&search(base(), &["w1"])), 1, "no arrest, one witness");
    assert_eq!(
        found(&search(arrested(), &[])),
        1,
        "a non-drug arrest, none"
    );
    assert_eq!(found(&search(base(), &["w1", "w2"])), 0);
    assert_eq!(found(&search(arrested(), &["w1", "w2"])), 0);
    // The arrest itself (not a drug offence) needs none: only the search counts.
    let no_search = arrested().at(60.0).end(EndReason::ObjectivesMet).build();
    assert_eq!(found(&no_search), 0);
}
