//! `--format github`: GitHub Actions workflow commands, so that findings show inline on
//! a pull request.

use std::fmt::Write;
use std::io;

use release_rules::Severity;

use super::FileReport;

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
    fn escapes_what_the_runner_would_misread() {
        assert_eq!(escape_data("50%\nnext"), "50%25%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
