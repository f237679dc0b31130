//! The `canllaw` binary: everything is in the library; this only starts it.

fn main() -> std::process::ExitCode {
    canllaw::cli::run()
}
