//! The generic credential families of RL604, by where the credential is written: a
//! literal assigned to a credential key ([`assignment`]), the credential of an
//! `Authorization` header ([`header`]), the password of a URL ([`url`]) and a
//! random-looking value right after a credential word ([`random`]); what makes a value a
//! literal rather than a reference or a dummy ([`literal`]); and the one table of
//! credential words they all read ([`WORDS`]).
//!
//! The regexes run over an ASCII-lower-cased copy of the source (same byte offsets), so
//! they need no case-insensitive mode: Unicode case folding of these words would cost
//! more to compile (at every start-up) than the rest of a one-document run. Each runs
//! only on the lines holding one of its words, found in one search.

mod assignment;
mod header;
mod literal;
pub(super) mod random;
mod url;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use release_doc::Span;

pub(super) use assignment::find_assignments;
pub(super) use header::find_authorization_headers;
pub(super) use literal::is_literal;
pub(super) use url::find_url_passwords;

use super::{Hit, Text};

/// A credential word, lower-cased, and what it says where it is found.
#[derive(Debug)]
pub(crate) struct Word {
    /// The word (`api_key`).
    pub text: &'static str,
    /// A key ending in it names a credential: `DB_PASSWORD=…`, `"apiKey": "…"`.
    pub ends_key: bool,
    /// A random-looking value right after it is a credential: `the signing key is 9f86…`.
    pub before_value: bool,
}

const fn word(text: &'static str, ends_key: bool, before_value: bool) -> Word {
    Word {
        text,
        ends_key,
        before_value,
    }
}

/// The credential words: every list the matchers read is derived from this one.
#[rustfmt::skip]
pub(crate) const WORDS: &[Word] = &[
    word("password", true, true),
    word("passwd", true, true),
    word("passphrase", true, true),
    word("secret", true, true),
    word("token", true, true),
    word("credential", true, false),
    word("credentials", true, false),
    word("key", false, true),
    word("apikey", true, false), word("api_key", true, false), word("api-key", true, false),
    word("accesskey", true, false), word("access_key", true, false), word("access-key", true, false),
    word("secretkey", true, false), word("secret_key", true, false), word("secret-key", true, false),
    word("privatekey", true, false), word("private_key", true, false), word("private-key", true, false),
    word("authkey", true, false), word("auth_key", true, false), word("auth-key", true, false),
];

/// The word of the lines an `Authorization` header can be on.
const AUTHORIZATION_WORD: &str = "authorization";

/// The word of the lines a URL can be on.
const URL_WORD: &str = "://";

/// The words a line must hold for a credential word to be on it: the [`WORDS`] that hold
/// no other one (`key` for `api_key`, `secret` for `secret_key`).
fn line_words() -> impl Iterator<Item = &'static str> {
    WORDS
        .iter()
        .map(|w| w.text)
        .filter(|w| !WORDS.iter().any(|o| o.text != *w && w.contains(o.text)))
}

/// The line words, [`AUTHORIZATION_WORD`] and [`URL_WORD`], found in one pass over the
/// text: a search for several literals at once (SIMD in the regex crate), where a search
/// per word read the whole document once for each.
static LINE_SEARCH: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = line_words()
        .chain([AUTHORIZATION_WORD, URL_WORD])
        .map(regex::escape)
        .collect();
    Regex::new(&words.join("|")).expect("valid regex")
});

/// The lines of a text (between `\n`s) that the regexes read, each list in order and
/// without repeats.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct CredentialLines {
    /// Lines with one of the [`WORDS`].
    keys: Vec<Range<usize>>,
    /// Lines with `authorization`.
    authorization: Vec<Range<usize>>,
    /// Lines with `://`.
    urls: Vec<Range<usize>>,
}

/// [`CredentialLines`] of `text`. The search resumes after each match, so it passes over a
/// word that overlaps the one before it (`secretoken`); a property test checks that the
/// lines are those of a search per word, for every word of the table.
fn word_lines(text: &str) -> CredentialLines {
    let mut lines = CredentialLines::default();
    let bytes = text.as_bytes();
    for found in LINE_SEARCH.find_iter(text) {
        let list = match found.as_str() {
            AUTHORIZATION_WORD => &mut lines.authorization,
            URL_WORD => &mut lines.urls,
            _ => &mut lines.keys,
        };
        if list
            .last()
            .is_some_and(|line| line.contains(&found.start()))
        {
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..found.start()]).map_or(0, |i| i + 1);
        let end =
            memchr::memchr(b'\n', &bytes[found.end()..]).map_or(text.len(), |i| found.end() + i);
        list.push(start..end);
    }
    lines
}

/// The [`CredentialLines`] of `text`, found once.
fn lines<'t>(text: &'t Text<'_>) -> &'t CredentialLines {
    text.credential_lines.get_or_init(|| word_lines(text.lower))
}

/// The lines of `text` holding a credential word of the table ([`WORDS`]).
pub(crate) fn key_word_lines<'t>(text: &'t Text<'_>) -> &'t [Range<usize>] {
    &lines(text).keys
}

/// The literal `value` groups `re` finds on `lines` (each holds its word: no such line,
/// no regex compiled) that pass `long_enough`.
fn find_on_lines(
    text: &Text<'_>,
    lines: &[Range<usize>],
    re: &Regex,
    long_enough: fn(&str) -> bool,
) -> Vec<Hit> {
    let mut found = Vec::new();
    for line in lines {
        for c in re.captures_iter(&text.lower[line.clone()]) {
            let Some(value) = c.name("value") else {
                continue;
            };
            let span = Span::new(line.start + value.start(), line.start + value.end());
            let value = span.text(text.source);
            if is_literal(value) && long_enough(value) {
                found.push(Hit::at(span));
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use proptest::prelude::*;

    use super::{line_words, word_lines, CredentialLines, AUTHORIZATION_WORD, URL_WORD, WORDS};

    /// The lines holding one of `words`, one substring search per word.
    fn lines_by_word(text: &str, words: &[&str]) -> Vec<Range<usize>> {
        let mut lines: Vec<Range<usize>> = words
            .iter()
            .flat_map(|word| text.match_indices(word).map(|(at, _)| at))
            .map(|at| {
                let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
                let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
                start..end
            })
            .collect();
        lines.sort_by_key(|line| line.start);
        lines.dedup();
        lines
    }

    /// Texts made of the table's words, the other line words, parts of them and line
    /// breaks: where the one search could take a word for another.
    fn texts() -> impl Strategy<Value = String> {
        let mut parts: Vec<&'static str> = WORDS.iter().map(|w| w.text).collect();
        parts.extend([
            AUTHORIZATION_WORD,
            URL_WORD,
            ":/",
            "ke",
            "pass",
            "a",
            "n",
            "_",
            "\n",
            " ",
        ]);
        proptest::collection::vec(proptest::sample::select(parts), 0..24).prop_map(|p| p.concat())
    }

    proptest::proptest! {
        #[test]
        fn one_search_finds_the_lines_of_every_word(text in texts()) {
            let every_word: Vec<&str> = WORDS.iter().map(|w| w.text).collect();
            let expected = CredentialLines {
                keys: lines_by_word(&text, &every_word),
                authorization: lines_by_word(&text, &[AUTHORIZATION_WORD]),
                urls: lines_by_word(&text, &[URL_WORD]),
            };
            proptest::prop_assert_eq!(word_lines(&text), expected);
        }
    }

    #[test]
    fn the_line_words_are_the_shortest_words() {
        let words: Vec<&str> = line_words().collect();
        assert_eq!(
            words,
            [
                "password",
                "passwd",
                "passphrase",
                "secret",
                "token",
                "credential",
                "key"
            ]
        );
    }
}
