//! Scalar text as written: where a quoted scalar closes, and its text with quotes removed and
//! escapes decoded.

/// Byte index of the quote closing the quoted scalar that opens `text`.
pub(super) fn closing_quote(text: &str, quote: char) -> Option<usize> {
    let mut chars = text.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
            } else {
                return Some(i);
            }
        }
    }
    None
}

/// The quote a scalar written as `raw` is quoted with (`'` or `"`) and the byte range of
/// its text between the quotes; `None` for a plain scalar. A scalar is quoted when it
/// starts and ends with the same quote, two characters or more (`"` alone is plain).
/// The one test for it: the parser unquotes with it, and RL101 looks between the quotes.
#[doc(hidden)]
#[must_use]
pub fn quoted_scalar(raw: &str) -> Option<(char, std::ops::Range<usize>)> {
    let quote = ['\'', '"'].into_iter().find(|&q| raw.starts_with(q))?;
    (raw.len() >= 2 && raw.ends_with(quote)).then(|| (quote, 1..raw.len() - 1))
}

/// A scalar's text: quotes removed and escapes decoded (plain text is returned as is).
pub(super) fn unquote(raw: &str) -> String {
    let Some((quote, inner)) = quoted_scalar(raw) else {
        return raw.to_owned();
    };
    let inner = raw.get(inner).unwrap_or("");
    if quote == '\'' {
        return inner.replace("''", "'");
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        let hex = |n: usize, chars: &mut std::str::Chars<'_>| {
            let digits: String = chars.by_ref().take(n).collect();
            u32::from_str_radix(&digits, 16)
                .ok()
                .and_then(char::from_u32)
        };
        let decoded = match e {
            'n' => Some('\n'),
            't' | '\t' => Some('\t'),
            'r' => Some('\r'),
            '0' => Some('\0'),
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            'e' => Some('\u{1b}'),
            'f' => Some('\u{c}'),
            'v' => Some('\u{b}'),
            ' ' => Some(' '),
            '"' => Some('"'),
            '/' => Some('/'),
            '\\' => Some('\\'),
            'N' => Some('\u{85}'),
            '_' => Some('\u{a0}'),
            'L' => Some('\u{2028}'),
            'P' => Some('\u{2029}'),
            'x' => hex(2, &mut chars),
            'u' => hex(4, &mut chars),
            'U' => hex(8, &mut chars),
            _ => None,
        };
        match decoded {
            Some(d) => out.push(d),
            None => {
                out.push('\\');
                out.push(e);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{quoted_scalar, unquote};

    #[test]
    fn a_scalar_is_quoted_when_the_same_quote_opens_and_closes_it() {
        let inner = |raw: &'static str| quoted_scalar(raw).map(|(q, r)| (q, &raw[r]));
        assert_eq!(inner("\"x\""), Some(('"', "x")));
        assert_eq!(inner("'x'"), Some(('\'', "x")));
        assert_eq!(inner("\"\""), Some(('"', "")));
        assert_eq!(inner("''"), Some(('\'', "")));
        assert_eq!(inner("\"é ü\""), Some(('"', "é ü")));
        assert_eq!(inner("\"a\\\""), Some(('"', "a\\")));
        for plain in [
            "", "\"", "'", "\"x'", "'x\"", "x\"", "\"x", "plain", " \"x\"",
        ] {
            assert_eq!(quoted_scalar(plain), None, "{plain:?}");
        }
    }

    #[test]
    fn unquoting_decodes_what_the_quotes_hold() {
        assert_eq!(unquote("'it''s'"), "it's");
        assert_eq!(unquote("\"a\\tb\""), "a\tb");
        assert_eq!(unquote("\"é\""), "é");
        assert_eq!(unquote("\""), "\"");
        assert_eq!(unquote("plain 'x'"), "plain 'x'");
    }
}
