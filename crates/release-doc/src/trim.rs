//! The white space `str::trim` trims, as bytes, for the readers that scan ASCII text a
//! byte at a time (section titles, table cells).
//!
//! Texts are trimmed with `str::trim` itself: a byte-wise trim beside it saved 0.7 % of
//! the corpus check's instructions, too little to keep a second definition
//! (docs/performance.md, "One path (issue 17)").

/// Whether `b` is an ASCII character `char::is_whitespace` accepts (`u8::is_ascii_whitespace`
/// leaves out the vertical tab).
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascii_spaces_are_those_of_char_is_whitespace() {
        for b in 0..=127u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b:#04x}");
        }
    }
}
