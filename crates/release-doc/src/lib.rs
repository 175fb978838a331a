//! Parse a Markdown "Deployment & Release Process" document into a typed model.
//!
//! [`parse`] never fails: it returns the model, as complete as the input allows, and the
//! structural problems it met ([`Parsed`]). Every value in the model is a [`Field`]
//! (missing, unfilled, invalid or a typed value) carrying the byte [`Span`] of its text;
//! a [`LineIndex`] turns spans into 1-based lines and columns.
#![warn(missing_docs)]

pub mod field;
mod markdown;
pub mod problem;
pub mod span;
pub mod values;

pub use field::{Field, Text};
pub use problem::{Parsed, Problem, ProblemKind};
pub use span::{LineCol, LineIndex, Span};
