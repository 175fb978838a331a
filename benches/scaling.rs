//! Cost against document size (issue 6): one document with N risk-table rows and N
//! checklist items, each holding a placeholder, so every row and item is a finding.
//! Parse, check and render (JSON and human) must grow linearly: compare the time per
//! row at 1,000 and 10,000 rows (docs/performance.md). Run with
//! `cargo bench --bench scaling`. `parse_and_check_repeated_sections` does the same for
//! documents of 1, 4 and 16 MB made of the template repeated.

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

/// The embedded template, its body (from the title on) repeated until the document has
/// `megabytes` MB, at stage `deployed`: every section appears again and again, so every
/// rule runs over thousands of sections, tables, checklists and findings (about 18,000
/// per MB).
fn repeated_template(megabytes: usize) -> String {
    let template = include_str!("../fixtures/template.md");
    let (frontmatter, body) = template
        .split_once("\n# ")
        .expect("the template has a title");
    let mut text = frontmatter.replacen(
        "phase: \"deployment\"",
        "phase: \"deployment\"\nstage: \"deployed\"",
        1,
    );
    text.push_str("\n\n");
    while text.len() < megabytes * 1024 * 1024 {
        text.push_str("# ");
        text.push_str(body);
        text.push('\n');
    }
    text
}

/// Parse and check (all rules) 1, 4 and 16 MB of repeated template sections: the time per
/// MB must stay the same (it grew with the size while a lookup scanned every section).
#[divan::bench(args = [1, 4, 16], sample_count = 3)]
fn parse_and_check_repeated_sections(bencher: divan::Bencher<'_, '_>, megabytes: usize) {
    let text = repeated_template(megabytes);
    let settings = Settings::default();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench_local(|| {
            let document = Document::parse(text.as_str());
            release_rules::check(&document, &settings).len()
        });
}
