//! `canllaw user add NAME --role ROLE` (password from standard input).

use std::io::BufRead;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use super::{Cli, database_path, runtime};
use crate::auth::{Role, password, valid_user_name};
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
    },
    /// List users and their roles.
    List,
}

pub fn run(cli: &Cli, args: &Args) -> Result<ExitCode> {
    let store = SqliteStore::open(&database_path(&cli.data))?;
    match &args.command {
        UserCommand::Add { name, role } => {
            if !valid_user_name(name) {
                bail!("a user name is 2 to 64 letters, digits, '.', '-' or '_'");
            }
            let mut line = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut line)
                .context("reading the password from standard input")?;
            let password = line.trim_end_matches(['\r', '\n']);
            let hash = password::hash(password)?;
            let user = runtime()?.block_on(async {
                let user = store.create_user(name, *role, &hash).await?;
                store
                    .audit(
                        "cli",
                        "user.add",
                        &format!("{} as {}", user.name, user.role),
                    )
                    .await?;
                anyhow::Ok(user)
            })?;
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
