//! RL203: a checklist item of a due group marked `N/A` without a reason.

use super::{is_unfilled, item_text, items_due};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a checklist item of a due group that says `N/A` but gives no reason after
    /// it, ticked or not. Rollback Triggers count as due with the Rollback Plan
    /// (`planned`).
    ///
    /// ## Why it matters
    /// `N/A` counts as done. Without a reason, a reviewer cannot tell a step that truly
    /// does not apply from one that was skipped to get the checklist green.
    ///
    /// ## Example
    /// ```markdown
    /// **User Acceptance Testing**:
    ///
    /// - [ ] Mobile responsiveness confirmed — N/A
    /// ```
    ///
    /// ## How to fix
    /// Say why the item does not apply, after a colon:
    /// `- [ ] Mobile responsiveness confirmed — N/A: API-only release`. If it does apply,
    /// do it and tick the box instead.
    pub(crate) struct NotApplicableWithoutReason {
        code: "RL203",
        name: "not-applicable-without-reason",
        family: Checklists,
        severity: Error,
        since: Planned,
        summary: "A checklist item is marked `N/A` without a reason",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for group in ctx.model().checklists.iter().filter(|g| items_due(ctx, g)) {
        for item in &group.items {
            let Some(na) = &item.not_applicable else {
                continue;
            };
            if na.reason.is_some() || is_unfilled(ctx, item) {
                continue;
            }
            out.push(ctx.diagnostic(
                &NotApplicableWithoutReason::META,
                na.span,
                format!(
                    "`{}` ({}) is marked `N/A` without a reason; expected `N/A: reason`",
                    item_text(item),
                    group.label
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::check_rule;

    const DOC: &str = "---\nphase: deployment\nstage: ready\n---\n## Pre-Deployment Planning\n### Deployment Prerequisites\n\n**Code & Testing**:\n\n- [ ] Performance benchmarks met — N/A\n- [x] Integration tests completed (N/A)\n- [ ] E2E tests completed in staging — N/A: no staging for this service\n- [ ] Security scan {{scan_id}} N/A\n\n### Rollback Plan\n\n**Rollback Triggers**:\n\n- [ ] Data corruption detected — N/A\n";

    #[test]
    fn reports_na_without_reason_in_due_groups() {
        assert_eq!(
            check_rule("RL203", DOC, None),
            ["RL203:10", "RL203:11", "RL203:19"]
        );
    }

    #[test]
    fn triggers_are_due_at_planned_prerequisites_at_ready() {
        assert_eq!(check_rule("RL203", DOC, Some(Stage::Planned)), ["RL203:19"]);
        assert!(check_rule("RL203", DOC, Some(Stage::Draft)).is_empty());
    }
}
