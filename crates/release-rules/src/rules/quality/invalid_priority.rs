//! RL506: an action item priority outside `P0`–`P3` and `Low`–`Critical`.

use release_doc::Field;

use super::cell_text;
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an Action Items Priority that is neither a level `P0` to `P3` nor one of
    /// `Low`, `Medium`, `High`, `Critical` (any case), at every stage.
    ///
    /// ## Why it matters
    /// Priorities are how action items from every release are sorted into the team's
    /// backlog. A `P4`, an `Urgent` or a `soon` sorts nowhere, so the item is either
    /// lost or argued about.
    ///
    /// ## Example
    /// ```markdown
    /// | Action | Owner | Due Date | Priority |
    /// |--------|-------|----------|----------|
    /// | Per-run smoke fixtures | Mei Chen | 2026-11-27 | Urgent |
    /// ```
    ///
    /// ## How to fix
    /// Use one of the scales: `P0` (drop everything) to `P3` (eventually), or `Low`,
    /// `Medium`, `High`, `Critical`.
    pub(crate) struct InvalidPriority {
        code: "RL506",
        name: "invalid-priority",
        family: Quality,
        severity: Error,
        since: Draft,
        summary: "An action item's priority is outside P0-P3 and Low-Critical",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for row in &ctx.model().retrospective.action_items.rows {
        let Field::Invalid { raw, span, .. } = &row.priority else {
            continue;
        };
        let action = cell_text(&row.action, "(unnamed)");
        out.push(ctx.diagnostic(
            &InvalidPriority::META,
            *span,
            format!(
                "action item `{action}` has priority `{raw}`; expected P0, P1, P2, P3 or \
                 Low, Medium, High, Critical"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    fn doc(rows: &str) -> String {
        format!(
            "---\nphase: deployment\nstage: closed\n---\n## Retrospective & Improvements\n\n\
             ### Action Items\n\n| Action | Owner | Due Date | Priority |\n\
             |--------|-------|----------|----------|\n{rows}"
        )
    }

    #[test]
    fn unknown_priorities_are_reported_at_the_cell() {
        let source = doc("| Probe timeouts | Jonas | 2026-11-20 | P4 |\n\
             | Per-run fixtures | Mei | 2026-11-27 | p1 |\n\
             | Delete the flag | Priya | 2026-12-15 | Urgent |\n");
        assert_eq!(check_rule("RL506", &source, None), ["RL506:11", "RL506:13"]);
        let found = diagnostics("RL506", &source, None);
        assert_eq!(found[0].span.text(&source), "P4");
        assert_eq!(
            found[1].message,
            "action item `Delete the flag` has priority `Urgent`; expected P0, P1, P2, P3 or \
             Low, Medium, High, Critical"
        );
    }

    #[test]
    fn silent_when_valid_unfilled() {
        let source = doc("| Probe timeouts | Jonas | 2026-11-20 | **High** |\n\
             | Per-run fixtures | Mei | 2026-11-27 | {{priority_2}} |\n\
             | Delete the flag | Priya | 2026-12-15 | TBD |\n");
        assert!(check_rule("RL506", &source, None).is_empty());
        let bad = doc("| Probe timeouts | Jonas | 2026-11-20 | P4 |\n");
        assert!(
            !check_rule("RL506", &bad, Some(Stage::Deployed)).is_empty(),
            "filled values are checked at every stage"
        );
    }
}
