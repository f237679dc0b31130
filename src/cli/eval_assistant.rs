//! `canllaw eval-assistant`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::{Cli, open_published};
use crate::assistant::conversation::Engine;
use crate::assistant::eval::{self, Ratio};

/// Arguments of `canllaw eval-assistant`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Sentences: lang<TAB>sentence<TAB>intents<TAB>flags<TAB>adjustments.
    pub file: PathBuf,
    /// `phrases` (the phrase lists alone), `learned-intents` (the service's:
    /// learned intents, flags from the phrase rules), `learned` (flags from
    /// the rules or the classifier), or `all`.
    #[arg(long, default_value = "all", value_parser = ["phrases", "learned-intents", "learned", "all"])]
    pub engine: String,
    /// Folds for the cross-validation over the knowledge base's examples
    /// (0 to skip it).
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every sentence the assistant got wrong.
    #[arg(long, short)]
    pub verbose: bool,
}

fn pct(r: &Ratio) -> String {
    if r.total == 0 {
        "-".into()
    } else {
        format!("{:.3} ({}/{})", r.value(), r.hits, r.total)
    }
}

/// The most frequent wrong intents.
fn print_confusion(c: &eval::Confusion) {
    let worst = eval::worst(c, 8);
    if worst.is_empty() {
        return;
    }
    println!("      most confused (expected -> given, - for none or unsure):");
    for (want, got, n) in worst {
        println!("        {n:>3}  {want} -> {got}");
    }
}

pub fn run(cli: &Cli, args: &Args) -> Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let cases = eval::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let published = open_published(cli, false)?;
    let engines: Vec<(&str, Engine)> = Engine::ALL
        .into_iter()
        .filter(|(name, _)| args.engine == "all" || args.engine == *name)
        .collect();
    let mut json = serde_json::Map::new();
    for (name, engine) in engines {
        let report = eval::run(&published.kb, &published.searcher, &cases, engine);
        if args.json {
            json.insert(name.to_string(), serde_json::to_value(&report)?);
            continue;
        }
        println!("engine: {name}");
        for (lang, r) in &report.languages {
            println!("  {lang}  intent accuracy  {}", pct(&r.intent_accuracy));
            println!("      likeliest intent right {}", pct(&r.top_intent));
            println!("      unsure            {}", pct(&r.unsure));
            for (flag, recall) in &r.flag_recall {
                println!("      flag recall {flag:<24} {}", pct(recall));
            }
            println!("      adjustment recall {}", pct(&r.adjustment_recall));
            println!("      false-flag rate   {}", pct(&r.false_flags));
            println!("      false-need rate   {}", pct(&r.false_adjustments));
            print_confusion(&r.confusion);
        }
        if args.verbose {
            for m in &report.misses {
                println!("  miss [{}] {:?}: {}", m.lang, m.sentence, m.what);
            }
        }
    }
    if args.folds > 0 {
        let folds = eval::cross_validate(&published.kb, args.folds);
        if args.json {
            json.insert("cross_validation".into(), serde_json::to_value(&folds)?);
        } else {
            println!(
                "cross-validation over the knowledge base's examples ({} folds)",
                args.folds
            );
            for (lang, r) in &folds {
                println!("  {lang}  intent accuracy  {}", pct(&r.intent_accuracy));
                println!("      confident and right {}", pct(&r.confident_accuracy));
                for (flag, recall) in &r.flag_recall {
                    println!("      flag recall {flag:<24} {}", pct(recall));
                }
                println!(
                    "      intent examples raising a flag {}",
                    pct(&r.false_flags)
                );
                println!(
                    "      ordinary talk raising a flag {}",
                    pct(&r.ordinary_flagged)
                );
                println!(
                    "      ordinary talk given an intent {}",
                    pct(&r.ordinary_intent)
                );
                print_confusion(&r.confusion);
                let cells: Vec<String> = r
                    .intent_sweep
                    .iter()
                    .map(|(answered, right)| {
                        format!("{:.2}/{:.2}", answered.value(), right.value())
                    })
                    .collect();
                println!(
                    "      intent thresholds: answered / right when answered at {:?}",
                    eval::SWEEP
                );
                println!("        {}", cells.join(" "));
                println!(
                    "      flag thresholds: recall / false alarms at {:?}",
                    eval::SWEEP
                );
                for (flag, points) in &r.sweep {
                    let cells: Vec<String> = points
                        .iter()
                        .map(|(hit, alarm)| format!("{:.2}/{:.3}", hit.value(), alarm.value()))
                        .collect();
                    println!("        {flag:<24} {}", cells.join(" "));
                }
            }
        }
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&json)?);
    }
    Ok(ExitCode::SUCCESS)
}
