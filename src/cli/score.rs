//! `forcesim score SESSION [--policy P] [--lang L] [--json]`: re-scores a
//! recorded session from its event log alone. With the recorded policy (the
//! default) and language it reproduces the recorded card exactly; with another
//! policy it shows how the same decisions fare under other rules (say `kz`
//! instead of `us_iacp`). Exit 0 when scored (pass or fail alike), 1 for a
//! session or policy file that does not load, 2 for a usage error.

use super::ScoreArgs;
use crate::diag::{Diagnostic, parse_ron, read_text};
use crate::domain::Lang;
use crate::session::{FORMAT_VERSION, SessionRecord};
use std::path::Path;
use std::process::ExitCode;

/// Runs `forcesim score`.
pub fn main(args: ScoreArgs) -> ExitCode {
    let record = match load_record(&args.session) {
        Ok(r) => r,
        Err(d) => {
            eprintln!("{d}");
            return ExitCode::from(1);
        }
    };
    let lang = match &args.lang {
        None => record.lang,
        Some(code) => match Lang::from_code(code) {
            Some(l) => l,
            None => {
                eprintln!("forcesim score: unknown language \"{code}\"; expected en, ru or kk");
                return ExitCode::from(2);
            }
        },
    };
    let wanted = args.policy.clone().unwrap_or_else(|| record.policy.clone());
    let Some(path) = crate::policy::resolve(&wanted) else {
        eprintln!(
            "forcesim score: no policy \"{wanted}\": give a policy file or an id in assets/policies/ (generic, us_iacp, kz)"
        );
        return ExitCode::from(2);
    };
    let loaded = match crate::policy::load(&path) {
        Ok(p) => p,
        Err(ds) => {
            for d in ds {
                eprintln!("{d}");
            }
            return ExitCode::from(1);
        }
    };
    if args.policy.is_none() && sha256_hex(&loaded.source) != record.policy_hash {
        eprintln!(
            "forcesim score: warning: {} changed since the session was recorded (hash differs); the card may differ from the recorded one",
            path.display()
        );
    }
    let card = crate::scoring::score(&record.events, &loaded.policy, lang);
    if args.json {
        match serde_json::to_string_pretty(&card) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("forcesim score: cannot write JSON: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        print!("{}", crate::scoring::render::card_text(&card));
    }
    ExitCode::SUCCESS
}

/// Loads a session record, with `FILE:LINE:COL` errors for a broken file and
/// a clear error for a format newer than this build.
pub fn load_record(path: &Path) -> Result<SessionRecord, Diagnostic> {
    let text = read_text(path)?;
    let record: SessionRecord = parse_ron(path, &text)?;
    if record.format > FORMAT_VERSION {
        return Err(Diagnostic::new(
            path,
            1,
            1,
            format!(
                "session format {} is newer than this build reads ({FORMAT_VERSION}); update forcesim",
                record.format
            ),
        ));
    }
    Ok(record)
}

/// SHA-256 of a text, as lowercase hex (the record's policy hash).
pub fn sha256_hex(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
