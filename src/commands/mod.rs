//! One module per subcommand.

pub(crate) mod new;
pub(crate) mod notes;
mod parse;
pub(crate) mod schema;
pub(crate) mod template_vars;

use anyhow::Result;

use crate::args::{Args, Command};
use crate::Status;

/// Run the chosen subcommand.
pub fn run(args: Args) -> Result<Status> {
    match args.command {
        Command::Parse(a) => parse::run(&a),
        Command::New(a) => new::run(&a),
        Command::Notes(a) => notes::run(&a),
        Command::Template(c) => template_vars::run(&c),
        Command::Schema(c) => schema::run(&c),
    }
}
