//! Hover: on a finding, its rule's explanation (what it checks, why, how to fix it); on a
//! place that takes one of a few values, those values.

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind};
use release_rules::registry;

use super::analysis::Checked;
use super::position::Encoding;
use super::slots;

/// The hover at byte `offset` of a checked document.
pub fn hover(checked: &Checked, offset: usize, encoding: Encoding) -> Option<Hover> {
    let text = checked.text();
    let mut codes: Vec<&str> = Vec::new();
    let mut range = None;
    for d in &checked.diagnostics {
        if d.span.start <= offset && offset <= d.span.end && !codes.contains(&d.code) {
            codes.push(d.code);
            range.get_or_insert(d.span);
        }
    }
    let (value, span) = if codes.is_empty() {
        let slot = slots::at(&checked.document, offset)?;
        let options: Vec<String> = slot.options.iter().map(|o| format!("- `{o}`")).collect();
        (
            format!("**{}**: one of\n\n{}\n", slot.what, options.join("\n")),
            slot.value,
        )
    } else {
        let pages: Vec<String> = codes
            .iter()
            .filter_map(|code| registry::find(code))
            .map(|rule| release_rules::docs::rule_markdown(rule.meta()))
            .collect();
        (pages.join("\n---\n\n"), range?)
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(checked.lines.range(text, span, encoding)),
    })
}
