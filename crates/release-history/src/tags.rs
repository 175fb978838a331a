//! Tag patterns: how a team names the git tag of a release (`v{version}`,
//! `{component}@{version}`).

use crate::error::HistoryError;

/// The patterns tried when none is configured, in order.
pub const DEFAULT_PATTERNS: &[&str] = &[
    "v{version}",
    "{version}",
    "{component}-v{version}",
    "{component}@{version}",
];

/// A tag name pattern with a `{version}` placeholder and an optional `{component}`
/// placeholder (the component in lower case, each run of other characters than letters
/// and digits written `-`: `Payments API` → `payments-api`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagPattern {
    text: String,
}

impl TagPattern {
    /// Check a pattern.
    ///
    /// # Errors
    ///
    /// It has no `{version}`, more than one, or another placeholder than `{version}` and
    /// `{component}`, or an unclosed brace.
    pub fn new(text: &str) -> Result<Self, HistoryError> {
        let bad = |why: &str| HistoryError::BadTagPattern {
            pattern: text.to_owned(),
            why: why.to_owned(),
        };
        if text.matches("{version}").count() != 1 {
            return Err(bad("it must hold `{version}` exactly once"));
        }
        let rest = text.replace("{version}", "").replace("{component}", "");
        if rest.contains(['{', '}']) {
            return Err(bad(
                "the only placeholders are `{version}` and `{component}`",
            ));
        }
        if rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(bad("a git tag has no spaces"));
        }
        Ok(Self {
            text: text.to_owned(),
        })
    }

    /// The pattern as written.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The text before and after the version, for `component`.
    fn affixes(&self, component: &str) -> (String, String) {
        let filled = self.text.replace("{component}", &slug(component));
        match filled.split_once("{version}") {
            Some((before, after)) => (before.to_owned(), after.to_owned()),
            None => (filled, String::new()),
        }
    }

    /// The version a tag names for `component`, when the tag matches the pattern.
    #[must_use]
    pub fn version_of(&self, tag: &str, component: &str) -> Option<semver::Version> {
        let (before, after) = self.affixes(component);
        let middle = tag.strip_prefix(&before)?.strip_suffix(&after)?;
        semver::Version::parse(middle).ok()
    }
}

/// `Payments API` → `payments-api`.
#[must_use]
pub fn slug(component: &str) -> String {
    let mut out = String::new();
    for c in component.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_match_tags_of_their_component() {
        let v = |s| semver::Version::parse(s).ok();
        let at = TagPattern::new("{component}@{version}").unwrap();
        assert_eq!(
            at.version_of("payments-api@1.2.0", "Payments API"),
            v("1.2.0")
        );
        assert_eq!(at.version_of("ledger@1.2.0", "Payments API"), None);
        let plain = TagPattern::new("v{version}").unwrap();
        assert_eq!(plain.version_of("v2.0.0-rc.1", "x"), v("2.0.0-rc.1"));
        assert_eq!(plain.version_of("v2.0", "x"), None);
        assert_eq!(plain.version_of("release-2.0.0", "x"), None);
    }

    #[test]
    fn bad_patterns_say_why() {
        for (bad, why) in [
            ("v", "exactly once"),
            ("{version}-{version}", "exactly once"),
            ("{name}-{version}", "only placeholders"),
            ("v{version} x", "no spaces"),
        ] {
            let err = TagPattern::new(bad).unwrap_err().to_string();
            assert!(err.contains(why), "{bad}: {err}");
        }
    }
}
