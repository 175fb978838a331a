//! Document symbols: the `{{ placeholders }}` still left in a document, so that an editor's
//! outline lists what remains to fill in.

use lsp_types::{DocumentSymbol, SymbolKind};
use release_doc::internal::placeholder;

use super::analysis::Checked;
use super::position::Encoding;

/// One symbol per placeholder, in document order, with the section it is in as detail.
pub fn placeholders(checked: &Checked, encoding: Encoding) -> Vec<DocumentSymbol> {
    let text = checked.text();
    let sections = &checked.document.model().sections;
    placeholder::find_all(text)
        .into_iter()
        .map(|p| {
            let range = checked.lines.range(
                text,
                release_doc::Span::new(p.range.start, p.range.end),
                encoding,
            );
            let section = sections
                .iter()
                .rev()
                .find(|s| s.span.start <= p.range.start)
                .map(|s| s.title.clone());
            #[allow(deprecated)] // `deprecated` is a required field of the type.
            DocumentSymbol {
                name: format!("{{{{{}}}}}", p.name),
                detail: section,
                kind: SymbolKind::VARIABLE,
                tags: None,
                deprecated: None,
                range,
                selection_range: range,
                children: None,
            }
        })
        .collect()
}
