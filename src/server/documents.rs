//! The documents the client has open: their text and version, kept in step with full and
//! incremental `didChange` notifications.

use std::collections::HashMap;

use lsp_types::{TextDocumentContentChangeEvent, Url};

use super::position::{Encoding, Lines};

/// One open document.
#[derive(Debug, Clone)]
pub struct OpenDocument {
    /// The text as the client has it now.
    pub text: String,
    /// The client's version of that text.
    pub version: i32,
}

impl OpenDocument {
    /// Apply the changes of one `didChange`, in order: a change without a range replaces
    /// the whole text, one with a range replaces that range (clamped to the text).
    pub fn apply(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: Encoding,
    ) {
        for change in changes {
            match change.range {
                None => self.text = change.text,
                Some(range) => {
                    let span = Lines::new(&self.text).span(&self.text, range, encoding);
                    self.text.replace_range(span.start..span.end, &change.text);
                }
            }
        }
        self.version = version;
    }
}

/// The open documents, by URI.
#[derive(Debug, Default)]
pub struct Documents {
    open: HashMap<Url, OpenDocument>,
}

impl Documents {
    /// `didOpen`: the document and its first text (replacing any earlier one).
    pub fn open(&mut self, uri: Url, text: String, version: i32) {
        self.open.insert(uri, OpenDocument { text, version });
    }

    /// `didClose`.
    pub fn close(&mut self, uri: &Url) {
        self.open.remove(uri);
    }

    /// An open document.
    pub fn get(&self, uri: &Url) -> Option<&OpenDocument> {
        self.open.get(uri)
    }

    /// An open document, to change.
    pub fn get_mut(&mut self, uri: &Url) -> Option<&mut OpenDocument> {
        self.open.get_mut(uri)
    }

    /// The URIs of every open document.
    pub fn uris(&self) -> Vec<Url> {
        self.open.keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use lsp_types::{Position, Range};

    use super::*;

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range
                .map(|((a, b), (c, d))| Range::new(Position::new(a, b), Position::new(c, d))),
            range_length: None,
            text: text.to_owned(),
        }
    }

    #[test]
    fn incremental_and_full_changes_apply_in_order() {
        let mut doc = OpenDocument {
            text: "**Release Type**: Mjor\n🚀 x\n".to_owned(),
            version: 1,
        };
        doc.apply(
            2,
            vec![
                change(Some(((0, 18), (0, 22))), "Minor"),
                // After the first change: UTF-16 column 3 on line 1 is after `🚀 `.
                change(Some(((1, 3), (1, 4))), "y"),
                change(Some(((5, 0), (9, 9))), "end\n"),
            ],
            Encoding::Utf16,
        );
        assert_eq!(doc.text, "**Release Type**: Minor\n🚀 y\nend\n");
        assert_eq!(doc.version, 2);
        doc.apply(3, vec![change(None, "all new")], Encoding::Utf16);
        assert_eq!(doc.text, "all new");
    }

    #[test]
    fn a_reversed_range_replaces_the_same_text() {
        let mut doc = OpenDocument {
            text: "abcdef".to_owned(),
            version: 1,
        };
        doc.apply(2, vec![change(Some(((0, 4), (0, 1))), "-")], Encoding::Utf8);
        assert_eq!(doc.text, "a-ef");
    }
}
