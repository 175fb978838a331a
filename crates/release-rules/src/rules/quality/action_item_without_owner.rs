//! RL504: an action item nobody owns.

use release_doc::SectionId;

use super::{absent_cell, cell_text};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports an Action Items row whose Owner is missing or says on purpose that there
    /// is none (`None`, `N/A`, `—`, `-`), from the `closed` stage on. An Owner that still
    /// holds a placeholder is reported as unfilled (RL101), not here.
    ///
    /// ## Why it matters
    /// The action items are what the team learnt from the release. One without an owner
    /// is a lesson nobody acts on: it is found again, unchanged, at the next retrospective.
    ///
    /// ## Example
    /// ```markdown
    /// | Action | Owner | Due Date | Priority |
    /// |--------|-------|----------|----------|
    /// | Revisit readiness probe timeouts | — | 2026-11-20 | P2 |
    /// ```
    ///
    /// ## How to fix
    /// Name the person who will do it (a person, not a team channel): `| Revisit
    /// readiness probe timeouts | Jonas Weber | 2026-11-20 | P2 |`. If nobody will, drop
    /// the row.
    pub(crate) struct ActionItemWithoutOwner {
        code: "RL504",
        name: "action-item-without-owner",
        family: Quality,
        severity: Error,
        since: Closed,
        summary: "An action item has no owner",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if !ctx.section_due(SectionId::ActionItems) {
        return;
    }
    for row in &ctx.model().retrospective.action_items.rows {
        let Some((span, found)) = absent_cell(&row.owner, row.span, ctx.source()) else {
            continue;
        };
        let action = cell_text(&row.action, "(unnamed)");
        out.push(ctx.diagnostic(
            &ActionItemWithoutOwner::META,
            span,
            format!("action item `{action}` has no owner ({found}); expected the name of the person who does it"),
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
    fn ownerless_items_are_reported_at_the_owner_cell() {
        let source = doc("| Revisit probe timeouts | — | 2026-11-20 | P2 |\n\
             | Per-run fixtures | Mei Chen | 2026-11-27 | P3 |\n\
             | Delete the flag | N/A | 2026-12-15 | Medium |\n");
        assert_eq!(check_rule("RL504", &source, None), ["RL504:11", "RL504:13"]);
        let found = diagnostics("RL504", &source, None);
        assert_eq!(found[0].span.text(&source), "—");
        assert_eq!(
            found[0].message,
            "action item `Revisit probe timeouts` has no owner (`—`); expected the name of the person who does it"
        );
    }

    #[test]
    fn missing_owner_column_points_at_the_row() {
        let source = "---\nphase: deployment\nstage: closed\n---\n### Action Items\n\n\
                      | Action | Due Date | Priority |\n|---|---|---|\n\
                      | Revisit probe timeouts | 2026-11-20 | P2 |\n";
        let found = diagnostics("RL504", source, None);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].span.text(source),
            "| Revisit probe timeouts | 2026-11-20 | P2 |"
        );
        assert!(found[0].message.contains("(no cell)"));
    }

    #[test]
    fn silent_when_owned_unfilled_or_not_due() {
        let source = doc("| Per-run fixtures | Mei Chen | 2026-11-27 | P3 |\n\
             | {{action_2}} | {{owner_2}} | {{due_2}} | {{priority_2}} |\n\
             | Delete the flag | TBD | 2026-12-15 | Medium |\n");
        assert!(check_rule("RL504", &source, None).is_empty());
        let ownerless = doc("| Revisit probe timeouts | None | 2026-11-20 | P2 |\n");
        assert!(check_rule("RL504", &ownerless, Some(Stage::Deployed)).is_empty());
    }
}
