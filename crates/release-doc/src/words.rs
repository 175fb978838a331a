//! Lower-cased words one space apart: the one normaliser behind the comparison of
//! headings and labels ([`crate::normalize_title`]) and the reading of status cells.

/// Append the words of `text` (split on white space) to `out`, lower-cased, one space
/// apart, without the characters `drop` leaves out; `rewrite` may replace a whole word
/// (`and` by `&`). A word left empty adds no separator either.
///
/// A word that is ASCII and holds nothing to drop is copied and lower-cased in place;
/// any other word one character at a time, with the same result (a property test).
#[inline]
pub(crate) fn lower_words_into(
    text: &str,
    out: &mut String,
    drop: impl Fn(char) -> bool,
    rewrite: impl Fn(&str) -> Option<&'static str>,
) {
    for word in text.split_whitespace() {
        let start = out.len();
        if start > 0 {
            out.push(' ');
        }
        let word_start = out.len();
        if word.is_ascii() && !word.bytes().any(|b| drop(char::from(b))) {
            out.push_str(word);
            out[word_start..].make_ascii_lowercase();
        } else {
            out.extend(
                word.chars()
                    .filter(|&c| !drop(c))
                    .flat_map(char::to_lowercase),
            );
        }
        if let Some(replacement) = rewrite(&out[word_start..]) {
            out.replace_range(word_start.., replacement);
        }
        if out.len() == word_start {
            out.truncate(start);
        }
    }
}

/// Keep every word as it is.
pub(crate) fn no_rewrite(_: &str) -> Option<&'static str> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`lower_words_into`] the plain way: characters, then words.
    fn plainly(text: &str, drop: fn(char) -> bool) -> String {
        let kept: String = text
            .chars()
            .filter(|&c| c.is_whitespace() || !drop(c))
            .flat_map(char::to_lowercase)
            .collect();
        kept.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn markup(c: char) -> bool {
        matches!(c, '*' | '_' | '`')
    }

    fn selector(c: char) -> bool {
        c == '\u{fe0f}'
    }

    proptest::proptest! {
        #[test]
        fn words_are_lower_cased_and_dropped_as_by_characters(
            text in "[ \taAÉé*_`\u{fe0f}\u{a0}\x0bİ✅x]{0,14}"
        ) {
            for drop in [markup as fn(char) -> bool, selector] {
                let mut out = String::new();
                lower_words_into(&text, &mut out, drop, no_rewrite);
                proptest::prop_assert_eq!(out, plainly(&text, drop));
            }
        }
    }

    #[test]
    fn a_rewritten_word_replaces_the_word_and_an_emptied_one_leaves_no_space() {
        let mut out = String::new();
        let and = |w: &str| (w == "and").then_some("&");
        lower_words_into("Code AND  **  Testing", &mut out, markup, and);
        assert_eq!(out, "code & testing");
        out.clear();
        lower_words_into("\u{fe0f} ✅\u{fe0f} Pass", &mut out, selector, no_rewrite);
        assert_eq!(out, "✅ pass");
    }
}
