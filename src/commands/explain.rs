//! `release-lint explain [RULE]`: the documentation of a rule (or the index of all rules),
//! as Markdown, from the same text as `docs/rules/`.

use anyhow::{bail, Result};
use release_rules::docs::{rule_markdown, rules_index_markdown};
use release_rules::registry;

use crate::args::ExplainArgs;
use crate::Status;

pub fn run(args: &ExplainArgs) -> Result<Status> {
    let text = match &args.rule {
        None => rules_index_markdown(),
        Some(wanted) => match registry::find_meta(wanted) {
            Some(meta) => rule_markdown(meta),
            None => bail!("{wanted}: no rule has this code or name (see `release-lint rules`)"),
        },
    };
    let mut text = text;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    super::print(&text)?;
    Ok(Status::Clean)
}
