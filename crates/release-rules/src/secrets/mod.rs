//! Secrets: the one table of credential families release-lint recognises
//! ([`families`]), the search that finds them in a text ([`find`]), and the masking
//! every output applies to what was found ([`Masker`]).
//!
//! The security rules (`RL6xx`) report what [`find`] finds, each the families that name
//! it as their rule; `check`, `parse` and `notes` mask the same values, so a secret the
//! tool recognises is never printed in full by any command.

mod aws;
mod configured;
mod credential;
mod gates;
mod masking;
mod pattern;
mod private_key;
mod scan;
mod table;

use std::cell::OnceCell;
use std::collections::BTreeMap;

use release_doc::Span;

pub(crate) use configured::Configured;
use credential::CredentialLines;
pub use masking::{mask_in_message, visible_chars, Masker};
pub(crate) use pattern::Pattern;
pub(crate) use scan::Scan;
pub use table::families;

/// A kind of credential: what it looks like, where its format is documented, which rule
/// reports it, and examples the tests check it against.
#[derive(Debug)]
pub struct Family {
    /// A stable identifier (`stripe-live-key`).
    pub id: &'static str,
    /// What it is, as messages name it (`Stripe live secret key`).
    pub kind: &'static str,
    /// The code of the rule that reports it (`RL602`).
    pub rule: &'static str,
    /// Its shape, in Markdown, for the docs (`` `sk_live_` and 24 letters or digits ``).
    pub shape: &'static str,
    /// Where the format is documented (the vendor's docs, or a standard).
    pub source: &'static str,
    /// Texts holding one secret of the family, each with that secret.
    pub examples: &'static [Example],
    /// Texts that look close but hold no secret of the family.
    pub counter_examples: &'static [&'static str],
    pub(crate) matcher: Matcher,
}

/// A text and the one secret of a family in it.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// The text.
    pub text: &'static str,
    /// The secret value in it, as found.
    pub secret: &'static str,
}

/// How a family is found.
#[derive(Debug)]
pub(crate) enum Matcher {
    /// A regular expression, compiled on first use.
    Pattern(Pattern),
    /// Code, where a regular expression alone cannot say what is a secret.
    Code(fn(&Text<'_>) -> Vec<Hit>),
}

/// A secret a matcher found: its value, and a more precise kind than the family's
/// when the matcher knows one (`RSA private key`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub span: Span,
    pub kind: Option<String>,
}

impl Hit {
    /// A hit named by its family.
    pub(crate) fn at(span: Span) -> Self {
        Self { span, kind: None }
    }
}

/// The text matchers read: the source, and the same with ASCII letters lower-cased (same
/// byte offsets), which the case-insensitive matchers search.
#[derive(Debug)]
pub(crate) struct Text<'a> {
    pub source: &'a str,
    pub lower: &'a str,
    /// The lines holding credential words, which several matchers read: found once.
    pub(crate) credential_lines: OnceCell<CredentialLines>,
}

impl<'a> Text<'a> {
    /// `source` and its ASCII-lower-cased copy `lower`.
    pub(crate) fn new(source: &'a str, lower: &'a str) -> Self {
        Self {
            source,
            lower,
            credential_lines: OnceCell::new(),
        }
    }
}

/// A secret found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Secret {
    /// Exactly the secret value.
    pub span: Span,
    /// Its family.
    pub family: &'static Family,
    /// What it is, for messages (`GitHub token`, `` `DB_PASSWORD` credential ``).
    pub kind: String,
}

impl PartialEq for Family {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for Family {}

/// Every secret of every family in `source`, in order. Where two overlap, the family
/// earlier in the table keeps it (a GitHub token after `token=` is a GitHub token, not
/// a generic credential).
#[must_use]
pub fn find(source: &str) -> Vec<Secret> {
    let lower = source.to_ascii_lowercase();
    find_in(&Text::new(source, &lower))
}

/// [`find`] over a text whose lower-cased copy is at hand.
pub(crate) fn find_in(text: &Text<'_>) -> Vec<Secret> {
    // Accepted spans, start -> end: disjoint, so the one starting last before a
    // candidate's end is the only one it can overlap.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut found = Vec::new();
    for family in families() {
        for hit in family.matcher.hits(text) {
            let span = hit.span;
            if span.is_empty() {
                continue;
            }
            let overlaps = taken
                .range(..span.end)
                .next_back()
                .is_some_and(|(_, &end)| end > span.start);
            if overlaps {
                continue;
            }
            taken.insert(span.start, span.end);
            found.push(Secret {
                span,
                family,
                kind: hit.kind.unwrap_or_else(|| family.kind.to_owned()),
            });
        }
    }
    found.sort_by_key(|s| s.span.start);
    found
}

impl Matcher {
    fn hits(&self, text: &Text<'_>) -> Vec<Hit> {
        match self {
            Matcher::Pattern(pattern) => pattern.hits(text.source),
            Matcher::Code(find) => find(text),
        }
    }
}

/// Whether `haystack` contains `needle`: a SIMD substring search (`memchr`), several times
/// faster than `str::contains` on whole documents.
pub(crate) fn has(haystack: &str, needle: &str) -> bool {
    memchr::memmem::find(haystack.as_bytes(), needle.as_bytes()).is_some()
}

/// Whether `body` is filler rather than a secret: its letters and digits are one
/// character repeated (`XXXXXXXXXXXXXXXX`, `0000-0000`); `-`, `_`, `/` and such in it
/// do not count.
#[must_use]
pub(crate) fn is_filler(body: &str) -> bool {
    let mut chars = body.chars().filter(|c| c.is_alphanumeric());
    chars
        .next()
        .is_none_or(|first| chars.all(|c| c.eq_ignore_ascii_case(&first)))
}

/// Whether the character after `end` (if any) continues a word, so that a match ending
/// at `end` is only part of a longer token.
#[must_use]
pub(crate) fn continues(source: &str, end: usize, more: impl Fn(char) -> bool) -> bool {
    source
        .get(end..)
        .and_then(|s| s.chars().next())
        .is_some_and(more)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filler() {
        assert!(is_filler("XXXXXXXXXXXXXXXX"));
        assert!(is_filler("xXxX"));
        assert!(is_filler("0000-0000/0000"));
        assert!(!is_filler("IOSFODNN7EXAMPLE"));
    }

    #[test]
    fn the_earlier_family_keeps_an_overlapping_secret() {
        let source = "GITHUB_TOKEN=ghp_EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN\n";
        let found = find(source);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].family.id, "github-token");
        assert_eq!(
            found[0].span.text(source),
            "ghp_EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN"
        );
    }
}
