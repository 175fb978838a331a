//! RL602: a GitHub, GitLab or Slack token, or a configured secret pattern, in the document.

use std::sync::LazyLock;

use regex::Regex;
use release_doc::Span;

use super::{continues, is_filler, mask, overlaps, Secret};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an API token anywhere in the document, at every stage: GitHub tokens
    /// (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` and fine-grained `github_pat_`), GitLab
    /// personal access tokens (`glpat-`), Slack tokens (`xoxa-`, `xoxb-`, `xoxp-`,
    /// `xoxr-`, `xoxs-`), and whatever matches the regular expressions of the
    /// `secret-patterns` option (the first capture group is the secret when the pattern
    /// has one, else the whole match). The message masks the token.
    ///
    /// ## Why it matters
    /// A token in a committed document is a published token: it grants whatever its
    /// owner can do, in the repository, the pipeline or the chat workspace, until it is
    /// revoked. Providers scan public repositories for these prefixes and revoke what
    /// they find, which also breaks the deployment that relied on it.
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
        summary: "A GitHub, GitLab or Slack token is written in the document",
        check: check,
    }
}

/// Whether `source` holds one of the tokens' prefixes (`ghp_`, `gho_`, `ghu_`, `ghs_`,
/// `ghr_`, `github_pat_`, `glpat-`, `xox[abprs]-`): a cheap test before the regex, which
/// costs more to compile than a whole check of a document without tokens.
fn has_candidate(source: &str) -> bool {
    let bytes = source.as_bytes();
    let after = |at: usize, len: usize| bytes.get(at + len..).unwrap_or_default();
    let github = memchr::memmem::find_iter(bytes, "gh").any(|at| {
        let rest = after(at, 2);
        matches!(rest, [b'p' | b'o' | b'u' | b's' | b'r', b'_', ..])
            || rest.starts_with(b"ithub_pat_")
    });
    let slack = || {
        memchr::memmem::find_iter(bytes, "xox")
            .any(|at| matches!(after(at, 3), [b'a' | b'b' | b'p' | b'r' | b's', b'-', ..]))
    };
    github || super::has(source, "glpat-") || slack()
}

/// The well-known token shapes; the group that matched names the kind.
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:(?<github>gh[pousr]_[A-Za-z0-9]{36,251})|(?<github_pat>github_pat_[A-Za-z0-9_]{22,244})|(?<gitlab>glpat-[A-Za-z0-9_\-]{20,})|(?<slack>xox[abprs]-[A-Za-z0-9\-]{10,}))",
    )
    .expect("valid regex")
});

const KINDS: &[(&str, &str, usize)] = &[
    // group, what it is, length of the prefix
    ("github", "GitHub token", 4),
    ("github_pat", "GitHub fine-grained token", 11),
    ("gitlab", "GitLab personal access token", 6),
    ("slack", "Slack token", 5),
];

/// The well-known tokens in `source`.
pub(crate) fn find(source: &str) -> Vec<Secret> {
    if !has_candidate(source) {
        return Vec::new();
    }
    let mut found = Vec::new();
    for c in TOKEN.captures_iter(source) {
        let Some((m, kind, prefix)) = KINDS
            .iter()
            .find_map(|(group, kind, prefix)| Some((c.name(group)?, *kind, *prefix)))
        else {
            continue;
        };
        let longer = continues(source, m.end(), |ch| {
            ch.is_ascii_alphanumeric() || ch == '_'
        });
        let body = m.as_str().get(prefix..).unwrap_or_default();
        if !longer && !is_filler(body.trim_matches('-')) {
            found.push(Secret {
                span: Span::from(m.range()),
                kind: kind.to_owned(),
            });
        }
    }
    found
}

/// What the configured `secret-patterns` match in `source`. A pattern that is not a
/// valid regular expression is skipped (the configuration loader reports it).
pub(crate) fn find_configured(source: &str, patterns: &[String]) -> Vec<Secret> {
    let mut found = Vec::new();
    for (index, pattern) in patterns.iter().enumerate() {
        let Ok(re) = Regex::new(pattern) else {
            continue;
        };
        for c in re.captures_iter(source) {
            let Some(m) = c.get(1).or_else(|| c.get(0)) else {
                continue;
            };
            if !m.is_empty() {
                found.push(Secret {
                    span: Span::from(m.range()),
                    kind: format!("secret (`secret-patterns` entry {})", index + 1),
                });
            }
        }
    }
    found
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let source = ctx.source();
    let mut secrets = ctx.secrets.api(ctx).to_vec();
    for extra in find_configured(source, &ctx.settings.options.secret_patterns) {
        if !secrets.iter().any(|s| overlaps(s.span, extra.span)) {
            secrets.push(extra);
        }
    }
    for secret in secrets {
        let masked = mask(secret.span.text(source));
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
    fn silent_on_references_fillers_and_look_alikes() {
        let source = "export GITHUB_TOKEN=\"$GITHUB_TOKEN\"\n\
             token: ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\n\
             prefix only: ghp_ and glpat- and xoxb-\n\
             too short: ghp_abc123 and xoxb-12\n\
             inside a word: sghp_EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN\n";
        assert!(check_rule("RL602", source, None).is_empty());
    }
}
