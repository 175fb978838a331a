//! One module per subcommand.

mod parse;

use anyhow::Result;

use crate::args::{Args, Command};
use crate::Status;

/// Run the chosen subcommand.
pub fn run(args: Args) -> Result<Status> {
    match args.command {
        Command::Parse(a) => parse::run(&a),
    }
}
