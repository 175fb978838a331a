//! Calendar periods a history is cut into: ISO weeks, months and quarters, in UTC.

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use serde::Serialize;

/// How the history is cut (`--by`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PeriodKind {
    /// ISO weeks, Monday to Sunday (`2026-W48`).
    Week,
    /// Calendar months (`2026-11`).
    #[default]
    Month,
    /// Calendar quarters (`2026-Q4`).
    Quarter,
}

impl PeriodKind {
    /// The name on the command line and in JSON.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodKind::Week => "week",
            PeriodKind::Month => "month",
            PeriodKind::Quarter => "quarter",
        }
    }

    /// The period `date` is in: its label and its first and last days.
    #[must_use]
    pub fn of(self, date: Date) -> (String, Date, Date) {
        match self {
            PeriodKind::Week => {
                let iso = date.iso_week_date();
                let monday = date
                    .checked_sub(i64::from(date.weekday().to_monday_zero_offset()).days())
                    .unwrap_or(date);
                let sunday = monday.checked_add(6.days()).unwrap_or(monday);
                debug_assert_eq!(monday.weekday(), Weekday::Monday);
                (
                    format!("{:04}-W{:02}", iso.year(), iso.week()),
                    monday,
                    sunday,
                )
            }
            PeriodKind::Month => (
                format!("{:04}-{:02}", date.year(), date.month()),
                date.first_of_month(),
                date.last_of_month(),
            ),
            PeriodKind::Quarter => {
                let q = (date.month() - 1) / 3;
                let first = Date::new(date.year(), q * 3 + 1, 1).unwrap_or(date);
                let last = Date::new(date.year(), q * 3 + 3, 1)
                    .map(|d| d.last_of_month())
                    .unwrap_or(date);
                (format!("{:04}-Q{}", date.year(), q + 1), first, last)
            }
        }
    }
}

/// Days from `first` to `last`, both included (0 when `last` is before `first`).
#[must_use]
pub fn days_inclusive(first: Date, last: Date) -> i64 {
    if last < first {
        return 0;
    }
    first
        .until(last)
        .map_or(0, |span| i64::from(span.get_days()) + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn periods_have_labels_and_bounds() {
        let d = date(2026, 11, 30);
        assert_eq!(
            PeriodKind::Month.of(d),
            ("2026-11".into(), date(2026, 11, 1), date(2026, 11, 30))
        );
        assert_eq!(
            PeriodKind::Quarter.of(d),
            ("2026-Q4".into(), date(2026, 10, 1), date(2026, 12, 31))
        );
        assert_eq!(
            PeriodKind::Week.of(d),
            ("2026-W49".into(), date(2026, 11, 30), date(2026, 12, 6))
        );
        // 2027-01-01 is a Friday of ISO week 53 of 2026.
        assert_eq!(PeriodKind::Week.of(date(2027, 1, 1)).0, "2026-W53");
        assert_eq!(days_inclusive(date(2026, 1, 1), date(2026, 12, 31)), 365);
        assert_eq!(days_inclusive(date(2026, 3, 1), date(2026, 3, 1)), 1);
        assert_eq!(days_inclusive(date(2026, 3, 2), date(2026, 3, 1)), 0);
    }
}
