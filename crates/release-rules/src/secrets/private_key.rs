//! The private-key family: the key material of a PEM, OpenSSH or PGP private key block
//! (`-----BEGIN … PRIVATE KEY-----`).

use std::sync::LazyLock;

use regex::Regex;
use release_doc::Span;

use super::{has, Hit, Text};

/// The opening line of a private key; `kind` is what precedes `PRIVATE KEY`.
static BEGIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"-----BEGIN (?<kind>(?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----")
        .expect("valid regex")
});

/// Any PEM closing line.
static END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"-----END [A-Z0-9 ]*-----").expect("valid regex"));

/// Sixteen Base64 characters in a row: real key material.
static MATERIAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9+/]{16}").expect("valid regex"));

/// The private keys in `text`: for each, the key material.
pub(crate) fn find(text: &Text<'_>) -> Vec<Hit> {
    let source = text.source;
    if !has(source, "PRIVATE KEY") {
        return Vec::new();
    }
    let mut found = Vec::new();
    for c in BEGIN.captures_iter(source) {
        let Some(header) = c.get(0) else { continue };
        let kind = c.name("kind").map_or("", |k| k.as_str());
        let rest = source.get(header.end()..).unwrap_or_default();
        let end = header.end()
            + END
                .find(rest)
                .map_or_else(|| unterminated_end(rest), |m| m.start());
        let body = source.get(header.end()..end).unwrap_or_default();
        // A key inside a JSON string has `\n` escapes for its line breaks.
        let (from, to) = material_range(body);
        let material = body.get(from..to).unwrap_or_default();
        if !MATERIAL.is_match(material) {
            continue;
        }
        let start = header.end() + from;
        found.push(Hit {
            span: Span::new(start, start + material.len()),
            kind: Some(describe(kind)),
        });
    }
    found
}

/// Where `body` starts and ends without the white space and `\n` / `\r` escapes
/// at its ends.
fn material_range(body: &str) -> (usize, usize) {
    let (mut start, mut end) = (0, body.len());
    loop {
        let text = body.get(start..end).unwrap_or_default();
        let head = text.trim_start();
        let head = ["\\n", "\\r"]
            .iter()
            .find_map(|e| head.strip_prefix(e))
            .unwrap_or(head);
        let new_start = end - head.len();
        let tail = head.trim_end();
        let tail = ["\\n", "\\r"]
            .iter()
            .find_map(|e| tail.strip_suffix(e))
            .unwrap_or(tail);
        let new_end = new_start + tail.len();
        if (new_start, new_end) == (start, end) {
            return (start, end);
        }
        (start, end) = (new_start, new_end);
    }
}

/// Where a block without an `-----END` line stops: at the first blank line or code
/// fence after the header line.
fn unterminated_end(rest: &str) -> usize {
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let text = line.trim();
        if offset > 0 && (text.is_empty() || text.starts_with("```") || text.starts_with("~~~")) {
            break;
        }
        offset += line.len();
    }
    offset
}

/// `RSA private key`, `OpenSSH private key`, ... from what precedes `PRIVATE KEY`.
fn describe(kind: &str) -> String {
    let name = match kind.trim() {
        "" => return "private key".to_owned(),
        "OPENSSH" => "OpenSSH",
        "ENCRYPTED" => "encrypted",
        other => other,
    };
    format!("{name} private key")
}
