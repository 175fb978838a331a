//! The static list of every rule, and lookups by code or name.

use std::sync::LazyLock;

use crate::rule::{Rule, RuleMeta};
use crate::rules;

static ALL: LazyLock<Vec<&'static dyn Rule>> = LazyLock::new(|| {
    let mut all: Vec<&'static dyn Rule> = rules::FAMILIES
        .iter()
        .flat_map(|family| family.iter().copied())
        .collect();
    all.sort_by_key(|r| r.meta().code);
    all
});

/// Every rule, ordered by code.
#[must_use]
pub fn all() -> &'static [&'static dyn Rule] {
    &ALL
}

/// The metadata of every rule, ordered by code.
pub fn metas() -> impl Iterator<Item = &'static RuleMeta> {
    all().iter().map(|r| r.meta())
}

/// The rule with this code (`RL201`, any case) or name (`unchecked-prerequisite`).
#[must_use]
pub fn find(code_or_name: &str) -> Option<&'static dyn Rule> {
    let wanted = code_or_name.trim();
    all()
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(wanted) || r.meta().name == wanted)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_follow_their_family() {
        let mut codes = HashSet::new();
        let mut names = HashSet::new();
        for meta in metas() {
            assert!(codes.insert(meta.code), "duplicate code {}", meta.code);
            assert!(names.insert(meta.name), "duplicate name {}", meta.name);
            assert!(
                meta.code.starts_with(meta.family.code_prefix()),
                "{} is not in {:?}",
                meta.code,
                meta.family
            );
            assert_eq!(meta.code.len(), 5, "{}", meta.code);
        }
    }

    #[test]
    fn every_rule_is_documented() {
        for meta in metas() {
            for heading in [
                "## What it does",
                "## Why it matters",
                "## Example",
                "## How to fix",
            ] {
                assert!(
                    meta.docs.contains(heading),
                    "{} docs lack `{heading}`",
                    meta.code
                );
            }
            assert!(
                !meta.summary.is_empty() && !meta.summary.ends_with('.'),
                "{} summary",
                meta.code
            );
        }
    }

    #[test]
    fn names_describe_problems_not_fixes() {
        for meta in metas() {
            let name = meta.name;
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{name} is not kebab-case"
            );
            for fix_word in [
                "add-", "use-", "remove-", "fix-", "set-", "check-", "ensure-", "require-",
            ] {
                assert!(
                    !name.starts_with(fix_word),
                    "{name} names a fix, not a problem"
                );
            }
        }
    }
}
