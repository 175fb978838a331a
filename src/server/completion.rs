//! Completion of the values of a closed vocabulary where one is expected.

use lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, TextEdit};

use super::analysis::Checked;
use super::position::Encoding;
use super::slots;

/// The completions at byte `offset`: each allowed value, replacing the value written there.
pub fn items(checked: &Checked, offset: usize, encoding: Encoding) -> Vec<CompletionItem> {
    let Some(slot) = slots::at(&checked.document, offset) else {
        return Vec::new();
    };
    let text = checked.text();
    let range = checked.lines.range(text, slot.value, encoding);
    let current = slot.value.text(text);
    slot.options
        .iter()
        .enumerate()
        .map(|(i, option)| CompletionItem {
            label: option.clone(),
            kind: Some(CompletionItemKind::ENUM_MEMBER),
            detail: Some(slot.what.clone()),
            // In the template's order, not alphabetical.
            sort_text: Some(format!("{i:03}")),
            // Clients filter by the text the edit replaces: a placeholder still there must
            // not hide every option.
            filter_text: Some(if current.starts_with("{{") {
                format!("{current}{option}")
            } else {
                option.clone()
            }),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                range,
                option.clone(),
            ))),
            ..CompletionItem::default()
        })
        .collect()
}
