//! The rules' cost next to the parse's: `check` of an already parsed document should
//! cost no more than parsing it.
//!
//! Run with `cargo bench -p release-rules --bench check`.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use release_rules::{check, Document, Settings};

const DOCUMENTS: &[(&str, &str)] = &[
    (
        "filled-closed",
        include_str!("../../../fixtures/clean/closed.md"),
    ),
    ("template", release_doc::DEFAULT_TEMPLATE),
];

fn main() {
    divan::main();
}

fn document(name: &str) -> &'static str {
    DOCUMENTS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, text)| text)
}

#[divan::bench(args = ["filled-closed", "template"])]
fn parse(bencher: Bencher, name: &str) {
    let text = document(name);
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| Document::parse(black_box(text)));
}

#[divan::bench(args = ["filled-closed", "template"])]
fn rules(bencher: Bencher, name: &str) {
    let text = document(name);
    let doc = Document::parse(text);
    let settings = Settings {
        stage: Some(release_rules::Stage::Closed),
        ..Settings::default()
    };
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| check(black_box(&doc), &settings));
}
