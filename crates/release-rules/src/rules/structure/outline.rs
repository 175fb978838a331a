//! The outline the structure and completeness rules share: the template's sections (known
//! ones and a team template's own), when each becomes due, and a section's own content.

use release_doc::values::Stage;
use release_doc::{ReleaseDoc, Section, Span};

use crate::context::Context;
use crate::due;

/// A heading in comparable form, as the parser matches known sections: lower case, `&`
/// for `and`, no inline markup, collapsed white space, no trailing colon.
pub(crate) fn normalize(title: &str) -> String {
    release_doc::normalize_title(title)
}

/// One section of the template with its place in the outline.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry<'a> {
    /// The template's heading.
    pub section: &'a Section,
    /// Index of the enclosing section in the outline.
    pub parent: Option<usize>,
    /// Part of the optional guidance (`Deployment Guidelines` and below).
    pub guidance: bool,
    /// When its content becomes due; `None` for guidance.
    pub due: Option<Stage>,
}

/// The template's sections in order. A known section is due as [`due::section`] says; a
/// team template's own section is due with the known section that encloses it, and from
/// `planned` when it is a top-level section of its own.
pub(crate) fn template<'a>(ctx: &Context<'a>) -> Vec<Entry<'a>> {
    let sections = ctx.schema.sections();
    let mut entries: Vec<Entry<'a>> = Vec::with_capacity(sections.len());
    for section in sections {
        let parent = entries
            .iter()
            .rposition(|e: &Entry<'_>| e.section.level < section.level);
        let parent_entry = parent.and_then(|p| entries.get(p));
        let guidance = section.id.is_some_and(|id| id.is_guidance())
            || parent_entry.is_some_and(|p| p.guidance);
        let due = if guidance {
            None
        } else if let Some(id) = section.id {
            due::section(id)
        } else {
            parent_entry.map_or(Some(Stage::Planned), |p| p.due)
        };
        entries.push(Entry {
            section,
            parent,
            guidance,
            due,
        });
    }
    entries
}

/// The document's heading for a template section: the known section by id, a team
/// template's own section by its (normalized) title.
pub(crate) fn find_in_doc<'d>(doc: &'d ReleaseDoc, wanted: &Section) -> Option<&'d Section> {
    match wanted.id {
        Some(id) => doc.section(id),
        None => {
            let title = normalize(&wanted.title);
            doc.sections
                .iter()
                .find(|s| s.id.is_none() && normalize(&s.title) == title)
        }
    }
}

/// When the content of a document section becomes due: a known section as
/// [`due::section`] says, a section the template adds as its outline entry says, any
/// other section never.
pub(crate) fn section_due(outline: &[Entry<'_>], section: &Section) -> Option<Stage> {
    match section.id {
        Some(id) => due::section(id),
        None => {
            let title = normalize(&section.title);
            outline
                .iter()
                .find(|e| e.section.id.is_none() && normalize(&e.section.title) == title)
                .and_then(|e| e.due)
        }
    }
}

/// When content at `offset` becomes due: frontmatter and text before the first section
/// from `planned`, otherwise as the section holding it.
pub(crate) fn due_at(ctx: &Context<'_>, outline: &[Entry<'_>], offset: usize) -> Option<Stage> {
    match ctx.section_at(offset) {
        Some(section) => section_due(outline, section),
        None => Some(Stage::Planned),
    }
}

/// A section's own text: from the end of its heading to the next heading of any level.
pub(crate) fn own_body(ctx: &Context<'_>, section: &Section) -> Span {
    own_body_in(&ctx.model().sections, ctx.source().len(), section)
}

/// [`own_body`] in any model (the template's too).
pub(crate) fn own_body_in(sections: &[Section], len: usize, section: &Section) -> Span {
    let end = sections
        .iter()
        .map(|s| s.span.start)
        .filter(|&start| start > section.span.start)
        .min()
        .unwrap_or(len);
    Span::new(section.span.end.min(end), end)
}

/// The HTML comments of `text` (`<!--` to the first `-->` after it), in order: what the
/// regex `(?s)<!--.*?-->` finds, by substring search. A `<!--` without a `-->` after it
/// is no comment, and neither is any later one.
fn comment_spans(text: &str) -> impl Iterator<Item = Span> + '_ {
    let open = memchr::memmem::Finder::new("<!--");
    let close = memchr::memmem::Finder::new("-->");
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        let start = from + open.find(bytes.get(from..)?)?;
        let body = start + "<!--".len();
        let end = body + close.find(bytes.get(body..)?)? + "-->".len();
        from = end;
        Some(Span::new(start, end))
    })
}

/// Whether Markdown text says anything: HTML comments, blank lines and thematic breaks
/// (`---`, `***`, `___`) do not count.
pub(crate) fn has_content(text: &str) -> bool {
    let without_comments = if text.contains("<!--") {
        let mut kept = String::with_capacity(text.len());
        let mut last = 0;
        for comment in comment_spans(text) {
            kept.push_str(text.get(last..comment.start).unwrap_or_default());
            last = comment.end;
        }
        kept.push_str(text.get(last..).unwrap_or_default());
        std::borrow::Cow::Owned(kept)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    without_comments.lines().any(|line| {
        let t = line.trim();
        !t.is_empty() && !is_thematic_break(t)
    })
}

/// `---`, `***` or `___`, spaces allowed between the marks.
fn is_thematic_break(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(mark) = marks.next().filter(|m| matches!(m, '-' | '*' | '_')) else {
        return false;
    };
    let mut count = 1;
    for c in marks {
        if c != mark {
            return false;
        }
        count += 1;
    }
    count >= 3
}

/// The HTML comments of `source`, in order.
pub(crate) fn comments(source: &str) -> Vec<Span> {
    comment_spans(source).collect()
}

/// The line of `source` holding `offset`, without its line break.
pub(crate) fn line_span(source: &str, offset: usize) -> Span {
    let offset = offset.min(source.len());
    // Byte searches: a line break is one ASCII byte, never inside a UTF-8 sequence.
    let start = source
        .get(..offset)
        .and_then(|s| memchr::memrchr2(b'\n', b'\r', s.as_bytes()))
        .map_or(0, |i| i + 1);
    let end = source
        .get(offset..)
        .and_then(|s| memchr::memchr2(b'\n', b'\r', s.as_bytes()))
        .map_or(source.len(), |i| offset + i);
    Span::new(start, end)
}

/// The heading as written in Markdown (`### Risk Assessment`), for messages.
pub(crate) fn heading(section: &Section) -> String {
    format!(
        "{} {}",
        "#".repeat(usize::from(section.level)),
        section.title
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_spans_are_what_the_comment_regex_finds() {
        let regex = regex::Regex::new(r"(?s)<!--.*?-->").expect("valid regex");
        for text in [
            "",
            "a <!-- b --> c <!-- d\ne --> f",
            "<!---->x<!-->y-->",
            "<!-- open <!-- nested --> -->",
            "<!-- unclosed",
            "x --> <!-- a --><!-- b",
            "é<!--ü-->ß",
        ] {
            let found: Vec<Span> = comment_spans(text).collect();
            let expected: Vec<Span> = regex
                .find_iter(text)
                .map(|m| Span::new(m.start(), m.end()))
                .collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }

    #[test]
    fn content_ignores_comments_and_rules() {
        assert!(!has_content("\n\n<!-- note -->\n---\n* * *\n"));
        assert!(has_content("\n- None\n"));
        assert!(has_content("text <!-- c -->"));
    }

    #[test]
    fn lines_and_comments() {
        let src = "a\n<!-- {{x}} -->\nb {{y}}\n";
        let y = src.find("{{y}}").unwrap_or(0);
        assert_eq!(comments(src).len(), 1);
        assert_eq!(comments(src)[0].text(src), "<!-- {{x}} -->");
        assert_eq!(line_span(src, y).text(src), "b {{y}}");
    }
}
