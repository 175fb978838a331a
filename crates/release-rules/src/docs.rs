//! Rule documentation as Markdown, generated from the rules' `///` docs: one page per
//! rule (`docs/rules/<CODE>.md`) and an index (`docs/rules/README.md`).

use std::fmt::Write;

use crate::registry;
use crate::rule::RuleMeta;

/// The rule's docs as written in its `///` comments, without the one space each line
/// of a doc comment starts with, and with a blank line after each heading (outside
/// code blocks), as Markdown linters want.
fn docs_text(meta: &RuleMeta) -> String {
    let lines: Vec<&str> = meta
        .docs
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut in_code = false;
    for (i, line) in lines.iter().enumerate() {
        out.push(*line);
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        let next_is_text = lines.get(i + 1).is_some_and(|n| !n.trim().is_empty());
        if !in_code && line.starts_with('#') && next_is_text {
            out.push("");
        }
    }
    out.join("\n").trim().to_owned()
}

/// The page of one rule: its code and name as title, a line with its family, default
/// severity and when it applies, then its docs.
#[must_use]
pub fn rule_markdown(meta: &RuleMeta) -> String {
    format!(
        "# {code} {name}\n\n\
         Family: {family} · Default severity: {severity} · {applies}\n\n\
         {summary}.\n\n{docs}\n",
        code = meta.code,
        name = meta.name,
        family = meta.family.as_str(),
        severity = meta.severity,
        applies = capitalized(&meta.applies()),
        summary = meta.summary,
        docs = docs_text(meta),
    )
}

/// `text` with its first letter upper-cased.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The index of every rule: a table with each code linked to its page.
#[must_use]
pub fn rules_index_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\n\
         Every rule of release-lint, generated from the rules' own docs. *Applies* says\n\
         when: a completeness rule is due from a stage on, the value, consistency, quality\n\
         and security rules check every filled value at every stage, and the history\n\
         rules (`RL7xx`) compare the documents of a run once all are read; *Severity* is\n\
         its default, which\n\
         [`[rules] severity`](../configuration.md#rules) changes.\n\n\
         | Code | Name | Family | Severity | Applies | Summary |\n\
         |---|---|---|---|---|---|\n",
    );
    for meta in registry::metas() {
        let _ = writeln!(
            out,
            "| [{code}]({code}.md) | `{name}` | {family} | {severity} | {applies} | {summary} |",
            code = meta.code,
            name = meta.name,
            family = meta.family.as_str(),
            severity = meta.severity,
            applies = meta.applies(),
            summary = meta.summary.replace('|', "\\|"),
        );
    }
    out
}
