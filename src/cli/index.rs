//! `canllaw index`.

use std::process::ExitCode;

use anyhow::Result;

use super::{Cli, open_searcher};

pub fn run(cli: &Cli) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let (_, opened) = open_searcher(cli, true)?;
    let docs = opened.index.index.reader()?.searcher().num_docs();
    eprintln!(
        "indexed {docs} documents in {:.2?} into {}",
        started.elapsed(),
        opened.dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
