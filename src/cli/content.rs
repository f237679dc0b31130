//! `canllaw import DIR` and `canllaw export DIR`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::{Cli, database_path, runtime};
use crate::store::{SqliteStore, Store, export_dir};

/// Arguments of `canllaw import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// A folder in the knowledge-base format (like `knowledge/`).
    pub dir: PathBuf,
}

/// Arguments of `canllaw export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// A new or empty folder to write to.
    pub dir: PathBuf,
}

pub fn import(cli: &Cli, args: &ImportArgs) -> Result<ExitCode> {
    runtime()?.block_on(async {
        let store = SqliteStore::open(&database_path(&cli.data))?;
        let report = crate::published::import(&store, &args.dir, "import").await?;
        eprintln!(
            "imported {}: {} added, {} changed, {} removed, {} unchanged",
            args.dir.display(),
            report.added,
            report.changed,
            report.removed,
            report.unchanged
        );
        Ok(ExitCode::SUCCESS)
    })
}

pub fn export(cli: &Cli, args: &ExportArgs) -> Result<ExitCode> {
    runtime()?.block_on(async {
        let store = super::open_store(cli).await?;
        let files = store.content().await?;
        export_dir(&files, &args.dir)?;
        eprintln!("exported {} files to {}", files.len(), args.dir.display());
        Ok(ExitCode::SUCCESS)
    })
}
