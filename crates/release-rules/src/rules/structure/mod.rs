//! Structure rules (`RL0xx`): the document's shape.

use crate::rule::Rule;

pub(crate) mod unused_suppression;

/// The rules of this family.
pub(crate) const RULES: &[&'static dyn Rule] = &[&unused_suppression::UnusedSuppression];
