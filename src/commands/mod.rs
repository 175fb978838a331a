//! One module per subcommand.

mod check;
mod completions;
mod explain;
mod fix;
mod hook;
mod init;
mod man;
pub(crate) mod new;
mod new_credentials;
pub(crate) mod notes;
mod parse;
pub(crate) mod report;
mod rules;
pub(crate) mod schema;
mod server;
pub(crate) mod template_vars;

use anyhow::Result;

use crate::args::{Args, Command};
use crate::Status;

/// Run the chosen subcommand.
pub fn run(args: Args) -> Result<Status> {
    match args.command {
        Command::Check(a) => check::run(&a),
        Command::Fix(mut a) => {
            a.fix = true;
            check::run(&a)
        }
        Command::Parse(a) => parse::run(&a),
        Command::New(a) => new::run(&a),
        Command::Notes(a) => notes::run(&a),
        Command::Report(a) => report::run(&a),
        Command::Template(c) => template_vars::run(&c),
        Command::Schema(c) => schema::run(&c),
        Command::Rules(a) => rules::run(&a),
        Command::Explain(a) => explain::run(&a),
        Command::Init(a) => init::run(&a),
        Command::Hook(a) => hook::run(&a),
        Command::Completions(a) => completions::run(&a),
        Command::Man(a) => man::run(&a),
        Command::Server(a) => server::run(&a),
    }
}

/// Write `text` to standard output (a closed pipe surfaces as an error that `main`
/// treats as success).
fn print(text: &str) -> Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}
