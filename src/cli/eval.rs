//! `canllaw eval`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::{Cli, open_published};
use crate::assistant::guided;
use crate::search::eval::{self, LangMode};

/// Arguments of `canllaw eval`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Query set: lang<TAB>query<TAB>ids (comma-separated, any one relevant).
    pub file: PathBuf,
    /// `given`: search in the language the file gives; `auto`: detect it.
    #[arg(long, default_value = "given", value_parser = ["given", "auto"])]
    pub lang: String,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every query whose first hit is not relevant.
    #[arg(long, short)]
    pub verbose: bool,
}

pub fn run(cli: &Cli, args: &Args) -> Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let queries =
        eval::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let mode = if args.lang == "auto" {
        LangMode::Auto
    } else {
        LangMode::Given
    };
    let published = open_published(cli, false)?;
    let report = eval::run(
        |req| guided::search(&published.kb, &published.searcher, req),
        &queries,
        mode,
    )?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<4} {:>7} {:>6} {:>6} {:>7} {:>7}",
        "lang", "queries", "R@1", "R@3", "MRR@10", "nDCG@5"
    );
    for (lang, m) in &report.metrics {
        println!(
            "{:<4} {:>7} {:>6.3} {:>6.3} {:>7.3} {:>7.3}",
            lang, m.queries, m.recall_at_1, m.recall_at_3, m.mrr_at_10, m.ndcg_at_5
        );
    }
    if args.verbose {
        for r in report.results.iter().filter(|r| r.rank != Some(1)) {
            println!(
                "miss [{}→{}] {:?}: want {:?}, rank {:?}, got {:?}",
                r.lang,
                r.searched,
                r.query,
                r.relevant,
                r.rank,
                r.top.iter().take(3).collect::<Vec<_>>()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
