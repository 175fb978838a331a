//! Security rules (`RL6xx`): credentials written into the document, anywhere in it
//! (frontmatter, prose, tables, code blocks), at every stage.
//!
//! Every finding's primary span is exactly the secret value, so that renderers can mask
//! it, and its message shows the secret only through
//! [`secrets::mask_in_message`]. No label repeats it. What is a secret is the table of
//! [`secrets::families`]; each rule reports the families that name it.

use std::cell::OnceCell;

use release_doc::Span;

use crate::context::Context;
use crate::rule::Rule;
use crate::secrets::{self, Secret, Text};

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

/// The secrets of the document, found once by the table of families
/// ([`secrets::families`]) for all the rules of this family.
#[derive(Debug, Default)]
pub(crate) struct Found {
    all: OnceCell<Vec<Secret>>,
    configured: OnceCell<Vec<Configured>>,
}

/// A secret a `secret-patterns` entry found.
#[derive(Debug, Clone)]
pub(crate) struct Configured {
    pub span: Span,
    /// `secret (`secret-patterns` entry 2)`.
    pub kind: String,
}

/// The rule of the generic families, which gives way to configured patterns.
const GENERIC_RULE: &str = "RL604";

impl Found {
    /// Every secret of the document, in order.
    pub(crate) fn all<'c>(&'c self, ctx: &Context<'_>) -> &'c [Secret] {
        self.all
            .get_or_init(|| secrets::find_in(&Text::new(ctx.source(), ctx.lower_source())))
    }

    /// What the `secret-patterns` of the settings find and no specific family of the
    /// table does: a configured pattern says more than the generic families.
    pub(crate) fn configured<'c>(&'c self, ctx: &Context<'_>) -> &'c [Configured] {
        self.configured.get_or_init(|| {
            let all = self.all(ctx);
            let mut kept: Vec<Configured> = Vec::new();
            for extra in
                api_token::find_configured(ctx.source(), &ctx.settings.options.secret_patterns)
            {
                let specific = all
                    .iter()
                    .any(|s| s.family.rule != GENERIC_RULE && overlaps(s.span, extra.span));
                if !specific && !kept.iter().any(|k| overlaps(k.span, extra.span)) {
                    kept.push(extra);
                }
            }
            kept
        })
    }

    /// The secrets rule `code` reports (a generic one only where no configured pattern
    /// found it).
    pub(crate) fn of_rule<'c>(
        &'c self,
        ctx: &'c Context<'_>,
        code: &'static str,
    ) -> impl Iterator<Item = &'c Secret> {
        let configured = if code == GENERIC_RULE {
            self.configured(ctx)
        } else {
            &[]
        };
        self.all(ctx).iter().filter(move |s| {
            s.family.rule == code && !configured.iter().any(|c| overlaps(c.span, s.span))
        })
    }
}

/// Whether two spans share a byte.
fn overlaps(a: Span, b: Span) -> bool {
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
