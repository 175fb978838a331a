//! The secrets of the `secret-patterns` option: regular expressions a team adds to the
//! table of families.

use regex::Regex;
use release_doc::Span;

/// A secret a `secret-patterns` entry found.
#[derive(Debug, Clone)]
pub(crate) struct Configured {
    pub span: Span,
    /// `secret (`secret-patterns` entry 2)`.
    pub kind: String,
}

/// What the configured `secret-patterns` match in `source`. A pattern that is not a
/// valid regular expression is skipped (the configuration loader reports it).
pub(crate) fn find_configured(source: &str, patterns: &[String]) -> Vec<Configured> {
    let mut found = Vec::new();
    for (index, pattern) in patterns.iter().enumerate() {
        let Ok(re) = Regex::new(pattern) else {
            continue;
        };
        for c in re.captures_iter(source) {
            let Some(m) = c.get(1).or_else(|| c.get(0)) else {
                continue;
            };
            if !m.is_empty() {
                found.push(Configured {
                    span: Span::from(m.range()),
                    kind: format!("secret (`secret-patterns` entry {})", index + 1),
                });
            }
        }
    }
    found
}
