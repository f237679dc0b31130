//! `canllaw seed-demo --contacts N`: fills the store with synthetic contact
//! records (see [`crate::contacts::demo`]) handled by demonstration
//! advisers, who cannot sign in.

use std::process::ExitCode;

use anyhow::Result;

use super::{Cli, open_published, open_store, runtime};
use crate::auth::Role;
use crate::contacts::demo::{DemoMatter, DemoPlan, generate};
use crate::store::{SqliteStore, Store};

/// Arguments of `canllaw seed-demo`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many contacts to add.
    #[arg(long, default_value_t = 5_000)]
    contacts: usize,
    /// Spread over this many days, ending today.
    #[arg(long, default_value_t = 90)]
    days: u32,
    /// The same seed gives the same records.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// The demonstration advisers: login name and the name letters carry.
const ADVISERS: &[(&str, &str)] = &[
    ("demo-anwen", "Anwen Pryce"),
    ("demo-bryn", "Bryn Hughes"),
    ("demo-catrin", "Catrin Lloyd"),
    ("demo-dafydd", "Dafydd Rees"),
    ("demo-emily", "Emily Carter"),
    ("demo-farah", "Farah Ahmed"),
    ("demo-gethin", "Gethin Owen"),
    ("demo-hannah", "Hannah Price"),
    ("demo-ieuan", "Ieuan Jenkins"),
    ("demo-joanne", "Joanne Walsh"),
];

/// Records go to the store in batches this large, one transaction each.
const BATCH: usize = 2_000;

pub fn run(cli: &Cli, args: &Args) -> Result<ExitCode> {
    let published = open_published(cli, false)?;
    runtime()?.block_on(async {
        let store = open_store(cli).await?;
        let mut advisers = Vec::new();
        for (name, full_name) in ADVISERS {
            let user = match store.user_by_name(name).await? {
                Some(u) => u,
                // "!" is no password hash: nobody can sign in as them.
                None => store.create_user(name, Role::Adviser, "!").await?,
            };
            store.set_user_full_name(user.id, full_name).await?;
            advisers.push((user.id, full_name.to_string()));
        }
        let matter = DemoMatter::for_today(crate::i18n::uk_today());
        publish_matter(&store, &matter).await?;
        let plan = DemoPlan {
            contacts: args.contacts,
            days: args.days,
            today: crate::i18n::uk_today(),
            seed: args.seed,
            advisers,
            matter: Some(matter),
        };
        let records = generate(&published.kb, &plan);
        let bar = indicatif::ProgressBar::new(records.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "adding demo contacts {bar:30} {pos}/{len} ({eta} left)",
            )
            .expect("valid template"),
        );
        let mut records = records.into_iter().peekable();
        while records.peek().is_some() {
            let batch: Vec<_> = records.by_ref().take(BATCH).collect();
            let n = batch.len() as u64;
            store.insert_contacts(batch).await?;
            bar.inc(n);
        }
        bar.finish_and_clear();
        store
            .audit(
                "canllaw",
                "demo.seed",
                &format!("{} contacts over {} days", args.contacts, args.days),
            )
            .await?;
        eprintln!(
            "canllaw: added {} demonstration contacts over {} days (seed {})",
            args.contacts, args.days, args.seed
        );
        Ok(ExitCode::SUCCESS)
    })
}

/// Publishes the demonstration matter unless it is there already (a second
/// run keeps the first one's dates, and an editor's changes).
async fn publish_matter(store: &SqliteStore, matter: &DemoMatter) -> Result<()> {
    let path = matter.path();
    if store.content_file(&path).await?.is_some() {
        return Ok(());
    }
    let mut files = store.content().await?;
    files.push(crate::store::ContentFile {
        path: path.clone(),
        text: matter.file_text(),
    });
    store.replace_content(files, "canllaw seed-demo").await?;
    eprintln!("canllaw: published the demonstration matter {path}");
    Ok(())
}
