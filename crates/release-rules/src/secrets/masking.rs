//! Masking secrets wherever a text shows them: the first characters stay visible (never
//! more than four, never more than half), so that a reader can tell which secret it is.

use std::borrow::Cow;

use aho_corasick::{AhoCorasick, MatchKind};
use release_doc::Span;

/// Characters shown at most of a secret.
const VISIBLE: usize = 4;

/// Lines of a multi-line secret shorter than this are not searched on their own: they
/// are too short to tell a secret from other text (`==`, `AAAA`). Shorter secrets are
/// masked only where they are a whole word, not inside longer ones (`ab` in `about`).
const MIN_LINE: usize = 8;

/// How many characters of `secret` stay visible: four, or half of it when that is less.
#[must_use]
pub fn visible_chars(secret: &str) -> usize {
    (secret.chars().count() / 2).min(VISIBLE)
}

/// A secret for messages: its visible characters and `…` (`AKIA…`).
#[must_use]
pub fn mask_in_message(secret: &str) -> String {
    let prefix: String = secret.chars().take(visible_chars(secret)).collect();
    format!("{prefix}…")
}

/// Masks every occurrence of a set of secret values in any text: each keeps its
/// visible characters and every later byte becomes `*`, line breaks excepted, so that
/// byte offsets, spans and line numbers stay valid in a masked source.
///
/// Besides each value as found, it searches each line of a multi-line value (a private
/// key indented differently elsewhere, or dedented in the model), and each value as
/// JSON writes it inside a string (for `parse --format json`).
#[derive(Debug, Clone, Default)]
pub struct Masker {
    searcher: Option<AhoCorasick>,
    /// The visible bytes of each searched text, by pattern index.
    visible: Vec<usize>,
}

impl Masker {
    /// A masker of the texts of `spans` in `source` (spans out of bounds are skipped).
    #[must_use]
    pub fn new(source: &str, spans: impl IntoIterator<Item = Span>) -> Self {
        Self::of_values(spans.into_iter().filter_map(|s| source.get(s.start..s.end)))
    }

    /// A masker of `values`.
    #[must_use]
    pub fn of_values<'a>(values: impl IntoIterator<Item = &'a str>) -> Self {
        let mut pieces: Vec<String> = Vec::new();
        for value in values {
            add_pieces(value, &mut pieces);
        }
        // A single character is filler, never a secret found: masking each occurrence
        // of it would blank the text.
        pieces.retain(|p| p.chars().count() > 1);
        pieces.sort();
        pieces.dedup();
        if pieces.is_empty() {
            return Self::default();
        }
        let searcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pieces)
            .ok();
        let visible = pieces
            .iter()
            .map(|p| {
                p.char_indices()
                    .nth(visible_chars(p))
                    .map_or(p.len(), |(i, _)| i)
            })
            .collect();
        Self { searcher, visible }
    }

    /// Whether there is nothing to mask.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.searcher.is_none()
    }

    /// `text` with every occurrence of every secret masked; borrowed when none occurs.
    #[must_use]
    pub fn mask<'t>(&self, text: &'t str) -> Cow<'t, str> {
        let Some(searcher) = &self.searcher else {
            return Cow::Borrowed(text);
        };
        let mut bytes: Option<Vec<u8>> = None;
        for found in searcher.find_iter(text) {
            let short = text[found.start()..found.end()].chars().count() < MIN_LINE;
            if short && !is_whole_word(text, found.start(), found.end()) {
                continue;
            }
            let keep = self
                .visible
                .get(found.pattern().as_usize())
                .copied()
                .unwrap_or(0);
            let bytes = bytes.get_or_insert_with(|| text.as_bytes().to_vec());
            for b in &mut bytes[found.start() + keep..found.end()] {
                if *b != b'\n' && *b != b'\r' {
                    *b = b'*';
                }
            }
        }
        match bytes {
            // Only whole characters were replaced, by ASCII bytes: still UTF-8. Were it
            // not, the lossy conversion would show U+FFFD rather than stop the run.
            Some(bytes) => Cow::Owned(
                String::from_utf8(bytes)
                    .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            ),
            None => Cow::Borrowed(text),
        }
    }
}

/// Whether `text[start..end]` has no letter, digit or `_` right before or after it.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    !text[..start].chars().next_back().is_some_and(word)
        && !text[end..].chars().next().is_some_and(word)
}

/// The texts to search for `value`: itself, its lines (split at line breaks and at the
/// `\n` escapes of a JSON string) when it has several, and its JSON-escaped form.
fn add_pieces(value: &str, pieces: &mut Vec<String>) {
    pieces.push(value.to_owned());
    if value.contains(['\n', '\r']) || value.contains("\\n") {
        for line in value.split(['\n', '\r']).flat_map(|l| l.split("\\n")) {
            let line = line.trim();
            if line.chars().count() >= MIN_LINE {
                pieces.push(line.to_owned());
            }
        }
    }
    if let Ok(json) = serde_json::to_string(value) {
        let inner = &json[1..json.len() - 1];
        if inner != value {
            pieces.push(inner.to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_in_message_shows_at_most_four_characters_and_half() {
        assert_eq!(mask_in_message("AKIAIOSFODNN7EXAMPLE"), "AKIA…");
        assert_eq!(mask_in_message("hunter2"), "hun…");
        assert_eq!(mask_in_message("abcd"), "ab…");
        assert_eq!(mask_in_message("x"), "…");
        assert_eq!(mask_in_message("ñandú-secreto"), "ñand…");
    }

    #[test]
    fn every_occurrence_is_masked_keeping_every_offset() {
        let src = "key: AKIAIOSFODNN7EXAMPLE\nagain AKIAIOSFODNN7EXAMPLE, pw hunter2\n";
        let start = src.find("AKIA").unwrap();
        let pw = src.find("hunter2").unwrap();
        let masker = Masker::new(src, [Span::new(start, start + 20), Span::new(pw, pw + 7)]);
        let masked = masker.mask(src);
        assert_eq!(
            masked,
            "key: AKIA****************\nagain AKIA****************, pw hun****\n"
        );
        assert_eq!(masked.len(), src.len());
    }

    #[test]
    fn multi_line_values_are_masked_line_by_line_and_as_json() {
        let key = "MIIEvQIBADANBgkqhkiG9w0B\n  AQEFAASCBKcwggSjAgEAAoIB";
        let masker = Masker::of_values([key]);
        // Dedented, as the model holds a YAML block.
        assert_eq!(
            masker.mask("MIIEvQIBADANBgkqhkiG9w0B\nAQEFAASCBKcwggSjAgEAAoIB\n"),
            "MIIE********************\nAQEF********************\n"
        );
        let json = serde_json::to_string(key).unwrap();
        let masked = masker.mask(&json);
        assert!(!masked.contains("ADANBgkq"), "{masked}");
        assert!(!masked.contains("BKcwggSj"), "{masked}");
    }

    #[test]
    fn multi_byte_characters_become_one_star_per_byte() {
        let masker = Masker::of_values(["abcdé€xyz"]);
        let masked = masker.mask("pw: abcdé€xyz;");
        assert_eq!(masked, "pw: abcd********;");
        assert_eq!(masked.len(), "pw: abcdé€xyz;".len());
    }

    #[test]
    fn short_values_keep_half_and_nothing_borrows() {
        assert_eq!(
            Masker::of_values(["ab"]).mask("x ab y, about, lab"),
            "x a* y, about, lab"
        );
        assert!(Masker::of_values(["", "x"]).is_empty());
        assert!(matches!(
            Masker::of_values(["secret1"]).mask("nothing here"),
            Cow::Borrowed(_)
        ));
        assert_eq!(Masker::new("é", [Span::new(1, 2)]).mask("é"), "é");
    }
}
