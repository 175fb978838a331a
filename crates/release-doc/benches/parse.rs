//! Throughput of `parse` on the template and on a filled document, next to a bare
//! pulldown-cmark pass (tables, task lists, strikethrough, offsets) over the same text.
//!
//! Run with `cargo bench -p release-doc --bench parse`.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use pulldown_cmark::{Options, Parser};

const DOCUMENTS: &[(&str, &str)] = &[
    ("template", release_doc::DEFAULT_TEMPLATE),
    (
        "filled-closed",
        include_str!("../../../fixtures/clean/closed.md"),
    ),
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

#[divan::bench(args = ["template", "filled-closed"])]
fn parse(bencher: Bencher, name: &str) {
    let text = document(name);
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| release_doc::parse(black_box(text)));
}

#[divan::bench(args = ["template", "filled-closed"])]
fn pulldown_cmark_floor(bencher: Bencher, name: &str) {
    let text = document(name);
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_TASKLISTS);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    bencher.counter(BytesCount::of_str(text)).bench(|| {
        Parser::new_ext(black_box(text), options)
            .into_offset_iter()
            .map(|(_, range)| range.end)
            .max()
    });
}
