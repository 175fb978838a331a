//! Tests of the frontmatter module: finding the block here, reading entries in `entries`,
//! invalid YAML and recovery in `errors`, the event pass and its budgets in `budgets`,
//! arbitrary input in `robustness`, a forgotten closing `---` in `unclosed`.

mod budgets;
mod entries;
mod errors;
mod robustness;
mod unclosed;

use super::*;
use crate::span::LineIndex;

/// The frontmatter of the Deployment & Release Process template.
const TEMPLATE: &str = "---
component: \"{{component}}\"
type: \"workflow\"
phase: \"deployment\"
status: \"active\"
created: \"{{date}}\"
updated: \"{{date}}\"
owner: \"{{owner}}\"
tags: [\"deployment\", \"release\", \"ci-cd\", \"production\", \"rollback\"]
---

# Deployment & Release Process Template
";

fn read(source: &str) -> (Vec<Entry>, Vec<Problem>) {
    let (split, problem) = split(source);
    assert_eq!(problem, None);
    let block = split.block.expect("a frontmatter block");
    read_entries(source, &block)
}

fn get<'e>(entries: &'e [Entry], key: &str) -> &'e Entry {
    entries.iter().find(|e| e.key == key).expect("the key")
}

fn line(source: &str, offset: usize) -> usize {
    LineIndex::new(source).line_col(source, offset).line
}

#[test]
fn template_frontmatter() {
    let (split, problem) = split(TEMPLATE);
    assert_eq!(problem, None);
    let block = split.block.expect("block");
    assert_eq!(block.span.start, 0);
    assert_eq!(
        &TEMPLATE[split.body_start..],
        "\n# Deployment & Release Process Template\n"
    );
    assert!(block.yaml.text(TEMPLATE).starts_with("component:"));
    assert!(block.yaml.text(TEMPLATE).ends_with("\"rollback\"]\n"));

    let (entries, problems) = read_entries(TEMPLATE, &block);
    assert!(problems.is_empty(), "{problems:?}");
    let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
    assert_eq!(
        keys,
        [
            "component",
            "type",
            "phase",
            "status",
            "created",
            "updated",
            "owner",
            "tags"
        ]
    );
    let phase = get(&entries, "phase");
    assert_eq!(phase.value, EntryValue::Text("deployment".into()));
    assert_eq!(phase.key_span.text(TEMPLATE), "phase");
    assert_eq!(phase.value_span.text(TEMPLATE), "\"deployment\"");
    let owner = get(&entries, "owner");
    assert_eq!(owner.value, EntryValue::Text("{{owner}}".into()));
    assert_eq!(owner.value_span.text(TEMPLATE), "\"{{owner}}\"");
    let tags = get(&entries, "tags");
    assert_eq!(
        tags.value_span.text(TEMPLATE),
        "[\"deployment\", \"release\", \"ci-cd\", \"production\", \"rollback\"]"
    );
    let EntryValue::List(items) = &tags.value else {
        panic!("tags is a list: {:?}", tags.value);
    };
    let names: Vec<&str> = items.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(
        names,
        ["deployment", "release", "ci-cd", "production", "rollback"]
    );
    assert_eq!(items[2].1.text(TEMPLATE), "\"ci-cd\"");
    assert_eq!(line(TEMPLATE, items[2].1.start), 9);
}

#[test]
fn crlf_and_bom_give_the_same_entries_with_shifted_spans() {
    let crlf = format!("\u{feff}{}", TEMPLATE.replace('\n', "\r\n"));
    let (split_crlf, problem) = split(&crlf);
    assert_eq!(problem, None);
    let block = split_crlf.block.expect("block");
    assert_eq!(block.span.start, 3);
    assert!(crlf[split_crlf.body_start..].starts_with("\r\n# Deployment"));
    let (plain_entries, _) = read(TEMPLATE);
    let (entries, problems) = read_entries(&crlf, &block);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(entries.len(), plain_entries.len());
    for (a, b) in plain_entries.iter().zip(&entries) {
        assert_eq!(a.key, b.key);
        assert_eq!(a.key_span.text(TEMPLATE), b.key_span.text(&crlf));
        assert_eq!(a.value_span.text(TEMPLATE), b.value_span.text(&crlf));
        // 3 bytes of BOM plus one `\r` per line before it.
        let shift = 3 + line(TEMPLATE, a.key_span.start) - 1;
        assert_eq!(b.key_span, a.key_span.shifted(shift));
        assert_eq!(b.value_span, a.value_span.shifted(shift));
        match (&a.value, &b.value) {
            (EntryValue::List(x), EntryValue::List(y)) => {
                for ((sx, px), (sy, py)) in x.iter().zip(y) {
                    assert_eq!(sx, sy);
                    assert_eq!(*py, px.shifted(shift));
                }
            }
            (x, y) => assert_eq!(x, y),
        }
    }
}

#[test]
fn lone_cr_line_endings() {
    let source = "---\rphase: deployment\rowner: Ana\r---\rbody";
    let (entries, problems) = read(source);
    assert!(problems.is_empty());
    assert_eq!(get(&entries, "owner").value_span.text(source), "Ana");
    assert_eq!(&source[split(source).0.body_start..], "body");
}

#[test]
fn no_frontmatter() {
    for source in [
        "# Title\n",
        "",
        "\u{feff}text",
        " ---\na: b\n---\n",
        "----\n",
    ] {
        let (split, problem) = split(source);
        assert_eq!(split.block, None, "{source:?}");
        assert_eq!(problem, None);
        assert_eq!(
            split.body_start,
            if source.starts_with('\u{feff}') { 3 } else { 0 }
        );
    }
}

#[test]
fn fences_allow_trailing_blanks_and_dots_close() {
    let source = "---  \t\na: 1\n... \nbody";
    let (split, problem) = split(source);
    assert_eq!(problem, None);
    let block = split.block.expect("block");
    assert_eq!(block.yaml.text(source), "a: 1\n");
    assert_eq!(block.span.text(source), "---  \t\na: 1\n... \n");
    assert_eq!(&source[split.body_start..], "body");
}

#[test]
fn unterminated() {
    let source = "\u{feff}---\r\nphase: deployment\r\n# Title\r\n";
    let (split, problem) = split(source);
    assert_eq!(split.block, None);
    assert_eq!(split.body_start, 3);
    let problem = problem.expect("problem");
    assert_eq!(problem.kind, ProblemKind::UnterminatedFrontmatter);
    assert_eq!(problem.span.text(source), "---");
    assert!(
        problem.message.contains("never closed"),
        "{}",
        problem.message
    );
}

#[test]
fn empty_yaml() {
    for source in [
        "---\n---\nbody",
        "---\n\n  \n---\n",
        "---\n# only a comment\n---\n",
    ] {
        let (entries, problems) = read(source);
        assert!(entries.is_empty() && problems.is_empty(), "{source:?}");
    }
}

#[test]
fn serde_round_trip() {
    let (entries, _) = read(TEMPLATE);
    let json = serde_json::to_string(&entries).unwrap_or_default();
    assert!(json.contains("\"type\":\"list\""), "{json}");
    let back: Vec<Entry> = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(back, entries);
}
