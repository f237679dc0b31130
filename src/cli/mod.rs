//! The `canllaw` command line: argument parsing and one module per command.
//! Commands print results on stdout and problems on stderr, and return the
//! process exit code.

mod check;
mod content;
mod eval;
mod eval_assistant;
mod index;
mod retention;
mod search;
mod seed_demo;
mod serve;
mod user;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::published::Published;
use crate::store::SqliteStore;

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
    /// Where the database and the index live.
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
    /// Measure the assistant on sentences
    /// (lang<TAB>sentence<TAB>intents<TAB>flags<TAB>adjustments), and
    /// cross-validate its classifier on the knowledge base's examples.
    EvalAssistant(eval_assistant::Args),
    /// Run the service: the public site, the adviser console and the JSON API.
    Serve(serve::Args),
    /// Replace the stored content with a knowledge-base folder.
    Import(content::ImportArgs),
    /// Write the stored content to a new folder in the knowledge-base format.
    Export(content::ExportArgs),
    /// Manage user accounts.
    User(user::Args),
    /// Add synthetic contact records, in both languages, for
    /// demonstrations and load tests.
    SeedDemo(seed_demo::Args),
    /// Anonymise contact records and delete audit entries and search
    /// counts past their retention period (see --keep-*-days).
    Purge(retention::PurgeArgs),
    /// Export every contact record about one person (subject access), as
    /// JSON, found by name, phone, e-mail address or reference.
    SubjectAccess(retention::SubjectArgs),
}

/// The database file under the data folder.
pub fn database_path(data: &Path) -> PathBuf {
    data.join("canllaw.db")
}

/// Opens the store under `--data`, filling it from `--knowledge` if empty.
pub(crate) async fn open_store(cli: &Cli) -> anyhow::Result<SqliteStore> {
    let store = SqliteStore::open(&database_path(&cli.data))?;
    if let Some(report) = crate::published::seed_if_empty(&store, &cli.knowledge).await? {
        eprintln!(
            "canllaw: filled the store from {} ({} files)",
            cli.knowledge.display(),
            report.added
        );
    }
    Ok(store)
}

/// A progress bar for index builds: drawn on a terminal, silent otherwise.
pub(crate) fn index_progress() -> (indicatif::ProgressBar, Box<dyn FnMut(usize, usize) + Send>) {
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("indexing {bar:30} {pos}/{len} documents")
            .expect("valid template"),
    );
    let handle = bar.clone();
    let progress = move |done: usize, total: usize| {
        handle.set_length(total as u64);
        handle.set_position(done as u64);
    };
    (bar, Box::new(progress))
}

/// Loads the published knowledge from the store (seeding it on first use)
/// and opens its index, building it first if it is missing or stale, or if
/// `force`.
pub(crate) fn open_published(cli: &Cli, force: bool) -> anyhow::Result<Published> {
    runtime()?.block_on(async {
        let store = open_store(cli).await?;
        let (bar, progress) = index_progress();
        let published = crate::published::load(&store, &cli.data, force, progress).await?;
        bar.finish_and_clear();
        if published.built && !published.problems.is_empty() {
            eprintln!(
                "canllaw: warning: {} problem(s) in the stored knowledge were skipped",
                published.problems.len()
            );
        }
        Ok(published)
    })
}

/// A tokio runtime for commands that use the store.
pub(crate) fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?)
}

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Check => check::run(&cli),
        Command::Index => index::run(&cli),
        Command::Search(args) => search::run(&cli, args),
        Command::Eval(args) => eval::run(&cli, args),
        Command::EvalAssistant(args) => eval_assistant::run(&cli, args),
        Command::Serve(args) => serve::run(&cli, args),
        Command::Import(args) => content::import(&cli, args),
        Command::Export(args) => content::export(&cli, args),
        Command::User(args) => user::run(&cli, args),
        Command::SeedDemo(args) => seed_demo::run(&cli, args),
        Command::Purge(args) => retention::purge(&cli, args),
        Command::SubjectAccess(args) => retention::subject_access(&cli, args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("canllaw: {e:#}");
            ExitCode::from(2)
        }
    }
}
