//! `release-lint init [DIR]`: write a commented `release-lint.toml`; never replaces an
//! existing configuration.

use anyhow::{bail, Result};
use release_rules::config::{init_text, FILE_NAMES};

use crate::args::InitArgs;
use crate::write::{write_atomic, Replace};
use crate::Status;

pub fn run(args: &InitArgs) -> Result<Status> {
    if !args.dir.is_dir() {
        bail!("{}: no such directory", args.dir.display());
    }
    if let Some(existing) = FILE_NAMES
        .iter()
        .map(|name| args.dir.join(name))
        .find(|path| path.exists())
    {
        bail!(
            "{} already exists; not replacing it (remove it first to start again)",
            existing.display()
        );
    }
    let path = args.dir.join(FILE_NAMES[0]);
    write_atomic(&path, init_text().as_bytes(), Replace::Never, false)?;
    eprintln!("release-lint: wrote {}", path.display());
    Ok(Status::Clean)
}
