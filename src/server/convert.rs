//! Findings as LSP diagnostics: code, source, severity, exact range, related locations
//! from the labels, and the rule's page as `codeDescription`.

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Position, Range, Url,
};
use release_rules::{Diagnostic, Severity};

use super::analysis::Checked;
use super::position::Encoding;
use crate::output::sarif::help_uri;
use crate::output::Failure;

/// The `source` of every diagnostic.
pub const SOURCE: &str = "release-lint";

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// One finding of `checked` (the document at `uri`).
pub fn diagnostic(
    uri: &Url,
    checked: &Checked,
    finding: &Diagnostic,
    encoding: Encoding,
) -> lsp_types::Diagnostic {
    let text = checked.text();
    let range = |span| checked.lines.range(text, span, encoding);
    let related: Vec<DiagnosticRelatedInformation> = finding
        .labels
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range(label.span)),
            message: label.message.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: range(finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.code.to_owned())),
        // A `docs-url` that is not an absolute URL gives no link rather than a bad one.
        code_description: Url::parse(&help_uri(&checked.docs_url, finding.code))
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// Every finding of `checked`.
pub fn diagnostics(uri: &Url, checked: &Checked, encoding: Encoding) -> Vec<lsp_types::Diagnostic> {
    checked
        .diagnostics
        .iter()
        .map(|d| diagnostic(uri, checked, d, encoding))
        .collect()
}

/// A configuration that could not be loaded, as one error at the top of each document
/// it governs, with the place in the configuration file as related information.
pub fn failure(failure: &Failure) -> lsp_types::Diagnostic {
    let related = failure.at.and_then(|at| {
        let path = std::fs::canonicalize(&failure.path).ok()?;
        let uri = Url::from_file_path(path).ok()?;
        let position = Position::new(
            u32::try_from(at.line.saturating_sub(1)).unwrap_or(u32::MAX),
            u32::try_from(at.column.saturating_sub(1)).unwrap_or(u32::MAX),
        );
        Some(vec![DiagnosticRelatedInformation {
            location: Location::new(uri, Range::new(position, position)),
            message: "the configuration".to_owned(),
        }])
    });
    lsp_types::Diagnostic {
        range: Range::default(),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_owned()),
        message: format!("this document was not checked: {failure}"),
        related_information: related,
        ..lsp_types::Diagnostic::default()
    }
}
