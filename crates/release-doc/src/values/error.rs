//! The error of the value parsers: what was expected, and where the bad text is.

use std::ops::Range;

use super::quantity::strip_wrapping;

/// Text that is not a value of the type a parser reads.
///
/// Its message ([`Display`](std::fmt::Display)) says what was expected, in the words the
/// model keeps in [`Field::Invalid`](crate::Field::Invalid): `a date like 2026-11-30`.
///
/// ```
/// use release_doc::values::parse_date;
///
/// let input = " **2026-02-30** ";
/// let error = parse_date(input).unwrap_err();
/// assert_eq!(error.to_string(), "a date like 2026-11-30");
/// assert_eq!(&input[error.range.clone()], "2026-02-30");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{expected}")]
#[non_exhaustive]
pub struct ValueError {
    /// What was expected, for messages (`"a date like 2026-11-30"`).
    pub expected: String,
    /// The byte range of the bad text in the parser's input: the input without the
    /// surrounding space and wrapping inline markup (`**bold**`, `` `code` ``) that the
    /// parsers ignore.
    pub range: Range<usize>,
}

impl ValueError {
    /// The error for `input`, which is not what `expected` says.
    pub(crate) fn in_text(input: &str, expected: impl Into<String>) -> Self {
        Self {
            expected: expected.into(),
            range: range_in(input, strip_wrapping(input)),
        }
    }
}

/// The message: what was expected. The model's [`Field::Invalid`](crate::Field::Invalid)
/// keeps it as text.
impl From<ValueError> for String {
    fn from(error: ValueError) -> Self {
        error.expected
    }
}

/// Where `inner`, a slice of `outer`, is in it; all of `outer` if it is not a slice of it.
fn range_in(outer: &str, inner: &str) -> Range<usize> {
    let start = (inner.as_ptr() as usize).wrapping_sub(outer.as_ptr() as usize);
    match start.checked_add(inner.len()) {
        Some(end) if end <= outer.len() => start..end,
        _ => 0..outer.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_range_is_the_input_without_space_and_markup() {
        let input = "  **`12 parsecs`**\t";
        let error = ValueError::in_text(input, "a duration");
        assert_eq!(&input[error.range.clone()], "12 parsecs");
        assert_eq!(error.to_string(), "a duration");
        assert_eq!(String::from(error), "a duration");
    }

    #[test]
    fn text_that_is_not_a_slice_of_the_input_covers_all_of_it() {
        assert_eq!(range_in("abc", "zz"), 0..3);
        assert_eq!(range_in("", ""), 0..0);
        assert_eq!(range_in("abc", &"abc"[3..]), 3..3);
    }
}
