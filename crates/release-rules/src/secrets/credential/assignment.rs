//! A literal assigned to a key ending in a credential word: `DB_PASSWORD=…`,
//! `client_secret: …`, `"apiKey": "…"`, `--token '…'`.

use std::sync::LazyLock;

use regex::Regex;
use release_doc::Span;

use super::{lines, literal::is_literal, Hit, Text, WORDS};
use crate::secrets::has;

/// The words a credential key ends in.
fn key_endings() -> impl Iterator<Item = &'static str> {
    WORDS.iter().filter(|w| w.ends_key).map(|w| w.text)
}

/// Whether ASCII-lower-cased text holds a word an [`ASSIGNMENT`] key ends in: a few
/// substring searches, far cheaper than compiling the regex at start-up.
fn has_key_ending(lower: &str) -> bool {
    key_endings().any(|w| has(lower, w))
}

/// `key = ` / `key: ` / `"key": ` with a key ending in a credential word.
static ASSIGNMENT: LazyLock<Regex> = LazyLock::new(|| {
    let endings: Vec<String> = key_endings().map(regex::escape).collect();
    Regex::new(&format!(
        r#"(?<key>[a-z0-9_.\-]*(?:{}))["']?[ \t]*(?<sep>:=|=>|=|:)[ \t]*"#,
        endings.join("|")
    ))
    .expect("valid regex")
});

/// The literal values of `key = value` / `key: value` assignments to a credential key.
pub(in crate::secrets) fn find_assignments(text: &Text<'_>) -> Vec<Hit> {
    let (source, lower) = (text.source, text.lower);
    let mut found = Vec::new();
    // `lower`: the source with ASCII letters lower-cased, same byte offsets.
    // An assignment is on one line: the regex runs only on the lines with a key word.
    // Every key ending is, or holds, a line word: the source holds one exactly when one
    // of these lines does.
    let lines = &lines(text).keys;
    if !lines
        .iter()
        .any(|line| has_key_ending(&lower[line.clone()]))
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

/// Characters that end an unquoted value.
fn ends_value(c: char) -> bool {
    c.is_whitespace() || "\"'`,;&|)]}".contains(c)
}

#[cfg(test)]
mod tests {
    use super::ASSIGNMENT;

    /// The regex as it was written by hand before it was built from the table.
    const WRITTEN: &str = r#"(?<key>[a-z0-9_.\-]*(?:password|passwd|passphrase|secret|token|api[_\-]?key|access[_\-]?key|secret[_\-]?key|private[_\-]?key|auth[_\-]?key|credentials?))["']?[ \t]*(?<sep>:=|=>|=|:)[ \t]*"#;

    #[test]
    fn the_regex_built_from_the_table_finds_what_the_written_one_found() {
        let written = regex::Regex::new(WRITTEN).expect("valid regex");
        for text in [
            "db_password: x",
            "pgpassword=x",
            "passwd := x",
            "my.passphrase => x",
            "client_secret: x",
            "token=x",
            "--token x",
            "api_key: x",
            "apikey=x",
            "api-key: x",
            "x-api-key: x",
            "access_key=x",
            "secretkey: x",
            "secret-key: x",
            "private_key=x",
            "authkey: x",
            "auth_key=x",
            "credentials: x",
            "credential=x",
            "\"apikey\": \"x\"",
            "key: x",
            "keys: x",
            "monkey=x",
            "token_type: x",
            "password_hash: x",
            "passwords = x",
            "tokens: x",
            "a-b.c_d-token= x",
        ] {
            let found = |re: &regex::Regex| -> Vec<(usize, usize, String)> {
                re.captures_iter(text)
                    .map(|c| {
                        let whole = c.get(0).map(|m| (m.start(), m.end())).unwrap_or_default();
                        let key = c
                            .name("key")
                            .map(|m| m.as_str().to_owned())
                            .unwrap_or_default();
                        (whole.0, whole.1, key)
                    })
                    .collect()
            };
            assert_eq!(found(&ASSIGNMENT), found(&written), "{text}");
        }
    }
}
