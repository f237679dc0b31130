//! `canllaw check`.

use std::process::ExitCode;

use anyhow::Result;

use super::Cli;
use crate::knowledge::{load_dir, validate::validate};

pub fn run(cli: &Cli) -> Result<ExitCode> {
    let mut loaded = load_dir(&cli.knowledge)?;
    loaded.problems.extend(validate(&loaded.kb));
    loaded.problems.sort();
    for p in &loaded.problems {
        println!("{p}");
    }
    let kb = &loaded.kb;
    let summary = format!(
        "{} articles, {} scripts, {} agencies, {} adjustments, {} flows, {} templates, {} forces, {} glossary terms",
        kb.articles.len(),
        kb.scripts.len(),
        kb.agencies.len(),
        kb.adjustments.len(),
        kb.flows.len(),
        kb.templates.len(),
        kb.forces.len(),
        kb.glossary.len()
    );
    if loaded.problems.is_empty() {
        eprintln!("ok: {summary}");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{} problem(s) in {summary}", loaded.problems.len());
        Ok(ExitCode::FAILURE)
    }
}
