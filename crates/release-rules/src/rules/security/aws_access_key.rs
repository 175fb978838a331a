//! RL601: an AWS access key id or secret access key in the document.

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::secrets::mask_in_message;

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

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for secret in ctx.secrets().of_rule(AwsAccessKey::META.code) {
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
