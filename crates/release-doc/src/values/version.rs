//! Release versions: SemVer 2.0 with an optional leading `v` (`2.4.0`, `v1.0.0-rc.1+build.5`),
//! version changes (`2.3.1 → 2.3.2`) and calendar versions (`2024.05.1`).

use std::ops::Range;

use super::error::ValueError;
use super::quantity::strip_wrapping;

/// What [`parse_version`] expects, for messages.
const EXPECTED: &str = "a SemVer version like 2.4.0";

/// Parse a SemVer version, allowing a leading `v` or `V` (`v2.4.0`). Surrounding space
/// and wrapping `**bold**` or `` `code` `` are ignored.
///
/// # Errors
///
/// What was expected, for anything that is not a full `MAJOR.MINOR.PATCH` version with
/// optional pre-release and build parts (`v2.4` and `2.4.0.1` are errors).
pub fn parse_version(input: &str) -> Result<semver::Version, ValueError> {
    let text = strip_wrapping(input);
    let text = text
        .strip_prefix('v')
        .or_else(|| text.strip_prefix('V'))
        .unwrap_or(text);
    semver::Version::parse(text).map_err(|_| ValueError::in_text(input, EXPECTED))
}

/// What [`parse_calver`] expects, for messages.
const EXPECTED_CALVER: &str = "a CalVer version like 2024.05.1 (year.month, then a number)";

/// Where the previous and the new version are in text that writes a version change:
/// `2.3.1 → 2.3.2`, `2.3.1 -> 2.3.2` or `from 2.3.1 to 2.3.2` (words in any case), with
/// other words around it (`iOS (from 2.3.1 to 2.3.2)`, `2.3.1 → 2.3.2 (hotfix)`). A
/// version is one word: it ends at white space or a parenthesis. `None` when the text
/// writes no change, as a single version does.
#[must_use]
pub(crate) fn split_version_change(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    let (previous, new) = match find_word(text, 0, "from") {
        Some(from) => {
            let previous = token_after(text, from + "from".len())?;
            let to = strip_space(text, previous.end);
            let after_to = strip_word(text, to, "to")?;
            (previous, token_after(text, after_to)?)
        }
        None => {
            let (at, arrow) = ["→", "->", "⟶"]
                .iter()
                .find_map(|arrow| Some((text.find(arrow)?, arrow.len())))?;
            (token_before(text, at)?, token_after(text, at + arrow)?)
        }
    };
    Some((previous, new))
}

/// A version ends at white space or a parenthesis.
fn ends_token(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == ')'
}

/// The byte after the white space that starts at `at`.
fn strip_space(text: &str, at: usize) -> usize {
    text.len() - text[at..].trim_start().len()
}

/// The word after `at` (after white space), if any.
fn token_after(text: &str, at: usize) -> Option<Range<usize>> {
    let start = strip_space(text, at);
    let len = text[start..].find(ends_token).unwrap_or(text.len() - start);
    (len > 0).then_some(start..start + len)
}

/// The word before `at` (before white space), if any.
fn token_before(text: &str, at: usize) -> Option<Range<usize>> {
    let end = text[..at].trim_end().len();
    let start = text[..end].rfind(ends_token).map_or(0, |i| i + 1);
    (start < end).then_some(start..end)
}

/// The byte after `word` (any ASCII case) and the white space after it, when `text`
/// has the word at `at`, followed by white space.
fn strip_word(text: &str, at: usize, word: &str) -> Option<usize> {
    let head = text.get(at..at + word.len())?;
    let rest = &text[at + word.len()..];
    if !head.eq_ignore_ascii_case(word) || !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some(text.len() - rest.trim_start().len())
}

/// Where `word` (any ASCII case) starts a word of `text` at or after byte `from`: at
/// the start, or after white space or `(`, and followed by white space.
fn find_word(text: &str, from: usize, word: &str) -> Option<usize> {
    text[from..]
        .char_indices()
        .map(|(i, _)| from + i)
        .find(|&at| {
            let starts = at == 0 || text[..at].ends_with(ends_token);
            starts && strip_word(text, at, word).is_some()
        })
}

/// A calendar version: a year, a month and an optional further number (`2024.05.1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalVer {
    /// The year, four digits (`2024`) or two (`24`, read as 2024).
    pub year: u16,
    /// The month, 1 to 12, with or without a leading zero.
    pub month: u8,
    /// The third part: a day or a release number of the month (`1` in `2024.05.1`).
    pub micro: Option<u32>,
}

/// Parse a CalVer version `YYYY.MM` or `YYYY.MM.N` (also `YY.MM.N`, a leading `v`, and a
/// `-suffix` such as `-rc.1`). Surrounding space and inline markup are ignored.
///
/// # Errors
///
/// What was expected, when the text is not such a version (`2.3.1`, `2024.13.1`).
pub fn parse_calver(input: &str) -> Result<CalVer, ValueError> {
    let err = || ValueError::in_text(input, EXPECTED_CALVER);
    let text = strip_wrapping(input);
    let text = text.strip_prefix(['v', 'V']).unwrap_or(text);
    let core = text.split_once('-').map_or(
        text,
        |(core, suffix)| {
            if suffix.is_empty() {
                ""
            } else {
                core
            }
        },
    );
    let mut parts = core.split('.');
    let number = |part: Option<&str>| -> Option<u32> {
        let part = part?;
        (!part.is_empty() && part.len() <= 9 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let year_text = parts.next().unwrap_or("");
    let year = number(Some(year_text)).ok_or_else(err)?;
    let year = match year_text.len() {
        4 if year >= 1000 => year,
        2 => 2000 + year,
        _ => return Err(err()),
    };
    let month = number(parts.next()).ok_or_else(err)?;
    if !(1..=12).contains(&month) {
        return Err(err());
    }
    let micro = match parts.next() {
        Some(part) => Some(number(Some(part)).ok_or_else(err)?),
        None => None,
    };
    if parts.next().is_some() {
        return Err(err());
    }
    Ok(CalVer {
        year: u16::try_from(year).map_err(|_| err())?,
        month: u8::try_from(month).map_err(|_| err())?,
        micro,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(text: &str) -> Option<(&str, &str)> {
        split_version_change(text).map(|(a, b)| (&text[a], &text[b]))
    }

    #[test]
    fn version_changes() {
        assert_eq!(change("2.3.1 → 2.3.2"), Some(("2.3.1", "2.3.2")));
        assert_eq!(change("2.3.1->2.3.2"), Some(("2.3.1", "2.3.2")));
        assert_eq!(change(" v2.3.1  ->  v2.3.2 "), Some(("v2.3.1", "v2.3.2")));
        assert_eq!(change("from 2.3.1 to 2.3.2"), Some(("2.3.1", "2.3.2")));
        assert_eq!(change("From v1.9.0 To v2.0.0"), Some(("v1.9.0", "v2.0.0")));
        assert_eq!(
            change("iOS (from 2.3.1 to 2.3.2)"),
            Some(("2.3.1", "2.3.2"))
        );
        assert_eq!(change("2.3.1 → 2.3.2 (hotfix)"), Some(("2.3.1", "2.3.2")));
        for text in [
            "2.3.2",
            "→ 2.3.2",
            "2.3.1 →",
            "from 2.3.1",
            "fromage 1 to 2",
            "2.3.1 to 2.3.2",
            "from 2.3.1 into 2.3.2",
            "",
        ] {
            assert_eq!(change(text), None, "{text:?}");
        }
    }

    #[test]
    fn calendar_versions() {
        let cal = |text| parse_calver(text).map(|c| (c.year, c.month, c.micro));
        assert_eq!(cal("2024.05.1"), Ok((2024, 5, Some(1))));
        assert_eq!(cal("2024.5"), Ok((2024, 5, None)));
        assert_eq!(cal("v24.11.3"), Ok((2024, 11, Some(3))));
        assert_eq!(cal("2024.05.1-rc.1"), Ok((2024, 5, Some(1))));
        assert_eq!(cal("`2024.12.31`"), Ok((2024, 12, Some(31))));
        for text in [
            "2.3.1",
            "2024.13.1",
            "2024.0.1",
            "2024",
            "2024.05.1.2",
            "2024.05.x",
            "",
            "2024.05-",
            "202.05.1",
            "2024..1",
        ] {
            assert_eq!(
                parse_calver(text).map_err(String::from),
                Err(EXPECTED_CALVER.to_owned()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn accepts_semver_with_optional_v() {
        for (text, expected) in [
            ("2.4.0", "2.4.0"),
            ("v2.4.0", "2.4.0"),
            ("V2.4.0", "2.4.0"),
            ("`v10.0.1`", "10.0.1"),
            ("1.0.0-rc.1+build.5", "1.0.0-rc.1+build.5"),
            ("v1.0.0-alpha", "1.0.0-alpha"),
        ] {
            assert_eq!(
                parse_version(text).map(|v| v.to_string()),
                Ok(expected.to_owned()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn rejects_everything_else() {
        for text in [
            "v2.4",
            "2.4.0.1",
            "2",
            "",
            "v",
            "vv2.4.0",
            "02.4.0",
            "2.4.0 (beta)",
            "version 2.4.0",
            "2.4.x",
        ] {
            assert_eq!(
                parse_version(text).map_err(String::from),
                Err(EXPECTED.to_owned()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn versions_order_by_semver() {
        let older = parse_version("2.4.0-rc.1");
        let newer = parse_version("v2.4.0");
        assert!(matches!((older, newer), (Ok(a), Ok(b)) if a < b));
    }
}
