//! Thresholds: a comparator and a quantity (`< 1%`, `<=200ms`, `≥ 99.9 %`, `at most 80%`).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::error::ValueError;
use super::note::parse_noted;
use super::quantity::{close, parse_quantity, strip_wrapping, Quantity};

/// What [`parse_threshold`] expects, for messages.
const EXPECTED: &str = "a comparator and a number, like < 1% or <= 200ms";

/// Comparator symbols, longest first; `&lt;`/`&gt;` match in any case.
const SYMBOLS: &[&str] = &[
    "<=", ">=", "=<", "=>", "==", "≤", "≥", "⩽", "⩾", "<", ">", "=", "&lt;=", "&gt;=", "&lt;",
    "&gt;",
];

/// Comparator words (any ASCII case), longest alternatives first; each must be followed
/// by space or a colon.
const WORDS: &[&str] = &[
    "less than or equal to",
    "greater than or equal to",
    "no more than",
    "no less than",
    "not more than",
    "not less than",
    "less than",
    "lower than",
    "fewer than",
    "more than",
    "greater than",
    "higher than",
    "at most",
    "at least",
    "up to",
    "under",
    "below",
    "above",
    "over",
    "exceeds",
    "exceed",
    "maximum",
    "minimum",
    "max",
    "min",
];

/// `text` without `prefix` at its start, compared in any ASCII case.
fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// The comparator at the start of `text` and the text after it (and after the space or
/// colon that follows it). Written by hand rather than as a regex: compiling a
/// case-insensitive regex of these words costs more than a whole one-document run.
fn split_comparator(text: &str) -> Option<(&str, &str)> {
    for symbol in SYMBOLS {
        if let Some(rest) = strip_prefix_ignore_case(text, symbol) {
            return Some((&text[..symbol.len()], rest.trim_start()));
        }
    }
    for word in WORDS {
        let Some(rest) = strip_prefix_ignore_case(text, word) else {
            continue;
        };
        let spaced = rest.trim_start();
        if let Some(after_colon) = spaced.strip_prefix(':') {
            return Some((&text[..word.len()], after_colon.trim_start()));
        }
        if spaced.len() < rest.len() {
            return Some((&text[..word.len()], spaced));
        }
    }
    None
}

/// How an actual value must compare with the limit of a [`Threshold`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Comparator {
    /// Strictly less than (`<`, `under`, `below`, `less than`).
    Lt,
    /// Less than or equal (`<=`, `≤`, `at most`, `max`).
    Le,
    /// Strictly greater than (`>`, `above`, `over`, `more than`).
    Gt,
    /// Greater than or equal (`>=`, `≥`, `at least`, `min`).
    Ge,
    /// Equal (`=`, `==`).
    Eq,
}

impl Comparator {
    /// The ASCII symbol (`<`, `<=`, `>`, `>=`, `=`).
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Lt => "<",
            Comparator::Le => "<=",
            Comparator::Gt => ">",
            Comparator::Ge => ">=",
            Comparator::Eq => "=",
        }
    }

    /// Whether `actual` compares with `limit` as required; values within a relative
    /// `1e-9` of each other count as equal.
    #[must_use]
    pub fn holds(self, actual: f64, limit: f64) -> bool {
        let equal = close(actual, limit);
        match self {
            Comparator::Lt => actual < limit && !equal,
            Comparator::Le => actual < limit || equal,
            Comparator::Gt => actual > limit && !equal,
            Comparator::Ge => actual > limit || equal,
            Comparator::Eq => equal,
        }
    }

    /// The comparator a symbol or words stand for.
    fn from_text(text: &str) -> Option<Self> {
        let lower = text.to_lowercase();
        let c = match lower.as_str() {
            "<" | "&lt;" | "less than" | "lower than" | "fewer than" | "under" | "below" => {
                Comparator::Lt
            }
            "<="
            | "=<"
            | "≤"
            | "⩽"
            | "&lt;="
            | "less than or equal to"
            | "no more than"
            | "not more than"
            | "at most"
            | "up to"
            | "maximum"
            | "max" => Comparator::Le,
            ">" | "&gt;" | "more than" | "greater than" | "higher than" | "above" | "over"
            | "exceeds" | "exceed" => Comparator::Gt,
            ">="
            | "=>"
            | "≥"
            | "⩾"
            | "&gt;="
            | "greater than or equal to"
            | "no less than"
            | "not less than"
            | "at least"
            | "minimum"
            | "min" => Comparator::Ge,
            "=" | "==" => Comparator::Eq,
            _ => return None,
        };
        Some(c)
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

/// A limit a measured value is compared with: `< 1%`, `<= 200ms`, `>= 99.9%`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Threshold {
    /// How the actual value must compare with `quantity`.
    pub comparator: Comparator,
    /// The limit, in the base unit of its dimension (see [`Quantity`]).
    pub quantity: Quantity,
}

impl Threshold {
    /// Whether `actual` meets the threshold, or `None` when the units differ (a plain
    /// count against a percentage, milliseconds against bytes, ...).
    #[must_use]
    pub fn is_met_by(&self, actual: &Quantity) -> Option<bool> {
        if !self.quantity.same_unit(actual) {
            return None;
        }
        Some(self.comparator.holds(actual.value, self.quantity.value))
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.comparator, self.quantity)
    }
}

/// Parse a threshold: a comparator (`<`, `<=`, `≤`, `>`, `>=`, `≥`, `=`, `==`, or words:
/// `under`/`below`/`less than`, `above`/`over`/`more than`, `at most`/`max`,
/// `at least`/`min`) followed by a quantity as [`parse_quantity`] reads it. Surrounding
/// space and wrapping `**bold**` or `` `code` `` are ignored.
///
/// # Errors
///
/// What was expected, when there is no comparator (a bare `1%`) or no valid quantity.
pub fn parse_threshold(text: &str) -> Result<Threshold, ValueError> {
    threshold(text).map_err(|expected| ValueError::in_text(text, expected))
}

/// [`parse_threshold`], saying what was expected when `text` is no threshold.
fn threshold(text: &str) -> Result<Threshold, String> {
    let text = strip_wrapping(text);
    let (comparator, rest) = split_comparator(text).ok_or_else(|| EXPECTED.to_owned())?;
    // The quantity is on one line.
    if rest.contains('\n') {
        return Err(EXPECTED.to_owned());
    }
    let comparator = Comparator::from_text(comparator).ok_or_else(|| EXPECTED.to_owned())?;
    let quantity = parse_quantity(rest).map_err(|_| EXPECTED.to_owned())?;
    Ok(Threshold {
        comparator,
        quantity,
    })
}

/// Parse a threshold as [`parse_threshold`] does, followed by an optional note
/// (`< 10 min lag`, `> 99% (weekly)`, see [`parse_noted`]).
///
/// # Errors
///
/// What was expected, when no start of `text` is a threshold followed by a note.
pub(crate) fn parse_threshold_noted(text: &str) -> Result<(Threshold, Option<&str>), ValueError> {
    parse_noted(text, parse_threshold, |_| true)
}

/// A comparator and number at the start of `text`, followed by other words:
/// `>95% successful deployments`, `< 15 minutes for critical issues`,
/// `> 1% for 5 minutes`. Returns the threshold and the byte length it covers.
#[must_use]
pub fn parse_leading_threshold(text: &str) -> Option<(Threshold, usize)> {
    let len = leading_threshold_len(text)?;
    let m = &text[..len];
    // `<1 hour from commit`: the longest prefix first, then without the unit word.
    if let Ok(t) = parse_threshold(m) {
        return Some((t, len));
    }
    let digits = m
        .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '/')
        .trim_end();
    parse_threshold(digits).ok().map(|t| (t, digits.len()))
}

/// The length of a leading comparator (`<=`, `>=`, `<`, `>`, `≤`, `≥`, `=`), number and
/// optional `%` or unit word (ASCII letters), each after optional space.
fn leading_threshold_len(text: &str) -> Option<usize> {
    let rest = text.trim_start();
    let symbol = ["<=", ">=", "<", ">", "≤", "≥", "="]
        .into_iter()
        .find(|s| rest.starts_with(s))?;
    let rest = rest[symbol.len()..].trim_start();
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let number = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let spaced = rest[number..].trim_start();
    let letters = |text: &str| {
        text.find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(text.len())
    };
    let unit = if spaced.starts_with('%') {
        1
    } else if let Some(per) = spaced.strip_prefix('/') {
        // A rate: `> 10/week deployments`.
        1 + letters(per)
    } else {
        letters(spaced)
    };
    let end = &spaced[unit..];
    Some(text.len() - end.len())
}

#[cfg(test)]
mod tests {
    use super::super::quantity::Unit;
    use super::Comparator::{Eq, Ge, Gt, Le, Lt};
    use super::*;

    #[test]
    fn comparators_in_any_ascii_case_need_a_separator_after_words() {
        assert_eq!(split_comparator("AT MOST 5%"), Some(("AT MOST", "5%")));
        assert_eq!(split_comparator("Less Than: 3"), Some(("Less Than", "3")));
        assert_eq!(split_comparator("&LT;= 2s"), Some(("&LT;=", "2s")));
        assert_eq!(split_comparator("<=5"), Some(("<=", "5")));
        assert_eq!(split_comparator("exceeds 1"), Some(("exceeds", "1")));
        assert_eq!(split_comparator("underway 5"), None);
        assert_eq!(split_comparator("max5"), None);
        assert_eq!(
            parse_threshold("Less Than: 3%").map(|t| t.comparator),
            Ok(Comparator::Lt)
        );
        assert!(parse_threshold("< 3\n%").is_err());
    }

    #[test]
    fn leading_thresholds_take_their_unit_word_and_the_space_before_it() {
        assert_eq!(leading_threshold_len("> 1% for 5 minutes"), Some(4));
        assert_eq!(leading_threshold_len("<15 minutes for"), Some(11));
        assert_eq!(leading_threshold_len("> 5 (peak)"), Some(4));
        assert_eq!(leading_threshold_len("about 5"), None);
        assert_eq!(leading_threshold_len("< x"), None);
    }

    #[test]
    fn leading_thresholds() {
        let (t, len) = parse_leading_threshold("> 1% for 5 minutes").unwrap();
        assert_eq!((t.to_string(), len), ("> 1%".to_owned(), 4));
        let (t, len) = parse_leading_threshold("> 10/week deployments").unwrap();
        assert_eq!((t.quantity.unit, len), (Unit::PerDay, 9));
        let (t, len) = parse_leading_threshold("> 10/month deployments").unwrap();
        assert_eq!((t.quantity.unit, len), (Unit::Count, 4));
        let (t, _) = parse_leading_threshold("<1 hour from commit to production").unwrap();
        assert_eq!(t.quantity.unit, Unit::Millis);
        assert!(parse_leading_threshold("Multiple deployments per day").is_none());
    }

    /// Text, and the expected comparator, value and unit.
    #[rustfmt::skip]
    const ACCEPTED: &[(&str, Comparator, f64, Unit)] = &[
        ("< 1%", Lt, 1.0, Unit::Percent),
        ("<1%", Lt, 1.0, Unit::Percent),
        ("<=200ms", Le, 200.0, Unit::Millis),
        ("≤ 200 ms", Le, 200.0, Unit::Millis),
        ("> 95%", Gt, 95.0, Unit::Percent),
        (">= 99.9%", Ge, 99.9, Unit::Percent),
        ("≥ 99.9 %", Ge, 99.9, Unit::Percent),
        ("= 0", Eq, 0.0, Unit::Count),
        ("== 0", Eq, 0.0, Unit::Count),
        ("&lt; 1%", Lt, 1.0, Unit::Percent),
        ("**< 0.5s**", Lt, 500.0, Unit::Millis),
        ("< 1,000", Lt, 1000.0, Unit::Count),
        ("under 500ms", Lt, 500.0, Unit::Millis),
        ("below 2%", Lt, 2.0, Unit::Percent),
        ("Less than 15 minutes", Lt, 900_000.0, Unit::Millis),
        ("above 95%", Gt, 95.0, Unit::Percent),
        ("over 10", Gt, 10.0, Unit::Count),
        ("more than  3", Gt, 3.0, Unit::Count),
        ("at most 80%", Le, 80.0, Unit::Percent),
        ("At least 99%", Ge, 99.0, Unit::Percent),
        ("max 80%", Le, 80.0, Unit::Percent),
        ("max: 80%", Le, 80.0, Unit::Percent),
        ("min 95%", Ge, 95.0, Unit::Percent),
        ("no more than 5", Le, 5.0, Unit::Count),
    ];

    #[rustfmt::skip]
    const REJECTED: &[&str] = &[
        "1%", "200ms", "", "<", "< ", "< abc", "under", "max80%", "about 5%", "< 1% (p95)",
        "<< 1%", "less 1%", "≠ 1",
    ];

    /// Threshold, actual value and unit, and the expected verdict.
    #[rustfmt::skip]
    const VERDICTS: &[(&str, f64, Unit, Option<bool>)] = &[
        ("< 1%", 0.5, Unit::Percent, Some(true)),
        ("< 1%", 1.0, Unit::Percent, Some(false)),
        ("< 1%", 0.5, Unit::Count, None),
        ("<= 200ms", 200.0, Unit::Millis, Some(true)),
        ("<= 200ms", 200.1, Unit::Millis, Some(false)),
        (">= 0.3", 0.1 + 0.2, Unit::Count, Some(true)),
        ("> 95%", 95.0, Unit::Percent, Some(false)),
        ("> 95%", 95.5, Unit::Percent, Some(true)),
        ("= 0", 0.0, Unit::Count, Some(true)),
        ("= 0", 1.0, Unit::Count, Some(false)),
        ("< 200ms", 0.1, Unit::Bytes, None),
    ];

    fn t(text: &str) -> Threshold {
        match parse_threshold(text) {
            Ok(t) => t,
            Err(e) => panic!("{text:?} did not parse: {e}"),
        }
    }

    #[test]
    fn accepts_symbols_and_words() {
        for (text, comparator, value, unit) in ACCEPTED {
            let got = t(text);
            let expected = Quantity {
                value: *value,
                unit: unit.clone(),
            };
            assert_eq!(got.comparator, *comparator, "{text:?}");
            assert!(got.quantity.approx_eq(&expected), "{text:?} gave {got:?}");
        }
    }

    #[test]
    fn rejects_bare_numbers_and_junk() {
        for text in REJECTED {
            assert_eq!(
                parse_threshold(text).map_err(String::from),
                Err(EXPECTED.to_owned()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn checks_actual_values() {
        for (text, value, unit, verdict) in VERDICTS {
            let actual = Quantity {
                value: *value,
                unit: unit.clone(),
            };
            assert_eq!(
                t(text).is_met_by(&actual),
                *verdict,
                "{text:?} vs {actual:?}"
            );
        }
    }

    #[test]
    fn notes_after_thresholds_and_rates() {
        let (threshold, note) = parse_threshold_noted("< 10 min lag").unwrap();
        assert_eq!(
            (threshold.to_string(), note),
            ("< 600000ms".into(), Some("lag"))
        );
        let (threshold, note) = parse_threshold_noted("> 99% (weekly)").unwrap();
        assert_eq!(
            (threshold.to_string(), note),
            ("> 99%".into(), Some("(weekly)"))
        );
        assert_eq!(parse_threshold_noted("< 1%").map(|(_, n)| n), Ok(None));
        for text in ["10 min lag", "about 5% (x)", "< 5 to 10 min", "< (1%)"] {
            assert!(parse_threshold_noted(text).is_err(), "{text:?}");
        }
        let weekly = t("> 100/week");
        let per_day = |text: &str| parse_quantity(text).unwrap();
        assert_eq!(weekly.is_met_by(&per_day("120/week")), Some(true));
        assert_eq!(weekly.is_met_by(&per_day("10/day")), Some(false));
        assert_eq!(weekly.is_met_by(&per_day("20/day")), Some(true));
        assert_eq!(weekly.is_met_by(&per_day("120")), None);
    }

    #[test]
    fn display_and_serde() {
        assert_eq!(t("<1%").to_string(), "< 1%");
        assert_eq!(t("at least 0.2s").to_string(), ">= 200ms");
        let json = serde_json::to_string(&Comparator::Ge).unwrap_or_default();
        assert_eq!(json, r#""ge""#);
    }
}
