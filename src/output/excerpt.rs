//! The text one finding's snippets show, as a miette [`SourceCode`]: the lines of its
//! spans, each with a line of context around it, the primary span's lines first, and every
//! line longer than [`LONG_LINE`] bytes cut down to the parts around the spans.
//!
//! miette renders snippets in the order of their offsets, so the excerpt lays its text out
//! in the order the snippets are to appear: the primary location's snippet (the location
//! every other format reports) comes first even when a related label is earlier in the
//! file. Offsets in the excerpt are its own; [`Excerpt::span`] maps a span of the source
//! to them, and the line numbers and columns of snippet headers are the source's.
//!
//! Cutting long lines keeps the output linear in the number of findings: a line of a
//! megabyte with fifty findings on it was printed whole in each of their snippets.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use release_doc::{LineIndex, Span};

/// Lines longer than this (in bytes) are cut around the spans on them.
pub const LONG_LINE: usize = 400;
/// Bytes kept on each side of a span's start and end on a cut line.
const AROUND: usize = 60;
/// What stands for the text cut out of a line.
const CUT: &str = "…";

/// A kept stretch of a source line: `len` bytes from `source` in the source, at `shown`
/// in the excerpt.
#[derive(Debug, Clone, Copy)]
struct Piece {
    source: usize,
    shown: usize,
    len: usize,
}

/// One line of the source as the excerpt shows it.
#[derive(Debug)]
struct Shown {
    /// Its 0-based number in the source.
    number: usize,
    /// The snippet (run of consecutive source lines) it belongs to.
    group: usize,
    /// Where its text starts and ends in the source (without the line break).
    source: Span,
    /// Where it starts in the excerpt, and where the next line starts.
    start: usize,
    next: usize,
    /// Its kept parts, in order.
    pieces: Vec<Piece>,
}

/// The text of one finding's snippets.
#[derive(Debug)]
pub struct Excerpt<'a> {
    name: &'a str,
    source: &'a str,
    index: &'a LineIndex,
    text: String,
    lines: Vec<Shown>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt of `source` (named `name`, indexed by `index`) that shows `spans`, the
    /// first of which is the primary one.
    #[must_use]
    pub fn new(name: &'a str, source: &'a str, index: &'a LineIndex, spans: &[Span]) -> Self {
        let mut excerpt = Self {
            name,
            source,
            index,
            text: String::new(),
            lines: Vec::new(),
        };
        let last_line = index.line_count().saturating_sub(1);
        let mut runs: Vec<(usize, usize)> = spans
            .iter()
            .map(|s| {
                let start = s.start.min(source.len());
                let first = excerpt.line_of(start);
                let last = excerpt.line_of(s.end.min(source.len()).saturating_sub(1).max(start));
                (first.saturating_sub(1), (last + 1).min(last_line))
            })
            .collect();
        let primary = runs.first().copied();
        runs.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(runs.len());
        for (first, last) in runs {
            match merged.last_mut() {
                Some(run) if first <= run.1 + 1 => run.1 = run.1.max(last),
                _ => merged.push((first, last)),
            }
        }
        // The primary span's snippet first, the others in the order of the file.
        if let Some((first, _)) = primary {
            if let Some(at) = merged.iter().position(|r| r.0 <= first && first <= r.1) {
                let run = merged.remove(at);
                merged.insert(0, run);
            }
        }
        for (group, &(first, last)) in merged.iter().enumerate() {
            for number in first..=last {
                excerpt.push_line(group, number, spans);
            }
        }
        excerpt
    }

    /// The 0-based source line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        let (mut lo, mut hi) = (0, self.index.line_count());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.line_start(mid) <= offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo.saturating_sub(1)
    }

    /// Where 0-based source `line` starts; the end of the source past the last line.
    fn line_start(&self, line: usize) -> usize {
        self.index.line_start(line + 1).unwrap_or(self.source.len())
    }

    /// Append source line `number` to the text, cut if it is long.
    fn push_line(&mut self, group: usize, number: usize, spans: &[Span]) {
        let start = self.line_start(number);
        let next = self.line_start(number + 1).max(start);
        let full = &self.source[start..next];
        let end = start + full.trim_end_matches(['\n', '\r']).len();
        let kept = if end - start <= LONG_LINE {
            vec![(start, end)]
        } else {
            self.windows(start, end, spans)
        };
        let shown_start = self.text.len();
        let mut pieces = Vec::with_capacity(kept.len());
        let mut at = start;
        for (from, to) in kept {
            if from > at {
                self.text.push_str(CUT);
            }
            pieces.push(Piece {
                source: from,
                shown: self.text.len(),
                len: to - from,
            });
            self.text.push_str(&self.source[from..to]);
            at = to;
        }
        if at < end {
            self.text.push_str(CUT);
        }
        if next > end {
            self.text.push('\n');
        }
        self.lines.push(Shown {
            number,
            group,
            source: Span::new(start, end),
            start: shown_start,
            next: self.text.len(),
            pieces,
        });
    }

    /// The parts of the long line `start..end` to keep: [`AROUND`] bytes on each side of
    /// every span boundary on it (its first bytes when there is none), merged where they
    /// meet, on character boundaries.
    fn windows(&self, start: usize, end: usize, spans: &[Span]) -> Vec<(usize, usize)> {
        let mut points: Vec<usize> = spans
            .iter()
            .flat_map(|s| [s.start, s.end])
            .filter(|&p| start <= p && p <= end)
            .collect();
        if points.is_empty() {
            points.push(start);
        }
        points.sort_unstable();
        let mut windows: Vec<(usize, usize)> = Vec::new();
        for p in points {
            let from = floor_char(self.source, p.saturating_sub(AROUND).max(start));
            let to = ceil_char(self.source, (p + AROUND).min(end));
            match windows.last_mut() {
                // Cutting a few bytes would save nothing.
                Some(w) if from <= w.1 + CUT.len() => w.1 = w.1.max(to),
                _ => windows.push((from, to)),
            }
        }
        windows
    }

    /// `span` of the source as a span of the excerpt. A boundary in a cut-out part moves
    /// to the cut's mark; `None` when a line of the span is not shown.
    #[must_use]
    pub fn span(&self, span: Span) -> Option<SourceSpan> {
        let start = self.offset(span.start, false)?;
        let end = self.offset(span.end, true)?.max(start);
        Some((start, end - start).into())
    }

    /// Source byte `offset` in the excerpt; `end`: it ends a span (so that a boundary in a
    /// cut-out part covers the cut's mark).
    fn offset(&self, offset: usize, end: bool) -> Option<usize> {
        let offset = offset.min(self.source.len());
        let number = self.line_of(offset);
        let line = self.lines.iter().find(|l| l.number == number)?;
        if offset >= line.source.end {
            // In the line break, or at the end of a line.
            let text_end = line.next - usize::from(self.text[..line.next].ends_with('\n'));
            return Some(text_end);
        }
        let mut before = line.start;
        for piece in &line.pieces {
            if offset < piece.source {
                // Cut out: the mark before this piece.
                return Some(if end { piece.shown } else { before });
            }
            if offset <= piece.source + piece.len {
                return Some(piece.shown + (offset - piece.source));
            }
            before = piece.shown + piece.len;
        }
        Some(if end {
            line.next - usize::from(self.text[..line.next].ends_with('\n'))
        } else {
            before
        })
    }

    /// The shown line holding excerpt byte `offset`.
    fn shown_at(&self, offset: usize) -> Option<usize> {
        // Lines are in the text's order.
        let after = self.lines.partition_point(|l| l.start <= offset);
        after.checked_sub(1)
    }

    /// The source byte shown at excerpt byte `offset` of line `line` (the next kept byte
    /// when `offset` is on a cut's mark).
    fn source_offset(&self, line: &Shown, offset: usize) -> usize {
        for piece in &line.pieces {
            if offset < piece.shown {
                return piece.source;
            }
            if offset <= piece.shown + piece.len {
                return piece.source + (offset - piece.shown);
            }
        }
        line.source.end
    }
}

impl SourceCode for Excerpt<'_> {
    /// The span's lines plus `before`/`after` lines of context, within its snippet. A span
    /// across two snippets cannot be read, so that miette keeps them apart.
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first = self.shown_at(start).ok_or(MietteError::OutOfBounds)?;
        let last = self
            .shown_at(end.saturating_sub(1).max(start))
            .ok_or(MietteError::OutOfBounds)?;
        let group = self.lines[first].group;
        if self.lines[last].group != group {
            return Err(MietteError::OutOfBounds);
        }
        let in_group = |i: &usize| self.lines[*i].group == group;
        let (data_start, top, column) = if before == 0 {
            let line = &self.lines[first];
            let at = self.source_offset(line, start);
            let column = self
                .index
                .line_col(self.source, at)
                .column
                .saturating_sub(1);
            (start, first, column)
        } else {
            let top = (first.saturating_sub(before)..=first)
                .find(in_group)
                .unwrap_or(first);
            (self.lines[top].start, top, 0)
        };
        let (data_end, bottom) = if after == 0 {
            (end, last)
        } else {
            let bottom = (last..=(last + after).min(self.lines.len() - 1))
                .rev()
                .find(in_group)
                .unwrap_or(last);
            (self.lines[bottom].next, bottom)
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            &self.text.as_bytes()[data_start..data_end],
            (data_start, data_end - data_start).into(),
            self.lines[top].number,
            column,
            bottom - top + 1,
        )))
    }
}

/// The char boundary at or before `at`.
fn floor_char(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The char boundary at or after `at`.
fn ceil_char(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}
