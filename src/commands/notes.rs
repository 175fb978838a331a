//! `release-lint notes`: a document's release notes as a Keep a Changelog section, its
//! secrets masked.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;

use crate::input::read_text;
use crate::mask;
use crate::Status;

/// Arguments of `release-lint notes`.
#[derive(Debug, clap::Args)]
pub struct NotesArgs {
    /// The release document, or `-` for standard input.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = NotesFormat::Md)]
    pub format: NotesFormat,
}

/// Formats of `release-lint notes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NotesFormat {
    /// A Keep a Changelog section in Markdown.
    Md,
    /// The same entries as JSON.
    Json,
}

pub fn run(args: &NotesArgs) -> Result<Status> {
    let source = read_text(&args.file)?;
    let doc = release_doc::parse(&source).value;
    let notes = release_gen::notes::release_notes(&doc);
    let text = match args.format {
        NotesFormat::Md => notes.to_markdown(),
        NotesFormat::Json => serde_json::to_string_pretty(&notes)? + "\n",
    };
    // Release notes go into changelogs: a secret of the document is never printed whole.
    let text = mask::masker(&source, []).mask(&text).into_owned();
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(Status::Clean)
}
