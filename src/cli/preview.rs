//! `forcesim preview FILE`: the scenario's map in a window, every id
//! labelled, reloaded on save (see `game::preview`). The file's `check`
//! errors are printed (and shown in the window); the window opens anyway,
//! so that the author can fix the file while watching it.

use super::PreviewArgs;
use crate::game::preview::{self, PreviewOptions};
use crate::i18n::{self, Labels, Msg};
use std::process::ExitCode;

/// Runs `forcesim preview`.
pub fn main(args: PreviewArgs) -> ExitCode {
    let lang = super::locale::resolve(args.lang);
    let say = |m: Msg| i18n::render(lang, &m, &Labels::new());
    let Some(path) = crate::scenario::resolve(&args.file) else {
        let m = Msg::new("run-no-scenario").with("scenario", args.file.as_str());
        eprintln!("forcesim preview: {}", say(m));
        return ExitCode::from(2);
    };
    if let Err(errors) = crate::scenario::check_file(&path) {
        for d in &errors {
            eprintln!("{}", d.render(lang));
        }
    }
    if let Some(why) = super::play::no_display(lang) {
        eprintln!("forcesim preview: {why}");
        return ExitCode::FAILURE;
    }
    preview::run(PreviewOptions {
        path,
        lang,
        screenshot: args.screenshot,
        resolution: (1280, 720),
    })
}
