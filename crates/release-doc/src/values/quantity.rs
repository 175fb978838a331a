//! Numbers with units (`2%`, `180 ms`, `0.18s`, `1,200`, `512MB`), converted to a base unit.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::error::ValueError;
use super::note::parse_noted;

/// What [`parse_quantity`] expects, for messages.
const EXPECTED_QUANTITY: &str = "a number with an optional unit, like 2%, 180ms or 1,200";

/// A signed decimal number with optional comma grouping in threes (`1,200.5`).
const NUMBER: &str = r"[+\-−]?(?:(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+)";

static QUANTITY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?<num>{NUMBER})\s*(?<unit>[A-Za-zµμ%°][A-Za-zµμ/%_\-]*)?$"
    ))
    .expect("valid regex")
});

static NUMBER_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{NUMBER}$")).expect("valid regex"));

/// The unit of a [`Quantity`], after conversion to the base unit of its dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Unit {
    /// A percentage (`2%`).
    Percent,
    /// A time, in milliseconds (`180ms`, `0.18s`, `1.5 min`, `1h`).
    Millis,
    /// A size, in bytes (`512MB`, `1.5 GiB`).
    Bytes,
    /// A plain number without a unit (`1,200`).
    Count,
    /// A rate, in events per day: a number per unit of time (`40/day`, `120/week` is
    /// about `17.14` per day, `5 per hour` is `120`).
    PerDay,
    /// Any other unit, as written (`req/s`, `users`).
    Other(String),
}

/// A number and its unit, with time and size units converted to milliseconds and bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Quantity {
    /// The value in the base unit (`0.18s` is `180.0` [`Unit::Millis`]).
    pub value: f64,
    /// The unit of `value`.
    pub unit: Unit,
}

impl Quantity {
    /// Whether both quantities are in the same unit (other units compare case-insensitively).
    #[must_use]
    pub fn same_unit(&self, other: &Quantity) -> bool {
        match (&self.unit, &other.unit) {
            (Unit::Other(a), Unit::Other(b)) => a.to_lowercase() == b.to_lowercase(),
            (a, b) => a == b,
        }
    }

    /// Whether both have the same unit and values equal up to a relative error of `1e-9`.
    #[must_use]
    pub fn approx_eq(&self, other: &Quantity) -> bool {
        self.same_unit(other) && close(self.value, other.value)
    }
}

/// Whether `a` and `b` are equal up to a relative error of `1e-9` (absolute below 1).
pub(crate) fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * 1f64.max(a.abs()).max(b.abs())
}

/// `value` without a negative zero, in Rust's shortest round-tripping notation.
fn number_text(value: f64) -> String {
    if value == 0.0 {
        "0".to_owned()
    } else {
        value.to_string()
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = number_text(self.value);
        match &self.unit {
            Unit::Percent => write!(f, "{n}%"),
            Unit::Millis => write!(f, "{n}ms"),
            Unit::Bytes => write!(f, "{n} B"),
            Unit::Count => write!(f, "{n}"),
            Unit::PerDay => write!(f, "{n}/day"),
            Unit::Other(unit) => write!(f, "{n} {unit}"),
        }
    }
}

/// `text` trimmed and without wrapping inline markup: `**bold**`, `__bold__`, `*em*`,
/// `_em_` and `` `code` `` (also nested, like `` **`2%`** ``).
#[must_use]
pub fn strip_wrapping(text: &str) -> &str {
    let mut text = text.trim();
    'outer: loop {
        for mark in ["**", "__", "`", "*", "_"] {
            if text.len() > 2 * mark.len() && text.starts_with(mark) && text.ends_with(mark) {
                if let Some(inner) = text.get(mark.len()..text.len() - mark.len()) {
                    text = inner.trim();
                    continue 'outer;
                }
            }
        }
        return text;
    }
}

/// The value of text matching `NUMBER`, if finite.
fn number_value(text: &str) -> Option<f64> {
    if !text.contains([',', '−']) {
        return text.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    let plain: String = text
        .chars()
        .filter(|c| *c != ',')
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The base unit of a written unit and the factor converting to it.
fn unit_of(written: &str) -> (Unit, f64) {
    // A lone capital `M` or `K` is a multiplier (`1.2M users`), not minutes or kilo.
    if written == "M" || written == "K" {
        return (Unit::Other(written.to_owned()), 1.0);
    }
    // Units are short and mostly ASCII: lower-case them on the stack.
    let mut buffer = [0u8; 16];
    let lowered;
    let lower: &str = match buffer.get_mut(..written.len()) {
        Some(bytes) if written.is_ascii() => {
            bytes.copy_from_slice(written.as_bytes());
            bytes.make_ascii_lowercase();
            std::str::from_utf8(bytes).unwrap_or(written)
        }
        _ => {
            lowered = written.to_lowercase();
            &lowered
        }
    };
    let (unit, factor) = match lower {
        "%" | "percent" | "pct" => (Unit::Percent, 1.0),
        "µs" | "μs" | "us" | "microsecond" | "microseconds" => (Unit::Millis, 0.001),
        "ms" | "msec" | "msecs" | "millisecond" | "milliseconds" => (Unit::Millis, 1.0),
        "s" | "sec" | "secs" | "second" | "seconds" => (Unit::Millis, 1e3),
        "m" | "min" | "mins" | "minute" | "minutes" => (Unit::Millis, 6e4),
        "h" | "hr" | "hrs" | "hour" | "hours" => (Unit::Millis, 3.6e6),
        "d" | "day" | "days" => (Unit::Millis, 8.64e7),
        "b" | "byte" | "bytes" => (Unit::Bytes, 1.0),
        "kb" => (Unit::Bytes, 1e3),
        "mb" => (Unit::Bytes, 1e6),
        "gb" => (Unit::Bytes, 1e9),
        "tb" => (Unit::Bytes, 1e12),
        "kib" => (Unit::Bytes, 1024.0),
        "mib" => (Unit::Bytes, 1_048_576.0),
        "gib" => (Unit::Bytes, 1_073_741_824.0),
        "tib" => (Unit::Bytes, 1_099_511_627_776.0),
        _ => (Unit::Other(written.to_owned()), 1.0),
    };
    (unit, factor)
}

/// Parse a number with an optional unit: `2%`, `2.5 %`, `180ms`, `0.18 sec`, `1.5 min`,
/// `1,200`, `+5%`, `512MB`, `850 req/s`. Time units become milliseconds, size units bytes
/// (`KB`/`MB`/`GB` are powers of 1000, `KiB`/`MiB`/`GiB` powers of 1024); no unit is
/// [`Unit::Count`] and any other single-word unit is kept as [`Unit::Other`].
///
/// The text must be exactly the number and unit: surrounding space and wrapping
/// `**bold**` or `` `code` `` are ignored, anything else (a note, a second number) is not.
///
/// # Errors
///
/// What was expected, when `text` is not such a quantity.
pub fn parse_quantity(text: &str) -> Result<Quantity, ValueError> {
    quantity(text).map_err(|expected| ValueError::in_text(text, expected))
}

/// [`parse_quantity`], saying what was expected when `text` is no quantity.
fn quantity(text: &str) -> Result<Quantity, String> {
    let text = strip_wrapping(text);
    match plain_quantity(text) {
        Some((number, unit)) => quantity_of(number, unit),
        None => regex_quantity(text),
    }
}

/// The quantity `text` (without markup) writes, read by `QUANTITY_RE`, as a rate or as
/// a duration.
fn regex_quantity(text: &str) -> Result<Quantity, String> {
    if let Some(rate) = rate(text) {
        return rate;
    }
    let Some(caps) = QUANTITY_RE.captures(text) else {
        // Compound durations (`1h 2m`, `1:30`) are quantities of time too.
        return crate::values::datetime::parse_duration(text)
            .map(|d| Quantity {
                value: d.seconds as f64 * 1000.0,
                unit: Unit::Millis,
            })
            .map_err(|_| EXPECTED_QUANTITY.to_owned());
    };
    let number = caps.name("num").map_or("", |m| m.as_str());
    quantity_of(number, caps.name("unit").map(|m| m.as_str()))
}

/// Parse a quantity that may be followed by a note: `41% DAU/MAU`, `62m (incl.
/// rollback)`, `+55 (one day)`, `9 min lag` (see [`parse_noted`]). The note is returned
/// with the quantity.
///
/// # Errors
///
/// What was expected, when no start of `text` is a quantity followed by a note.
pub(crate) fn parse_quantity_noted(text: &str) -> Result<(Quantity, Option<&str>), ValueError> {
    parse_noted(text, parse_quantity, |_| true)
}

/// Events per day in one event per written unit of time (`week` is `1/7`), for the time
/// units a rate is written in.
fn per_day(unit: &str) -> Option<f64> {
    let factor = match unit.to_ascii_lowercase().as_str() {
        "s" | "sec" | "second" => 86_400.0,
        "min" | "minute" => 1440.0,
        "h" | "hr" | "hour" => 24.0,
        "d" | "day" => 1.0,
        "wk" | "week" => 1.0 / 7.0,
        _ => return None,
    };
    Some(factor)
}

/// A rate `120/week`, `40 / day` or `5 per hour`: a number per unit of time; `None` for
/// other text. Months and years are not rates here, having no fixed length.
fn rate(text: &str) -> Option<Result<Quantity, String>> {
    let (number, unit) = text.split_once('/').or_else(|| text.split_once(" per "))?;
    let (number, unit) = (number.trim_end(), unit.trim_start());
    if !NUMBER_RE.is_match(number) {
        return None;
    }
    let factor = per_day(unit)?;
    Some(quantity_of(number, None).map(|q| Quantity {
        value: q.value * factor,
        unit: Unit::PerDay,
    }))
}

/// Fast path (2.2 % of the corpus check's instructions, against `QUANTITY_RE`'s
/// captures): the number and unit of text shaped `12`, `0.18s`, `180 ms` or `2%`, ASCII
/// digits with optional decimals, optional spaces or tabs, then an optional ASCII unit.
/// Other text (signs, commas, `µs`, rates) is left to [`regex_quantity`].
fn plain_quantity(text: &str) -> Option<(&str, Option<&str>)> {
    let bytes = text.as_bytes();
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .map_or(bytes.len(), |n| from + n)
    };
    let mut end = digits(0);
    if end == 0 {
        return None;
    }
    if bytes.get(end) == Some(&b'.') {
        let decimals_end = digits(end + 1);
        if decimals_end == end + 1 {
            return None;
        }
        end = decimals_end;
    }
    let unit_start = bytes[end..]
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t'))
        .map_or(bytes.len(), |n| end + n);
    let unit = &bytes[unit_start..];
    let Some((first, rest)) = unit.split_first() else {
        return Some((&text[..end], None));
    };
    let unit_ok = (first.is_ascii_alphabetic() || *first == b'%')
        && rest
            .iter()
            .all(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'%' | b'_' | b'-'));
    unit_ok.then(|| (&text[..end], Some(&text[unit_start..])))
}

/// The quantity a number (matching `NUMBER`) and an optional unit write.
fn quantity_of(number: &str, unit: Option<&str>) -> Result<Quantity, String> {
    let value = number_value(number).ok_or_else(|| EXPECTED_QUANTITY.to_owned())?;
    let (unit, factor) = unit.map_or((Unit::Count, 1.0), unit_of);
    let value = value * factor;
    if !value.is_finite() {
        return Err(EXPECTED_QUANTITY.to_owned());
    }
    Ok(Quantity { value, unit })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Quantity {
        match parse_quantity(text) {
            Ok(q) => q,
            Err(e) => panic!("{text:?} did not parse: {e}"),
        }
    }

    fn is(text: &str, value: f64, unit: Unit) {
        let got = q(text);
        let expected = Quantity { value, unit };
        assert!(
            got.approx_eq(&expected),
            "{text:?} gave {got:?}, not {expected:?}"
        );
    }

    #[rustfmt::skip]
    const REJECTED: &[&str] = &[
        "", "%", "ms", "1 200", "1,20", "12,3456", "2% (rolled back)", "2%)", "5.", "about 5",
        "5 req / s", "2% ✅", "1e5000", "{{x}}", "1.2.3", "++5", "٣",
    ];

    #[test]
    fn accepts_the_documented_forms() {
        is("2%", 2.0, Unit::Percent);
        is("2.5 %", 2.5, Unit::Percent);
        is("180ms", 180.0, Unit::Millis);
        is("180 ms", 180.0, Unit::Millis);
        is("0.18s", 180.0, Unit::Millis);
        is("0.18 sec", 180.0, Unit::Millis);
        is("2 seconds", 2000.0, Unit::Millis);
        is("1.5 min", 90_000.0, Unit::Millis);
        is("1h", 3_600_000.0, Unit::Millis);
        is("1,200", 1200.0, Unit::Count);
        is("1,234,567.5", 1_234_567.5, Unit::Count);
        is("+5%", 5.0, Unit::Percent);
        is("-3.2%", -3.2, Unit::Percent);
        is("−3.2%", -3.2, Unit::Percent);
        is("+60", 60.0, Unit::Count);
        is("512MB", 512e6, Unit::Bytes);
        is("1.5 GB", 1.5e9, Unit::Bytes);
        is("2 KiB", 2048.0, Unit::Bytes);
        is("850 req/s", 850.0, Unit::Other("req/s".into()));
        is("12 users", 12.0, Unit::Other("users".into()));
        is("1.2M", 1.2, Unit::Other("M".into()));
        is("  **2%** ", 2.0, Unit::Percent);
        is("`180 ms`", 180.0, Unit::Millis);
    }

    #[test]
    fn rates_are_events_per_day() {
        is("40/day", 40.0, Unit::PerDay);
        is("120/week", 120.0 / 7.0, Unit::PerDay);
        is("120 / Week", 120.0 / 7.0, Unit::PerDay);
        is("5 per hour", 120.0, Unit::PerDay);
        is("2/min", 2880.0, Unit::PerDay);
        is("1,400/wk", 200.0, Unit::PerDay);
        assert!(q("700/week").approx_eq(&q("100/day")));
        assert_eq!(q("14/week").to_string(), "2/day");
        for text in [
            "3/month",
            "3/year",
            "/day",
            "x/day",
            "3/",
            "3 per day/week",
            "3/day/week",
        ] {
            assert_eq!(
                parse_quantity(text).map_err(String::from),
                Err(EXPECTED_QUANTITY.to_owned()),
                "{text:?}"
            );
        }
    }

    fn noted(text: &str) -> (Quantity, Option<&str>) {
        match parse_quantity_noted(text) {
            Ok(noted) => noted,
            Err(e) => panic!("{text:?} did not parse: {e}"),
        }
    }

    #[test]
    fn a_note_after_a_quantity_is_kept() {
        for (text, value, unit, note) in [
            ("41% DAU/MAU", 41.0, Unit::Percent, Some("DAU/MAU")),
            (
                "62m (incl. rollback)",
                3_720_000.0,
                Unit::Millis,
                Some("(incl. rollback)"),
            ),
            (
                "100% (this release)",
                100.0,
                Unit::Percent,
                Some("(this release)"),
            ),
            ("+55 (one day)", 55.0, Unit::Count, Some("(one day)")),
            ("9 min lag", 540_000.0, Unit::Millis, Some("lag")),
            ("2%", 2.0, Unit::Percent, None),
            (
                "120/week (rolling)",
                120.0 / 7.0,
                Unit::PerDay,
                Some("(rolling)"),
            ),
        ] {
            let (got, got_note) = noted(text);
            let expected = Quantity { value, unit };
            assert!(got.approx_eq(&expected), "{text:?} gave {got:?}");
            assert_eq!(got_note, note, "{text:?}");
        }
        for text in ["about 5", "2% ✅", "1 200", "5 to 10 min", "(5)", "2%)", ""] {
            assert!(parse_quantity_noted(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn rejects_anything_else() {
        for text in REJECTED {
            let got = parse_quantity(text).map_err(String::from);
            assert_eq!(got, Err(EXPECTED_QUANTITY.to_owned()), "{text:?}");
        }
    }

    #[test]
    fn huge_values_are_rejected_not_infinite() {
        let digits = "9".repeat(400);
        assert!(parse_quantity(&digits).is_err());
    }

    #[test]
    fn units_compare_and_display() {
        assert!(q("0.18s").approx_eq(&q("180ms")));
        assert!(!q("2%").approx_eq(&q("2")));
        assert!(q("3 Users").same_unit(&q("5 users")));
        let sum = Quantity {
            value: 0.1 + 0.2 - 0.2,
            unit: Unit::Count,
        };
        assert!(q("0.1").approx_eq(&sum));
        assert_eq!(q("2.3%").to_string(), "2.3%");
        assert_eq!(q("0.18s").to_string(), "180ms");
        assert_eq!(q("1,200").to_string(), "1200");
        assert_eq!(q("-0").to_string(), "0");
        assert_eq!(q("1KB").to_string(), "1000 B");
        assert_eq!(q("850 req/s").to_string(), "850 req/s");
    }

    #[test]
    fn markup_is_stripped() {
        assert_eq!(strip_wrapping(" **`x`** "), "x");
        assert_eq!(strip_wrapping("**"), "**");
        assert_eq!(strip_wrapping("_a_"), "a");
        assert_eq!(strip_wrapping("*é*"), "é");
    }

    #[test]
    fn serde_names() {
        let json = serde_json::to_string(&q("2%")).unwrap_or_default();
        assert_eq!(json, r#"{"value":2.0,"unit":"percent"}"#);
        let other = serde_json::to_string(&Unit::Other("req/s".into())).unwrap_or_default();
        assert_eq!(other, r#"{"other":"req/s"}"#);
    }

    proptest::proptest! {
        /// The hand-read shape gives the number and unit `QUANTITY_RE` captures, and the
        /// quantity the regex path reads.
        #[test]
        fn plain_quantities_read_as_the_regex_does(
            text in "[0-9]{0,4}[.]?[0-9]{0,2}[ \t]{0,2}[0-9.,% \t/_µa-zA-Z-]{0,5}",
        ) {
            proptest::prop_assert_eq!(quantity(&text), regex_quantity(strip_wrapping(&text)), "{:?}", &text);
            if let Some((number, unit)) = plain_quantity(&text) {
                proptest::prop_assert_eq!(quantity_of(number, unit), regex_quantity(&text), "{:?}", &text);
                let caps = QUANTITY_RE.captures(&text);
                proptest::prop_assert!(caps.is_some(), "{:?}", text);
                if let Some(caps) = caps {
                    proptest::prop_assert_eq!(Some(number), caps.name("num").map(|m| m.as_str()));
                    proptest::prop_assert_eq!(unit, caps.name("unit").map(|m| m.as_str()));
                }
            }
        }
    }
}
