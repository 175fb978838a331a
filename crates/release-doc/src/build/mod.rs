//! Builds the model from the source: frontmatter, then the Markdown blocks section by
//! section, each handed to the reader of the part it belongs to.

pub(crate) mod checklist;
mod context;
mod frontmatter_map;
mod lists;
mod overview;
mod renames;
mod table;

use crate::frontmatter;
use crate::markdown::{read_blocks, Block};
use crate::model::{normalize_title, MatchedBy, ReleaseDoc, Section, SectionId, UnknownSection};
use crate::problem::{Parsed, ProblemKind};
use crate::span::Span;

pub(crate) use context::Builder;

/// Parse a release document. Never fails: see [`crate::parse_with`].
///
/// A first reading uses the configured aliases; when it leaves headings that are no
/// known section but name one the document lacks (by their words or their table), the
/// document is read again with those renames, so every rule of the section applies there.
pub(crate) fn parse(source: &str, options: &crate::ParseOptions) -> Parsed<ReleaseDoc> {
    let aliases: Vec<renames::Rename> = options
        .aliases
        .iter()
        .map(|(title, id)| renames::Rename {
            title: normalize_title(title),
            id: *id,
            by: MatchedBy::Alias,
        })
        .collect();
    let first = read(source, &aliases);
    if first.value.unknown_sections.is_empty() {
        return first;
    }
    let found = renames::detect(&first.value);
    if found.is_empty() {
        return first;
    }
    let mut all = aliases;
    all.extend(found);
    read(source, &all)
}

/// One reading of the document, with headings renamed as `renames` say.
fn read(source: &str, renames: &[renames::Rename]) -> Parsed<ReleaseDoc> {
    let mut b = Builder::new(source);
    // `memchr` is SIMD; `str::find` reads the whole text a word at a time.
    if let Some(nul) = memchr::memchr(0, source.as_bytes()) {
        b.problem(
            ProblemKind::NotText,
            Span::new(nul, nul + 1),
            "the file holds a NUL byte; expected Markdown text".into(),
        );
    }
    let (split, problem) = frontmatter::split(source);
    b.problems.extend(problem);
    let (split, entries, problems) = frontmatter::read(source, split);
    b.problems.extend(problems);
    if let Some(block) = &split.block {
        let fm = frontmatter_map::frontmatter(&mut b, block.span, entries);
        b.doc.frontmatter = Some(fm);
    }
    let blocks = read_blocks(source, split.body_start);
    walk(&mut b, &blocks, renames);
    b.finish()
}

/// The known section a heading is, and how it was matched when it is not the title.
fn section_of(title: &str, renames: &[renames::Rename]) -> (Option<SectionId>, Option<MatchedBy>) {
    if let Some(id) = SectionId::from_title(title) {
        return (Some(id), None);
    }
    if renames.is_empty() {
        return (None, None);
    }
    let normal = normalize_title(title);
    renames
        .iter()
        .find(|r| r.title == normal)
        .map_or((None, None), |r| (Some(r.id), Some(r.by)))
}

fn walk(b: &mut Builder<'_>, blocks: &[Block], renames: &[renames::Rename]) {
    // Each known section seen, with the line of its first heading once a copy needs it
    // (counted once per section: a document of many copies counted it for every copy).
    let mut seen: Vec<(SectionId, Option<usize>)> = Vec::new();
    for block in blocks {
        match block {
            Block::Heading(h) if h.level == 1 => {
                if b.doc.title.is_none() {
                    b.doc.title = Some(h.title.clone());
                }
                b.enter(None, String::new(), h.span);
            }
            Block::Heading(h) if h.level <= 3 => {
                let (id, matched_by) = section_of(&h.title, renames);
                if let Some(id) = id {
                    if let Some((_, first)) = seen.iter_mut().find(|(s, _)| *s == id) {
                        let line = *first.get_or_insert_with(|| b.line_of_section(id));
                        b.problem_in(
                            ProblemKind::DuplicateSection,
                            h.span,
                            format!("section `{}` appears again (first on line {line}); expected it once", h.title),
                            Some(h.title.clone()),
                        );
                    } else {
                        seen.push((id, None));
                    }
                } else {
                    b.doc.unknown_sections.push(UnknownSection {
                        title: h.title.clone(),
                        level: h.level,
                        span: h.span,
                        lists: Vec::new(),
                        tables: Vec::new(),
                        code: Vec::new(),
                    });
                }
                b.doc.sections.push(Section {
                    id,
                    title: h.title.clone(),
                    level: h.level,
                    span: h.span,
                    body: Span::new(h.span.end, h.span.end),
                    matched_by,
                });
                b.enter(id, h.title.clone(), h.span);
            }
            // Deeper headings name the groups below them, inside the current section.
            Block::Heading(h) => {
                b.flush_empty_field();
                b.set_label(h.title.clone(), h.span);
            }
            Block::Paragraph(span) => b.paragraph(*span),
            Block::List(list) => b.list(list),
            Block::Table(table) => b.table(table),
            Block::Code(code) => b.code(code),
        }
    }
}

/// Ends each section's body at the next heading of the same or a higher level.
pub(crate) fn close_sections(sections: &mut [Section], source_len: usize) {
    for i in 0..sections.len() {
        let level = sections[i].level;
        let end = sections[i + 1..]
            .iter()
            .find(|s| s.level <= level)
            .map_or(source_len, |s| s.span.start);
        sections[i].body = Span::new(sections[i].span.end, end.max(sections[i].span.end));
    }
}
