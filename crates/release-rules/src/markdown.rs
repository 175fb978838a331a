//! Facts of Markdown text the schema and the rules share: HTML comments, lines, a
//! section's own text, and whether text says anything.

use release_doc::{Section, Span};

/// A section's own text in a model (a document's or the template's): from the end of its
/// heading to the next heading of any level (`len`: the length of the source).
pub(crate) fn own_body(sections: &[Section], len: usize, section: &Section) -> Span {
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
