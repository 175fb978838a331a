//! `release-lint`: lint Deployment & Release Process documents.

mod args;
mod commands;
mod input;

use std::io::ErrorKind;
use std::process::ExitCode;

use clap::Parser;

/// Exit status of a run, as the spec fixes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No error-severity finding.
    Clean,
    /// At least one finding that fails the run.
    Findings,
    /// The run itself failed.
    Failed,
}

fn main() -> ExitCode {
    let args = args::Args::parse();
    match commands::run(args) {
        Ok(Status::Clean) => ExitCode::SUCCESS,
        Ok(Status::Findings) => ExitCode::from(1),
        Ok(Status::Failed) => ExitCode::from(2),
        Err(err) => {
            // `release-lint … | head` closes our stdout: that is not a failure.
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("release-lint: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
