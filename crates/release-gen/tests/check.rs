//! Generated documents against the linter: a new document passes `check` at `draft`,
//! and at `closed` every placeholder it still holds is reported.

use release_doc::internal::placeholder;
use release_doc::values::Stage;
use release_gen::{Template, Values};
use release_rules::{check, Document, Settings, Severity};

fn new_document(sets: &[&str]) -> String {
    let mut values = Values::new();
    for set in sets {
        values.set(set).unwrap_or_else(|e| panic!("{e}"));
    }
    release_gen::render(&Template::embedded(), &values, "--set").unwrap_or_else(|e| panic!("{e}"))
}

fn findings(source: &str, stage: Option<Stage>) -> Vec<release_rules::Diagnostic> {
    let settings = Settings {
        stage,
        ..Settings::default()
    };
    check(&Document::parse(source), &settings)
}

#[test]
fn a_new_document_passes_check_at_draft() {
    for sets in [
        &[][..],
        &[
            "overview.release_name=Payments API",
            "overview.release_version=2.4.0",
            "overview.release_type=Minor",
            "frontmatter.component=Payments API",
            "overview.component=Payments API",
        ][..],
    ] {
        let doc = new_document(sets);
        let errors: Vec<String> = findings(&doc, None)
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
}

#[test]
fn at_closed_every_placeholder_is_reported() {
    // The stage from `--stage` on the check, and from the frontmatter `new --stage` writes.
    let doc = new_document(&["overview.release_name=Payments API"]);
    every_placeholder_reported(&doc, findings(&doc, Some(Stage::Closed)));
    let mut values = Values::new();
    values.set_stage("closed");
    let doc = release_gen::render(&Template::embedded(), &values, "--stage")
        .unwrap_or_else(|e| panic!("{e}"));
    every_placeholder_reported(&doc, findings(&doc, None));
}

fn every_placeholder_reported(doc: &str, diagnostics: Vec<release_rules::Diagnostic>) {
    let found = placeholder::find_all(doc);
    assert!(found.len() > 100, "{}", found.len());
    let unreported: Vec<&str> = found
        .iter()
        .filter(|p| {
            !diagnostics.iter().any(|d| {
                d.severity == Severity::Error
                    && d.span.start <= p.range.start
                    && p.range.end <= d.span.end
            })
        })
        .map(|p| &doc[p.range.clone()])
        .collect();
    assert!(unreported.is_empty(), "not reported: {unreported:#?}");
}
