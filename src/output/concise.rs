//! `--format concise`: one line per finding, `path:line:col: severity[code] message`.

use std::fmt::Write;
use std::io;

use super::{Failure, FileReport};

/// The line of a file that could not be checked: `path:line:col: error: message`
/// (without the position when it is not known).
#[must_use]
pub fn render_failure(failure: &Failure) -> String {
    format!("{}: error: {}\n", failure.place(), failure.message)
}

/// One line per finding of `file`.
#[must_use]
pub fn render_file(file: &FileReport) -> String {
    let mut out = String::new();
    for d in &file.diagnostics {
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            file.path,
            d.start.line,
            d.start.column,
            d.diagnostic.severity,
            d.diagnostic.code,
            d.diagnostic.message
        );
    }
    out
}

/// Write one line per finding of `files`.
pub fn write(out: &mut impl io::Write, files: &[FileReport]) -> io::Result<()> {
    for file in files {
        out.write_all(render_file(file).as_bytes())?;
    }
    Ok(())
}
