//! The one error type of the configuration: where in which file, what, and what was
//! expected.

use std::path::{Path, PathBuf};

use release_doc::LineCol;

/// What kind of problem a [`ConfigError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigErrorKind {
    /// The config file (or the template it names) could not be read.
    Read,
    /// The file is not valid TOML, or a value has the wrong type.
    Syntax,
    /// A key the configuration does not know (a typo, most often).
    UnknownKey,
    /// A key with a value that is not allowed: a stage, severity, rule code, glob,
    /// regular expression or threshold.
    InvalidValue,
}

/// An invalid or unreadable configuration.
///
/// Displayed as `<path>:<line>:<col>: <what>; expected <what>` (without `:<line>:<col>`
/// when the problem has no position, like an unreadable file).
#[derive(Debug, thiserror::Error)]
#[error("{}{}: {what}; expected {expected}", .path.display(), at(.location))]
pub struct ConfigError {
    kind: ConfigErrorKind,
    path: PathBuf,
    location: Option<LineCol>,
    what: String,
    expected: String,
    #[source]
    source: Option<std::io::Error>,
}

impl ConfigError {
    pub(crate) fn new(
        kind: ConfigErrorKind,
        path: &Path,
        location: Option<LineCol>,
        what: impl Into<String>,
        expected: impl Into<String>,
    ) -> Self {
        Self {
            kind,
            path: path.to_path_buf(),
            location,
            what: what.into(),
            expected: expected.into(),
            source: None,
        }
    }

    pub(crate) fn with_source(mut self, source: std::io::Error) -> Self {
        self.source = Some(source);
        self
    }

    /// What kind of problem this is.
    #[must_use]
    pub fn kind(&self) -> ConfigErrorKind {
        self.kind
    }

    /// The config file at fault.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The 1-based line and column of the key or value at fault, when there is one.
    #[must_use]
    pub fn location(&self) -> Option<LineCol> {
        self.location
    }

    /// What was found (`unknown key `defualt-stage``).
    #[must_use]
    pub fn what(&self) -> &str {
        &self.what
    }

    /// What was expected instead.
    #[must_use]
    pub fn expected(&self) -> &str {
        &self.expected
    }
}

/// `:line:col`, or nothing without a position.
fn at(location: &Option<LineCol>) -> String {
    location.map_or_else(String::new, |at| format!(":{}:{}", at.line, at.column))
}
