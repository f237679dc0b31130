//! `canllaw user add NAME --role ROLE` (password from standard input).

use std::io::BufRead;
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::{Cli, database_path, runtime};
use crate::auth::{Role, add_user};
use crate::store::{SqliteStore, Store};

/// Arguments of `canllaw user`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: UserCommand,
}

#[derive(Debug, clap::Subcommand)]
enum UserCommand {
    /// Create a user; the password is read from the first line of stdin.
    Add {
        /// Login name (letters, digits, '.', '-' and '_').
        name: String,
        /// adviser, editor, manager or admin.
        #[arg(long)]
        role: Role,
        /// The name letters are signed with, such as "Siân Jones".
        #[arg(long)]
        full_name: Option<String>,
    },
    /// List users and their roles.
    List,
}

pub fn run(cli: &Cli, args: &Args) -> Result<ExitCode> {
    let store = SqliteStore::open(&database_path(&cli.data))?;
    match &args.command {
        UserCommand::Add {
            name,
            role,
            full_name,
        } => {
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .context("reading the password from standard input")?;
            let password = line.trim_end_matches(['\r', '\n']).to_string();
            let rt = runtime()?;
            let user = rt.block_on(add_user(&store, "cli", name, *role, password))?;
            if let Some(full_name) = full_name {
                rt.block_on(crate::auth::set_full_name(&store, "cli", &user, full_name))?;
            }
            eprintln!("created {} ({})", user.name, user.role);
        }
        UserCommand::List => {
            for u in runtime()?.block_on(store.users())? {
                let state = if u.disabled { " (disabled)" } else { "" };
                println!("{}\t{}{state}", u.name, u.role);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
