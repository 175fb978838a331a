//! Where a report goes: standard output, where a closed pipe (`| head`) ends the writing
//! quietly without ending the run, or a file (`--output-file`), written atomically.

use std::fs;
use std::io::{self, BufWriter, ErrorKind, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// A writer that stops writing, quietly, once its reader has gone: the rest of the output
/// is dropped and every write reports success, so the run goes on to its exit status.
#[derive(Debug)]
pub struct QuietPipe<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> QuietPipe<W> {
    /// Wrap `inner`.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            closed: false,
        }
    }

    /// What a write to a closed pipe returns: nothing was lost that anyone would read.
    fn swallow<T>(&mut self, result: io::Result<T>, done: T) -> io::Result<T> {
        match result {
            Err(err) if err.kind() == ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(done)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for QuietPipe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.swallow(result, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.swallow(result, ())
    }
}

/// The destination of `check`'s report.
pub enum Sink {
    /// Standard output.
    Stdout(BufWriter<QuietPipe<io::StdoutLock<'static>>>),
    /// Standard error: the report of `fix -`, whose standard output is the fixed text.
    Stderr(BufWriter<QuietPipe<io::Stderr>>),
    /// Nowhere: the report of `fix --diff` in a format for programs, when no
    /// `--output-file` asks for it (standard output holds the diffs).
    Discard,
    /// A temporary file beside `path`, renamed over it by [`Sink::finish`].
    File {
        /// The temporary file.
        file: BufWriter<tempfile::NamedTempFile>,
        /// Where the report ends up.
        path: PathBuf,
    },
}

impl Sink {
    /// Standard output, or a new temporary file beside `output_file`.
    pub fn open(output_file: Option<&Path>) -> Result<Self> {
        let Some(path) = output_file else {
            return Ok(Sink::Stdout(BufWriter::new(QuietPipe::new(
                io::stdout().lock(),
            ))));
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let name = path
            .file_name()
            .with_context(|| format!("{}: not a file name (--output-file)", path.display()))?;
        let mut prefix = std::ffi::OsString::from(".");
        prefix.push(name);
        prefix.push(".");
        let file = tempfile::Builder::new()
            .prefix(&prefix)
            .suffix(".tmp")
            .tempfile_in(dir)
            .with_context(|| format!("{}: cannot write (--output-file)", path.display()))?;
        Ok(Sink::File {
            file: BufWriter::new(file),
            path: path.to_path_buf(),
        })
    }

    /// Standard error.
    pub fn stderr() -> Self {
        Sink::Stderr(BufWriter::new(QuietPipe::new(io::stderr())))
    }

    /// Flush the report; a file is then renamed into place (a failed write leaves the
    /// old file, if any, and no temporary file).
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut out) => Ok(out.flush()?),
            Sink::Stderr(mut out) => Ok(out.flush()?),
            Sink::Discard => Ok(()),
            Sink::File { file, path } => {
                let cannot = || format!("{}: cannot write (--output-file)", path.display());
                let file = file
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(cannot)?;
                file.as_file().sync_all().with_context(cannot)?;
                #[cfg(unix)]
                {
                    // A report is read by others (CI steps, other users), unlike the
                    // temporary file's private default.
                    use std::os::unix::fs::PermissionsExt;
                    fs::set_permissions(file.path(), fs::Permissions::from_mode(0o644))
                        .with_context(cannot)?;
                }
                file.persist(&path)
                    .map_err(|e| e.error)
                    .with_context(cannot)?;
                Ok(())
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::Stderr(out) => out.write(buf),
            Sink::Discard => Ok(buf.len()),
            Sink::File { file, .. } => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::Stderr(out) => out.flush(),
            Sink::Discard => Ok(()),
            Sink::File { file, .. } => file.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that goes away after `left` bytes.
    struct Pipe {
        got: Vec<u8>,
        left: usize,
    }

    impl Write for Pipe {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.left == 0 {
                return Err(io::Error::from(ErrorKind::BrokenPipe));
            }
            let n = buf.len().min(self.left);
            self.got.extend_from_slice(&buf[..n]);
            self.left -= n;
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_ends_the_writing_quietly() {
        let mut pipe = QuietPipe::new(Pipe {
            got: Vec::new(),
            left: 4,
        });
        pipe.write_all(b"abcdef").unwrap();
        assert!(pipe.closed);
        pipe.write_all(b"more").unwrap();
        pipe.flush().unwrap();
        assert_eq!(pipe.inner.got, b"abcd");
    }

    #[test]
    fn other_errors_are_errors() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut pipe = QuietPipe::new(Full);
        assert!(pipe.write_all(b"x").is_err());
        assert!(!pipe.closed);
    }
}
