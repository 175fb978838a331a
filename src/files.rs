//! Finding the documents to check: files as given, directories walked (honouring
//! `.gitignore`, skipping hidden folders, never looping on symlinks), `-` for stdin.

use std::path::{Path, PathBuf};

use crate::output::Failure;

/// Where a document's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Standard input.
    Stdin,
    /// A file on disk.
    File,
}

/// One document to check.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path as shown in the output: as given, or relative to the current directory.
    pub display: String,
    /// The path used to find its configuration and to match `include`/`exclude`.
    pub path: PathBuf,
    /// Where to read it from.
    pub origin: Origin,
    /// Named on the command line (not found by walking a folder): skipping it is said.
    pub named: bool,
    /// The folder walked to find it (`None` for a file named on the command line): `fix`
    /// never writes through a symlink to a file outside it.
    pub root: Option<PathBuf>,
}

/// What was found, and the paths that could not be used.
#[derive(Debug, Default)]
pub struct Collected {
    /// The documents, sorted by display path, without duplicates.
    pub inputs: Vec<Input>,
    /// Paths that do not exist or could not be walked, sorted by path.
    pub errors: Vec<Failure>,
}

/// Whether a walked file is Markdown.
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// `./a/b.md` → `a/b.md`; everything else as given.
fn display(path: &Path) -> String {
    path.strip_prefix(".").unwrap_or(path).display().to_string()
}

/// Collect the documents named by `paths` (the current directory when empty).
pub fn collect(paths: &[PathBuf], stdin_filename: Option<&Path>) -> Collected {
    let mut out = Collected::default();
    let default = [PathBuf::from(".")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    for path in paths {
        if path.as_os_str() == "-" {
            let name = stdin_filename.map_or_else(|| PathBuf::from("-"), Path::to_path_buf);
            out.inputs.push(Input {
                display: display(&name),
                path: name,
                origin: Origin::Stdin,
                named: true,
                root: None,
            });
        } else if path.is_dir() {
            walk(path, &mut out);
        } else if path.exists() || path.is_symlink() {
            // A file named explicitly is a candidate whatever its extension.
            out.inputs.push(Input {
                display: display(path),
                path: path.clone(),
                origin: Origin::File,
                named: true,
                root: None,
            });
        } else {
            out.errors
                .push(Failure::new(display(path), "no such file or directory"));
        }
    }
    out.errors.sort();
    out.errors.dedup();
    out.inputs.sort_by(|a, b| a.display.cmp(&b.display));
    out.inputs
        .dedup_by(|a, b| a.display == b.display && a.origin == b.origin);
    out
}

fn walk(dir: &Path, out: &mut Collected) {
    let walker = ignore::WalkBuilder::new(dir)
        // Honour .gitignore even outside a git repository (a fresh export, a tarball).
        .require_git(false)
        // Symlinked files and folders are followed; `ignore` reports loops.
        .follow_links(true)
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                if entry.file_type().is_some_and(|t| t.is_file()) && is_markdown(entry.path()) {
                    out.inputs.push(Input {
                        display: display(entry.path()),
                        path: entry.path().to_path_buf(),
                        origin: Origin::File,
                        named: false,
                        root: Some(dir.to_path_buf()),
                    });
                }
            }
            // A symlink loop is a property of the tree, not a failure of the run.
            Err(err) if is_loop(&err) => {}
            Err(err) => out.errors.push(walk_failure(dir, &err)),
        }
    }
}

/// A walk error as a failure of the path it is about: `ignore` wraps the system's error
/// in layers that each print the path, so the reason is taken from the innermost one.
fn walk_failure(dir: &Path, err: &ignore::Error) -> Failure {
    let mut path = None;
    let mut inner = err;
    loop {
        match inner {
            ignore::Error::WithPath { path: p, err } => {
                path = Some(p.clone());
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err;
            }
            ignore::Error::Partial(errs) if errs.len() == 1 => inner = &errs[0],
            _ => break,
        }
    }
    let path = path.unwrap_or_else(|| dir.to_path_buf());
    let message = match inner {
        ignore::Error::Io(io) if path.is_dir() => format!("cannot read folder: {}", reason(io)),
        ignore::Error::Io(io) => format!("cannot read file: {}", reason(io)),
        other => format!("cannot walk: {other}"),
    };
    Failure::new(display(&path), message)
}

/// The system's reason for an I/O error, without the path the walker's error text
/// repeats (`IO error for operation on <path>: …`).
fn reason(io: &std::io::Error) -> String {
    let mut innermost: &dyn std::error::Error = io;
    while let Some(source) = innermost.source().or_else(|| {
        innermost
            .downcast_ref::<std::io::Error>()
            .and_then(|e| e.get_ref().map(|e| e as &dyn std::error::Error))
    }) {
        innermost = source;
    }
    match innermost.downcast_ref::<std::io::Error>() {
        Some(inner) if inner.raw_os_error().is_some() => inner.to_string(),
        _ => io.kind().to_string(),
    }
}

fn is_loop(err: &ignore::Error) -> bool {
    match err {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}
