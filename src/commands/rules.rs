//! `release-lint rules`: list every rule with its code, name, default severity, the stage
//! from which it applies, and what it reports (an opt-in rule marked so).

use std::fmt::Write as _;

use anyhow::Result;
use release_rules::registry;

use crate::args::{ListFormat, RulesArgs};
use crate::Status;

pub fn run(args: &RulesArgs) -> Result<Status> {
    let metas: Vec<_> = registry::metas().collect();
    let text = match args.format {
        ListFormat::Json => serde_json::to_string_pretty(&metas)? + "\n",
        ListFormat::Text => {
            let name_width = metas.iter().map(|m| m.name.len()).max().unwrap_or(0);
            let mut text = String::new();
            for m in &metas {
                let opt_in = if m.default { "" } else { " (opt-in)" };
                let _ = writeln!(
                    text,
                    "{}  {:<7}  {:<8}  {:<name_width$}  {}{opt_in}",
                    m.code,
                    m.severity.as_str(),
                    m.since.to_string(),
                    m.name,
                    m.summary
                );
            }
            text
        }
    };
    super::print(&text)?;
    Ok(Status::Clean)
}
