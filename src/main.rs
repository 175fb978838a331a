//! `release-lint`: lint Deployment & Release Process documents.

use std::process::ExitCode;

fn main() -> ExitCode {
    release_lint::main()
}
