//! RL204: a struck-through checklist item of a due group with no `N/A: reason`.

use super::{is_unfilled, item_text, items_due};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a checklist item of a due group whose text is struck through
    /// (`~~…~~`) but that does not say `N/A: reason`, ticked or not. Rollback Triggers
    /// count as due with the Rollback Plan (`planned`). An item that says `N/A` without
    /// a reason is left to RL203 `not-applicable-without-reason`.
    ///
    /// ## Why it matters
    /// Striking an item through reads as "does not apply", but it records no reason, and
    /// it is a way to make a required step silently disappear from the checklist.
    ///
    /// ## Example
    /// ```markdown
    /// **Cleanup Tasks**:
    ///
    /// - [ ] ~~Test data purged~~
    /// ```
    ///
    /// ## How to fix
    /// Keep the text plain and say why it does not apply:
    /// `- [ ] Test data purged — N/A: no test data was created`. If it does apply, remove
    /// the strikethrough, do the step and tick the box.
    pub(crate) struct StruckItemWithoutReason {
        code: "RL204",
        name: "struck-item-without-reason",
        family: Checklists,
        severity: Error,
        since: Planned,
        summary: "A checklist item is struck through without an `N/A: reason`",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for group in ctx.model().checklists.iter().filter(|g| items_due(ctx, g)) {
        for item in &group.items {
            if !item.struck || item.not_applicable.is_some() || is_unfilled(ctx, item) {
                continue;
            }
            out.push(ctx.diagnostic(
                &StruckItemWithoutReason::META,
                item.text_span,
                format!(
                    "`{}` ({}) is struck through without a reason; expected `N/A: reason` after it",
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

    const DOC: &str = "---\nphase: deployment\nstage: closed\noutcome: success\n---\n## Post-Release Activities\n### Cleanup Tasks\n\n- [ ] ~~Test data purged~~\n- [x] ~~Old deployment artifacts cleaned~~\n- [ ] ~~Temporary feature flags removed~~ — N/A: no flags were added\n- [ ] ~~Documentation updated~~ N/A\n- [x] Team retrospective scheduled\n";

    #[test]
    fn reports_struck_items_without_reason() {
        assert_eq!(check_rule("RL204", DOC, None), ["RL204:9", "RL204:10"]);
    }

    #[test]
    fn silent_when_the_group_is_not_due() {
        assert!(check_rule("RL204", DOC, Some(Stage::Deployed)).is_empty());
    }

    #[test]
    fn struck_trigger_is_reported_at_planned() {
        let doc = "---\nstage: planned\n---\n## Pre-Deployment Planning\n### Rollback Plan\n\n**Rollback Triggers**:\n\n- [ ] Error rate > 1%\n- [ ] ~~Security incident~~\n";
        assert_eq!(check_rule("RL204", doc, None), ["RL204:10"]);
    }
}
