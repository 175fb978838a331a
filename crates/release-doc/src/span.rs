//! Byte ranges into the source, and the line index that turns them into lines and columns.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the original source text.
///
/// Spans always index the text exactly as it was given to [`crate::parse`]: a leading
/// byte order mark and CRLF line endings are counted, never normalised away.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (swapped if given in the wrong order).
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        if start <= end {
            Self { start, end }
        } else {
            Self {
                start: end,
                end: start,
            }
        }
    }

    /// Number of bytes covered.
    #[must_use]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no byte.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span shifted right by `offset` bytes.
    #[must_use]
    pub fn shifted(self, offset: usize) -> Self {
        Self {
            start: self.start + offset,
            end: self.end + offset,
        }
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Span) -> Self {
        Self {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The text this span covers in `source`, or `""` when it is out of range or not on
    /// character boundaries.
    #[must_use]
    pub fn text(self, source: &str) -> &str {
        source.get(self.start..self.end).unwrap_or("")
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Self {
        Self::new(range.start, range.end)
    }
}

/// A 1-based line and column; the column counts Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in Unicode scalar values from the start of the line.
    pub column: usize,
}

/// Start offsets of every line of a text, for turning byte offsets into [`LineCol`].
///
/// A line ends at `\n`, at `\r\n`, or at a lone `\r`. Lookups are a binary search, so
/// locating many spans stays linear in the number of spans, not in the text size.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    /// Index the lines of `source`.
    #[must_use]
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 32 + 1);
        starts.push(0);
        // Only line breaks matter: jump from one to the next (`memchr` is SIMD). Without
        // a CR anywhere, every LF starts a line.
        if memchr::memchr(b'\r', bytes).is_none() {
            starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
            return Self {
                starts,
                len: source.len(),
            };
        }
        let mut at = 0;
        while let Some(found) = memchr::memchr2(b'\n', b'\r', &bytes[at..]) {
            let i = at + found;
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                starts.push(i + 1);
            }
            at = i + 1;
        }
        Self {
            starts,
            len: source.len(),
        }
    }

    /// Number of lines (an empty text has one empty line).
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset at which 1-based `line` starts, if it exists.
    #[must_use]
    pub fn line_start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1)
            .and_then(|i| self.starts.get(i).copied())
    }

    /// The 1-based line and column of byte `offset` in `source` (the text this index was
    /// built from). Offsets past the end clamp to the end; offsets inside a multi-byte
    /// character count that character.
    #[must_use]
    pub fn line_col(&self, source: &str, offset: usize) -> LineCol {
        let offset = offset.min(self.len);
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let prefix = source.get(start..offset).map_or_else(
            || {
                source
                    .get(start..)
                    .unwrap_or("")
                    .char_indices()
                    .take_while(|(i, _)| start + i < offset)
                    .count()
            },
            |s| s.chars().count(),
        );
        // A leading byte order mark is invisible in editors: it takes no column.
        let bom = usize::from(line == 1 && offset >= 3 && source.starts_with('\u{feff}'));
        LineCol {
            line,
            column: prefix + 1 - bom,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_scalar_values() {
        let src = "ab\nçé x\r\nz\rw";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_col(src, 0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(src, 3), LineCol { line: 2, column: 1 });
        // 'x' is after two 2-byte characters and a space.
        assert_eq!(idx.line_col(src, 3 + 5), LineCol { line: 2, column: 4 });
        assert_eq!(
            idx.line_col(src, src.find('z').unwrap()),
            LineCol { line: 3, column: 1 }
        );
        assert_eq!(
            idx.line_col(src, src.find('w').unwrap()),
            LineCol { line: 4, column: 1 }
        );
        assert_eq!(idx.line_col(src, 10_000), LineCol { line: 4, column: 2 });
    }

    #[test]
    fn a_byte_order_mark_takes_no_column() {
        let src = "\u{feff}---\nx";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 3), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(src, 4), LineCol { line: 1, column: 2 });
    }

    #[test]
    fn offset_inside_a_character_does_not_panic() {
        let src = "é";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 1).line, 1);
    }
}
