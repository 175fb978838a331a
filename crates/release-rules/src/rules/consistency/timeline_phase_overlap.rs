//! RL404: a Deployment Timeline phase that starts before the previous phase ends.

use super::timeline::phases;
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a Deployment Timeline row whose Start Time is earlier than the End Time
    /// of the phase before it (the nearest earlier row with a filled End), from
    /// `deployed` on. A gap between phases is fine. A time without a date is on the
    /// Scheduled Date; in a times-only timeline, a Start more than 12 hours before the
    /// previous End is taken to be on the next day (the deployment ran past midnight).
    ///
    /// ## Why it matters
    /// The template's phases run one after the other: checks, migration, deployment,
    /// validation. Overlapping phases usually mean a mistyped time, or a migration that
    /// was still running when the new version went live, which reviewers need to see.
    ///
    /// ## Example
    /// ```markdown
    /// | Phase | Start Time | End Time | Duration | Status | Notes |
    /// |-------|------------|----------|----------|--------|-------|
    /// | Database migration | 14:12 | 14:20 | 8m | ✅ Completed | |
    /// | Application deployment | 14:15 | 14:41 | 26m | ✅ Completed | |
    /// ```
    ///
    /// ## How to fix
    /// Correct the mistyped time. If the phases really ran in parallel, say so in the
    /// Notes and suppress the finding: `<!-- release-lint-disable RL404 -->` before the
    /// table and `<!-- release-lint-enable -->` after it.
    pub(crate) struct TimelinePhaseOverlap {
        code: "RL404",
        name: "timeline-phase-overlap",
        family: Consistency,
        severity: Warning,
        since: Draft,
        summary: "A Deployment Timeline phase starts before the previous phase ends",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let phases = phases(ctx);
    for (index, phase) in phases.iter().enumerate() {
        let Some(start) = phase.start else {
            continue;
        };
        let Some((before, previous)) = phases[..index]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, p)| p.end.is_some())
        else {
            continue;
        };
        if previous.end.is_none_or(|end| start >= end) {
            continue;
        }
        let (Some(start_raw), Some(start_span)) = (phase.row.start.raw(), phase.row.start.span())
        else {
            continue;
        };
        let (Some(end_raw), Some(end_span)) = (previous.row.end.raw(), previous.row.end.span())
        else {
            continue;
        };
        let message = format!(
            "phase {} starts at `{start_raw}`, before the previous phase {} ends at `{end_raw}`; expected a start at or after `{end_raw}`",
            phase.name(index),
            previous.name(before)
        );
        out.push(
            ctx.diagnostic(&TimelinePhaseOverlap::META, start_span, message)
                .with_label(
                    end_span,
                    format!("phase {} ends at `{end_raw}`", previous.name(before)),
                ),
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
    fn overlap_is_reported_on_the_start_cell() {
        let source = doc("| Checks | 14:00 | 14:12 | 12m | ✅ | |\n| Migration | 14:10 | 14:20 | 10m | ✅ | |\n| App | 14:25 | 14:40 | 15m | ✅ | |\n");
        assert_eq!(check_rule("RL404", &source, None), ["RL404:15"]);
        let found = diagnostics("RL404", &source, None);
        assert_eq!(
            found[0].message,
            "phase `Migration` starts at `14:10`, before the previous phase `Checks` ends at `14:12`; expected a start at or after `14:12`"
        );
    }

    #[test]
    fn compares_with_the_nearest_filled_end() {
        let source = doc("| Checks | 14:00 | 14:12 | 12m | ✅ | |\n| Migration | 14:12 | {{end}} | 8m | ✅ | |\n| App | 14:05 | 14:40 | 35m | ✅ | |\n");
        assert_eq!(check_rule("RL404", &source, None), ["RL404:16"]);
    }

    #[test]
    fn a_timeline_past_midnight_does_not_overlap() {
        let source = doc("| Checks | 23:30 | 23:50 | 20m | ✅ | |\n| Migration | 23:50 | 00:05 | 15m | ✅ | |\n| App | 00:05 | 00:30 | 25m | ✅ | |\n| Validation | 00:40 | 01:00 | 20m | ✅ | |\n");
        assert!(check_rule("RL404", &source, None).is_empty());
        let gap =
            doc("| Checks | 23:30 | 23:50 | 20m | ✅ | |\n| App | 00:05 | 00:30 | 25m | ✅ | |\n");
        assert!(check_rule("RL404", &gap, None).is_empty());
    }

    #[test]
    fn checked_at_every_stage() {
        let source = doc(
            "| Checks | 14:00 | 14:12 | 12m | ✅ | |\n| Migration | 14:10 | 14:20 | 10m | ✅ | |\n",
        );
        assert!(
            !check_rule("RL404", &source, Some(Stage::Ready)).is_empty(),
            "filled values are checked at every stage"
        );
    }
}
