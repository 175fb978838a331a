//! The `release-lint` command line. The binary (`main.rs`) only calls [`main`]; the
//! library exists so that benchmarks can reach the renderers.

mod args;
mod baseline;
mod commands;
mod config;
mod files;
mod history;
mod input;
mod mask;
pub mod output;
#[doc(hidden)]
pub mod properties;
#[doc(hidden)]
pub mod server;
mod sink;
mod write;

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use clap::Parser;

/// Exit status of a run, as the spec fixes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// No finding that fails the run (exit 0).
    Clean,
    /// At least one finding that fails the run (exit 1).
    Findings,
    /// The run itself failed (exit 2).
    Failed,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> Self {
        match status {
            Status::Clean => ExitCode::SUCCESS,
            Status::Findings => ExitCode::from(1),
            Status::Failed => ExitCode::from(2),
        }
    }
}

/// Parse the arguments, run the command, and turn the result into an exit status:
/// 0/1/2. `check` writes through a closed standard output (`release-lint check | head`)
/// quietly and still exits with the status its findings give; for the other commands a
/// closed standard output counts as success.
#[must_use]
pub fn main() -> ExitCode {
    let args = args::Args::parse();
    match commands::run(args) {
        Ok(status) => status.into(),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // Not `eprintln!`, which panics when standard error cannot be written (a
            // redirection to a file on a full disk).
            let _ = writeln!(std::io::stderr(), "release-lint: error: {err:#}");
            Status::Failed.into()
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == ErrorKind::BrokenPipe)
    })
}
