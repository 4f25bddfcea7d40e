//! `forcesim new --kind KIND --id ID [--lang L] [--out FILE]`: writes a
//! commented scenario of a kind to start from (see
//! [`crate::scenario::template`]). Exit 0 when written, 1 when the file
//! cannot be written or already exists, 2 for an unknown kind or a bad id.

use super::NewArgs;
use crate::diag::suggest::{one_of, suggest_then};
use crate::i18n::{self, Msg};
use crate::scenario::template;
use std::io::Write;
use std::process::ExitCode;

/// Whether `id` is a valid scenario id (as `check` requires).
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Runs `forcesim new`.
pub fn main(args: NewArgs) -> ExitCode {
    let lang = super::locale::resolve(args.lang);
    let say = |m: Msg| eprintln!("{}", i18n::render(lang, &m, &i18n::Labels::new()));
    let Some(kind) = template::kind_of(&args.kind) else {
        let kinds = template::kinds();
        say(Msg::new("cli-new-unknown-kind")
            .with("kind", args.kind.as_str())
            .with(
                "hint",
                suggest_then(
                    &args.kind,
                    kinds.iter().copied(),
                    Msg::new("cli-new-kinds").with("list", one_of(&kinds)),
                ),
            ));
        return ExitCode::from(2);
    };
    if !valid_id(&args.id) {
        say(Msg::new("cli-new-bad-id").with("id", args.id.as_str()));
        return ExitCode::from(2);
    }
    let text = template::render(kind, &args.id, lang);
    match &args.out {
        None => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Some(path) => {
            // create_new: an instructor's scenario is never overwritten.
            let written = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
                .and_then(|mut f| f.write_all(text.as_bytes()));
            match written {
                Ok(()) => {
                    say(Msg::new("cli-new-written").with("path", path.display().to_string()));
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    say(Msg::new("cli-new-cannot-write")
                        .with("path", path.display().to_string())
                        .with("reason", e.to_string()));
                    ExitCode::from(1)
                }
            }
        }
    }
}
