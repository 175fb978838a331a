//! RL303: a time that does not parse (timeline, Issues Encountered, Communication Log).

use super::{report, row};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a filled time that does not parse, at every stage: the Start Time and End Time of the Deployment Timeline, the Time of Issues
    /// Encountered and of the Communication Log. Accepted: `14:05`, `14:05 UTC`,
    /// `2:05 PM`, `2026-11-30 14:05` and RFC 3339 timestamps; a time without a date is on
    /// the Scheduled Date.
    ///
    /// ## Why it matters
    /// The timeline's durations, gaps and order are computed from these times, and the
    /// issue times tie incidents to deployment phases. A time that cannot be read
    /// (`25:61`, `after lunch`) hides those checks.
    ///
    /// ## Example
    /// ```markdown
    /// | Phase | Start Time | End Time | Duration | Status | Notes |
    /// |-------|------------|----------|----------|--------|-------|
    /// | Database migration | 14:12 | 14h20 | 8m | ✅ Completed | Flyway V51 applied |
    /// ```
    ///
    /// ## How to fix
    /// Write the time as `HH:MM` (24-hour), with a zone if useful (`14:20 UTC`), or a
    /// full date and time (`2026-11-30 14:20`).
    pub(crate) struct InvalidTime {
        code: "RL303",
        name: "invalid-time",
        family: Values,
        severity: Error,
        since: Draft,
        summary: "A time does not parse",
        check: check,
    }
}

const KIND: &str = "a valid time";

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let meta = &InvalidTime::META;
    for (i, r) in model.timeline.rows.iter().enumerate() {
        let phase = || row("timeline phase", &r.phase, i);
        report(
            ctx,
            meta,
            &r.start,
            KIND,
            || format!("Start Time of {}", phase()),
            out,
        );
        report(
            ctx,
            meta,
            &r.end,
            KIND,
            || format!("End Time of {}", phase()),
            out,
        );
    }
    for (i, r) in model.issues.rows.iter().enumerate() {
        let what = || format!("Time of {}", row("issue", &r.issue, i));
        report(ctx, meta, &r.time, KIND, what, out);
    }
    for (i, r) in model.communication_log.rows.iter().enumerate() {
        let what = || format!("Time of {}", row("message", &r.message, i));
        report(ctx, meta, &r.time, KIND, what, out);
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    const DOC: &str = "---\nphase: deployment\nstage: deployed\noutcome: success\n---\n## Deployment Execution\n### Deployment Timeline\n\n| Phase | Start Time | End Time | Duration | Status | Notes |\n|-------|------------|----------|----------|--------|-------|\n| Database migration | 14:12 | 14h20 | 8m | ✅ Completed | |\n| Application deployment | {{app_start}} | 14:41 | 21m | ✅ Completed | |\n\n## Incident Response\n### Issues Encountered\n\n| Time | Issue | Severity | Impact | Resolution | Duration |\n|------|-------|----------|--------|------------|----------|\n| 25:61 | Readiness probe failures | Medium | None | Raised delay | 6m |\n\n## Communication Log\n\n| Time | Audience | Message | Channel | Response |\n|------|----------|---------|---------|----------|\n| after lunch | Engineering | Deployment started | #release | Acknowledged |\n| 2026-11-03 16:00 | Support | Release tomorrow | Email | OK |\n";

    #[test]
    fn reports_times_that_do_not_parse() {
        assert_eq!(
            check_rule("RL303", DOC, None),
            ["RL303:11", "RL303:19", "RL303:25"]
        );
        let found = diagnostics("RL303", DOC, None);
        assert_eq!(
            found[0].message,
            "End Time of timeline phase `Database migration` is `14h20`, not a valid time; expected a time like 14:05, 14:05 UTC or 2026-11-30 14:05"
        );
    }

    #[test]
    fn checked_before_deployed_too() {
        assert!(
            !check_rule("RL303", DOC, Some(Stage::Ready)).is_empty(),
            "filled values are checked at every stage"
        );
    }
}
