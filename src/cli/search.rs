use std::process::ExitCode;
use anyhow::Result;
use super::Cli;
#[derive(Debug, clap::Args)]
pub struct Args {}
pub fn run(_cli: &Cli, _a: &Args) -> Result<ExitCode> { todo!() }
