//! Security rules (`RL6xx`): credentials written into the document, anywhere in it
//! (frontmatter, prose, tables, code blocks), at every stage.
//!
//! Every finding's primary span is exactly the secret value, so that renderers can mask
//! it, and its message shows the secret only through [`mask`]. No label repeats it.

use std::cell::OnceCell;

use release_doc::Span;

use crate::context::Context;
use crate::rule::Rule;

pub(crate) mod api_token;
pub(crate) mod aws_access_key;
pub(crate) mod hardcoded_credential;
pub(crate) mod private_key_block;

/// The rules of this family.
pub(crate) const RULES: &[&'static dyn Rule] = &[
    &aws_access_key::AwsAccessKey,
    &api_token::ApiToken,
    &private_key_block::PrivateKeyBlock,
    &hardcoded_credential::HardcodedCredential,
];

/// The secrets the specific rules recognise in a document, each found once: the
/// generic credential rule leaves their values to them.
#[derive(Debug, Default)]
pub(crate) struct Found {
    aws: OnceCell<Vec<Secret>>,
    api: OnceCell<Vec<Secret>>,
    private: OnceCell<Vec<Secret>>,
}

impl Found {
    /// The AWS keys of the document.
    pub(crate) fn aws<'c>(&'c self, ctx: &Context<'_>) -> &'c [Secret] {
        self.aws
            .get_or_init(|| aws_access_key::find(ctx.source(), ctx.lower_source()))
    }

    /// The API tokens of the document.
    pub(crate) fn api<'c>(&'c self, ctx: &Context<'_>) -> &'c [Secret] {
        self.api.get_or_init(|| api_token::find(ctx.source()))
    }

    /// The private key blocks of the document.
    pub(crate) fn private<'c>(&'c self, ctx: &Context<'_>) -> &'c [Secret] {
        self.private
            .get_or_init(|| private_key_block::find(ctx.source()))
    }
}

/// Whether `haystack` contains `needle`: a SIMD substring search (`memchr`), several times
/// faster than `str::contains` on whole documents.
pub(crate) fn has(haystack: &str, needle: &str) -> bool {
    memchr::memmem::find(haystack.as_bytes(), needle.as_bytes()).is_some()
}

/// A secret found in the source: where its value is, and what kind of secret it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Secret {
    /// Exactly the secret value.
    pub span: Span,
    /// What it is, for messages (`GitHub personal access token`).
    pub kind: String,
}

/// A secret for messages: its first four characters and `…`, never more than half of
/// it (a 6-character password shows 3), so the message never gives the secret away.
#[must_use]
pub(crate) fn mask(secret: &str) -> String {
    let shown = (secret.chars().count() / 2).min(4);
    let prefix: String = secret.chars().take(shown).collect();
    format!("{prefix}…")
}

/// Whether `body` is filler rather than a secret: one character repeated
/// (`XXXXXXXXXXXXXXXX`, `0000000000000000`).
#[must_use]
pub(crate) fn is_filler(body: &str) -> bool {
    let mut chars = body.chars();
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

/// Whether two spans share a byte.
#[must_use]
pub(crate) fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::test_support::diagnostics;

    /// Check `source` with rule `code`: the findings' spans are exactly `secrets`, and
    /// no message or label holds any of them in full.
    pub(crate) fn assert_masked(code: &str, source: &str, secrets: &[&str]) {
        let found = diagnostics(code, source, None);
        let spans: Vec<&str> = found.iter().map(|d| d.span.text(source)).collect();
        assert_eq!(spans, secrets, "{code} spans");
        for d in &found {
            for secret in secrets {
                assert!(
                    !d.message.contains(secret),
                    "{code} message leaks: {}",
                    d.message
                );
                for label in &d.labels {
                    assert!(!label.message.contains(secret), "{code} label leaks");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_shows_at_most_four_characters_and_half() {
        assert_eq!(mask("AKIAIOSFODNN7EXAMPLE"), "AKIA…");
        assert_eq!(mask("hunter2"), "hun…");
        assert_eq!(mask("abcd"), "ab…");
        assert_eq!(mask("x"), "…");
        assert_eq!(mask("ñandú-secreto"), "ñand…");
    }

    #[test]
    fn filler() {
        assert!(is_filler("XXXXXXXXXXXXXXXX"));
        assert!(is_filler("xXxX"));
        assert!(!is_filler("IOSFODNN7EXAMPLE"));
    }
}
