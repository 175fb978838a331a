//! Cost against document size (issue 6): one document with N risk-table rows and N
//! checklist items, each holding a placeholder, so every row and item is a finding.
//! Parse, check and render (JSON and human) must grow linearly: compare the time per
//! row at 1,000 and 10,000 rows (docs/performance.md). Run with
//! `cargo bench --bench scaling`.

use release_lint::output::human::HumanRenderer;
use release_lint::output::json;
use release_lint::output::FileReport;
use release_rules::{Document, Settings, Stage};

fn main() {
    divan::main();
}

/// A planned document with `rows` risk rows and `rows` checklist items, each with a
/// placeholder and a `TBD`.
fn document(rows: usize) -> String {
    let mut text = String::from(
        "---\nphase: deployment\nstage: planned\ncomponent: payments\n---\n# Release\n\n\
         ## Pre-Deployment Planning\n\n### Risk Assessment\n\n\
         | Risk | Probability | Impact | Mitigation | Owner |\n|---|---|---|---|---|\n",
    );
    for i in 0..rows {
        text.push_str(&format!(
            "| Risk {i} | Low | TBD | Mitigation {i} | {{{{owner_{i}}}}} |\n"
        ));
    }
    text.push_str("\n### Deployment Prerequisites\n\n**Code & Testing**:\n\n");
    for i in 0..rows {
        text.push_str(&format!("- [ ] Task {i} owner {{{{who_{i}}}}}\n"));
    }
    text
}

fn check(text: &str) -> FileReport {
    let document = Document::parse(text);
    let settings = Settings {
        stage: Some(Stage::Planned),
        ..Settings::default()
    };
    let diagnostics = release_rules::check(&document, &settings);
    FileReport::new("big.md".into(), Stage::Planned, document, diagnostics)
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn parse_check_and_json(bencher: divan::Bencher<'_, '_>, rows: usize) {
    let text = document(rows);
    bencher.bench_local(|| {
        let report = check(&text);
        let mut out = Vec::new();
        json::write(&mut out, std::slice::from_ref(&report), Default::default()).map(|()| out.len())
    });
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn parse_check_and_human(bencher: divan::Bencher<'_, '_>, rows: usize) {
    let text = document(rows);
    let renderer = HumanRenderer::new(false, 100);
    bencher.bench_local(|| {
        let report = check(&text);
        let mut out = String::new();
        renderer.render_file(&mut out, &report);
        out.len()
    });
}
