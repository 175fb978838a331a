//! The building blocks of the model: fields, lists, checklists, code blocks and links.

use serde::{Deserialize, Serialize};

use super::sections::SectionId;
use crate::field::{Field, Text};
use crate::span::Span;
use crate::values::threshold::Threshold;

/// A `**Label**: value` paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct LabeledField {
    /// The known section it is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<SectionId>,
    /// The heading of the section it is in, as written (empty before any heading).
    pub section_title: String,
    /// The label, without markup and colon.
    pub label: String,
    /// Where the label is.
    pub label_span: Span,
    /// The value after the colon, hint included.
    pub value: Text,
    /// The options of a trailing `(A | B | C)` hint, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
}

/// A list of free-text items (scope changes, steps, release notes, ...).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct List {
    /// The whole list, or `None` when the document has no such list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The items in order.
    pub items: Vec<ListItem>,
}

/// One item of a [`List`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ListItem {
    /// The item's text (without its marker).
    pub text: Text,
    /// The whole item, marker included.
    pub span: Span,
}

/// A list item of the form `Label: value` (`**Users affected**: 40%`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct LabeledItem {
    /// The label (empty when the item has none).
    pub label: String,
    /// Where the label is (the item's text when it has none).
    pub label_span: Span,
    /// The value after the colon.
    pub value: Text,
    /// The whole item.
    pub span: Span,
}

/// A group of task-list items under one bold label or heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ChecklistGroup {
    /// The known section it is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<SectionId>,
    /// The heading of the section it is in, as written.
    pub section_title: String,
    /// The bold label above the list (`Code & Testing`), else the section title.
    pub label: String,
    /// Where the label is (the heading when the group is named after it).
    pub label_span: Span,
    /// The task list.
    pub span: Span,
    /// The items in order.
    pub items: Vec<ChecklistItem>,
    /// The group was replaced by one line that says it does not apply (`N/A — no schema
    /// change.`): every item of the template's group counts as not applicable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<NotApplicable>,
}

/// One task-list item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ChecklistItem {
    /// The text after the box, as written.
    pub text: String,
    /// Where that text is.
    pub text_span: Span,
    /// The whole item, marker and box included.
    pub span: Span,
    /// `[x]` or `[X]`.
    pub done: bool,
    /// The text is struck through (`~~…~~`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub struck: bool,
    /// The item says `N/A`, with or without a reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<NotApplicable>,
    /// The placeholder (or placeholder-like text) the item still holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unfilled: Option<String>,
}

impl ChecklistItem {
    /// Done, or not applicable with a reason.
    #[must_use]
    pub fn is_settled(&self) -> bool {
        self.done
            || self
                .not_applicable
                .as_ref()
                .is_some_and(|na| na.reason.is_some())
    }
}

/// The `N/A` part of a checklist item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct NotApplicable {
    /// The reason given after `N/A`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// From `N/A` to the end of the item's text.
    pub span: Span,
}

/// A rollback trigger read as a condition: `Error rate > 1%`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TriggerCondition {
    /// The metric named before the comparator, as written (`Error rate`).
    pub metric: String,
    /// The threshold after it.
    pub threshold: Field<Threshold>,
    /// The trigger's checkbox is ticked: the trigger fired.
    pub fired: bool,
    /// The trigger item.
    pub span: Span,
}

/// A stakeholder sign-off item: `Product Owner: Tomás Ferreira (2026-11-04)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct SignOff {
    /// The role before the colon.
    pub role: String,
    /// Who signed, and anything after it.
    pub signer: Text,
    /// The item is ticked.
    pub done: bool,
    /// The whole item.
    pub span: Span,
}

/// A code block of the Deployment Commands section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CodeBlock {
    /// The bold label above it (`Database Migration`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The fence's language (`bash`), empty when none.
    pub language: String,
    /// The code, without fences.
    pub code: String,
    /// Where the code is.
    pub code_span: Span,
    /// The whole block, fences included.
    pub span: Span,
    /// The placeholders the code still holds, with their spans.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub placeholders: Vec<(String, Span)>,
}

/// An item of Related Documentation: `**Runbook**: [[runbooks/payments]]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DocLink {
    /// The label (`Runbook`).
    pub label: String,
    /// The wiki link's target, or the value's text when it has no `[[…]]`.
    pub target: Text,
    /// The whole item.
    pub span: Span,
}

/// What a Quality Standards target measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum TargetKind {
    /// Deployment Success Rate.
    SuccessRate,
    /// Mean Time to Recovery.
    Mttr,
    /// Change Failure Rate.
    ChangeFailureRate,
    /// Deployment Frequency.
    DeploymentFrequency,
    /// Lead Time for Changes.
    LeadTime,
}

/// One Quality Standards bullet: `**Mean Time to Recovery**: <15 minutes for critical issues`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct QualityTarget {
    /// The label as written.
    pub label: String,
    /// What it measures, when the label says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TargetKind>,
    /// The text after the label.
    pub text: String,
    /// The leading threshold of the text, when it has a number (`<15 minutes`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
    /// Where the text is.
    pub span: Span,
}

/// A section the template does not know, kept with its lists, tables and code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct UnknownSection {
    /// The heading text.
    pub title: String,
    /// The heading level.
    pub level: u8,
    /// The heading line.
    pub span: Span,
    /// Its plain lists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lists: Vec<List>,
    /// Its tables, cells as text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<super::tables::Table<super::tables::RawRow>>,
    /// Its code blocks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub code: Vec<CodeBlock>,
}
