//! `release-lint completions SHELL`: a completion script for bash, zsh, fish, elvish or
//! PowerShell.

use anyhow::Result;
use clap::CommandFactory;

use crate::args::{Args, CompletionsArgs};
use crate::Status;

pub fn run(args: &CompletionsArgs) -> Result<Status> {
    // Generated into memory first: clap_complete panics when its writer fails, and a
    // closed pipe must end quietly.
    let mut script = Vec::new();
    clap_complete::generate(
        args.shell,
        &mut Args::command(),
        "release-lint",
        &mut script,
    );
    super::print(&String::from_utf8(script)?)?;
    Ok(Status::Clean)
}
