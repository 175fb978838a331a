//! Status cells: `✅ Pass`, `⚠️ Warning`, `❌ Failed`, `Pending`, and their synonyms.

use serde::{Deserialize, Serialize};

use super::error::ValueError;
use super::quantity::strip_wrapping;

/// What [`parse_status`] expects, for messages.
const EXPECTED: &str = "a status such as ✅ Pass, ⚠️ Warning, ❌ Fail or Pending";

/// The state a status cell reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Status {
    /// Met, done, healthy (`✅`, `OK`, `Pass`, `Met`, `Green`, `Done`, ...).
    Pass,
    /// Not met (`❌`, `Fail`, `Failed`, `Not met`, `Red`, `Breached`, `Missed`,
    /// `Rolled back`).
    Fail,
    /// At risk (`⚠️`, `Warning`, `Amber`, `At risk`, `Degraded`).
    Warn,
    /// Not decided yet (empty, `-`, `Pending`, `Not started`, `In progress`, `Scheduled`).
    Pending,
    /// Does not apply to this release (`Skipped`, `N/A`, `Not applicable`, `➖`): neither
    /// met nor missed.
    NotApplicable,
}

/// Status symbols; a trailing U+FE0F variation selector is removed before lookup.
const SYMBOLS: &[(char, Status)] = &[
    ('✅', Status::Pass),
    ('✔', Status::Pass),
    ('✓', Status::Pass),
    ('☑', Status::Pass),
    ('🟢', Status::Pass),
    ('❌', Status::Fail),
    ('✗', Status::Fail),
    ('✘', Status::Fail),
    ('✖', Status::Fail),
    ('⛔', Status::Fail),
    ('🔴', Status::Fail),
    ('⚠', Status::Warn),
    ('🟡', Status::Warn),
    ('🟠', Status::Warn),
    ('⏳', Status::Pending),
    ('➖', Status::NotApplicable),
];

/// Status words and phrases, in lower case.
const WORDS: &[(&str, Status)] = &[
    ("ok", Status::Pass),
    ("okay", Status::Pass),
    ("pass", Status::Pass),
    ("passed", Status::Pass),
    ("passing", Status::Pass),
    ("met", Status::Pass),
    ("green", Status::Pass),
    ("done", Status::Pass),
    ("complete", Status::Pass),
    ("completed", Status::Pass),
    ("healthy", Status::Pass),
    ("success", Status::Pass),
    ("successful", Status::Pass),
    ("resolved", Status::Pass),
    ("fail", Status::Fail),
    ("failed", Status::Fail),
    ("failing", Status::Fail),
    ("failure", Status::Fail),
    ("not met", Status::Fail),
    ("not ok", Status::Fail),
    ("red", Status::Fail),
    ("breached", Status::Fail),
    ("missed", Status::Fail),
    ("rolled back", Status::Fail),
    ("rolled-back", Status::Fail),
    ("warning", Status::Warn),
    ("warn", Status::Warn),
    ("amber", Status::Warn),
    ("at risk", Status::Warn),
    ("degraded", Status::Warn),
    ("pending", Status::Pending),
    ("not started", Status::Pending),
    ("in progress", Status::Pending),
    ("scheduled", Status::Pending),
    ("tbd", Status::Pending),
    ("skipped", Status::NotApplicable),
    ("n/a", Status::NotApplicable),
    ("not applicable", Status::NotApplicable),
];

/// The status of a symbol.
fn symbol(c: char) -> Option<Status> {
    SYMBOLS
        .iter()
        .find(|(s, _)| *s == c)
        .map(|(_, status)| *status)
}

/// The longest status word or phrase at the start of `text` (lower case, single spaces)
/// that ends at a word boundary, with the text after it.
fn leading_word(text: &str) -> Option<(Status, &str)> {
    WORDS
        .iter()
        .filter_map(|(word, status)| {
            let rest = text.strip_prefix(word)?;
            let boundary = rest.chars().next().is_none_or(|c| !c.is_alphanumeric());
            boundary.then_some((word.len(), *status, rest))
        })
        .max_by_key(|(len, _, _)| *len)
        .map(|(_, status, rest)| (status, rest))
}

/// Consume status symbols (and space between them) at the start of `text`.
fn leading_symbols(text: &str) -> (Vec<Status>, &str) {
    let mut found = Vec::new();
    let mut chars = text.chars();
    loop {
        let rest = chars.as_str();
        match chars.next() {
            Some(c) if c.is_whitespace() => {}
            Some(c) => match symbol(c) {
                Some(status) => found.push(status),
                None => return (found, rest),
            },
            None => return (found, rest),
        }
    }
}

/// The words of `text` lower-cased, one space apart, without emoji presentation
/// selectors (U+FE0F): the normaliser of titles, with another set of dropped characters
/// and no word rewritten.
fn lower_words(text: &str) -> String {
    let mut lower = String::with_capacity(text.len());
    crate::words::lower_words_into(
        text,
        &mut lower,
        |c| c == '\u{fe0f}',
        crate::words::no_rewrite,
    );
    lower
}

/// Parse a status cell, deciding by its leading symbol and word. Matching is
/// case-insensitive; a symbol may precede or follow the word (`✅ Pass`, `Done ✅`), and a
/// note may follow (`✅ Pass — within budget`, `❌ Fail (rolled back)`). Empty text, `-`
/// and `—` are [`Status::Pending`]; `Skipped`, `N/A`, `Not applicable` and `➖` are
/// [`Status::NotApplicable`], and `Rolled back` is [`Status::Fail`]. A symbol alone
/// decides; a symbol followed by a word that contradicts it (`✅ Failed`) is an error.
///
/// # Errors
///
/// What was expected, for contradicting or unknown statuses.
pub fn parse_status(text: &str) -> Result<Status, ValueError> {
    status(text).map_err(|expected| ValueError::in_text(text, expected))
}

/// [`parse_status`], saying what was expected when `text` is no status.
fn status(text: &str) -> Result<Status, String> {
    let err = || EXPECTED.to_owned();
    let lower = lower_words(strip_wrapping(text));
    if matches!(lower.as_str(), "" | "-" | "—" | "–") {
        return Ok(Status::Pending);
    }
    let (mut found, rest) = leading_symbols(&lower);
    let rest = strip_wrapping(rest);
    match leading_word(rest) {
        Some((status, after)) => {
            found.push(status);
            found.extend(leading_symbols(after).0);
        }
        // Text after a symbol that is not a status word is a note (`✅ within budget`),
        // unless it starts with a status word further on: only the leading one counts.
        None if !found.is_empty() => {}
        None => return Err(err()),
    }
    let first = *found.first().ok_or_else(err)?;
    if found.iter().all(|s| *s == first) {
        Ok(first)
    } else {
        Err(err())
    }
}

#[cfg(test)]
mod tests {
    use super::Status::{Fail, NotApplicable, Pass, Pending, Warn};
    use super::*;

    proptest::proptest! {
        #[test]
        fn words_lower_cased_as_by_characters(text in "[ \tAaPÉé\u{fe0f}✅\u{a0}]{0,12}") {
            let by_chars: String = text
                .chars()
                .filter(|c| *c != '\u{fe0f}')
                .flat_map(char::to_lowercase)
                .collect();
            let by_chars = by_chars.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(lower_words(&text), by_chars);
        }
    }

    #[rustfmt::skip]
    const ACCEPTED: &[(Status, &[&str])] = &[
        (Pass, &[
            "✅", "✔", "✔️", "✓", "🟢", "OK", "ok", "Pass", "PASSED", "Met", "Green", "Done",
            "Complete", "Completed", "Healthy", "Success", "Successful", "Resolved", "✅ Pass",
            "Done ✅", "✅ Pass — within budget", "**✅ Met**", "✅ within budget", "Pass: 0.4%",
            "🟢 Healthy", "✅✅",
        ]),
        (Fail, &[
            "❌", "✗", "✘", "🔴", "Fail", "Failed", "not met", "Not  Met", "Red", "Breached",
            "Missed", "❌ Failed", "❌ Fail (rolled back)", "🔴 Red - paged on-call",
        ]),
        (Warn, &[
            "⚠️", "⚠", "🟡", "Warning", "warn", "Amber", "At risk", "Degraded", "⚠️ Warning",
        ]),
        (Pending, &[
            "", "  ", "-", "—", "Pending", "Not started", "In progress", "Scheduled", "⏳ Pending",
            "TBD",
        ]),
        (NotApplicable, &[
            "Skipped", "skipped", "N/A", "n/a", "Not applicable", "➖", "➖ Skipped",
            "N/A: API-only release", "Skipped (no schema change)",
        ]),
        (Fail, &["Rolled back", "❌ Rolled back", "Rolled-back at 14:32", "rolled back ❌"]),
    ];

    #[rustfmt::skip]
    const REJECTED: &[&str] = &[
        "✅ Failed", "❌ Pass", "⚠️ OK", "✅ ❌", "Pass ❌", "Maybe", "Metrics missing", "Okish",
        "Not", "passes", "- Pass", "?", "➖ Done", "Skipped ❌", "Rolled", "n/applicable",
    ];

    #[test]
    fn words_and_symbols() {
        for (expected, texts) in ACCEPTED {
            for text in *texts {
                assert_eq!(parse_status(text), Ok(*expected), "{text:?}");
            }
        }
    }

    #[test]
    fn contradictions_and_unknown_words() {
        for text in REJECTED {
            assert_eq!(
                parse_status(text).map_err(String::from),
                Err(EXPECTED.to_owned()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn serde_names() {
        let json = serde_json::to_string(&Warn).unwrap_or_default();
        assert_eq!(json, r#""warn""#);
        let back = serde_json::from_str::<Status>(r#""pending""#).ok();
        assert_eq!(back, Some(Pending));
    }
}
