//! `canllaw search`.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Result;

use super::{Cli, open_published};
use crate::search::SearchParams;

/// Arguments of `canllaw search`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Language of the query: cy, en or auto (detect).
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// internal (everything an adviser may see) or public (the public page).
    #[arg(long, default_value = "internal")]
    pub audience: String,
    /// article, agency, script or any.
    #[arg(long, default_value = "any")]
    pub kind: String,
    /// Number of results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Print one JSON object instead of a list.
    #[arg(long)]
    pub json: bool,
    /// The query (several words need no quotes).
    #[arg(required = true, num_args = 1.., allow_hyphen_values = true)]
    pub query: Vec<String>,
}

pub fn run(cli: &Cli, args: &Args) -> Result<ExitCode> {
    let params = SearchParams {
        q: args.query.join(" "),
        lang: Some(args.lang.clone()),
        kind: Some(args.kind.clone()),
        limit: Some(args.limit.to_string()),
        audience: Some(args.audience.clone()),
    };
    let mut req = params.parse()?;
    // The whole query was typed: the last word is finished.
    req.prefix = false;
    let searcher = open_published(cli, false)?.searcher;
    let resp = searcher.search(&req)?;
    if args.json {
        println!("{}", serde_json::to_string(&resp)?);
        return Ok(ExitCode::SUCCESS);
    }
    if resp.hits.is_empty() {
        println!("no results ({})", resp.lang);
        return Ok(ExitCode::SUCCESS);
    }
    let tty = std::io::stdout().is_terminal();
    for (i, h) in resp.hits.iter().enumerate() {
        println!(
            "{:>2}. {} [{} · {} · {}] {:.2}",
            i + 1,
            h.title,
            h.kind,
            h.id,
            h.lang,
            h.score
        );
        println!("    {}", render_snippet(&h.snippet, tty));
    }
    Ok(ExitCode::SUCCESS)
}

/// Turns the HTML snippet into terminal text: bold matches on a terminal,
/// `[match]` otherwise.
fn render_snippet(html: &str, tty: bool) -> String {
    let (open, close) = if tty {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    html.replace("<mark>", open)
        .replace("</mark>", close)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
