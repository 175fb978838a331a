//! RL305: a measured value that does not parse as a number (monitoring, success and
//! business metrics).

use super::{report, row};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a filled measurement that is not a number with an optional unit: the
    /// Current Value of the monitoring table, the Actual of the
    /// Deployment Success Metrics and the Baseline, Post-Release and Change of the
    /// Business Impact Metrics, at every stage. Accepted: `2%`, `2.5 %`, `180ms`,
    /// `0.18s`, `1,200`, `+116`, `-0.6%`, `1h 2m`.
    ///
    /// ## Why it matters
    /// Statuses are checked against the value and its threshold, and the business
    /// change against post-release minus baseline. A value that cannot be read
    /// (`fine`, `~200ms?`) hides a breached threshold.
    ///
    /// ## Example
    /// ```markdown
    /// | Metric | Threshold | Current Value | Status | Alert |
    /// |--------|-----------|---------------|--------|-------|
    /// | Error Rate | < 1% | low | ✅ Pass | PagerDuty |
    /// ```
    ///
    /// ## How to fix
    /// Write the number you measured, with its unit: `0.21%`.
    pub(crate) struct InvalidNumber {
        code: "RL305",
        name: "invalid-number",
        family: Values,
        severity: Error,
        since: Draft,
        summary: "A measured value does not parse as a number",
        check: check,
    }
}

const KIND: &str = "a number";

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let meta = &InvalidNumber::META;
    for (i, r) in model.monitoring.rows.iter().enumerate() {
        let what = || format!("Current Value of {}", row("metric", &r.metric, i));
        report(ctx, meta, &r.current, KIND, what, out);
    }
    for (i, r) in model.success_metrics.rows.iter().enumerate() {
        let what = || format!("Actual of {}", row("success metric", &r.metric, i));
        report(ctx, meta, &r.actual, KIND, what, out);
    }
    for (i, r) in model.business_metrics.rows.iter().enumerate() {
        let metric = || row("business metric", &r.metric, i);
        for (column, cell) in [
            ("Baseline", &r.baseline),
            ("Post-Release", &r.post_release),
            ("Change", &r.change),
        ] {
            report(
                ctx,
                meta,
                cell,
                KIND,
                || format!("{column} of {}", metric()),
                out,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::check_rule;

    const DOC: &str = "---\nphase: deployment\nstage: closed\noutcome: success\n---\n## Deployment Execution\n### Monitoring During Deployment\n\n| Metric | Threshold | Current Value | Status | Alert |\n|--------|-----------|---------------|--------|-------|\n| Error Rate | < 1% | low | ✅ Pass | PagerDuty |\n| CPU Usage | < 75% | 48% | ✅ Pass | Grafana |\n\n## Post-Release Activities\n### Metrics & Analytics\n\n| Metric | Target | Actual | Status |\n|--------|--------|--------|--------|\n| Deployment Time | < 90m | about an hour | ✅ Met |\n\n| Metric | Baseline | Post-Release | Change |\n|--------|----------|--------------|--------|\n| Support Tickets | 86 | 74 | fewer |\n| Conversion Rate | 71.8% | {{post_conversion}}% | +0.6% |\n";

    #[test]
    fn reports_values_that_do_not_parse() {
        assert_eq!(
            check_rule("RL305", DOC, None),
            ["RL305:11", "RL305:19", "RL305:23"]
        );
    }

    #[test]
    fn filled_values_are_checked_at_every_stage() {
        let closed = check_rule("RL305", DOC, Some(Stage::Closed));
        assert!(!closed.is_empty());
        for stage in Stage::ALL {
            assert_eq!(check_rule("RL305", DOC, Some(*stage)), closed, "{stage}");
        }
    }
}
