//! RL604: a password, token or other credential written as a literal value.

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::secrets::mask_in_message;

declare_rule! {
    /// ## What it does
    /// Reports a credential written as a literal anywhere in the document, at every
    /// stage: a key ending in `password`, `passwd`, `passphrase`, `secret`, `token`,
    /// `api_key`, `access_key`, `secret_key`, `private_key`, `auth_key` or `credential(s)`
    /// (`DB_PASSWORD`, `client_secret`, `--token`, `"apiKey"`) set with `=`, `:`, `:=` or
    /// `=>` to a literal value; an `Authorization: Bearer|Basic|Token …` header; and the
    /// password of a URL (`postgres://user:pass@host`, `redis://:pass@host`). The message masks the value.
    ///
    /// These values are references, not credentials, and are never reported: `$VAR`,
    /// `${VAR}`, `$(command)`, `{{placeholder}}`, `{% … %}`, `<your-token>`, `%VAR%`,
    /// YAML tags and aliases (`!vault`, `*ref`), function calls (`getpass()`) and file
    /// paths (`/run/secrets/db`, `./key.pem`, `~/.token`). Neither are obvious dummies:
    /// `***`, one character repeated (`xxxx`), `changeme`, `redacted`, `example`,
    /// `password`, `secret`, `none`, `null`, `true`/`false`, `foo`, `xyz`, numbers, a
    /// value holding `example`, `redacted`, `changeme` or `your-`/`your_`, and a quoted
    /// description (three words or more of letters only). In the `key: value` form
    /// without quotes, the value must be the rest of the line and look like a secret (a
    /// digit or symbol in it, or 16 characters or more), so prose such as
    /// `Token: rotated weekly` is not taken for a credential. A value that RL601, RL602
    /// or RL603 recognises is left to them.
    ///
    /// Where no `=` or `:` says it is one, a random-looking value right after a `key`,
    /// `secret`, `token` or `password` word is reported too (`| Deploy token | q8Zr… |`,
    /// `the signing key is 9f86…`): 20 characters or more with upper- and lower-case
    /// letters and digits (32 for hexadecimal digits), whose kind of character changes
    /// at least every third character and whose Shannon entropy is 3.5 bits a character
    /// or more (3.0 for hexadecimal). Joined words (`PaymentsCheckoutRollout2024`),
    /// kebab-case names and UUIDs are not.
    ///
    /// ## What it finds
    ///
    /// Each family, what it looks like, and where its format is documented:
    ///
    /// | Secret | What it looks like | Format |
    /// |---|---|---|
    /// | credential | a literal after a key ending in `password`, `passwd`, `passphrase`, `secret`, `token`, `api_key`, `access_key`, `secret_key`, `private_key`, `auth_key` or `credential(s)` and `=`, `:`, `:=` or `=>` | <https://cwe.mitre.org/data/definitions/798.html> |
    /// | authorization header credential | the credential of an `Authorization: Bearer|Basic|Token …` header, 8 characters or more | <https://www.rfc-editor.org/rfc/rfc9110#name-authorization> |
    /// | URL password | the password of a URL (`scheme://user:password@host`, the user possibly empty) | <https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1> |
    /// | high-entropy value | a random-looking value (20 characters or more, letters and digits, Shannon entropy of 3.5 bits a character or more, 3.0 for hexadecimal) right after a `key`, `secret`, `token` or `password` word, in prose or in the next table cell | <https://en.wikipedia.org/wiki/Entropy_(information_theory)> |
    ///
    /// ## Why it matters
    /// A password in a committed document is a published password: it stays in every
    /// clone and in the history after the line is deleted, and release documents are
    /// widely shared. Deployment commands are where credentials leak most, pasted from
    /// a terminal that had them.
    ///
    /// ## Example
    /// ```bash
    /// psql "host=db.internal user=payments password=Sup3rS3cret!"
    /// ```
    ///
    /// ## How to fix
    /// Change the credential first: it must be treated as leaked. Then refer to it
    /// instead of writing it (`password=${DB_PASSWORD}`, a secret store lookup) and
    /// remove it from the repository's history.
    pub(crate) struct HardcodedCredential {
        code: "RL604",
        name: "hardcoded-credential",
        family: Security,
        severity: Error,
        since: Draft,
        summary: "A password, token or other credential is written as a literal value",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let source = ctx.source();
    for secret in ctx.secrets().of_rule(HardcodedCredential::META.code) {
        let masked = mask_in_message(secret.span.text(source));
        out.push(ctx.diagnostic(
            &HardcodedCredential::META,
            secret.span,
            format!(
                "{} `{masked}` is written as a literal; expected a reference such as \
                 `${{SECRET_NAME}}` to a secret store, and the credential changed",
                secret.kind
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::assert_masked;
    use crate::test_support::{check_rule, diagnostics};

    #[test]
    fn literal_values_are_reported_at_the_value() {
        let source = "---\nphase: deployment\nstage: draft\ndb_password: \"Sup3r S3cret\"\n---\n\
             ## Deployment Commands\n\n```bash\nexport PGPASSWORD=hunter2\n\
             psql \"host=db user=app password=Pa55w0rd!\"\n\
             deploy --api-key=9f8e7d6c5b4a --token 'tok-998877'\n\
             curl -H \"Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig\" https://api.internal\n\
             DATABASE_URL=postgres://app:pg-Secret-42@db.internal:5432/app\n```\n\n\
             ```yaml\nclient_secret: 7f3c9a1e5d\n\"apiKey\": \"AbCdEf123456\"\n```\n";
        assert_eq!(
            check_rule("RL604", source, None),
            [
                "RL604:4", "RL604:9", "RL604:10", "RL604:11", "RL604:12", "RL604:13", "RL604:17",
                "RL604:18"
            ]
        );
        assert_masked(
            "RL604",
            source,
            &[
                "Sup3r S3cret",
                "hunter2",
                "Pa55w0rd!",
                "9f8e7d6c5b4a",
                "eyJhbGciOiJIUzI1NiJ9.e30.sig",
                "pg-Secret-42",
                "7f3c9a1e5d",
                "AbCdEf123456",
            ],
        );
        let found = diagnostics("RL604", source, None);
        assert_eq!(
            found[1].message,
            "`PGPASSWORD` credential `hun…` is written as a literal; expected a reference \
             such as `${SECRET_NAME}` to a secret store, and the credential changed"
        );
    }

    #[test]
    fn silent_on_references_dummies_and_prose() {
        let source = "PGPASSWORD=\"${DB_PASSWORD}\" pg_dump\n\
             -user=identity -password=\"${DB_PASSWORD}\" migrate\n\
             psql \"user=gateway_ro password=${DB_PASSWORD}\"\n\
             echo \"$DEPLOY_TOKEN\" | helm registry login --password-stdin\n\
             curl -u \"indexer-admin:${OPENSEARCH_PASSWORD}\" -X PUT\n\
             token: {{ deploy_token }}\napi_key: <your-api-key>\nsecret: \"***\"\n\
             password: changeme\nDB_PASSWORD=$(vault kv get -field=pw secret/db)\n\
             password: !vault |\ntoken_file: /run/secrets/token\ncredentials: ./creds.json\n\
             max_token = 4096\npassword=\nsecret=example-secret-123\n\
             - Removal of the password grant (`grant_type=password`) from `POST /oauth/token`\n\
             - `token_type_hint=session` revokes the session\n\
             **Secret rotation**: done weekly\nToken: rotated every week\nSecret: Vault\n\
             if token == \"abc\" {}\nuse Token::new;\nsee https://user@example.com/path\n\
             Authorization: Bearer $TOKEN\nurl: postgres://app:${PG_PASSWORD}@db/app\n\
             const password = new Password(input);\nlet secret = \"Password used to derive keys\";\n\
             see https://user:xyz@example.com/\n";
        assert_eq!(check_rule("RL604", source, None), Vec::<String>::new());
    }

    #[test]
    fn url_password_with_an_empty_user_is_reported() {
        let source = "REDIS_URL=redis://:F1agd-s3cret-99@cache.internal:6379/0\n";
        assert_eq!(check_rule("RL604", source, None), ["RL604:1"]);
        assert_masked("RL604", source, &["F1agd-s3cret-99"]);
        assert!(check_rule("RL604", "redis://:${REDIS_PASSWORD}@cache\n", None).is_empty());
    }

    #[test]
    fn crlf_and_bom_do_not_change_the_span() {
        let source =
            "\u{feff}---\r\nphase: deployment\r\n---\r\npassword: hunter2\r\ntoken=tok-42\r\n";
        assert_eq!(check_rule("RL604", source, None), ["RL604:4", "RL604:5"]);
        assert_masked("RL604", source, &["hunter2", "tok-42"]);
    }

    #[test]
    fn random_values_after_credential_words_are_reported() {
        let source =
            "| Name | Value |\n|---|---|\n| Deploy token | `q8Zr2LmX0pR4vT7wK9sB3nYc` |\n\n\
             The signing key is 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.\n\
             | Feature flag key | PaymentsCheckoutRollout2024 |\n\
             Idempotency key: 123e4567-e89b-12d3-a456-426614174000\n";
        assert_eq!(check_rule("RL604", source, None), ["RL604:3", "RL604:5"]);
        assert_masked(
            "RL604",
            source,
            &[
                "q8Zr2LmX0pR4vT7wK9sB3nYc",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            ],
        );
        let found = diagnostics("RL604", source, None);
        assert!(found[0]
            .message
            .starts_with("high-entropy value `q8Zr…` is written as a literal"));
    }

    #[test]
    fn values_of_specific_rules_are_left_to_them() {
        let source = "GITHUB_TOKEN=ghp_EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN\n\
             aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";
        assert!(check_rule("RL604", source, None).is_empty());
    }
}
