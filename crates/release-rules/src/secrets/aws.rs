//! The AWS families: access key ids (`AKIA…`, `ASIA…`) and secret access keys after
//! their name (`aws_secret_access_key = …`).

use std::sync::LazyLock;

use regex::Regex;
use release_doc::Span;

use super::{continues, has, is_filler, Hit, Text};

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

#[cfg(test)]
mod tests {
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
}
