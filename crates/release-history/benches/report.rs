//! The cost of a history report over a generated corpus: taking each document's facts
//! (next to parsing it, which `check` pays too), and computing the figures from them.
//!
//! Run with `cargo bench -p release-history --bench report`; the end-to-end comparison
//! with `check --format json` over the 10,000-document corpus is in docs/performance.md.

use divan::{black_box, Bencher};
use release_history::lead_time::Repositories;
use release_history::{facts, History, Options};
use release_rules::settings::StandardTargets;
use release_rules::{Document, Schema, Settings};

fn main() {
    divan::main();
}

fn corpus(count: usize) -> Vec<(String, String)> {
    release_corpus::corpus(7, count)
        .map(|(path, text)| (path.display().to_string(), text))
        .collect()
}

/// Parse and take the facts of each document, as `report` does per file.
#[divan::bench(args = [100, 1000])]
fn facts_of_documents(bencher: Bencher, count: usize) {
    let docs = corpus(count);
    let settings = Settings::default();
    bencher.bench(|| {
        let mut history = History::new();
        for (path, text) in &docs {
            let doc = Document::parse(text.as_str());
            history.add(facts::read(&doc, &settings, path));
        }
        black_box(history)
    });
}

/// The figures of an already gathered history.
#[divan::bench(args = [1000, 10000])]
fn figures_of_history(bencher: Bencher, count: usize) {
    let docs = corpus(count);
    let settings = Settings::default();
    let facts: Vec<_> = docs
        .iter()
        .map(|(path, text)| facts::read(&Document::parse(text.as_str()), &settings, path))
        .collect();
    let template = Schema::default_template().template();
    bencher
        .with_inputs(|| {
            let mut history = History::new();
            for f in &facts {
                history.add(f.clone());
            }
            history
        })
        .bench_values(|history| {
            // A gix repository is not `Sync`; without one, opening is free.
            let repos = Repositories::open(&[], Vec::new()).ok()?;
            history
                .report(
                    &Options::default(),
                    &repos,
                    &StandardTargets::default(),
                    template,
                )
                .ok()
        });
}
