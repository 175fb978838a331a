//! Code actions on the findings under a range: each finding's fix (`quickfix`; an unsafe
//! one says so), every safe fix at once (`source.fixAll.release-lint`), and a suppression
//! comment for the finding's rule.

use std::collections::{HashMap, HashSet};

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Url, WorkspaceEdit,
};
use release_doc::Span;
use release_rules::{Applicability, Diagnostic, Edit, Fix};

use super::analysis::Checked;
use super::convert;
use super::position::Encoding;

/// The kind of the action that applies every safe fix.
pub fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.release-lint")
}

/// Whether the client's `only` filter lets actions of `kind` through: no filter, or a
/// kind equal to it or a parent of it (`source` for `source.fixAll.release-lint`).
fn wanted(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|k| {
            kind.as_str() == k.as_str()
                || kind
                    .as_str()
                    .strip_prefix(k.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

/// The actions for `range` of the checked document at `uri`.
pub fn actions(
    uri: &Url,
    checked: &Checked,
    range: Range,
    only: Option<&[CodeActionKind]>,
    encoding: Encoding,
) -> Vec<CodeActionOrCommand> {
    let text = checked.text();
    let wanted_span = checked.lines.span(text, range, encoding);
    let under: Vec<&Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| d.span.start <= wanted_span.end && wanted_span.start <= d.span.end)
        .collect();
    let mut actions = Vec::new();
    if wanted(only, &CodeActionKind::QUICKFIX) {
        for finding in &under {
            if let Some(fix) = &finding.fix {
                actions.push(fix_action(uri, checked, finding, fix, encoding));
            }
        }
        let mut offered = HashSet::new();
        for finding in &under {
            let suppression = suppression(checked, finding);
            if offered.insert((finding.code, suppression.title.clone())) {
                actions.push(suppression_action(
                    uri,
                    checked,
                    finding,
                    suppression,
                    encoding,
                ));
            }
        }
    }
    if wanted(only, &fix_all_kind()) {
        actions.extend(fix_all(uri, checked, encoding));
    }
    actions
}

fn workspace_edit(
    uri: &Url,
    checked: &Checked,
    edits: &[Edit],
    encoding: Encoding,
) -> WorkspaceEdit {
    let text = checked.text();
    let edits = edits
        .iter()
        .map(|e| {
            TextEdit::new(
                checked.lines.range(text, e.span, encoding),
                e.replacement.clone(),
            )
        })
        .collect();
    WorkspaceEdit::new(HashMap::from([(uri.clone(), edits)]))
}

fn fix_action(
    uri: &Url,
    checked: &Checked,
    finding: &Diagnostic,
    fix: &Fix,
    encoding: Encoding,
) -> CodeActionOrCommand {
    let safe = fix.applicability == Applicability::Safe;
    let title = if safe {
        format!("{} ({})", fix.message, finding.code)
    } else {
        format!("{} ({}, unsafe fix: review it)", fix.message, finding.code)
    };
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![convert::diagnostic(uri, checked, finding, encoding)]),
        edit: Some(workspace_edit(uri, checked, &fix.edits, encoding)),
        is_preferred: Some(safe),
        ..CodeAction::default()
    })
}

/// Every safe fix of the document, in one edit; a fix whose edits overlap one taken
/// before it is left for the next round. `None` when there is no safe fix.
fn fix_all(uri: &Url, checked: &Checked, encoding: Encoding) -> Option<CodeActionOrCommand> {
    let mut taken: Vec<Edit> = Vec::new();
    let safe = checked
        .diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| f.applicability == Applicability::Safe);
    for fix in safe {
        let overlaps = fix.edits.iter().any(|e| {
            taken.iter().any(|t| {
                e.span.start < t.span.end.max(t.span.start + 1)
                    && t.span.start < e.span.end.max(e.span.start + 1)
            })
        });
        if !overlaps {
            taken.extend(fix.edits.iter().cloned());
        }
    }
    if taken.is_empty() {
        return None;
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: "Apply every safe release-lint fix".to_owned(),
        kind: Some(fix_all_kind()),
        edit: Some(workspace_edit(uri, checked, &taken, encoding)),
        ..CodeAction::default()
    }))
}

/// A suppression comment and where it goes.
struct Suppression {
    title: String,
    edits: Vec<Edit>,
}

/// The comment that silences `finding`'s rule where it is: above its line
/// (`disable-next-line`); around the whole table for a table row, since a comment line
/// inside a table would end it; after the frontmatter (`disable-file`) for a finding in
/// the frontmatter, which is YAML, not Markdown.
fn suppression(checked: &Checked, finding: &Diagnostic) -> Suppression {
    let text = checked.text();
    let code = finding.code;
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let at = finding.span.start.min(text.len());
    let insert = |offset: usize, line: String| Edit {
        span: Span::new(offset, offset),
        replacement: line,
    };
    if let Some(frontmatter) = checked.document.model().frontmatter.as_ref() {
        if at < frontmatter.span.end {
            let after = after_line(text, frontmatter.span.end.saturating_sub(1));
            let lead = if after == text.len() && !text.ends_with('\n') {
                newline
            } else {
                ""
            };
            return Suppression {
                title: format!("Disable {code} for this file"),
                edits: vec![insert(
                    after,
                    format!("{lead}<!-- release-lint-disable-file {code} -->{newline}"),
                )],
            };
        }
    }
    let line_start = checked.lines.line_start(at);
    let line = line_text(text, line_start);
    if line.trim_start().starts_with('|') {
        let (first, end) = table_lines(checked, text, line_start);
        let lead = if end == text.len() && !text.ends_with('\n') {
            newline
        } else {
            ""
        };
        return Suppression {
            title: format!("Disable {code} for this table"),
            edits: vec![
                insert(
                    first,
                    format!("<!-- release-lint-disable {code} -->{newline}"),
                ),
                insert(
                    end,
                    format!("{lead}<!-- release-lint-enable {code} -->{newline}"),
                ),
            ],
        };
    }
    let indent: String = line
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    Suppression {
        title: format!("Disable {code} for this line"),
        edits: vec![insert(
            line_start,
            format!("{indent}<!-- release-lint-disable-next-line {code} -->{newline}"),
        )],
    }
}

/// The text of the line starting at `start`, without its line break.
fn line_text(text: &str, start: usize) -> &str {
    let rest = &text[start..];
    let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    &rest[..end]
}

/// The offset just after the line break of the line holding `offset`.
fn after_line(text: &str, offset: usize) -> usize {
    match text[offset.min(text.len())..].find('\n') {
        Some(i) => offset + i + 1,
        None => text.len(),
    }
}

/// The start of the first line of the table holding the line at `line_start`, and the
/// offset just after its last line.
fn table_lines(checked: &Checked, text: &str, line_start: usize) -> (usize, usize) {
    let is_row = |start: usize| line_text(text, start).trim_start().starts_with('|');
    let mut first = line_start;
    while first > 0 {
        let previous = checked.lines.line_start(first - 1);
        if previous == first || !is_row(previous) {
            break;
        }
        first = previous;
    }
    let mut end = after_line(text, line_start);
    while end < text.len() && is_row(end) {
        end = after_line(text, end);
    }
    (first, end)
}

fn suppression_action(
    uri: &Url,
    checked: &Checked,
    finding: &Diagnostic,
    suppression: Suppression,
    encoding: Encoding,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title: suppression.title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![convert::diagnostic(uri, checked, finding, encoding)]),
        edit: Some(workspace_edit(uri, checked, &suppression.edits, encoding)),
        is_preferred: Some(false),
        ..CodeAction::default()
    })
}

#[cfg(test)]
mod tests {
    use release_rules::{Document, Severity};

    use super::*;
    use crate::server::position::Lines;

    fn checked(text: &str, diagnostics: Vec<Diagnostic>) -> Checked {
        Checked {
            document: Document::parse(text),
            diagnostics,
            lines: Lines::new(text),
            docs_url: "https://example.invalid/rules".to_owned(),
        }
    }

    fn finding(text: &str, at: &str, fix: Option<(Applicability, &str)>) -> Diagnostic {
        let start = text.find(at).unwrap_or_else(|| panic!("{at:?}"));
        let span = Span::new(start, start + at.len());
        Diagnostic {
            code: "RL999",
            name: "made-up",
            severity: Severity::Warning,
            message: "made up".to_owned(),
            span,
            labels: Vec::new(),
            section: None,
            fix: fix.map(|(applicability, replacement)| Fix {
                message: format!("write `{replacement}`"),
                applicability,
                edits: vec![Edit {
                    span,
                    replacement: replacement.to_owned(),
                }],
            }),
        }
    }

    fn uri() -> Url {
        Url::parse("untitled:doc.md").unwrap_or_else(|e| panic!("{e}"))
    }

    fn everything() -> Range {
        Range::new(
            lsp_types::Position::new(0, 0),
            lsp_types::Position::new(99, 0),
        )
    }

    fn action(a: &CodeActionOrCommand) -> &CodeAction {
        match a {
            CodeActionOrCommand::CodeAction(a) => a,
            CodeActionOrCommand::Command(_) => panic!("a command"),
        }
    }

    /// The text after applying an action's edits.
    fn applied(text: &str, a: &CodeAction) -> String {
        let edits = a
            .edit
            .as_ref()
            .and_then(|e| e.changes.as_ref())
            .and_then(|c| c.get(&uri()))
            .cloned()
            .unwrap_or_default();
        crate::server::tests::apply_text_edits(text, &edits)
    }

    #[test]
    fn fixes_become_quick_fixes_and_safe_ones_are_applied_together() {
        let text =
            "## Overview\n\n**Release Type**: Mjor\n\n**Rollback Strategy**: Canry\n\n- prod\n";
        let checked = checked(
            text,
            vec![
                finding(text, "Mjor", Some((Applicability::Safe, "Major"))),
                finding(text, "Canry", Some((Applicability::Unsafe, "Canary"))),
                finding(text, "prod", Some((Applicability::Safe, "Production"))),
            ],
        );
        let actions = actions(&uri(), &checked, everything(), None, Encoding::Utf16);
        let titles: Vec<&str> = actions.iter().map(|a| action(a).title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "write `Major` (RL999)",
                "write `Canary` (RL999, unsafe fix: review it)",
                "write `Production` (RL999)",
                "Disable RL999 for this line",
                "Apply every safe release-lint fix",
            ]
        );
        assert_eq!(action(&actions[0]).is_preferred, Some(true));
        assert_eq!(action(&actions[1]).is_preferred, Some(false));
        assert_eq!(
            applied(text, action(&actions[1])),
            text.replace("Canry", "Canary")
        );
        let all = action(&actions[4]);
        assert_eq!(all.kind, Some(fix_all_kind()));
        // Only the safe ones.
        assert_eq!(
            applied(text, all),
            text.replace("Mjor", "Major")
                .replace("- prod", "- Production")
        );
    }

    #[test]
    fn only_the_findings_under_the_range_and_the_kinds_asked_for() {
        let text = "## Overview\n\n**Release Type**: Mjor\n\n**Rollback Strategy**: Canry\n";
        let checked = checked(
            text,
            vec![
                finding(text, "Mjor", Some((Applicability::Safe, "Major"))),
                finding(text, "Canry", Some((Applicability::Safe, "Canary"))),
            ],
        );
        let cursor = lsp_types::Position::new(4, 25);
        let here = actions(
            &uri(),
            &checked,
            Range::new(cursor, cursor),
            None,
            Encoding::Utf16,
        );
        let titles: Vec<&str> = here.iter().map(|a| action(a).title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "write `Canary` (RL999)",
                "Disable RL999 for this line",
                "Apply every safe release-lint fix"
            ]
        );
        let source = [CodeActionKind::SOURCE];
        let only = actions(
            &uri(),
            &checked,
            everything(),
            Some(&source),
            Encoding::Utf16,
        );
        assert_eq!(only.len(), 1);
        assert_eq!(action(&only[0]).kind, Some(fix_all_kind()));
        let other = [CodeActionKind::REFACTOR];
        assert!(actions(
            &uri(),
            &checked,
            everything(),
            Some(&other),
            Encoding::Utf16
        )
        .is_empty());
    }

    #[test]
    fn suppressions_keep_tables_and_frontmatter_whole() {
        let text = "---\nphase: deployment\nstage: bogus\n---\n\n## Risks\n\n| Risk | Probability |\n|---|---|\n| r | Hgh |\n\nafter\n  - [ ] item\n";
        let checked = checked(
            text,
            vec![
                finding(text, "bogus", None),
                finding(text, "Hgh", None),
                finding(text, "item", None),
            ],
        );
        let all = actions(&uri(), &checked, everything(), None, Encoding::Utf16);
        let by_title = |title: &str| {
            all.iter()
                .map(action)
                .find(|a| a.title == title)
                .unwrap_or_else(|| panic!("no {title:?}"))
        };
        assert_eq!(
            applied(text, by_title("Disable RL999 for this file")),
            text.replace(
                "---\n\n",
                "---\n<!-- release-lint-disable-file RL999 -->\n\n"
            )
        );
        assert_eq!(
            applied(text, by_title("Disable RL999 for this table")),
            text.replace("| Risk", "<!-- release-lint-disable RL999 -->\n| Risk")
                .replace("| Hgh |\n", "| Hgh |\n<!-- release-lint-enable RL999 -->\n")
        );
        assert_eq!(
            applied(text, by_title("Disable RL999 for this line")),
            text.replace(
                "  - [ ]",
                "  <!-- release-lint-disable-next-line RL999 -->\n  - [ ]"
            )
        );
    }
}
