//! `parse` never panics and keeps its spans inside the text, on arbitrary input and on
//! random mutations of the fixtures.

use proptest::prelude::*;
use release_doc::{parse, Field, LineIndex, Span};

const SEEDS: &[&str] = &[
    release_doc::DEFAULT_TEMPLATE,
    include_str!("../../../fixtures/clean/closed.md"),
    include_str!("../../../fixtures/broken/odd-tables.md"),
    include_str!("../../../fixtures/broken/bad-yaml.md"),
];

fn check(source: &str) {
    let parsed = parse(source);
    let len = source.len();
    let in_range = |s: Span| s.start <= s.end && s.end <= len;
    for p in &parsed.problems {
        assert!(
            in_range(p.span),
            "problem span {:?} outside 0..{len}",
            p.span
        );
    }
    let doc = &parsed.value;
    for s in &doc.sections {
        assert!(in_range(s.span) && in_range(s.body));
    }
    for f in &doc.fields {
        assert!(f.value.span().is_none_or(in_range));
    }
    for g in &doc.checklists {
        for i in &g.items {
            assert!(in_range(i.span) && in_range(i.text_span));
        }
    }
    for r in &doc.timeline.rows {
        for f in [&r.phase, &r.notes] {
            assert!(f.span().is_none_or(in_range));
        }
        assert!(!matches!(r.start, Field::Value { span, .. } if !in_range(span)));
    }
    let index = LineIndex::new(source);
    for p in &parsed.problems {
        assert!(index.line_col(source, p.span.end).line <= index.line_count());
    }
    // The model always serialises.
    serde_json::to_string(doc).expect("serialisable");
}

/// A random edit: insert, delete or replace a byte range with markup-heavy text.
fn mutate(seed: &str, at: usize, len: usize, insert: &str) -> String {
    let mut at = at % (seed.len() + 1);
    while !seed.is_char_boundary(at) {
        at -= 1;
    }
    let mut end = (at + len).min(seed.len());
    while !seed.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{}{}", &seed[..at], insert, &seed[end.max(at)..])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn markdownish_text_never_panics(text in r"(---\n|\{\{[a-z_]*\}\}|\| ?[a-z0-9<>%:. -]* ?|- \[[ xX]\] |#{1,4} [A-Za-z &]+\n|\*\*[A-Za-z ]+\*\*: |\r\n|\n|~~|`|>|[0-9]+\. |N/A: |\\\||[\u{0}-\u{7f}]|é|✅){0,200}") {
        check(&text);
    }

    #[test]
    fn mutated_fixtures_never_panic(seed in 0..SEEDS.len(), at in any::<usize>(), len in 0usize..200, insert in r"(---\n|\{\{x\}\}|\|[^\n]{0,10}|\n\n|- \[x\] |## Overview\n|\*\*Release\*\*: |\r|```\n|<!--|[\u{0}-\u{ff}]){0,8}") {
        check(&mutate(SEEDS[seed], at, len, &insert));
    }
}
