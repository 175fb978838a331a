//! Small helpers over raw inline Markdown: trimming spans, plain text, `**Label**:` splits.

use crate::span::Span;

/// `span` without leading and trailing white space.
pub(crate) fn trim_span(source: &str, span: Span) -> Span {
    let raw = span.text(source);
    let start = span.start + (raw.len() - raw.trim_start().len());
    let end = span.start + raw.trim_end().len();
    Span::new(start, end.max(start))
}

/// A table cell's text with `\|` unescaped.
pub(crate) fn unescape_cell(raw: &str) -> std::borrow::Cow<'_, str> {
    // A pipe is rare in a cell: look for it (memchr) before the two-byte pattern.
    if raw.contains('|') && raw.contains("\\|") {
        std::borrow::Cow::Owned(raw.replace("\\|", "|"))
    } else {
        std::borrow::Cow::Borrowed(raw)
    }
}

/// Plain text of inline Markdown: emphasis, strikethrough, code and link markup removed,
/// white space collapsed.
///
/// Removes what the regex `\*\*|__|~~|`|\[\[|\]\]|\[([^\]]*)\]\([^)]*\)` matches (a link
/// becomes its text), then every remaining `*`; written by hand as one pass.
pub(crate) fn plain(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    if !raw.contains(['*', '_', '~', '`', '[']) {
        push_collapsed(&mut out, raw);
        return out;
    }
    let mut stripped = String::with_capacity(raw.len());
    let bytes = raw.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let (len, keep) = if rest.starts_with(b"**")
            || rest.starts_with(b"__")
            || rest.starts_with(b"~~")
            || rest.starts_with(b"[[")
            || rest.starts_with(b"]]")
        {
            (2, None)
        } else if rest[0] == b'`' {
            (1, None)
        } else if rest[0] == b'[' {
            match link_at(rest) {
                Some((len, text)) => (len, Some(i + 1..i + 1 + text)),
                None => (0, None),
            }
        } else {
            (0, None)
        };
        if len == 0 {
            i += 1;
            continue;
        }
        // Every boundary here is next to an ASCII byte: a character boundary.
        stripped.push_str(&raw[copied..i]);
        if let Some(text) = keep {
            stripped.push_str(&raw[text]);
        }
        i += len;
        copied = i;
    }
    stripped.push_str(&raw[copied..]);
    stripped.retain(|c| c != '*');
    push_collapsed(&mut out, &stripped);
    out
}

/// A `[text](target)` link at the start of `bytes` (no `]` in the text, no `)` in the
/// target): its length and the length of its text.
fn link_at(bytes: &[u8]) -> Option<(usize, usize)> {
    let close = memchr::memchr(b']', &bytes[1..])? + 1;
    if bytes.get(close + 1) != Some(&b'(') {
        return None;
    }
    let end = memchr::memchr(b')', &bytes[close + 2..])? + close + 2;
    Some((end + 1, close - 1))
}

/// Push the words of `text` separated by single spaces.
fn push_collapsed(out: &mut String, text: &str) {
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// A `**Label**: value` (or `**Label:** value`) split of `span`: the label's plain text
/// and span, and the value's span (possibly empty). With `plain_label`, an unmarked
/// `Label: value` is accepted too (list items like `Internal team: Slack`).
pub(crate) fn split_label(
    source: &str,
    span: Span,
    plain_label: bool,
) -> Option<(String, Span, Span)> {
    let raw = span.text(source);
    let (label, after) = match marked_label(raw) {
        Some(found) => found,
        None if plain_label => unmarked_label(raw)?,
        None => return None,
    };
    let label_span = Span::new(span.start + label.start, span.start + label.end);
    let value = trim_span(source, Span::new(span.start + after, span.end));
    let text = raw[label]
        .trim()
        .trim_end_matches(':')
        .trim_end()
        .to_owned();
    Some((text, label_span, value))
}

/// `**Label**:` / `__Label__:` / `**Label:**` at the start of `raw`: the label's range
/// and the offset after the colon.
fn marked_label(raw: &str) -> Option<(std::ops::Range<usize>, usize)> {
    let fence = if raw.starts_with("**") {
        "**"
    } else if raw.starts_with("__") {
        "__"
    } else {
        return None;
    };
    let inner_end = 2 + raw[2..].find(fence)?;
    let inner = 2..inner_end;
    let label = &raw[inner.clone()];
    if label.trim().is_empty() || label.contains('\n') {
        return None;
    }
    let rest = &raw[inner_end + 2..];
    let after_space = inner_end + 2 + (rest.len() - rest.trim_start().len());
    if label.trim_end().ends_with(':') {
        return Some((inner, after_space));
    }
    raw[after_space..].starts_with(':').then(|| {
        let after_colon = &raw[after_space + 1..];
        (
            inner,
            after_space + 1 + (after_colon.len() - after_colon.trim_start().len()),
        )
    })
}

/// `Label: value` at the start of `raw`: a letter, then up to 60 characters without
/// `:`, brackets, braces or a line break, then `: ` (a colon followed by space).
fn unmarked_label(raw: &str) -> Option<(std::ops::Range<usize>, usize)> {
    if !raw.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let colon = raw.find(':')?;
    let label = &raw[..colon];
    let bad = label.contains(['\n', '[', ']', '{', '}']) || label.chars().count() > 61;
    let after = &raw[colon + 1..];
    if bad || !after.starts_with(char::is_whitespace) {
        return None;
    }
    let label_end = label.trim_end().len();
    Some((
        0..label_end,
        colon + 1 + (after.len() - after.trim_start().len()),
    ))
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

    /// The regex `plain` replaced (with its fast path).
    fn plain_by_regex(raw: &str) -> String {
        if !raw.contains(['*', '_', '~', '`', '[']) {
            return raw.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        let markup = regex::Regex::new(r"\*\*|__|~~|`|\[\[|\]\]|\[([^\]]*)\]\([^)]*\)").unwrap();
        let stripped = markup.replace_all(raw, |c: &regex::Captures<'_>| {
            c.get(1).map_or(String::new(), |m| m.as_str().to_owned())
        });
        let stripped = stripped.replace('*', "");
        stripped.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    proptest::proptest! {
        #[test]
        fn plain_agrees_with_the_regex(text in "[*_~`\\[\\]()a é\n]{0,24}") {
            proptest::prop_assert_eq!(plain(&text), plain_by_regex(&text));
        }
    }

    #[test]
    fn plain_text() {
        for text in [
            "[a](b) [[c]] [d] (e) [f](g",
            "[x]](y)",
            "[**a__**](q) *b*",
            "[]()",
            "a\u{a0}b",
        ] {
            assert_eq!(plain(text), plain_by_regex(text), "{text:?}");
        }
        assert_eq!(
            plain("~~**Runbook**  updated~~ [docs](http://x) `code`"),
            "Runbook updated docs code"
        );
    }
}
