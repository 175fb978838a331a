//! `--format json`: the document of spec section 8 (see docs/json-output.md).

use std::io::{self, Write};

use serde::Serialize;

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

/// Write the JSON document for `files`, followed by a newline.
pub fn write(out: &mut impl Write, files: &[FileReport], summary: Summary) -> io::Result<()> {
    let output = Output {
        version: VERSION,
        files: files
            .iter()
            .map(|f| File {
                path: &f.path,
                stage: f.stage.to_string(),
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
            })
            .collect(),
        summary,
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}
