//! `--format github`: GitHub Actions workflow commands, so that findings show inline on
//! a pull request.

use std::fmt::Write;
use std::io;

use release_rules::Severity;

use super::{Failure, FileReport};

/// Escape a workflow command's message.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow command's property value.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One `::error …::message` (or `::warning`, `::notice`) line per finding of `file`.
#[must_use]
pub fn render_file(file: &FileReport) -> String {
    let mut out = String::new();
    {
        for d in &file.diagnostics {
            let command = match d.diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            // Writing to a String cannot fail.
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&file.path),
                d.start.line,
                d.start.column,
                d.end.line,
                d.end.column,
                escape_property(d.diagnostic.code),
                escape_data(&d.diagnostic.message)
            );
        }
    }
    out
}

/// An `::error` line for a file that could not be checked, at its position when known.
#[must_use]
pub fn render_failure(failure: &Failure) -> String {
    let at = failure.at.map_or_else(String::new, |at| {
        format!(",line={},col={}", at.line, at.column)
    });
    format!(
        "::error file={}{at},title={}::{}\n",
        escape_property(&failure.path),
        escape_property("release-lint: not checked"),
        escape_data(&failure.message)
    )
}

/// Write one `::error …::message` (or `::warning`, `::notice`) line per finding.
pub fn write(out: &mut impl io::Write, files: &[FileReport]) -> io::Result<()> {
    for file in files {
        out.write_all(render_file(file).as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_could_not_be_checked_is_an_error_annotation() {
        let mut failure = Failure::new("a,b.md", "no such file or directory");
        assert_eq!(
            render_failure(&failure),
            "::error file=a%2Cb.md,title=release-lint%3A not checked::no such file or directory\n"
        );
        failure.at = Some(release_doc::LineCol { line: 3, column: 7 });
        assert!(render_failure(&failure).contains("file=a%2Cb.md,line=3,col=7,"));
    }

    #[test]
    fn escapes_what_the_runner_would_misread() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
