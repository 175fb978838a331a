//! Check a release document with the default rules and print the findings.
use release_rules::{check, Document, Settings};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The document named on the command line; the default template when none is.
    let source = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?,
        None => release_rules::schema::DEFAULT_TEMPLATE.to_owned(),
    };
    let doc = Document::parse(source);
    // The default settings: every rule, the stage the document declares, the embedded
    // template as the schema.
    let settings = Settings::default();
    let stage = release_rules::resolve_stage(&doc, &settings).stage;
    let findings = check(&doc, &settings);
    println!("stage {}: {} findings", stage.as_str(), findings.len());
    for finding in &findings {
        let at = doc.line_col(finding.span.start);
        println!(
            "{}:{}: {} {} [{}] {}",
            at.line, at.column, finding.severity, finding.code, finding.name, finding.message
        );
    }
    Ok(())
}
