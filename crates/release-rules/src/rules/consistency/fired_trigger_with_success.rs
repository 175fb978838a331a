//! RL412: a rollback trigger that fired in a release whose outcome is `success`.

use release_doc::values::Outcome;
use release_doc::{Field, SectionId};

use super::quote;
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports each checked Rollback Trigger (`- [x] Error rate > 1%`) when the
    /// frontmatter says `outcome: success`, at every stage. Rollback Triggers are
    /// conditions, not tasks: a checked trigger means the condition occurred.
    ///
    /// ## Why it matters
    /// A trigger that fired means the release met a rollback condition. Either it was
    /// rolled back, and the outcome is wrong, or it was not, and the record hides a
    /// breached rollback condition (or the box was ticked by mistake, reading the
    /// triggers as a to-do list).
    ///
    /// ## Example
    /// ```markdown
    /// outcome: success
    ///
    /// **Rollback Triggers**:
    ///
    /// - [x] Error rate > 1%
    /// ```
    ///
    /// ## How to fix
    /// Untick the trigger if the condition did not occur. If it did, set
    /// `outcome: rolled-back` (or `failed`), or explain under Issues Encountered why the
    /// release stayed and untick it.
    pub(crate) struct FiredTriggerWithSuccess {
        code: "RL412",
        name: "fired-trigger-with-success",
        family: Consistency,
        severity: Error,
        since: Draft,
        summary: "A rollback trigger is checked while `outcome` is `success`",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let Some(Field::Value {
        value: Outcome::Success,
        span: outcome_span,
        ..
    }) = model.frontmatter.as_ref().map(|f| &f.outcome)
    else {
        return;
    };
    let items: Vec<_> = model
        .checklists_in(SectionId::RollbackPlan)
        .flat_map(|g| &g.items)
        .collect();
    for trigger in model.rollback.triggers.iter().filter(|t| t.fired) {
        let text = items
            .iter()
            .find(|i| i.span == trigger.span)
            .map_or(trigger.metric.as_str(), |i| i.text.as_str());
        let message = format!(
            "rollback trigger {} is checked (it fired) but `outcome` is `success`; expected an unchecked trigger, or `outcome: rolled-back`",
            quote(text)
        );
        out.push(
            ctx.diagnostic(&FiredTriggerWithSuccess::META, trigger.span, message)
                .with_label(*outcome_span, "outcome `success`"),
        );
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    fn doc(outcome: &str) -> String {
        format!(
            "---\nphase: deployment\nstage: deployed\noutcome: {outcome}\n---\n## Pre-Deployment Planning\n### Rollback Plan\n\n**Rollback Triggers**:\n\n- [x] Error rate > 1%\n- [ ] Response time > 400ms\n- [X] Critical functionality broken\n"
        )
    }

    #[test]
    fn checked_triggers_with_success_are_reported() {
        assert_eq!(
            check_rule("RL412", &doc("success"), None),
            ["RL412:11", "RL412:13"]
        );
        let found = diagnostics("RL412", &doc("success"), None);
        assert_eq!(
            found[0].message,
            "rollback trigger `Error rate > 1%` is checked (it fired) but `outcome` is `success`; expected an unchecked trigger, or `outcome: rolled-back`"
        );
        assert_eq!(found[0].labels.len(), 1);
    }

    #[test]
    fn silent_for_other_outcomes() {
        assert!(check_rule("RL412", &doc("rolled-back"), None).is_empty());
        assert!(check_rule("RL412", &doc("\"{{outcome}}\""), None).is_empty());
        assert!(
            !check_rule("RL412", &doc("success"), Some(Stage::Ready)).is_empty(),
            "filled values are checked at every stage"
        );
    }
}
