//! `--format concise`: one line per finding, `path:line:col: severity[code] message`.

use std::io::{self, Write};

use super::FileReport;

/// Write one line per finding of `files`.
pub fn write(out: &mut impl Write, files: &[FileReport]) -> io::Result<()> {
    for file in files {
        for d in &file.diagnostics {
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                file.path,
                d.start.line,
                d.start.column,
                d.diagnostic.severity,
                d.diagnostic.code,
                d.diagnostic.message
            )?;
        }
    }
    Ok(())
}
