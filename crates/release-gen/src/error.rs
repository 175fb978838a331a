//! What can go wrong while generating: bad values, bad templates, failed renders.

use std::fmt;

/// Where in a template (or values file) something went wrong: `file:line:column`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as given (or the embedded template's name).
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column (Unicode scalar values), when known.
    pub column: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// An error of `release-gen`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The template does not parse.
    #[error("{at}: template syntax error: {message}")]
    Syntax {
        /// Where.
        at: Location,
        /// What minijinja said.
        message: String,
    },
    /// The template parsed but rendering it failed (out of fuel, a bad filter call, ...).
    #[error("{at}: template render error: {message}")]
    Render {
        /// Where.
        at: Location,
        /// What minijinja said.
        message: String,
    },
    /// A values file is not valid YAML or JSON.
    #[error("{at}: cannot read values: {message}")]
    ValuesSyntax {
        /// Where.
        at: Location,
        /// What the reader said.
        message: String,
    },
    /// A value does not fit the model: `path` names the bad key (`overview.release_type`).
    #[error("{source_name}: `{path}`: {message}")]
    Value {
        /// The values file, `--set`, or `values` when merged.
        source_name: String,
        /// The path of the bad key.
        path: String,
        /// What is wrong, and what was expected.
        message: String,
    },
    /// A `--set` argument is not `path.to.key=value`.
    #[error("--set `{arg}`: {message}")]
    Set {
        /// The argument as given.
        arg: String,
        /// What is wrong.
        message: String,
    },
    /// Reading a template or values file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// The result type of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        assert_eq!(line_col("ab\ncé{{", 6), (2, 3));
        assert_eq!(line_col("x", 99), (1, 2));
        let at = Location {
            file: "t.md".into(),
            line: Some(3),
            column: Some(7),
        };
        assert_eq!(at.to_string(), "t.md:3:7");
    }
}
