//! The default output: miette's graphical reports, each with the source snippet, labels
//! on the exact spans, the rule code and a help line.
//!
//! miette's own `SourceCode` for `str` scans the text from byte 0 for every snippet, so
//! many findings on a large file took quadratic time; [`IndexedSource`] answers from the
//! document's line index instead, so rendering is linear in the number of findings.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use release_doc::LineIndex;
use release_rules::Severity;

use super::{Failure, FileReport, Located};
use crate::mask::mask_source;

/// Source text with its line index, as a miette [`SourceCode`] that finds lines by
/// binary search.
#[derive(Debug, Clone, Copy)]
pub struct IndexedSource<'a> {
    name: &'a str,
    text: &'a str,
    lines: &'a LineIndex,
}

impl<'a> IndexedSource<'a> {
    /// `text` (named `name` in the snippet headers) and the line index built from it.
    #[must_use]
    pub fn new(name: &'a str, text: &'a str, lines: &'a LineIndex) -> Self {
        Self { name, text, lines }
    }

    /// The 0-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        let (mut lo, mut hi) = (0, self.lines.line_count());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.line_start(mid) <= offset {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo.saturating_sub(1)
    }

    /// Where 0-based `line` starts; the end of the text past the last line.
    fn line_start(&self, line: usize) -> usize {
        self.lines.line_start(line + 1).unwrap_or(self.text.len())
    }
}

impl SourceCode for IndexedSource<'_> {
    /// The same contents as miette's implementation for `str` (the span's lines plus
    /// `before`/`after` lines of context), except that columns count characters, not
    /// bytes, and `line_count` is the number of lines shown.
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let start = span.offset();
        let end = start + span.len();
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first = self.line_of(start);
        let last = self.line_of(end.saturating_sub(1).max(start));
        let (data_start, line, column) = if before == 0 {
            let line_start = self.line_start(first);
            let column = self
                .text
                .get(line_start..start)
                .map_or(start - line_start, |s| s.chars().count());
            (start, first, column)
        } else {
            let line = first.saturating_sub(before);
            (self.line_start(line), line, 0)
        };
        let (data_end, last_shown) = if after == 0 {
            (end, last)
        } else {
            let last_shown = (last + after).min(self.lines.line_count() - 1);
            (self.line_start(last + after + 1), last_shown)
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            &self.text.as_bytes()[data_start..data_end],
            (data_start, data_end - data_start).into(),
            line,
            column,
            last_shown - line + 1,
        )))
    }
}

/// One finding as a miette diagnostic over a file's source.
struct Report<'a> {
    located: &'a Located,
    source: IndexedSource<'a>,
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Report")
            .field("code", &self.located.diagnostic.code)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.located.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let d = &self.located.diagnostic;
        // `[*]`: a safe fix exists, as ruff marks it.
        let mark = match d.fix.as_ref().map(|f| f.applicability) {
            Some(release_rules::Applicability::Safe) => " [*]",
            _ => "",
        };
        Some(Box::new(format!("{} {}{mark}", d.code, d.name)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.located.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let d = &self.located.diagnostic;
        let explain = format!("see `release-lint explain {}`", d.code);
        Some(Box::new(match &d.fix {
            Some(fix) => {
                let with = match fix.applicability {
                    release_rules::Applicability::Safe => "`release-lint fix`",
                    release_rules::Applicability::Unsafe => "`release-lint fix --unsafe-fixes`",
                };
                format!("{} (fixable with {with}; {explain})", fix.message)
            }
            None => explain,
        }))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = &self.located.diagnostic;
        let primary = LabeledSpan::new_primary_with_span(None, to_miette(d.span));
        let secondary = d
            .labels
            .iter()
            .map(|l| LabeledSpan::new_with_span(Some(l.message.clone()), to_miette(l.span)));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

fn to_miette(span: release_doc::Span) -> SourceSpan {
    (span.start, span.len()).into()
}

/// A file that could not be checked, as a report without a snippet.
#[derive(Debug)]
struct FailureReport<'a>(&'a Failure);

impl fmt::Display for FailureReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

impl std::error::Error for FailureReport<'_> {}

impl miette::Diagnostic for FailureReport<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new("not checked"))
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(
            "the file was not checked, so the run fails (exit status 2)",
        ))
    }
}

/// Renders findings as graphical reports.
#[derive(Debug)]
pub struct HumanRenderer {
    handler: GraphicalReportHandler,
}

impl HumanRenderer {
    /// A renderer that colours its output or not, wrapping at `width` columns.
    #[must_use]
    pub fn new(color: bool, width: usize) -> Self {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Self {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_links(false)
                .with_width(width),
        }
    }

    /// Append the report of a file that could not be checked to `out`.
    pub fn render_failure(&self, out: &mut String, failure: &Failure) {
        if self
            .handler
            .render_report(out, &FailureReport(failure))
            .is_err()
        {
            out.push_str(&format!("error: {failure}\n"));
        }
    }

    /// Append the reports of every finding of `file` to `out`. Secrets (the primary spans
    /// of security findings, and every secret the table of families finds) are masked
    /// wherever the snippets show them, every occurrence of each.
    pub fn render_file(&self, out: &mut String, file: &FileReport) {
        let doc = &file.document;
        let text = mask_source(doc.source(), &file.secret_spans, &file.masker);
        let source = IndexedSource::new(&file.path, &text, doc.lines());
        for located in &file.diagnostics {
            if !out.is_empty() {
                out.push('\n');
            }
            let report = Report { located, source };
            if self.handler.render_report(out, &report).is_err() {
                // miette failed to lay the snippet out: still say what was found.
                out.push_str(&format!(
                    "{}:{}:{}: {}[{}] {}\n",
                    file.path,
                    located.start.line,
                    located.start.column,
                    located.diagnostic.severity,
                    located.diagnostic.code,
                    located.diagnostic.message
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use release_doc::Span;
    use release_rules::{Diagnostic, Document, Label, Stage};

    use super::*;

    fn diagnostic(code: &'static str, span: Span, labels: Vec<Label>) -> Diagnostic {
        Diagnostic {
            code,
            name: "some-problem",
            severity: Severity::Error,
            message: "something is wrong".into(),
            span,
            labels,
            section: None,
            fix: None,
        }
    }

    /// The same report rendered over miette's own `str` source and over ours.
    fn both(text: &str, d: Diagnostic) -> (String, String) {
        let file = FileReport::new(
            "doc.md".into(),
            Stage::Planned,
            Document::parse(text),
            vec![d],
        );
        let handler = HumanRenderer::new(false, 100).handler;
        let ours = IndexedSource::new("doc.md", text, file.document.lines());
        let located = &file.diagnostics[0];
        let mut a = String::new();
        handler
            .render_report(
                &mut a,
                &Report {
                    located,
                    source: ours,
                },
            )
            .unwrap();
        struct Plain<'a>(&'a Report<'a>, miette::NamedSource<String>);
        impl fmt::Debug for Plain<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(self.0, f)
            }
        }
        impl fmt::Display for Plain<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self.0, f)
            }
        }
        impl std::error::Error for Plain<'_> {}
        impl miette::Diagnostic for Plain<'_> {
            fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
                self.0.code()
            }
            fn severity(&self) -> Option<miette::Severity> {
                self.0.severity()
            }
            fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
                self.0.help()
            }
            fn source_code(&self) -> Option<&dyn SourceCode> {
                Some(&self.1)
            }
            fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
                self.0.labels()
            }
        }
        let report = Report {
            located,
            source: ours,
        };
        let plain = Plain(&report, miette::NamedSource::new("doc.md", text.to_owned()));
        let mut b = String::new();
        handler.render_report(&mut b, &plain).unwrap();
        (a, b)
    }

    #[test]
    fn renders_like_miettes_own_source() {
        let text = "# Title\n\nline two\n- [ ] item three\nfour\n\nsix\nseven\n";
        let item = text.find("item").unwrap();
        let six = text.find("six").unwrap();
        for (span, labels) in [
            (Span::new(item, item + 4), vec![]),
            (Span::new(0, 1), vec![]),
            (Span::new(text.len() - 6, text.len() - 1), vec![]),
            (Span::new(item, text.find("four").unwrap() + 4), vec![]),
            (
                Span::new(item, item + 4),
                vec![Label {
                    span: Span::new(six, six + 3),
                    message: "see here".into(),
                }],
            ),
        ] {
            let (ours, theirs) = both(text, diagnostic("RL201", span, labels));
            assert_eq!(ours, theirs);
            assert!(ours.contains("[doc.md:"), "{ours}");
        }
    }

    #[test]
    fn crlf_and_zero_width_spans_render() {
        let text = "a\r\nbb\r\nccc\r\n";
        for span in [
            Span::new(3, 5),
            Span::new(3, 3),
            Span::new(text.len(), text.len()),
        ] {
            let (ours, theirs) = both(text, diagnostic("RL201", span, vec![]));
            assert!(ours.contains("RL201"), "{ours}");
            let _ = theirs;
        }
    }

    #[test]
    fn columns_count_characters() {
        let text = "é é x\n";
        let x = text.find('x').unwrap();
        let file = FileReport::new(
            "doc.md".into(),
            Stage::Planned,
            Document::parse(text),
            vec![diagnostic("RL201", Span::new(x, x + 1), vec![])],
        );
        let mut out = String::new();
        HumanRenderer::new(false, 100).render_file(&mut out, &file);
        assert!(out.contains("[doc.md:1:5]"), "{out}");
    }

    #[test]
    fn secrets_are_masked_in_every_snippet() {
        let text = "# Notes\n\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n- [ ] open item\n";
        let key = text.find("AKIA").unwrap();
        let item = text.find("open").unwrap();
        let file = FileReport::new(
            "doc.md".into(),
            Stage::Planned,
            Document::parse(text),
            vec![
                diagnostic("RL601", Span::new(key, key + 20), vec![]),
                // Its context lines show the secret's line too.
                diagnostic("RL201", Span::new(item, item + 4), vec![]),
            ],
        );
        let mut out = String::new();
        HumanRenderer::new(false, 100).render_file(&mut out, &file);
        assert!(!out.contains("AKIAIOSFODNN7EXAMPLE"), "{out}");
        assert!(!out.contains("IOSFODNN7"), "{out}");
        assert!(out.contains("AKIA****************"), "{out}");
        assert_eq!(out.matches("AKIA****").count(), 2, "{out}");
    }

    #[test]
    fn the_same_secret_elsewhere_and_undetected_kinds_are_masked_too() {
        let text = "# Notes\n\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n\n\
                    - [ ] rotate AKIAIOSFODNN7EXAMPLE\n\
                    - [ ] hook https://hooks.slack.com/services/T0EXAMPLE/B0EXAMPLE/EXAMPLE0not0a0real0hook0\n";
        let key = text.find("AKIA").unwrap();
        let item = text.find("rotate").unwrap();
        let hook = text.find("hook https").unwrap();
        let file = FileReport::new(
            "doc.md".into(),
            Stage::Planned,
            Document::parse(text),
            vec![
                diagnostic("RL601", Span::new(key, key + 20), vec![]),
                // Only the first occurrence is a finding's span; these snippets show the
                // second, and a webhook no finding points at.
                diagnostic("RL201", Span::new(item, item + 6), vec![]),
                diagnostic("RL201", Span::new(hook, hook + 4), vec![]),
            ],
        );
        let mut out = String::new();
        HumanRenderer::new(false, 200).render_file(&mut out, &file);
        assert!(!out.contains("IOSFODNN7"), "{out}");
        assert!(out.contains("rotate AKIA****************"), "{out}");
        assert!(!out.contains("B0EXAMPLE"), "{out}");
    }
}
