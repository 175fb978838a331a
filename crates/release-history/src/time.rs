//! Times of a document as instants in UTC: a time written without a zone is UTC, one
//! with a zone (`Z`, `+01:00`, `CET`, `Europe/Berlin`) is converted.

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::Timestamp;
use release_doc::internal::zone_meaning;

/// The instant of `datetime` read in `zone` (a zone as the parser keeps it), or the
/// zone's name when it is not one we can convert.
///
/// # Errors
///
/// The zone, as written, when it names no known zone.
pub fn to_utc(datetime: DateTime, zone: Option<&str>) -> Result<Timestamp, String> {
    let tz = match zone {
        None => TimeZone::UTC,
        Some(zone) => time_zone(zone).ok_or_else(|| zone.to_owned())?,
    };
    tz.to_timestamp(datetime)
        .map_err(|_| zone.unwrap_or("UTC").to_owned())
}

/// Midnight UTC at the start of `date`.
#[must_use]
pub fn midnight(date: Date) -> Timestamp {
    // A civil date at 00:00 is always representable in UTC.
    TimeZone::UTC
        .to_timestamp(date.to_datetime(jiff::civil::Time::midnight()))
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

/// The UTC calendar date of `at`.
#[must_use]
pub fn utc_date(at: Timestamp) -> Date {
    TimeZone::UTC.to_datetime(at).date()
}

/// A zone as [`release_doc::values::Moment`] keeps it: `Z`, an offset
/// `+01:00`, an `Area/City` name, or an abbreviation (`CET`, `UTC+2`).
fn time_zone(zone: &str) -> Option<TimeZone> {
    if zone.eq_ignore_ascii_case("z") {
        return Some(TimeZone::UTC);
    }
    if zone.contains('/') {
        return TimeZone::get(zone).ok();
    }
    if let Some(offset) = offset(zone) {
        return Some(TimeZone::fixed(offset));
    }
    // An abbreviation, possibly with an offset after it (`UTC+2`, `GMT-05:00`).
    let at = zone.find(['+', '-']).unwrap_or(zone.len());
    let (name, extra) = zone.split_at(at);
    let meaning = zone_meaning(name)?;
    let base = if meaning.contains('/') {
        return extra
            .is_empty()
            .then(|| TimeZone::get(meaning).ok())
            .flatten();
    } else {
        offset(meaning)?
    };
    let extra = if extra.is_empty() {
        Offset::UTC
    } else {
        offset(extra)?
    };
    let seconds = base.seconds() + extra.seconds();
    Offset::from_seconds(seconds).ok().map(TimeZone::fixed)
}

/// `+01:00`, `-0530`, `+2` as an offset.
fn offset(text: &str) -> Option<Offset> {
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = if digits.len() <= 2 {
        (digits.as_str(), "0")
    } else {
        digits.split_at(digits.len() - 2)
    };
    let hours: i32 = hours.parse().ok()?;
    let minutes: i32 = minutes.parse().ok()?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn utc(zone: Option<&str>) -> String {
        to_utc(date(2026, 11, 30).at(14, 5, 0, 0), zone)
            .map(|t| t.to_string())
            .unwrap_or_else(|z| format!("unknown {z}"))
    }

    #[test]
    fn times_without_a_zone_are_utc_and_zones_convert() {
        assert_eq!(utc(None), "2026-11-30T14:05:00Z");
        assert_eq!(utc(Some("Z")), "2026-11-30T14:05:00Z");
        assert_eq!(utc(Some("UTC")), "2026-11-30T14:05:00Z");
        assert_eq!(utc(Some("+01:00")), "2026-11-30T13:05:00Z");
        assert_eq!(utc(Some("-05:30")), "2026-11-30T19:35:00Z");
        assert_eq!(utc(Some("CET")), "2026-11-30T13:05:00Z");
        assert_eq!(utc(Some("UTC+2")), "2026-11-30T12:05:00Z");
        assert_eq!(utc(Some("PST")), "2026-11-30T22:05:00Z");
        assert_eq!(utc(Some("Europe/Berlin")), "2026-11-30T13:05:00Z");
        assert_eq!(utc(Some("Mars/Olympus")), "unknown Mars/Olympus");
        assert_eq!(utc(Some("XYZ")), "unknown XYZ");
    }
}
