//! `release-lint server`: the language server, for editors (docs/editors.md).

use anyhow::Result;

use crate::args::ServerArgs;
use crate::Status;

pub fn run(_args: &ServerArgs) -> Result<Status> {
    crate::server::run()
}
