//! Project tasks, run as `cargo xtask <task>` (the cargo-xtask convention:
//! plain Rust, no extra tools).
//!
//! * `cargo xtask test`: installs what the tests need when it is missing
//!   (Debian's chromium, chromium-driver, Node.js and npm; axe-core from the
//!   lock file; rustfmt and clippy), then runs the format check, clippy with
//!   warnings as errors, `canllaw check`, every test (browser tests
//!   included) and a build of the benchmarks. CI runs exactly this.
//! * `cargo xtask setup`: only the installing part.
//!
//! Arguments after `--` go to `cargo test` (`cargo xtask test -- --test http`).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Debian packages the build and the browser tests need, by the command
/// each provides (`make` builds jemalloc, the service's allocator).
const SYSTEM_PACKAGES: &[(&str, &str)] = &[
    ("make", "make"),
    ("chromium", "chromium"),
    ("chromedriver", "chromium-driver"),
    ("node", "nodejs"),
    ("npm", "npm"),
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((task, rest)) => (task.as_str(), rest),
        None => ("help", &[][..]),
    };
    let test_args: Vec<String> = match rest.iter().position(|a| a == "--") {
        Some(at) => rest[at + 1..].to_vec(),
        None => Vec::new(),
    };
    let result = match task {
        "setup" => setup(),
        "test" => setup().and_then(|()| test(&test_args)),
        _ => {
            eprintln!(
                "usage: cargo xtask <task>\n\n  setup   install what the tests need (system packages, axe-core, rustfmt, clippy)\n  test    setup, then format check, clippy, `canllaw check`, every test, benchmarks build\n          (arguments after `--` go to `cargo test`)"
            );
            return if task == "help" || task == "--help" {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

type Result<T> = std::result::Result<T, String>;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}

fn step(title: &str) {
    println!("== {title}");
}

/// Runs a command in the repository, failing with its name if it fails.
fn run(program: &str, args: &[&str]) -> Result<()> {
    run_in(&root(), program, args)
}

fn run_in(dir: &Path, program: &str, args: &[&str]) -> Result<()> {
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .status()
        .map_err(|e| format!("could not start `{program}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// Whether `program` answers `--version`.
fn works(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Installs what is missing. Nothing is downloaded at test time: the
/// browser is Debian's, axe-core comes from the lock file.
fn setup() -> Result<()> {
    step("system packages");
    let missing: Vec<&str> = SYSTEM_PACKAGES
        .iter()
        .filter(|(command, _)| !works(command, &["--version"]))
        .map(|(_, package)| *package)
        .collect();
    if missing.is_empty() {
        println!("chromium, chromium-driver, nodejs and npm are installed");
    } else {
        if !works("apt-get", &["--version"]) {
            return Err(format!(
                "these Debian packages are needed and apt-get is not available: {}",
                missing.join(" ")
            ));
        }
        let sudo: &[&str] = if is_root() { &[] } else { &["sudo"] };
        let apt = |args: &[&str]| -> Result<()> {
            let mut all: Vec<&str> = sudo.to_vec();
            all.push("apt-get");
            all.extend_from_slice(args);
            let status = Command::new(all[0])
                .args(&all[1..])
                .env("DEBIAN_FRONTEND", "noninteractive")
                .status()
                .map_err(|e| format!("could not start apt-get: {e}"))?;
            if status.success() {
                Ok(())
            } else {
                Err(format!("`{}` failed ({status})", all.join(" ")))
            }
        };
        println!("installing {}", missing.join(" "));
        apt(&["update", "-qq"])?;
        let mut install = vec!["install", "-y", "-qq", "--no-install-recommends"];
        install.extend(&missing);
        apt(&install)?;
    }
    run("chromium", &["--version"])?;
    run("chromedriver", &["--version"])?;

    step("accessibility checker (axe-core, pinned by tests/a11y/package-lock.json)");
    let a11y = root().join("tests/a11y");
    if a11y.join("node_modules/axe-core/axe.min.js").is_file() {
        println!("axe-core is installed");
    } else {
        run_in(&a11y, "npm", &["ci", "--no-audit", "--no-fund"])?;
    }

    step("rustfmt and clippy");
    let have = |tool: &str| works("cargo", &[tool, "--version"]);
    if !have("fmt") || !have("clippy") {
        if works("rustup", &["--version"]) {
            run("rustup", &["component", "add", "rustfmt", "clippy"])?;
        } else {
            return Err("rustfmt and clippy are missing and rustup is not available".into());
        }
    }
    Ok(())
}

/// Every check CI runs, in order, stopping at the first failure.
fn test(test_args: &[String]) -> Result<()> {
    step("format");
    run("cargo", &["fmt", "--all", "--", "--check"])?;
    step("lint");
    run(
        "cargo",
        &[
            "clippy",
            "--locked",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    step("knowledge base");
    run("cargo", &["run", "--locked", "--quiet", "--", "check"])?;
    step("tests");
    let mut args = vec!["test", "--locked"];
    if !test_args.is_empty() {
        args.extend(test_args.iter().map(String::as_str));
    }
    run("cargo", &args)?;
    step("benchmarks compile");
    run("cargo", &["bench", "--locked", "--no-run"])?;
    Ok(())
}
