//! The rules, one per file, grouped by family.

use crate::rule::Rule;

pub(crate) mod checklists;
pub(crate) mod completeness;
pub(crate) mod consistency;
pub(crate) mod history;
pub(crate) mod quality;
pub(crate) mod security;
pub(crate) mod structure;
pub(crate) mod values;

/// The rules of every family.
pub(crate) const FAMILIES: &[&[&'static dyn Rule]] = &[
    structure::RULES,
    completeness::RULES,
    checklists::RULES,
    values::RULES,
    consistency::RULES,
    quality::RULES,
    security::RULES,
];
