//! Arbitrary text between `---` fences: reading never panics and every span stays inside the
//! source, on character boundaries.

use proptest::prelude::*;

use crate::frontmatter::{read_entries, split, EntryValue};
use crate::span::Span;

/// Read `yaml` between fences and check every span of the result.
fn check(yaml: &str) -> Result<(), TestCaseError> {
    let source = format!("---\n{yaml}\n---\nbody\n");
    let (split, _) = split(&source);
    let Some(block) = split.block else {
        return Ok(());
    };
    let (entries, problems) = read_entries(&source, &block);
    let in_range = |span: Span| {
        span.start <= span.end
            && span.end <= source.len()
            && source.is_char_boundary(span.start)
            && source.is_char_boundary(span.end)
    };
    for entry in &entries {
        prop_assert!(in_range(entry.key_span), "{source:?} {entry:?}");
        prop_assert!(in_range(entry.value_span), "{source:?} {entry:?}");
        if let EntryValue::List(items) = &entry.value {
            for (_, span) in items {
                prop_assert!(in_range(*span), "{source:?} {entry:?}");
            }
        }
    }
    for problem in &problems {
        prop_assert!(in_range(problem.span), "{source:?} {problem:?}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(yaml in any::<String>()) {
        check(&yaml)?;
    }

    #[test]
    fn yamlish_text_never_panics(
        yaml in r#"([a-z]{1,3}|: |:|\n|\r\n|  |\t|- |\[|\]|\{|\}|, |&a |\*a|!!int |!!str |\? |"|'|\\|#|\||>|<<: |\{\{o\}\}|~|1|é|%|--- |\.\.\.){0,60}"#
    ) {
        check(&yaml)?;
    }
}
