//! `release-lint man`: the man page, in roff, generated from the same definitions as
//! `--help` (`release-lint man > release-lint.1`).

use anyhow::Result;
use clap::CommandFactory;

use crate::args::Args;
use crate::Status;

pub fn run() -> Result<Status> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Args::command()).render(&mut page)?;
    super::print(&String::from_utf8(page)?)?;
    Ok(Status::Clean)
}
