//! The properties of the fuzz targets (`fuzz/fuzz_targets/check.rs` and `new.rs`), as
//! proptest tests of the normal suite: a few dozen cases each, so that they run on every
//! `cargo test` (the parse target's property is `crates/release-doc/tests/never_panics.rs`).
//!
//! - `check`: any text is checked at every stage and rendered in every output format
//!   without panicking, and every finding's spans stay inside the text.
//! - `new`: values from arbitrary YAML or JSON text, plus one arbitrary `--set`, render
//!   through the embedded template without panicking, and what is rendered parses.

use proptest::prelude::*;
use release_gen::{Template, Values};
use release_lint::properties::{check_everything, generate};

const DOCUMENTS: &[&str] = &[
    release_doc::DEFAULT_TEMPLATE,
    include_str!("../fixtures/clean/deployed.md"),
    include_str!("../fixtures/broken/odd-tables.md"),
    include_str!("../fixtures/broken/bad-values.md"),
    include_str!("data/docs/ready-open.md"),
];

const VALUES: &[&str] = &[
    include_str!("golden/gen/values.yaml"),
    "overview:\n  release_type: Minor\n  release_version: v2.4.0\n",
    "{\"overview\": {\"release_name\": \"X\"}, \"risks\": [{\"risk\": \"r\", \"probability\": \"High\"}]}",
];

/// The unmutated seeds render and parse, so the mutated ones start from values that
/// reach the template rather than from values refused at once.
#[test]
fn the_value_seeds_render() {
    for (seed, name) in VALUES
        .iter()
        .zip(["values.yaml", "values.yaml", "values.json"])
    {
        let mut values = Values::from_text(name, seed).expect("a seed is valid");
        values
            .set("overview.release_type=Minor")
            .expect("a valid --set");
        let document =
            release_gen::render(&Template::embedded(), &values, name).expect("a seed renders");
        assert!(release_doc::parse(&document).value.sections.len() > 5);
    }
    check_everything(DOCUMENTS[0]);
}

/// A random edit of `seed`: replace a byte range with `insert`.
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
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn check_arbitrary_text(text in any::<String>()) {
        check_everything(&text);
    }

    #[test]
    fn check_mutated_documents(
        seed in 0..DOCUMENTS.len(),
        at in any::<usize>(),
        len in 0usize..300,
        insert in r"(---\n|\{\{x\}\}|\|[^\n]{0,10}|\n\n|- \[[ x]\] |## [A-Z][a-z]+\n|\*\*Release\*\*: |\r|```\n|<!-- release-lint-disable[a-z-]* [A-Z0-9]* -->|stage: [a-z]+\n|[\u{0}-\u{ff}]|é){0,8}",
    ) {
        check_everything(&mutate(DOCUMENTS[seed], at, len, &insert));
    }

    #[test]
    fn new_with_arbitrary_values(set in any::<String>(), values in any::<String>()) {
        generate(&set, &values);
    }

    #[test]
    fn new_with_mutated_values(
        seed in 0..VALUES.len(),
        at in any::<usize>(),
        len in 0usize..40,
        insert in r"(\n  |: |- |\[|\]|\{|\}|,|\x22|'|[a-z_]{1,12}|[0-9]{1,4}|null|true|~|&a |\*a|é){0,6}",
        set in r"(overview\.[a-z_]{1,16}|risks\.rows\[[0-9]\]\.[a-z]{1,10}|scope\.changes|stage|[a-z._\[\]0-9]{0,20})=[^\n]{0,20}",
    ) {
        generate(&set, &mutate(VALUES[seed], at, len, &insert));
    }
}
