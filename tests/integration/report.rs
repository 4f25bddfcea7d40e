//! The evaluator's workspace: `forcesim report` over a folder of sessions
//! (CSV columns, the HTML's tables and charts, skipped files and the exit
//! code, format 1 records), and `forcesim annotate` (notes beside the record,
//! which is never touched).

use super::cli::forcesim;
use forcesim::session::notes::{self, Judgement};
use forcesim::session::report::csv::columns;
use forcesim::session::{self, DriverSpec, RunRequest, SessionRecord};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Two real runs, simulated once for every test here.
fn runs() -> &'static [SessionRecord] {
    static RUNS: OnceLock<Vec<SessionRecord>> = OnceLock::new();
    RUNS.get_or_init(|| {
        [("by_the_book", 1), ("aggressive", 2)]
            .iter()
            .map(|(bot, seed)| {
                session::run(&RunRequest::new(
                    "traffic_stop_low",
                    DriverSpec::Bot(bot.to_string()),
                    *seed,
                ))
                .unwrap_or_else(|e| panic!("{e}"))
                .record
            })
            .collect()
    })
}

/// A class folder: three sessions of two trainees in nested folders and a
/// format 1 record; `bad` adds a scenario file, a truncated record and one
/// of a newer format.
fn class(name: &str, bad: bool) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("forcesim-report-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let r = runs();
    let put = |rel: &str, rec: &SessionRecord, trainee: &str, day: u32| {
        let mut rec = rec.clone();
        rec.trainee = trainee.into();
        rec.started_at = format!("2025-03-{day:02}T09:00:00Z");
        session::save(&dir.join(rel), &rec).unwrap();
    };
    put("week1/ivanov-1.ron", &r[1], "ivanov", 1);
    put("week2/ivanov-2.ron", &r[0], "ivanov", 8);
    put("week1/deep/er/nurlan-1.ron", &r[1], "nurlan", 2);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(
        root.join("tests/data/sessions/format1_traffic_stop_low.ron"),
        dir.join("week1/old.ron"),
    )
    .unwrap();
    if bad {
        std::fs::copy(
            root.join("scenarios/traffic_stop_low.ron"),
            dir.join("week2/a_scenario.ron"),
        )
        .unwrap();
        let text = session::to_ron(&r[0]).unwrap();
        std::fs::write(dir.join("week2/truncated.ron"), &text[..text.len() / 3]).unwrap();
        let newer = text.replacen("format: 3,", "format: 7,", 1);
        std::fs::write(dir.join("week2/newer.ron"), newer).unwrap();
    }
    dir
}

/// RFC 4180 fields of one CSV line.
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                out.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(String::new()),
            (c, _) => out.last_mut().unwrap().push(c),
        }
    }
    out
}

/// Every element opened in the page is closed, in order (void elements
/// aside): the tables and charts are whole.
fn assert_balanced(html: &str) {
    const VOID: &[&str] = &["meta", "br", "img", "input", "link", "!doctype"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').expect("an unclosed tag");
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        let self_closing = tag.ends_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '/')
            .collect::<String>()
            .to_lowercase();
        if name == "style" {
            let close = rest.find("</style>").expect("</style>");
            rest = &rest[close + "</style>".len()..];
            continue;
        }
        if VOID.contains(&name.as_str()) || self_closing {
            continue;
        }
        if tag.starts_with('/') {
            assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "at <{tag}>");
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn report_writes_csv_and_html_and_names_what_it_skipped() {
    let dir = class("full", true);
    let csv = dir.join("out/class.csv");
    let html = dir.join("out/class.html");
    let (code, stdout, stderr) = forcesim(&[
        "report",
        dir.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
        "--lang",
        "ru",
    ]);
    assert_eq!(code, 1, "something was skipped: {stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    // Each bad file is named with its reason; no good one is.
    let skipped: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("skipped: "))
        .collect();
    assert_eq!(skipped.len(), 3, "{stderr}");
    let line = |name: &str| {
        skipped
            .iter()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not named: {stderr}"))
            .to_string()
    };
    assert!(line("newer.ron").contains("newer than this build"));
    assert!(line("truncated.ron").contains("not a valid session record"));
    assert!(line("a_scenario.ron").contains("error:"));
    for good in ["ivanov-1", "ivanov-2", "nurlan-1", "old.ron"] {
        assert!(!skipped.iter().any(|l| l.contains(good)), "{stderr}");
    }

    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(csv_fields(lines[0]), columns());
    for col in [
        "trainee",
        "scenario",
        "policy",
        "seed",
        "date",
        "duration",
        "end",
        "total",
        "pass",
        "score_force",
        "score_officer_safety",
        "score_procedure",
        "score_outcome",
        "findings_force",
        "findings_outcome",
        "critical_findings",
        "agreement",
    ] {
        assert!(columns().iter().any(|c| c == col), "no column {col}");
    }
    assert_eq!(lines.len(), 1 + 4, "{text}");
    let rows: Vec<Vec<String>> = lines[1..].iter().map(|l| csv_fields(l)).collect();
    let col = |name: &str| columns().iter().position(|c| c == name).unwrap();
    for r in &rows {
        assert_eq!(r.len(), columns().len());
        assert_eq!(r[col("scenario")], "traffic_stop_low");
        let total: f32 = r[col("total")].parse().unwrap();
        assert!((0.0..=100.0).contains(&total));
    }
    // The format 1 record is there, re-scored under its recorded policy.
    let old = rows
        .iter()
        .find(|r| r[col("file")].ends_with("old.ron"))
        .expect("the format 1 record is reported");
    let migrated = session::load(&dir.join("week1/old.ron")).unwrap();
    assert_eq!(
        old[col("total")],
        format!("{:.1}", migrated.score.unwrap().total)
    );
    // Sorted by trainee, then time: ivanov's two sessions in order.
    let trainees: Vec<&str> = rows.iter().map(|r| r[col("trainee")].as_str()).collect();
    let i = trainees.iter().position(|t| *t == "ivanov").unwrap();
    assert_eq!(&trainees[i..i + 2], &["ivanov", "ivanov"]);
    assert!(rows[i][col("date")] < rows[i + 1][col("date")]);

    let page = std::fs::read_to_string(&html).unwrap();
    assert_balanced(&page);
    assert!(page.contains("<html lang=\"ru\">"));
    assert!(page.contains("Отчёт по группе"));
    assert!(!page.contains("<script"));
    // The only URL is the SVG namespace, which is never fetched.
    assert!(
        !page
            .replace("http://www.w3.org/2000/svg", "")
            .contains("http")
    );
    let trainees: std::collections::BTreeSet<&str> = trainees.into_iter().collect();
    assert_eq!(page.matches("<table class=\"trainees\">").count(), 1);
    assert_eq!(page.matches("<table class=\"scenarios\">").count(), 1);
    assert_eq!(page.matches("<table class=\"findings\">").count(), 1);
    assert_eq!(
        page.matches("<svg class=\"chart progress\"").count(),
        trainees.len()
    );
    assert_eq!(page.matches("<svg class=\"chart histogram\"").count(), 1);
    // One row per trainee in its table, each with a progress point per session.
    let table = &page[page.find("<table class=\"trainees\">").unwrap()..];
    let table = &table[..table.find("</table>").unwrap()];
    assert_eq!(table.matches("<tr>").count(), 1 + trainees.len());
    assert_eq!(page.matches("<circle").count(), 4);
    // The skipped files are listed on the page too.
    assert!(page.contains("newer.ron"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_clean_class_exits_0_and_policy_rescores_every_session() {
    let dir = class("clean", false);
    let (code, stdout, stderr) = forcesim(&["report", dir.to_str().unwrap(), "--policy", "kz"]);
    assert_eq!(code, 0, "{stderr}");
    // With no output named the CSV goes to stdout.
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{stdout}");
    let policy = columns().iter().position(|c| c == "policy").unwrap();
    for l in &lines[1..] {
        assert_eq!(csv_fields(l)[policy], "kz");
    }
    // A path that does not exist is a usage error.
    let (code, _, stderr) = forcesim(&["report", dir.join("nope").to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn annotations_round_trip_beside_an_untouched_record() {
    let dir = class("notes", false);
    let s = dir.join("week1/ivanov-1.ron");
    let sp = s.to_str().unwrap();
    let before = std::fs::read(&s).unwrap();
    let card = session::load(&s).unwrap().score.unwrap();
    assert!(card.findings.len() >= 2, "the aggressive run has findings");

    let (code, list, err) = forcesim(&["annotate", sp, "--list"]);
    assert_eq!(code, 0, "{err}");
    assert!(list.contains("  1  "), "{list}");
    assert!(list.contains(&card.findings[1].rule), "{list}");

    for args in [
        vec!["--agree", "1", "--note", "no command before force"],
        vec!["--dispute", "2", "--note", "he had \"drawn\", see 0:03"],
        vec!["--flag", "0:05", "--note", "кадет повернулся спиной"],
        vec!["--flag", "99", "--note", "left the scene"],
    ] {
        let mut a = vec!["annotate", sp];
        a.extend(args);
        let (code, out, err) = forcesim(&a);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains(".notes.ron"), "{out}");
    }
    // The record's bytes are untouched; the notes sit beside it.
    assert_eq!(std::fs::read(&s).unwrap(), before);
    let n = notes::load_notes(&s).unwrap().expect("notes saved");
    assert_eq!(n.format, notes::NOTES_FORMAT);
    assert_eq!(n.verdicts.len(), 2);
    assert_eq!(
        n.verdict(&card.findings[0]).unwrap().judgement,
        Judgement::Agreed
    );
    let d = n.verdict(&card.findings[1]).unwrap();
    assert_eq!(
        (d.judgement, d.note.as_str()),
        (Judgement::Disputed, "he had \"drawn\", see 0:03")
    );
    assert_eq!(n.flags.len(), 2);
    assert_eq!(n.flags[0].note, "кадет повернулся спиной");
    // Written back, the same text.
    let text = std::fs::read_to_string(notes::notes_path(&s)).unwrap();
    assert_eq!(notes::notes_to_ron(&n).unwrap(), text);
    let (_, list, _) = forcesim(&["annotate", sp, "--lang", "ru"]);
    assert!(
        list.contains("[согласен: no command before force]"),
        "{list}"
    );
    assert!(list.contains("0:05  кадет повернулся спиной"), "{list}");

    // Usage errors: no such finding, not a time, a dispute without a note.
    assert_eq!(forcesim(&["annotate", sp, "--agree", "999"]).0, 2);
    assert_eq!(forcesim(&["annotate", sp, "--agree", "0"]).0, 2);
    assert_eq!(
        forcesim(&["annotate", sp, "--flag", "soon", "--note", "x"]).0,
        2
    );
    assert_eq!(forcesim(&["annotate", sp, "--dispute", "1"]).0, 2);
    assert_eq!(std::fs::read(&s).unwrap(), before);

    // The report reads them, and does not take the notes file for a session.
    let (code, csv, err) = forcesim(&["report", dir.to_str().unwrap(), "--csv", "-"]);
    assert_eq!(code, 0, "{err}");
    let col = |name: &str| columns().iter().position(|c| c == name).unwrap();
    let row = csv
        .lines()
        .map(csv_fields)
        .find(|r| r[col("file")].ends_with("ivanov-1.ron"))
        .unwrap();
    assert_eq!(row[col("annotated")], "true");
    assert_eq!(row[col("agreed")], "1");
    assert_eq!(row[col("disputed")], "1");
    assert_eq!(row[col("flags")], "2");
    assert_eq!(row[col("agreement")], "0.500");
    let html = dir.join("r.html");
    let (code, _, err) = forcesim(&[
        "report",
        dir.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert_eq!(page.matches("<svg class=\"chart agreement\"").count(), 1);
    assert!(page.contains("<table class=\"agreement-rules\">"));
    std::fs::remove_dir_all(&dir).ok();
}
