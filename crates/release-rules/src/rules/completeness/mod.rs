//! Completeness rules (`RL1xx`): content that is due but unfilled, empty or missing.

use crate::rule::Rule;

mod cells;
mod coverage;
pub(crate) mod empty_list;
pub(crate) mod empty_section;
mod lists;
pub(crate) mod missing_field;
pub(crate) mod missing_frontmatter_key;
mod sites;
pub(crate) mod unfilled_placeholder;

/// The rules of this family.
pub(crate) const RULES: &[&'static dyn Rule] = &[
    &unfilled_placeholder::UnfilledPlaceholder,
    &empty_section::EmptySection,
    &empty_list::EmptyList,
    &missing_frontmatter_key::MissingFrontmatterKey,
    &missing_field::MissingField,
];
