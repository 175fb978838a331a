//! Helpers for the rules' unit tests.

use release_doc::values::Stage;

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::settings::Settings;

/// Check `source` with only the rule `code` selected, at `stage` when given.
pub(crate) fn diagnostics(code: &str, source: &str, stage: Option<Stage>) -> Vec<Diagnostic> {
    let settings = Settings {
        stage,
        select: vec![code.to_owned()],
        ..Settings::default()
    };
    crate::check(&Document::parse(source), &settings)
}

/// Like [`diagnostics`], as `CODE:line` strings for compact assertions.
pub(crate) fn check_rule(code: &str, source: &str, stage: Option<Stage>) -> Vec<String> {
    let doc = Document::parse(source);
    diagnostics(code, source, stage)
        .iter()
        .map(|d| format!("{}:{}", d.code, doc.line_col(d.span.start).line))
        .collect()
}
