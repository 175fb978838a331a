//! RL403: a Deployment Timeline Duration that is not End − Start.

use release_doc::values::datetime::Duration;
use release_doc::Field;

use super::timeline::{phases, seconds_between};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a Deployment Timeline row whose Duration differs from End Time − Start
    /// Time by more than the tolerance (one minute unless configured by the rule option
    /// `duration-tolerance-minutes`), at every stage. A time without a date is on the
    /// Scheduled Date; a row whose End is before its Start is left to
    /// `timeline-end-before-start`.
    ///
    /// ## Why it matters
    /// Durations are what deployment-time targets and retrospectives are measured on.
    /// When the written Duration disagrees with the times, one of them is wrong and the
    /// numbers built on the row cannot be trusted.
    ///
    /// ## Example
    /// ```markdown
    /// | Phase | Start Time | End Time | Duration | Status | Notes |
    /// |-------|------------|----------|----------|--------|-------|
    /// | Pre-deployment checks | 14:00 | 14:12 | 20m | ✅ Completed | |
    /// ```
    ///
    /// ## How to fix
    /// Write the Duration the times give (`12m` above), or correct the time that was
    /// mistyped.
    pub(crate) struct TimelineDurationMismatch {
        code: "RL403",
        name: "timeline-duration-mismatch",
        family: Consistency,
        severity: Warning,
        since: Draft,
        summary: "A Deployment Timeline Duration differs from End − Start",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let tolerance = ctx.settings.options.duration_tolerance_minutes.max(0.0);
    for (index, phase) in phases(ctx).iter().enumerate() {
        let (Some(start), Some(end)) = (phase.start, phase.end) else {
            continue;
        };
        let row = phase.row;
        let Field::Value {
            value: written,
            raw,
            span,
            ..
        } = &row.duration
        else {
            continue;
        };
        let Ok(elapsed) = u64::try_from(seconds_between(start, end)) else {
            continue; // End before Start: RL402.
        };
        let off = written.seconds.abs_diff(elapsed);
        if off as f64 <= tolerance * 60.0 + 1e-9 {
            continue;
        }
        let (start_raw, end_raw) = (row.start.raw().unwrap_or(""), row.end.raw().unwrap_or(""));
        let elapsed = Duration { seconds: elapsed };
        let message = format!(
            "duration `{raw}` of phase {} differs by {} from End − Start (`{start_raw}` → `{end_raw}` = {elapsed}); expected {elapsed} (tolerance {})",
            phase.name(index),
            Duration { seconds: off },
            minutes(tolerance)
        );
        let mut d = ctx.diagnostic(&TimelineDurationMismatch::META, *span, message);
        for (field, what) in [(&row.start, "starts"), (&row.end, "ends")] {
            if let (Some(at), Some(text)) = (field.span(), field.raw()) {
                d = d.with_label(at, format!("the phase {what} at `{text}`"));
            }
        }
        out.push(d);
    }
}

/// `1 minute`, `2 minutes`, `0.5 minutes`.
fn minutes(n: f64) -> String {
    if (n - 1.0).abs() < 1e-9 {
        "1 minute".to_owned()
    } else {
        format!("{n} minutes")
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::enums::Stage;

    use crate::test_support::{check_rule, diagnostics};

    fn doc(rows: &str) -> String {
        format!(
            "---\nphase: deployment\nstage: deployed\n---\n## Overview\n\n**Scheduled Date**: 2026-11-30\n\n## Deployment Execution\n### Deployment Timeline\n\n| Phase | Start Time | End Time | Duration | Status | Notes |\n|---|---|---|---|---|---|\n{rows}"
        )
    }

    #[test]
    fn mismatch_beyond_one_minute_is_reported_on_the_duration_cell() {
        let source = doc("| Checks | 14:00 | 14:12 | 20m | ✅ | |\n| Migration | 14:12 | 14:20 | 9m | ✅ | |\n| App | 14:20 | 15:22 | 1h 2m | ✅ | |\n");
        assert_eq!(check_rule("RL403", &source, None), ["RL403:14"]);
        let found = diagnostics("RL403", &source, None);
        assert_eq!(
            found[0].message,
            "duration `20m` of phase `Checks` differs by 8m from End − Start (`14:00` → `14:12` = 12m); expected 12m (tolerance 1 minute)"
        );
        assert_eq!(found[0].labels.len(), 2);
    }

    #[test]
    fn past_midnight_and_end_before_start_are_not_mismatches() {
        let source = doc(
            "| Migration | 23:50 | 00:10 | 20m | ✅ | |\n| App | 14:30 | 14:10 | 20m | ✅ | |\n",
        );
        assert!(check_rule("RL403", &source, None).is_empty());
    }

    #[test]
    fn silent_when_unfilled() {
        let source =
            doc("| Checks | 14:00 | 14:12 | 20m | ✅ | |\n| App | 14:20 | {{end}} | 5m | ✅ | |\n");
        assert!(
            !check_rule("RL403", &source, Some(Stage::Planned)).is_empty(),
            "filled values are checked at every stage"
        );
        assert_eq!(check_rule("RL403", &source, None).len(), 1);
    }
}
