//! Reading documents from files or standard input, with clear errors.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// Read `path` (or standard input for `-`) as UTF-8 text.
pub fn read_text(path: &Path) -> Result<String> {
    read_text_named(path, path)
}

/// Read `path` (or standard input for `-`) as UTF-8 text, naming it `name` in errors
/// (standard input is named by `--stdin-filename`).
pub fn read_text_named(path: &Path, name: &Path) -> Result<String> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .with_context(|| format!("{}: cannot read standard input", name.display()))?;
        buf
    } else {
        if path.is_dir() {
            bail!(
                "{}: is a directory; expected a Markdown file",
                path.display()
            );
        }
        std::fs::read(path).with_context(|| format!("{}: cannot read file", path.display()))?
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let bytes = err.as_bytes();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let column = String::from_utf8_lossy(
                &bytes[bytes[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1)..at],
            )
            .chars()
            .count()
                + 1;
            bail!("{}:{line}:{column}: not UTF-8 text (invalid byte 0x{:02x}); expected a UTF-8 Markdown file", name.display(), bytes[at])
        }
    }
}
