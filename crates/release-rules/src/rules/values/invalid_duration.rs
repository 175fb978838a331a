//! RL304: a duration that does not parse (timeline, Issues Encountered).

use super::{report, row};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a filled Duration of the Deployment Timeline or of Issues Encountered
    /// that does not parse, at every stage. Accepted: `45m`, `45 min`, `1h`, `1 hour`,
    /// `1h 30m`, `90 minutes`, `1:30` and ISO 8601 (`PT1H30M`).
    ///
    /// ## Why it matters
    /// Durations are checked against End − Start, and an issue's duration against the
    /// MTTR target. A duration that cannot be read (`a while`, `~half an hour`) turns
    /// those checks off.
    ///
    /// ## Example
    /// ```markdown
    /// | Time | Issue | Severity | Impact | Resolution | Duration |
    /// |------|-------|----------|--------|------------|----------|
    /// | 14:27 | Readiness probe failures | Medium | None | Raised delay | a while |
    /// ```
    ///
    /// ## How to fix
    /// Write the duration with a unit: `6m`, `1h 5m`, `90 minutes`.
    pub(crate) struct InvalidDuration {
        code: "RL304",
        name: "invalid-duration",
        family: Values,
        severity: Error,
        since: Draft,
        summary: "A duration does not parse",
        check: check,
    }
}

const KIND: &str = "a valid duration";

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let meta = &InvalidDuration::META;
    for (i, r) in model.timeline.rows.iter().enumerate() {
        let what = || format!("Duration of {}", row("timeline phase", &r.phase, i));
        report(ctx, meta, &r.duration, KIND, what, out);
    }
    for (i, r) in model.issues.rows.iter().enumerate() {
        let what = || format!("Duration of {}", row("issue", &r.issue, i));
        report(ctx, meta, &r.duration, KIND, what, out);
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::check_rule;

    const DOC: &str = "---\nphase: deployment\nstage: deployed\noutcome: success\n---\n## Deployment Execution\n### Deployment Timeline\n\n| Phase | Start Time | End Time | Duration | Status | Notes |\n|-------|------------|----------|----------|--------|-------|\n| Database migration | 14:12 | 14:20 | eight minutes | ✅ Completed | |\n| Application deployment | 14:20 | 14:41 | 21 min | ✅ Completed | |\n| Post-deployment validation | 14:41 | 15:02 | {{post_duration}} | ✅ Completed | |\n\n## Incident Response\n### Issues Encountered\n\n| Time | Issue | Severity | Impact | Resolution | Duration |\n|------|-------|----------|--------|------------|----------|\n| 14:27 | Readiness probe failures | Medium | None | Raised delay | a while |\n| 14:52 | Stale fixture | Low | None | Re-seeded | 1:05 |\n";

    #[test]
    fn reports_durations_that_do_not_parse() {
        assert_eq!(check_rule("RL304", DOC, None), ["RL304:11", "RL304:20"]);
    }

    #[test]
    fn checked_before_deployed_too() {
        assert!(
            !check_rule("RL304", DOC, Some(Stage::Ready)).is_empty(),
            "filled values are checked at every stage"
        );
    }
}
