//! Copying text to the desktop's clipboard through a tool the system already
//! has (`wl-copy` on Wayland, `xclip` or `xsel` on X11): no clipboard crate
//! and no system package is added for it. Without one the text is only
//! printed (the preview always prints it).

use std::io::Write;
use std::process::{Command, Stdio};

/// The tools tried, in order: the program and its arguments.
const TOOLS: [(&str, &[&str]); 3] = [
    ("wl-copy", &[]),
    ("xclip", &["-selection", "clipboard"]),
    ("xsel", &["--clipboard", "--input"]),
];

/// Puts `text` on the clipboard; the name of the tool that took it, or
/// `None` when no tool is installed or none worked.
pub fn copy(text: &str) -> Option<&'static str> {
    let wayland = std::env::var_os("WAYLAND_DISPLAY").is_some_and(|v| !v.is_empty());
    TOOLS
        .iter()
        .filter(|(name, _)| wayland || *name != "wl-copy")
        .find_map(|(name, args)| try_tool(name, args, text).then_some(*name))
}

fn try_tool(name: &str, args: &[&str], text: &str) -> bool {
    let Ok(mut child) = Command::new(name)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    else {
        return false;
    };
    let wrote = child
        .stdin
        .take()
        .is_some_and(|mut stdin| stdin.write_all(text.as_bytes()).is_ok());
    // The tools fork to serve the selection and their first process exits
    // at once; waiting on it keeps no zombie behind.
    wrote && child.wait().is_ok_and(|s| s.success())
}
