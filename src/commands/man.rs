//! `release-lint man [SUBCOMMAND]`: the man page, in roff, generated from the same
//! definitions as `--help` (`release-lint man > release-lint.1`, `release-lint man check >
//! release-lint-check.1`).

use anyhow::{bail, Result};
use clap::CommandFactory;

use crate::args::{Args, ManArgs};
use crate::Status;

pub fn run(args: &ManArgs) -> Result<Status> {
    let program = Args::command();
    let command = match &args.subcommand {
        None => program,
        Some(name) => match program.find_subcommand(name) {
            Some(sub) => {
                // clap names are `&'static str`; one page per run, so leaking is fine.
                let page: &'static str =
                    Box::leak(format!("release-lint-{}", sub.get_name()).into_boxed_str());
                sub.clone().name(page).version(env!("CARGO_PKG_VERSION"))
            }
            None => bail!("{name}: no such subcommand (see `release-lint --help`)"),
        },
    };
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    super::print(&String::from_utf8(page)?)?;
    Ok(Status::Clean)
}
