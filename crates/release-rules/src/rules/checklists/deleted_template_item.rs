//! RL205: an item (or a whole group) of the template's checklists is missing from the
//! document once its group is due.

use release_doc::ChecklistGroup;

use super::item_match::{matches, normalize_item, template_pattern};
use super::{item_text, items_due};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Once a checklist group is due, checks that every item the template has in that
    /// group (same section, same label) is still in the document's group, and that the
    /// group itself is still there when its section is. Rollback Triggers are checked
    /// from `planned`, with the Rollback Plan. A group replaced by one line that says it
    /// does not apply (`N/A — serverless, nothing to provision.`, or a single item `-
    /// Not applicable: …`) counts as not applicable for all its items.
    ///
    /// Items are compared loosely: case, white space, inline markup and strikethrough
    /// do not matter, a trailing `N/A: reason` is ignored, a `{{placeholder}}` of the
    /// template matches any text (`Product Owner: {{po_signoff}}` matches
    /// `Product Owner: Tomás Ferreira (2026-11-04)`) or none (`Product Owner: N/A`, an
    /// empty `Product Owner:`; a trailing `:` does not matter), a unit glued to a
    /// placeholder goes with it (`> {{response_threshold}}ms` matches `> 0.3s at P95`
    /// and `> 2%`), and the document's item may add a
    /// note after the template text (`Database migrations applied (2 of 2)`). Extra
    /// items are fine. The template is the configured one (`template`), else the
    /// embedded default.
    ///
    /// ## Why it matters
    /// Deleting a checklist item is a silent way to skip a step: the checklist looks
    /// complete, and nobody sees that the rollback procedure was never tested.
    ///
    /// ## Example
    /// ```markdown
    /// **Infrastructure**:
    ///
    /// - [x] Target environment health checked
    /// - [x] Storage capacity verified
    /// ```
    /// (the template's `Database backups completed` is gone)
    ///
    /// ## How to fix
    /// Put the item back. If it does not apply, keep it and say why:
    /// `- [ ] Database backups completed — N/A: stateless service`.
    pub(crate) struct DeletedTemplateItem {
        code: "RL205",
        name: "deleted-template-item",
        family: Checklists,
        severity: Error,
        since: Planned,
        summary: "An item of the template's checklists was deleted from a due checklist",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let patterns = ctx.schema.item_patterns(template_pattern);
    for (template, patterns) in ctx.schema.checklists().iter().zip(patterns) {
        let Some(id) = template.section else {
            continue;
        };
        // A missing section is reported by the structure rules, not item by item.
        let Some(section) = model.section(id) else {
            continue;
        };
        if !items_due(ctx, template) {
            continue;
        }
        let label = release_doc::normalize_title(&template.label);
        let groups: Vec<&ChecklistGroup> = model
            .checklists_in(id)
            .filter(|g| release_doc::normalize_title(&g.label) == label)
            .collect();
        // A group replaced by a line that says it does not apply: all its items are N/A.
        if groups.iter().any(|g| g.not_applicable.is_some()) {
            continue;
        }
        let Some(first) = groups.first() else {
            out.push(ctx.diagnostic(
                &DeletedTemplateItem::META,
                section.span,
                format!(
                    "checklist `{}` of the template is missing from section `{}`; expected its {} items",
                    template.label,
                    section.title,
                    template.items.len()
                ),
            ));
            continue;
        };
        // Items kept word for word are found without normalising anything; the others
        // are compared in normalised form, computed once for the groups.
        let mut present: Option<Vec<String>> = None;
        for (item, pattern) in template.items.iter().zip(patterns) {
            let verbatim = pattern.holds_own_text
                && groups
                    .iter()
                    .any(|g| g.items.iter().any(|i| i.text == item.text));
            if verbatim {
                continue;
            }
            let present = present.get_or_insert_with(|| {
                groups
                    .iter()
                    .flat_map(|g| g.items.iter().map(|i| normalize_item(&i.text)))
                    .collect()
            });
            if present.iter().any(|text| matches(&pattern.parts, text)) {
                continue;
            }
            out.push(ctx.diagnostic(
                &DeletedTemplateItem::META,
                first.label_span,
                format!(
                    "template item `{}` is missing from `{}`; expected the item back, marked `N/A: reason` if it does not apply",
                    item_text(item),
                    first.label
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::check_rule;

    const GROUPS: &str = "---\nphase: deployment\nstage: ready\n---\n## Pre-Deployment Planning\n### Deployment Prerequisites\n\n**Code & Testing**:\n\n- [x] All automated tests passing\n- [x] Code review completed and approved\n- [x] Security scan completed (no critical issues)\n- [x] Performance benchmarks met\n- [x] Integration tests completed\n- [ ] E2E tests completed in staging — N/A: no staging\n- [x] Load test on the new endpoint\n\n**Documentation**:\n\n- [x] Release notes prepared\n- [x] Runbook updated\n- [x] Communication plan ready\n- [x] Rollback plan documented\n";

    #[test]
    fn reports_deleted_items_and_groups_when_due() {
        // Documentation lacks one item; Infrastructure is gone.
        assert_eq!(check_rule("RL205", GROUPS, None), ["RL205:6", "RL205:18"]);
        assert!(check_rule("RL205", GROUPS, Some(Stage::Planned)).is_empty());
    }

    #[test]
    fn a_group_replaced_by_a_line_that_says_it_does_not_apply_is_settled() {
        // Infrastructure said N/A in prose, Documentation as one plain item.
        let doc = GROUPS.replace(
            "**Documentation**:",
            "**Infrastructure**:\n\nN/A — serverless, nothing to provision.\n\n**Documentation**:",
        );
        assert_eq!(check_rule("RL205", &doc, None), ["RL205:22"]);
        let doc = doc.replace(
            "- [x] Release notes prepared\n- [x] Runbook updated\n- [x] Communication plan ready\n- [x] Rollback plan documented\n",
            "- Not applicable: docs live in the service repository\n",
        );
        assert!(check_rule("RL205", &doc, None).is_empty());
    }

    #[test]
    fn triggers_are_checked_from_planned() {
        let doc = "---\nstage: planned\n---\n## Pre-Deployment Planning\n### Rollback Plan\n\n**Rollback Triggers**:\n\n- [ ] Error rate > 1%\n- [ ] Response time > 400ms\n- [ ] Critical functionality broken\n- [ ] Security incident\n";
        assert_eq!(check_rule("RL205", doc, None), ["RL205:7"]);
        assert!(check_rule("RL205", doc, Some(Stage::Draft)).is_empty());
    }

    #[test]
    fn missing_section_is_left_to_the_structure_rules() {
        let doc = "---\nstage: ready\n---\n## Overview\n\n**Release**: Ledger Sync (1.8.1)\n";
        assert!(check_rule("RL205", doc, None).is_empty());
    }

    #[test]
    fn the_team_template_decides_what_is_required() {
        use std::sync::Arc;

        use crate::document::Document;
        use crate::schema::{Schema, DEFAULT_TEMPLATE};
        use crate::settings::Settings;

        // The team adds "Canary analysis failed" and removes "Security incident".
        let template = DEFAULT_TEMPLATE.replace(
            "- [ ] Security incident\n",
            "- [ ] Canary analysis failed\n",
        );
        let settings = Settings {
            select: vec!["RL205".to_owned()],
            schema: Some(Arc::new(Schema::from_template(&template))),
            ..Settings::default()
        };
        let doc = "---\nstage: planned\n---\n## Pre-Deployment Planning\n### Rollback Plan\n\n**Rollback Triggers**:\n\n- [ ] Error rate > 1%\n- [ ] Response time > 400ms\n- [ ] Critical functionality broken\n- [ ] Data corruption detected\n";
        let found = crate::check(&Document::parse(doc), &settings);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["template item `Canary analysis failed` is missing from `Rollback Triggers`; expected the item back, marked `N/A: reason` if it does not apply"]
        );
    }
}
