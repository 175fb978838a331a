//! The table of credential families: one entry per family, in order of precedence
//! (where two overlap, the earlier keeps the secret), the generic ones last.

use super::{aws, credential, gates, has, private_key, Example, Family, Matcher, Pattern};

/// Every family release-lint recognises, in order of precedence.
#[must_use]
pub fn families() -> &'static [Family] {
    &FAMILIES
}

const fn example(text: &'static str, secret: &'static str) -> Example {
    Example { text, secret }
}

static FAMILIES: [Family; 24] = [
    Family {
        id: "aws-access-key-id",
        kind: "AWS access key id",
        rule: "RL601",
        shape: "`AKIA` (long-term) or `ASIA` (temporary) and 16 upper-case letters or digits",
        source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
        examples: &[
            example("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
            example("| id | `ASIAY34FZKBOKMUTVV7A` |", "ASIAY34FZKBOKMUTVV7A"),
        ],
        counter_examples: &[
            "id: AKIAXXXXXXXXXXXXXXXX",
            "XAKIAIOSFODNN7EXAMPLE, AKIAIOSFODNN7EXAMPLE1, akiaiosfodnn7example",
        ],
        matcher: Matcher::Code(aws::find_key_ids),
    },
    Family {
        id: "aws-secret-access-key",
        kind: "AWS secret access key",
        rule: "RL601",
        shape: "40 Base64 characters after `aws_secret_access_key`, `AWS_SECRET_ACCESS_KEY` or `SecretAccessKey` and `=` or `:`",
        source: "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html",
        examples: &[
            example(
                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            ),
            example(
                "{\"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            ),
        ],
        counter_examples: &[
            "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}",
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEYTOOLONG",
        ],
        matcher: Matcher::Code(aws::find_secret_keys),
    },
    Family {
        id: "gcp-service-account-key",
        kind: "GCP service-account private key",
        rule: "RL603",
        shape: "the key material of `\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n…\"` in a service-account JSON key (`\"type\": \"service_account\"`)",
        source: "https://cloud.google.com/iam/docs/keys-create-delete",
        examples: &[example(
            "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\nBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\\n-----END PRIVATE KEY-----\\n\"}",
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\nBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj",
        )],
        counter_examples: &[
            "{\"type\": \"service_account\", \"private_key\": \"<redacted>\"}",
            "\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n\"",
        ],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "\"private_key\""),
            r#""private_key"[ \t]*:[ \t]*"-----BEGIN PRIVATE KEY-----(?:\\n)*(?<secret>[A-Za-z0-9+/=]{16}(?:[A-Za-z0-9+/=]|\\n)*[A-Za-z0-9+/=])"#,
        )),
    },
    Family {
        id: "private-key-block",
        kind: "private key",
        rule: "RL603",
        shape: "the key material after a `-----BEGIN … PRIVATE KEY-----` line (PEM: `RSA`, `EC`, `DSA`, `OPENSSH`, `ENCRYPTED`; PGP `PRIVATE KEY BLOCK`), up to its `-----END` line",
        source: "https://www.rfc-editor.org/rfc/rfc7468",
        examples: &[example(
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END RSA PRIVATE KEY-----",
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
        )],
        counter_examples: &[
            "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
            "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----",
        ],
        matcher: Matcher::Code(private_key::find),
    },
    Family {
        id: "github-token",
        kind: "GitHub token",
        rule: "RL602",
        shape: "`ghp_`, `gho_`, `ghu_`, `ghs_` or `ghr_` and 36 or more letters or digits",
        source: "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats",
        examples: &[example(
            "curl -H \"Authorization: token ghp_EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN\"",
            "ghp_EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN",
        )],
        counter_examples: &[
            "token: ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            "too short: ghp_abc123; inside a word: sghp_EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN",
        ],
        matcher: Matcher::Pattern(Pattern::new(
            gates::has_github_prefix,
            r"(?-u:\b)(?<secret>gh[pousr]_(?<body>[A-Za-z0-9]{36,251}))",
        )),
    },
    Family {
        id: "github-fine-grained-token",
        kind: "GitHub fine-grained token",
        rule: "RL602",
        shape: "`github_pat_` and 22 or more letters, digits or `_`",
        source: "https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats",
        examples: &[example(
            "export GH_TOKEN=github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789",
            "github_pat_11ABCDEFG0aBcDeFgHiJkL_mNoPqRsTuVwXyZ0123456789",
        )],
        counter_examples: &["github_pat_ alone, github_pat_short"],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "github_pat_"),
            r"(?-u:\b)(?<secret>github_pat_(?<body>[A-Za-z0-9_]{22,244}))",
        )),
    },
    Family {
        id: "gitlab-token",
        kind: "GitLab personal access token",
        rule: "RL602",
        shape: "`glpat-` and 20 or more letters, digits, `_` or `-`",
        source: "https://docs.gitlab.com/security/tokens/#token-prefixes",
        examples: &[example(
            "PRIVATE-TOKEN: glpat-EXAMPLE0not0a0real0token",
            "glpat-EXAMPLE0not0a0real0token",
        )],
        counter_examples: &["prefix only: glpat-", "glpat-XXXXXXXXXXXXXXXXXXXX"],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "glpat-"),
            r"(?-u:\b)(?<secret>glpat-(?<body>[A-Za-z0-9_\-]{20,}))",
        )),
    },
    Family {
        id: "slack-token",
        kind: "Slack token",
        rule: "RL602",
        shape: "`xoxa-`, `xoxb-`, `xoxp-`, `xoxr-` or `xoxs-` and 10 or more letters, digits or `-`",
        source: "https://docs.slack.dev/authentication/tokens",
        examples: &[example(
            "Notify with `xoxb-0000000000-0000000000000-EXAMPLEnotArealToken`",
            "xoxb-0000000000-0000000000000-EXAMPLEnotArealToken",
        )],
        counter_examples: &["prefix only: xoxb-, too short: xoxb-12"],
        matcher: Matcher::Pattern(Pattern::new(
            gates::has_slack_prefix,
            r"(?-u:\b)(?<secret>xox[abprs]-(?<body>[A-Za-z0-9\-]{10,}))",
        )),
    },
    Family {
        id: "slack-webhook",
        kind: "Slack incoming-webhook URL",
        rule: "RL602",
        shape: "`https://hooks.slack.com/services/` and `T…/B…/` and 24 letters or digits (the secret is the path after `services/`)",
        source: "https://docs.slack.dev/messaging/sending-messages-using-incoming-webhooks",
        examples: &[example(
            "curl -X POST https://hooks.slack.com/services/T0EXAMPLE/B0EXAMPLE/EXAMPLE0not0a0real0hook0 -d @msg.json",
            "T0EXAMPLE/B0EXAMPLE/EXAMPLE0not0a0real0hook0",
        )],
        counter_examples: &[
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "https://hooks.slack.com/services/$SLACK_WEBHOOK_PATH",
        ],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "hooks.slack.com/services/"),
            r"hooks\.slack\.com/services/(?<secret>T[A-Z0-9]{8,}/B[A-Z0-9]{8,}/(?<body>[A-Za-z0-9]{24}))",
        )),
    },
    Family {
        id: "teams-webhook",
        kind: "Microsoft Teams incoming-webhook URL",
        rule: "RL602",
        shape: "`https://….webhook.office.com/webhookb2/` and `<id>@<id>/IncomingWebhook/<key>/<id>` (the secret is the path after `webhookb2/`)",
        source: "https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook",
        examples: &[example(
            "Teams: https://contoso.webhook.office.com/webhookb2/0e1d2c3b-aaaa-4bbb-8ccc-0123456789ab@72f988bf-86f1-41af-91ab-2d7cd011db47/IncomingWebhook/0a1b2c3d4e5f60718293a4b5c6d7e8f9/5f6e7d8c-1111-4222-8333-abcdefabcdef",
            "0e1d2c3b-aaaa-4bbb-8ccc-0123456789ab@72f988bf-86f1-41af-91ab-2d7cd011db47/IncomingWebhook/0a1b2c3d4e5f60718293a4b5c6d7e8f9/5f6e7d8c-1111-4222-8333-abcdefabcdef",
        )],
        counter_examples: &[
            "https://contoso.webhook.office.com/webhookb2/<group-id>@<tenant-id>/IncomingWebhook/<id>/<owner-id>",
            "https://contoso.webhook.office.com/webhookb2/${TEAMS_WEBHOOK}",
        ],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "webhook.office.com/webhookb2/"),
            r"(?-u:\b)[A-Za-z0-9\-]+\.webhook\.office\.com/webhookb2/(?<secret>[A-Za-z0-9\-]{8,}@[A-Za-z0-9\-]{8,}/IncomingWebhook/(?<body>[A-Za-z0-9]{16,})/[A-Za-z0-9\-]{8,}(?:/[A-Za-z0-9_\-]+)?)",
        )),
    },
    Family {
        id: "discord-webhook",
        kind: "Discord webhook URL",
        rule: "RL602",
        shape: "`https://discord.com/api/webhooks/` (also `discordapp.com`) and `<id>/<token>` (the secret is the path after `webhooks/`)",
        source: "https://discord.com/developers/docs/resources/webhook",
        examples: &[example(
            "https://discord.com/api/webhooks/123456789012345678/EXAMPLE0not0a0real0webhook0token0EXAMPLE0not0a0real0webhook0tok",
            "123456789012345678/EXAMPLE0not0a0real0webhook0token0EXAMPLE0not0a0real0webhook0tok",
        )],
        counter_examples: &[
            "https://discord.com/api/webhooks/{webhook.id}/{webhook.token}",
            "https://discord.com/api/webhooks/123456789012345678/short",
        ],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "/api/webhooks/"),
            r"(?-u:\b)discord(?:app)?\.com/api/webhooks/(?<secret>[0-9]{17,20}/(?<body>[A-Za-z0-9_\-]{60,68}))",
        )),
    },
    Family {
        id: "stripe-live-key",
        kind: "Stripe live secret key",
        rule: "RL602",
        shape: "`sk_live_` (secret) or `rk_live_` (restricted) and 24 or more letters or digits",
        source: "https://docs.stripe.com/keys",
        examples: &[
            example("STRIPE_KEY=sk_live_EXAMPLE0not0a0real0key0000", "sk_live_EXAMPLE0not0a0real0key0000"),
            example("| restricted | rk_live_EXAMPLE0not0a0real0key0000 |", "rk_live_EXAMPLE0not0a0real0key0000"),
        ],
        counter_examples: &[
            "test mode: sk_test_EXAMPLE0not0a0real0key0000",
            "publishable: pk_live_EXAMPLE0not0a0real0key0000",
        ],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "k_live_"),
            r"(?-u:\b)(?<secret>[sr]k_live_(?<body>[A-Za-z0-9]{24,247}))",
        )),
    },
    Family {
        id: "openai-project-key",
        kind: "OpenAI API key",
        rule: "RL602",
        shape: "`sk-proj-`, `sk-svcacct-` or `sk-admin-` and 40 or more letters, digits, `_` or `-`",
        source: "https://platform.openai.com/docs/api-reference/authentication",
        examples: &[example(
            "OPENAI_API_KEY=sk-proj-EXAMPLE0not0a0real0key0EXAMPLE0not0a0real0key0",
            "sk-proj-EXAMPLE0not0a0real0key0EXAMPLE0not0a0real0key0",
        )],
        counter_examples: &["sk-proj-short", "sk-proj-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "sk-"),
            r"(?-u:\b)(?<secret>sk-(?:proj|svcacct|admin)-(?<body>[A-Za-z0-9_\-]{40,250}))",
        )),
    },
    Family {
        id: "openai-key",
        kind: "OpenAI API key",
        rule: "RL602",
        shape: "`sk-` and 48 letters or digits (the keys made before project keys)",
        source: "https://platform.openai.com/docs/api-reference/authentication",
        examples: &[example(
            "openai.api_key = \"sk-EXAMPLE0not0a0real0keyT3BlbkFJEXAMPLE0not0a0real\"",
            "sk-EXAMPLE0not0a0real0keyT3BlbkFJEXAMPLE0not0a0real",
        )],
        counter_examples: &[
            "sk-1234",
            "task-EXAMPLE0not0a0real0keyT3BlbkFJEXAMPLE0not0a0real",
        ],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "sk-"),
            r"(?-u:\b)(?<secret>sk-(?<body>[A-Za-z0-9]{48}))",
        )),
    },
    Family {
        id: "google-api-key",
        kind: "Google API key",
        rule: "RL602",
        shape: "`AIza` and 35 letters, digits, `_` or `-`",
        source: "https://cloud.google.com/docs/authentication/api-keys",
        examples: &[example(
            "maps key: AIzaSyEXAMPLE0not0a0real0key00000000000",
            "AIzaSyEXAMPLE0not0a0real0key00000000000",
        )],
        counter_examples: &["AIzaSyShort", "AIzaSyEXAMPLE0not0a0real0key00000000000TOOLONG"],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "AIza"),
            r"(?-u:\b)(?<secret>AIza(?<body>[A-Za-z0-9_\-]{35}))",
        )),
    },
    Family {
        id: "npm-token",
        kind: "npm access token",
        rule: "RL602",
        shape: "`npm_` and 36 letters or digits",
        source: "https://docs.npmjs.com/about-access-tokens",
        examples: &[example(
            "//registry.npmjs.org/:_authToken=npm_EXAMPLE0not0a0real0token000000000000",
            "npm_EXAMPLE0not0a0real0token000000000000",
        )],
        counter_examples: &["npm_config_registry=https://registry.npmjs.org/", "npm_package_version"],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "npm_"),
            r"(?-u:\b)(?<secret>npm_(?<body>[A-Za-z0-9]{36}))",
        )),
    },
    Family {
        id: "pypi-token",
        kind: "PyPI API token",
        rule: "RL602",
        shape: "`pypi-AgEIcHlwaS5vcmc` (PyPI) or `pypi-AgENdGVzdC5weXBpLm9yZw` (TestPyPI) and 50 or more Base64 URL-safe characters",
        source: "https://pypi.org/help/#apitoken",
        examples: &[example(
            "password = pypi-AgEIcHlwaS5vcmcCJGEXAMPLE0not0a0real0token0EXAMPLE0not0a0real0token0",
            "pypi-AgEIcHlwaS5vcmcCJGEXAMPLE0not0a0real0token0EXAMPLE0not0a0real0token0",
        )],
        counter_examples: &["pypi-AgEIcHlwaS5vcmc", "username = __token__"],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "pypi-Ag"),
            r"(?-u:\b)(?<secret>pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)(?<body>[A-Za-z0-9_\-]{50,}))",
        )),
    },
    Family {
        id: "azure-connection-string-key",
        kind: "Azure connection-string key",
        rule: "RL602",
        shape: "40 or more Base64 characters after `AccountKey=` (storage account) or `SharedAccessKey=` (Service Bus, Event Hubs, IoT Hub)",
        source: "https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string",
        examples: &[example(
            "DefaultEndpointsProtocol=https;AccountName=ledger;AccountKey=EXAMPLE0not0a0real0key0EXAMPLE0not0a0real0key0EXAMPLE0not0a0real0key0EXAMPLE0000==;EndpointSuffix=core.windows.net",
            "EXAMPLE0not0a0real0key0EXAMPLE0not0a0real0key0EXAMPLE0not0a0real0key0EXAMPLE0000==",
        )],
        counter_examples: &[
            "AccountKey=<storage-account-key>",
            "AccountKey=${AZURE_STORAGE_KEY};EndpointSuffix=core.windows.net",
        ],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "AccountKey=") || has(s, "SharedAccessKey="),
            r"(?:AccountKey|SharedAccessKey)=(?<secret>(?<body>[A-Za-z0-9+/]{40,})={0,2})",
        )),
    },
    Family {
        id: "azure-client-secret",
        kind: "Microsoft Entra (Azure AD) client secret",
        rule: "RL602",
        shape: "3 characters, a digit, `Q~` and 31 to 34 letters, digits, `_`, `~`, `.` or `-` (the client secrets made since 2021)",
        source: "https://learn.microsoft.com/en-us/purview/sit-defn-azure-ad-client-secret",
        examples: &[example(
            "AZURE_CLIENT_SECRET=abc8Q~EXAMPLE0not0a0real0secret00000000",
            "abc8Q~EXAMPLE0not0a0real0secret00000000",
        )],
        counter_examples: &["Q~ alone", "abc8Q~short"],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "Q~"),
            r"(?:^|[^A-Za-z0-9_~.\-])(?<secret>[A-Za-z0-9_~.\-]{3}[0-9]Q~(?<body>[A-Za-z0-9_~.\-]{31,34}))",
        )),
    },
    Family {
        id: "jwt",
        kind: "JSON Web Token",
        rule: "RL602",
        shape: "three Base64 URL-safe parts joined by `.`, the first two JSON objects (`eyJ….eyJ….…`), signed",
        source: "https://www.rfc-editor.org/rfc/rfc7519",
        examples: &[example(
            "| session | eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXBsb3kifQ.c2lnbmF0dXJlLW5vdC1yZWFs |",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkZXBsb3kifQ.c2lnbmF0dXJlLW5vdC1yZWFs",
        )],
        counter_examples: &[
            "header only: eyJhbGciOiJIUzI1NiJ9",
            "unsigned: eyJhbGciOiJub25lIn0.eyJzdWIiOiJkZXBsb3kifQ.",
        ],
        matcher: Matcher::Pattern(Pattern::new(
            |s| has(s, "eyJ"),
            r"(?-u:\b)(?<secret>eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.(?<body>[A-Za-z0-9_\-]{16,}))",
        )),
    },
    Family {
        id: "credential-assignment",
        kind: "credential",
        rule: "RL604",
        shape: "a literal after a key ending in `password`, `passwd`, `passphrase`, `secret`, `token`, `api_key`, `access_key`, `secret_key`, `private_key`, `auth_key` or `credential(s)` and `=`, `:`, `:=` or `=>`",
        source: "https://cwe.mitre.org/data/definitions/798.html",
        examples: &[
            example("psql \"host=db user=app password=Pa55w0rd!\"", "Pa55w0rd!"),
            example("client_secret: 7f3c9a1e5d", "7f3c9a1e5d"),
        ],
        counter_examples: &[
            "PGPASSWORD=\"${DB_PASSWORD}\" pg_dump",
            "Token: rotated every week",
        ],
        matcher: Matcher::Code(credential::find_assignments),
    },
    Family {
        id: "authorization-header",
        kind: "authorization header credential",
        rule: "RL604",
        shape: "the credential of an `Authorization: Bearer|Basic|Token …` header, 8 characters or more",
        source: "https://www.rfc-editor.org/rfc/rfc9110#name-authorization",
        examples: &[example(
            "curl -H \"Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig\" https://api.internal",
            "eyJhbGciOiJIUzI1NiJ9.e30.sig",
        )],
        counter_examples: &["Authorization: Bearer $TOKEN", "Authorization: Basic abc"],
        matcher: Matcher::Code(credential::find_authorization_headers),
    },
    Family {
        id: "url-password",
        kind: "URL password",
        rule: "RL604",
        shape: "the password of a URL (`scheme://user:password@host`, the user possibly empty)",
        source: "https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1",
        examples: &[example(
            "REDIS_URL=redis://:F1agd-s3cret-99@cache.internal:6379/0",
            "F1agd-s3cret-99",
        )],
        counter_examples: &[
            "url: postgres://app:${PG_PASSWORD}@db/app",
            "see https://user@example.com/path",
        ],
        matcher: Matcher::Code(credential::find_url_passwords),
    },
    Family {
        id: "high-entropy-value",
        kind: "high-entropy value",
        rule: "RL604",
        shape: "a random-looking value (20 characters or more, letters and digits, Shannon entropy of 3.5 bits a character or more, 3.0 for hexadecimal) right after a `key`, `secret`, `token` or `password` word, in prose or in the next table cell",
        source: "https://en.wikipedia.org/wiki/Entropy_(information_theory)",
        examples: &[
            example(
                "| Deploy token | `q8Zr2LmX0pR4vT7wK9sB3nYc` |",
                "q8Zr2LmX0pR4vT7wK9sB3nYc",
            ),
            example(
                "The signing key is 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            ),
        ],
        counter_examples: &[
            "| Feature flag key | PaymentsCheckoutRollout2024 |",
            "Token rotation: payments-api-v2-rollout-2024-06",
            "Idempotency key: 123e4567-e89b-12d3-a456-426614174000",
        ],
        matcher: Matcher::Code(credential::random::find),
    },
];

/// The row of `family` in its rule's table of families (`| kind | shape | <source> |`),
/// which the docs of the rule must hold.
#[cfg(test)]
fn docs_row(family: &Family) -> String {
    let source = if family.source.starts_with("https://") {
        format!("<{}>", family.source)
    } else {
        family.source.to_owned()
    };
    format!("| {} | {} | {source} |", family.kind, family.shape)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::secrets::{find, Matcher};

    #[test]
    fn every_pattern_compiles_and_every_id_is_unique() {
        let mut ids = HashSet::new();
        for family in families() {
            assert!(ids.insert(family.id), "{} twice", family.id);
            if let Matcher::Pattern(p) = &family.matcher {
                assert!(p.is_valid(), "{}: invalid regex", family.id);
            }
        }
    }

    #[test]
    fn every_family_finds_its_examples_and_nothing_in_its_counter_examples() {
        for family in families() {
            assert!(!family.examples.is_empty(), "{}: no example", family.id);
            assert!(
                !family.counter_examples.is_empty(),
                "{}: no counter-example",
                family.id
            );
            for example in family.examples {
                let found = find(example.text);
                let spans: Vec<(&str, &str)> = found
                    .iter()
                    .map(|s| (s.family.id, s.span.text(example.text)))
                    .collect();
                assert_eq!(
                    spans,
                    [(family.id, example.secret)],
                    "{}: {}",
                    family.id,
                    example.text
                );
            }
            for text in family.counter_examples {
                let found: Vec<&str> = find(text)
                    .iter()
                    .filter(|s| s.family.id == family.id)
                    .map(|s| s.span.text(text))
                    .collect();
                assert!(found.is_empty(), "{}: {text}: {found:?}", family.id);
            }
        }
    }

    #[test]
    fn every_family_is_in_the_docs_of_its_rule() {
        for family in families() {
            let rule = crate::registry::find(family.rule)
                .unwrap_or_else(|| panic!("{}: no rule {}", family.id, family.rule));
            let row = docs_row(family);
            assert!(
                rule.meta().docs.contains(&row),
                "{} docs lack the row of {}:\n/// {row}",
                family.rule,
                family.id
            );
        }
    }
}
