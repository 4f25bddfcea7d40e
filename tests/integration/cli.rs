//! Running the `forcesim` binary from tests, the one way every module does.

use std::path::Path;
use std::process::Command;

/// `forcesim ARGS` in the repository root: (exit code, stdout, stderr).
pub fn forcesim(args: &[&str]) -> (i32, String, String) {
    forcesim_at(args, Path::new(env!("CARGO_MANIFEST_DIR")))
}

/// `forcesim ARGS` run in `cwd`. English whatever the machine's locale: the
/// tests compare English texts.
pub fn forcesim_at(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_forcesim"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run forcesim");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `forcesim ARGS` in the repository root with no display and only the given
/// locale variables: (exit code, stderr). For the errors told before a window opens.
pub fn forcesim_without_display(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_forcesim"));
    cmd.args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run forcesim");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
