//! `canllaw index`.

use std::process::ExitCode;

use anyhow::Result;

use super::{Cli, open_published};

pub fn run(cli: &Cli) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let published = open_published(cli, true)?;
    eprintln!(
        "indexed {} documents in {:.2?} under {}",
        published.searcher.num_docs(),
        started.elapsed(),
        cli.data.join("index").display()
    );
    Ok(ExitCode::SUCCESS)
}
