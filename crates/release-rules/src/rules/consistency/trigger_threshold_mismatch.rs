//! RL405: a rollback trigger whose limit differs from the monitoring threshold of the
//! same metric.

use release_doc::values::Threshold;
use release_doc::{Field, MetricRow};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Compares each Rollback Trigger that names a metric and a limit (`Error rate > 1%`)
    /// with the Threshold of the same metric in the Monitoring During Deployment table
    /// (`Error Rate | < 1%`), at every stage. Only the number and unit are compared,
    /// after unit conversion (`0.3s` is `300ms`): the comparators are naturally opposite
    /// (the trigger fires above the limit the threshold keeps below). Metric names match
    /// loosely: case, punctuation and parenthesised qualifiers are ignored, and one name
    /// may add words to the other (`Response time` matches `Response Time (P95)` and
    /// `P95 response time`).
    ///
    /// ## Why it matters
    /// The on-call engineer watches the monitoring thresholds and rolls back on the
    /// triggers. When they disagree (alert at 1%, roll back at 5%), nobody knows which
    /// number decides, and the rollback comes late or never.
    ///
    /// ## Example
    /// ```markdown
    /// **Rollback Triggers**:
    ///
    /// - [ ] Error rate > 5%
    ///
    /// | Metric | Threshold | Current Value | Status | Alert |
    /// |--------|-----------|---------------|--------|-------|
    /// | Error Rate | < 1% | | | PagerDuty `api-5xx` |
    /// ```
    ///
    /// ## How to fix
    /// Agree on one limit and write it in both places (`Error rate > 1%`).
    pub(crate) struct TriggerThresholdMismatch {
        code: "RL405",
        name: "trigger-threshold-mismatch",
        family: Consistency,
        severity: Error,
        since: Draft,
        summary: "A rollback trigger's limit differs from the monitoring threshold of the same metric",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    // The words of each monitoring row's metric, computed once, when first needed.
    let mut row_words: Option<Vec<Option<Vec<String>>>> = None;
    for trigger in &model.rollback.triggers {
        let Field::Value {
            value: limit,
            raw,
            span,
            ..
        } = &trigger.threshold
        else {
            continue;
        };
        let wanted = words(&trigger.metric);
        if wanted.is_empty() {
            continue;
        }
        // Rows of the same metric with a filled threshold, exact name matches first.
        let names = row_words.get_or_insert_with(|| {
            model
                .monitoring
                .rows
                .iter()
                .map(|row| row.metric.value().map(|m| words(m)))
                .collect()
        });
        let mut rows: Vec<(bool, &MetricRow, &Threshold)> = model
            .monitoring
            .rows
            .iter()
            .zip(names.iter())
            .filter_map(|(row, name)| {
                let name = name.as_ref()?;
                let threshold = row.threshold.value()?;
                let exact = *name == wanted;
                (exact || subset(name, &wanted) || subset(&wanted, name))
                    .then_some((exact, row, threshold))
            })
            .collect();
        rows.sort_by_key(|(exact, _, _)| !exact);
        if rows
            .iter()
            .any(|(_, _, t)| t.quantity.approx_eq(&limit.quantity))
        {
            continue;
        }
        let Some((_, row, threshold)) = rows.first() else {
            continue;
        };
        let (Some(row_raw), Some(row_span)) = (row.threshold.raw(), row.threshold.span()) else {
            continue;
        };
        let metric = row.metric.value().map_or("", String::as_str);
        let expected = Threshold {
            comparator: limit.comparator,
            quantity: threshold.quantity.clone(),
        };
        let message = format!(
            "rollback trigger `{} {raw}` uses {} but the monitoring threshold of `{metric}` is `{row_raw}`; expected the same number and unit: `{expected}`",
            trigger.metric, limit.quantity
        );
        out.push(
            ctx.diagnostic(&TriggerThresholdMismatch::META, *span, message)
                .with_label(row_span, format!("monitoring threshold of `{metric}`")),
        );
    }
}

/// The words of a metric name outside parentheses and brackets, lower-cased.
fn words(name: &str) -> Vec<String> {
    let mut depth = 0usize;
    let mut kept = String::new();
    for c in name.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    kept.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether every word of `small` is in `large` (and `small` has words).
fn subset(small: &[String], large: &[String]) -> bool {
    !small.is_empty() && small.iter().all(|w| large.contains(w))
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use super::words;
    use crate::test_support::{check_rule, diagnostics};

    fn doc(triggers: &str) -> String {
        format!(
            "---\nphase: deployment\nstage: planned\n---\n## Pre-Deployment Planning\n### Rollback Plan\n\n**Rollback Triggers**:\n\n{triggers}\n## Deployment Execution\n### Monitoring During Deployment\n\n| Metric | Threshold | Current Value | Status | Alert |\n|---|---|---|---|---|\n| Error Rate | < 1% | | | pager |\n| Response Time (P95) | < 300ms | | | pager |\n| CPU Usage | < {{{{cpu}}}}% | | | pager |\n"
        )
    }

    #[test]
    fn different_numbers_are_reported_on_the_trigger() {
        let source = doc("- [ ] Error rate > 5%\n- [ ] Response time > 0.3s\n- [ ] CPU usage > 90%\n- [ ] Data corruption detected\n");
        assert_eq!(check_rule("RL405", &source, None), ["RL405:10"]);
        let found = diagnostics("RL405", &source, None);
        assert_eq!(
            found[0].message,
            "rollback trigger `Error rate > 5%` uses 5% but the monitoring threshold of `Error Rate` is `< 1%`; expected the same number and unit: `> 1%`"
        );
        assert_eq!(found[0].labels.len(), 1);
    }

    #[test]
    fn units_count() {
        let source = doc("- [ ] Response time > 300\n");
        assert_eq!(
            check_rule("RL405", &source, Some(Stage::Closed)),
            ["RL405:10"]
        );
    }

    #[test]
    fn silent_when_unfilled_or_unmatched() {
        let source = doc("- [ ] Error rate > {{error_threshold}}%\n- [ ] Queue depth > 500\n- [ ] Response time > 300ms\n");
        assert!(check_rule("RL405", &source, None).is_empty());
        // Filled values are checked at every stage.
        assert!(
            !check_rule("RL405", &doc("- [ ] Error rate > 5%\n"), Some(Stage::Draft)).is_empty()
        );
    }

    #[test]
    fn names_match_loosely() {
        assert_eq!(words("Response Time (P95)"), ["response", "time"]);
        assert_eq!(words("**Error-rate**"), ["error", "rate"]);
    }
}
