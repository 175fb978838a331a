//! RL505: an action item due date that is not a date, or that falls before the release.

use release_doc::Field;

use super::cell_text;
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Diagnostic, Severity};

declare_rule! {
    /// ## What it does
    /// Reports an Action Items Due Date that is not a date (`next Tuesday`, `30/11/2026`),
    /// as an error, and one that falls before the release's Scheduled Date, as a
    /// warning, at every stage.
    ///
    /// ## Why it matters
    /// A due date is what makes an action item trackable: one that cannot be read
    /// cannot be put in a tracker or a reminder. Action items come out of the
    /// retrospective, after the release, so a due date before the Scheduled Date is
    /// almost always a wrong year or month (it is only a warning, since an item may
    /// record work that was already due).
    ///
    /// ## Example
    /// ```markdown
    /// **Scheduled Date**: 2026-11-04
    ///
    /// | Action | Owner | Due Date | Priority |
    /// |--------|-------|----------|----------|
    /// | Per-run smoke fixtures | Mei Chen | next Tuesday | P3 |
    /// | Delete the flag | Priya Raman | 2025-12-15 | Medium |
    /// ```
    ///
    /// ## How to fix
    /// Write the due date as `YYYY-MM-DD`, after the release: `2026-11-27`.
    pub(crate) struct InvalidDueDate {
        code: "RL505",
        name: "invalid-due-date",
        family: Quality,
        severity: Error,
        since: Draft,
        summary: "An action item's due date is not a date or is before the release",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let scheduled = &ctx.model().overview.scheduled_date;
    for row in &ctx.model().retrospective.action_items.rows {
        let action = cell_text(&row.action, "(unnamed)");
        match (&row.due, scheduled) {
            (
                Field::Invalid {
                    raw,
                    expected,
                    span,
                },
                _,
            ) => out.push(ctx.diagnostic(
                &InvalidDueDate::META,
                *span,
                format!("action item `{action}` has due date `{raw}`; expected {expected}"),
            )),
            (
                Field::Value {
                    value: due,
                    raw,
                    span,
                    ..
                },
                Field::Value {
                    value: release,
                    raw: release_raw,
                    span: release_span,
                    ..
                },
            ) if due < release => out.push(
                ctx.diagnostic(
                    &InvalidDueDate::META,
                    *span,
                    format!(
                        "action item `{action}` is due `{raw}`, before the release's scheduled \
                         date `{release_raw}`; expected a date after the release"
                    ),
                )
                .with_label(*release_span, format!("scheduled for `{release_raw}`"))
                .with_severity(Severity::Warning),
            ),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::diagnostic::Severity;
    use crate::test_support::{check_rule, diagnostics};

    fn doc(rows: &str) -> String {
        format!(
            "---\nphase: deployment\nstage: closed\n---\n## Overview\n\n\
             **Scheduled Date**: 2026-11-04\n\n## Retrospective & Improvements\n\n\
             ### Action Items\n\n| Action | Owner | Due Date | Priority |\n\
             |--------|-------|----------|----------|\n{rows}"
        )
    }

    #[test]
    fn unreadable_due_date_is_an_error_at_the_cell() {
        let source = doc("| Per-run fixtures | Mei | next Tuesday | P3 |\n\
             | Probe timeouts | Jonas | 2026-11-20 | P2 |\n");
        assert_eq!(check_rule("RL505", &source, None), ["RL505:15"]);
        let found = diagnostics("RL505", &source, None);
        assert_eq!(found[0].span.text(&source), "next Tuesday");
        assert_eq!(found[0].severity, Severity::Error);
        assert!(found[0]
            .message
            .starts_with("action item `Per-run fixtures` has due date `next Tuesday`; expected "));
    }

    #[test]
    fn due_before_the_release_is_a_warning() {
        let source = doc("| Delete the flag | Priya | 2025-12-15 | Medium |\n\
             | Same day | Priya | 2026-11-04 | Low |\n");
        let found = diagnostics("RL505", &source, None);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(
            found[0].message,
            "action item `Delete the flag` is due `2025-12-15`, before the release's scheduled \
             date `2026-11-04`; expected a date after the release"
        );
        assert_eq!(found[0].labels[0].message, "scheduled for `2026-11-04`");
    }

    #[test]
    fn silent_when_unfilled() {
        let source = doc("| Per-run fixtures | Mei | {{due_1}} | P3 |\n\
             | Probe timeouts | Jonas | YYYY-MM-DD | P2 |\n");
        assert!(check_rule("RL505", &source, None).is_empty());
        let bad = doc("| Per-run fixtures | Mei | next Tuesday | P3 |\n");
        assert!(
            !check_rule("RL505", &bad, Some(Stage::Deployed)).is_empty(),
            "filled values are checked at every stage"
        );
    }
}
