//! RL401: a metric's Status that says the opposite of what its value and threshold say.

use release_doc::values::Quantity;
use release_doc::values::Status;
use release_doc::values::Threshold;
use release_doc::{Field, Text};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::fix::status::flipped;
use crate::fix::table::replace_cell;

declare_rule! {
    /// ## What it does
    /// Compares the Status of each Monitoring During Deployment row with its Current
    /// Value and Threshold, and of each Deployment Success Metrics row with its Actual
    /// and Target, wherever both are filled, at every stage. It reports a pass status
    /// (`✅`, `Pass`, `Met`, ...) on a value that breaches the threshold, and a fail
    /// status (`❌`, `Fail`, `Not met`, ...) on a value that meets it. Values are
    /// compared after unit conversion (`0.18s` meets `< 300ms`); a warning or pending
    /// status is never a contradiction, and a value in another unit than its threshold
    /// is not compared.
    ///
    /// ## Why it matters
    /// Reviewers read the status column, not the numbers. A green tick on a breached
    /// error-rate threshold hides the very signal the table exists to show.
    ///
    /// ## Example
    /// ```markdown
    /// | Metric | Threshold | Current Value | Status | Alert |
    /// |--------|-----------|---------------|--------|-------|
    /// | Error Rate | < 1% | 2.3% | ✅ Pass | PagerDuty `api-5xx` |
    /// ```
    ///
    /// ## How to fix
    /// Write the status the numbers give (`❌ Fail` above), or correct the value or the
    /// threshold if one of them was mistyped.
    ///
    /// ## Fix
    /// Unsafe: `release-lint fix --unsafe-fixes` writes the status the value and threshold
    /// give, in the style of the cell: `✅ Pass` becomes `❌ Fail`, `Met` becomes `Not
    /// met`, an emoji alone stays an emoji alone (`🟢` becomes `🔴`), and a note after it
    /// is kept. It is unsafe because the status is a judgement: the value or the threshold
    /// may be the mistyped one. A status worded with no opposite (`Rolled back`) has no
    /// fix. The table's padding is kept, or the column widened when the new text does not
    /// fit.
    pub(crate) struct StatusContradictsValue {
        code: "RL401",
        name: "status-contradicts-value",
        family: Consistency,
        severity: Error,
        since: Draft,
        summary: "A metric's Status contradicts its value and threshold",
        fix: Unsafe,
        check: check,
    }
}

/// The words of one table, for messages.
struct Columns {
    value: &'static str,
    limit: &'static str,
}

const MONITORING: Columns = Columns {
    value: "current value",
    limit: "threshold",
};

const SUCCESS: Columns = Columns {
    value: "actual",
    limit: "target",
};

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    for row in &model.monitoring.rows {
        let row_cells = (&row.metric, &row.current, &row.threshold, &row.status);
        out.extend(contradiction(ctx, &MONITORING, row_cells));
    }
    for row in &model.success_metrics.rows {
        let row_cells = (&row.metric, &row.actual, &row.target, &row.status);
        out.extend(contradiction(ctx, &SUCCESS, row_cells));
    }
}

fn contradiction(
    ctx: &Context<'_>,
    columns: &Columns,
    (metric, value, limit, status): (&Text, &Field<Quantity>, &Field<Threshold>, &Field<Status>),
) -> Option<Diagnostic> {
    let Field::Value {
        value: status,
        raw: status_raw,
        span: status_span,
        ..
    } = status
    else {
        return None;
    };
    let Field::Value {
        value: quantity,
        raw: value_raw,
        span: value_span,
        ..
    } = value
    else {
        return None;
    };
    let Field::Value {
        value: threshold,
        raw: limit_raw,
        span: limit_span,
        ..
    } = limit
    else {
        return None;
    };
    let met = threshold.is_met_by(quantity)?;
    let (expected, verdict_status) = match (status, met) {
        (Status::Pass, false) => ("❌", Status::Fail),
        (Status::Fail, true) => ("✅", Status::Pass),
        _ => return None,
    };
    let of_metric = metric
        .value()
        .map(|m| format!(" of `{m}`"))
        .unwrap_or_default();
    let verdict = if met { "meets" } else { "breaches" };
    let message = format!(
        "status `{status_raw}`{of_metric} contradicts {} `{value_raw}` against {} `{limit_raw}`; expected {expected}",
        columns.value, columns.limit
    );
    let d = ctx
        .diagnostic(&StatusContradictsValue::META, *status_span, message)
        .with_label(
            *value_span,
            format!(
                "{} `{value_raw}` {verdict} the {}",
                columns.value, columns.limit
            ),
        )
        .with_label(*limit_span, format!("{} `{limit_raw}`", columns.limit));
    Some(match flipped(status_raw, verdict_status) {
        Some(replacement) => d.with_fix(Fix {
            message: format!("write the status `{replacement}`"),
            applicability: Applicability::Unsafe,
            edits: replace_cell(ctx.source(), *status_span, &replacement),
        }),
        None => d,
    })
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    const MONITORING: &str = "---\nphase: deployment\nstage: deployed\n---\n## Deployment Execution\n### Monitoring During Deployment\n\n| Metric | Threshold | Current Value | Status | Alert |\n|---|---|---|---|---|\n| Error Rate | < 1% | 2.3% | ✅ Pass | pager |\n| Response Time (P95) | < 300ms | 0.18s | ✅ Pass | pager |\n| CPU Usage | < 80% | 66% | ❌ Fail | pager |\n| Memory Usage | < 80% | 91% | ❌ Fail | pager |\n| Disk | < 80% | 85% | ⚠️ Warning | pager |\n| Connections | < 1,000 | {{current}} | ✅ Pass | pager |\n| Queue | < 1,000 | 1,200 | {{status}} | pager |\n| Threads | < 10% | 12 | ✅ Pass | pager |\n";

    #[test]
    fn pass_on_breach_and_fail_on_met_are_reported_on_the_status_cell() {
        assert_eq!(
            check_rule("RL401", MONITORING, None),
            ["RL401:10", "RL401:12"]
        );
        let found = diagnostics("RL401", MONITORING, None);
        assert_eq!(
            found[0].message,
            "status `✅ Pass` of `Error Rate` contradicts current value `2.3%` against threshold `< 1%`; expected ❌"
        );
        assert_eq!(found[0].labels.len(), 2);
        assert!(
            found[1].message.ends_with("expected ✅"),
            "{}",
            found[1].message
        );
    }

    fn fixed(source: &str, unsafe_fixes: bool) -> String {
        crate::fix::fixed_text(
            source,
            &crate::Settings {
                select: vec!["RL401".to_owned()],
                ..crate::Settings::default()
            },
            &crate::fix::FixOptions {
                unsafe_fixes,
                ..crate::fix::FixOptions::default()
            },
        )
    }

    #[test]
    fn the_unsafe_fix_writes_the_status_in_the_style_of_the_cell() {
        assert_eq!(
            fixed(MONITORING, false),
            MONITORING,
            "unsafe: not applied by default"
        );
        let expected = MONITORING
            .replace("| 2.3% | ✅ Pass |", "| 2.3% | ❌ Fail |")
            .replace("| 66% | ❌ Fail |", "| 66% | ✅ Pass |");
        assert_eq!(fixed(MONITORING, true), expected);
        let expected = SUCCESS
            .replace("| 7m | ✅ Met |", "| 7m | ❌ Not met |")
            .replace("| 0% | Not met |", "| 0% | Met |");
        assert_eq!(fixed(SUCCESS, true), expected);
        let found = diagnostics("RL401", MONITORING, None);
        let fix = found[0].fix.as_ref().expect("RL401 proposes a fix");
        assert_eq!(fix.applicability, crate::Applicability::Unsafe);
        assert_eq!(fix.message, "write the status `❌ Fail`");
    }

    #[test]
    fn an_aligned_column_keeps_its_width_or_is_widened() {
        let doc = "---\nphase: deployment\nstage: deployed\n---\n## Deployment Execution\n### Monitoring During Deployment\n\n| Metric | Threshold | Current Value | Status | Alert |\r\n|--------|-----------|---------------|--------|-------|\r\n| Errors | < 1%      | 2.3%          | ✅     | pager |\r\n| CPU    | < 80%     | 66%           | Met    | pager |\r\n";
        let expected = "---\nphase: deployment\nstage: deployed\n---\n## Deployment Execution\n### Monitoring During Deployment\n\n| Metric | Threshold | Current Value | Status | Alert |\r\n|--------|-----------|---------------|--------|-------|\r\n| Errors | < 1%      | 2.3%          | ❌     | pager |\r\n| CPU    | < 80%     | 66%           | Met    | pager |\r\n";
        assert_eq!(fixed(doc, true), expected);
        let doc = doc.replace("| 2.3%          | ✅     |", "| 2.3%          | Met    |");
        let expected = "| Metric | Threshold | Current Value | Status  | Alert |\r\n|--------|-----------|---------------|---------|-------|\r\n| Errors | < 1%      | 2.3%          | Not met | pager |\r\n| CPU    | < 80%     | 66%           | Met     | pager |\r\n";
        assert!(
            fixed(&doc, true).ends_with(expected),
            "{}",
            fixed(&doc, true)
        );
    }

    #[test]
    fn checked_before_deployed_too() {
        assert!(
            !check_rule("RL401", MONITORING, Some(Stage::Ready)).is_empty(),
            "filled values are checked at every stage"
        );
    }

    const SUCCESS: &str = "---\nphase: deployment\nstage: closed\n---\n## Post-Release Activities\n### Metrics & Analytics\n\n**Deployment Success Metrics**:\n\n| Metric | Target | Actual | Status |\n|---|---|---|---|\n| Deployment Time | < 90m | 1h 2m | ✅ Met |\n| Downtime | < 5m | 7m | ✅ Met |\n| Rollback Rate | < 5% | 0% | Not met |\n";

    #[test]
    fn success_metrics_are_checked_when_closed() {
        assert_eq!(check_rule("RL401", SUCCESS, None), ["RL401:13", "RL401:14"]);
        assert!(
            !check_rule("RL401", SUCCESS, Some(Stage::Deployed)).is_empty(),
            "filled values are checked at every stage"
        );
    }
}
