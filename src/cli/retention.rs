//! `canllaw purge` and `canllaw subject-access`, and the retention periods
//! `serve` shares with `purge`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::{Cli, open_store, runtime};
use crate::retention::{Policy, Subject};

/// Days a period may be: up to a hundred years.
fn days() -> clap::builder::RangedU64ValueParser<u32> {
    clap::builder::RangedU64ValueParser::new().range(0..=36_500)
}

/// How long each kind of record is kept, in days (configuration).
#[derive(Debug, Clone, clap::Args)]
pub struct RetentionArgs {
    /// Keep a contact's personal data this many days after it ended.
    #[arg(long, env = "CANLLAW_KEEP_CONTACTS_DAYS", value_parser = days(), default_value_t = Policy::default().contacts)]
    pub keep_contacts_days: u32,
    /// The same for Report Line and whistleblowing contacts.
    #[arg(long, env = "CANLLAW_KEEP_RESTRICTED_DAYS", value_parser = days(), default_value_t = Policy::default().restricted_contacts)]
    pub keep_restricted_days: u32,
    /// Keep audit entries this many days.
    #[arg(long, env = "CANLLAW_KEEP_AUDIT_DAYS", value_parser = days(), default_value_t = Policy::default().audit)]
    pub keep_audit_days: u32,
    /// Keep the counts of searches this many days after last seen.
    #[arg(long, env = "CANLLAW_KEEP_SEARCHES_DAYS", value_parser = days(), default_value_t = Policy::default().searches)]
    pub keep_searches_days: u32,
}

impl RetentionArgs {
    /// The policy these set.
    pub fn policy(&self) -> Policy {
        Policy {
            contacts: self.keep_contacts_days,
            restricted_contacts: self.keep_restricted_days,
            audit: self.keep_audit_days,
            searches: self.keep_searches_days,
        }
    }
}

/// Arguments of `canllaw purge`.
#[derive(Debug, clap::Args)]
pub struct PurgeArgs {
    #[command(flatten)]
    retention: RetentionArgs,
    /// Show what would go, and change nothing.
    #[arg(long)]
    dry_run: bool,
}

/// `canllaw purge`: anonymises and deletes what is past retention.
pub fn purge(cli: &Cli, args: &PurgeArgs) -> Result<ExitCode> {
    runtime()?.block_on(async {
        let store = open_store(cli).await?;
        let counts = crate::retention::purge(
            &store,
            &args.retention.policy(),
            chrono::Utc::now(),
            args.dry_run,
            "canllaw purge",
        )
        .await?;
        let mut out = std::io::stdout().lock();
        let verb = if args.dry_run { "would anonymise" } else { "anonymised" };
        for (id, day) in &counts.contact_ids {
            writeln!(out, "{verb} contact {id} (started {day})")?;
        }
        let (verb, del) = if args.dry_run {
            ("Would anonymise", "would delete")
        } else {
            ("Anonymised", "deleted")
        };
        writeln!(
            out,
            "{verb} {} contacts and {} restricted contacts; {del} {} audit entries and {} search counts.",
            counts.contacts, counts.restricted_contacts, counts.audit_entries, counts.searches
        )?;
        Ok(ExitCode::SUCCESS)
    })
}

/// Arguments of `canllaw subject-access`: exactly one of the four.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("who").required(true).multiple(false)))]
pub struct SubjectArgs {
    /// The person's name.
    #[arg(long, group = "who")]
    name: Option<String>,
    /// Their phone number, in any layout.
    #[arg(long, group = "who")]
    phone: Option<String>,
    /// Their e-mail address.
    #[arg(long, group = "who")]
    email: Option<String>,
    /// A case reference.
    #[arg(long, group = "who")]
    reference: Option<String>,
    /// Write the export here instead of to standard output.
    #[arg(long, short)]
    out: Option<PathBuf>,
}

/// `canllaw subject-access`: every record about one person, as JSON.
pub fn subject_access(cli: &Cli, args: &SubjectArgs) -> Result<ExitCode> {
    let subject = match (&args.name, &args.phone, &args.email, &args.reference) {
        (Some(n), ..) => Subject::Name(n.clone()),
        (_, Some(p), ..) => Subject::Phone(p.clone()),
        (_, _, Some(e), _) => Subject::Email(e.clone()),
        (.., Some(r)) => Subject::Reference(r.clone()),
        _ => unreachable!("clap requires one"),
    };
    subject.validate()?;
    runtime()?.block_on(async {
        let store = open_store(cli).await?;
        // An operator at the machine sees every record.
        let records =
            crate::retention::subject_access(&store, "canllaw subject-access", subject, |_| true)
                .await?;
        let text = crate::retention::export(&records, chrono::Utc::now());
        match &args.out {
            Some(path) => std::fs::write(path, text)
                .with_context(|| format!("could not write {}", path.display()))?,
            None => print!("{text}"),
        }
        eprintln!("canllaw: {} record(s) found", records.len());
        Ok(ExitCode::SUCCESS)
    })
}
