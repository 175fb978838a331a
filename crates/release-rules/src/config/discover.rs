//! Finding the config of a file: the closest one walking up, within the repository.

use std::path::{Path, PathBuf};

use super::globs::absolute;

/// The config file names, in order of precedence within one folder.
pub const FILE_NAMES: [&str; 2] = ["release-lint.toml", ".release-lint.toml"];

/// The closest config walking up from the folder `dir`: `dir` itself, then its parents,
/// up to and including the repository root (the first folder holding `.git`), so a
/// config outside the repository never applies. Within one folder `release-lint.toml`
/// wins over `.release-lint.toml`. The path returned is absolute.
#[must_use]
pub fn discover(dir: &Path) -> Option<PathBuf> {
    for folder in absolute(dir).ancestors() {
        for name in FILE_NAMES {
            let candidate = folder.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
        if folder.join(".git").exists() {
            return None;
        }
    }
    None
}
