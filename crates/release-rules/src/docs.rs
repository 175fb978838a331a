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
/// severity, when it applies and whether it fixes (see docs/fix.md), for an opt-in rule
/// a line that says how to turn it on, then its docs.
#[must_use]
pub fn rule_markdown(meta: &RuleMeta) -> String {
    let opt_in = meta
        .opt_in()
        .map_or_else(String::new, |line| format!("{line}.\n\n"));
    format!(
        "# {code} {name}\n\n\
         Family: {family} · Default severity: {severity} · {applies} · {fix}\n\n\
         {opt_in}{summary}.\n\n{docs}\n",
        code = meta.code,
        name = meta.name,
        family = meta.family.as_str(),
        severity = meta.severity,
        applies = capitalized(&meta.applies()),
        fix = capitalized(meta.fix_kind()),
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
         [`[rules] severity`](../configuration.md#rules) changes; *Fix* says whether\n\
         `release-lint fix` applies its fixes (safe) or only `--unsafe-fixes` does\n\
         (unsafe), see [fix.md](../fix.md). A rule marked *opt-in* is off by default:\n\
         it runs only when `select` or `extend-select` names it (its code, name, a prefix\n\
         of its code, or `ALL`).\n\n\
         | Code | Name | Family | Severity | Applies | Fix | Summary |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for meta in registry::metas() {
        let _ = writeln!(
            out,
            "| [{code}]({code}.md) | `{name}` | {family} | {severity} | {applies}{opt_in} | {fix} | {summary} |",
            code = meta.code,
            opt_in = if meta.default { "" } else { "; *opt-in*" },
            name = meta.name,
            family = meta.family.as_str(),
            severity = meta.severity,
            applies = meta.applies(),
            fix = meta.fix_kind(),
            summary = meta.summary.replace('|', "\\|"),
        );
    }
    out
}

/// The rule's fix in one sentence, for the `help:` line of a finding: the first sentence
/// of its docs' "How to fix" section, on one line, without the remarks in parentheses
/// that point at the docs' example (`(`12m` above)`).
#[must_use]
pub fn fix_line(meta: &RuleMeta) -> String {
    let docs = docs_text(meta);
    let section = docs
        .split_once("## How to fix")
        .map_or("", |(_, after)| after.split("\n#").next().unwrap_or(""));
    let text = section.split_whitespace().collect::<Vec<_>>().join(" ");
    let sentence = first_sentence(&text);
    without_example_remarks(sentence)
}

/// `text` up to the first `.` that ends a sentence: followed by white space or the end, and
/// outside code spans and parentheses.
fn first_sentence(text: &str) -> &str {
    let (mut code, mut depth) = (false, 0usize);
    for (i, c) in text.char_indices() {
        match c {
            '`' => code = !code,
            '(' if !code => depth += 1,
            ')' if !code => depth = depth.saturating_sub(1),
            '.' if !code
                && depth == 0
                && text[i + 1..].chars().next().is_none_or(char::is_whitespace) =>
            {
                return &text[..=i];
            }
            _ => {}
        }
    }
    text
}

/// `sentence` without each ` (… above)` remark.
fn without_example_remarks(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut rest = sentence;
    while let Some(open) = rest.find(" (") {
        let Some(close) = rest[open..].find(')').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        let remark = &rest[open..=close];
        if !remark.ends_with(" above)") {
            out.push_str(remark);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_one_sentence_fix() {
        for meta in registry::metas() {
            let fix = fix_line(meta);
            assert!(
                fix.len() > 10 && fix.len() <= 250 && fix.ends_with('.'),
                "{}: {fix:?}",
                meta.code
            );
            assert!(
                !fix.contains('\n') && !fix.contains("above"),
                "{}: {fix}",
                meta.code
            );
            assert_eq!(fix.matches('`').count() % 2, 0, "{}: {fix}", meta.code);
        }
    }

    #[test]
    fn an_opt_in_rule_says_how_to_turn_it_on() {
        let page = rule_markdown(registry::find("RL310").unwrap().meta());
        assert!(
            page.contains("\n\nOff by default: enable it with `--extend-select RL310`"),
            "{page}"
        );
        assert!(rules_index_markdown().contains("every stage; *opt-in* |"));
        let default = rule_markdown(registry::find("RL309").unwrap().meta());
        assert!(!default.contains("Off by default"));
    }

    #[test]
    fn the_fix_is_the_first_sentence_of_how_to_fix() {
        let fix = |code| fix_line(registry::find(code).unwrap().meta());
        assert_eq!(fix("RL205"), "Put the item back.");
        assert_eq!(
            fix("RL403"),
            "Write the Duration the times give, or correct the time that was mistyped."
        );
        assert_eq!(
            fix("RL302"),
            "Write the date as ISO 8601, year first: `2026-11-30`."
        );
    }
}
