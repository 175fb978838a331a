//! `release-lint parse`: print the typed model of a document, its secrets masked unless
//! `--show-secrets`.

use std::io::Write;

use anyhow::Result;
use release_doc::{LineIndex, Problem, ReleaseDoc};
use serde::Serialize;

use crate::args::{ModelFormat, ParseArgs};
use crate::input::read_text;
use crate::mask;
use crate::Status;

/// What `parse` prints: the model and the located problems.
#[derive(Serialize)]
struct Output<'a> {
    path: String,
    document: &'a ReleaseDoc,
    problems: Vec<LocatedProblem<'a>>,
}

#[derive(Serialize)]
struct LocatedProblem<'a> {
    #[serde(flatten)]
    problem: &'a Problem,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

pub fn run(args: &ParseArgs) -> Result<Status> {
    let source = read_text(&args.file)?;
    let parsed = release_doc::parse(&source);
    let index = LineIndex::new(&source);
    let problems = parsed
        .problems
        .iter()
        .map(|problem| {
            let start = index.line_col(&source, problem.span.start);
            let end = index.line_col(&source, problem.span.end);
            LocatedProblem {
                problem,
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
            }
        })
        .collect();
    let output = Output {
        path: args.file.display().to_string(),
        document: &parsed.value,
        problems,
    };
    let text = match args.format {
        ModelFormat::Json => serde_json::to_string_pretty(&output)? + "\n",
        ModelFormat::Yaml => serde_saphyr::to_string(&output)?,
    };
    let text = if args.show_secrets {
        text
    } else {
        mask::masker(&source, []).mask(&text).into_owned()
    };
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()?;
    Ok(Status::Clean)
}
