//! Where the human output may break a message or a help line: at spaces outside `code`,
//! never after a lone comparator, never at a hyphen.
//!
//! miette wraps with textwrap, whose default separators break `` `< 1%` `` at its space
//! and `2026-12-01` after its first hyphen; a message then shows `` `< `` on one line and
//! `` 1%` `` on the next. [`words`] is the separator the renderer gives miette instead;
//! hyphens are left alone by the renderer's `NoHyphenation` splitter.

use textwrap::core::Word;

/// The comparators of a threshold, kept on the line of the number after them.
const COMPARATORS: &[&str] = &["<", ">", "<=", ">=", "≤", "≥", "=", "==", "!="];

/// The words of `line`: text between spaces, where spaces inside a code span (between a
/// pair of backticks) and the space after a comparator do not separate words. Each word
/// carries the spaces after it, as textwrap expects.
pub fn words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    let bytes = line.as_bytes();
    // An unpaired backtick does not open a code span: it would glue the rest of the line
    // into one word.
    let ticks = memchr::memchr_iter(b'`', bytes).count();
    let unpaired = (ticks % 2 == 1)
        .then(|| memchr::memrchr(b'`', bytes))
        .flatten();
    let mut words = Vec::new();
    let (mut start, mut code, mut i) = (0, false, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'`' if Some(i) != unpaired => code = !code,
            b' ' if !code => {
                let mut next = i;
                while bytes.get(next) == Some(&b' ') {
                    next += 1;
                }
                let last_token = line[start..i].rsplit(' ').next().unwrap_or("");
                if next < bytes.len() && !COMPARATORS.contains(&last_token) {
                    words.push(Word::from(&line[start..next]));
                    start = next;
                }
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if start < line.len() {
        words.push(Word::from(&line[start..]));
    }
    Box::new(words.into_iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(line: &str) -> Vec<&str> {
        words(line).map(|w| w.word).collect()
    }

    #[test]
    fn code_spans_and_thresholds_stay_whole() {
        assert_eq!(
            split("threshold `< 1%` on 2026-12-01, value > 2 %"),
            [
                "threshold",
                "`< 1%`",
                "on",
                "2026-12-01,",
                "value",
                "> 2",
                "%"
            ]
        );
        assert_eq!(split("a  b"), ["a", "b"]);
        assert_eq!(split(" lead"), ["", "lead"]);
        assert_eq!(split("trail "), ["trail"]);
        assert_eq!(split(""), Vec::<&str>::new());
    }

    #[test]
    fn an_unpaired_backtick_opens_nothing() {
        assert_eq!(split("`a b` c ` d e"), ["`a b`", "c", "`", "d", "e"]);
    }

    #[test]
    fn the_words_are_the_whole_line() {
        for line in ["x `a  b` < 3 ` y", "  ", "é ≤ 5 `ü ö`"] {
            let joined: String = words(line)
                .map(|w| format!("{}{}", w.word, w.whitespace))
                .collect();
            assert_eq!(joined, line);
        }
    }
}
