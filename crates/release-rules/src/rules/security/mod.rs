//! Security rules (`RL6xx`): credentials written into the document, anywhere in it
//! (frontmatter, prose, tables, code blocks), at every stage.
//!
//! Every finding's primary span is exactly the secret value, so that renderers can mask
//! it, and its message shows the secret only through
//! [`crate::secrets::mask_in_message`]. No label repeats it. What is a secret is the table of
//! [`crate::secrets::families`]; each rule reports the families that name it.

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
