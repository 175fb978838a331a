//! `--format json`: the document of spec section 8 (see docs/json-output.md), written one
//! file at a time.

use std::io::{self, Write};

use serde::Serialize;

use super::json_array::{ArrayFrame, ArrayWriter};
use super::{FileReport, Summary};

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
    stage: String,
    /// Where the stage came from: `flag`, `stage`, `status`, `evidence`, `config` or
    /// `default`.
    stage_source: &'static str,
    /// Why, in words: `from status: shipped`.
    stage_reason: String,
    diagnostics: Vec<Finding<'a>>,
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
}

impl<'a> File<'a> {
    fn of(f: &'a FileReport) -> Self {
        File {
            path: &f.path,
            stage: f.stage.to_string(),
            stage_source: f.resolution.source.kind(),
            stage_reason: f.resolution.reason(),
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
                })
                .collect(),
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

    /// Write the start of the document.
    pub fn begin(&self, out: &mut impl Write) -> io::Result<JsonWriter> {
        Ok(JsonWriter {
            array: ArrayWriter::begin(out, self.frame.clone())?,
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
