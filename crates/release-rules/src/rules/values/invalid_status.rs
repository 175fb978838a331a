//! RL308: a status cell that is not a known status (timeline, monitoring, success
//! metrics).

use super::{report, row};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a filled Status cell that is not a known status: the Deployment Timeline
    /// and the monitoring table, and the Deployment Success Metrics, at every stage.
    /// Known: pass (`✅ OK Pass Passed Met Green Done Complete Completed Healthy`), fail
    /// (`❌ Fail Failed Not met Red Breached Missed Rolled back`), warn (`⚠️ Warning Amber
    /// At risk`), pending (`-`, `Pending`, `Not started`, `In progress`) and not
    /// applicable (`Skipped`, `N/A`, `Not applicable`, `➖`), with or without a symbol and
    /// in any case.
    ///
    /// ## Why it matters
    /// A status is checked against the value and its threshold; one that reads neither
    /// as pass nor fail (`So-so`, `👍 mostly`) cannot be checked, and readers have to
    /// guess whether the phase or metric was fine.
    ///
    /// ## Example
    /// ```markdown
    /// | Phase | Start Time | End Time | Duration | Status | Notes |
    /// |-------|------------|----------|----------|--------|-------|
    /// | Database migration | 14:12 | 14:20 | 8m | Mostly fine | Flyway V51 applied |
    /// ```
    ///
    /// ## How to fix
    /// Use one of the status words, optionally with its symbol: `✅ Completed`,
    /// `⚠️ Warning`, `❌ Failed`. Put details in the Notes column.
    pub(crate) struct InvalidStatus {
        code: "RL308",
        name: "invalid-status",
        family: Values,
        severity: Error,
        since: Draft,
        summary: "A status cell is not a known status",
        check: check,
    }
}

const KIND: &str = "a known status";

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let meta = &InvalidStatus::META;
    for (i, r) in model.timeline.rows.iter().enumerate() {
        let what = || format!("Status of {}", row("timeline phase", &r.phase, i));
        report(ctx, meta, &r.status, KIND, what, out);
    }
    for (i, r) in model.monitoring.rows.iter().enumerate() {
        let what = || format!("Status of {}", row("metric", &r.metric, i));
        report(ctx, meta, &r.status, KIND, what, out);
    }
    for (i, r) in model.success_metrics.rows.iter().enumerate() {
        let what = || format!("Status of {}", row("success metric", &r.metric, i));
        report(ctx, meta, &r.status, KIND, what, out);
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::check_rule;

    const DOC: &str = "---\nphase: deployment\nstage: closed\noutcome: success\n---\n## Deployment Execution\n### Deployment Timeline\n\n| Phase | Start Time | End Time | Duration | Status | Notes |\n|-------|------------|----------|----------|--------|-------|\n| Database migration | 14:12 | 14:20 | 8m | Mostly fine | |\n| Application deployment | 14:20 | 14:41 | 21m | ✅ Completed | |\n\n### Monitoring During Deployment\n\n| Metric | Threshold | Current Value | Status | Alert |\n|--------|-----------|---------------|--------|-------|\n| Error Rate | < 1% | 0.21% | 👍 | PagerDuty |\n| CPU Usage | < 75% | 48% | {{cpu_status}} | Grafana |\n\n## Post-Release Activities\n### Metrics & Analytics\n\n| Metric | Target | Actual | Status |\n|--------|--------|--------|--------|\n| Downtime | < 5m | 0m | Nailed it |\n";

    #[test]
    fn reports_unknown_statuses() {
        assert_eq!(
            check_rule("RL308", DOC, None),
            ["RL308:11", "RL308:18", "RL308:26"]
        );
    }

    #[test]
    fn filled_values_are_checked_at_every_stage() {
        let closed = check_rule("RL308", DOC, Some(Stage::Closed));
        assert!(!closed.is_empty());
        for stage in Stage::ALL {
            assert_eq!(check_rule("RL308", DOC, Some(*stage)), closed, "{stage}");
        }
    }
}
