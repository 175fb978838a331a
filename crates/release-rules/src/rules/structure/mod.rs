//! Structure rules (`RL0xx`): the document's shape.

use crate::rule::Rule;

pub(crate) mod binary_content;
pub(crate) mod duplicate_frontmatter_key;
pub(crate) mod duplicate_section;
pub(crate) mod invalid_frontmatter;
pub(crate) mod malformed_table_row;
pub(crate) mod missing_section;
pub(crate) mod missing_table_column;
pub(crate) mod not_utf8;
mod problems;
pub(crate) mod status_names_no_stage;
pub(crate) mod unused_suppression;

/// The rules of this family.
pub(crate) const RULES: &[&'static dyn Rule] = &[
    &invalid_frontmatter::InvalidFrontmatter,
    &duplicate_frontmatter_key::DuplicateFrontmatterKey,
    &missing_section::MissingSection,
    &duplicate_section::DuplicateSection,
    &missing_table_column::MissingTableColumn,
    &malformed_table_row::MalformedTableRow,
    &binary_content::BinaryContent,
    &not_utf8::NotUtf8,
    &unused_suppression::UnusedSuppression,
    &status_names_no_stage::StatusNamesNoStage,
];
