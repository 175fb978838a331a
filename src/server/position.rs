//! Byte offsets (the spans of the model) to and from LSP positions, whose `character` counts
//! UTF-16 code units by default and bytes when the client negotiates UTF-8.

use lsp_types::{Position, PositionEncodingKind, Range};
use release_doc::Span;

/// How the `character` of a position counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 code units (bytes).
    Utf8,
    /// UTF-16 code units: the protocol's default.
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (it is the model's own unit), else UTF-16, which
    /// every client must support.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// The name the server answers with in its capabilities.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// Where each line of a text starts. Lines end at `\n`, `\r\n` or a lone `\r`, as the
/// protocol says.
#[derive(Debug, Clone)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// Index the lines of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Self { starts }
    }

    /// The byte range of line `line` without its line break; `None` past the last line.
    fn line(&self, text: &str, line: usize) -> Option<(usize, usize)> {
        let start = *self.starts.get(line)?;
        let mut end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some((start, end))
    }

    /// The 0-based line that holds byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// The position of byte `offset` of `text` (clamped to the text, and moved back to the
    /// start of the character it falls inside).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let (start, end) = self.line(text, line).unwrap_or((offset, offset));
        // An offset inside a line break counts as the end of the line.
        let upto = offset.min(end).max(start);
        let character: usize = text[start..upto].chars().map(|c| encoding.width(c)).sum();
        Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of `position` in `text`. A line past the end is the end of the text;
    /// a character past the end of its line is the end of the line; a position inside a
    /// character (half of a UTF-16 surrogate pair) is the start of that character.
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let Some((start, end)) = self.line(text, position.line as usize) else {
            return text.len();
        };
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in text[start..end].char_indices() {
            let next = units + encoding.width(c);
            if next > wanted {
                return start + i;
            }
            units = next;
        }
        end
    }

    /// The range of a span.
    pub fn range(&self, text: &str, span: Span, encoding: Encoding) -> Range {
        Range::new(
            self.position(text, span.start, encoding),
            self.position(text, span.end.max(span.start), encoding),
        )
    }

    /// The span of a range (its ends in order).
    pub fn span(&self, text: &str, range: Range, encoding: Encoding) -> Span {
        let a = self.offset(text, range.start, encoding);
        let b = self.offset(text, range.end, encoding);
        Span::new(a.min(b), a.max(b))
    }

    /// The byte offset where the line holding `offset` starts.
    pub fn line_start(&self, offset: usize) -> usize {
        self.starts[self.line_of(offset)]
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str, encoding: Encoding) {
        let lines = Lines::new(text);
        for (offset, c) in text.char_indices() {
            // The `\n` of a `\r\n` is inside the line break: it has no position of its own.
            if c == '\n' && text[..offset].ends_with('\r') {
                continue;
            }
            let position = lines.position(text, offset, encoding);
            assert_eq!(
                lines.offset(text, position, encoding),
                offset,
                "{text:?} at {offset}"
            );
        }
    }

    #[test]
    fn utf16_counts_surrogate_pairs_as_two() {
        // `🚀` is 4 bytes and two UTF-16 code units; `é` is 2 bytes and one unit.
        let text = "a🚀é|\nnext";
        let lines = Lines::new(text);
        let bar = text.find('|').unwrap_or_default();
        assert_eq!(
            lines.position(text, bar, Encoding::Utf16),
            Position::new(0, 4)
        );
        assert_eq!(
            lines.position(text, bar, Encoding::Utf8),
            Position::new(0, 7)
        );
        let n = text.find("next").unwrap_or_default();
        assert_eq!(
            lines.position(text, n + 2, Encoding::Utf16),
            Position::new(1, 2)
        );
        round_trip(text, Encoding::Utf16);
        round_trip(text, Encoding::Utf8);
    }

    #[test]
    fn every_kind_of_line_break_ends_a_line() {
        let text = "one\r\ntwo\rthree\nfour";
        let lines = Lines::new(text);
        let at = |s: &str| text.find(s).unwrap_or_default();
        assert_eq!(
            lines.position(text, at("two"), Encoding::Utf16),
            Position::new(1, 0)
        );
        assert_eq!(
            lines.position(text, at("three"), Encoding::Utf16),
            Position::new(2, 0)
        );
        assert_eq!(
            lines.position(text, at("four"), Encoding::Utf16),
            Position::new(3, 0)
        );
        // Inside `\r\n`: the end of the line.
        assert_eq!(
            lines.position(text, 4, Encoding::Utf16),
            Position::new(0, 3)
        );
        round_trip(text, Encoding::Utf16);
    }

    #[test]
    fn positions_out_of_range_are_clamped() {
        let text = "ab\ncd";
        let lines = Lines::new(text);
        assert_eq!(lines.offset(text, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(lines.offset(text, Position::new(9, 0), Encoding::Utf16), 5);
        assert_eq!(
            lines.position(text, 99, Encoding::Utf16),
            Position::new(1, 2)
        );
        // Half of a surrogate pair is the start of the character.
        let text = "x🚀y";
        let lines = Lines::new(text);
        assert_eq!(lines.offset(text, Position::new(0, 2), Encoding::Utf16), 1);
        // Inside a character's bytes: its start.
        assert_eq!(lines.position(text, 2, Encoding::Utf8), Position::new(0, 1));
        let empty = Lines::new("");
        assert_eq!(empty.position("", 0, Encoding::Utf16), Position::new(0, 0));
        assert_eq!(empty.offset("", Position::new(3, 3), Encoding::Utf8), 0);
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let offered = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&offered)), Encoding::Utf8);
        let offered = [PositionEncodingKind::UTF32];
        assert_eq!(Encoding::negotiate(Some(&offered)), Encoding::Utf16);
    }
}
