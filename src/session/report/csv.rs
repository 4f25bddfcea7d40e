//! The report as CSV (RFC 4180): one row per session. Column names are
//! stable identifiers for spreadsheets and scripts, not translated text;
//! numbers use a decimal point whatever the language.

use super::{Report, Row, end_key};
use crate::policy::schema::Category;
use std::fmt::Write;

/// The columns, in order.
pub fn columns() -> Vec<String> {
    let mut c: Vec<String> = [
        "file",
        "trainee",
        "scenario",
        "policy",
        "seed",
        "date",
        "duration",
        "end",
        "total",
        "pass_mark",
        "pass",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    c.extend(Category::ALL.iter().map(|k| format!("score_{}", k.key())));
    c.extend(
        Category::ALL
            .iter()
            .map(|k| format!("findings_{}", k.key())),
    );
    c.extend(
        [
            "critical_findings",
            "annotated",
            "agreed",
            "disputed",
            "flags",
            "flags_no_finding",
            "agreement",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    c
}

/// A field quoted when it holds a comma, quote or line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn cells(r: &Row) -> Vec<String> {
    let mut c = vec![
        r.path.display().to_string(),
        r.trainee.clone(),
        r.scenario.clone(),
        r.card.policy.clone(),
        r.seed.to_string(),
        r.started_at.clone(),
        format!("{:.1}", r.duration),
        r.end.map(end_key).unwrap_or("interrupted").to_string(),
        format!("{:.1}", r.card.total),
        format!("{:.0}", r.card.pass_mark),
        r.card.passed.to_string(),
    ];
    c.extend(
        Category::ALL
            .iter()
            .map(|k| format!("{:.1}", r.card.category(*k))),
    );
    c.extend(Category::ALL.iter().map(|k| r.findings_in(*k).to_string()));
    c.push(r.criticals().to_string());
    match &r.agreement {
        Some(a) => {
            c.push("true".into());
            c.push(a.agreed.to_string());
            c.push(a.disputed.to_string());
            c.push(a.flags.to_string());
            c.push(a.flags_unmatched.to_string());
            c.push(a.share().map_or(String::new(), |s| format!("{s:.3}")));
        }
        None => {
            c.push("false".into());
            c.extend(std::iter::repeat_n(String::new(), 5));
        }
    }
    c
}

/// The whole report as CSV text (header line, then one line per session).
pub fn to_csv(report: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", columns().join(","));
    for r in &report.rows {
        let line: Vec<String> = cells(r).iter().map(|c| field(c)).collect();
        let _ = writeln!(s, "{}", line.join(","));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn one_line_per_session_with_every_column() {
        let mut r = sample();
        r.rows[0].trainee = "Ivanov, \"Vanya\"".into();
        let text = to_csv(&r);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 1 + r.rows.len());
        let n = columns().len();
        assert_eq!(lines[0].split(',').count(), n);
        assert!(lines[1].contains("\"Ivanov, \"\"Vanya\"\"\""));
        for l in &lines[2..] {
            assert_eq!(l.split(',').count(), n, "{l}");
        }
        assert!(lines[2].contains(",90.0,70,true,"), "{}", lines[2]);
    }
}
