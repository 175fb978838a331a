//! Structural problems found while parsing, and the parse result that carries them.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The result of [`crate::parse`]: always a model, plus the problems met on the way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Parsed<T> {
    /// The model, as complete as the input allows.
    pub value: T,
    /// Structural problems, in source order.
    pub problems: Vec<Problem>,
}

/// One structural problem, located in the source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Problem {
    /// What kind of problem this is.
    pub kind: ProblemKind,
    /// A sentence saying what was found and what was expected.
    pub message: String,
    /// Where it is.
    pub span: Span,
    /// The section it is in, when it is inside one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

/// The kinds of structural problem the parser reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ProblemKind {
    /// The frontmatter is not valid YAML.
    InvalidYaml,
    /// The frontmatter opens with `---` but never closes.
    UnterminatedFrontmatter,
    /// The frontmatter is valid YAML but not a mapping.
    FrontmatterNotMapping,
    /// A frontmatter key appears twice.
    DuplicateKey,
    /// A frontmatter value has the wrong type (a list where text is expected, ...).
    InvalidFrontmatterValue,
    /// A known section appears more than once.
    DuplicateSection,
    /// A known table lacks a column the format requires.
    MissingColumn,
    /// A known table's row has more or fewer cells than its header.
    RowShape,
    /// A filled value does not parse as its type.
    InvalidValue,
    /// The input is not valid text (NUL bytes and the like).
    NotText,
}
