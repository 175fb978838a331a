//! The generic credential families of RL604: a literal assigned to a credential key
//! (`DB_PASSWORD=…`), the credential of an `Authorization` header, and the password of
//! a URL; and what makes a value a literal rather than a reference or a dummy.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use release_doc::Span;

use super::{has, is_filler, Hit, Text};

// The regexes run over an ASCII-lower-cased copy of the source (same byte offsets), so
// they need no case-insensitive mode: Unicode case folding of these words would cost
// more to compile (at every start-up) than the rest of a one-document run. Each is
// compiled only when a line holds one of its words.

/// Words an [`ASSIGNMENT`] key can end in, lower-cased, besides the `…key` ones.
const ASSIGNMENT_WORDS: &[&str] = &["passw", "passphrase", "secret", "token", "credential"];

/// The `…key` endings of an [`ASSIGNMENT`] key, lower-cased.
const KEY_WORDS: &[&str] = &[
    "apikey",
    "api_key",
    "api-key",
    "accesskey",
    "access_key",
    "access-key",
    "privatekey",
    "private_key",
    "private-key",
    "authkey",
    "auth_key",
    "auth-key",
];

/// Every [`ASSIGNMENT`] key word contains one of these.
const LINE_WORDS: &[&str] = &[
    "passw",
    "passphrase",
    "secret",
    "token",
    "key",
    "credential",
];

/// The [`LINE_WORDS`], `authorization` and `://`, found in one pass over the text: a
/// search for several literals at once (SIMD in the regex crate), where a search per
/// word read the whole document eight times.
static WORDS: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = LINE_WORDS
        .iter()
        .chain(&["authorization", "://"])
        .map(|w| regex::escape(w))
        .collect();
    Regex::new(&words.join("|")).expect("valid regex")
});

/// The lines of a text (between `\n`s) that the regexes read, each list in order and
/// without repeats.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct CredentialLines {
    /// Lines with one of the [`LINE_WORDS`].
    keys: Vec<Range<usize>>,
    /// Lines with `authorization`.
    authorization: Vec<Range<usize>>,
    /// Lines with `://`.
    urls: Vec<Range<usize>>,
}

/// [`CredentialLines`] of `text`. The search resumes after each match, so it passes over a
/// word that overlaps the one before it (`secretoken`): that word is on the same line,
/// and of the same kind, since no word of one kind overlaps a word of another: no key
/// word ends with `a`, the first letter of `authorization`, or starts with `n`, its
/// last, and `://` has no letter.
fn word_lines(text: &str) -> CredentialLines {
    let mut lines = CredentialLines::default();
    let bytes = text.as_bytes();
    for found in WORDS.find_iter(text) {
        let list = match found.as_str() {
            "authorization" => &mut lines.authorization,
            "://" => &mut lines.urls,
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

/// Whether ASCII-lower-cased text holds a word an [`ASSIGNMENT`] key ends in: a few
/// substring searches, far cheaper than compiling the regex at start-up.
fn has_assignment_word(lower: &str) -> bool {
    ASSIGNMENT_WORDS.iter().any(|w| has(lower, w))
        || (has(lower, "key") && KEY_WORDS.iter().any(|w| has(lower, w)))
}

/// `key = ` / `key: ` / `"key": ` with a key ending in a credential word.
static ASSIGNMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?<key>[a-z0-9_.\-]*(?:password|passwd|passphrase|secret|token|api[_\-]?key|access[_\-]?key|secret[_\-]?key|private[_\-]?key|auth[_\-]?key|credentials?))["']?[ \t]*(?<sep>:=|=>|=|:)[ \t]*"#,
    )
    .expect("valid regex")
});

/// `Authorization: Bearer …` (also `Basic`, `Token`).
static AUTHORIZATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?-u:\b)authorization["']?[ \t]*[:=][ \t]*["']?(?:bearer|basic|token)[ \t]+(?<value>[^\s"'`]+)"#)
        .expect("valid regex")
});

/// `scheme://user:password@host`, the user possibly empty (`redis://:password@host`).
static URL_PASSWORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?-u:\b)[a-z][a-z0-9+.\-]*://[^\s:/@"'`<>]*:(?<value>[^\s/@"'`<>]+)@"#)
        .expect("valid regex")
});

/// Whole values that are dummies, lower-cased.
#[rustfmt::skip]
const DUMMIES: &[&str] = &[
    "changeme", "change-me", "change_me", "changeit", "redacted", "removed", "masked",
    "hidden", "secret", "password", "passwd", "pass", "token", "example", "dummy", "test",
    "placeholder", "null", "nil", "none", "n/a", "true", "false", "yes", "no", "required",
    "optional", "string", "value", "undefined", "empty", "foo", "bar", "baz", "abc", "xyz",
    "new", "await", "this", "self",
];

/// Text that makes a value a dummy wherever it appears, lower-cased.
const DUMMY_PARTS: &[&str] = &[
    "example", "redacted", "changeme", "your-", "your_", "<", "{{", "{%",
];

/// Characters that end an unquoted value.
fn ends_value(c: char) -> bool {
    c.is_whitespace() || "\"'`,;&|)]}".contains(c)
}

/// The [`CredentialLines`] of `text`, found once.
fn lines<'t>(text: &'t Text<'_>) -> &'t CredentialLines {
    text.credential_lines.get_or_init(|| word_lines(text.lower))
}

/// The lines of `text` holding a credential word (`key`, `token`, `passw`, ...).
pub(crate) fn key_word_lines<'t>(text: &'t Text<'_>) -> &'t [Range<usize>] {
    &lines(text).keys
}

/// The literal values of `key = value` / `key: value` assignments to a credential key.
pub(crate) fn find_assignments(text: &Text<'_>) -> Vec<Hit> {
    let (source, lower) = (text.source, text.lower);
    let mut found = Vec::new();
    // `lower`: the source with ASCII letters lower-cased, same byte offsets.
    // An assignment is on one line: the regex runs only on the lines with a key word.
    // Every assignment word is, or holds, a line word: the source holds one exactly when
    // one of these lines does.
    let lines = &lines(text).keys;
    if !lines
        .iter()
        .any(|line| has_assignment_word(&lower[line.clone()]))
    {
        return found;
    }
    let assignments = lines.iter().flat_map(|line| {
        ASSIGNMENT
            .captures_iter(&lower[line.clone()])
            .map(move |c| (line.start, c))
    });
    for (offset, c) in assignments {
        let (Some(whole), Some(key), Some(sep)) = (c.get(0), c.name("key"), c.name("sep")) else {
            continue;
        };
        let end = offset + whole.end();
        let rest = source.get(end..).unwrap_or_default();
        // `==` compares, `key::` and `scheme://` are paths.
        if rest.starts_with('=') || (sep.as_str() == ":" && rest.starts_with([':', '/'])) {
            continue;
        }
        let Some((value, quoted)) = value_at(source, end) else {
            continue;
        };
        let value_text = value.text(source);
        let prose_proof = sep.as_str() != ":"
            || quoted
            || (rest_of_line_is_empty(source, value.end) && looks_secret(value_text));
        if prose_proof && is_literal(value_text) {
            let key = source
                .get(offset + key.start()..offset + key.end())
                .unwrap_or_default();
            found.push(Hit {
                span: value,
                kind: Some(format!("`{key}` credential")),
            });
        }
    }
    found
}

/// The credentials of `Authorization: Bearer|Basic|Token …` headers, 8 characters or more.
pub(crate) fn find_authorization_headers(text: &Text<'_>) -> Vec<Hit> {
    find_on_lines(text, &lines(text).authorization, &AUTHORIZATION, |value| {
        value.len() >= 8
    })
}

/// The passwords of URLs (`scheme://user:password@host`).
pub(crate) fn find_url_passwords(text: &Text<'_>) -> Vec<Hit> {
    find_on_lines(text, &lines(text).urls, &URL_PASSWORD, |_| true)
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

/// The value starting at `start`: inside quotes when quoted (and closed on the line),
/// else up to the first space, quote, `,`, `;`, `&`, `|` or closing bracket.
fn value_at(source: &str, start: usize) -> Option<(Span, bool)> {
    let rest = source.get(start..)?;
    let line = &rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())];
    let mut chars = line.chars();
    let first = chars.next()?;
    if first == '"' || first == '\'' {
        let inner = &line[1..];
        if let Some(close) = inner.find(first) {
            return Some((Span::new(start + 1, start + 1 + close), true));
        }
    }
    let len = line.find(ends_value).unwrap_or(line.len());
    Some((Span::new(start, start + len), false))
}

/// Nothing but space, a comment, a closing bracket or a table pipe after `end` on its line.
fn rest_of_line_is_empty(source: &str, end: usize) -> bool {
    let rest = source.get(end..).unwrap_or_default();
    let line = rest[..rest.find(['\n', '\r']).unwrap_or(rest.len())].trim();
    line.is_empty() || line.starts_with(['#', ',', ';', '|', '`', ')', ']', '}'])
}

/// A digit or a symbol in it, or long: unlike a word of prose.
fn looks_secret(value: &str) -> bool {
    value.chars().count() >= 16 || value.chars().any(|c| !c.is_alphabetic())
}

/// Whether `value` is a literal credential: not a reference, a path, a dummy or a number.
pub(crate) fn is_literal(value: &str) -> bool {
    let lower = value.to_lowercase();
    let reference = value.starts_with(['$', '%', '!', '*', '<', '@', '/', '~'])
        || value.starts_with("./")
        || value.starts_with("../")
        || value.contains('(');
    let dummy = DUMMIES.contains(&lower.as_str())
        || DUMMY_PARTS.iter().any(|p| lower.contains(p))
        || is_filler(value)
        || value
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
        || is_sentence(value);
    value.chars().any(char::is_alphanumeric) && !reference && !dummy
}

/// Three words or more of letters only: a description, not a secret.
fn is_sentence(value: &str) -> bool {
    let mut words = 0;
    for word in value.split_whitespace() {
        if !word.chars().all(char::is_alphabetic) {
            return false;
        }
        words += 1;
    }
    words >= 3
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::{word_lines, CredentialLines, LINE_WORDS};

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

    proptest::proptest! {
        #[test]
        fn one_search_finds_the_lines_of_every_word(
            parts in proptest::collection::vec(
                "passw|passphrase|secret|token|key|credential|authorization|://|:/|ke|a|\n| ",
                0..24,
            )
        ) {
            let text = parts.concat();
            let expected = CredentialLines {
                keys: lines_by_word(&text, LINE_WORDS),
                authorization: lines_by_word(&text, &["authorization"]),
                urls: lines_by_word(&text, &["://"]),
            };
            proptest::prop_assert_eq!(word_lines(&text), expected);
        }
    }
}
