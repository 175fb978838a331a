//! The template itself is the "everything unfilled" document: at `closed` every line
//! holding a `{{ placeholder }}` outside the guidance sections is reported by RL101, once
//! per placeholder; at `draft` nothing is.

use std::collections::BTreeMap;

use release_rules::{check, Document, Settings, Stage};

const TEMPLATE: &str = release_doc::DEFAULT_TEMPLATE;

fn rl101(stage: Stage) -> Vec<release_rules::Diagnostic> {
    let settings = Settings {
        stage: Some(stage),
        select: vec!["RL101".to_owned()],
        ..Settings::default()
    };
    check(&Document::parse(TEMPLATE), &settings)
}

/// Line number → number of `{{` placeholders, for every line outside the guidance
/// (`## Deployment Guidelines` up to the next `## ` heading).
fn expected_lines() -> BTreeMap<usize, usize> {
    let mut expected = BTreeMap::new();
    let mut in_guidance = false;
    for (index, line) in TEMPLATE.lines().enumerate() {
        if let Some(title) = line.strip_prefix("## ") {
            in_guidance = title.trim() == "Deployment Guidelines";
        }
        let count = line.matches("{{").count();
        if count > 0 && !in_guidance {
            expected.insert(index + 1, count);
        }
    }
    expected
}

#[test]
fn every_placeholder_line_is_reported_at_closed() {
    let doc = Document::parse(TEMPLATE);
    let mut found: BTreeMap<usize, usize> = BTreeMap::new();
    for d in rl101(Stage::Closed) {
        assert_eq!(d.code, "RL101");
        let text = d.span.text(TEMPLATE);
        assert!(
            text.starts_with("{{") && text.ends_with("}}"),
            "span `{text}`: {}",
            d.message
        );
        *found.entry(doc.line_col(d.span.start).line).or_default() += 1;
    }
    let expected = expected_lines();
    assert!(expected.len() > 80, "the template has its placeholders");
    assert_eq!(found, expected);
}

#[test]
fn nothing_is_reported_at_draft() {
    assert!(rl101(Stage::Draft).is_empty());
}
