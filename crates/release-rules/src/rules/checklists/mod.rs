//! Checklist rules (`RL2xx`): items not done, not applicable without a reason, deleted.

use crate::rule::Rule;

pub(crate) mod unchecked_prerequisite;

/// The rules of this family.
pub(crate) const RULES: &[&'static dyn Rule] = &[&unchecked_prerequisite::UncheckedPrerequisite];
