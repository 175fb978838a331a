//! `release-lint schema values`: the JSON Schema of `new`'s values files.

use std::io::Write;

use anyhow::Result;
use clap::Subcommand;

use crate::Status;

/// Subcommands of `release-lint schema`.
#[derive(Debug, Subcommand)]
pub enum SchemaCommand {
    /// The JSON Schema of values files (`release-lint new --values`); checked in as
    /// `docs/values.schema.json`.
    Values,
}

pub fn run(command: &SchemaCommand) -> Result<Status> {
    let SchemaCommand::Values = command;
    let text = serde_json::to_string_pretty(&release_gen::values_schema())? + "\n";
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(Status::Clean)
}
