//! RL603: a private key block (`-----BEGIN … PRIVATE KEY-----`) in the document.

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::secrets::mask_in_message;

declare_rule! {
    /// ## What it does
    /// Reports a PEM or OpenSSH private key anywhere in the document, at every stage:
    /// a `-----BEGIN PRIVATE KEY-----` line (also `RSA`, `EC`, `DSA`, `OPENSSH`,
    /// `ENCRYPTED` and PGP `PRIVATE KEY BLOCK`) followed by key material. The finding
    /// covers the key material, up to the `-----END …-----` line (or the first blank
    /// line when there is none), and its message masks it. A block whose body is elided
    /// (`...`, `<redacted>`, a placeholder: no run of 16 Base64 characters) is not a key
    /// and is not reported. A key inside a JSON string (a GCP service-account key file,
    /// `"private_key": "-----BEGIN PRIVATE KEY-----\nMIIE…"`) is found the same way, its
    /// `\n` escapes read as line breaks.
    ///
    /// ## What it finds
    ///
    /// Each family, what it looks like, and where its format is documented:
    ///
    /// | Secret | What it looks like | Format |
    /// |---|---|---|
    /// | GCP service-account private key | the key material of `"private_key": "-----BEGIN PRIVATE KEY-----\n…"` in a service-account JSON key (`"type": "service_account"`) | <https://cloud.google.com/iam/docs/keys-create-delete> |
    /// | private key | the key material after a `-----BEGIN … PRIVATE KEY-----` line (PEM: `RSA`, `EC`, `DSA`, `OPENSSH`, `ENCRYPTED`; PGP `PRIVATE KEY BLOCK`), up to its `-----END` line | <https://www.rfc-editor.org/rfc/rfc7468> |
    ///
    /// ## Why it matters
    /// A private key is the identity of a server, a deploy user or a signing service.
    /// Once committed it is in every clone and in the history; whoever reads it can
    /// impersonate its owner until the key is replaced everywhere it is trusted.
    ///
    /// ## Example
    /// ````markdown
    /// ```text
    /// -----BEGIN OPENSSH PRIVATE KEY-----
    /// b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
    /// -----END OPENSSH PRIVATE KEY-----
    /// ```
    /// ````
    ///
    /// ## How to fix
    /// Replace the key pair first (revoke the certificate, remove the public key from
    /// `authorized_keys`): it must be treated as leaked. Then refer to the key by its
    /// location in a secret store (`vault kv get -field=key secret/deploy`) and remove it
    /// from the repository's history.
    pub(crate) struct PrivateKeyBlock {
        code: "RL603",
        name: "private-key-block",
        family: Security,
        severity: Error,
        since: Draft,
        summary: "A private key block is written in the document",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for secret in ctx.secrets().of_rule(PrivateKeyBlock::META.code) {
        let masked = mask_in_message(secret.span.text(ctx.source()));
        out.push(ctx.diagnostic(
            &PrivateKeyBlock::META,
            secret.span,
            format!(
                "{} `{masked}` is written in the document; expected a reference to where \
                 the key is kept in a secret store, and the key pair replaced",
                secret.kind
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::assert_masked;
    use crate::test_support::{check_rule, diagnostics};

    const BODY: &str = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nVJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu";

    #[test]
    fn key_material_is_the_span() {
        let source = format!(
            "---\nphase: deployment\nstage: draft\n---\n## Deployment Commands\n\n```text\n\
             -----BEGIN RSA PRIVATE KEY-----\n{BODY}\n-----END RSA PRIVATE KEY-----\n```\n"
        );
        assert_eq!(check_rule("RL603", &source, None), ["RL603:9"]);
        assert_masked("RL603", &source, &[BODY]);
        let found = diagnostics("RL603", &source, None);
        assert_eq!(
            found[0].message,
            "RSA private key `MIIE…` is written in the document; expected a reference to \
             where the key is kept in a secret store, and the key pair replaced"
        );
    }

    #[test]
    fn unterminated_and_indented_blocks() {
        let source = "ssh_key: |\n  -----BEGIN OPENSSH PRIVATE KEY-----\n  b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n\nNext paragraph\n";
        assert_masked(
            "RL603",
            source,
            &["b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"],
        );
        let found = diagnostics("RL603", source, None);
        assert!(found[0].message.starts_with("OpenSSH private key"));
        let fenced = "```\n-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEF\n```\n";
        assert_masked("RL603", fenced, &["MIIEvQIBADANBgkqhkiG9w0BAQEF"]);
    }

    #[test]
    fn service_account_json_keys_are_found_without_their_escapes() {
        let material = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\\nBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj";
        let source = format!(
            "```json\n{{\n  \"type\": \"service_account\",\n  \"private_key\": \
             \"-----BEGIN PRIVATE KEY-----\\n{material}\\n-----END PRIVATE KEY-----\\n\"\n}}\n```\n"
        );
        assert_eq!(check_rule("RL603", &source, None), ["RL603:4"]);
        assert_masked("RL603", &source, &[material]);
        let found = diagnostics("RL603", &source, None);
        assert!(found[0]
            .message
            .starts_with("GCP service-account private key `MIIE…`"));
        // Any other JSON string holding a key: the escapes are not part of it.
        let other = "{\"key\": \"-----BEGIN RSA PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0B\\n-----END RSA PRIVATE KEY-----\"}\n";
        assert_masked("RL603", other, &["MIIEvQIBADANBgkqhkiG9w0B"]);
    }

    #[test]
    fn silent_on_elided_blocks_and_public_keys() {
        let source = "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n\
             -----BEGIN EC PRIVATE KEY-----\n<redacted>\n-----END EC PRIVATE KEY-----\n\
             -----BEGIN PRIVATE KEY-----\n{{ deploy_key }}\n-----END PRIVATE KEY-----\n\
             -----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n";
        assert!(check_rule("RL603", source, None).is_empty());
    }
}
