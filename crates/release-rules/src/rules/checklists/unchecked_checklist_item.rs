//! RL202: an item of a due checklist (other than the prerequisites) that is not done.

use release_doc::SectionId;

use super::{is_trigger_group, is_unfilled, item_text, items_due};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports every item of a due checklist group that is neither ticked nor marked not
    /// applicable with a reason: the Pre-Deployment checklist from `ready`; the During
    /// and Post-Deployment checklists, Post-Deployment Validation (Stakeholder Sign-off
    /// included) and, for a rolled-back release, Rollback Validation from `deployed`;
    /// Post-Release Activities from `closed`.
    ///
    /// Deployment Prerequisites have their own rule (RL201 `unchecked-prerequisite`).
    /// Rollback Triggers are conditions, not tasks, and are never reported here. Items
    /// that still hold a placeholder (RL101), say `N/A` without a reason (RL203) or are
    /// struck through without one (RL204) are left to those rules.
    ///
    /// ## Why it matters
    /// An open box in a checklist that is due means either the step was skipped or the
    /// document was not kept up to date; either way, reviewers cannot tell which.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// stage: deployed
    /// ---
    /// **During Deployment**:
    ///
    /// - [x] Application deployed
    /// - [ ] Smoke tests executed
    /// ```
    ///
    /// ## How to fix
    /// Tick the box once the step is done (`- [x]`), or, when it does not apply, say why:
    /// `- [ ] Feature flags restored — N/A: no flags were changed`.
    pub(crate) struct UncheckedChecklistItem {
        code: "RL202",
        name: "unchecked-checklist-item",
        family: Checklists,
        severity: Error,
        since: Ready,
        summary: "An item of a due checklist is neither done nor marked not applicable with a reason",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for group in &ctx.model().checklists {
        if group.section == Some(SectionId::DeploymentPrerequisites)
            || is_trigger_group(group)
            || !items_due(ctx, group)
        {
            continue;
        }
        for item in &group.items {
            let others_report =
                item.not_applicable.is_some() || item.struck || is_unfilled(ctx, item);
            if item.is_settled() || others_report {
                continue;
            }
            out.push(ctx.diagnostic(
                &UncheckedChecklistItem::META,
                item.span,
                format!(
                    "`{}` ({}) is not done at stage `{}`; expected `[x]` or `N/A: reason`",
                    item_text(item),
                    group.label,
                    ctx.stage
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::check_rule;

    const DEPLOYMENT: &str = "## Deployment Execution\n### Deployment Checklist\n\n**Pre-Deployment**:\n\n- [x] Deployment window confirmed\n- [ ] Stakeholders notified\n\n**During Deployment**:\n\n- [x] Application deployed\n- [ ] Smoke tests executed\n- [ ] Feature flags restored — N/A: no flags changed\n- [ ] Health checks passing N/A\n- [ ] ~~Database migrations applied~~\n- [ ] Migration {{migration_name}} applied\n";

    fn at(stage: &str) -> String {
        format!("---\nphase: deployment\nstage: {stage}\n---\n{DEPLOYMENT}")
    }

    #[test]
    fn reports_groups_as_they_become_due() {
        assert_eq!(check_rule("RL202", &at("ready"), None), ["RL202:11"]);
        assert_eq!(
            check_rule("RL202", &at("deployed"), None),
            ["RL202:11", "RL202:16"]
        );
    }

    #[test]
    fn silent_before_ready() {
        assert!(check_rule("RL202", &at("planned"), None).is_empty());
        assert!(check_rule("RL202", &at("ready"), Some(Stage::Draft)).is_empty());
    }

    #[test]
    fn leaves_prerequisites_and_triggers_alone() {
        let doc = "---\nstage: closed\noutcome: success\n---\n## Pre-Deployment Planning\n### Deployment Prerequisites\n\n**Infrastructure**:\n\n- [ ] Database backups completed\n\n### Rollback Plan\n\n**Rollback Triggers**:\n\n- [ ] Error rate > 1%\n\n**Rollback Validation**:\n\n- [ ] Previous version functional\n";
        assert!(check_rule("RL202", doc, None).is_empty());
    }

    #[test]
    fn rollback_validation_is_due_when_rolled_back() {
        let doc = "---\nstage: deployed\noutcome: rolled-back\n---\n## Pre-Deployment Planning\n### Rollback Plan\n\n**Rollback Validation**:\n\n- [x] Previous version functional\n- [ ] Data integrity verified\n";
        assert_eq!(check_rule("RL202", doc, None), ["RL202:11"]);
    }

    #[test]
    fn sign_offs_are_items_too() {
        let doc = "---\nstage: deployed\noutcome: success\n---\n## Post-Deployment Validation\n### Manual Validation\n\n**Stakeholder Sign-off**:\n\n- [x] Product Owner: Tomás Ferreira (2026-11-04)\n- [ ] QA Lead: Mei Chen\n- [ ] Security Officer: {{security_signoff}}\n";
        assert_eq!(check_rule("RL202", doc, None), ["RL202:11"]);
    }
}
