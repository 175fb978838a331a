//! Dates (`2026-11-30`), moments (`14:05 UTC`, `2026-11-30T14:05:00Z`) and durations
//! (`45m`, `1h 30m`, `1:30`, `PT1H30M`).

use std::fmt;
use std::sync::LazyLock;

use jiff::civil::{Date, DateTime, Time};
use jiff::fmt::strtime::BrokenDownTime;
use jiff::{SignedDuration, Span, SpanRelativeTo};
use regex::Regex;
use serde::{Deserialize, Serialize};

use super::error::ValueError;
use super::note::parse_noted;
use super::quantity::strip_wrapping;

/// What [`parse_date`] expects, for messages.
const EXPECTED_DATE: &str = "a date like 2026-11-30";
/// What [`parse_moment`] expects, for messages.
const EXPECTED_MOMENT: &str = "a time like 14:05, 14:05 UTC or 2026-11-30 14:05";
/// What [`parse_duration`] expects, for messages.
const EXPECTED_DURATION: &str = "a duration like 45m, 1h 30m, 1:30 or PT1H30M";

/// Time zone abbreviations accepted after a time (besides `Z`, offsets and `Area/City`),
/// with the zone each stands for: a fixed offset, or a region's zone when the
/// abbreviation names no season (`ET` is Eastern Time, summer or winter). Abbreviations
/// with more than one common meaning are not here: `IST` (India, Israel, Ireland), `CST`
/// (US Central, China, Cuba), `GST` (Gulf, South Georgia).
#[rustfmt::skip]
pub(crate) const ZONES: &[(&str, &str)] = &[
    ("UTC", "+00:00"), ("GMT", "+00:00"), ("WET", "+00:00"), ("WEST", "+01:00"),
    ("BST", "+01:00"), ("CET", "+01:00"), ("CEST", "+02:00"), ("EET", "+02:00"),
    ("EEST", "+03:00"), ("MSK", "+03:00"),
    ("ET", "America/New_York"), ("EST", "-05:00"), ("EDT", "-04:00"),
    ("CT", "America/Chicago"), ("CDT", "-05:00"),
    ("MT", "America/Denver"), ("MST", "-07:00"), ("MDT", "-06:00"),
    ("PT", "America/Los_Angeles"), ("PST", "-08:00"), ("PDT", "-07:00"),
    ("AKST", "-09:00"), ("AKDT", "-08:00"), ("HST", "-10:00"),
    ("BRT", "-03:00"), ("ART", "-03:00"),
    ("SAST", "+02:00"), ("CAT", "+02:00"), ("EAT", "+03:00"), ("WAT", "+01:00"),
    ("PKT", "+05:00"), ("ICT", "+07:00"), ("WIB", "+07:00"), ("SGT", "+08:00"),
    ("HKT", "+08:00"), ("PHT", "+08:00"), ("JST", "+09:00"), ("KST", "+09:00"),
    ("AWST", "+08:00"), ("ACST", "+09:30"), ("AEST", "+10:00"), ("AEDT", "+11:00"),
    ("NZST", "+12:00"), ("NZDT", "+13:00"),
];

/// The zone a time zone abbreviation of `ZONES` stands for (any ASCII case): a fixed
/// offset like `-04:00`, or an `Area/City` zone for `ET`, `CT`, `MT` and `PT`.
#[must_use]
pub fn zone_meaning(abbreviation: &str) -> Option<&'static str> {
    ZONES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(abbreviation))
        .map(|(_, meaning)| *meaning)
}

/// Dates as people write them, tried in order (jiff `strtime` formats) on the start of
/// the text; a time may follow. Forms with a weekday or a full name come before their
/// shorter forms, which would read only part of them.
#[rustfmt::skip]
const DATE_FORMATS: &[&str] = &[
    "%A, %d %B %Y", "%A %d %B %Y", "%a, %d %B %Y", "%a %d %B %Y", "%a, %d %b %Y", "%a %d %b %Y",
    "%A, %B %d, %Y", "%A %B %d, %Y", "%a, %B %d, %Y", "%a %B %d, %Y", "%a, %b %d, %Y",
    "%a %b %d, %Y", "%a %b %d %Y",
    "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b %d %Y",
];

/// Dates written without a year (`May 21`, `Tue 7 May`): the year is the document's.
#[rustfmt::skip]
const YEARLESS_FORMATS: &[&str] = &[
    "%A, %d %B", "%A %d %B", "%a, %d %B", "%a %d %B", "%a, %d %b", "%a %d %b",
    "%A, %B %d", "%A %B %d", "%a, %B %d", "%a %B %d", "%a, %b %d", "%a %b %d",
    "%d %B", "%d %b", "%B %d", "%b %d",
];

/// Clock times without minutes (`2pm`, `11 AM`), for what `MOMENT_RE` does not read.
const HOUR_FORMATS: &[&str] = &["%I %p"];

/// The shape [`plain_date`] reads, kept as the reference its tests compare against.
#[cfg(test)]
static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})$").expect("valid regex")
});

static MOMENT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?:(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})(?:[Tt]|\s+))?
        (?<h>[0-9]{1,2}):(?<mi>[0-9]{2})(?::(?<s>[0-9]{2})(?:[.,](?<f>[0-9]{1,9}))?)?
        (?:\s*(?<ap>[AaPp])\.?[Mm]\.?)?
        (?:\s*(?<z>[Zz]|[+\-−][0-9]{2}:?[0-9]{2}|[A-Za-z]{2,5}(?:[+\-−][0-9]{1,2}(?::?[0-9]{2})?)?
              |[A-Z][A-Za-z_]+(?:/[A-Za-z_\-]+)+))?
        $",
    )
    .expect("valid regex")
});

static CLOCK_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?<h>[0-9]{1,6}):(?<m>[0-5][0-9])(?::(?<s>[0-5][0-9]))?$").expect("valid regex")
});

/// Parse a calendar date `2026-11-30`. A date with a time (`2026-11-30 14:05`, an
/// RFC 3339 timestamp) is accepted too, and its date taken.
///
/// # Errors
///
/// What was expected, when `text` is not such a date or names a day that does not exist.
pub fn parse_date(text: &str) -> Result<Date, ValueError> {
    parse_date_in(text, None).map_err(|expected| ValueError::in_text(text, expected))
}

/// Parse a date as [`parse_date`] does, and as people write them: `20 Feb 2024`,
/// `20 February 2024`, `Feb 20, 2024`, `Tue 7 May 2024`, `Tuesday, May 7, 2024`, with or
/// without a time after it (`Tue 7 May 2024, 2pm ET`). A date without a year (`May 21`,
/// `21 May`, `Tue 7 May`) is in `year`, the year of the document's other dates; without
/// one it is not a date. A weekday must be the date's.
///
/// # Errors
///
/// What was expected, when `text` is no such date.
pub(crate) fn parse_date_in(text: &str, year: Option<i16>) -> Result<Date, String> {
    let text = strip_wrapping(text);
    // A date alone is read by hand; a date with a time is read as a moment.
    let plain = match plain_date(text.as_bytes()) {
        Plain::Read(date) => Some(date),
        Plain::Invalid | Plain::OtherShape => None,
    };
    plain
        .or_else(|| moment(text)?.date)
        .or_else(|| natural(text, year).map(|(date, _)| date))
        .ok_or_else(|| EXPECTED_DATE.to_owned())
}

/// Parse a date as [`parse_date_in`] does, followed by an optional note
/// (`2024-06-11 (emergency)`, see [`parse_noted`]).
///
/// # Errors
///
/// What was expected, when no start of `text` is a date followed by a note.
pub(crate) fn parse_date_noted(
    text: &str,
    year: Option<i16>,
) -> Result<(Date, Option<&str>), String> {
    parse_noted(text, |t| parse_date_in(t, year), |_| true)
}

/// A date written as people write it (see [`DATE_FORMATS`]) and the clock time after
/// it, if any: `Tue 7 May 2024, 2pm ET`, `May 21 14:05`, `20 Feb 2024 at 09:30 UTC`.
fn natural(text: &str, year: Option<i16>) -> Option<(Date, Option<Moment>)> {
    // Month and weekday names start with a letter; this skips the formats for the rest.
    if !text.starts_with(|c: char| c.is_ascii_alphabetic() || c.is_ascii_digit()) {
        return None;
    }
    let with_year = DATE_FORMATS.iter().map(|f| (f, None));
    let without = YEARLESS_FORMATS.iter().map(|f| (f, Some(year)));
    for (format, default_year) in with_year.chain(without) {
        let Ok((mut tm, len)) = BrokenDownTime::parse_prefix(format, text) else {
            continue;
        };
        if let Some(year) = default_year {
            if tm.set_year(year).is_err() {
                continue;
            }
        }
        // `%Y` reads any number of digits: `May 21 14:05` is not the year 14.
        let Some(date) = tm
            .to_date()
            .ok()
            .filter(|d| (1000..=9999).contains(&d.year()))
        else {
            continue;
        };
        let rest = text[len..].trim_start();
        if rest.is_empty() {
            return Some((date, None));
        }
        let rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
        let rest = strip_prefix_word(rest, "at").unwrap_or(rest);
        if let Some(clock) = clock(rest) {
            return Some((date, Some(clock)));
        }
    }
    None
}

/// `text` after a leading `word` (any ASCII case) and the space after it.
fn strip_prefix_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let head = text.get(..word.len())?;
    let rest = &text[word.len()..];
    (head.eq_ignore_ascii_case(word) && rest.starts_with(char::is_whitespace))
        .then(|| rest.trim_start())
}

/// A time of day without a date, with an optional zone: what `MOMENT_RE` reads
/// (`14:05 UTC`, `2:05 PM`), or an hour alone (`2pm`, `11 AM ET`).
fn clock(text: &str) -> Option<Moment> {
    if let Some(moment) = moment(text).filter(|m| m.date.is_none()) {
        return Some(moment);
    }
    let (time, zone) = match text.rsplit_once(char::is_whitespace) {
        Some((time, word)) => match zone_of(word) {
            Some(zone) => (time.trim_end(), Some(zone)),
            None => (text, None),
        },
        None => (text, None),
    };
    let time = HOUR_FORMATS
        .iter()
        .find_map(|f| BrokenDownTime::parse(f, time).ok()?.to_time().ok())?;
    Some(Moment {
        date: None,
        time,
        zone,
    })
}

/// The value of `digits` when every byte is an ASCII digit.
fn digits_value(digits: &[u8]) -> Option<i16> {
    digits.iter().try_fold(0i16, |n, &b| {
        b.is_ascii_digit().then(|| n * 10 + i16::from(b - b'0'))
    })
}

/// What reading one of the commonest shapes by hand gave.
#[derive(Debug, PartialEq)]
enum Plain<T> {
    /// The text has the shape, and this is what it names.
    Read(T),
    /// The text has the shape but names no real day or time (`2026-02-30`, `25:00`).
    Invalid,
    /// The text has another shape: the regex reads it.
    OtherShape,
}

/// The value of one or two ASCII digits.
fn small_value(digits: &[u8]) -> Option<i8> {
    i8::try_from(digits_value(digits)?).ok()
}

/// Fast path (with [`plain_moment`]: 2.3 % of the corpus check's instructions, against
/// `DATE_RE` and `MOMENT_RE`'s captures): the date of text shaped exactly `NNNN-NN-NN`.
fn plain_date(text: &[u8]) -> Plain<Date> {
    if text.len() != 10 || text[4] != b'-' || text[7] != b'-' {
        return Plain::OtherShape;
    }
    let fields = (
        digits_value(&text[..4]),
        small_value(&text[5..7]),
        small_value(&text[8..]),
    );
    let (Some(year), Some(month), Some(day)) = fields else {
        return Plain::OtherShape;
    };
    match Date::new(year, month, day) {
        Ok(date) => Plain::Read(date),
        Err(_) => Plain::Invalid,
    }
}

/// Fast path (with [`plain_date`], see there): `H:MM` or `HH:MM`, optionally after a
/// plain date and one space or `T`, and nothing else. Other text (seconds, a zone,
/// AM/PM) is left to `MOMENT_RE`.
fn plain_moment(text: &str) -> Plain<Moment> {
    let bytes = text.as_bytes();
    let (date, clock) = match bytes.len() {
        4 | 5 => (None, bytes),
        15 | 16 if matches!(bytes[10], b' ' | b'T' | b't') => (Some(&bytes[..10]), &bytes[11..]),
        _ => return Plain::OtherShape,
    };
    let colon = clock.len() - 3;
    if clock[colon] != b':' {
        return Plain::OtherShape;
    }
    let (Some(hour), Some(minute)) = (
        small_value(&clock[..colon]),
        small_value(&clock[colon + 1..]),
    ) else {
        return Plain::OtherShape;
    };
    let date = match date.map(plain_date) {
        None => None,
        Some(Plain::Read(date)) => Some(date),
        Some(Plain::Invalid) => return Plain::Invalid,
        Some(Plain::OtherShape) => return Plain::OtherShape,
    };
    match Time::new(hour, minute, 0, 0) {
        Ok(time) => Plain::Read(Moment {
            date,
            time,
            zone: None,
        }),
        Err(_) => Plain::Invalid,
    }
}

/// The valid date in the `y`, `mo` and `d` groups of `c`, if any.
fn date_of(c: &regex::Captures) -> Option<Date> {
    let number = |name: &str| c.name(name)?.as_str().parse::<i16>().ok();
    let month = i8::try_from(number("mo")?).ok()?;
    let day = i8::try_from(number("d")?).ok()?;
    Date::new(number("y")?, month, day).ok()
}

/// A time of day, with the date and time zone written next to it, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Moment {
    /// The date, when written (`2026-11-30 14:05`).
    #[cfg_attr(feature = "schemars", schemars(with = "Option<String>"))]
    pub date: Option<Date>,
    /// The time of day, on a 24-hour clock.
    #[cfg_attr(feature = "schemars", schemars(with = "String"))]
    pub time: Time,
    /// The zone as written: an abbreviation in capitals (`UTC`, `CET`), `Z`, an offset
    /// normalised to `+01:00`, or an `Area/City` name.
    pub zone: Option<String>,
}

impl Moment {
    /// The date and time, taking `default_date` (the Scheduled Date) when the moment has
    /// no date of its own; `None` when neither has one.
    ///
    /// Zones are ignored: all moments of a document are taken to be in the same zone,
    /// which is what writers of a timeline do.
    #[must_use]
    pub fn on(&self, default_date: Option<Date>) -> Option<DateTime> {
        let date = self.date.or(default_date)?;
        Some(date.to_datetime(self.time))
    }
}

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(date) = self.date {
            write!(f, "{date} ")?;
        }
        let t = self.time;
        write!(f, "{:02}:{:02}", t.hour(), t.minute())?;
        if t.second() != 0 || t.subsec_nanosecond() != 0 {
            write!(f, ":{:02}", t.second())?;
        }
        if let Some(zone) = &self.zone {
            write!(f, " {zone}")?;
        }
        Ok(())
    }
}

/// The zone as kept in a [`Moment`], if it is one we know.
fn zone_of(written: &str) -> Option<String> {
    let written = written.replace('−', "-");
    if written.eq_ignore_ascii_case("z") {
        return Some("Z".to_owned());
    }
    if written.contains('/') {
        return Some(written);
    }
    if let Some(digits) = written.strip_prefix(['+', '-']) {
        if digits.chars().all(|c| c.is_ascii_digit() || c == ':') {
            let digits = digits.replace(':', "");
            let (hh, mm) = (digits.get(..2)?, digits.get(2..)?);
            let sign = written.get(..1)?;
            return (hh.parse::<u8>().ok()? <= 23 && mm.parse::<u8>().ok()? <= 59)
                .then(|| format!("{sign}{hh}:{mm}"));
        }
    }
    let upper = written.to_uppercase();
    let name = upper.split(['+', '-']).next().unwrap_or("");
    let offset_ok = name.len() == upper.len() || name == "UTC" || name == "GMT";
    (zone_meaning(name).is_some() && offset_ok).then_some(upper)
}

/// Parse a time of day with an optional date before it and an optional zone after it:
/// `14:05`, `14:05:30`, `2:05 PM`, `14:05 UTC`, `14:05Z`, `2026-11-30 14:05`,
/// `2026-11-30T14:05:00Z`, `2026-11-30T14:05:00+01:00`.
///
/// # Errors
///
/// What was expected, for other text or a time that does not exist (`25:61`).
pub fn parse_moment(text: &str) -> Result<Moment, ValueError> {
    parse_moment_in(text, None).map_err(|expected| ValueError::in_text(text, expected))
}

/// Parse a moment as [`parse_moment`] does, and as people write them: an hour alone
/// (`2pm`, `11 AM ET`), or a date as [`parse_date_in`] reads it followed by a time
/// (`Tue 7 May 2024, 2pm ET`, `20 Feb 2024 14:05 UTC`, `May 21 at 9:30 AM`); `year` is
/// the year of a date written without one.
///
/// # Errors
///
/// What was expected, for other text or a time that does not exist.
pub(crate) fn parse_moment_in(text: &str, year: Option<i16>) -> Result<Moment, String> {
    let text = strip_wrapping(text);
    moment(text)
        .or_else(|| {
            let (date, clock) = natural(text, year)?;
            clock.map(|c| Moment {
                date: Some(date),
                ..c
            })
        })
        .or_else(|| clock(text))
        .ok_or_else(|| EXPECTED_MOMENT.to_owned())
}

/// Parse a moment as [`parse_moment_in`] does, followed by an optional note
/// (`14:05 (delayed)`, `14:05 UTC approx.`, see [`parse_noted`]). A note that looks like
/// a time zone (two to five capitals, `14:05 XYZ`) is refused: an unknown zone is not a
/// note.
///
/// # Errors
///
/// What was expected, when no start of `text` is a moment followed by a note.
pub(crate) fn parse_moment_noted(
    text: &str,
    year: Option<i16>,
) -> Result<(Moment, Option<&str>), String> {
    let zone_like = |note: &str| {
        let word = note.split_whitespace().next().unwrap_or("");
        (2..=5).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
    };
    parse_noted(text, |t| parse_moment_in(t, year), |note| !zone_like(note))
}

/// The moment `text` writes, if it is one.
fn moment(text: &str) -> Option<Moment> {
    match plain_moment(text) {
        Plain::Read(moment) => Some(moment),
        Plain::Invalid => None,
        Plain::OtherShape => regex_moment(text),
    }
}

/// The moment `text` writes, read with `MOMENT_RE`.
fn regex_moment(text: &str) -> Option<Moment> {
    let c = MOMENT_RE.captures(text)?;
    let date = match c.name("y") {
        Some(_) => Some(date_of(&c)?),
        None => None,
    };
    let mut hour = c.name("h")?.as_str().parse::<i8>().ok()?;
    let minute = c.name("mi")?.as_str().parse::<i8>().ok()?;
    let second = c
        .name("s")
        .map_or(Some(0), |m| m.as_str().parse::<i8>().ok())?;
    let nanos = match c.name("f") {
        Some(m) => format!("{:0<9}", m.as_str()).parse::<i32>().ok()?,
        None => 0,
    };
    if let Some(ap) = c.name("ap") {
        if !(1..=12).contains(&hour) {
            return None;
        }
        let pm = ap.as_str().eq_ignore_ascii_case("p");
        hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        };
    }
    let time = Time::new(hour, minute, second, nanos).ok()?;
    let zone = match c.name("z") {
        Some(m) => Some(zone_of(m.as_str())?),
        None => None,
    };
    Some(Moment { date, time, zone })
}

/// A non-negative length of time, in whole seconds.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Duration {
    /// The length in seconds.
    pub seconds: u64,
}

impl Duration {
    /// The length in minutes (`90.0` for `1h 30m`).
    #[must_use]
    pub fn minutes(&self) -> f64 {
        self.seconds as f64 / 60.0
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts = [
            (self.seconds / 86_400, "d"),
            (self.seconds / 3600 % 24, "h"),
            (self.seconds / 60 % 60, "m"),
            (self.seconds % 60, "s"),
        ];
        let mut first = true;
        for (n, unit) in parts.into_iter().filter(|(n, _)| *n > 0) {
            if !first {
                f.write_str(" ")?;
            }
            write!(f, "{n}{unit}")?;
            first = false;
        }
        if first {
            f.write_str("0s")?;
        }
        Ok(())
    }
}

/// Parse a duration: `45m`, `45 min`, `45 minutes`, `1h`, `2 hours`, `1h 30m`, `1h30m`,
/// `90 minutes`, `30s`, `2d`, `1 day` (jiff's friendly format), `PT1H30M` (ISO 8601),
/// `1:30` (h:mm) and `0:45:30` (h:mm:ss). Days are 24 hours and weeks 7 days; months and
/// years are rejected as having no fixed length. Fractions of a second are rounded.
///
/// # Errors
///
/// What was expected, for other text and for negative durations (`-1h`, `1h ago`).
pub fn parse_duration(text: &str) -> Result<Duration, ValueError> {
    duration(strip_wrapping(text)).ok_or_else(|| ValueError::in_text(text, EXPECTED_DURATION))
}

/// Parse a duration as [`parse_duration`] does, followed by an optional note
/// (`62m (incl. rollback)`, `45 min approx.`, see [`parse_noted`]).
///
/// # Errors
///
/// What was expected, when no start of `text` is a duration followed by a note.
pub(crate) fn parse_duration_noted(text: &str) -> Result<(Duration, Option<&str>), ValueError> {
    parse_noted(text, parse_duration, |_| true)
}

/// The duration `text` writes, if it is one.
fn duration(text: &str) -> Option<Duration> {
    if text.chars().all(|c| c.is_ascii_digit() || c == ':') {
        // `h:mm` and `h:mm:ss`, with minutes and seconds below 60.
        let c = CLOCK_RE.captures(text)?;
        let number = |name: &str| {
            c.name(name)
                .map_or(Some(0), |m| m.as_str().parse::<u64>().ok())
        };
        let seconds = number("h")? * 3600 + number("m")? * 60 + number("s")?;
        return Some(Duration { seconds });
    }
    let span: Span = text.parse().ok()?;
    if span.is_negative() {
        return None;
    }
    let exact: SignedDuration = span.to_duration(SpanRelativeTo::days_are_24_hours()).ok()?;
    let seconds = u64::try_from(exact.as_secs()).ok()?;
    let round_up = u64::from(exact.subsec_nanos() >= 500_000_000);
    Some(Duration {
        seconds: seconds.checked_add(round_up)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    #[rustfmt::skip]
    const BAD_DATES: &[&str] = &[
        "30/11/2026", "2026-02-30", "2026-13-01", "2026-11-30 25:00", "14:05", "next Tuesday", "",
    ];

    /// Text, and the expected date, time (h, m, s, ns) and zone.
    type MomentCase = (
        &'static str,
        Option<(i16, i8, i8)>,
        (i8, i8, i8, i32),
        Option<&'static str>,
    );

    #[rustfmt::skip]
    const MOMENTS: &[MomentCase] = &[
        ("14:05", None, (14, 5, 0, 0), None),
        ("14:05:30", None, (14, 5, 30, 0), None),
        ("14:05 UTC", None, (14, 5, 0, 0), Some("UTC")),
        ("14:05 utc", None, (14, 5, 0, 0), Some("UTC")),
        ("14:05Z", None, (14, 5, 0, 0), Some("Z")),
        ("2:05 PM", None, (14, 5, 0, 0), None),
        ("12:30 am", None, (0, 30, 0, 0), None),
        ("12:30 p.m.", None, (12, 30, 0, 0), None),
        ("2026-11-30 14:05", Some((2026, 11, 30)), (14, 5, 0, 0), None),
        ("2026-11-30T14:05:00Z", Some((2026, 11, 30)), (14, 5, 0, 0), Some("Z")),
        ("2026-11-30T14:05:00+01:00", Some((2026, 11, 30)), (14, 5, 0, 0), Some("+01:00")),
        ("2026-11-30T14:05:00.250-0530", Some((2026, 11, 30)), (14, 5, 0, 250_000_000), Some("-05:30")),
        ("2026-11-30 14:05 UTC", Some((2026, 11, 30)), (14, 5, 0, 0), Some("UTC")),
        ("09:00 UTC+1", None, (9, 0, 0, 0), Some("UTC+1")),
        ("09:00 Europe/Lisbon", None, (9, 0, 0, 0), Some("Europe/Lisbon")),
    ];

    #[rustfmt::skip]
    const BAD_MOMENTS: &[&str] = &[
        "25:61", "24:00", "14:60", "next Tuesday", "30/11/2026", "2026-11-30", "13:05 PM",
        "0:30 AM", "14:05 next", "14:05 ABCDE", "14:05 +25:00", "1405", "", "14:05 UTC (approx)",
    ];

    #[rustfmt::skip]
    const DURATIONS: &[(&str, u64)] = &[
        ("45m", 2700), ("45 min", 2700), ("45 mins", 2700), ("45 minutes", 2700),
        ("1h", 3600), ("1 hour", 3600), ("2 hours", 7200), ("1h 30m", 5400),
        ("1h30m", 5400), ("90 minutes", 5400), ("1:30", 5400), ("0:45:30", 2730),
        ("PT1H30M", 5400), ("30s", 30), ("2d", 172_800), ("1 day", 86_400),
        ("1.5h", 5400), ("10.6s", 11), ("**45m**", 2700), ("0s", 0),
    ];

    #[rustfmt::skip]
    const BAD_DURATIONS: &[&str] = &[
        "", "45", "-1h", "1h ago", "1 month", "1 year", "1:75", "soon", "45m (est.)", "1:30:", "0:99:99", "1:30:60", ":30",
    ];

    fn m(text: &str) -> Moment {
        match parse_moment(text) {
            Ok(m) => m,
            Err(e) => panic!("{text:?} did not parse: {e}"),
        }
    }

    #[test]
    fn dates() {
        for text in [
            "2026-11-30",
            " **2026-11-30** ",
            "2026-11-30 14:05",
            "2026-11-30T14:05:00Z",
        ] {
            assert_eq!(parse_date(text), Ok(date(2026, 11, 30)), "{text:?}");
        }
        for bad in BAD_DATES {
            assert_eq!(
                parse_date(bad).map_err(String::from),
                Err(EXPECTED_DATE.to_owned()),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn moments() {
        for &(text, day, (h, mi, s, ns), zone) in MOMENTS {
            let expected = Moment {
                date: day.map(|(y, mo, d)| date(y, mo, d)),
                time: time(h, mi, s, ns),
                zone: zone.map(str::to_owned),
            };
            assert_eq!(m(text), expected, "{text:?}");
        }
        for bad in BAD_MOMENTS {
            let got = parse_moment(bad).map_err(String::from);
            assert_eq!(got, Err(EXPECTED_MOMENT.to_owned()), "{bad:?}");
        }
    }

    #[test]
    fn moments_on_a_date() {
        let day = date(2026, 11, 30);
        assert_eq!(m("14:05").on(Some(day)), Some(day.at(14, 5, 0, 0)));
        assert_eq!(m("14:05").on(None), None);
        let next = date(2026, 12, 1).at(0, 10, 0, 0);
        assert_eq!(m("2026-12-01 00:10").on(Some(day)), Some(next));
        let text = "2026-11-30 14:05 UTC";
        assert_eq!(m(text).to_string(), text);
        assert_eq!(m("14:05:30").to_string(), "14:05:30");
    }

    #[test]
    fn natural_dates() {
        for (text, year, expected) in [
            ("20 Feb 2024", None, (2024, 2, 20)),
            ("20 February 2024", None, (2024, 2, 20)),
            ("Feb 20, 2024", None, (2024, 2, 20)),
            ("February 20 2024", None, (2024, 2, 20)),
            ("Tue 7 May 2024", None, (2024, 5, 7)),
            ("Tue, 7 May 2024", None, (2024, 5, 7)),
            ("Tuesday, May 7, 2024", None, (2024, 5, 7)),
            ("tue 7 may 2024", None, (2024, 5, 7)),
            ("Tue 7 May 2024, 2pm ET", None, (2024, 5, 7)),
            ("May 21", Some(2024), (2024, 5, 21)),
            ("21 May", Some(2024), (2024, 5, 21)),
            ("Tue 21 May", Some(2024), (2024, 5, 21)),
            ("**May 21**", Some(2024), (2024, 5, 21)),
            ("20 Feb 2024", Some(2019), (2024, 2, 20)),
        ] {
            let (y, mo, d) = expected;
            assert_eq!(parse_date_in(text, year), Ok(date(y, mo, d)), "{text:?}");
        }
        for (text, year) in [
            ("May 21", None),
            ("Wed 7 May 2024", None),
            ("Mon 21 May", Some(2024)),
            ("30 Feb 2024", None),
            ("May 2024", Some(2024)),
            ("May 21 14", Some(2024)),
            ("Maybe 21", Some(2024)),
            ("21 Mai 2024", None),
            ("20 Feb 2024 later", None),
            ("20 Feb 2024, 25:00", None),
        ] {
            assert_eq!(
                parse_date_in(text, year),
                Err(EXPECTED_DATE.to_owned()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn notes_after_dates_moments_and_durations() {
        let (day, note) = parse_date_noted("2024-06-11 (emergency)", None).unwrap();
        assert_eq!((day, note), (date(2024, 6, 11), Some("(emergency)")));
        let (day, note) = parse_date_noted("May 21 (moved)", Some(2024)).unwrap();
        assert_eq!((day, note), (date(2024, 5, 21), Some("(moved)")));
        assert!(parse_date_noted("soon (emergency)", None).is_err());
        let (moment, note) = parse_moment_noted("14:05 UTC (approx)", None).unwrap();
        assert_eq!(
            (moment.to_string(), note),
            ("14:05 UTC".into(), Some("(approx)"))
        );
        let (moment, note) = parse_moment_noted("14:05 delayed", None).unwrap();
        assert_eq!(
            (moment.to_string(), note),
            ("14:05".into(), Some("delayed"))
        );
        for text in ["14:05 XYZ", "14:05 ABCDE", "later (approx)", "25:00 (x)"] {
            assert!(parse_moment_noted(text, None).is_err(), "{text:?}");
        }
        let (length, note) = parse_duration_noted("62m (incl. rollback)").unwrap();
        assert_eq!((length.seconds, note), (3720, Some("(incl. rollback)")));
        assert!(parse_duration_noted("a while (est.)").is_err());
    }

    #[test]
    fn natural_moments() {
        for (text, year, day, (h, mi), zone) in [
            ("2pm", None, None, (14, 0), None),
            ("11 AM ET", None, None, (11, 0), Some("ET")),
            ("2:30 pm PT", None, None, (14, 30), Some("PT")),
            ("14:05 EDT", None, None, (14, 5), Some("EDT")),
            (
                "Tue 7 May 2024, 2pm ET",
                None,
                Some((2024, 5, 7)),
                (14, 0),
                Some("ET"),
            ),
            (
                "20 Feb 2024 14:05 UTC",
                None,
                Some((2024, 2, 20)),
                (14, 5),
                Some("UTC"),
            ),
            (
                "May 21 at 9:30 AM",
                Some(2024),
                Some((2024, 5, 21)),
                (9, 30),
                None,
            ),
            (
                "May 21, 14:05 CEST",
                Some(2024),
                Some((2024, 5, 21)),
                (14, 5),
                Some("CEST"),
            ),
        ] {
            let expected = Moment {
                date: day.map(|(y, mo, d)| date(y, mo, d)),
                time: time(h, mi, 0, 0),
                zone: zone.map(str::to_owned),
            };
            assert_eq!(parse_moment_in(text, year), Ok(expected), "{text:?}");
        }
        for (text, year) in [
            ("Tue 7 May 2024", None),
            ("May 21 2pm", None),
            ("13pm", None),
            ("2pm XYZ", None),
            ("2 pm IST", None),
            ("14:05 CST", None),
            ("Wed 7 May 2024, 2pm", None),
        ] {
            assert_eq!(
                parse_moment_in(text, year),
                Err(EXPECTED_MOMENT.to_owned()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn zone_abbreviations_have_one_meaning_each() {
        assert_eq!(zone_meaning("et"), Some("America/New_York"));
        assert_eq!(zone_meaning("PDT"), Some("-07:00"));
        assert_eq!(zone_meaning("BST"), Some("+01:00"));
        for ambiguous in ["IST", "CST", "GST", "XYZ"] {
            assert_eq!(zone_meaning(ambiguous), None, "{ambiguous}");
        }
        let mut names: Vec<&str> = ZONES.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ZONES.len(), "an abbreviation is listed twice");
        for (name, meaning) in ZONES {
            let offset = meaning.starts_with(['+', '-']) && meaning.len() == 6;
            assert!(offset || meaning.contains('/'), "{name}: {meaning}");
        }
    }

    #[test]
    fn durations() {
        for &(text, seconds) in DURATIONS {
            assert_eq!(parse_duration(text), Ok(Duration { seconds }), "{text:?}");
        }
        for bad in BAD_DURATIONS {
            let got = parse_duration(bad).map_err(String::from);
            assert_eq!(got, Err(EXPECTED_DURATION.to_owned()), "{bad:?}");
        }
    }

    #[test]
    fn duration_display_and_minutes() {
        let d = |seconds| Duration { seconds };
        assert_eq!(d(5400).to_string(), "1h 30m");
        assert_eq!(d(2700).to_string(), "45m");
        assert_eq!(d(30).to_string(), "30s");
        assert_eq!(d(0).to_string(), "0s");
        assert_eq!(d(93_784).to_string(), "1d 2h 3m 4s");
        assert_eq!(parse_duration("1d 2h 3m 4s"), Ok(d(93_784)));
        assert!((d(5400).minutes() - 90.0).abs() < 1e-12);
        let json = serde_json::to_string(&d(60)).unwrap_or_default();
        assert_eq!(json, r#"{"seconds":60}"#);
    }

    /// What `DATE_RE` and [`date_of`] read, in [`plain_date`]'s terms.
    fn regex_date(text: &str) -> Plain<Date> {
        match DATE_RE.captures(text) {
            None => Plain::OtherShape,
            Some(c) => date_of(&c).map_or(Plain::Invalid, Plain::Read),
        }
    }

    proptest::proptest! {
        /// The hand-read shapes give what the regexes give, on text built from the
        /// characters those shapes are made of.
        #[test]
        fn plain_shapes_read_as_the_regexes_do(text in "[0-9:T t-]{0,17}") {
            proptest::prop_assert_eq!(plain_date(text.as_bytes()), regex_date(&text), "{:?}", &text);
            proptest::prop_assert_eq!(moment(&text), regex_moment(&text), "{:?}", &text);
        }

        /// Real dates and times, which the shapes above rarely hit by chance: the fast
        /// paths read them (validly or not), as the regexes do.
        #[test]
        fn plain_dates_and_times_read_as_the_regexes_do(
            y in 1990u32..2100, mo in 0u32..14, d in 0u32..33, h in 0u32..30, mi in 0u32..70,
            sep in "[ Tt]", short_hour in proptest::bool::ANY,
        ) {
            let clock = if short_hour && h < 10 { format!("{h}:{mi:02}") } else { format!("{h:02}:{mi:02}") };
            for text in [clock.clone(), format!("{y}-{mo:02}-{d:02}{sep}{clock}")] {
                proptest::prop_assert_ne!(plain_moment(&text), Plain::OtherShape, "{:?}", &text);
                proptest::prop_assert_eq!(moment(&text), regex_moment(&text), "{:?}", &text);
            }
            let date = format!("{y}-{mo:02}-{d:02}");
            let by_regex = regex_date(&date);
            proptest::prop_assert_ne!(&by_regex, &Plain::OtherShape);
            proptest::prop_assert_eq!(&plain_date(date.as_bytes()), &by_regex);
            let read = match by_regex { Plain::Read(date) => Some(date), _ => None };
            proptest::prop_assert_eq!(parse_date(&date).ok(), read);
        }
    }
}
