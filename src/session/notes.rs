//! An evaluator's annotations of a session: agreed/disputed verdicts on the
//! scorer's findings and the evaluator's own flags at a moment, each with a
//! note. They live in a sidecar file beside the record (`NAME.notes.ron` for
//! `NAME.ron`), versioned on their own; the session record is never touched.
//!
//! A verdict is keyed by the finding's rule id, time and person, not by its
//! position on the card, so it still finds its finding after a re-score under
//! another policy or a newer build that adds or drops findings elsewhere.

use super::io::write_atomic;
use crate::diag::{Diagnostic, parse_ron, read_text};
use crate::scoring::{Finding, ScoreCard};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Version of the notes format written by this build.
pub const NOTES_FORMAT: u32 = 1;

/// Two times closer than this (seconds) are the same moment: times are
/// whole ticks, this only absorbs float printing.
const SAME_TIME: f32 = 0.01;

/// A flag is "covered" by the scorer when a finding lies this close (seconds).
pub const FLAG_WINDOW: f32 = 3.0;

/// The annotations of one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notes {
    /// Notes format version.
    pub format: u32,
    /// SHA-256 of the session record's bytes when last annotated
    /// (informational: a changed record is still annotated by key).
    #[serde(default)]
    pub session_hash: String,
    /// Verdicts on the scorer's findings.
    #[serde(default)]
    pub verdicts: Vec<Verdict>,
    /// The evaluator's own observations at a moment.
    #[serde(default)]
    pub flags: Vec<Flag>,
}

impl Default for Notes {
    fn default() -> Self {
        Notes {
            format: NOTES_FORMAT,
            session_hash: String::new(),
            verdicts: Vec::new(),
            flags: Vec::new(),
        }
    }
}

/// Agreed or disputed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Judgement {
    /// The evaluator agrees with the finding.
    Agreed,
    /// The evaluator disputes it.
    Disputed,
}

/// A verdict on one finding, keyed by rule, time and person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// The finding's rule id.
    pub rule: String,
    /// The finding's time (seconds since the start).
    pub t: f32,
    /// The person concerned, if any.
    #[serde(default)]
    pub subject: Option<String>,
    /// Agreed or disputed.
    pub judgement: Judgement,
    /// The evaluator's note.
    #[serde(default)]
    pub note: String,
}

impl Verdict {
    /// Whether this verdict is about `f`.
    pub fn is_about(&self, f: &Finding) -> bool {
        self.rule == f.rule && self.subject == f.subject && (self.t - f.t).abs() < SAME_TIME
    }
}

/// An evaluator's own observation at a moment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// Seconds since the start.
    pub t: f32,
    /// What the evaluator saw.
    pub note: String,
}

/// How an evaluator's notes and the scorer's card compare.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Agreement {
    /// Findings on the card.
    pub findings: usize,
    /// Findings the evaluator agreed with.
    pub agreed: usize,
    /// Findings the evaluator disputed.
    pub disputed: usize,
    /// Evaluator flags.
    pub flags: usize,
    /// Flags with no finding within [`FLAG_WINDOW`]: what the scorer missed.
    pub flags_unmatched: usize,
}

impl Agreement {
    /// Share of judged findings that were agreed with (`None` when none was judged).
    pub fn share(&self) -> Option<f32> {
        let judged = self.agreed + self.disputed;
        (judged > 0).then(|| self.agreed as f32 / judged as f32)
    }

    /// Adds another session's counts.
    pub fn add(&mut self, o: &Agreement) {
        self.findings += o.findings;
        self.agreed += o.agreed;
        self.disputed += o.disputed;
        self.flags += o.flags;
        self.flags_unmatched += o.flags_unmatched;
    }
}

impl Notes {
    /// The verdict on `f`, if any.
    pub fn verdict(&self, f: &Finding) -> Option<&Verdict> {
        self.verdicts.iter().find(|v| v.is_about(f))
    }

    /// Sets (or replaces) the verdict on `f`.
    pub fn judge(&mut self, f: &Finding, judgement: Judgement, note: &str) {
        let v = Verdict {
            rule: f.rule.clone(),
            t: f.t,
            subject: f.subject.clone(),
            judgement,
            note: note.to_string(),
        };
        match self.verdicts.iter_mut().find(|v| v.is_about(f)) {
            Some(old) => *old = v,
            None => self.verdicts.push(v),
        }
        self.verdicts
            .sort_by(|a, b| a.t.total_cmp(&b.t).then_with(|| a.rule.cmp(&b.rule)));
    }

    /// Adds a flag at `t`.
    pub fn flag(&mut self, t: f32, note: &str) {
        self.flags.push(Flag {
            t: t.max(0.0),
            note: note.to_string(),
        });
        self.flags.sort_by(|a, b| a.t.total_cmp(&b.t));
    }

    /// Compares these notes with a card.
    pub fn agreement(&self, card: &ScoreCard) -> Agreement {
        let mut a = Agreement {
            findings: card.findings.len(),
            flags: self.flags.len(),
            ..Agreement::default()
        };
        for f in &card.findings {
            match self.verdict(f).map(|v| v.judgement) {
                Some(Judgement::Agreed) => a.agreed += 1,
                Some(Judgement::Disputed) => a.disputed += 1,
                None => {}
            }
        }
        a.flags_unmatched = self
            .flags
            .iter()
            .filter(|fl| {
                !card
                    .findings
                    .iter()
                    .any(|f| (f.t - fl.t).abs() <= FLAG_WINDOW)
            })
            .count();
        a
    }
}

/// The notes file of a session: `NAME.notes.ron` beside `NAME.ron`.
pub fn notes_path(session: &Path) -> PathBuf {
    let stem = session
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    session.with_file_name(format!("{stem}.notes.ron"))
}

/// Whether a path is a notes sidecar (not a session).
pub fn is_notes_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".notes.ron"))
}

/// Loads the notes beside `session`: `Ok(None)` when there are none.
pub fn load_notes(session: &Path) -> Result<Option<Notes>, Diagnostic> {
    let path = notes_path(session);
    if !path.exists() {
        return Ok(None);
    }
    parse_notes(&path, &read_text(&path)?).map(Some)
}

/// Parses a notes file's text (`path` names it in diagnostics).
pub fn parse_notes(path: &Path, text: &str) -> Result<Notes, Diagnostic> {
    #[derive(Deserialize)]
    struct Probe {
        format: u32,
    }
    if let Ok(p) = crate::diag::ron_options().from_str::<Probe>(text)
        && p.format > NOTES_FORMAT
    {
        return Err(Diagnostic::new(
            path,
            1,
            1,
            crate::i18n::Msg::new("diag-notes-newer")
                .with("format", i64::from(p.format))
                .with("max", i64::from(NOTES_FORMAT)),
        ));
    }
    parse_ron::<Notes>(path, text).map_err(|d| d.wrap("diag-notes-invalid"))
}

/// The notes as RON text, exactly as [`save_notes`] writes them.
pub fn notes_to_ron(notes: &Notes) -> Result<String, String> {
    let cfg = ron::ser::PrettyConfig::new()
        .depth_limit(3)
        .struct_names(false);
    ron::ser::to_string_pretty(notes, cfg).map_err(|e| e.to_string())
}

/// Saves the notes beside `session`, atomically; the record is only read
/// (for its hash), never written.
pub fn save_notes(session: &Path, notes: &Notes) -> std::io::Result<PathBuf> {
    let mut notes = notes.clone();
    notes.format = NOTES_FORMAT;
    if let Ok(bytes) = std::fs::read(session) {
        notes.session_hash = super::io::sha256_hex(&bytes);
    }
    let text = notes_to_ron(&notes).map_err(std::io::Error::other)?;
    let path = notes_path(session);
    write_atomic(&path, text.as_bytes())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Msg;
    use crate::policy::schema::Category;

    fn finding(t: f32, rule: &str, subject: Option<&str>) -> Finding {
        Finding {
            t,
            rule: rule.into(),
            category: Category::Force,
            points: -10.0,
            critical: false,
            msg: Msg::new("x"),
            notes: vec![],
            citation: Default::default(),
            subject: subject.map(str::to_string),
        }
    }

    fn card(findings: Vec<Finding>) -> ScoreCard {
        ScoreCard {
            policy: "generic".into(),
            total: 80.0,
            pass_mark: 70.0,
            passed: true,
            categories: vec![],
            findings,
            labels: Default::default(),
        }
    }

    #[test]
    fn verdicts_follow_their_finding_not_its_position() {
        let a = finding(4.5, "force.necessity", Some("driver"));
        let b = finding(9.0, "safety.exposure", None);
        let mut n = Notes::default();
        n.judge(&a, Judgement::Agreed, "no command first");
        n.judge(&b, Judgement::Disputed, "was behind the car");
        n.judge(&b, Judgement::Disputed, "behind the engine block");
        assert_eq!(n.verdicts.len(), 2);
        // A re-score that adds a finding in front keeps both verdicts.
        let c = card(vec![finding(1.0, "force.warning", None), a.clone(), b]);
        let ag = n.agreement(&c);
        assert_eq!((ag.findings, ag.agreed, ag.disputed), (3, 1, 1));
        assert_eq!(ag.share(), Some(0.5));
        // Another person at the same moment is another finding.
        let other = finding(4.5, "force.necessity", Some("passenger"));
        assert!(n.verdict(&other).is_none());
        assert_eq!(n.verdict(&a).unwrap().note, "no command first");
    }

    #[test]
    fn flags_far_from_every_finding_are_what_the_scorer_missed() {
        let mut n = Notes::default();
        n.flag(5.0, "near the necessity finding");
        n.flag(30.0, "turned his back, nothing scored");
        let c = card(vec![finding(4.0, "force.necessity", None)]);
        let ag = n.agreement(&c);
        assert_eq!((ag.flags, ag.flags_unmatched), (2, 1));
        assert_eq!(ag.share(), None);
    }

    #[test]
    fn notes_files_sit_beside_the_session() {
        assert_eq!(
            notes_path(Path::new("sessions/a-b-3.ron")),
            PathBuf::from("sessions/a-b-3.notes.ron")
        );
        assert!(is_notes_file(Path::new("x/a.notes.ron")));
        assert!(!is_notes_file(Path::new("x/a.ron")));
    }

    #[test]
    fn text_round_trips_and_newer_formats_say_so() {
        let mut n = Notes::default();
        n.judge(
            &finding(2.25, "force.necessity", Some("d")),
            Judgement::Agreed,
            "«ok», \"quoted\"",
        );
        n.flag(7.0, "кадет отвернулся");
        let text = notes_to_ron(&n).unwrap();
        assert_eq!(parse_notes(Path::new("n.ron"), &text).unwrap(), n);
        let newer = text.replacen("format: 1", "format: 9", 1);
        let e = parse_notes(Path::new("n.ron"), &newer).unwrap_err();
        assert!(e.to_string().contains("newer"), "{e}");
        let e = parse_notes(Path::new("n.ron"), &text[..text.len() / 2]).unwrap_err();
        assert!(e.to_string().starts_with("n.ron:"), "{e}");
    }
}
