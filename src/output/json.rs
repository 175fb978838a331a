//! `--format json`: the document of spec section 8 (see docs/json-output.md), written one
//! file at a time.

use std::io::{self, Write};

use serde::Serialize;

use release_doc::Span;
use release_rules::{Applicability, Document};

use super::json_array::{ArrayFrame, ArrayWriter};
use super::{Failure, FileReport, Summary};

/// The version of this JSON shape; it changes only when a field changes meaning or goes.
const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files: Vec<File<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    /// `null` for a file that could not be checked.
    stage: Option<String>,
    /// Where the stage came from: `flag`, `stage`, `status`, `evidence`, `config` or
    /// `default` (`null` for a file that could not be checked).
    stage_source: Option<&'static str>,
    /// Why, in words: `from status: shipped`.
    stage_reason: Option<String>,
    diagnostics: Vec<Finding<'a>>,
    /// Why the file could not be checked; `null` when it was.
    error: Option<FileError<'a>>,
    /// With `release-lint fix`: the fixes applied (or, with `--diff`, that would be).
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<Vec<Applied<'a>>>,
    /// With `release-lint fix`: the rules whose fixes were stopped, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    fix_problems: Option<Vec<String>>,
}

/// A fix `release-lint fix` applied.
#[derive(Serialize)]
struct Applied<'a> {
    code: &'a str,
    name: &'a str,
    /// The finding it fixed.
    finding: &'a str,
    /// What the fix did.
    message: &'a str,
    applicability: Applicability,
    /// The round (from 1) it was applied in.
    round: usize,
}

/// A file that could not be checked: what went wrong, and where when known.
#[derive(Serialize)]
struct FileError<'a> {
    message: &'a str,
    line: Option<usize>,
    column: Option<usize>,
}

/// A range of the document: start and end (exclusive), 1-based.
#[derive(Serialize)]
struct Range {
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

impl Range {
    fn of(document: &Document, span: Span) -> Self {
        let (start, end) = (document.line_col(span.start), document.line_col(span.end));
        Range {
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        }
    }
}

/// A related place a finding points at, with what it shows.
#[derive(Serialize)]
struct Related<'a> {
    message: &'a str,
    #[serde(flatten)]
    range: Range,
}

/// A proposed fix: what it does, whether it is safe, and its edits.
#[derive(Serialize)]
struct FixHint<'a> {
    message: &'a str,
    applicability: Applicability,
    edits: Vec<EditAt<'a>>,
}

#[derive(Serialize)]
struct EditAt<'a> {
    replacement: &'a str,
    #[serde(flatten)]
    range: Range,
}

#[derive(Serialize)]
struct Finding<'a> {
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    /// Always present, `null` outside any known section, so every finding has the same keys.
    section: Option<&'a str>,
    /// The other places the finding points at (empty when none).
    related: Vec<Related<'a>>,
    /// How to fix it, when the rule proposes a fix; else `null`.
    fix: Option<FixHint<'a>>,
}

impl<'a> File<'a> {
    fn of(f: &'a FileReport) -> Self {
        let doc = &f.document;
        File {
            path: &f.path,
            stage: Some(f.stage.to_string()),
            stage_source: Some(f.resolution.source.kind()),
            stage_reason: Some(f.resolution.reason()),
            error: None,
            fixed: f.fixes.as_ref().map(|fixes| {
                fixes
                    .applied
                    .iter()
                    .map(|a| Applied {
                        code: a.code,
                        name: a.name,
                        finding: &a.finding,
                        message: &a.fix.message,
                        applicability: a.fix.applicability,
                        round: a.round,
                    })
                    .collect()
            }),
            fix_problems: f
                .fixes
                .as_ref()
                .map(|fixes| fixes.problems.iter().map(ToString::to_string).collect()),
            diagnostics: f
                .diagnostics
                .iter()
                .map(|d| Finding {
                    code: d.diagnostic.code,
                    name: d.diagnostic.name,
                    severity: d.diagnostic.severity.as_str(),
                    message: &d.diagnostic.message,
                    line: d.start.line,
                    column: d.start.column,
                    end_line: d.end.line,
                    end_column: d.end.column,
                    section: d.diagnostic.section.as_deref(),
                    related: d
                        .diagnostic
                        .labels
                        .iter()
                        .map(|label| Related {
                            message: &label.message,
                            range: Range::of(doc, label.span),
                        })
                        .collect(),
                    fix: d.diagnostic.fix.as_ref().map(|fix| FixHint {
                        message: &fix.message,
                        applicability: fix.applicability,
                        edits: fix
                            .edits
                            .iter()
                            .map(|edit| EditAt {
                                replacement: &edit.replacement,
                                range: Range::of(doc, edit.span),
                            })
                            .collect(),
                    }),
                })
                .collect(),
        }
    }

    fn failed(failure: &'a Failure) -> Self {
        File {
            path: &failure.path,
            stage: None,
            stage_source: None,
            stage_reason: None,
            diagnostics: Vec::new(),
            fixed: None,
            fix_problems: None,
            error: Some(FileError {
                message: &failure.message,
                line: failure.at.map(|at| at.line),
                column: failure.at.map(|at| at.column),
            }),
        }
    }
}

/// The whole document with no file in it: the frame the files are streamed into.
fn skeleton(summary: Summary) -> String {
    let empty = Output {
        version: VERSION,
        files: Vec::new(),
        summary,
    };
    serde_json::to_string_pretty(&empty)
        .unwrap_or_else(|e| unreachable!("plain structs always serialize: {e}"))
}

/// Writes the JSON document one file at a time.
#[derive(Debug)]
pub struct JsonStream {
    frame: ArrayFrame,
}

impl Default for JsonStream {
    fn default() -> Self {
        Self::new()
    }
}

impl JsonStream {
    /// A stream for one run.
    #[must_use]
    pub fn new() -> Self {
        Self {
            frame: ArrayFrame::new(&skeleton(Summary::default()), "files"),
        }
    }

    /// The JSON of one file, as it appears in the `files` array (callable from any
    /// thread).
    #[must_use]
    pub fn render_file(&self, file: &FileReport) -> String {
        self.frame.element(&File::of(file))
    }

    /// The JSON of a file that could not be checked, as it appears in the `files` array.
    #[must_use]
    pub fn render_failure(&self, failure: &Failure) -> String {
        self.frame.element(&File::failed(failure))
    }

    /// Write the start of the document.
    pub fn begin(&self, out: &mut impl Write) -> io::Result<JsonWriter> {
        Ok(JsonWriter {
            array: ArrayWriter::begin(out, &self.frame)?,
        })
    }
}

/// The open document: files go in, then the summary closes it.
#[derive(Debug)]
pub struct JsonWriter {
    array: ArrayWriter,
}

impl JsonWriter {
    /// Write one file made by [`JsonStream::render_file`].
    pub fn push(&mut self, out: &mut impl Write, file: &str) -> io::Result<()> {
        self.array.push(out, file)
    }

    /// Close the `files` array and write the summary, then a newline.
    pub fn finish(self, out: &mut impl Write, summary: Summary) -> io::Result<()> {
        self.array.finish(out, &skeleton(summary), "files")
    }
}

/// Write the JSON document for `files`, followed by a newline.
pub fn write(out: &mut impl Write, files: &[FileReport], summary: Summary) -> io::Result<()> {
    let stream = JsonStream::new();
    let mut writer = stream.begin(out)?;
    for file in files {
        writer.push(out, &stream.render_file(file))?;
    }
    writer.finish(out, summary)
}

#[cfg(test)]
mod tests {
    use release_doc::{LineCol, Span};
    use release_rules::{Applicability, Diagnostic, Document, Edit, Fix, Severity, Stage};
    use serde_json::{json, Value};

    use super::*;

    #[test]
    fn findings_carry_their_related_places_and_fix() {
        let text = "# Notes\n\nline three\nfour\n";
        let three = text.find("three").unwrap();
        let four = text.find("four").unwrap();
        let diagnostic = Diagnostic {
            code: "RL401",
            name: "some-problem",
            severity: Severity::Error,
            message: "wrong".into(),
            span: Span::new(three, three + 5),
            labels: Vec::new(),
            section: None,
            fix: None,
        }
        .with_label(Span::new(four, four + 4), "because of this")
        .with_fix(Fix {
            message: "say four".into(),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: Span::new(three, three + 5),
                replacement: "4".into(),
            }],
        });
        let report = FileReport::new(
            "doc.md".into(),
            Stage::Draft,
            Document::parse(text),
            vec![diagnostic],
        );
        let stream = JsonStream::new();
        let finding: Value = serde_json::from_str(&stream.render_file(&report)).unwrap();
        let finding = &finding["diagnostics"][0];
        assert_eq!(
            finding["related"],
            json!([{"message": "because of this", "line": 4, "column": 1, "end_line": 4, "end_column": 5}])
        );
        assert_eq!(
            finding["fix"],
            json!({"message": "say four", "applicability": "safe", "edits": [
                {"replacement": "4", "line": 3, "column": 6, "end_line": 3, "end_column": 11}
            ]})
        );
    }

    #[test]
    fn a_file_that_could_not_be_checked_is_listed_with_its_error() {
        let stream = JsonStream::new();
        let failure = Failure {
            path: "latin1.md".into(),
            at: Some(LineCol { line: 5, column: 4 }),
            message: "binary data, not text".into(),
        };
        let entry: Value = serde_json::from_str(&stream.render_failure(&failure)).unwrap();
        assert_eq!(
            entry,
            json!({"path": "latin1.md", "stage": null, "stage_source": null, "stage_reason": null,
                   "diagnostics": [],
                   "error": {"message": "binary data, not text", "line": 5, "column": 4}})
        );
    }

    /// A file with one finding on `spot` of `text`, whose message is `message`.
    fn report(path: &str, text: &str, spot: &str, message: &str) -> FileReport {
        let at = text.find(spot).unwrap();
        let diagnostic = Diagnostic {
            code: "RL401",
            name: "some-problem",
            severity: Severity::Warning,
            message: message.into(),
            span: Span::new(at, at + spot.len()),
            labels: Vec::new(),
            section: None,
            fix: None,
        };
        FileReport::new(
            path.into(),
            Stage::Draft,
            Document::parse(text),
            vec![diagnostic],
        )
    }

    #[test]
    fn the_streamed_document_is_what_serde_json_prints_for_the_whole() {
        let files = [
            report("a.md", "# Notes\n\nline three\n", "three", "wrong"),
            report(
                "dé\"jà\\vu.md",
                "# Nötes\n\nzwölf 🚀 \t tab\n",
                "🚀",
                "found \"🚀\"\u{1}\nexpected a date — 2026-11-30",
            ),
            FileReport::new(
                "clean.md".into(),
                Stage::Draft,
                Document::parse("# Notes\n"),
                Vec::new(),
            ),
        ];
        for n in 0..=files.len() {
            let summary = Summary::of(&files[..n], 0);
            let mut streamed = Vec::new();
            write(&mut streamed, &files[..n], summary).unwrap();
            let whole = Output {
                version: VERSION,
                files: files[..n].iter().map(File::of).collect(),
                summary,
            };
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            assert_eq!(String::from_utf8(streamed).unwrap(), expected, "{n} files");
        }
    }
}
