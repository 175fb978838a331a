//! RL402: a Deployment Timeline phase that ends before it starts.

use super::timeline::{phases, seconds_between};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a Deployment Timeline row whose End Time is earlier than its Start Time,
    /// at every stage. A time without a date is on the Scheduled Date. A phase that
    /// runs past midnight with times only (`23:50` → `00:10`) is accepted when its
    /// Duration says so (`20m`); without such a Duration, write the dates
    /// (`2026-11-30 23:50`, `2026-12-01 00:10`).
    ///
    /// ## Why it matters
    /// The timeline is the record of what happened when; incident reviews and the
    /// deployment-time metrics are computed from it. An end before the start is a typo
    /// that makes every number derived from the row wrong.
    ///
    /// ## Example
    /// ```markdown
    /// | Phase | Start Time | End Time | Duration | Status | Notes |
    /// |-------|------------|----------|----------|--------|-------|
    /// | Database migration | 14:30 | 14:10 | 20m | ✅ Completed | |
    /// ```
    ///
    /// ## How to fix
    /// Correct the Start or End Time (`14:30` → `14:50` above). For a phase that ran past
    /// midnight, give its Duration or write both dates.
    pub(crate) struct TimelineEndBeforeStart {
        code: "RL402",
        name: "timeline-end-before-start",
        family: Consistency,
        severity: Error,
        since: Draft,
        summary: "A Deployment Timeline phase ends before it starts",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (index, phase) in phases(ctx).iter().enumerate() {
        let (Some(start), Some(end)) = (phase.start, phase.end) else {
            continue;
        };
        if end >= start {
            continue;
        }
        let row = phase.row;
        let (Some(start_raw), Some(start_span)) = (row.start.raw(), row.start.span()) else {
            continue;
        };
        let (Some(end_raw), Some(end_span)) = (row.end.raw(), row.end.span()) else {
            continue;
        };
        // Only a times-only End more than half a day "before" its Start looks like a
        // phase that ran past midnight.
        let dateless = [&row.start, &row.end]
            .iter()
            .all(|m| m.value().is_some_and(|m| m.date.is_none()));
        let hint = if dateless && seconds_between(end, start) > 12 * 3600 {
            "; if the phase ran past midnight, give the Duration it took or write the dates"
        } else {
            ""
        };
        let message = format!(
            "phase {} ends at `{end_raw}`, before it starts at `{start_raw}`; expected an end at or after the start{hint}",
            phase.name(index)
        );
        out.push(
            ctx.diagnostic(&TimelineEndBeforeStart::META, end_span, message)
                .with_label(start_span, format!("the phase starts at `{start_raw}`")),
        );
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    fn doc(rows: &str) -> String {
        format!(
            "---\nphase: deployment\nstage: deployed\n---\n## Overview\n\n**Scheduled Date**: 2026-11-30\n\n## Deployment Execution\n### Deployment Timeline\n\n| Phase | Start Time | End Time | Duration | Status | Notes |\n|---|---|---|---|---|---|\n{rows}"
        )
    }

    #[test]
    fn end_before_start_is_reported_on_the_end_cell() {
        let source = doc(
            "| Checks | 14:00 | 14:10 | 10m | ✅ | |\n| Migration | 14:30 | 14:10 | 20m | ✅ | |\n",
        );
        assert_eq!(check_rule("RL402", &source, None), ["RL402:15"]);
        let found = diagnostics("RL402", &source, None);
        assert!(found[0]
            .message
            .starts_with("phase `Migration` ends at `14:10`, before it starts at `14:30`"));
        assert_eq!(found[0].labels.len(), 1);
        assert!(!found[0].message.contains("midnight"));
    }

    #[test]
    fn midnight_is_crossed_only_when_the_duration_says_so() {
        let crossing = doc("| Migration | 23:50 | 00:10 | 20m | ✅ | |\n");
        assert!(check_rule("RL402", &crossing, None).is_empty());
        let no_duration = doc("| Migration | 23:50 | 00:10 | {{d}} | ✅ | |\n");
        assert_eq!(check_rule("RL402", &no_duration, None), ["RL402:14"]);
        let found = diagnostics("RL402", &no_duration, None);
        assert!(found[0].message.ends_with(
            "if the phase ran past midnight, give the Duration it took or write the dates"
        ));
        let dated = doc("| Migration | 2026-11-30 23:50 | 2026-11-30 00:10 | 20m | ✅ | |\n");
        assert_eq!(check_rule("RL402", &dated, None), ["RL402:14"]);
        let next_day = doc("| Migration | 2026-11-30 23:50 | 2026-12-01 00:10 | 20m | ✅ | |\n");
        assert!(check_rule("RL402", &next_day, None).is_empty());
    }

    #[test]
    fn silent_when_unfilled() {
        let source = doc(
            "| Migration | 14:30 | 14:10 | 20m | ✅ | |\n| App | {{s}} | 14:00 | 5m | ✅ | |\n",
        );
        assert!(
            !check_rule("RL402", &source, Some(Stage::Ready)).is_empty(),
            "filled values are checked at every stage"
        );
        assert_eq!(check_rule("RL402", &source, None).len(), 1);
    }
}
