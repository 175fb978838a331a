//! RL602: a token, API key or webhook URL of a known provider, or a configured secret
//! pattern, in the document.

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::secrets::{mask_in_message, Configured};

declare_rule! {
    /// ## What it does
    /// Reports a token, API key or webhook URL of a known provider anywhere in the
    /// document (frontmatter, prose, table cells, code blocks), at every stage: GitHub,
    /// GitLab, Slack, Stripe live, OpenAI, Google, npm, PyPI and Azure keys and tokens,
    /// Slack, Teams and Discord webhook URLs, signed JSON Web Tokens, and whatever
    /// matches the regular expressions of the `secret-patterns` option (the first
    /// capture group is the secret when the pattern has one, else the whole match). A
    /// value made of one character repeated (`XXXX…`) is filler, not a token. The
    /// message masks the token; for a webhook URL the secret is its path, so the host
    /// stays readable.
    ///
    /// ## What it finds
    ///
    /// Each family, what it looks like, and where its format is documented:
    ///
    /// | Secret | What it looks like | Format |
    /// |---|---|---|
    /// | GitHub token | `ghp_`, `gho_`, `ghu_`, `ghs_` or `ghr_` and 36 or more letters or digits | <https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats> |
    /// | GitHub fine-grained token | `github_pat_` and 22 or more letters, digits or `_` | <https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats> |
    /// | GitLab personal access token | `glpat-` and 20 or more letters, digits, `_` or `-` | <https://docs.gitlab.com/security/tokens/#token-prefixes> |
    /// | Slack token | `xoxa-`, `xoxb-`, `xoxp-`, `xoxr-` or `xoxs-` and 10 or more letters, digits or `-` | <https://docs.slack.dev/authentication/tokens> |
    /// | Slack incoming-webhook URL | `https://hooks.slack.com/services/` and `T…/B…/` and 24 letters or digits (the secret is the path after `services/`) | <https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks> |
    /// | Microsoft Teams incoming-webhook URL | `https://….webhook.office.com/webhookb2/` and `<id>@<id>/IncomingWebhook/<key>/<id>` (the secret is the path after `webhookb2/`) | <https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook> |
    /// | Discord webhook URL | `https://discord.com/api/webhooks/` (also `discordapp.com`) and `<id>/<token>` (the secret is the path after `webhooks/`) | <https://discord.com/developers/docs/resources/webhook> |
    /// | Stripe live secret key | `sk_live_` (secret) or `rk_live_` (restricted) and 24 or more letters or digits | <https://docs.stripe.com/keys> |
    /// | OpenAI API key | `sk-proj-`, `sk-svcacct-` or `sk-admin-` and 40 or more letters, digits, `_` or `-` | <https://platform.openai.com/docs/api-reference/authentication> |
    /// | OpenAI API key | `sk-` and 48 letters or digits (the keys made before project keys) | <https://platform.openai.com/docs/api-reference/authentication> |
    /// | Google API key | `AIza` and 35 letters, digits, `_` or `-` | <https://cloud.google.com/docs/authentication/api-keys> |
    /// | npm access token | `npm_` and 36 letters or digits | <https://docs.npmjs.com/about-access-tokens> |
    /// | PyPI API token | `pypi-AgEIcHlwaS5vcmc` (PyPI) or `pypi-AgENdGVzdC5weXBpLm9yZw` (TestPyPI) and 50 or more Base64 URL-safe characters | <https://pypi.org/help/#apitoken> |
    /// | Azure connection-string key | 40 or more Base64 characters after `AccountKey=` (storage account) or `SharedAccessKey=` (Service Bus, Event Hubs, IoT Hub) | <https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string> |
    /// | Microsoft Entra (Azure AD) client secret | 3 characters, a digit, `Q~` and 31 to 34 letters, digits, `_`, `~`, `.` or `-` (the client secrets made since 2021) | <https://learn.microsoft.com/en-us/purview/sit-defn-azure-ad-client-secret> |
    /// | JSON Web Token | three Base64 URL-safe parts joined by `.`, the first two JSON objects (`eyJ….eyJ….…`), signed | <https://www.rfc-editor.org/rfc/rfc7519> |
    /// | secret (`secret-patterns` entry N) | whatever a regular expression of the `secret-patterns` option matches (its first group when it has one) | [configuration](../configuration.md) |
    ///
    /// ## Why it matters
    /// A token in a committed document is a published token: it grants whatever its
    /// owner can do, in the repository, the pipeline or the chat workspace, until it is
    /// revoked. A webhook URL lets anyone post to the channel as the release bot. Providers
    /// scan public repositories for these prefixes and revoke what they find, which also
    /// breaks the deployment that relied on it.
    ///
    /// ## Example
    /// ```markdown
    /// curl -H "Authorization: token ghp_EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN" …
    /// ```
    ///
    /// ## How to fix
    /// Revoke the token with its provider first: it must be treated as leaked. Then
    /// refer to it instead (`-H "Authorization: token $GITHUB_TOKEN"`) and remove it
    /// from the repository's history.
    pub(crate) struct ApiToken {
        code: "RL602",
        name: "api-token",
        family: Security,
        severity: Error,
        since: Draft,
        summary: "A token, API key or webhook URL of a known provider is written in the document",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let source = ctx.source();
    let mut secrets: Vec<Configured> = ctx
        .secrets()
        .of_rule(ApiToken::META.code)
        .map(|s| Configured {
            span: s.span,
            kind: s.kind.clone(),
        })
        .collect();
    secrets.extend(ctx.secrets().configured().iter().cloned());
    secrets.sort_by_key(|s| s.span.start);
    for secret in secrets {
        let masked = mask_in_message(secret.span.text(source));
        out.push(ctx.diagnostic(
            &ApiToken::META,
            secret.span,
            format!(
                "{} `{masked}` is written in the document; expected a reference such as \
                 `$API_TOKEN` to a secret store, and the token revoked",
                secret.kind
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::assert_masked;
    use crate::document::Document;
    use crate::settings::Settings;
    use crate::test_support::{check_rule, diagnostics};

    const GHP: &str = "ghp_EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN";
    const PAT: &str =
        "github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789abcdefghijABCDEFGHIJKLMNOPQRSTU";
    const GLPAT: &str = "glpat-EXAMPLE0not0a0real0token";
    const SLACK: &str = "xoxb-0000000000-0000000000000-EXAMPLEnotArealToken";

    #[test]
    fn tokens_are_reported_at_the_token() {
        let source = format!(
            "---\nphase: deployment\nstage: draft\nci_token: \"{GHP}\"\n---\n\
             ## Deployment Commands\n\n```bash\ncurl -H \"PRIVATE-TOKEN: {GLPAT}\" https://gitlab.example.com\n\
             export GH_TOKEN={PAT}\n```\n\n- Notify with `{SLACK}`\n"
        );
        assert_eq!(
            check_rule("RL602", &source, None),
            ["RL602:4", "RL602:9", "RL602:10", "RL602:13"]
        );
        assert_masked("RL602", &source, &[GHP, GLPAT, PAT, SLACK]);
        let found = diagnostics("RL602", &source, None);
        assert_eq!(
            found[0].message,
            "GitHub token `ghp_…` is written in the document; expected a reference such as \
             `$API_TOKEN` to a secret store, and the token revoked"
        );
    }

    #[test]
    fn configured_patterns_use_their_first_group() {
        let source = "deploy key: acme_live_Zq81LmX0pR4vT7\nother: npm_A1b2C3d4E5f6G7h8I9j0\n";
        let settings = Settings {
            select: vec!["RL602".to_owned()],
            options: crate::settings::RuleOptions {
                secret_patterns: vec![
                    r"acme_live_[A-Za-z0-9]{14}".to_owned(),
                    r"other: (npm_[A-Za-z0-9]{20})".to_owned(),
                    r"(unclosed".to_owned(),
                ],
                ..Default::default()
            },
            ..Settings::default()
        };
        let doc = Document::parse(source);
        let found = crate::check(&doc, &settings);
        let spans: Vec<&str> = found.iter().map(|d| d.span.text(source)).collect();
        assert_eq!(
            spans,
            ["acme_live_Zq81LmX0pR4vT7", "npm_A1b2C3d4E5f6G7h8I9j0"]
        );
        assert!(found[1]
            .message
            .starts_with("secret (`secret-patterns` entry 2) `npm_…` is written"));
        assert!(found.iter().all(|d| !d.message.contains("Zq81LmX0pR4vT7")));
    }

    #[test]
    fn keys_webhooks_and_jwts_of_other_providers_are_reported_masked() {
        let stripe = "sk_live_EXAMPLE0not0a0real0key0000";
        let slack = "T0EXAMPLE/B0EXAMPLE/EXAMPLE0not0a0real0hook0";
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXBsb3kifQ.c2lnbmF0dXJlLW5vdC1yZWFs";
        let source = format!(
            "---\nphase: deployment\n---\n## Deployment Commands\n\n\
             | Secret | Value |\n|---|---|\n| Stripe | `{stripe}` |\n| Session | {jwt} |\n\n\
             Post to https://hooks.slack.com/services/{slack} when done.\n"
        );
        assert_eq!(
            check_rule("RL602", &source, None),
            ["RL602:8", "RL602:9", "RL602:11"]
        );
        assert_masked("RL602", &source, &[stripe, jwt, slack]);
        let found = diagnostics("RL602", &source, None);
        assert!(found[0]
            .message
            .starts_with("Stripe live secret key `sk_l…` is written"));
        assert!(found[2]
            .message
            .starts_with("Slack incoming-webhook URL `T0EX…` is written"));
    }

    #[test]
    fn silent_on_references_fillers_and_look_alikes() {
        let source = "export GITHUB_TOKEN=\"$GITHUB_TOKEN\"\n\
             token: ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n\
             prefix only: ghp_ and glpat- and xoxb-\n\
             too short: ghp_abc123 and xoxb-12\n\
             inside a word: sghp_EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN\n\
             test keys: sk_test_EXAMPLE0not0a0real0key0000, pk_live_EXAMPLE0not0a0real0key0000\n\
             webhook: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\n";
        assert!(check_rule("RL602", source, None).is_empty());
    }
}
