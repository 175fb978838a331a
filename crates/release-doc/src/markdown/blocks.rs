//! Top-level blocks of a Markdown body (headings, paragraphs, lists, tables, code), each
//! with byte ranges into the original source.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::inline::trim_span;
use crate::span::Span;

/// A heading with its plain title.
#[derive(Debug, Clone)]
pub(crate) struct Heading {
    pub level: u8,
    pub title: String,
    pub span: Span,
}

/// One item of a top-level list.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    /// The whole item, marker included.
    pub span: Span,
    /// The item's own text: after the marker and task box, before any nested block.
    pub text: Span,
    /// `Some(done)` for a task-list item.
    pub task: Option<bool>,
}

/// A top-level list.
#[derive(Debug, Clone)]
pub(crate) struct ListBlock {
    pub span: Span,
    pub ordered: bool,
    pub items: Vec<Item>,
}

/// A GFM table: header cells and body rows of cells (trimmed cell spans).
#[derive(Debug, Clone)]
pub(crate) struct TableBlock {
    pub span: Span,
    pub header_span: Span,
    pub header: Vec<Span>,
    pub rows: Vec<(Span, Vec<Span>)>,
}

/// A fenced or indented code block.
#[derive(Debug, Clone)]
pub(crate) struct CodeBlock {
    pub span: Span,
    pub language: String,
    /// The code itself, without the fences.
    pub code: Span,
}

/// A top-level block.
#[derive(Debug, Clone)]
pub(crate) enum Block {
    Heading(Heading),
    Paragraph(Span),
    List(ListBlock),
    Table(TableBlock),
    Code(CodeBlock),
}

/// Read the top-level blocks of `source[start..]`; every span is absolute in `source`.
pub(crate) fn read_blocks(source: &str, start: usize) -> Vec<Block> {
    let body = source.get(start..).unwrap_or("");
    // pulldown-cmark misses the end of an HTML block on lone-CR line endings; a lone CR
    // becomes a LF here, which keeps every byte offset as it is.
    let body = lone_cr_as_lf(body);
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut walker = Walker {
        source,
        blocks: Vec::new(),
        depth: 0,
        current: None,
    };
    for (event, range) in Parser::new_ext(&body, options).into_offset_iter() {
        walker.event(event, Span::from(range).shifted(start));
    }
    walker.blocks
}

/// A block being read.
enum Open {
    Heading {
        level: u8,
        span: Span,
        title: String,
    },
    List(ListBlock),
    Table(TableBlock),
    Code {
        span: Span,
        language: String,
        code: Option<Span>,
    },
    Skipped,
}

struct Walker<'a> {
    source: &'a str,
    blocks: Vec<Block>,
    /// Nesting depth of container tags, 0 at the top level.
    depth: usize,
    current: Option<Open>,
}

impl Walker<'_> {
    fn event(&mut self, event: Event<'_>, span: Span) {
        match event {
            Event::Start(tag) => {
                self.depth += 1;
                if self.depth == 1 {
                    self.open(&tag, span);
                } else {
                    self.nested_start(&tag, span);
                }
            }
            Event::End(end) => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.close();
                } else if self.depth == 1 {
                    if let (Some(Open::Table(table)), TagEnd::TableHead) = (&mut self.current, end)
                    {
                        table.header_span = span;
                    }
                }
            }
            Event::TaskListMarker(done) => {
                let source = self.source;
                if let Some(Open::List(list)) = &mut self.current {
                    if let Some(item) = list.items.last_mut() {
                        if item.task.is_none() && span.start <= item.text.start.max(span.start) {
                            item.task = Some(done);
                            item.text =
                                trim_span(source, Span::new(span.end, item.text.end.max(span.end)));
                        }
                    }
                }
            }
            Event::Text(text) | Event::Code(text) => match &mut self.current {
                Some(Open::Heading { title, .. }) => title.push_str(&text),
                Some(Open::Code { code, .. }) => *code = Some(code.map_or(span, |c| c.cover(span))),
                _ => {}
            },
            _ => {}
        }
    }

    fn open(&mut self, tag: &Tag<'_>, span: Span) {
        self.current = Some(match tag {
            Tag::Heading { level, .. } => Open::Heading {
                level: *level as u8,
                span,
                title: String::new(),
            },
            Tag::Paragraph => {
                self.blocks
                    .push(Block::Paragraph(trim_span(self.source, span)));
                Open::Skipped
            }
            Tag::List(first) => Open::List(ListBlock {
                span,
                ordered: first.is_some(),
                items: Vec::with_capacity(8),
            }),
            Tag::Table(_) => Open::Table(TableBlock {
                span,
                header_span: span,
                header: Vec::new(),
                rows: Vec::new(),
            }),
            Tag::CodeBlock(kind) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                Open::Code {
                    span,
                    language,
                    code: None,
                }
            }
            _ => Open::Skipped,
        });
    }

    fn nested_start(&mut self, tag: &Tag<'_>, span: Span) {
        match (&mut self.current, tag) {
            (Some(Open::List(list)), Tag::Item) if self.depth == 2 => {
                let text = item_text(self.source, span);
                list.items.push(Item {
                    span,
                    text,
                    task: None,
                });
            }
            // A nested block ends the item's own text.
            (
                Some(Open::List(list)),
                Tag::List(_) | Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::Table(_),
            ) if self.depth >= 3 => {
                if let Some(item) = list.items.last_mut() {
                    if span.start >= item.text.start && span.start < item.text.end {
                        item.text = trim_span(self.source, Span::new(item.text.start, span.start));
                    }
                }
            }
            (Some(Open::Table(table)), Tag::TableRow) if self.depth == 2 => {
                // Rows have as many cells as the header (pulldown-cmark pads them).
                let cells = Vec::with_capacity(table.header.len());
                table.rows.push((span, cells))
            }
            (Some(Open::Table(table)), Tag::TableCell) => {
                let cell = cell_span(self.source, span);
                if self.depth == 3 && table.rows.is_empty() && table.header_span == table.span {
                    table.header.push(cell);
                } else if let Some((_, cells)) = table.rows.last_mut() {
                    cells.push(cell);
                }
            }
            _ => {}
        }
    }

    fn close(&mut self) {
        let block = match self.current.take() {
            Some(Open::Heading {
                level,
                span,
                mut title,
            }) => Block::Heading(Heading {
                level,
                title: {
                    // Trim in place: no second copy of the title.
                    title.truncate(title.trim_end().len());
                    let lead = title.len() - title.trim_start().len();
                    title.drain(..lead);
                    title
                },
                span: trim_span(self.source, span),
            }),
            Some(Open::List(list)) => Block::List(list),
            Some(Open::Table(table)) => Block::Table(table),
            Some(Open::Code {
                span,
                language,
                code,
            }) => Block::Code(CodeBlock {
                span,
                language,
                code: code.unwrap_or(Span::new(span.start, span.start)),
            }),
            Some(Open::Skipped) | None => return,
        };
        self.blocks.push(block);
    }
}

/// `text` with every CR that is not followed by a LF replaced by a LF (same length).
fn lone_cr_as_lf(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if memchr::memchr(b'\r', bytes).is_none() || !(0..bytes.len()).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let normalised: Vec<u8> = (0..bytes.len())
        .map(|i| if lone(i) { b'\n' } else { bytes[i] })
        .collect();
    // Replacing one ASCII byte by another keeps the text valid UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(normalised).unwrap_or_else(|_| text.to_owned()))
}

/// The text of a list item: after its marker (`-`, `*`, `+`, `1.`, `1)`), trimmed.
fn item_text(source: &str, item: Span) -> Span {
    let raw = item.text(source);
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\t') {
        i += 1;
    }
    if i < bytes.len() && matches!(bytes[i], b'-' | b'*' | b'+') {
        i += 1;
    } else {
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i < bytes.len() && matches!(bytes[i], b'.' | b')') {
            i += 1;
        }
    }
    trim_span(source, Span::new(item.start + i, item.end))
}

/// A table cell's span without surrounding white space and pipes.
fn cell_span(source: &str, cell: Span) -> Span {
    let raw = cell.text(source);
    let lead = cell_lead(raw);
    let end = raw.trim_end().len();
    // A trailing pipe is the cell border unless it is escaped.
    let mut trimmed = &raw[..end];
    if trimmed.ends_with('|') && !trimmed.ends_with("\\|") {
        trimmed = trimmed[..trimmed.len() - 1].trim_end();
    }
    let end = trimmed.len().max(lead);
    if end == lead {
        // Nothing but pipes and white space: an empty span on the cell's first space, so
        // that it points into the cell rather than at the pipe that closes it.
        let pipes = raw.bytes().take_while(|&b| b == b'|').count();
        let at = if pipes < lead { pipes } else { lead };
        return Span::new(cell.start + at, cell.start + at);
    }
    Span::new(cell.start + lead, cell.start + end)
}

/// The length of the pipes and white space that start a cell's text. Pipes and ASCII
/// white space are read as bytes; a non-ASCII character is left to `char::is_whitespace`.
fn cell_lead(raw: &str) -> usize {
    let is_lead = |b: u8| b == b'|' || crate::trim::is_ascii_space(b);
    match raw.bytes().position(|b| !is_lead(b)) {
        Some(at) if !raw.as_bytes()[at].is_ascii() => {
            raw.len()
                - raw
                    .trim_start_matches(|c: char| c == '|' || c.is_whitespace())
                    .len()
        }
        Some(at) => at,
        None => raw.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_cell_lead_is_what_the_character_trim_takes(raw in "[ \t|\u{a0}\u{3000}aé\\\\]{0,10}") {
            let by_chars = raw.len() - raw.trim_start_matches(|c: char| c == '|' || c.is_whitespace()).len();
            proptest::prop_assert_eq!(cell_lead(&raw), by_chars);
        }
    }

    fn texts(source: &str) -> Vec<String> {
        read_blocks(source, 0)
            .iter()
            .map(|b| match b {
                Block::Heading(h) => format!("H{} {}", h.level, h.title),
                Block::Paragraph(s) => format!("P {}", s.text(source)),
                Block::List(l) => l
                    .items
                    .iter()
                    .map(|i| format!("I{:?} {}", i.task, i.text.text(source)))
                    .collect::<Vec<_>>()
                    .join(" / "),
                Block::Table(t) => format!(
                    "T {} | {}",
                    t.header
                        .iter()
                        .map(|c| c.text(source))
                        .collect::<Vec<_>>()
                        .join(","),
                    t.rows
                        .iter()
                        .map(|(_, r)| r
                            .iter()
                            .map(|c| c.text(source))
                            .collect::<Vec<_>>()
                            .join(","))
                        .collect::<Vec<_>>()
                        .join(";")
                ),
                Block::Code(c) => format!("C {} {}", c.language, c.code.text(source)),
            })
            .collect()
    }

    #[test]
    fn reads_blocks_with_exact_ranges() {
        let src = "## Over *view*\n\n**Release**: A (1.0.0)\n\n- [x] done item\n- [ ] open\n  - nested\n- plain\n\n| A | B |\n|---|---|\n| 1 | x \\| y |\n| | 3 |\n\n```bash\necho hi\n```\n";
        assert_eq!(
            texts(src),
            vec![
                "H2 Over view",
                "P **Release**: A (1.0.0)",
                "ISome(true) done item / ISome(false) open / INone plain",
                "T A,B | 1,x \\| y;,3",
                "C bash echo hi\n",
            ]
        );
    }

    #[test]
    fn an_empty_cell_points_into_the_cell_not_at_its_closing_pipe() {
        let src = "| A | B | C | D |\n|---|---|---|---|\n| x |  |\t| |\n|  | y || z |\n";
        let blocks = read_blocks(src, 0);
        let Some(Block::Table(table)) = blocks.first() else {
            panic!("a table: {blocks:?}");
        };
        let row = |n: usize| table.rows[n].1.clone();
        let column = |span: Span| span.start - src[..span.start].rfind('\n').map_or(0, |n| n + 1);
        // `| x |  |\t| |`: the empty cells sit on their first space or tab.
        let first = row(0);
        assert_eq!(first[0].text(src), "x");
        for (cell, at) in first[1..].iter().zip([5, 8, 10]) {
            assert!(cell.is_empty(), "{cell:?}");
            assert_eq!(column(*cell), at, "{first:?}");
            assert!(matches!(src.as_bytes()[cell.start], b' ' | b'\t'));
        }
        // `|  | y || z |`: a cell without any space can only point at its pipe.
        let second = row(1);
        assert_eq!(column(second[0]), 1);
        assert_eq!(second[1].text(src), "y");
        assert!(second[2].is_empty());
        assert_eq!(src.as_bytes()[second[2].start], b'|');
        assert_eq!(second[3].text(src), "z");
    }

    #[test]
    fn lone_cr_line_endings_end_html_blocks() {
        let src = "<!-- note -->\r## Overview\r\r- [x] done\r";
        assert_eq!(texts(src), vec!["H2 Overview", "ISome(true) done"]);
    }

    #[test]
    fn loose_task_items_and_ordered_lists() {
        let src = "1. first\n2. second\n\n- [ ] a\n\n- [X] b\n";
        assert_eq!(
            texts(src),
            vec![
                "INone first / INone second",
                "ISome(false) a / ISome(true) b"
            ]
        );
    }
}
