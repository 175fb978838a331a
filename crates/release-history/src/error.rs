//! Errors that fail a history run (a document that cannot be read does not: it is
//! reported and skipped).

use std::path::PathBuf;

/// What stops a report.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HistoryError {
    /// `--repo DIR` is not a git repository.
    #[error("{}: not a git repository: {reason}", path.display())]
    NotARepository {
        /// The path as given.
        path: PathBuf,
        /// What git said.
        reason: String,
    },
    /// The repository could not be read.
    #[error("{}: cannot read the repository: {reason}", path.display())]
    Git {
        /// The repository.
        path: PathBuf,
        /// What failed.
        reason: String,
    },
    /// A tag pattern that cannot name a tag.
    #[error("tag pattern `{pattern}`: {why}; expected a pattern like `v{{version}}` or `{{component}}@{{version}}`")]
    BadTagPattern {
        /// The pattern as written.
        pattern: String,
        /// What is wrong with it.
        why: String,
    },
}

/// A result of this crate.
pub type Result<T, E = HistoryError> = std::result::Result<T, E>;
