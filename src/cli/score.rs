//! `forcesim score SESSION [--policy P] [--lang L] [--json]`: re-scores a
//! recorded session from its event log alone. With the recorded policy (the
//! default) and language it reproduces the recorded card exactly; with another
//! policy it shows how the same decisions fare under other rules (say `kz`
//! instead of `us_iacp`). Exit 0 when scored (pass or fail alike), 1 for a
//! session or policy file that does not load, 2 for a usage error.

use super::ScoreArgs;
use crate::domain::Lang;
use std::process::ExitCode;

/// Runs `forcesim score`.
pub fn main(args: ScoreArgs) -> ExitCode {
    // Messages follow --lang or the locale; the card, --lang or the recorded language.
    let ui = super::locale::resolve(args.lang);
    let record = match crate::session::load(&args.session) {
        Ok(r) => r,
        Err(d) => {
            eprintln!("{}", d.render(ui));
            return ExitCode::from(1);
        }
    };
    let lang = args.lang.map_or(record.lang, Lang::from);
    let wanted = args.policy.clone().unwrap_or_else(|| record.policy.clone());
    let loaded = match crate::policy::load_by_id_or_path(&wanted) {
        Ok(p) => p,
        Err(ds) => {
            for d in ds {
                eprintln!("{}", d.render(ui));
            }
            return ExitCode::from(if crate::policy::exists(&wanted, None) {
                1
            } else {
                2
            });
        }
    };
    if args.policy.is_none()
        && crate::session::sha256_hex(loaded.source.as_bytes()) != record.policy_hash
    {
        let m = crate::i18n::Msg::new("cli-score-policy-changed").with("policy", wanted.as_str());
        eprintln!("{}", crate::i18n::render(ui, &m, &Default::default()));
    }
    let card = crate::scoring::score(&record.events, &loaded.policy);
    if args.json {
        match serde_json::to_string_pretty(&crate::scoring::render::card_view(&card, lang)) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("forcesim score: cannot write JSON: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        print!("{}", crate::scoring::render::card_text(&card, lang));
    }
    ExitCode::SUCCESS
}
