//! `canllaw index`.
use std::process::ExitCode;
use anyhow::Result;
use super::Cli;
pub fn run(_cli: &Cli) -> Result<ExitCode> { todo!() }
