//! `release-lint template vars`: the variables a template reads.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use release_gen::Template;

use crate::Status;

/// Subcommands of `release-lint template`.
#[derive(Debug, Subcommand)]
pub enum TemplateCommand {
    /// List the variables a template reads, one per line (the embedded template's
    /// without FILE).
    Vars {
        /// A minijinja template; the embedded default template when left out.
        file: Option<PathBuf>,
    },
}

pub fn run(command: &TemplateCommand) -> Result<Status> {
    let TemplateCommand::Vars { file } = command;
    let template = match file {
        Some(path) => Template::load(path)?,
        None => Template::embedded(),
    };
    let mut out = std::io::stdout().lock();
    for name in template.variables()? {
        writeln!(out, "{name}")?;
    }
    out.flush()?;
    Ok(Status::Clean)
}
