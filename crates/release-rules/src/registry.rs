//! The static list of every rule, and lookups by code or name.

use std::sync::LazyLock;

use crate::history::HistoryRule;
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

static METAS: LazyLock<Vec<&'static RuleMeta>> = LazyLock::new(|| {
    let mut metas: Vec<&'static RuleMeta> = all()
        .iter()
        .map(|r| r.meta())
        .chain(history().iter().map(|r| r.meta()))
        .collect();
    metas.sort_by_key(|m| m.code);
    metas
});

/// Every rule that checks one document at a time, ordered by code.
#[must_use]
pub fn all() -> &'static [&'static dyn Rule] {
    &ALL
}

/// Every rule that compares documents (family `RL7xx`), ordered by code: run by
/// [`crate::history::check`] once the documents' facts are gathered.
#[must_use]
pub fn history() -> &'static [&'static dyn HistoryRule] {
    rules::history::RULES
}

/// RL009 `unused-suppression`, which the engine runs itself once every other rule has
/// run (only then is it known what each suppression comment suppressed).
#[must_use]
pub(crate) fn unused_suppression() -> &'static RuleMeta {
    &rules::structure::unused_suppression::UnusedSuppression::META
}

/// How RL413 finds its finding: for a document checked in a context, on a day.
pub(crate) type StampFinding =
    fn(&crate::context::Context<'_>, jiff::civil::Date) -> Option<crate::diagnostic::Diagnostic>;

/// RL413 `updated-not-today`, which only `fix` runs, once its rounds changed a document:
/// the rule's metadata and its finding.
#[must_use]
pub(crate) fn updated_not_today() -> (&'static RuleMeta, StampFinding) {
    use rules::consistency::updated_not_today;
    (
        &updated_not_today::UpdatedNotToday::META,
        updated_not_today::finding,
    )
}

/// The metadata of every rule, per-document and history rules alike, ordered by code.
pub fn metas() -> impl Iterator<Item = &'static RuleMeta> {
    METAS.iter().copied()
}

/// The metadata of the rule with this code (`RL701`, any case) or name, whether it
/// checks one document or compares documents.
#[must_use]
pub fn find_meta(code_or_name: &str) -> Option<&'static RuleMeta> {
    let wanted = code_or_name.trim();
    metas().find(|m| m.code.eq_ignore_ascii_case(wanted) || m.name == wanted)
}

/// The per-document rule with this code (`RL201`, any case) or name
/// (`unchecked-prerequisite`); [`find_meta`] finds history rules too.
#[must_use]
pub fn find(code_or_name: &str) -> Option<&'static dyn Rule> {
    let wanted = code_or_name.trim();
    all()
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(wanted) || r.meta().name == wanted)
}

/// Whether `pattern` selects at least one rule, as `select`, `ignore` and suppression
/// comments read it: `ALL`, a rule's code or name, or a prefix of some rule's code
/// (`RL2`; `RL` alone is every rule).
#[must_use]
pub fn selects_any(pattern: &str) -> bool {
    let p = pattern.trim();
    if p.eq_ignore_ascii_case("ALL") || find_meta(p).is_some() {
        return true;
    }
    let upper = p.to_ascii_uppercase();
    upper.len() <= 5
        && upper
            .strip_prefix("RL")
            .is_some_and(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
        && metas().any(|m| m.code.starts_with(&upper))
}

/// The rule closest to `unknown` (a mistyped code, prefix or name), for "did you mean
/// …?": the code with the fewest edits when `unknown` looks like a code, else the most
/// similar name.
#[must_use]
pub fn nearest(unknown: &str) -> Option<&'static RuleMeta> {
    let wanted = unknown.trim();
    let upper = wanted.to_ascii_uppercase();
    let looks_like_code = upper.starts_with("RL")
        && upper.len() > 2
        && upper[2..].bytes().all(|b| b.is_ascii_digit());
    if looks_like_code {
        // A prefix (`RL98`) is compared with the codes cut to its length, then in full.
        metas().min_by_key(|m| {
            let cut = m.code.get(..upper.len()).unwrap_or(m.code);
            (
                strsim::levenshtein(&upper, cut),
                strsim::levenshtein(&upper, m.code),
            )
        })
    } else {
        let lower = wanted.to_ascii_lowercase();
        metas()
            .map(|m| (strsim::jaro_winkler(&lower, m.name), m))
            .fold(
                None,
                |best: Option<(f64, &'static RuleMeta)>, (score, m)| match best {
                    Some((top, _)) if top >= score => best,
                    _ => Some((score, m)),
                },
            )
            .map(|(_, m)| m)
    }
}

/// ` (did you mean `RL009`?)` for an unknown rule pattern, naming the nearest rule by
/// code, or by name when the pattern was a name; empty when there is no rule at all.
#[must_use]
pub fn did_you_mean(unknown: &str) -> String {
    let upper = unknown.trim().to_ascii_uppercase();
    match nearest(unknown) {
        Some(m) if upper.starts_with("RL") => format!(" (did you mean `{}`?)", m.code),
        Some(m) => format!(" (did you mean `{}`, {}?)", m.name, m.code),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn selectors_name_real_rules() {
        for good in [
            "ALL",
            "all",
            "RL",
            "rl2",
            "RL20",
            "RL201",
            "unchecked-prerequisite",
        ] {
            assert!(selects_any(good), "{good}");
        }
        for bad in [
            "RL999",
            "RL98",
            "RL9",
            "RL2011",
            "RLx",
            "XX1",
            "unchecked",
            "",
        ] {
            assert!(!selects_any(bad), "{bad}");
        }
    }

    #[test]
    fn the_nearest_rule_is_suggested() {
        assert_eq!(nearest("RL0099").map(|m| m.code), Some("RL009"));
        assert_eq!(nearest("rl2011").map(|m| m.code), Some("RL201"));
        assert_eq!(nearest("RL20").map(|m| m.code), Some("RL201"));
        assert_eq!(
            nearest("uncheked-prerequisite").map(|m| m.code),
            Some("RL201")
        );
        assert_eq!(did_you_mean("RL0099"), " (did you mean `RL009`?)");
        assert_eq!(
            did_you_mean("unused-supression"),
            " (did you mean `unused-suppression`, RL009?)"
        );
    }

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
