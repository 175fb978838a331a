//! Reading entries from valid YAML: values, spans, placeholders, aliases.

use super::{get, line, read};
use crate::frontmatter::EntryValue;
use crate::problem::ProblemKind;
use crate::span::Span;

#[test]
fn list_frontmatter() {
    let source = "---\n- a\n- b\n---\n";
    let (entries, problems) = read(source);
    assert!(entries.is_empty());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::FrontmatterNotMapping);
    assert!(
        problems[0].message.contains("a list"),
        "{}",
        problems[0].message
    );
    assert!(problems[0].message.contains("mapping"));
    assert_eq!(problems[0].span.text(source), "- a\n- b");
}

#[test]
fn scalar_frontmatter() {
    let source = "---\njust some text\n---\n";
    let (entries, problems) = read(source);
    assert!(entries.is_empty());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::FrontmatterNotMapping);
    assert!(problems[0].message.contains("`just some text`"));
    assert_eq!(problems[0].span.text(source), "just some text");
}

#[test]
fn unquoted_placeholders() {
    let source = "---\nowner: {{owner}}\ncomponent: {{ component }}\ntags: [a, {{tag}}]\n---\n";
    let (entries, problems) = read(source);
    assert!(problems.is_empty(), "{problems:?}");
    let owner = get(&entries, "owner");
    assert_eq!(owner.value, EntryValue::Placeholder("owner".into()));
    assert_eq!(owner.value_span.text(source), "{{owner}}");
    let component = get(&entries, "component");
    assert_eq!(component.value, EntryValue::Placeholder("component".into()));
    assert_eq!(component.value_span.text(source), "{{ component }}");
    let EntryValue::List(items) = &get(&entries, "tags").value else {
        panic!("list");
    };
    assert_eq!(items[1].0, "{{tag}}");
    assert_eq!(items[1].1.text(source), "{{tag}}");
}

#[test]
fn scalar_types_become_text_and_nulls_null() {
    let source = "---\ncreated: 2026-11-30\ncount: 007\nratio: 1.10\nflag: true\ninf: .inf\nq: 'it''s'\nempty:\ntilde: ~\nlit: |\n  one\n  two\n\nlast: x\n---\n";
    let (entries, problems) = read(source);
    assert!(problems.is_empty());
    assert_eq!(
        get(&entries, "created").value,
        EntryValue::Text("2026-11-30".into())
    );
    assert_eq!(get(&entries, "count").value, EntryValue::Text("007".into()));
    assert_eq!(
        get(&entries, "ratio").value,
        EntryValue::Text("1.10".into())
    );
    assert_eq!(get(&entries, "flag").value, EntryValue::Text("true".into()));
    assert_eq!(get(&entries, "inf").value, EntryValue::Text(".inf".into()));
    assert_eq!(get(&entries, "q").value, EntryValue::Text("it's".into()));
    assert_eq!(get(&entries, "q").value_span.text(source), "'it''s'");
    let empty = get(&entries, "empty");
    assert_eq!(empty.value, EntryValue::Null);
    assert!(empty.value_span.is_empty());
    assert_eq!(
        Some(empty.value_span.start),
        source.find("empty:").map(|i| i + "empty:".len())
    );
    assert_eq!(get(&entries, "tilde").value, EntryValue::Null);
    assert_eq!(get(&entries, "tilde").value_span.text(source), "~");
    let lit = get(&entries, "lit");
    assert_eq!(lit.value, EntryValue::Text("one\ntwo\n".into()));
    assert_eq!(lit.value_span.text(source), "|\n  one\n  two");
}

#[test]
fn block_sequences() {
    let source = "---\ntags:\n  - one\n  - \"two\"\nmore:\n- x\n- y\nnone: []\n---\n";
    let (entries, problems) = read(source);
    assert!(problems.is_empty());
    let tags = get(&entries, "tags");
    assert_eq!(tags.value_span.text(source), "- one\n  - \"two\"");
    let more = get(&entries, "more");
    assert_eq!(more.value_span.text(source), "- x\n- y");
    assert_eq!(
        more.value,
        EntryValue::List(vec![
            (
                "x".into(),
                Span::new(
                    source.find("x\n").unwrap_or(0),
                    source.find("x\n").unwrap_or(0) + 1
                )
            ),
            (
                "y".into(),
                Span::new(
                    source.find("y\n").unwrap_or(0),
                    source.find("y\n").unwrap_or(0) + 1
                )
            ),
        ])
    );
    assert_eq!(get(&entries, "none").value, EntryValue::List(Vec::new()));
}

#[test]
fn nested_map_value() {
    let source = "---\nextra:\n  reviewers: [a, b]\n  count: 2\n  flag: false\n  who: \"3\"\nafter: x\n---\n";
    let (entries, problems) = read(source);
    assert!(problems.is_empty());
    let extra = get(&entries, "extra");
    assert_eq!(
        extra.value,
        EntryValue::Other(serde_json::json!({
            "reviewers": ["a", "b"], "count": 2, "flag": false, "who": "3"
        }))
    );
    assert_eq!(
        extra.value_span.text(source),
        "reviewers: [a, b]\n  count: 2\n  flag: false\n  who: \"3\""
    );
    assert_eq!(get(&entries, "after").value, EntryValue::Text("x".into()));
    let source = "---\nmatrix: [[1, 2], [3]]\n---\n";
    let (entries, _) = read(source);
    assert_eq!(
        entries[0].value,
        EntryValue::Other(serde_json::json!([[1, 2], [3]]))
    );
    assert_eq!(entries[0].value_span.text(source), "[[1, 2], [3]]");
}

#[test]
fn aliases_resolve() {
    let source = "---\nbase: &o Ana\nowner: *o\n---\n";
    let (entries, problems) = read(source);
    assert!(problems.is_empty());
    assert_eq!(get(&entries, "owner").value, EntryValue::Text("Ana".into()));
    assert_eq!(get(&entries, "owner").value_span.text(source), "*o");
}

#[test]
fn non_ascii_values() {
    let source = "\u{feff}---\nowner: Tomás Ferreira\nteam: \"Équipe ☕\"\ntags: [café, \"naïve\"]\nname: \"caf\\u00e9\"\n---\n";
    let (entries, problems) = read(source);
    assert!(problems.is_empty());
    let owner = get(&entries, "owner");
    assert_eq!(owner.value, EntryValue::Text("Tomás Ferreira".into()));
    assert_eq!(owner.value_span.text(source), "Tomás Ferreira");
    assert_eq!(
        get(&entries, "team").value_span.text(source),
        "\"Équipe ☕\""
    );
    let EntryValue::List(items) = &get(&entries, "tags").value else {
        panic!("list");
    };
    assert_eq!(items[0].1.text(source), "café");
    assert_eq!(items[1].1.text(source), "\"naïve\"");
    assert_eq!(get(&entries, "name").value, EntryValue::Text("café".into()));
}

#[test]
fn tabs() {
    let source = "---\nphase:\tdeployment\t\nowner: Ana\n---\n";
    let (entries, problems) = read(source);
    assert!(problems.is_empty());
    assert_eq!(
        get(&entries, "phase").value,
        EntryValue::Text("deployment".into())
    );
    assert_eq!(get(&entries, "phase").value_span.text(source), "deployment");

    let source = "---\nphase: deployment\ntags:\n\t- a\nowner: Ana\n---\n";
    let (entries, problems) = read(source);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::InvalidYaml);
    assert_eq!(line(source, problems[0].span.start), 4);
    assert_eq!(get(&entries, "owner").value, EntryValue::Text("Ana".into()));
}
