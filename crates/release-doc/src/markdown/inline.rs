//! Small helpers over raw inline Markdown: trimming spans, plain text, `**Label**:` splits.

use std::sync::LazyLock;

use regex::Regex;

use crate::span::Span;

/// `span` without leading and trailing white space.
pub(crate) fn trim_span(source: &str, span: Span) -> Span {
    let raw = span.text(source);
    let start = span.start + (raw.len() - raw.trim_start().len());
    let end = span.start + raw.trim_end().len();
    Span::new(start, end.max(start))
}

/// A table cell's text with `\|` unescaped.
pub(crate) fn unescape_cell(raw: &str) -> String {
    raw.replace("\\|", "|")
}

static MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\*\*|__|~~|`|\[\[|\]\]|\[([^\]]*)\]\([^)]*\)").expect("valid regex")
});

/// Plain text of inline Markdown: emphasis, strikethrough, code and link markup removed,
/// white space collapsed.
pub(crate) fn plain(raw: &str) -> String {
    if !raw.contains(['*', '_', '~', '`', '[']) {
        return raw.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let stripped = MARKUP.replace_all(raw, |c: &regex::Captures<'_>| {
        c.get(1).map_or(String::new(), |m| m.as_str().to_owned())
    });
    let stripped = stripped.replace('*', "");
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\*\*([^*\n]+?)\*\*|__([^_\n]+?)__)\s*(:?)\s*").expect("valid regex")
});
static PLAIN_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Za-z][^:\n\[\]{}]{0,60}?)\s*:\s").expect("valid regex"));

/// A `**Label**: value` (or `**Label:** value`) split of `span`: the label's plain text
/// and span, and the value's span (possibly empty). With `plain_label`, an unmarked
/// `Label: value` is accepted too (list items like `Internal team: Slack`).
pub(crate) fn split_label(
    source: &str,
    span: Span,
    plain_label: bool,
) -> Option<(String, Span, Span)> {
    let raw = span.text(source);
    let marked = raw.starts_with("**") || raw.starts_with("__");
    if let Some(c) = marked.then(|| LABEL.captures(raw)).flatten() {
        let inner = c.get(1).or_else(|| c.get(2))?;
        let label = inner.as_str().trim();
        let has_colon = !c.get(3).is_some_and(|m| m.as_str().is_empty()) || label.ends_with(':');
        if !has_colon {
            return None;
        }
        let whole = c.get(0)?;
        let label_span = Span::new(span.start + inner.start(), span.start + inner.end());
        let value = trim_span(source, Span::new(span.start + whole.end(), span.end));
        return Some((
            label.trim_end_matches(':').trim().to_owned(),
            label_span,
            value,
        ));
    }
    if plain_label {
        let c = PLAIN_LABEL.captures(raw)?;
        let inner = c.get(1)?;
        let whole = c.get(0)?;
        let label_span = Span::new(span.start + inner.start(), span.start + inner.end());
        let value = trim_span(source, Span::new(span.start + whole.end(), span.end));
        return Some((inner.as_str().trim().to_owned(), label_span, value));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let src = "**Release**: Payments (v1.0.0)";
        let (label, l, v) = split_label(src, Span::new(0, src.len()), false).unwrap();
        assert_eq!(label, "Release");
        assert_eq!(l.text(src), "Release");
        assert_eq!(v.text(src), "Payments (v1.0.0)");
        let src = "**Code & Testing**:";
        let (label, _, v) = split_label(src, Span::new(0, src.len()), false).unwrap();
        assert_eq!(label, "Code & Testing");
        assert!(v.is_empty());
        let src = "**Expected impact:**";
        assert_eq!(
            split_label(src, Span::new(0, src.len()), false).unwrap().0,
            "Expected impact"
        );
        let src = "**bold** text";
        assert!(split_label(src, Span::new(0, src.len()), false).is_none());
        let src = "Internal team: #payments-war-room";
        let (label, _, v) = split_label(src, Span::new(0, src.len()), true).unwrap();
        assert_eq!(
            (label.as_str(), v.text(src)),
            ("Internal team", "#payments-war-room")
        );
    }

    #[test]
    fn plain_text() {
        assert_eq!(
            plain("~~**Runbook**  updated~~ [docs](http://x) `code`"),
            "Runbook updated docs code"
        );
    }
}
