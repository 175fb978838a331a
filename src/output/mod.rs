//! The results of a check and the formats that print them, one module per format.

pub mod concise;
mod excerpt;
pub mod github;
pub mod human;
pub mod json;
mod json_array;
pub mod printer;
pub mod report;
pub mod sarif;
pub mod statistics;
mod wrap;

use release_doc::{LineCol, Span};
use release_rules::fix::{AppliedFix, FixProblem};
use release_rules::secrets::Masker;
use release_rules::{Applicability, Diagnostic, Document, Severity, Stage, StageResolution};

use crate::mask;

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
    /// Where that stage came from.
    pub resolution: StageResolution,
    /// The parsed document (its source is what the snippets show).
    pub document: Document,
    /// The findings, in document order, their messages and labels masked.
    pub diagnostics: Vec<Located>,
    /// Where the document's secrets are (those of its security findings and those the
    /// table of secret families finds); none when there is no finding, as nothing of
    /// the source is then shown.
    pub secret_spans: Vec<Span>,
    /// Masks every occurrence of those secrets.
    pub masker: Masker,
    /// What `fix` did to the file (`None` when it was only checked).
    pub fixes: Option<FixReport>,
}

/// What `release-lint fix` did to one file.
#[derive(Debug, Clone, Default)]
pub struct FixReport {
    /// The fixes applied (or, with `--diff`, that would be).
    pub applied: Vec<AppliedFix>,
    /// Rules whose fixes were stopped: reverted or not converging.
    pub problems: Vec<FixProblem>,
}

impl FixReport {
    /// `fixed 2 findings (RL301, RL403)`, or `None` when nothing was fixed.
    #[must_use]
    pub fn line(&self) -> Option<String> {
        if self.applied.is_empty() {
            return None;
        }
        let mut codes: Vec<&str> = self.applied.iter().map(|a| a.code).collect();
        codes.sort_unstable();
        codes.dedup();
        Some(format!(
            "fixed {} ({})",
            plural(self.applied.len(), "finding"),
            codes.join(", ")
        ))
    }
}

impl FileReport {
    /// The line the human output prints for the file: `checked at deployed (from status:
    /// shipped)`.
    #[must_use]
    pub fn stage_line(&self) -> String {
        format!("checked at {} ({})", self.stage, self.resolution.reason())
    }

    /// Locate `diagnostics` in `document`, checked at `stage` (a [`StageResolution`], or
    /// a [`Stage`] given outright). Each primary span ends before any line break it ends with, so that a finding on a
    /// whole line (a checklist item) ends on that line.
    #[must_use]
    pub fn new(
        path: String,
        stage: impl Into<StageResolution>,
        document: Document,
        mut diagnostics: Vec<Diagnostic>,
    ) -> Self {
        let resolution = stage.into();
        let (secret_spans, masker) = if diagnostics.is_empty() {
            (Vec::new(), Masker::default())
        } else {
            let spans = mask::secret_spans(document.source(), &diagnostics);
            let masker = Masker::new(document.source(), spans.iter().copied());
            mask::mask_messages(&mut diagnostics, &masker);
            (spans, masker)
        };
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
            stage: resolution.stage,
            resolution,
            document,
            diagnostics,
            secret_spans,
            masker,
            fixes: None,
        }
    }

    /// The same report, with what `fix` did.
    #[must_use]
    pub fn with_fixes(mut self, fixes: FixReport) -> Self {
        self.fixes = Some(fixes);
        self
    }

    /// How many findings have a fix of each applicability: (safe, unsafe).
    #[must_use]
    pub fn fixable(&self) -> (usize, usize) {
        let mut counts = (0, 0);
        for d in &self.diagnostics {
            match d.diagnostic.fix.as_ref().map(|f| f.applicability) {
                Some(Applicability::Safe) => counts.0 += 1,
                Some(Applicability::Unsafe) => counts.1 += 1,
                None => {}
            }
        }
        counts
    }
}

/// A file that could not be checked: missing, unreadable, binary, not decodable, or
/// under a bad configuration (then the configuration file is named).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Failure {
    /// The path as shown.
    pub path: String,
    /// Where in the file the problem is, when known.
    pub at: Option<LineCol>,
    /// What went wrong, and what was expected.
    pub message: String,
}

impl Failure {
    /// A failure of `path` with no position.
    #[must_use]
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            at: None,
            message: message.into(),
        }
    }

    /// `path`, then `:line:column` when known: where the failure is.
    #[must_use]
    pub fn place(&self) -> String {
        match self.at {
            Some(at) => format!("{}:{}:{}", self.path, at.line, at.column),
            None => self.path.clone(),
        }
    }
}

impl std::fmt::Display for Failure {
    /// `path:line:column: message` (without the position when there is none).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place(), self.message)
    }
}

/// `span` without the line break(s) it ends with, unless that would leave nothing.
pub(crate) fn trim_line_break(source: &str, span: Span) -> Span {
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
    /// Files that could not be checked (each is a [`Failure`]); any fails the run.
    pub failed: usize,
    /// Findings of each severity.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
    /// Findings a baseline (`--baseline`) knew, and that were therefore not reported.
    #[serde(skip_serializing_if = "is_zero")]
    pub hidden: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
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

    /// `3 known findings hidden by the baseline`, said on standard error beside a report
    /// that has no summary line.
    #[must_use]
    pub fn hidden_line(&self) -> String {
        format!(
            "{} hidden by the baseline",
            plural(self.hidden, "known finding")
        )
    }

    /// Whether the run ends with a summary line: not when nothing was checked because
    /// every file failed (the failures say it all).
    #[must_use]
    pub fn has_a_line(&self) -> bool {
        self.files > 0 || self.failed == 0
    }

    /// The closing line of the text formats: `2 errors, 1 warning in 3 release documents
    /// (1 file not checked, 1 file skipped)`. A run that checked nothing because every
    /// file failed prints no summary: the failures say it all.
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
        let mut notes = Vec::new();
        if self.failed > 0 {
            notes.push(format!("{} not checked", plural(self.failed, "file")));
        }
        if self.skipped > 0 {
            notes.push(format!("{} skipped", plural(self.skipped, "file")));
        }
        if self.hidden > 0 {
            notes.push(format!(
                "{} hidden by the baseline",
                plural(self.hidden, "known finding")
            ));
        }
        if !notes.is_empty() {
            line.push_str(&format!(" ({})", notes.join(", ")));
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
            failed: 0,
            errors: 1,
            warnings: 0,
            infos: 3,
            hidden: 0,
        };
        assert_eq!(
            s.line(),
            "1 error, 3 infos in 1 release document (2 files skipped)"
        );
        let s = Summary { hidden: 2, ..s };
        assert_eq!(
            s.line(),
            "1 error, 3 infos in 1 release document (2 files skipped, 2 known findings hidden by the baseline)"
        );
        assert_eq!(
            Summary::default().line(),
            "no findings in 0 release documents"
        );
        let s = Summary {
            files: 2,
            skipped: 1,
            failed: 1,
            ..Summary::default()
        };
        assert_eq!(
            s.line(),
            "no findings in 2 release documents (1 file not checked, 1 file skipped)"
        );
    }
}
