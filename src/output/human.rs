//! The default output: miette's graphical reports, each with the source snippet, labels
//! on the exact spans, the rule code and a help line that says how to fix the finding.
//!
//! Each finding's snippets come from its own excerpt (`output::excerpt`): the primary
//! location's snippet first, long lines cut around the spans, lines found by binary search
//! in the document's line index (miette's own `SourceCode` for `str` scans the text from byte 0 for every
//! snippet, which made many findings on a large file quadratic). Messages and help lines
//! wrap at the width the renderer is given, only where `wrap::words` allows.

use std::collections::HashSet;
use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode, SourceSpan};
use release_doc::internal::split_hint;
use release_doc::Span;
use release_rules::{registry, Severity};

use super::excerpt::Excerpt;
use super::{wrap, Failure, FileReport, Located};
use crate::mask::mask_source;

/// One finding as a miette diagnostic over its excerpt.
struct Report<'a> {
    located: &'a Located,
    excerpt: Excerpt<'a>,
    /// The primary span and the labels, in the excerpt's offsets.
    primary: SourceSpan,
    labels: Vec<(SourceSpan, &'a str)>,
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
        Some(Box::new(help(self.located)))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.excerpt)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(None, self.primary);
        let secondary = self
            .labels
            .iter()
            .map(|(span, message)| LabeledSpan::new_with_span(Some((*message).to_owned()), *span));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}

/// The help line: how to fix the finding (the fix it carries, else the rule's one-line
/// fix), then where the rule's docs are.
fn help(located: &Located) -> String {
    let d = &located.diagnostic;
    let explain = format!("see `release-lint explain {}`", d.code);
    // A proposed fix says which command applies it.
    let fix = d
        .fix
        .as_ref()
        .map(|f| {
            let with = match f.applicability {
                release_rules::Applicability::Safe => "`release-lint fix`",
                release_rules::Applicability::Unsafe => "`release-lint fix --unsafe-fixes`",
            };
            format!("{} (fixable with {with})", f.message)
        })
        .or_else(|| registry::find(d.code).map(|rule| release_rules::docs::fix_line(rule.meta())));
    match fix {
        Some(fix) if !fix.is_empty() => format!("{fix}\n{explain}"),
        _ => explain,
    }
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
                .with_width(width)
                .with_word_separator(textwrap::WordSeparator::Custom(wrap::words))
                .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
                .with_break_words(false),
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
        let hinted = hinted_values(file);
        let value_only = |span: Span| {
            if hinted.contains(&span) {
                without_hint(&text, span)
            } else {
                span
            }
        };
        for located in &file.diagnostics {
            if !out.is_empty() {
                out.push('\n');
            }
            let d = &located.diagnostic;
            let spans: Vec<Span> = std::iter::once(d.span)
                .chain(d.labels.iter().map(|l| l.span))
                .map(value_only)
                .collect();
            let excerpt = Excerpt::new(&file.path, &text, doc.lines(), &spans);
            let primary = excerpt.span(spans[0]);
            let labels: Option<Vec<(SourceSpan, &str)>> = d
                .labels
                .iter()
                .zip(&spans[1..])
                .map(|(label, span)| excerpt.span(*span).map(|s| (s, label.message.as_str())))
                .collect();
            let rendered = match (primary, labels) {
                (Some(primary), Some(labels)) => {
                    let report = Report {
                        located,
                        excerpt,
                        primary,
                        labels,
                    };
                    self.handler.render_report(out, &report).is_ok()
                }
                _ => false,
            };
            if !rendered {
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

/// The spans of the `**Label**: value` fields whose value keeps the template's option
/// hint (`Patch (Major | Minor | Patch | Hotfix)`).
fn hinted_values(file: &FileReport) -> HashSet<Span> {
    file.document
        .model()
        .fields
        .iter()
        .filter(|f| !f.options.is_empty())
        .filter_map(|f| f.value.span())
        .collect()
}

/// The value of a hinted field's `span` without its hint, so that the mark underlines the
/// value only; the whole span when nothing is left.
fn without_hint(text: &str, span: Span) -> Span {
    let whole = span.text(text);
    let (value, options) = split_hint(whole);
    if options.is_empty() || value.is_empty() {
        return span;
    }
    // `value` is a slice of `whole`.
    let at = value.as_ptr() as usize - whole.as_ptr() as usize;
    Span::new(span.start + at, span.start + at + value.len())
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
        let renderer = HumanRenderer::new(false, 100);
        let mut ours = String::new();
        renderer.render_file(&mut ours, &file);
        /// The finding over the whole text, with its spans as they are.
        struct Plain<'a>(&'a Located, miette::NamedSource<String>);
        impl fmt::Debug for Plain<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0.diagnostic.code)
            }
        }
        impl fmt::Display for Plain<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0.diagnostic.message)
            }
        }
        impl std::error::Error for Plain<'_> {}
        impl miette::Diagnostic for Plain<'_> {
            fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
                let d = &self.0.diagnostic;
                Some(Box::new(format!("{} {}", d.code, d.name)))
            }
            fn severity(&self) -> Option<miette::Severity> {
                Some(miette::Severity::Error)
            }
            fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
                Some(Box::new(help(self.0)))
            }
            fn source_code(&self) -> Option<&dyn SourceCode> {
                Some(&self.1)
            }
            fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
                let d = &self.0.diagnostic;
                let to = |s: Span| SourceSpan::from((s.start, s.len()));
                let primary = LabeledSpan::new_primary_with_span(None, to(d.span));
                let labels = d
                    .labels
                    .iter()
                    .map(move |l| LabeledSpan::new_with_span(Some(l.message.clone()), to(l.span)));
                Some(Box::new(std::iter::once(primary).chain(labels)))
            }
        }
        let plain = Plain(
            &file.diagnostics[0],
            miette::NamedSource::new("doc.md", text.to_owned()),
        );
        let mut theirs = String::new();
        renderer.handler.render_report(&mut theirs, &plain).unwrap();
        (ours, theirs)
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

    fn render(text: &str, diagnostics: Vec<Diagnostic>, width: usize) -> String {
        let file = FileReport::new(
            "doc.md".into(),
            Stage::Planned,
            Document::parse(text),
            diagnostics,
        );
        let mut out = String::new();
        HumanRenderer::new(false, width).render_file(&mut out, &file);
        out
    }

    #[test]
    fn the_first_snippet_is_the_primary_location() {
        let text = "# Title\n\n**Release**: Payments (v3.0.0)\n\nfiller\n\nmore\n\n**Release Type**: Patch\n";
        let version = text.find("v3.0.0").unwrap();
        let patch = text.find("Patch").unwrap();
        let d = diagnostic(
            "RL406",
            Span::new(patch, patch + 5),
            vec![Label {
                span: Span::new(version, version + 6),
                message: "version `v3.0.0`".into(),
            }],
        );
        let out = render(text, vec![d], 100);
        let headers: Vec<&str> = out
            .lines()
            .filter_map(|l| l.split_once("╭─[").map(|(_, h)| h))
            .collect();
        assert_eq!(headers, ["doc.md:9:19]", "doc.md:3:24]"], "{out}");
        assert!(
            out.find("Patch").unwrap() < out.find("v3.0.0").unwrap(),
            "{out}"
        );
        assert!(out.contains("╰── version `v3.0.0`"), "{out}");
    }

    #[test]
    fn messages_wrap_only_between_whole_tokens() {
        let text = "# Title\n\nvalue\n";
        let at = text.find("value").unwrap();
        let mut d = diagnostic("RL401", Span::new(at, at + 5), vec![]);
        d.message = "the monitoring threshold of Error Rate is `< 1%` and the value measured on \
                     2026-12-01 breaks it; expected a status of `❌ Fail` from 2026-12-01 on"
            .into();
        for width in 40..=110 {
            let out = render(text, vec![d.clone()], width);
            let message: Vec<&str> = out
                .lines()
                .skip_while(|l| !l.contains('×'))
                .take_while(|l| !l.contains('╭'))
                .collect();
            let joined = message
                .iter()
                .map(|l| l.trim_start_matches([' ', '×', '│']))
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                joined.contains("`< 1%`") && joined.contains("`❌ Fail`"),
                "{width}: {out}"
            );
            for line in &message {
                assert!(
                    line.matches('`').count() % 2 == 0 && !line.ends_with("2026-"),
                    "width {width} broke a token: {line:?}\n{out}"
                );
            }
        }
    }

    #[test]
    fn help_says_how_to_fix_then_where_the_docs_are() {
        let text = "# Title\n\n- [ ] item\n";
        let at = text.find("item").unwrap();
        let out = render(
            text,
            vec![diagnostic("RL205", Span::new(at, at + 4), vec![])],
            100,
        );
        assert!(
            out.contains("  help: Put the item back.\n        see `release-lint explain RL205`\n"),
            "{out}"
        );
    }

    #[test]
    fn a_value_with_its_hint_is_underlined_alone() {
        let text = "## Overview\n\n**Release Type**: Patch (Major | Minor | Patch | Hotfix)\n";
        let value = text.find("Patch").unwrap();
        let span = Span::new(value, text.len() - 1);
        let out = render(text, vec![diagnostic("RL406", span, vec![])], 100);
        let source = out
            .lines()
            .find(|l| l.contains("**Release Type**"))
            .unwrap();
        let marks = out
            .lines()
            .skip_while(|l| !l.contains("**Release Type**"))
            .nth(1)
            .unwrap();
        let column = source[..source.find("Patch").unwrap()].chars().count();
        let underlined: Vec<usize> = marks
            .chars()
            .enumerate()
            .filter(|(_, c)| *c == '─')
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            underlined,
            (column..column + 5).collect::<Vec<_>>(),
            "{out}"
        );
    }

    #[test]
    fn a_megabyte_line_is_cut_around_each_finding() {
        let cells: Vec<String> = (0..80_000).map(|n| format!(" cell {n:05} ")).collect();
        let text = format!("# Title\n\n|{}|\nafter\n", cells.join("|"));
        assert!(text.len() > 1_000_000);
        let findings: Vec<Diagnostic> = (0..50)
            .map(|n| {
                let cell = format!("cell {:05}", n * 1_600);
                let at = text.find(&cell).unwrap();
                diagnostic("RL101", Span::new(at, at + cell.len()), vec![])
            })
            .collect();
        let out = render(&text, findings, 100);
        // 50 snippets of a few lines each, not 50 copies of the line.
        assert!(out.len() < 50 * 2_000, "{} bytes", out.len());
        for n in 0..50 {
            let cell = format!("cell {:05}", n * 1_600);
            let header = format!("[doc.md:3:{}]", text.find(&cell).unwrap() - 9 + 1);
            assert!(out.contains(&header), "{header}: {out}");
        }
        assert!(out.contains("…"), "{out}");
        assert!(out.contains(" 4 │ after"), "{out}");
        // The mark is under the cell it names.
        let first = out.lines().position(|l| l.contains("cell 32000 ")).unwrap();
        let line = out.lines().nth(first).unwrap();
        let marks = out.lines().nth(first + 1).unwrap();
        let under = line[..line.find("cell 32000").unwrap()].chars().count();
        let mark: String = marks.chars().skip(under).take(10).collect();
        assert_eq!(mark, "─".repeat(10), "{line}\n{marks}");
    }

    #[test]
    fn the_same_secret_elsewhere_and_undetected_kinds_are_masked_too() {
        let text = "# Notes\n\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n\n\
                    - [ ] rotate AKIAIOSFODNN7EXAMPLE\n\
                    - [ ] hook https://hooks.slack.com/services/T0EXAMPLE/B0EXAMPLE/EXAMPLE0not0a0real0hook0\n";
        let key = text.find("AKIA").unwrap();
        let item = text.find("rotate").unwrap();
        let hook = text.find("hook https").unwrap();
        let out = render(
            text,
            vec![
                diagnostic("RL601", Span::new(key, key + 20), vec![]),
                // Only the first occurrence is a finding's span; these snippets show the
                // second, and a webhook no finding points at.
                diagnostic("RL201", Span::new(item, item + 6), vec![]),
                diagnostic("RL201", Span::new(hook, hook + 4), vec![]),
            ],
            200,
        );
        assert!(!out.contains("IOSFODNN7"), "{out}");
        assert!(out.contains("rotate AKIA****************"), "{out}");
        assert!(!out.contains("B0EXAMPLE"), "{out}");
    }
}
