//! Rendering many findings on a large document with the human (miette) output.
//!
//! miette's own `SourceCode` for `str` scans from byte 0 for every snippet (17,900
//! findings on a 1.1 MB file took 34 s); the line-indexed source keeps this linear.
//! Run with `cargo bench --bench human`.

use release_doc::Span;
use release_lint::output::human::HumanRenderer;
use release_lint::output::FileReport;
use release_rules::{Diagnostic, Document, Severity, Stage};

fn main() {
    divan::main();
}

/// A ~1 MB document with `lines` open checklist items, and a finding on each item.
fn report(lines: usize) -> FileReport {
    let mut text = String::from("---\nphase: deployment\nstage: ready\n---\n\n## Notes\n\n");
    let mut spans = Vec::with_capacity(lines);
    for i in 0..lines {
        let start = text.len();
        text.push_str(&format!(
            "- [ ] Open prerequisite number {i:05}, not done yet\n"
        ));
        spans.push(Span::new(start, text.len() - 1));
    }
    let diagnostics = spans
        .into_iter()
        .map(|span| Diagnostic {
            code: "RL201",
            name: "unchecked-prerequisite",
            severity: Severity::Error,
            message: "prerequisite is not done at stage `ready`".into(),
            span,
            labels: Vec::new(),
            section: Some("Deployment Prerequisites".into()),
            fix: None,
        })
        .collect();
    FileReport::new(
        "big.md".into(),
        Stage::Ready,
        Document::parse(text),
        diagnostics,
    )
}

#[divan::bench(args = [2_000, 20_000], sample_count = 5)]
fn render_findings_on_one_file(bencher: divan::Bencher<'_, '_>, findings: usize) {
    // 20,000 lines of 52 bytes: a 1 MB file; 2,000 findings on the same file show that
    // the time follows the number of findings, not the size of the file.
    let file = report(20_000);
    let file = FileReport {
        diagnostics: file.diagnostics.into_iter().take(findings).collect(),
        ..file
    };
    let renderer = HumanRenderer::new(false, 100);
    bencher.bench_local(|| {
        let mut out = String::new();
        renderer.render_file(&mut out, &file);
        out.len()
    });
}
