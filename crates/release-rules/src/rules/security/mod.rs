//! security rules.

use crate::rule::Rule;

/// The rules of this family.
pub(crate) const RULES: &[&'static dyn Rule] = &[];
