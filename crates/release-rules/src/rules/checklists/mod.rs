//! Checklist rules (`RL2xx`): items not done, not applicable without a reason, deleted,
//! ticked `[X]`.

use release_doc::{ChecklistGroup, ChecklistItem, SectionId};

use crate::context::Context;
use crate::due;
use crate::rule::Rule;

pub(crate) mod deleted_template_item;
mod item_match;
pub(crate) mod not_applicable_without_reason;
pub(crate) mod struck_item_without_reason;
pub(crate) mod unchecked_checklist_item;
pub(crate) mod unchecked_prerequisite;
pub(crate) mod uppercase_checkbox;

/// The rules of this family.
pub(crate) const RULES: &[&'static dyn Rule] = &[
    &unchecked_prerequisite::UncheckedPrerequisite,
    &unchecked_checklist_item::UncheckedChecklistItem,
    &not_applicable_without_reason::NotApplicableWithoutReason,
    &struck_item_without_reason::StruckItemWithoutReason,
    &deleted_template_item::DeletedTemplateItem,
    &uppercase_checkbox::UppercaseCheckbox,
];

/// Whether `group` is the Rollback Triggers group: conditions, not tasks.
pub(super) fn is_trigger_group(group: &ChecklistGroup) -> bool {
    group.section == Some(SectionId::RollbackPlan) && group.label.to_lowercase().contains("trigger")
}

/// Whether the items of `group` must be complete and well formed now: the group is due
/// as a checklist, or it is the Rollback Triggers group and the Rollback Plan is due
/// (its items are never ticked, but they must still be there and make sense).
pub(super) fn items_due(ctx: &Context<'_>, group: &ChecklistGroup) -> bool {
    if is_trigger_group(group) {
        return ctx.section_due(SectionId::RollbackPlan);
    }
    ctx.is_due(due::checklist_group(group, ctx.outcome()))
}

/// Whether `item` still holds a placeholder (reported by RL101 `unfilled-placeholder`).
pub(super) fn is_unfilled(ctx: &Context<'_>, item: &ChecklistItem) -> bool {
    // `unfilled` is the parser's verdict on this very text: without one, only the
    // configured placeholder words are left to look for.
    item.unfilled.is_some() || ctx.is_unfilled(&item.text, true)
}

/// The item's text for messages: trimmed, without strikethrough marks and backticks
/// (which would break the message's own quoting).
pub(super) fn item_text(item: &ChecklistItem) -> String {
    item.text.trim().replace("~~", "").replace('`', "")
}
