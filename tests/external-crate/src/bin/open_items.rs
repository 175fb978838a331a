//! Print every open checklist item of a release document, with its line.
use release_doc::LineIndex;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The document named on the command line; the default template when none is.
    let source = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?,
        None => release_doc::DEFAULT_TEMPLATE.to_owned(),
    };
    // `parse` never fails: broken input gives a partial model and a list of problems.
    let parsed = release_doc::parse(&source);
    let lines = LineIndex::new(&source);
    for group in &parsed.value.checklists {
        // Open: neither done nor marked N/A with a reason.
        for item in group.items.iter().filter(|item| !item.is_settled()) {
            let at = lines.line_col(&source, item.span.start);
            println!(
                "{}: {} / {}: {}",
                at.line, group.section_title, group.label, item.text
            );
        }
    }
    for problem in &parsed.problems {
        let at = lines.line_col(&source, problem.span.start);
        eprintln!("{}:{}: {}", at.line, at.column, problem.message);
    }
    Ok(())
}
