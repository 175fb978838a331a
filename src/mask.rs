//! Masking secrets before any output shows them: the values the security findings point
//! at and the values the table of secret families finds
//! ([`release_rules::secrets::find`]), every occurrence of each, in snippets, messages,
//! labels, and the output of `parse` and `notes`.

use std::borrow::Cow;

use release_doc::Span;
use release_rules::secrets::{self, Masker};
use release_rules::{registry, Diagnostic, Family};

/// Whether a finding is of the security family (its primary span is a secret).
pub fn is_secret(diagnostic: &Diagnostic) -> bool {
    registry::find(diagnostic.code).map_or_else(
        || diagnostic.code.starts_with(Family::Security.code_prefix()),
        |rule| rule.meta().family == Family::Security,
    )
}

/// The secrets of `source`: the primary spans of its security findings among
/// `diagnostics` (a configured `secret-patterns` entry finds some), and whatever the
/// table of families finds, so that a suppressed or deselected finding's secret is
/// masked too.
pub fn secret_spans<'d>(
    source: &str,
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
) -> Vec<Span> {
    let mut spans: Vec<Span> = diagnostics
        .into_iter()
        .filter(|d| is_secret(d))
        .map(|d| d.span)
        .collect();
    spans.extend(secrets::find(source).into_iter().map(|s| s.span));
    spans
}

/// A masker of every secret of `source` (see [`secret_spans`]).
pub fn masker<'d>(source: &str, diagnostics: impl IntoIterator<Item = &'d Diagnostic>) -> Masker {
    Masker::new(source, secret_spans(source, diagnostics))
}

/// `source` with every secret masked, for snippets: each span itself (its first
/// characters kept, every later byte `*`) and every other occurrence of its value, so
/// that byte offsets (and every span) stay valid.
pub fn mask_source<'a>(source: &'a str, spans: &[Span], masker: &Masker) -> Cow<'a, str> {
    let mut bytes: Option<Vec<u8>> = None;
    for span in spans {
        let Some(secret) = source.get(span.start..span.end) else {
            continue;
        };
        let keep = secret
            .char_indices()
            .nth(secrets::visible_chars(secret))
            .map_or(secret.len(), |(i, _)| i);
        let bytes = bytes.get_or_insert_with(|| source.as_bytes().to_vec());
        for b in &mut bytes[span.start + keep..span.end] {
            // Keep line breaks so that line numbers do not move.
            if *b != b'\n' && *b != b'\r' {
                *b = b'*';
            }
        }
    }
    let spans_masked = match bytes {
        // Only whole characters were replaced, by ASCII bytes: still UTF-8. Were it not,
        // the lossy conversion would show U+FFFD rather than stop the run.
        Some(bytes) => Cow::Owned(
            String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        ),
        None => Cow::Borrowed(source),
    };
    match masker.mask(&spans_masked) {
        Cow::Borrowed(_) => spans_masked,
        Cow::Owned(text) => Cow::Owned(text),
    }
}

/// Mask the messages and labels of `diagnostics`: a finding of another rule may quote a
/// value that holds a secret (`` `ghp_…` is not a valid Release Type ``).
pub fn mask_messages(diagnostics: &mut [Diagnostic], masker: &Masker) {
    if masker.is_empty() {
        return;
    }
    for d in diagnostics {
        if let Cow::Owned(message) = masker.mask(&d.message) {
            d.message = message;
        }
        for label in &mut d.labels {
            if let Cow::Owned(message) = masker.mask(&label.message) {
                label.message = message;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic(code: &'static str, span: Span, message: &str) -> Diagnostic {
        Diagnostic {
            code,
            name: "x",
            severity: release_rules::Severity::Error,
            message: message.to_owned(),
            span,
            labels: Vec::new(),
            section: None,
            fix: None,
        }
    }

    #[test]
    fn keeps_four_characters_every_offset_and_masks_every_occurrence() {
        let src = "key: AKIAIOSFODNN7EXAMPLE\nsame: AKIAIOSFODNN7EXAMPLE\n";
        let start = src.find("AKIA").unwrap();
        let spans = [Span::new(start, start + 20)];
        let masked = mask_source(src, &spans, &Masker::new(src, spans));
        assert_eq!(
            masked,
            "key: AKIA****************\nsame: AKIA****************\n"
        );
        assert_eq!(masked.len(), src.len());
    }

    #[test]
    fn secrets_no_finding_points_at_are_found_by_the_table() {
        // A Slack webhook, with no finding (suppressed or deselected).
        let src =
            "hook: https://hooks.slack.com/services/T0EXAMPLE/B0EXAMPLE/EXAMPLE0not0a0real0hook0\n";
        let spans = secret_spans(src, []);
        let masked = mask_source(src, &spans, &Masker::new(src, spans.iter().copied()));
        assert!(!masked.contains("B0EXAMPLE"), "{masked}");
        assert!(masked.contains("services/T0EX****"), "{masked}");
    }

    #[test]
    fn messages_of_every_rule_are_masked() {
        let src = "| Release Type | ghp_EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN |\n";
        let mut found = vec![diagnostic(
            "RL301",
            Span::new(0, 1),
            "`ghp_EXAMPLE0000TOKEN0000NOT0A0REAL0TOKEN` is not a Release Type",
        )];
        let masker = masker(src, &found);
        mask_messages(&mut found, &masker);
        assert_eq!(
            found[0].message,
            "`ghp_************************************` is not a Release Type"
        );
    }

    #[test]
    fn secret_codes_are_recognised_even_before_their_rule_exists() {
        assert!(is_secret(&diagnostic("RL601", Span::default(), "")));
        assert!(is_secret(&diagnostic("RL699", Span::default(), "")));
        assert!(!is_secret(&diagnostic("RL201", Span::default(), "")));
    }
}
