//! RL201: a Deployment Prerequisites item that is not done once the release is `ready`.

use release_doc::SectionId;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports every item of the Deployment Prerequisites checklists (Code & Testing,
    /// Infrastructure, Documentation) that is neither ticked nor marked not applicable
    /// with a reason, from the `ready` stage on.
    ///
    /// ## Why it matters
    /// `ready` is the go/no-go point: a prerequisite left open means the release goes
    /// out without, say, its database backup or its security scan.
    ///
    /// ## Example
    /// ```markdown
    /// **Infrastructure**:
    ///
    /// - [ ] Database backups completed
    /// ```
    ///
    /// ## How to fix
    /// Do the work and tick the box (`- [x]`), or, when it does not apply, say why:
    /// `- [ ] Database backups completed — N/A: stateless service`.
    pub(crate) struct UncheckedPrerequisite {
        code: "RL201",
        name: "unchecked-prerequisite",
        family: Checklists,
        severity: Error,
        since: Ready,
        summary: "A Deployment Prerequisites item is not done at `ready` or later",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for group in ctx
        .model()
        .checklists_in(SectionId::DeploymentPrerequisites)
    {
        for item in &group.items {
            // Unfilled items and N/A without a reason have rules of their own.
            if item.is_settled() || item.not_applicable.is_some() || item.unfilled.is_some() {
                continue;
            }
            out.push(ctx.diagnostic(
                &UncheckedPrerequisite::META,
                item.span,
                format!(
                    "prerequisite `{}` ({}) is not done at stage `{}`; expected `[x]` or `N/A: reason`",
                    item.text.trim(),
                    group.label,
                    ctx.stage
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::check_rule;

    #[test]
    fn open_prerequisite_is_reported_at_ready_only() {
        let doc = "---\nstage: ready\n---\n## Pre-Deployment Planning\n### Deployment Prerequisites\n\n**Code & Testing**:\n\n- [x] All automated tests passing\n- [ ] Code review completed and approved\n- [ ] Performance benchmarks met — N/A: docs-only change\n";
        let found = check_rule("RL201", doc, None);
        assert_eq!(found, ["RL201:10"]);
        assert!(check_rule("RL201", doc, Some(release_doc::values::Stage::Planned)).is_empty());
    }
}
