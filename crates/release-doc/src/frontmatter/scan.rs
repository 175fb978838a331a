//! The line scanner that recovers top-level `key: value` entries when the YAML does not parse.

use std::collections::HashMap;

use super::entries::{duplicate_problem, Ctx};
use super::lines::{Lines, YAML_SPACE};
use super::unquote::{closing_quote, unquote};
use super::{Entry, EntryValue};
use crate::problem::Problem;
use crate::span::Span;

/// A top-level entry being scanned.
struct Pending {
    key: String,
    key_span: Span,
    /// The value written on the key's line, if any.
    inline: Option<Span>,
    /// `- item` lines below the key.
    items: Vec<(String, Span)>,
    /// The indented lines below the key.
    body: Option<Span>,
    /// Whether the indented lines hold anything but `- item` lines.
    nested: bool,
    /// Offset just after the key's `:`.
    colon_end: usize,
}

/// Recover top-level `key: value` entries line by line, and report repeated keys.
pub(super) fn scan_entries(ctx: &Ctx<'_>) -> (Vec<Entry>, Vec<Problem>) {
    let source = ctx.source;
    let mut entries = Vec::new();
    let mut current: Option<Pending> = None;
    for line in Lines::new(source, ctx.base, ctx.base + ctx.yaml.len()) {
        let Some(text) = source.get(line.start..line.end) else {
            continue;
        };
        let trimmed = text.trim_start_matches(YAML_SPACE);
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = text.len() - trimmed.len();
        let is_item = trimmed == "-" || trimmed.starts_with("- ") || trimmed.starts_with("-\t");
        if indent == 0 && !is_item {
            if let Some(done) = current.take() {
                entries.push(finish(source, done));
            }
            current = scan_key_line(line.start, trimmed);
            continue;
        }
        let Some(cur) = current.as_mut() else {
            continue;
        };
        let line_span = Span::new(line.start + indent, line.end);
        cur.body = Some(cur.body.map_or(line_span, |b| b.cover(line_span)));
        if is_item && !cur.nested {
            let item_start = line.start + indent + 1;
            let rest = source.get(item_start..line.end).unwrap_or("");
            let lead = rest.len() - rest.trim_start_matches(YAML_SPACE).len();
            let (value, span) = scalar_text(source, item_start + lead, line.end);
            cur.items.push((value, span));
        } else {
            cur.nested = true;
        }
    }
    if let Some(done) = current.take() {
        entries.push(finish(source, done));
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut problems = Vec::new();
    for entry in &entries {
        if let Some(&first) = seen.get(entry.key.as_str()) {
            problems.push(duplicate_problem(
                &entry.key,
                ctx.line_of(first),
                entry.key_span,
            ));
        } else {
            seen.insert(&entry.key, entry.key_span.start);
        }
    }
    (entries, problems)
}

/// Read `key: value` from a top-level line starting at `start` (text `text`).
fn scan_key_line(start: usize, text: &str) -> Option<Pending> {
    let (key, key_len, after_key) = if let Some(quote) =
        text.chars().next().filter(|c| matches!(c, '"' | '\''))
    {
        let close = closing_quote(text, quote)?;
        let raw = text.get(..=close)?;
        let rest = text.get(close + 1..)?;
        let colon = rest.len() - rest.trim_start_matches(YAML_SPACE).len();
        if !rest.get(colon..)?.starts_with(':') {
            return None;
        }
        (unquote(raw), raw.len(), close + 1 + colon + 1)
    } else {
        let bytes = text.as_bytes();
        let colon = (0..bytes.len()).find(|&i| {
            bytes.get(i) == Some(&b':')
                && matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\r' | b'\n'))
        })?;
        let raw = text.get(..colon)?.trim_end_matches(YAML_SPACE);
        if raw.is_empty() || raw.starts_with(['-', '?', '[', '{', '&', '*', '!', '%', '@', '`']) {
            return None;
        }
        (raw.to_owned(), raw.len(), colon + 1)
    };
    let colon_end = start + after_key;
    let rest = text.get(after_key..).unwrap_or("");
    let lead = rest.len() - rest.trim_start_matches(YAML_SPACE).len();
    let value_start = colon_end + lead;
    let value_text = rest.get(lead..).unwrap_or("");
    let inline = (!value_text.is_empty() && !value_text.starts_with('#')).then(|| {
        let len = value_len(value_text);
        Span::new(value_start, value_start + len)
    });
    Some(Pending {
        key,
        key_span: Span::new(start, start + key_len),
        inline,
        items: Vec::new(),
        body: None,
        nested: false,
        colon_end,
    })
}

/// Turn a scanned entry into an [`Entry`].
fn finish(source: &str, p: Pending) -> Entry {
    let (value, value_span) = match (p.inline, p.body) {
        (Some(span), _) => {
            let text = span.text(source);
            if text.starts_with(['|', '>']) {
                let body = p.body.map(|b| b.text(source)).unwrap_or("");
                let lines: Vec<&str> = body.lines().map(str::trim).collect();
                let whole = p.body.map_or(span, |b| span.cover(b));
                (EntryValue::Text(lines.join("\n")), whole)
            } else {
                (inline_value(source, span), span)
            }
        }
        (None, Some(body)) if !p.nested => (EntryValue::List(p.items), body),
        (None, Some(body)) => (
            EntryValue::Other(serde_json::Value::String(body.text(source).to_owned())),
            body,
        ),
        (None, None) => (EntryValue::Null, Span::new(p.colon_end, p.colon_end)),
    };
    Entry {
        key: p.key,
        key_span: p.key_span,
        value,
        value_span,
    }
}

/// The value written on a key's line.
fn inline_value(source: &str, span: Span) -> EntryValue {
    let text = span.text(source);
    if let Some(inner) = text.strip_prefix("{{").and_then(|t| t.strip_suffix("}}")) {
        if !inner.contains(['{', '}']) {
            return EntryValue::Placeholder(inner.trim().to_owned());
        }
    }
    if text.starts_with('[') && text.ends_with(']') && text.len() >= 2 {
        return EntryValue::List(flow_items(source, span.start + 1, span.end - 1));
    }
    let (value, _) = scalar_text(source, span.start, span.end);
    if is_null_word(text) {
        EntryValue::Null
    } else {
        EntryValue::Text(value)
    }
}

/// The items of a one-line `[a, "b"]` between `start` and `end` (inside the brackets).
fn flow_items(source: &str, start: usize, end: usize) -> Vec<(String, Span)> {
    let inner = source.get(start..end).unwrap_or("");
    if inner.trim().is_empty() {
        return Vec::new();
    }
    let mut items = Vec::new();
    let mut quote: Option<char> = None;
    let mut item_start = 0;
    let mut push = |from: usize, to: usize| {
        let raw = inner.get(from..to).unwrap_or("");
        let lead = raw.len() - raw.trim_start().len();
        let len = raw.trim().len();
        let (value, span) = scalar_text(source, start + from + lead, start + from + lead + len);
        items.push((value, span));
    };
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, ',') => {
                push(item_start, i);
                item_start = i + 1;
            }
            _ => {}
        }
    }
    push(item_start, inner.len());
    items
}

/// The text of a scalar written between `start` and `end` (comment cut, quotes removed) and
/// its span as written.
fn scalar_text(source: &str, start: usize, end: usize) -> (String, Span) {
    let text = source.get(start..end).unwrap_or("");
    let len = value_len(text);
    let raw = text.get(..len).unwrap_or("");
    let span = Span::new(start, start + len);
    if is_null_word(raw) {
        return (String::new(), span);
    }
    (unquote(raw), span)
}

/// The length of a value as written: a quoted scalar up to its closing quote, else up to a
/// ` #` comment, trailing blanks removed.
fn value_len(text: &str) -> usize {
    if let Some(quote) = text.chars().next().filter(|c| matches!(c, '"' | '\'')) {
        if let Some(close) = closing_quote(text, quote) {
            return close + 1;
        }
    }
    let bytes = text.as_bytes();
    let cut = (1..bytes.len())
        .find(|&i| bytes.get(i) == Some(&b'#') && matches!(bytes.get(i - 1), Some(b' ' | b'\t')))
        .unwrap_or(text.len());
    text.get(..cut).unwrap_or("").trim_end().len()
}

/// Whether a plain value is a YAML null spelling.
fn is_null_word(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}
