#![doc = include_str!("../README.md")]
//!
//! # A tour of the model
//!
//! [`parse`] never fails: it returns the model, as complete as the input allows, and the
//! structural problems it met ([`Parsed`], each [`Problem`] with a [`ProblemKind`], a
//! message and a span).
//!
//! - [`ReleaseDoc`] is the document. Its generic layer keeps everything as written,
//!   whatever section it is in: [`ReleaseDoc::sections`] (every heading, with a
//!   [`SectionId`] when it is one of the template's), [`ReleaseDoc::fields`] (every
//!   `**Label**: value`, a [`LabeledField`]) and [`ReleaseDoc::checklists`] (every task
//!   list, a [`ChecklistGroup`] of [`ChecklistItem`]s). The template, parsed the same
//!   way, is the schema a linter compares these with.
//! - Its typed layer reads the template's known parts: [`ReleaseDoc::frontmatter`],
//!   [`ReleaseDoc::overview`], the tables ([`Table`] of typed rows such as [`RiskRow`],
//!   with their [`Column`]s), [`ReleaseDoc::rollback`], the sign-offs, release notes,
//!   retrospective and the sections the template does not know.
//! - Every value is a [`Field`] (a [`Text`] when it is text): missing, unfilled (a
//!   `{{ placeholder }}` or `TBD`), empty on purpose (`N/A`), invalid (with what was
//!   expected) or a typed value from [`values`] (dates, durations, quantities,
//!   thresholds, statuses, enums, SemVer versions).
//! - [`values`] also has the parsers the model reads them with ([`values::parse_date`],
//!   [`values::Stage::parse`], ...), for text of your own; they fail with a
//!   [`values::ValueError`]: what was expected, and the byte range of the bad text.
//! - Every part carries a byte [`Span`]; a [`LineIndex`] turns an offset into a 1-based
//!   [`LineCol`], counting columns in characters.
//! - [`DEFAULT_TEMPLATE`] is the seed template that defines the format, and
//!   [`parse_with`] takes [`ParseOptions`] (headings to read as known sections).
//!
//! ```
//! use release_doc::{parse, Field, LineIndex};
//!
//! let source = "## Overview\n\n**Release**: Payments API (v2.4.0)\n\n**Scheduled Date**: soon\n";
//! let doc = parse(source).value;
//! // Sections: every heading, with the template's section it is.
//! assert_eq!(doc.sections[0].title, "Overview");
//! // Fields: typed values with their spans, or what was expected instead.
//! assert_eq!(doc.overview.release_version.value().map(|v| v.major), Some(2));
//! let Field::Invalid { expected, span, .. } = &doc.overview.scheduled_date else {
//!     panic!("the date does not parse");
//! };
//! assert_eq!(expected, "a date like 2026-11-30");
//! // Spans are byte ranges; line and column are computed when needed.
//! let at = LineIndex::new(source).line_col(source, span.start);
//! assert_eq!((at.line, at.column), (5, 21));
//! ```
//!
//! # What the API promises
//!
//! What this documentation shows follows semantic versioning. The model's structs and
//! the enums that may grow are `#[non_exhaustive]`: read them, match them with a
//! wildcard arm, but do not build them with struct literals ([`Field`] is the exception:
//! its states are meant to be matched exhaustively). Items hidden from this
//! documentation are not part of the promise: the `internal` module, which holds the
//! helpers the other crates of the release-lint workspace share with the parser, and the
//! paths of release 0.1 (`values::enums::Stage` for [`values::Stage`]), kept for one
//! minor version.
#![deny(missing_docs)]

mod build;
pub mod field;
mod frontmatter;
#[doc(hidden)]
pub mod internal;
mod known_tables;
mod markdown;
pub mod model;
pub mod problem;
pub mod span;
mod trim;
pub mod values;
mod words;

pub use field::{Field, Text};
pub use model::*;
pub use problem::{Parsed, Problem, ProblemKind};
pub use span::{LineCol, LineIndex, Span};

/// The default template: the seed "Deployment & Release Process Template", byte for byte.
///
/// This is the one copy in the repository. release-rules reads its schema from it,
/// release-gen's minijinja template is tested to render to a document with the same
/// schema, and `fixtures/template.md` is tested to be equal to it.
///
/// ```
/// let parsed = release_doc::parse(release_doc::DEFAULT_TEMPLATE);
/// assert!(parsed.problems.is_empty());
/// assert!(parsed.value.overview.release_name.is_unfilled());
/// ```
pub const DEFAULT_TEMPLATE: &str = include_str!("default-template.md");

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
    build::parse(source, &ParseOptions::default())
}

/// How to read a document beyond the template's own titles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseOptions {
    /// Headings (as written, compared like titles: case, markup and a trailing `:`
    /// ignored) that are to be read as a known section: `("Rollback", RollbackPlan)`.
    pub aliases: Vec<(String, SectionId)>,
}

impl ParseOptions {
    /// Options with these section aliases.
    #[must_use]
    pub fn with_aliases(aliases: Vec<(String, SectionId)>) -> Self {
        Self { aliases }
    }
}

/// [`parse`] with options: headings the options alias are read as their sections.
/// Without options, a heading that is not a template title but names a section the
/// document lacks, by its words or by its table, is read as that section too (its
/// [`Section::matched_by`] says how).
///
/// ```
/// use release_doc::{parse_with, ParseOptions, SectionId};
/// let options = ParseOptions::with_aliases(vec![("Back-out".into(), SectionId::RollbackPlan)]);
/// let doc = parse_with("### Back-out\n\n**Rollback Strategy**: Canary\n", &options).value;
/// assert!(doc.rollback.strategy.value().is_some());
/// ```
#[must_use]
pub fn parse_with(source: &str, options: &ParseOptions) -> Parsed<ReleaseDoc> {
    build::parse(source, options)
}
