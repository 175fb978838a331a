//! `--format sarif`: SARIF 2.1.0, with the metadata of every rule, for code-scanning
//! dashboards.

use std::io::{self, Write};

use release_rules::{registry, RuleMeta, Severity};
use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix, Invocation, Location, Message,
    MultiformatMessageString, Notification, PhysicalLocation, PropertyBag, Region, Replacement,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif,
    Tool, ToolComponent,
};

use super::json_array::{ArrayFrame, ArrayWriter};
use super::{Failure, FileReport, Located};

/// Where the rule pages are by default: `docs/rules/` of the repository named in
/// Cargo.toml (each rule at `<base>/<CODE>.md`); the config's `docs-url` replaces it.
pub const DEFAULT_DOCS_URL: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/docs/rules");

/// The schema the output conforms to (the OASIS errata 01 schema).
const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

fn level_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

fn text(s: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s).build()
}

/// The page of the rule `code` under the rule docs at `docs_url` (also the language
/// server's `codeDescription`).
pub fn help_uri(docs_url: &str, code: &str) -> String {
    format!("{}/{code}.md", docs_url.trim_end_matches('/'))
}

fn descriptor(meta: &RuleMeta, docs_url: &str) -> ReportingDescriptor {
    ReportingDescriptor::builder()
        .id(meta.code)
        .name(meta.name)
        .help_uri(help_uri(docs_url, meta.code))
        .short_description(text(meta.summary))
        .full_description(text(meta.summary))
        .help(
            MultiformatMessageString::builder()
                .text(format!(
                    "{}\n\nRun `release-lint explain {}` for details.",
                    meta.summary, meta.code
                ))
                .markdown(release_rules::docs::rule_markdown(meta))
                .build(),
        )
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::Value::from(level_name(meta.severity)))
                .build(),
        )
        .build()
}

/// A relative URI reference for a path: `/` separators, reserved characters escaped.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn region(d: &Located) -> Region {
    Region::builder()
        .start_line(d.start.line as i64)
        .start_column(d.start.column as i64)
        .end_line(d.end.line as i64)
        .end_column(d.end.column as i64)
        .build()
}

fn location(path: &str, region: Region, message: Option<&str>) -> Location {
    let physical = PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(path)).build())
        .region(region)
        .build();
    match message {
        Some(m) => Location::builder()
            .physical_location(physical)
            .message(Message::builder().text(m).build())
            .build(),
        None => Location::builder().physical_location(physical).build(),
    }
}

/// The region of a byte span of the file, in lines and columns.
fn span_region(file: &FileReport, span: release_doc::Span) -> Region {
    let start = file.document.line_col(span.start);
    let end = file.document.line_col(span.end);
    Region::builder()
        .start_line(start.line as i64)
        .start_column(start.column as i64)
        .end_line(end.line as i64)
        .end_column(end.column as i64)
        .build()
}

/// One finding as a SARIF result.
fn result(metas: &[&RuleMeta], file: &FileReport, d: &Located) -> SarifResult {
    let diagnostic = &d.diagnostic;
    let related: Vec<Location> = diagnostic
        .labels
        .iter()
        .map(|label| {
            location(
                &file.path,
                span_region(file, label.span),
                Some(&label.message),
            )
        })
        .collect();
    let result = SarifResult::builder()
        .rule_id(diagnostic.code)
        .level(level(diagnostic.severity))
        .message(Message::builder().text(&diagnostic.message).build())
        .locations(vec![location(&file.path, region(d), None)]);
    let mut result = match metas.iter().position(|m| m.code == diagnostic.code) {
        Some(index) => result.rule_index(index as i64).build(),
        None => result.build(),
    };
    if !related.is_empty() {
        result.related_locations = Some(related);
    }
    if let Some(fix) = &diagnostic.fix {
        result.fixes = Some(vec![sarif_fix(file, fix)]);
    }
    result.properties = Some(stage_properties(file));
    result
}

/// A finding's fix as a SARIF fix: one artifact change of the file, a replacement per
/// edit (the deleted region in lines and columns, the inserted text), and whether it is
/// safe in the properties (`applicability`).
fn sarif_fix(file: &FileReport, fix: &release_rules::Fix) -> Fix {
    let replacements: Vec<Replacement> = fix
        .edits
        .iter()
        .map(|edit| {
            Replacement::builder()
                .deleted_region(span_region(file, edit.span))
                .inserted_content(ArtifactContent::builder().text(&edit.replacement).build())
                .build()
        })
        .collect();
    let change = ArtifactChange::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(&file.path)).build())
        .replacements(replacements)
        .build();
    let applicability: std::collections::BTreeMap<String, serde_json::Value> = [(
        "applicability".to_owned(),
        serde_json::to_value(fix.applicability).unwrap_or_default(),
    )]
    .into_iter()
    .collect();
    Fix::builder()
        .description(Message::builder().text(&fix.message).build())
        .artifact_changes(vec![change])
        .properties(
            PropertyBag::builder()
                .additional_properties(applicability)
                .build(),
        )
        .build()
}

/// The stage the result's file was checked at, and why, as result properties
/// (`stage`, `stageSource`, `stageReason`).
fn stage_properties(file: &FileReport) -> PropertyBag {
    let properties: std::collections::BTreeMap<String, serde_json::Value> = [
        ("stage", file.stage.to_string()),
        ("stageSource", file.resolution.source.kind().to_owned()),
        ("stageReason", file.resolution.reason()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), serde_json::Value::from(v)))
    .collect();
    PropertyBag::builder()
        .additional_properties(properties)
        .build()
}

/// A file that could not be checked, as a notification of a failed invocation.
fn notification(failure: &Failure) -> Notification {
    let physical = PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(&failure.path)).build());
    let physical = match failure.at {
        Some(at) => physical
            .region(
                Region::builder()
                    .start_line(at.line as i64)
                    .start_column(at.column as i64)
                    .build(),
            )
            .build(),
        None => physical.build(),
    };
    Notification::builder()
        .level(serde_json::Value::from("error"))
        .message(Message::builder().text(&failure.message).build())
        .locations(vec![Location::builder()
            .physical_location(physical)
            .build()])
        .build()
}

/// The log with no result in it: the frame the results are streamed into.
fn skeleton(metas: &[&RuleMeta], docs_url: &str) -> String {
    let driver = ToolComponent::builder()
        .name("release-lint")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri(env!("CARGO_PKG_REPOSITORY"))
        .rules(
            metas
                .iter()
                .map(|m| descriptor(m, docs_url))
                .collect::<Vec<_>>(),
        )
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(Vec::new())
        .column_kind(serde_json::Value::from("unicodeCodePoints"))
        .build();
    let log = Sarif::builder()
        .schema(SCHEMA)
        .version(serde_json::Value::from("2.1.0"))
        .runs(vec![run])
        .build();
    serde_json::to_string_pretty(&log)
        .unwrap_or_else(|e| unreachable!("plain structs always serialize: {e}"))
}

/// Writes the SARIF log one file's results at a time.
#[derive(Debug)]
pub struct SarifStream {
    metas: Vec<&'static RuleMeta>,
    skeleton: String,
    frame: ArrayFrame,
}

impl Default for SarifStream {
    fn default() -> Self {
        Self::new()
    }
}

impl SarifStream {
    /// A stream for one run, describing every rule, with their pages under
    /// [`DEFAULT_DOCS_URL`].
    #[must_use]
    pub fn new() -> Self {
        Self::with_docs_url(DEFAULT_DOCS_URL)
    }

    /// A stream for one run whose rules' `helpUri` are `<docs_url>/<CODE>.md`.
    #[must_use]
    pub fn with_docs_url(docs_url: &str) -> Self {
        let metas: Vec<&'static RuleMeta> = registry::metas().collect();
        let skeleton = skeleton(&metas, docs_url);
        let frame = ArrayFrame::new(&skeleton, "results");
        Self {
            metas,
            skeleton,
            frame,
        }
    }

    /// The results of one file, as they appear in the `results` array (callable from any
    /// thread); empty when it has no finding.
    #[must_use]
    pub fn render_file(&self, file: &FileReport) -> String {
        let mut out = String::new();
        for d in &file.diagnostics {
            if !out.is_empty() {
                out.push_str(ArrayFrame::SEPARATOR);
            }
            out.push_str(&self.frame.element(&result(&self.metas, file, d)));
        }
        out
    }

    /// Write the start of the log.
    pub fn begin(&self, out: &mut impl Write) -> io::Result<SarifWriter<'_>> {
        Ok(SarifWriter {
            array: ArrayWriter::begin(out, &self.frame)?,
            skeleton: &self.skeleton,
            failures: Vec::new(),
        })
    }
}

/// The open log.
#[derive(Debug)]
pub struct SarifWriter<'s> {
    array: ArrayWriter,
    skeleton: &'s str,
    failures: Vec<Notification>,
}

impl SarifWriter<'_> {
    /// Note a file that could not be checked: the log's invocation then fails, with a
    /// notification per such file.
    pub fn fail(&mut self, failure: &Failure) {
        self.failures.push(notification(failure));
    }

    /// Close the log, then write a newline. With failures, the run gets an
    /// `invocations` entry that did not succeed and names each of them.
    pub fn finish(self, out: &mut impl Write) -> io::Result<()> {
        if self.failures.is_empty() {
            return self.array.finish(out, self.skeleton, "results");
        }
        let invocation = Invocation::builder()
            .execution_successful(false)
            .tool_execution_notifications(self.failures)
            .build();
        self.array.finish_with(
            out,
            self.skeleton,
            "results",
            ("invocations", &[invocation]),
        )
    }

    /// Write the results made by [`SarifStream::render_file`].
    pub fn push(&mut self, out: &mut impl Write, results: &str) -> io::Result<()> {
        self.array.push(out, results)
    }
}

/// Write the SARIF log of `files`, followed by a newline.
pub fn write(out: &mut impl Write, files: &[FileReport]) -> io::Result<()> {
    let stream = SarifStream::new();
    let mut writer = stream.begin(out)?;
    for file in files {
        writer.push(out, &stream.render_file(file))?;
    }
    writer.finish(out)
}

/// Write the SARIF log of `files` and of the files that could not be checked.
pub fn write_with_failures(
    out: &mut impl Write,
    files: &[FileReport],
    failures: &[Failure],
) -> io::Result<()> {
    let stream = SarifStream::new();
    let mut writer = stream.begin(out)?;
    for file in files {
        writer.push(out, &stream.render_file(file))?;
    }
    for failure in failures {
        writer.fail(failure);
    }
    writer.finish(out)
}

#[cfg(test)]
mod tests {
    use super::{help_uri, uri, DEFAULT_DOCS_URL};

    #[test]
    fn rule_pages_are_under_the_docs_url() {
        assert_eq!(
            help_uri("https://example.com/rules/", "RL201"),
            "https://example.com/rules/RL201.md"
        );
        assert_eq!(
            help_uri(DEFAULT_DOCS_URL, "RL008"),
            concat!(env!("CARGO_PKG_REPOSITORY"), "/docs/rules/RL008.md")
        );
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("docs/rel ease #1.md"), "docs/rel%20ease%20%231.md");
        assert_eq!(uri(r"a\b.md"), "a/b.md");
        assert_eq!(uri("é.md"), "%C3%A9.md");
    }
}
