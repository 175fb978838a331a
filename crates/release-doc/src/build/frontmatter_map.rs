//! The typed frontmatter, read from the YAML entries.

use crate::field::Field;
use crate::frontmatter::{Entry, EntryValue};
use crate::model::{Frontmatter, FrontmatterKey};
use crate::span::Span;
use crate::values::datetime::parse_date;
use crate::values::enums::{Outcome, Stage};

use super::Builder;

pub(super) fn frontmatter(b: &mut Builder<'_>, span: Span, entries: Vec<Entry>) -> Frontmatter {
    let mut fm = Frontmatter {
        span,
        ..Frontmatter::default()
    };
    b.section_title = "frontmatter".to_owned();
    for entry in entries {
        let key = entry.key.as_str();
        match key {
            "component" => fm.component = text(&entry),
            "type" => fm.doc_type = text(&entry),
            "phase" => fm.phase = text(&entry),
            "status" => fm.status = text(&entry),
            "owner" => fm.owner = text(&entry),
            "created" => fm.created = typed(b, &entry, "`created`", parse_date),
            "updated" => fm.updated = typed(b, &entry, "`updated`", parse_date),
            "stage" => fm.stage = typed(b, &entry, "`stage`", Stage::parse),
            "outcome" => fm.outcome = typed(b, &entry, "`outcome`", Outcome::parse),
            "tags" => {
                fm.tags = match &entry.value {
                    EntryValue::List(items) => Field::Value {
                        value: items.iter().map(|(t, _)| t.clone()).collect(),
                        raw: entry.value_span.text(b.source).trim().to_owned(),
                        span: entry.value_span,
                        note: None,
                    },
                    EntryValue::Text(t) => Field::Value {
                        value: vec![t.clone()],
                        raw: t.clone(),
                        span: entry.value_span,
                        note: None,
                    },
                    _ => text(&entry).map(|t| vec![t]),
                };
            }
            _ => {}
        }
        fm.keys.push(FrontmatterKey {
            value: json(&entry.value),
            key: entry.key,
            span: entry.key_span,
            value_span: entry.value_span,
        });
    }
    b.section_title.clear();
    fm
}

fn json(value: &EntryValue) -> serde_json::Value {
    match value {
        EntryValue::Null => serde_json::Value::Null,
        EntryValue::Text(t) => serde_json::Value::String(t.clone()),
        EntryValue::Placeholder(name) => serde_json::Value::String(format!("{{{{{name}}}}}")),
        EntryValue::List(items) => items
            .iter()
            .map(|(t, _)| serde_json::Value::String(t.clone()))
            .collect(),
        EntryValue::Other(v) => v.clone(),
    }
}

fn text(entry: &Entry) -> Field<String> {
    match &entry.value {
        EntryValue::Null => Field::Unfilled {
            placeholder: String::new(),
            span: entry.value_span,
        },
        EntryValue::Placeholder(name) => Field::Unfilled {
            placeholder: name.clone(),
            span: entry.value_span,
        },
        EntryValue::Text(t) => Field::text(t, entry.value_span),
        EntryValue::List(_) | EntryValue::Other(_) => Field::Invalid {
            raw: shortened(&json(&entry.value).to_string()),
            expected: "a single text value".to_owned(),
            span: entry.value_span,
        },
    }
}

fn typed<T, E: Into<String>>(
    b: &mut Builder<'_>,
    entry: &Entry,
    what: &str,
    parse: fn(&str) -> Result<T, E>,
) -> Field<T> {
    match (&entry.value, text(entry)) {
        (EntryValue::Text(t), _) => b.read(what, t, entry.value_span, parse),
        (_, Field::Unfilled { placeholder, span }) => Field::Unfilled { placeholder, span },
        (
            _,
            Field::Invalid {
                raw,
                expected,
                span,
            },
        ) => Field::Invalid {
            raw,
            expected,
            span,
        },
        (_, Field::Empty { raw, span }) => Field::Empty { raw, span },
        (_, Field::Missing | Field::Value { .. }) => Field::Missing,
    }
}

/// At most 60 characters of `text`, then `…`: a nested YAML value can be huge, and it is
/// quoted in messages.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_huge_nested_value_is_quoted_short() {
        let deep = format!(
            "---\ncomponent: {}{}\n---\n",
            "[".repeat(500),
            "]".repeat(500)
        );
        let doc = crate::parse(&deep).value;
        let raw = doc
            .frontmatter
            .and_then(|f| f.component.raw().map(str::to_owned))
            .unwrap_or_default();
        assert!(raw.chars().count() <= 61, "{raw}");
    }
}
