//! The Deployment Timeline's phases placed on the calendar, shared by RL402, RL403 and
//! RL404.
//!
//! A time without a date is on the Scheduled Date (else on the first date the timeline
//! writes; with no date anywhere, on an arbitrary day, since only differences matter).
//! Times-only timelines may run past midnight:
//!
//! - within a phase, an End earlier than its Start by the clock is on the next day when
//!   the phase's Duration says so (End + 24h − Start equals the Duration within the
//!   configured tolerance); without such a Duration it stays an End before its Start;
//! - between phases, a time-only Start more than 12 hours before the previous phase's
//!   End is on the next day (a real overlap is minutes, not half a day).
//!
//! Either way the following time-only moments move to that next day too.

use jiff::civil::{Date, DateTime};
use release_doc::values::Moment;
use release_doc::{Field, TimelineRow};

use crate::context::Context;

/// Seconds in half a day: how far back a time-only Start may be before it rolls over.
const HALF_DAY: i64 = 12 * 3600;

/// One timeline row with its Start and End on the calendar (when filled and valid).
pub(super) struct Phase<'a> {
    /// The row.
    pub row: &'a TimelineRow,
    /// When it started.
    pub start: Option<DateTime>,
    /// When it ended.
    pub end: Option<DateTime>,
}

impl Phase<'_> {
    /// The phase's name for messages, quoted, or its position when unnamed.
    pub fn name(&self, index: usize) -> String {
        match self.row.phase.value() {
            Some(name) => format!("`{name}`"),
            None => format!("#{}", index + 1),
        }
    }
}

/// The seconds from `from` to `to` (negative when `to` is earlier).
pub(super) fn seconds_between(from: DateTime, to: DateTime) -> i64 {
    to.duration_since(from).as_secs()
}

/// Every row of the timeline, in order, placed on the calendar.
pub(super) fn phases<'a>(ctx: &Context<'a>) -> Vec<Phase<'a>> {
    let model = ctx.model();
    let rows = &model.timeline.rows;
    let base = model
        .overview
        .scheduled_date
        .value()
        .copied()
        .or_else(|| {
            rows.iter()
                .flat_map(|r| [&r.start, &r.end])
                .find_map(|m| m.value().and_then(|m| m.date))
        })
        .unwrap_or(jiff::civil::date(2000, 1, 1));
    let tolerance = ctx.settings.options.duration_tolerance_minutes.max(0.0) * 60.0;
    let mut day = 0i64;
    let mut previous_end: Option<DateTime> = None;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut start = place(&row.start, base, day);
        if let (Some(s), Some(prev), Some(m)) = (start, previous_end, row.start.value()) {
            if m.date.is_none() && seconds_between(s, prev) > HALF_DAY {
                day += 1;
                start = place(&row.start, base, day);
            }
        }
        let mut end = place(&row.end, base, day);
        if let (Some(s), Some(e), Some(m)) = (start, end, row.end.value()) {
            let next = place(&row.end, base, day + 1);
            if m.date.is_none()
                && e < s
                && next.is_some_and(|n| duration_says(row, s, n, tolerance))
            {
                day += 1;
                end = next;
            }
        } else if let (None, Some(e), Some(prev), Some(m)) =
            (start, end, previous_end, row.end.value())
        {
            if m.date.is_none() && seconds_between(e, prev) > HALF_DAY {
                day += 1;
                end = place(&row.end, base, day);
            }
        }
        previous_end = end.or(previous_end);
        out.push(Phase { row, start, end });
    }
    out
}

/// Whether the row's Duration equals `end − start` within `tolerance` seconds.
fn duration_says(row: &TimelineRow, start: DateTime, end: DateTime, tolerance: f64) -> bool {
    row.duration.value().is_some_and(|d| {
        let actual = seconds_between(start, end) as f64;
        (d.seconds as f64 - actual).abs() <= tolerance + 1e-9
    })
}

/// A filled moment on the calendar: its own date, else `base` plus `day` days.
fn place(field: &Field<Moment>, base: Date, day: i64) -> Option<DateTime> {
    let moment = field.value()?;
    let shifted = base.checked_add(jiff::Span::new().days(day)).ok()?;
    moment.on(Some(shifted))
}
