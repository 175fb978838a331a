//! The results of a check and the formats that print them, one module per format.

pub mod concise;
mod excerpt;
pub mod github;
pub mod human;
pub mod json;
mod json_array;
pub mod printer;
pub mod sarif;
pub mod statistics;
mod wrap;

use release_doc::{LineCol, Span};
use release_rules::{Diagnostic, Document, Severity, Stage};

/// A finding with its start and end as 1-based lines and columns.
#[derive(Debug, Clone)]
pub struct Located {
    /// The finding.
    pub diagnostic: Diagnostic,
    /// Where its primary span starts.
    pub start: LineCol,
    /// Where it ends (exclusive: the column after its last character).
    pub end: LineCol,
}

/// A checked release document.
#[derive(Debug)]
pub struct FileReport {
    /// The path as shown.
    pub path: String,
    /// The stage it was checked at.
    pub stage: Stage,
    /// The parsed document (its source is what the snippets show).
    pub document: Document,
    /// The findings, in document order.
    pub diagnostics: Vec<Located>,
}

impl FileReport {
    /// Locate `diagnostics` in `document`. Each primary span ends before any line break it ends with, so that a finding on a
    /// whole line (a checklist item) ends on that line.
    #[must_use]
    pub fn new(
        path: String,
        stage: Stage,
        document: Document,
        diagnostics: Vec<Diagnostic>,
    ) -> Self {
        let diagnostics = diagnostics
            .into_iter()
            .map(|mut diagnostic| {
                diagnostic.span = trim_line_break(document.source(), diagnostic.span);
                for label in &mut diagnostic.labels {
                    label.span = trim_line_break(document.source(), label.span);
                }
                Located {
                    start: document.line_col(diagnostic.span.start),
                    end: document.line_col(diagnostic.span.end),
                    diagnostic,
                }
            })
            .collect();
        Self {
            path,
            stage,
            document,
            diagnostics,
        }
    }
}

/// `span` without the line break(s) it ends with, unless that would leave nothing.
fn trim_line_break(source: &str, span: Span) -> Span {
    let text = span.text(source);
    let kept = text.trim_end_matches(['\n', '\r']).len();
    if kept == 0 || text.is_empty() {
        span
    } else {
        Span::new(span.start, span.start + kept)
    }
}

/// Counts over a whole run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Release documents checked.
    pub files: usize,
    /// Files skipped because they are not release documents (or are excluded).
    pub skipped: usize,
    /// Findings of each severity.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
}

impl Summary {
    /// Count the findings of `files`, with `skipped` files skipped.
    #[must_use]
    pub fn of(files: &[FileReport], skipped: usize) -> Self {
        let mut summary = Summary {
            files: files.len(),
            skipped,
            ..Summary::default()
        };
        for d in files.iter().flat_map(|f| &f.diagnostics) {
            match d.diagnostic.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }

    /// The closing line of the text formats: `2 errors, 1 warning in 3 release documents
    /// (1 file skipped)`.
    #[must_use]
    pub fn line(&self) -> String {
        let findings = [
            (self.errors, "error"),
            (self.warnings, "warning"),
            (self.infos, "info"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| plural(n, what))
        .collect::<Vec<_>>();
        let findings = if findings.is_empty() {
            "no findings".to_owned()
        } else {
            findings.join(", ")
        };
        let mut line = format!("{findings} in {}", plural(self.files, "release document"));
        if self.skipped > 0 {
            line.push_str(&format!(" ({} skipped)", plural(self.skipped, "file")));
        }
        line
    }
}

/// `1 error`, `2 errors`.
pub(crate) fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("{n} {what}")
    } else {
        format!("{n} {what}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_end_before_their_line_break() {
        let src = "- [ ] item\r\nnext\n\n";
        assert_eq!(trim_line_break(src, Span::new(0, 12)), Span::new(0, 10));
        assert_eq!(trim_line_break(src, Span::new(0, 4)), Span::new(0, 4));
        // A span of only line breaks stays as it is.
        assert_eq!(trim_line_break(src, Span::new(16, 18)), Span::new(16, 18));
    }

    #[test]
    fn summary_line_names_only_what_is_there() {
        let s = Summary {
            files: 1,
            skipped: 2,
            errors: 1,
            warnings: 0,
            infos: 3,
        };
        assert_eq!(
            s.line(),
            "1 error, 3 infos in 1 release document (2 files skipped)"
        );
        assert_eq!(
            Summary::default().line(),
            "no findings in 0 release documents"
        );
    }
}
