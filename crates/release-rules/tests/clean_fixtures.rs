//! The clean documents of `fixtures/clean/` give no error and no warning at their stage.

use release_rules::{check, Document, Settings, Severity};

#[test]
fn clean_documents_are_clean_at_their_stage() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/clean");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("fixtures/clean exists") {
        let path = entry.expect("readable entry").path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let doc = Document::parse(std::fs::read_to_string(&path).expect("UTF-8 fixture"));
        assert!(
            doc.model().declared_stage().is_some(),
            "{} declares no stage",
            path.display()
        );
        let findings: Vec<String> = check(&doc, &Settings::default())
            .into_iter()
            .filter(|d| d.severity != Severity::Info)
            .map(|d| {
                format!(
                    "{}:{}: {}[{}] {}",
                    path.display(),
                    doc.line_col(d.span.start).line,
                    d.severity,
                    d.code,
                    d.message
                )
            })
            .collect();
        assert!(findings.is_empty(), "{}", findings.join("\n"));
        checked += 1;
    }
    // One per stage, and `natural-values.md` (closed), written with natural values.
    assert_eq!(checked, 6, "the clean documents");
}
