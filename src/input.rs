//! Reading documents from files or standard input, with clear errors.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// The default of `--max-file-size`: larger files are reported, not read.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Read `path` (or standard input for `-`) as UTF-8 text, up to the default size limit.
pub fn read_text(path: &Path) -> Result<String> {
    read_text_named(path, path, DEFAULT_MAX_FILE_SIZE)
}

/// Read `path` (or standard input for `-`) as UTF-8 text, naming it `name` in errors
/// (standard input is named by `--stdin-filename`). A file larger than `max_size` bytes,
/// or that is not a regular file (a FIFO, socket or device, which could block or never
/// end), is an error and is not read.
pub fn read_text_named(path: &Path, name: &Path, max_size: u64) -> Result<String> {
    let too_large = || {
        anyhow::anyhow!(
            "{}: larger than the limit of {} (--max-file-size); not checked",
            name.display(),
            format_size(max_size)
        )
    };
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(max_size.saturating_add(1))
            .read_to_end(&mut buf)
            .with_context(|| format!("{}: cannot read standard input", name.display()))?;
    } else {
        // Follows symbolic links; asked before opening, since opening a FIFO blocks.
        let meta = std::fs::metadata(path).map_err(|e| read_error(path, e))?;
        if meta.is_dir() {
            bail!(
                "{}: is a directory; expected a Markdown file",
                path.display()
            );
        }
        if !meta.is_file() {
            bail!(
                "{}: not a regular file (a FIFO, socket or device); expected a Markdown file",
                path.display()
            );
        }
        if meta.len() > max_size {
            return Err(too_large());
        }
        // The file may grow between the question and the read: read at most one byte more.
        // Sized from the metadata, the buffer is allocated once instead of grown by probes.
        let expected = usize::try_from(meta.len()).unwrap_or(usize::MAX);
        buf.reserve_exact(expected.saturating_add(1));
        std::fs::File::open(path)
            .and_then(|f| f.take(max_size.saturating_add(1)).read_to_end(&mut buf))
            .map_err(|e| read_error(path, e))?;
    }
    if buf.len() as u64 > max_size {
        return Err(too_large());
    }
    let bytes = buf;
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

/// Why `path` could not be read. A file that is gone (removed since it was found, or a
/// symbolic link to nothing) says so plainly; other errors keep the system's reason.
fn read_error(path: &Path, err: std::io::Error) -> anyhow::Error {
    if err.kind() == std::io::ErrorKind::NotFound {
        anyhow::anyhow!(
            "{}: no such file (removed during the run, or a broken symbolic link)",
            path.display()
        )
    } else {
        anyhow::Error::new(err).context(format!("{}: cannot read file", path.display()))
    }
}

/// `10485760` → `10 MiB`; sizes that are not whole MiB or KiB in bytes.
fn format_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

/// Parse `--max-file-size`: bytes, or a number with `K`, `KB`, `KiB`, `M`, `MB`, `MiB`,
/// `G`, `GB` or `GiB` (all binary: 1 MB = 1,048,576 bytes). The same parser reads the
/// config's `max-file-size`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    release_rules::config::parse_size(text)
}

#[cfg(test)]
mod tests {
    use super::{format_size, parse_size};

    #[test]
    fn sizes_parse_and_print() {
        assert_eq!(parse_size("10MB"), Ok(10 << 20));
        assert_eq!(parse_size("512 KiB"), Ok(512 << 10));
        assert_eq!(parse_size("100"), Ok(100));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5TB").is_err());
        assert_eq!(format_size(10 << 20), "10 MiB");
        assert_eq!(format_size(1536), "1536 bytes");
    }
}
