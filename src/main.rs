//! The `forcesim` binary: see `forcesim --help`.

fn main() -> std::process::ExitCode {
    forcesim::cli::main()
}
