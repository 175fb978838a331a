//! Command-line arguments.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Lint Deployment & Release Process documents.
#[derive(Debug, Parser)]
#[command(name = "release-lint", version, about, propagate_version = true)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the typed model of a release document (and its structural problems).
    Parse(ParseArgs),
    /// Create a new release document from a template and values.
    New(crate::commands::new::NewArgs),
    /// Print a document's release notes as a Keep a Changelog section.
    Notes(crate::commands::notes::NotesArgs),
    /// Inspect templates (`template vars`).
    #[command(subcommand)]
    Template(crate::commands::template_vars::TemplateCommand),
    /// Print a JSON Schema (`schema values`).
    #[command(subcommand)]
    Schema(crate::commands::schema::SchemaCommand),
}

/// Arguments of `release-lint parse`.
#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    /// The document to parse, or `-` for standard input.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ModelFormat::Json)]
    pub format: ModelFormat,
}

/// Formats of `release-lint parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModelFormat {
    /// Pretty-printed JSON.
    Json,
    /// YAML.
    Yaml,
}
