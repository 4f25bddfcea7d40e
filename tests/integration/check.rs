//! `forcesim check`: every shipped scenario and policy checks clean; every
//! file of the broken corpus (`tests/data/broken/`) gives exactly the errors its
//! first lines expect (`// expect: LINE:COL: message fragment`, one line per
//! error, in order); the command's output format and exit codes.

use super::cli::forcesim;
use forcesim::cli::check::check_one;
use std::path::{Path, PathBuf};
use std::process::Command;

fn ron_files_under(dir: &str) -> Vec<PathBuf> {
    forcesim::cli::files::ron_files(Path::new(dir))
}

fn joined(d: &[forcesim::diag::Diagnostic]) -> String {
    d.iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn shipped_scenarios_and_policies_check_clean() {
    let scenarios = ron_files_under("scenarios");
    assert!(scenarios.len() >= 3, "{scenarios:?}");
    for f in &scenarios {
        let loaded = forcesim::scenario::check_file(f).unwrap_or_else(|d| panic!("{}", joined(&d)));
        // The scenario's own policy loads and validates too.
        forcesim::policy::load_by_id_or_path(&loaded.scenario.policy)
            .unwrap_or_else(|d| panic!("{}", joined(&d)));
    }
    let policies = ron_files_under("assets/policies");
    assert_eq!(policies.len(), 3, "{policies:?}");
    for f in &policies {
        forcesim::policy::check_file(f).unwrap_or_else(|d| panic!("{}", joined(&d)));
    }
    for id in ["generic", "us_iacp", "kz"] {
        assert_eq!(
            forcesim::policy::load_by_id_or_path(id).unwrap().policy.id,
            id
        );
    }
}

#[test]
fn the_three_course_scenarios_are_shipped() {
    let ids: Vec<(String, &str, &str)> = ron_files_under("scenarios")
        .iter()
        .map(|f| {
            let s = forcesim::scenario::check_file(f).unwrap().scenario;
            (s.id, s.kind.key(), s.risk.key())
        })
        .collect();
    for want in [
        ("traffic_stop_low", "traffic_stop", "low"),
        ("building_search", "building_search", "medium"),
        ("felony_stop", "armed_vehicle", "high"),
    ] {
        assert!(
            ids.iter().any(|(i, k, r)| (i.as_str(), *k, *r) == want),
            "{want:?} not in {ids:?}"
        );
    }
}

#[test]
fn shipped_policies_cite_their_law_and_speak_three_languages() {
    use forcesim::scoring::rule_ids::RULE_IDS;
    let only_kz = [
        "force.protected_group",
        "procedure.witnesses",
        "procedure.same_sex_search",
    ];
    for id in ["generic", "us_iacp", "kz"] {
        let p = forcesim::policy::load_by_id_or_path(id).unwrap().policy;
        for rule in RULE_IDS {
            let present = p.rules.iter().any(|r| r.id == *rule);
            let expected = id == "kz" || !only_kz.contains(rule);
            assert_eq!(present, expected, "{id}: rule {rule}");
        }
        for r in &p.rules {
            for lang in ["en", "ru", "kk"] {
                assert!(r.text.0.contains_key(lang), "{id}: {} lacks {lang}", r.id);
            }
            if matches!(
                r.id.as_str(),
                "force.deadly_force" | "force.protected_group" | "force.line_of_fire"
            ) {
                assert_eq!(
                    r.severity,
                    forcesim::policy::schema::Severity::Critical,
                    "{id}: {}",
                    r.id
                );
            }
        }
    }
    let kz = forcesim::policy::load_by_id_or_path("kz").unwrap().policy;
    let cites = |rule: &str| {
        kz.rules
            .iter()
            .find(|r| r.id == rule)
            .map(|r| r.citation.clone())
            .unwrap()
    };
    assert!(cites("force.protected_group").contains("arts. 60(2), 61(2)"));
    assert!(cites("procedure.report_force").contains("62(5)"));
    assert!(cites("procedure.same_sex_search").contains("art. 255(2)"));
    assert!(cites("procedure.evidence").contains("art. 254(14)"));
    assert_eq!(kz.witnesses.as_ref().unwrap().min_count, 2);
    let us = forcesim::policy::load_by_id_or_path("us_iacp")
        .unwrap()
        .policy;
    let deadly = us
        .rules
        .iter()
        .find(|r| r.id == "force.deadly_force")
        .unwrap();
    assert!(deadly.citation.contains("471 U.S. 1"));
    assert!(deadly.citation.contains("490 U.S. 386"));
}

/// `(line, col, fragment)` from the leading `// expect:` lines.
fn expectations(path: &Path) -> Vec<(usize, usize, String)> {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let out: Vec<_> = text
        .lines()
        .map_while(|l| l.strip_prefix("// expect: "))
        .map(|e| {
            let (pos, fragment) = e.split_once(": ").expect("`L:C: text`");
            let (l, c) = pos.split_once(':').expect("`L:C`");
            (l.parse().unwrap(), c.parse().unwrap(), fragment.to_string())
        })
        .collect();
    assert!(
        !out.is_empty(),
        "{}: the first line must be `// expect: LINE:COL: message fragment`",
        path.display()
    );
    out
}

#[test]
fn every_broken_file_gives_the_expected_errors() {
    let files = ron_files_under("tests/data/broken");
    assert!(files.len() >= 60, "{}", files.len());
    for f in files {
        let expected = expectations(&f);
        let report = check_one(&f);
        let got = &report.diagnostics;
        assert_eq!(
            got.len(),
            expected.len(),
            "{}: expected {} errors, got:\n{}",
            f.display(),
            expected.len(),
            joined(got)
        );
        for (d, (line, col, fragment)) in got.iter().zip(&expected) {
            assert_eq!(
                (d.line, d.col),
                (*line, *col),
                "{}: wrong position for {d}",
                f.display()
            );
            assert!(
                d.text(forcesim::domain::Lang::En)
                    .contains(fragment.as_str()),
                "{}: expected `{fragment}` in `{d}`",
                f.display()
            );
            assert!(
                d.to_string()
                    .starts_with(&format!("{}:{line}:{col}: error: ", f.display())),
                "{d}"
            );
        }
    }
}

#[test]
fn broken_policies_are_read_as_policies_and_others_as_scenarios() {
    use forcesim::cli::files::FileKind;
    for f in ron_files_under("tests/data/broken/policies") {
        assert_eq!(check_one(&f).kind, FileKind::Policy, "{}", f.display());
    }
    let f = Path::new("tests/data/broken/ambiguous.ron");
    let r = check_one(f);
    assert_eq!(r.kind, FileKind::Scenario);
    assert!(
        r.diagnostics[0]
            .text(forcesim::domain::Lang::En)
            .contains("(read as a scenario")
    );
}

#[test]
fn messages_name_no_rust_types() {
    let rust_names = [
        "ResistanceLevel",
        "ScenarioKind",
        "Subject`",
        "struct ",
        "enum ",
        "f32",
        "u32",
        "Option",
        "Vec<",
        "String",
    ];
    for f in ron_files_under("tests/data/broken") {
        for d in check_one(&f).diagnostics {
            for n in rust_names {
                assert!(!d.text(forcesim::domain::Lang::En).contains(n), "{d}");
            }
        }
    }
}

#[test]
fn check_exits_0_when_every_file_is_valid() {
    let (code, out, _) = forcesim(&["check", "scenarios", "assets/policies"]);
    assert_eq!(code, 0, "{out}");
    // Every shipped scenario and the three shipped policies.
    let n = super::run::shipped_scenarios().len() + 3;
    assert_eq!(out, format!("checked {n} files: {n} valid, 0 invalid\n"));
}

#[test]
fn check_prints_one_line_per_problem_then_a_summary_and_exits_1() {
    let (code, out, _) = forcesim(&[
        "check",
        "scenarios/traffic_stop_low.ron",
        "tests/data/broken/misspelt_field.ron",
        "tests/data/broken/policies/continuum_repeated_level.ron",
    ]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[0].starts_with(
        "tests/data/broken/misspelt_field.ron:20:13: error: unknown field \"spwan\" in a subject; did you mean \"spawn\"? valid fields: id, name, role,"
    ), "{out}");
    assert_eq!(
        lines[1],
        "tests/data/broken/policies/continuum_repeated_level.ron:6:16: error: the continuum misses assaultive: it needs one step for each resistance level (compliant, passive, active, assaultive, deadly)"
    );
    assert!(
        lines[2]
            .starts_with("tests/data/broken/policies/continuum_repeated_level.ron:10:22: error: ")
    );
    assert_eq!(lines[3], "checked 3 files: 1 valid, 2 invalid (3 errors)");
}

#[test]
fn check_of_the_whole_corpus_puts_every_problem_on_a_positioned_line() {
    let (code, out, _) = forcesim(&["check", "tests/data/broken"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    let (summary, problems) = lines.split_last().unwrap();
    assert!(summary.starts_with("checked "), "{summary}");
    assert!(summary.contains(" 0 valid, "), "{summary}");
    for l in problems {
        let mut parts = l.splitn(4, ':');
        let (file, line, col, rest) = (
            parts.next().unwrap(),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
            parts.next().unwrap_or(""),
        );
        assert!(file.ends_with(".ron"), "{l}");
        assert!(line.parse::<usize>().is_ok_and(|n| n > 0), "{l}");
        assert!(col.parse::<usize>().is_ok_and(|n| n > 0), "{l}");
        assert!(rest.starts_with(" error: "), "{l}");
    }
}

#[test]
fn check_exits_2_for_a_missing_path_or_no_path() {
    let (code, out, err) = forcesim(&["check", "scenarios", "no/such/folder"]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.contains("no such file or folder: no/such/folder"),
        "{err}"
    );
    let (code, _, _) = forcesim(&["check"]);
    assert_eq!(code, 2);
}

#[test]
fn two_files_with_the_same_scenario_id_are_reported() {
    let dir = std::env::temp_dir().join(format!("forcesim-dup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string("scenarios/traffic_stop_low.ron").unwrap();
    std::fs::write(dir.join("a.ron"), &text).unwrap();
    std::fs::write(dir.join("b.ron"), &text).unwrap();
    let files = forcesim::cli::files::ron_files(&dir);
    let reports = forcesim::cli::check::check_all(&files);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(reports[0].diagnostics.is_empty());
    let d = &reports[1].diagnostics;
    assert_eq!(d.len(), 1);
    assert_eq!((d[0].line, d[0].col), (9, 9));
    assert!(
        d[0].text(forcesim::domain::Lang::En)
            .contains("scenario id \"traffic_stop_low\" is already used by")
    );
}

#[test]
fn a_line_break_in_a_message_stays_on_one_line() {
    let text = "(id: \"x\", name: {\"en\": \"X\", \"e\nn\": \"Y\"}, continuum: [], rules: [], pass_mark: 1.0)";
    let d = forcesim::policy::check_str(Path::new("p.ron"), text).unwrap_err();
    for d in d {
        assert_eq!(d.to_string().lines().count(), 1, "{d}");
    }
}

/// `forcesim ARGS` with the locale variables given (and the others removed).
fn forcesim_in(env: &[(&str, &str)], args: &[&str]) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_forcesim"));
    for v in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(v);
    }
    let out = cmd
        .envs(env.iter().copied())
        .args(args)
        .output()
        .expect("run forcesim");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Splits `FILE:LINE:COL: error: MESSAGE` into the place and the message.
fn place_and_message(line: &str) -> (&str, &str) {
    line.split_once(": error: ")
        .unwrap_or_else(|| panic!("not a diagnostic: {line}"))
}

#[test]
fn check_speaks_russian_and_kazakh_at_the_same_line_and_column() {
    let files = [
        "tests/data/broken/negative_time_limit.ron",
        "tests/data/broken/misspelt_field.ron",
        "tests/data/broken/unknown_subject.ron",
        "tests/data/broken/syntax_missing_comma.ron",
        "tests/data/broken/limit_backup.ron",
    ];
    let mut args = vec!["check"];
    args.extend(files);
    let (code, en) = forcesim_in(&[], &args);
    assert_eq!(code, 1, "{en}");
    for lang in ["ru", "kk"] {
        let mut a = args.clone();
        a.extend(["--lang", lang]);
        let (code, out) = forcesim_in(&[], &a);
        assert_eq!(code, 1, "{out}");
        let (en_lines, lines): (Vec<&str>, Vec<&str>) =
            (en.lines().collect(), out.lines().collect());
        assert_eq!(lines.len(), en_lines.len(), "{out}");
        let n = lines.len();
        for (e, l) in en_lines[..n - 1].iter().zip(&lines[..n - 1]) {
            let (ep, em) = place_and_message(e);
            let (lp, lm) = place_and_message(l);
            assert_eq!(ep, lp, "{lang}: the place must not change");
            assert!(cyrillic(lm), "{lang}: not translated: {l}");
            assert_ne!(em, lm);
        }
        // The summary too.
        assert!(cyrillic(lines[n - 1]), "{}", lines[n - 1]);
        // Field names and choices stay the file's own words.
        let spwan = lines.iter().find(|l| l.contains("spwan")).unwrap();
        assert!(spwan.contains("\"spawn\""), "{spwan}");
        assert!(spwan.contains("heading, in_vehicle, hidden"), "{spwan}");
        let backup = lines.iter().find(|l| l.contains("limit_backup")).unwrap();
        assert!(backup.contains("2000") && backup.contains("12"), "{backup}");
    }
}

#[test]
fn without_lang_check_follows_the_system_locale() {
    let f = "tests/data/broken/negative_time_limit.ron";
    let (_, en) = forcesim_in(&[("LANG", "C.UTF-8")], &["check", f]);
    assert!(en.contains("must be greater than 0"), "{en}");
    let (_, ru) = forcesim_in(&[("LANG", "ru_RU.UTF-8")], &["check", f]);
    assert!(ru.contains("должно быть больше 0"), "{ru}");
    // LC_ALL outranks LANG; LC_MESSAGES outranks LANG.
    let (_, kk) = forcesim_in(
        &[("LC_ALL", "kk_KZ.UTF-8"), ("LANG", "ru_RU.UTF-8")],
        &["check", f],
    );
    assert!(kk.contains("0-ден үлкен"), "{kk}");
    let (_, kk) = forcesim_in(
        &[("LC_MESSAGES", "kk_KZ"), ("LANG", "ru_RU.UTF-8")],
        &["check", f],
    );
    assert!(kk.contains("0-ден үлкен"), "{kk}");
    // --lang outranks the locale.
    let (_, en) = forcesim_in(&[("LANG", "ru_RU.UTF-8")], &["check", f, "--lang", "en"]);
    assert!(en.contains("must be greater than 0"), "{en}");
}

#[test]
fn every_limit_is_refused_with_its_number() {
    use forcesim::diag::locate_problems;
    use forcesim::scenario::validate::{limits, validate};
    let path = Path::new("scenarios/traffic_stop_low.ron");
    let text = std::fs::read_to_string(path).unwrap();
    let base = forcesim::scenario::check_file(path).unwrap().scenario;
    let refused = |s: &forcesim::scenario::Scenario, want: &str| {
        let problems = validate(s, Some(Path::new("scenarios")));
        let ds = locate_problems(path, &text, &problems);
        assert!(
            ds.iter()
                .any(|d| d.text(forcesim::domain::Lang::En).contains(want)),
            "`{want}` not in {ds:?}"
        );
    };
    fn grow<T: Clone>(v: &mut Vec<T>, n: usize) {
        let first = v.first().cloned().expect("an item to copy");
        v.resize(n.max(v.len()), first);
    }
    let mut s = base.clone();
    grow(&mut s.subjects, limits::SUBJECTS + 1);
    refused(
        &s,
        &format!(
            "subjects: {} is more than the limit of {}",
            limits::SUBJECTS + 1,
            limits::SUBJECTS
        ),
    );
    let mut s = base.clone();
    grow(&mut s.map.vehicles, limits::VEHICLES + 1);
    refused(
        &s,
        &format!(
            "vehicles: {} is more than the limit of {}",
            limits::VEHICLES + 1,
            limits::VEHICLES
        ),
    );
    let mut s = base.clone();
    grow(&mut s.map.walls, limits::WALLS + 1);
    refused(
        &s,
        &format!(
            "walls: {} is more than the limit of {}",
            limits::WALLS + 1,
            limits::WALLS
        ),
    );
    let mut s = base.clone();
    grow(&mut s.map.cover, limits::COVER + 1);
    refused(
        &s,
        &format!(
            "cover objects: {} is more than the limit of {}",
            limits::COVER + 1,
            limits::COVER
        ),
    );
    let mut s = base.clone();
    grow(&mut s.map.zones, limits::ZONES + 1);
    refused(
        &s,
        &format!(
            "zones: {} is more than the limit of {}",
            limits::ZONES + 1,
            limits::ZONES
        ),
    );
    let mut s = base.clone();
    grow(&mut s.objectives, limits::OBJECTIVES + 1);
    refused(
        &s,
        &format!(
            "objectives: {} is more than the limit of {}",
            limits::OBJECTIVES + 1,
            limits::OBJECTIVES
        ),
    );
    let mut s = base.clone();
    grow(&mut s.triggers, limits::TRIGGERS + 1);
    refused(
        &s,
        &format!(
            "triggers: {} is more than the limit of {}",
            limits::TRIGGERS + 1,
            limits::TRIGGERS
        ),
    );
    let mut s = base.clone();
    grow(&mut s.triggers, 1);
    grow(&mut s.triggers[0].effects, limits::EFFECTS + 1);
    refused(
        &s,
        &format!(
            "effects of one trigger: {} is more than the limit of {}",
            limits::EFFECTS + 1,
            limits::EFFECTS
        ),
    );
    let mut s = base.clone();
    grow(&mut s.subjects[0].behaviour, limits::BEHAVIOUR + 1);
    refused(
        &s,
        &format!(
            "behaviour rules of one subject: {} is more than the limit of {}",
            limits::BEHAVIOUR + 1,
            limits::BEHAVIOUR
        ),
    );
    // People of kinds the traffic stop lacks come from the other shipped scenarios.
    let shipped: Vec<_> = ron_files_under("scenarios")
        .iter()
        .map(|f| forcesim::scenario::check_file(f).unwrap().scenario)
        .collect();
    let by = shipped
        .iter()
        .find_map(|x| x.bystanders.first())
        .unwrap()
        .clone();
    let partner = shipped
        .iter()
        .find_map(|x| x.officers.partners.first())
        .unwrap()
        .clone();
    let crowd = shipped
        .iter()
        .find_map(|x| x.crowds.first())
        .unwrap()
        .clone();
    let mut s = base.clone();
    s.bystanders = vec![by; limits::BYSTANDERS + 1];
    refused(
        &s,
        &format!(
            "bystanders: {} is more than the limit of {}",
            limits::BYSTANDERS + 1,
            limits::BYSTANDERS
        ),
    );
    let mut s = base.clone();
    s.officers.partners = vec![partner; limits::PARTNERS + 1];
    refused(
        &s,
        &format!(
            "partner officers: {} is more than the limit of {}",
            limits::PARTNERS + 1,
            limits::PARTNERS
        ),
    );
    let mut s = base.clone();
    s.crowds = vec![crowd; limits::CROWDS + 1];
    refused(
        &s,
        &format!(
            "crowds: {} is more than the limit of {}",
            limits::CROWDS + 1,
            limits::CROWDS
        ),
    );
    let mut s = base.clone();
    s.map.size.0 = 501.0;
    refused(&s, "the map's width is 501, more than the limit of 500");
    // Backup, crowd people, map height and time limit: tests/data/broken/limit_*.ron.
    // A script's steps.
    let mut script = forcesim::trainee::script::Script::default();
    script.steps = vec![Default::default(); forcesim::trainee::script::MAX_STEPS + 1];
    let problems = forcesim::trainee::script::check(&script, None);
    let texts: Vec<String> = problems
        .iter()
        .map(|p| {
            forcesim::i18n::render(forcesim::domain::Lang::En, &p.message, &Default::default())
        })
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("script steps: 2001 is more than the limit of 2000")),
        "{texts:?}"
    );
}
