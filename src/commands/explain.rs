//! `release-lint explain [RULE]`: the documentation of a rule (or the index of all rules),
//! as Markdown, from the same text as `docs/rules/`.

use anyhow::{bail, Result};
use release_rules::{registry, RuleMeta};

use crate::args::ExplainArgs;
use crate::Status;

pub fn run(args: &ExplainArgs) -> Result<Status> {
    let text = match &args.rule {
        None => rules_index_markdown(),
        Some(wanted) => match registry::find(wanted) {
            Some(rule) => rule_markdown(rule.meta()),
            None => bail!("{wanted}: no rule has this code or name (see `release-lint rules`)"),
        },
    };
    let mut text = text.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    super::print(&text)?;
    Ok(Status::Clean)
}

// Stand-ins until `release_rules::docs` lands.
fn rule_markdown(meta: &RuleMeta) -> String {
    format!(
        "# {} ({})\n\n{}.\n\nDefault severity: {}. Applies from stage `{}`.\n\n{}",
        meta.code, meta.name, meta.summary, meta.severity, meta.since, meta.docs
    )
}

fn rules_index_markdown() -> String {
    let mut text = String::from(
        "# Rules\n\n| Code | Name | Severity | Since | Summary |\n|---|---|---|---|---|\n",
    );
    for m in registry::metas() {
        text.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            m.code, m.name, m.severity, m.since, m.summary
        ));
    }
    text
}
