//! The generic family: a random-looking value right after a `key`, `secret`, `token` or
//! `password` word, where no assignment says it is one (`| Deploy token | q8Zr… |`,
//! `the signing key is 9f86…`).
//!
//! Random is measured by Shannon entropy, with two more tests that keep words out:
//! upper- and lower-case letters and digits all in it (or only hexadecimal digits), and
//! the kind of character (upper, lower, digit, symbol) changing at least every third
//! character, which joined words (`PaymentsCheckoutRollout2024`) do not do.

use release_doc::Span;

use super::{is_literal, key_word_lines, Hit, Text, WORDS};

/// Characters a value has at least.
const MIN_LEN: usize = 20;
/// Hexadecimal values are longer: 32 digits (128 bits) at least.
const MIN_HEX_LEN: usize = 32;
/// Bits per character a value has at least (a random Base62 string of 20 characters has
/// about 4.0; English words joined together about 3.3).
const MIN_ENTROPY: f64 = 3.5;
/// The same for hexadecimal values, whose alphabet allows 4.0 at most.
const MIN_HEX_ENTROPY: f64 = 3.0;

/// The random-looking values right after a credential word in `text`.
pub(in crate::secrets) fn find(text: &Text<'_>) -> Vec<Hit> {
    let mut hits = Vec::new();
    for line in key_word_lines(text) {
        let lower = &text.lower[line.clone()];
        for word in WORDS.iter().filter(|w| w.before_value).map(|w| w.text) {
            for (at, _) in lower.match_indices(word) {
                let end = line.start + at + word.len();
                if continues_identifier(text.lower, end) {
                    continue;
                }
                let Some(span) = value_after(text.source, end, line.end) else {
                    continue;
                };
                let value = span.text(text.source);
                if looks_random(value) && is_literal(value) {
                    hits.push(Hit::at(span));
                }
            }
        }
    }
    hits.sort_by_key(|h| h.span.start);
    hits.dedup();
    hits
}

/// Whether the word ending at `end` goes on (`keys`, `keyboard`, `token_type`).
fn continues_identifier(lower: &str, end: usize) -> bool {
    lower
        .as_bytes()
        .get(end)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// The value after a credential word ending at `start`, on the line ending at
/// `line_end`: past separators (space, `:`, `=`, `|`, quotes, backticks, `*`) and the
/// words `is` and `was`, a run of letters, digits and `+/=_-.~` (a final `.` or `-`
/// ends the sentence, not the value).
fn value_after(source: &str, start: usize, line_end: usize) -> Option<Span> {
    let line = source.get(start..line_end)?;
    let mut offset = 0;
    loop {
        let rest = &line[offset..];
        let skipped = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() || ":=|\"'`*>(".contains(c))
                .len();
        offset += skipped;
        let rest = &line[offset..];
        match ["is ", "was "].iter().find(|w| rest.starts_with(**w)) {
            Some(w) => offset += w.len(),
            None => break,
        }
    }
    let rest = &line[offset..];
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || "+/=_-.~".contains(c)))
        .unwrap_or(rest.len());
    let value = rest[..len].trim_end_matches(['.', '-', ',']);
    (!value.is_empty() && offset > 0)
        .then(|| Span::new(start + offset, start + offset + value.len()))
}

/// Whether `value` looks random: long enough, mixed, changing kind often, and with
/// enough entropy; never a UUID.
fn looks_random(value: &str) -> bool {
    let len = value.chars().count();
    if len < MIN_LEN || is_uuid(value) {
        return false;
    }
    let hex = value.chars().all(|c| c.is_ascii_hexdigit());
    if hex {
        return len >= MIN_HEX_LEN
            && value.chars().any(|c| c.is_ascii_digit())
            && value.chars().any(|c| c.is_ascii_alphabetic())
            && entropy(value) >= MIN_HEX_ENTROPY;
    }
    let mixed = value.chars().any(|c| c.is_ascii_uppercase())
        && value.chars().any(|c| c.is_ascii_lowercase())
        && value.chars().any(|c| c.is_ascii_digit());
    mixed && changes_of_kind(value) * 3 >= len && entropy(value) >= MIN_ENTROPY
}

/// Shannon entropy of `value`, in bits per character.
fn entropy(value: &str) -> f64 {
    let mut counts = [0u32; 128];
    let mut total = 0u32;
    for b in value.bytes().filter(u8::is_ascii) {
        counts[usize::from(b)] += 1;
        total += 1;
    }
    if total == 0 {
        return 0.0;
    }
    let total = f64::from(total);
    counts
        .iter()
        .filter(|&&n| n > 0)
        .map(|&n| {
            let p = f64::from(n) / total;
            -p * p.log2()
        })
        .sum()
}

/// How often the kind of character (upper, lower, digit, other) changes along `value`.
fn changes_of_kind(value: &str) -> usize {
    let kind = |c: char| {
        if c.is_ascii_uppercase() {
            0
        } else if c.is_ascii_lowercase() {
            1
        } else if c.is_ascii_digit() {
            2
        } else {
            3
        }
    };
    let kinds: Vec<u8> = value.chars().map(kind).collect();
    kinds.windows(2).filter(|w| w[0] != w[1]).count()
}

/// `8-4-4-4-12` hexadecimal digits: an identifier, not a secret.
fn is_uuid(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_of_known_strings() {
        assert!(entropy("aaaa").abs() < 1e-9);
        assert!((entropy("abcd") - 2.0).abs() < 1e-9);
        assert!(entropy("q8Zr2LmX0pR4vT7wK9sB3nYc") > 4.0);
    }

    #[test]
    fn random_values_and_words() {
        assert!(looks_random("q8Zr2LmX0pR4vT7wK9sB3nYc"));
        assert!(looks_random(
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
        ));
        for word in [
            "PaymentsCheckoutRollout2024",
            "payments-api-v2-rollout-2024-06",
            "checkout_v2_enabled_2024_rollout",
            "123e4567-e89b-12d3-a456-426614174000",
            "0123456789abcdef0123",
            "Short1aB",
        ] {
            assert!(!looks_random(word), "{word}");
        }
    }

    #[test]
    fn the_value_after_the_word() {
        let at = |s: &str, word: &str| {
            let end = s.find(word).unwrap() + word.len();
            value_after(s, end, s.len()).map(|span| span.text(s).to_owned())
        };
        assert_eq!(at("token: abc", "token").as_deref(), Some("abc"));
        assert_eq!(at("| Key | `Zx9` |", "Key").as_deref(), Some("Zx9"));
        assert_eq!(at("the key is ab1.", "key").as_deref(), Some("ab1"));
        assert_eq!(at("**Token**: was q1", "Token").as_deref(), Some("q1"));
        assert_eq!(at("key", "key"), None);
        assert_eq!(at("keyed", "key"), None);
    }
}
