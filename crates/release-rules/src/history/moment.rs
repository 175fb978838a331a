//! When a release was deployed, as an instant (spec section 9).

use jiff::tz::{Offset, TimeZone};
use jiff::Timestamp;
use release_doc::values::Moment;
use release_doc::ReleaseDoc;

/// The Start of the first Deployment Timeline row (on the Scheduled Date when it has no
/// date of its own), else the Scheduled Date at 00:00; in UTC, a time without a zone
/// (or with one that is not an offset, `UTC`, `GMT`, `Z` or a known `Area/City`) being
/// read as UTC.
pub(crate) fn deployed_at(doc: &ReleaseDoc) -> Option<Timestamp> {
    let scheduled = doc.overview.scheduled_date.value().copied();
    let first = doc.timeline.rows.first().and_then(|row| row.start.value());
    match first.and_then(|start| instant(start, scheduled)) {
        Some(at) => Some(at),
        None => TimeZone::UTC
            .to_timestamp(scheduled?.to_datetime(jiff::civil::Time::midnight()))
            .ok(),
    }
}

/// `moment` on `default_date`, as an instant.
fn instant(moment: &Moment, default_date: Option<jiff::civil::Date>) -> Option<Timestamp> {
    let civil = moment.on(default_date)?;
    let zone = moment.zone.as_deref().map_or(TimeZone::UTC, zone_of);
    zone.to_timestamp(civil).ok()
}

/// The time zone a [`Moment`] names: an offset (`+01:00`), an `Area/City` name known to
/// the system's time zone database, else UTC.
fn zone_of(written: &str) -> TimeZone {
    if let Some(offset) = offset_of(written) {
        return TimeZone::fixed(offset);
    }
    if written.contains('/') {
        if let Ok(tz) = TimeZone::get(written) {
            return tz;
        }
    }
    TimeZone::UTC
}

/// `+01:00`, `-05:30`, or `UTC+2`-style offsets.
fn offset_of(written: &str) -> Option<Offset> {
    let rest = written
        .strip_prefix("UTC")
        .or_else(|| written.strip_prefix("GMT"))
        .unwrap_or(written);
    let (sign, digits) = match rest.chars().next()? {
        '+' => (1, &rest[1..]),
        '-' => (-1, &rest[1..]),
        _ => return None,
    };
    let (h, m) = digits.split_once(':').unwrap_or((digits, "0"));
    let seconds = h.parse::<i32>().ok()? * 3600 + m.parse::<i32>().ok()? * 60;
    Offset::from_seconds(sign * seconds).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(table_start: &str) -> Option<String> {
        let text = format!(
            "# R\n\n## Overview\n\n**Scheduled Date**: 2026-11-30\n\n## Deployment Timeline\n\n\
             | Phase | Start | End | Duration | Status | Notes |\n|---|---|---|---|---|---|\n\
             | Deploy | {table_start} | 15:00 | 1h | ✅ | - |\n"
        );
        deployed_at(&release_doc::parse(&text).value).map(|t| t.to_string())
    }

    #[test]
    fn the_first_phase_start_in_utc() {
        assert_eq!(at("14:00").as_deref(), Some("2026-11-30T14:00:00Z"));
        assert_eq!(at("14:00 +01:00").as_deref(), Some("2026-11-30T13:00:00Z"));
        assert_eq!(at("14:00 UTC").as_deref(), Some("2026-11-30T14:00:00Z"));
        assert_eq!(
            at("2026-12-01 09:30").as_deref(),
            Some("2026-12-01T09:30:00Z")
        );
        // No start: the Scheduled Date at midnight.
        assert_eq!(at("{{start}}").as_deref(), Some("2026-11-30T00:00:00Z"));
    }

    #[test]
    fn offsets() {
        assert_eq!(offset_of("+01:00").map(|o| o.seconds()), Some(3600));
        assert_eq!(offset_of("-05:30").map(|o| o.seconds()), Some(-19800));
        assert_eq!(offset_of("UTC+2").map(|o| o.seconds()), Some(7200));
        assert_eq!(offset_of("CET"), None);
    }
}
