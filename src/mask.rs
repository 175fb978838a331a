//! Masking secrets in source text before it is shown: a security finding's primary span
//! is exactly the secret, and no output may print it.

use std::borrow::Cow;

use release_doc::Span;
use release_rules::{registry, Diagnostic, Family};

/// Characters of a secret that stay visible, so that a reader can tell which one it is.
const VISIBLE: usize = 4;

/// Whether a finding is of the security family (its primary span is a secret).
pub fn is_secret(diagnostic: &Diagnostic) -> bool {
    registry::find(diagnostic.code).map_or_else(
        || diagnostic.code.starts_with(Family::Security.code_prefix()),
        |rule| rule.meta().family == Family::Security,
    )
}

/// `source` with every secret span masked: its first four characters kept, every later
/// byte replaced by `*`, so that byte offsets (and every span) stay valid.
pub fn mask_secrets<'a>(source: &'a str, secrets: impl IntoIterator<Item = Span>) -> Cow<'a, str> {
    let mut bytes: Option<Vec<u8>> = None;
    for span in secrets {
        let Some(secret) = source.get(span.start..span.end) else {
            continue;
        };
        let keep = secret
            .char_indices()
            .nth(VISIBLE)
            .map_or(secret.len(), |(i, _)| i);
        let bytes = bytes.get_or_insert_with(|| source.as_bytes().to_vec());
        for b in &mut bytes[span.start + keep..span.end] {
            // Keep line breaks so that line numbers do not move.
            if *b != b'\n' && *b != b'\r' {
                *b = b'*';
            }
        }
    }
    match bytes {
        // Only whole characters were replaced, by ASCII bytes: still UTF-8. Were it not,
        // the lossy conversion would show U+FFFD rather than stop the run.
        Some(bytes) => Cow::Owned(
            String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        ),
        None => Cow::Borrowed(source),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_four_characters_and_every_offset() {
        let src = "key: AKIAIOSFODNN7EXAMPLE\nnext";
        let start = src.find("AKIA").unwrap();
        let masked = mask_secrets(src, [Span::new(start, start + 20)]);
        assert_eq!(masked, "key: AKIA****************\nnext");
        assert_eq!(masked.len(), src.len());
        assert!(!masked.contains("IOSFODNN7EXAMPLE"));
    }

    #[test]
    fn multi_byte_characters_become_one_star_per_byte() {
        let src = "pw: abcdé€x;";
        let start = 4;
        let masked = mask_secrets(src, [Span::new(start, src.len() - 1)]);
        assert_eq!(masked.len(), src.len());
        assert_eq!(masked, "pw: abcd******;");
    }

    #[test]
    fn short_secrets_and_bad_spans_are_left_alone() {
        assert_eq!(mask_secrets("ab", [Span::new(0, 2)]), "ab");
        assert!(matches!(mask_secrets("abc", []), Cow::Borrowed(_)));
        assert_eq!(mask_secrets("é", [Span::new(1, 2)]), "é");
    }

    #[test]
    fn secret_codes_are_recognised_even_before_their_rule_exists() {
        let d = |code: &'static str| Diagnostic {
            code,
            name: "x",
            severity: release_rules::Severity::Error,
            message: String::new(),
            span: Span::default(),
            labels: Vec::new(),
            section: None,
            fix: None,
        };
        assert!(is_secret(&d("RL601")));
        assert!(!is_secret(&d("RL201")));
    }
}
