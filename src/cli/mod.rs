//! The `canllaw` command line: argument parsing and one module per command.
//! Commands print results on stdout and problems on stderr, and return the
//! process exit code.

mod check;
mod eval;
mod index;
mod search;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Bilingual Welsh/English guidance for contact-centre advisers.
#[derive(Debug, Parser)]
#[command(name = "canllaw", version, about, long_about = None)]
pub struct Cli {
    /// The knowledge base folder.
    #[arg(
        long,
        global = true,
        env = "CANLLAW_KNOWLEDGE",
        default_value = "knowledge"
    )]
    pub knowledge: PathBuf,
    /// Where the index (and later the database) live.
    #[arg(long, global = true, env = "CANLLAW_DATA", default_value = "data")]
    pub data: PathBuf,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the knowledge base; print every problem as path:line: message.
    Check,
    /// Rebuild the search index from the knowledge base.
    Index,
    /// Run one search, with the same code the service uses.
    Search(search::Args),
    /// Measure search quality on a query set (lang<TAB>query<TAB>ids).
    Eval(eval::Args),
}

/// Opens the search index for the knowledge base, building it first (with a
/// progress bar on a terminal) if it is missing or stale, or if `force`.
pub(crate) fn open_searcher(
    cli: &Cli,
    force: bool,
) -> anyhow::Result<(crate::search::Searcher, crate::index::Opened)> {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("indexing {bar:30} {pos}/{len} documents")
            .expect("valid template"),
    );
    let mut progress = |done: usize, total: usize| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    };
    let opened = crate::index::open_or_build(&cli.knowledge, &cli.data, force, &mut progress)?;
    bar.finish_and_clear();
    if opened.built && !opened.problems.is_empty() {
        eprintln!(
            "canllaw: warning: {} problem(s) in the knowledge base were skipped; run `canllaw check`",
            opened.problems.len()
        );
    }
    let searcher = crate::search::Searcher::new(opened.index.clone())?;
    Ok((searcher, opened))
}

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Check => check::run(&cli),
        Command::Index => index::run(&cli),
        Command::Search(args) => search::run(&cli, args),
        Command::Eval(args) => eval::run(&cli, args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("canllaw: {e:#}");
            ExitCode::from(2)
        }
    }
}
