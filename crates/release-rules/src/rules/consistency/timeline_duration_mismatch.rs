//! RL403: a Deployment Timeline Duration that is not End − Start.

use release_doc::values::Duration;
use release_doc::Field;

use super::timeline::{phases, seconds_between};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::fix::table::replace_cell;

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
    ///
    /// ## Fix
    /// Safe: `release-lint fix` writes End − Start in place of the Duration (a note after
    /// it is kept, and so is a `N min` spelling), since the Duration is derived from the
    /// times. The table's padding is kept, or the column widened when the new text does not
    /// fit.
    pub(crate) struct TimelineDurationMismatch {
        code: "RL403",
        name: "timeline-duration-mismatch",
        family: Consistency,
        severity: Warning,
        since: Draft,
        summary: "A Deployment Timeline Duration differs from End − Start",
        fix: Safe,
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
        let duration = &row.duration;
        let Field::Value {
            value: written,
            raw,
            span,
            ..
        } = duration
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
        let value_text = duration.value_text().unwrap_or(raw);
        let value_span = release_doc::Span::new(span.start, span.start + value_text.len());
        let replacement = spelled_like(value_text, elapsed);
        let edits = if duration.note().is_some() {
            vec![crate::diagnostic::Edit {
                span: value_span,
                replacement: replacement.clone(),
            }]
        } else {
            replace_cell(ctx.source(), value_span, &replacement)
        };
        out.push(d.with_fix(Fix {
            message: format!("write the duration `{replacement}`"),
            applicability: Applicability::Safe,
            edits,
        }));
    }
}

/// `elapsed` written as `written` is: `12 min` for `20 min`, `12 minutes` for `20
/// minutes`, else the canonical `12m`, `1h 2m`.
fn spelled_like(written: &str, elapsed: Duration) -> String {
    let digits = written.bytes().take_while(u8::is_ascii_digit).count();
    let unit = written[digits..].trim_start();
    let space = &written[digits..written.len() - unit.len()];
    let minutes_unit = matches!(unit, "min" | "mins" | "minutes" | "minute");
    if digits > 0 && minutes_unit && elapsed.seconds.is_multiple_of(60) {
        let n = elapsed.seconds / 60;
        let unit = match (unit, n) {
            ("minute" | "minutes", 1) => "minute",
            ("minute" | "minutes", _) => "minutes",
            (other, _) => other,
        };
        return format!("{n}{space}{unit}");
    }
    elapsed.to_string()
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
    use release_doc::values::Stage;

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
    fn the_fix_writes_end_minus_start_keeping_spelling_and_note() {
        let fixes = |rows: &str| {
            let source = doc(rows);
            let fixed = crate::fix::fixed_text(
                &source,
                &crate::Settings {
                    select: vec!["RL403".to_owned()],
                    ..crate::Settings::default()
                },
                &crate::fix::FixOptions::default(),
            );
            fixed[source.len() - rows.len()..].to_owned()
        };
        assert_eq!(
            fixes("| App | 14:20 | 15:22 | 20 min (incl. rollback) | ✅ | |\n"),
            "| App | 14:20 | 15:22 | 62 min (incl. rollback) | ✅ | |\n"
        );
        assert_eq!(
            fixes("| App | 14:20 | 14:32 | 20 minutes | ✅ | |\n"),
            "| App | 14:20 | 14:32 | 12 minutes | ✅ | |\n"
        );
        assert_eq!(
            fixes("| App | 14:20 | 14:21 | 20 minutes | ✅ | |\n"),
            "| App | 14:20 | 14:21 | 1 minute | ✅ | |\n"
        );
        let found = diagnostics("RL403", &doc("| A | 14:00 | 14:12 | 20m | ✅ | |\n"), None);
        let fix = found[0].fix.as_ref().expect("RL403 proposes a fix");
        assert_eq!(fix.applicability, crate::Applicability::Safe);
        assert_eq!(fix.message, "write the duration `12m`");
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
