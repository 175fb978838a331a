//! Notes written after a value: `41% DAU/MAU`, `62m (incl. rollback)`,
//! `2024-06-11 (emergency)`, `< 10 min lag`. The value is read from the text before the
//! note; the note is kept beside it.

/// Words that, first in what follows a value, make it part of a range or a choice
/// (`5 to 10 min`, `2% or 3%`) rather than a note about it.
const JOINING_WORDS: &[&str] = &["to", "or", "and", "vs", "versus", "of", "from", "through"];

/// The longest value text a note may follow, in bytes: longer than any value written
/// (`Tuesday, September 24, 2024 at 11:30 AM America/Los_Angeles` is 59).
const MAX_VALUE_LEN: usize = 80;

/// Read `text` with `parse`; when the whole text is not a value, read the longest start
/// of it that is, followed by a note: words (`9 min lag`) or a parenthesis
/// (`+55 (one day)`). The note is returned trimmed.
///
/// A note starts with a letter or `(`, after space or right at a `(`; one that starts with
/// a joining word (`to`, `or`, `and`, `vs`, `of`, `from`, `through`) is not a note, so
/// `5 to 10 min` stays invalid. `accept_note` may refuse other notes (a moment refuses
/// a word that looks like an unknown time zone).
///
/// # Errors
///
/// What `parse` expects, as it said for the whole text, when no start of it is a value
/// followed by a note.
pub(crate) fn parse_noted<T, E>(
    text: &str,
    parse: impl Fn(&str) -> Result<T, E>,
    accept_note: impl Fn(&str) -> bool,
) -> Result<(T, Option<&str>), E> {
    let error = match parse(text) {
        Ok(value) => return Ok((value, None)),
        Err(error) => error,
    };
    // The longest value first: `9 min lag` is `9 min` and `lag`, not `9` and `min lag`.
    // Values are short: a long cell costs no more than a short one.
    let longest = (0..=MAX_VALUE_LEN.min(text.len()))
        .rev()
        .find(|&at| text.is_char_boundary(at))
        .unwrap_or(0);
    for (at, _) in text[..longest].char_indices().rev() {
        let Some((head, note)) = split_at_note(text, at) else {
            continue;
        };
        if !accept_note(note) {
            continue;
        }
        if let Ok(value) = parse(head) {
            return Ok((value, Some(note)));
        }
    }
    Err(error)
}

/// The value text and the note when a note can start at byte `at` of `text`.
fn split_at_note(text: &str, at: usize) -> Option<(&str, &str)> {
    let note = &text[at..];
    let first = note.chars().next()?;
    let before = text[..at].chars().next_back()?;
    let starts = match first {
        '(' => true,
        c if c.is_alphabetic() => before.is_whitespace(),
        _ => false,
    };
    if !starts {
        return None;
    }
    let head = text[..at].trim();
    let note = note.trim();
    if head.is_empty() || starts_with_joining_word(note) {
        return None;
    }
    Some((head, note))
}

/// Whether the first word of `note` is one of [`JOINING_WORDS`], in any case.
fn starts_with_joining_word(note: &str) -> bool {
    let word = note
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    JOINING_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in value parser: a whole number of minutes, `9 min`.
    fn minutes(text: &str) -> Result<u32, String> {
        text.strip_suffix(" min")
            .unwrap_or(text)
            .parse()
            .map_err(|_| "minutes".to_owned())
    }

    fn noted(text: &str) -> Result<(u32, Option<&str>), String> {
        parse_noted(text, minutes, |_| true)
    }

    #[test]
    fn the_longest_value_keeps_the_rest_as_its_note() {
        assert_eq!(noted("9 min"), Ok((9, None)));
        assert_eq!(noted("9 min lag"), Ok((9, Some("lag"))));
        assert_eq!(
            noted("9 (incl. rollback)"),
            Ok((9, Some("(incl. rollback)")))
        );
        assert_eq!(noted("9(approx)"), Ok((9, Some("(approx)"))));
        assert_eq!(
            noted("9 min (a (nested) note)"),
            Ok((9, Some("(a (nested) note)")))
        );
        assert_eq!(noted("9 min  replica lag "), Ok((9, Some("replica lag"))));
    }

    #[test]
    fn notes_start_with_a_letter_or_a_parenthesis() {
        for text in ["9 10", "9 ✅", "9 -x", "9lag", "lag", "", "(9)", "9,lag"] {
            assert_eq!(noted(text), Err("minutes".to_owned()), "{text:?}");
        }
    }

    #[test]
    fn ranges_and_choices_are_not_notes() {
        for text in [
            "5 to 10 min",
            "5 or 6",
            "5 and 6",
            "5 vs 6",
            "5 of 10",
            "5 From x",
        ] {
            assert_eq!(noted(text), Err("minutes".to_owned()), "{text:?}");
        }
    }

    #[test]
    fn only_a_short_start_can_be_the_value() {
        let long = format!("9 {}", "word ".repeat(10_000));
        assert_eq!(noted(&long).map(|(v, _)| v), Ok(9));
        let late = format!("{} 9 lag", "x".repeat(MAX_VALUE_LEN));
        assert!(noted(&late).is_err());
        let multibyte = "é".repeat(MAX_VALUE_LEN);
        assert!(noted(&multibyte).is_err());
    }

    #[test]
    fn a_refused_note_leaves_the_text_invalid() {
        let refuse_caps = |note: &str| !note.chars().all(|c| c.is_ascii_uppercase());
        assert!(parse_noted("9 ABC", minutes, refuse_caps).is_err());
        assert_eq!(
            parse_noted("9 Abc", minutes, refuse_caps),
            Ok((9, Some("Abc")))
        );
    }
}
