//! RL306: a threshold or target that does not parse (monitoring, success metrics,
//! rollback triggers).

use release_doc::values::parse_threshold;

use super::{invalid, push, report, row};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a filled threshold that is not a comparator and a number: the
    /// monitoring table's Threshold, the rollback triggers and the Deployment Success
    /// Metrics' Target, at every stage. Accepted: `< 1%`, `<=200ms`,
    /// `≤ 200 ms`, `> 95%`, `under 500ms`, `at least 99%`. A rollback trigger is a
    /// sentence: a threshold followed by more words (`> 1% for 5 minutes`) is fine.
    ///
    /// ## Why it matters
    /// Statuses are checked against thresholds, and the rollback triggers against the
    /// monitoring thresholds of the same metric. A bare number (`1%`: above or below?)
    /// or text (`normal`) leaves the on-call engineer guessing when to roll back.
    ///
    /// ## Example
    /// ```markdown
    /// | Metric | Threshold | Current Value | Status | Alert |
    /// |--------|-----------|---------------|--------|-------|
    /// | Error Rate | 1% | 0.21% | ✅ Pass | PagerDuty |
    /// ```
    ///
    /// ## How to fix
    /// Put the comparator before the number: `< 1%`.
    pub(crate) struct InvalidThreshold {
        code: "RL306",
        name: "invalid-threshold",
        family: Values,
        severity: Error,
        since: Draft,
        summary: "A threshold or target does not parse as a comparator and a number",
        check: check,
    }
}

const KIND: &str = "a valid threshold";

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let meta = &InvalidThreshold::META;
    for (i, r) in model.monitoring.rows.iter().enumerate() {
        let what = || format!("Threshold of {}", row("metric", &r.metric, i));
        report(ctx, meta, &r.threshold, KIND, what, out);
    }
    for trigger in &model.rollback.triggers {
        let Some(found) = invalid(&trigger.threshold) else {
            continue;
        };
        if starts_with_threshold(found.raw) {
            continue;
        }
        let what = format!("rollback trigger `{}`", trigger.metric);
        push(ctx, meta, &found, KIND, what, out);
    }
    for (i, r) in model.success_metrics.rows.iter().enumerate() {
        let what = || format!("Target of {}", row("success metric", &r.metric, i));
        report(ctx, meta, &r.target, KIND, what, out);
    }
}

/// Whether the text begins with a threshold followed by more words (`> 1% for 5 min`).
fn starts_with_threshold(text: &str) -> bool {
    let mut end = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        end += word.len();
        if text
            .get(..end)
            .is_some_and(|head| parse_threshold(head).is_ok())
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::check_rule;

    const DOC: &str = "---\nphase: deployment\nstage: closed\noutcome: success\n---\n## Pre-Deployment Planning\n### Rollback Plan\n\n**Rollback Triggers**:\n\n- [ ] Error rate > 1% for 5 minutes\n- [ ] Response time > slow\n- [ ] Memory usage > {{memory_threshold}}%\n- [ ] Critical functionality broken\n\n## Deployment Execution\n### Monitoring During Deployment\n\n| Metric | Threshold | Current Value | Status | Alert |\n|--------|-----------|---------------|--------|-------|\n| Error Rate | 1% | 0.21% | ✅ Pass | PagerDuty |\n| CPU Usage | < 75% | 48% | ✅ Pass | Grafana |\n\n## Post-Release Activities\n### Metrics & Analytics\n\n| Metric | Target | Actual | Status |\n|--------|--------|--------|--------|\n| Downtime | minimal | 0m | ✅ Met |\n";

    #[test]
    fn reports_thresholds_that_do_not_parse() {
        assert_eq!(
            check_rule("RL306", DOC, None),
            ["RL306:12", "RL306:21", "RL306:29"]
        );
    }

    #[test]
    fn filled_values_are_checked_at_every_stage() {
        let closed = check_rule("RL306", DOC, Some(Stage::Closed));
        assert!(!closed.is_empty());
        for stage in Stage::ALL {
            assert_eq!(check_rule("RL306", DOC, Some(*stage)), closed, "{stage}");
        }
    }
}
