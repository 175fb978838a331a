//! `--format sarif`: SARIF 2.1.0, with the metadata of every rule, for code-scanning
//! dashboards.

use std::io::{self, Write};

use release_rules::{registry, RuleMeta, Severity};
use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, PropertyBag,
    Region, ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run,
    Sarif, Tool, ToolComponent,
};

use super::json_array::{ArrayFrame, ArrayWriter};
use super::{FileReport, Located};

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

fn descriptor(meta: &RuleMeta) -> ReportingDescriptor {
    ReportingDescriptor::builder()
        .id(meta.code)
        .name(meta.name)
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

/// One finding as a SARIF result.
fn result(metas: &[&RuleMeta], file: &FileReport, d: &Located) -> SarifResult {
    let diagnostic = &d.diagnostic;
    let related: Vec<Location> = diagnostic
        .labels
        .iter()
        .map(|label| {
            let start = file.document.line_col(label.span.start);
            let end = file.document.line_col(label.span.end);
            let region = Region::builder()
                .start_line(start.line as i64)
                .start_column(start.column as i64)
                .end_line(end.line as i64)
                .end_column(end.column as i64)
                .build();
            location(&file.path, region, Some(&label.message))
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
    result.properties = Some(stage_properties(file));
    result
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

/// The log with no result in it: the frame the results are streamed into.
fn skeleton(metas: &[&RuleMeta]) -> String {
    let driver = ToolComponent::builder()
        .name("release-lint")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(metas.iter().map(|m| descriptor(m)).collect::<Vec<_>>())
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
    /// A stream for one run, describing every rule.
    #[must_use]
    pub fn new() -> Self {
        let metas: Vec<&'static RuleMeta> = registry::metas().collect();
        let skeleton = skeleton(&metas);
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
            array: ArrayWriter::begin(out, self.frame.clone())?,
            skeleton: &self.skeleton,
        })
    }
}

/// The open log.
#[derive(Debug)]
pub struct SarifWriter<'s> {
    array: ArrayWriter,
    skeleton: &'s str,
}

impl SarifWriter<'_> {
    /// Close the log, then write a newline.
    pub fn finish(self, out: &mut impl Write) -> io::Result<()> {
        self.array.finish(out, self.skeleton, "results")
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

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri("docs/rel ease #1.md"), "docs/rel%20ease%20%231.md");
        assert_eq!(uri(r"a\b.md"), "a/b.md");
        assert_eq!(uri("é.md"), "%C3%A9.md");
    }
}
