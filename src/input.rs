//! Reading documents from files or standard input, with clear errors.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Result};

use crate::output::Failure;

/// The default of `--max-file-size`: larger files are reported, not read.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Read `path` (or standard input for `-`) as text, up to the default size limit: UTF-8,
/// or UTF-16 with a byte order mark, or a legacy encoding decoded as it looks (the same
/// reading as `check`, without its `not-utf8` warning). Binary data is an error.
pub fn read_text(path: &Path) -> Result<String> {
    let name = path.display().to_string();
    let bytes = read_bytes_named(path, &name, DEFAULT_MAX_FILE_SIZE)
        .map_err(|failure| anyhow::anyhow!("{failure}"))?;
    match release_rules::encoding::decode(bytes) {
        Ok((text, _)) => Ok(text),
        Err(err) => bail!("{}", not_text(&name, &err)),
    }
}

/// The failure of a file whose bytes are not text.
pub fn not_text(name: &str, err: &release_rules::encoding::DecodeError) -> Failure {
    Failure {
        path: name.to_owned(),
        at: Some(err.location()),
        message: err.to_string(),
    }
}

/// Read the bytes of `path` (or standard input for `-`), naming it `name` in failures
/// (standard input is named by `--stdin-filename`). A file larger than `max_size` bytes,
/// or that is not a regular file (a FIFO, socket or device, which could block or never
/// end), is a failure and is not read.
pub fn read_bytes_named(path: &Path, name: &str, max_size: u64) -> Result<Vec<u8>, Failure> {
    let too_large = || {
        Failure::new(
            name,
            format!(
                "larger than the limit of {} (--max-file-size); not checked",
                format_size(max_size)
            ),
        )
    };
    let mut buf = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .take(max_size.saturating_add(1))
            .read_to_end(&mut buf)
            .map_err(|e| Failure::new(name, format!("cannot read standard input: {e}")))?;
    } else {
        // Follows symbolic links; asked before opening, since opening a FIFO blocks.
        let meta = std::fs::metadata(path).map_err(|e| read_error(name, &e))?;
        if meta.is_dir() {
            return Err(Failure::new(
                name,
                "is a directory; expected a Markdown file",
            ));
        }
        if !meta.is_file() {
            return Err(Failure::new(
                name,
                "not a regular file (a FIFO, socket or device); expected a Markdown file",
            ));
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
            .map_err(|e| read_error(name, &e))?;
    }
    if buf.len() as u64 > max_size {
        return Err(too_large());
    }
    Ok(buf)
}

/// Why `name` could not be read. A file that is gone (removed since it was found, or a
/// symbolic link to nothing) says so plainly; other errors keep the system's reason.
fn read_error(name: &str, err: &std::io::Error) -> Failure {
    if err.kind() == std::io::ErrorKind::NotFound {
        Failure::new(
            name,
            "no such file (removed during the run, or a broken symbolic link)",
        )
    } else {
        Failure::new(name, format!("cannot read file: {err}"))
    }
}

/// `10485760` → `10 MiB`; sizes that are not whole MiB or KiB in bytes.
pub fn format_size(bytes: u64) -> String {
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
