//! RL601: an AWS access key id or secret access key in the document.

use std::sync::LazyLock;

use regex::Regex;
use release_doc::Span;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::secrets::{continues, has, is_filler, mask_in_message, Hit, Text};

declare_rule! {
    /// ## What it does
    /// Reports an AWS access key id (`AKIA…` for long-term keys, `ASIA…` for temporary
    /// ones: 20 upper-case letters and digits) and an AWS secret access key written as
    /// `aws_secret_access_key = <40 characters>` (also `AWS_SECRET_ACCESS_KEY=`,
    /// `"SecretAccessKey": "…"`), anywhere in the document, at every stage. The message
    /// masks the key.
    ///
    /// ## What it finds
    ///
    /// Each family, what it looks like, and where its format is documented:
    ///
    /// | Secret | What it looks like | Format |
    /// |---|---|---|
    /// | AWS access key id | `AKIA` (long-term) or `ASIA` (temporary) and 16 upper-case letters or digits | <https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html> |
    /// | AWS secret access key | 40 Base64 characters after `aws_secret_access_key`, `AWS_SECRET_ACCESS_KEY` or `SecretAccessKey` and `=` or `:` | <https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html> |
    ///
    /// ## Why it matters
    /// Release documents are committed, reviewed, copied into wikis and pasted into
    /// tickets: a key in one is a key published. Scanners harvest AWS keys from public
    /// and leaked repositories within minutes, and a commit's history keeps them after
    /// the line is deleted.
    ///
    /// ## Example
    /// ```markdown
    /// export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
    /// ```
    ///
    /// ## How to fix
    /// Deactivate and rotate the key in IAM first: it must be treated as leaked. Then
    /// refer to it instead of writing it (`export AWS_ACCESS_KEY_ID="$AWS_ACCESS_KEY_ID"`,
    /// a role, or a secret store), and remove it from the repository's history.
    pub(crate) struct AwsAccessKey {
        code: "RL601",
        name: "aws-access-key",
        family: Security,
        severity: Error,
        since: Draft,
        summary: "An AWS access key id or secret access key is written in the document",
        check: check,
    }
}

/// A long-term (`AKIA`) or temporary (`ASIA`) access key id.
static KEY_ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:AKIA|ASIA)([A-Z0-9]{16})(?-u:\b)").expect("valid regex")
});

/// `aws_secret_access_key = …`, `AWS_SECRET_ACCESS_KEY=…`, `"SecretAccessKey": "…"`:
/// compiled only when [`is_secret_key_name_in`] finds a candidate, as case-insensitive words
/// cost more to compile than a whole one-document run.
static SECRET_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?-u:\b)(?i-u:(?:aws_?)?secret_?access_?key)["']?[ \t]*[:=][ \t]*["']?([A-Za-z0-9/+=]{40})"#,
    )
    .expect("valid regex")
});

/// Whether an ASCII-lower-cased source names the secret key in one of the ways
/// [`SECRET_KEY`] reads (`secret_access_key`, `secretaccesskey`, ...).
fn is_secret_key_name_in(lower: &str) -> bool {
    memchr::memmem::find_iter(lower.as_bytes(), "secret").any(|at| {
        let rest = &lower[at + "secret".len()..];
        let rest = rest.strip_prefix('_').unwrap_or(rest);
        let Some(rest) = rest.strip_prefix("access") else {
            return false;
        };
        rest.strip_prefix('_').unwrap_or(rest).starts_with("key")
    })
}

/// The AWS access key ids in `text`.
pub(crate) fn find_key_ids(text: &Text<'_>) -> Vec<Hit> {
    let source = text.source;
    // Cheap gate: most documents hold neither prefix.
    if !has(source, "AKIA") && !has(source, "ASIA") {
        return Vec::new();
    }
    let mut found = Vec::new();
    for c in KEY_ID.captures_iter(source) {
        let (Some(whole), Some(body)) = (c.get(0), c.get(1)) else {
            continue;
        };
        if !is_filler(body.as_str()) {
            let temporary = whole.as_str().starts_with("ASIA");
            found.push(Hit {
                span: Span::from(whole.range()),
                kind: temporary.then(|| "AWS temporary access key id".to_owned()),
            });
        }
    }
    found
}

/// The AWS secret access keys in `text`.
pub(crate) fn find_secret_keys(text: &Text<'_>) -> Vec<Hit> {
    let source = text.source;
    if !is_secret_key_name_in(text.lower) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for c in SECRET_KEY.captures_iter(source) {
        let Some(value) = c.get(1) else { continue };
        let longer = continues(source, value.end(), |ch| {
            ch.is_ascii_alphanumeric() || "/+=".contains(ch)
        });
        if !longer && !is_filler(value.as_str()) {
            found.push(Hit::at(Span::from(value.range())));
        }
    }
    found
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for secret in ctx.secrets.of_rule(ctx, AwsAccessKey::META.code) {
        let masked = mask_in_message(secret.span.text(ctx.source()));
        let reference = if secret.family.id == "aws-secret-access-key" {
            "$AWS_SECRET_ACCESS_KEY"
        } else {
            "$AWS_ACCESS_KEY_ID"
        };
        out.push(ctx.diagnostic(
            &AwsAccessKey::META,
            secret.span,
            format!(
                "{} `{masked}` is written in the document; expected a reference such as \
                 `{reference}` to a secret store, and the key rotated",
                secret.kind
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    #[test]
    fn the_secret_key_gate_reads_every_spelling() {
        for name in [
            "aws_secret_access_key",
            "secretaccesskey",
            "secret_accesskey",
            "secretaccess_key",
        ] {
            assert!(super::is_secret_key_name_in(name), "{name}");
        }
        assert!(!super::is_secret_key_name_in("secret access key"));
        assert!(!super::is_secret_key_name_in("secret_access_token"));
    }

    use super::super::test_support::assert_masked;
    use crate::test_support::{check_rule, diagnostics};

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    #[test]
    fn key_ids_and_secret_keys_are_reported_at_the_value_everywhere() {
        let source = format!(
            "---\nphase: deployment\nstage: draft\naws_key: AKIAIOSFODNN7EXAMPLE\n---\n\
             ## Deployment Commands\n\n```bash\nexport AWS_ACCESS_KEY_ID=ASIAY34FZKBOKMUTVV7A\n\
             aws_secret_access_key = {SECRET}\n```\n\n| Key | Value |\n|---|---|\n\
             | id | `AKIA2E0A8F3B244C9986` |\n"
        );
        assert_eq!(
            check_rule("RL601", &source, None),
            ["RL601:4", "RL601:9", "RL601:10", "RL601:15"]
        );
        assert_masked(
            "RL601",
            &source,
            &[
                "AKIAIOSFODNN7EXAMPLE",
                "ASIAY34FZKBOKMUTVV7A",
                SECRET,
                "AKIA2E0A8F3B244C9986",
            ],
        );
        let found = diagnostics("RL601", &source, None);
        assert_eq!(
            found[0].message,
            "AWS access key id `AKIA…` is written in the document; expected a reference such \
             as `$AWS_ACCESS_KEY_ID` to a secret store, and the key rotated"
        );
        assert!(found[2]
            .message
            .starts_with("AWS secret access key `wJal…` is written in the document; expected a reference such as `$AWS_SECRET_ACCESS_KEY`"));
        assert!(!check_rule("RL601", &source, Some(Stage::Draft)).is_empty());
    }

    #[test]
    fn json_secret_key_is_found() {
        let source = format!("```json\n{{\"SecretAccessKey\": \"{SECRET}\"}}\n```\n");
        assert_masked("RL601", &source, &[SECRET]);
    }

    #[test]
    fn silent_on_references_fillers_and_longer_tokens() {
        let source = "export AWS_ACCESS_KEY_ID=\"$AWS_ACCESS_KEY_ID\"\n\
             aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}\n\
             id: AKIAXXXXXXXXXXXXXXXX\n\
             not a key: XAKIAIOSFODNN7EXAMPLE, AKIAIOSFODNN7EXAMPLE1, akiaiosfodnn7example\n\
             aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYTOOLONG\n";
        assert!(check_rule("RL601", source, None).is_empty());
    }
}
