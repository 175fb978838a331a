//! White-space trimming that reads ASCII ends as bytes.
//!
//! `str::trim` decodes a character at each end before it can stop, which costs more than
//! the rest of reading most cells and values. Nearly every text of a document begins and
//! ends with ASCII, so these functions look at bytes and hand the text to the standard
//! trims only when they reach a non-ASCII byte. They trim exactly what `str::trim` trims
//! (`char::is_whitespace`), which a property test checks.

/// The ASCII characters `char::is_whitespace` accepts (`u8::is_ascii_whitespace` leaves
/// out the vertical tab).
#[doc(hidden)]
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ')
}

/// `text.trim()`.
#[inline]
pub(crate) fn trim(text: &str) -> &str {
    trim_end(trim_start(text))
}

/// `text.trim_start()`.
#[inline]
pub(crate) fn trim_start(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() && is_ascii_space(bytes[at]) {
        at += 1;
    }
    // `at` follows ASCII bytes only: a character boundary.
    let rest = text.get(at..).unwrap_or_default();
    match bytes.get(at) {
        Some(b) if !b.is_ascii() => rest.trim_start(),
        _ => rest,
    }
}

/// `text.trim_end()`.
#[inline]
pub(crate) fn trim_end(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while end > 0 && is_ascii_space(bytes[end - 1]) {
        end -= 1;
    }
    // Only ASCII bytes follow `end`: a character boundary.
    let kept = text.get(..end).unwrap_or_default();
    match end.checked_sub(1).map(|last| bytes[last]) {
        Some(b) if !b.is_ascii() => kept.trim_end(),
        _ => kept,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn trims_what_the_standard_trims_trim(text in "[ \t\n\r\u{b}\u{c}a|\u{a0}\u{85}\u{2003}\u{3000}é]{0,12}") {
            proptest::prop_assert_eq!(trim(&text), text.trim());
            proptest::prop_assert_eq!(trim_start(&text), text.trim_start());
            proptest::prop_assert_eq!(trim_end(&text), text.trim_end());
        }
    }

    #[test]
    fn unicode_space_at_either_end_is_trimmed() {
        assert_eq!(trim("\u{a0} a \u{3000}"), "a");
        assert_eq!(trim(" \u{2003}"), "");
        assert_eq!(trim_end("é\u{85}"), "é");
    }
}
