//! Parse a Markdown "Deployment & Release Process" document into a typed model.
//!
//! [`parse`] never fails: it returns the model, as complete as the input allows, and the
//! structural problems it met ([`Parsed`]). Every value in the model is a [`Field`]
//! (missing, unfilled, invalid or a typed value) carrying the byte [`Span`] of its text;
//! a [`LineIndex`] turns spans into 1-based lines and columns.
#![warn(missing_docs)]

mod build;
pub mod field;
mod frontmatter;
mod markdown;
pub mod model;
pub mod problem;
pub mod span;
mod trim;
pub mod values;

pub use field::{Field, Text};
pub use model::*;
pub use problem::{Parsed, Problem, ProblemKind};
pub use span::{LineCol, LineIndex, Span};

/// Parse a release document.
///
/// Never fails and never panics: structural problems (broken YAML, an unterminated
/// frontmatter, duplicate sections, missing table columns, values that do not parse) are
/// collected in [`Parsed::problems`] with their spans, and the rest of the document is
/// still modelled.
///
/// ```
/// let parsed = release_doc::parse("## Overview\n\n**Release**: Payments API (v2.4.0)\n");
/// assert_eq!(parsed.value.overview.release_name.value().map(String::as_str), Some("Payments API"));
/// ```
#[must_use]
pub fn parse(source: &str) -> Parsed<ReleaseDoc> {
    build::parse(source)
}
