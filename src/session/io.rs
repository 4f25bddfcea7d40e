//! Saving and loading session records.
//!
//! Saves are atomic: the record is written to a temporary file beside the
//! target, flushed to disk, then renamed over it, so a crash leaves either the
//! old record or the new one, never half a file. Loading never panics: a
//! broken, truncated or foreign file gives a `FILE:LINE:COL: error: ...`
//! diagnostic, and a record written by a newer build says so.

use super::compact::{ExpandError, TrackError};
use super::record::{FORMAT_VERSION, SessionFileV3, SessionRecord, SessionRecordV1, migrate_v1};
use crate::diag::{Diagnostic, parse_ron, read_text};
use serde::Deserialize;
use std::io::Write;
use std::path::{Path, PathBuf};

/// RON layout of a saved record: one event or one person's path per line,
/// so a record stays readable and diffs well.
fn pretty() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .depth_limit(2)
        .struct_names(false)
        .separate_tuple_members(false)
}

/// The record as RON text in the current format (3), exactly as [`save`]
/// writes it.
pub fn to_ron(record: &SessionRecord) -> Result<String, String> {
    ron::ser::to_string_pretty(&SessionFileV3::from_record(record), pretty())
        .map_err(|e| e.to_string())
}

/// Writes `record` to `path` atomically (temporary file + rename), creating
/// the folder if needed.
pub fn save(path: &Path, record: &SessionRecord) -> std::io::Result<()> {
    let text = to_ron(record).map_err(std::io::Error::other)?;
    write_atomic(path, text.as_bytes())
}

/// Writes bytes to `path` through a temporary file in the same folder and a
/// rename (atomic on the same file system).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".to_string());
    // The pid keeps two processes saving the same record from sharing a temp file.
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Just the version, read leniently before the full parse so that a record
/// from a newer build gets a clear message even if its shape has changed.
#[derive(Deserialize)]
struct VersionProbe {
    format: u32,
}

/// Loads a session record. Every failure is a diagnostic with a position.
pub fn load(path: &Path) -> Result<SessionRecord, Diagnostic> {
    let text = read_text(path)?;
    parse(path, &text)
}

/// Parses a session record's text (`path` names it in diagnostics).
pub fn parse(path: &Path, text: &str) -> Result<SessionRecord, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::new(
            path,
            1,
            1,
            crate::i18n::Msg::new("diag-session-empty"),
        ));
    }
    // One look at the version: the number after a leading `(format:` (how
    // every record is written, and cheap), else a lenient parse of the file.
    let format = leading_format(text).or_else(|| {
        crate::diag::ron_options()
            .from_str::<VersionProbe>(text)
            .ok()
            .map(|p| p.format)
    });
    if let Some(format) = format {
        let (line, col) = position_of_field(text, "format");
        if format > FORMAT_VERSION {
            return Err(Diagnostic::new(
                path,
                line,
                col,
                crate::i18n::Msg::new("diag-session-newer")
                    .with("format", i64::from(format))
                    .with("max", i64::from(FORMAT_VERSION)),
            ));
        }
        if format == 0 {
            return Err(Diagnostic::new(
                path,
                line,
                col,
                crate::i18n::Msg::new("diag-session-zero").with("max", i64::from(FORMAT_VERSION)),
            ));
        }
    }
    let invalid = |d: Diagnostic| d.wrap("diag-session-invalid");
    if format == Some(1) {
        let old = parse_ron::<SessionRecordV1>(path, text).map_err(invalid)?;
        return Ok(migrate_v1(old, |policy, log| {
            let p = crate::policy::load_by_id_or_path(policy).ok()?;
            Some(crate::scoring::score(log, &p.policy))
        }));
    }
    if format == Some(2) {
        let mut r = parse_ron::<SessionRecord>(path, text).map_err(invalid)?;
        r.format = FORMAT_VERSION;
        return Ok(r);
    }
    let file = parse_ron::<SessionFileV3>(path, text).map_err(invalid)?;
    file.into_record().map_err(|e| {
        let (field, msg) = match e {
            ExpandError::Event(i) => (
                "events",
                crate::i18n::Msg::new("diag-session-ctx-missing").with("n", i as i64 + 1),
            ),
            ExpandError::Citation => ("cited", crate::i18n::Msg::new("diag-session-citations")),
            ExpandError::Labels => (
                "member_labels",
                crate::i18n::Msg::new("diag-session-member-labels")
                    .with("limit", super::compact::MAX_MEMBER_LABELS as i64),
            ),
            ExpandError::Track(TrackError::Keys(id)) => (
                "paths",
                crate::i18n::Msg::new("diag-session-track-keys").with("id", id),
            ),
            ExpandError::Track(TrackError::TooManySamples(n)) => (
                "ticks",
                crate::i18n::Msg::new("diag-session-track-samples").with("limit", n as i64),
            ),
            ExpandError::Track(TrackError::TooManyPositions(n)) => (
                "paths",
                crate::i18n::Msg::new("diag-session-track-positions").with("limit", n as i64),
            ),
        };
        let (line, col) = position_of_field(text, field);
        Diagnostic::new(path, line, col, msg).wrap("diag-session-invalid")
    })
}

/// The version of a record that starts `(format: N,` (comments and blank
/// lines before it allowed): what [`save`] writes. `None` for any other
/// shape, which the caller then parses leniently.
fn leading_format(text: &str) -> Option<u32> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(comment) = rest.strip_prefix("//") {
            rest = comment.split_once('\n').map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    let rest = rest.strip_prefix('(')?.trim_start();
    let rest = rest.strip_prefix("format")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].trim_start();
    if digits == 0 || !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// Line and column of the first `name:` field outside comments and strings
/// (1:1 when absent).
fn position_of_field(text: &str, name: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let (mut line, mut col) = (1, 1);
    let mut in_str = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_str {
            if b == b'\\' {
                i += 1;
                col += 1;
            } else if b == b'"' {
                in_str = false;
            }
        } else if b == b'"' {
            in_str = true;
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
            continue;
        } else if text[i..].starts_with(name)
            && (i == 0 || !is_ident(bytes[i - 1]))
            && text[i + name.len()..].trim_start().starts_with(':')
        {
            return (line, col);
        }
        if b == b'\n' {
            line += 1;
            col = 1;
        } else if (b & 0xC0) != 0x80 {
            col += 1;
        }
        i += 1;
    }
    (1, 1)
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Saves a record as a session goes, every `interval` simulated seconds, so a
/// crash loses at most that much. The game calls [`SessionSaver::tick`] each
/// frame (cheap when nothing is due) and [`SessionSaver::finish`] at the end.
#[derive(Debug, Clone)]
pub struct SessionSaver {
    path: PathBuf,
    interval: f32,
    last_saved: Option<f32>,
}

impl SessionSaver {
    /// A saver writing to `path` every `interval` seconds of session time.
    pub fn new(path: impl Into<PathBuf>, interval: f32) -> Self {
        SessionSaver {
            path: path.into(),
            interval: interval.max(0.0),
            last_saved: None,
        }
    }

    /// Where it saves.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether a save is due at session time `t`.
    pub fn due(&self, t: f32) -> bool {
        self.last_saved.is_none_or(|last| t - last >= self.interval)
    }

    /// Saves `record` if a save is due at its duration; returns whether it saved.
    /// The record is only built by `make` when a save is due, so the caller
    /// pays nothing in between.
    pub fn tick(&mut self, t: f32, make: impl FnOnce() -> SessionRecord) -> std::io::Result<bool> {
        if !self.due(t) {
            return Ok(false);
        }
        save(&self.path, &make())?;
        self.last_saved = Some(t);
        Ok(true)
    }

    /// Saves the final record now.
    pub fn finish(&mut self, record: &SessionRecord) -> std::io::Result<()> {
        save(&self.path, record)?;
        self.last_saved = Some(record.duration);
        Ok(())
    }
}

/// Seconds since the Unix epoch as an RFC 3339 UTC timestamp
/// (`2025-03-01T09:30:00Z`), without a date library.
pub fn rfc3339_utc(unix_secs: u64) -> String {
    let days = (unix_secs / 86_400) as i64;
    let secs = unix_secs % 86_400;
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// The current wall-clock time as RFC 3339 UTC.
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    rfc3339_utc(secs)
}

/// SHA-256 of some bytes as lowercase hex (scenario and policy hashes).
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Lang;
    use crate::events::{EndReason, Event, EventKind, EventLog};
    use crate::session::TrackSample;

    fn record() -> SessionRecord {
        SessionRecord {
            format: FORMAT_VERSION,
            trainee: "cadet 7".into(),
            scenario: "traffic_stop_low".into(),
            scenario_hash: sha256_hex(b"x"),
            policy: "generic".into(),
            policy_hash: sha256_hex(b"y"),
            seed: 3,
            lang: Lang::Ru,
            started_at: rfc3339_utc(0),
            duration: 12.5,
            end: Some(EndReason::TimeLimit),
            events: EventLog(vec![
                Event {
                    tick: 0,
                    kind: EventKind::Started {
                        scenario: "traffic_stop_low".into(),
                        seed: 3,
                        kind: None,
                        risk: None,
                        objectives: vec!["interview".into()],
                        optional: Vec::new(),
                        labels: Default::default(),
                    },
                    ctx: None,
                },
                Event {
                    tick: 750,
                    kind: EventKind::Ended {
                        reason: EndReason::TimeLimit,
                    },
                    ctx: Some(Default::default()),
                },
            ]),
            track: vec![TrackSample {
                tick: 0,
                actors: vec![("trainee".into(), (1.0, 2.5), 90.0)],
            }],
            score: None,
        }
    }

    fn tmp(name: &str) -> PathBuf {
        // One folder per test: tests run in parallel.
        let dir = std::env::temp_dir().join(format!("forcesim-io-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir.join(name)
    }

    #[test]
    fn round_trip() {
        let p = tmp("round.ron");
        let r = record();
        save(&p, &r).unwrap();
        assert_eq!(load(&p).unwrap(), r);
        // No temporary file left behind.
        let leftovers: Vec<_> = std::fs::read_dir(p.parent().unwrap())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn truncated_files_are_errors_not_panics() {
        let text = to_ron(&record()).unwrap();
        let p = Path::new("s.ron");
        for cut in 0..text.len() {
            if !text.is_char_boundary(cut) {
                continue;
            }
            let e = parse(p, &text[..cut]).expect_err("a truncated record must not load");
            assert!(e.to_string().starts_with("s.ron:"), "{e}");
        }
    }

    #[test]
    fn newer_format_says_so() {
        let text = to_ron(&record())
            .unwrap()
            .replacen("format: 3,", "format: 99,", 1);
        let e = parse(Path::new("s.ron"), &text).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().contains("newer"), "{e}");
        assert!(e.to_string().contains("99"), "{e}");
    }

    /// A record written by the build before the catalogues (format 1, its
    /// card as English text) still loads: the log is kept and the card is
    /// made again from it, the same card a fresh run gives.
    #[test]
    fn format_1_records_are_migrated() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/sessions/format1_traffic_stop_low.ron");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("format: 1,"));
        let r = parse(&path, &text).unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(r.format, FORMAT_VERSION);
        assert_eq!(r.scenario, "traffic_stop_low");
        let card = r.score.as_ref().expect("re-scored");
        let p = crate::policy::load_by_id_or_path("generic").unwrap();
        assert_eq!(card, &crate::scoring::score(&r.events, &p.policy));
        // Written back, it is a current record with the same log and card.
        let again = parse(&path, &to_ron(&r).unwrap()).unwrap();
        assert_eq!((&again.events, &again.score), (&r.events, &r.score));
        // A broken format 1 record is still a positioned error.
        let cut = &text[..text.len() / 2];
        assert!(parse(&path, cut).unwrap_err().to_string().contains(".ron:"));
    }

    /// A format 2 record (from `forcesim run traffic_stop_low --bot
    /// by_the_book --seed 1`, before compact records) still reads; written
    /// again it is format 3, and that reads back to the same log and card.
    #[test]
    fn format_2_sample_reads_and_writes_as_format_3() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/sessions/format2_traffic_stop_low.ron");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("format: 2,"));
        let r = parse(&path, &text).unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(r.scenario, "traffic_stop_low");
        assert!(r.end.is_some() && !r.track.is_empty());
        assert!(r.score.as_ref().is_some_and(|c| !c.findings.is_empty()));
        let again = to_ron(&r).unwrap();
        assert!(again.contains("format: 3,"));
        let back = parse(&path, &again).unwrap();
        assert_eq!((&back.events, &back.score), (&r.events, &r.score));
        // Read and written again, it is the same session again.
        let twice = parse(&path, &to_ron(&back).unwrap()).unwrap();
        assert_eq!((&twice.events, &twice.score), (&r.events, &r.score));
    }

    /// Broken compact parts are positioned errors: a change to a context
    /// that is not there, a person without keys, crowd labels run
    /// backwards, a track asking for billions of samples.
    #[test]
    fn broken_compact_records_are_positioned_errors() {
        let text = to_ron(&record()).unwrap();
        let cases = [
            (text.replacen("ctx: full(", "ctx: delta(", 1), "context"),
            (text.replacen("keys: [(0,", "keys: [(7,", 1), "key sample"),
            (
                text.replacen(
                    "    events: [",
                    "    member_labels: [(\"rally\", 5, 1)],\n    events: [",
                    1,
                ),
                "crowd labels",
            ),
            (
                text.replacen("(0, 0, 1)", "(0, 1, 4000000000)", 1),
                "the limit",
            ),
        ];
        for (broken, says) in cases {
            assert_ne!(broken, text, "{says}");
            let e = parse(Path::new("s.ron"), &broken).unwrap_err().to_string();
            assert!(e.starts_with("s.ron:") && e.contains(says), "{e}");
        }
    }

    #[test]
    fn the_version_is_read_from_the_first_field() {
        assert_eq!(
            leading_format("(\n    format: 2,\n    trainee: \"x\")"),
            Some(2)
        );
        assert_eq!(leading_format("// a note\n(format: 17)"), Some(17));
        assert_eq!(leading_format("(trainee: \"x\", format: 2)"), None);
        assert_eq!(leading_format("(format: 2x)"), None);
        assert_eq!(leading_format("(format: )"), None);
        assert_eq!(leading_format(""), None);
        // Not first: the lenient parse still finds it.
        let e = parse(Path::new("s.ron"), "(trainee: \"x\", format: 9)").unwrap_err();
        assert!(e.to_string().contains("newer"), "{e}");
    }

    #[test]
    fn field_position_skips_comments_and_strings() {
        let text = "// format: 3\n(trainee: \"format: 2\",\n  format: 1)";
        assert_eq!(position_of_field(text, "format"), (3, 3));
    }

    #[test]
    fn dates() {
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339_utc(1_735_689_599), "2024-12-31T23:59:59Z");
    }

    #[test]
    fn saver_saves_only_when_due() {
        let p = tmp("saver.ron");
        let mut s = SessionSaver::new(&p, 5.0);
        let mut built = 0;
        for step in 0..=24 {
            let t = step as f32 * 0.5;
            s.tick(t, || {
                built += 1;
                record()
            })
            .unwrap();
        }
        // Saved at 0, 5 and 10 s.
        assert_eq!(built, 3);
        assert!(load(&p).is_ok());
    }
}
