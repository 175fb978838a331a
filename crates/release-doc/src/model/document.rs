//! The document as a whole, its frontmatter and its typed parts.

use serde::{Deserialize, Serialize};

use super::parts::{
    ChecklistGroup, CodeBlock, DocLink, LabeledField, LabeledItem, List, QualityTarget, SignOff,
    TriggerCondition, UnknownSection,
};
use super::sections::{Section, SectionId};
use super::tables::{
    ActionItemRow, BusinessMetricRow, CommunicationRow, IssueRow, MetricRow, RiskRow,
    SuccessMetricRow, Table, TimelineRow,
};
use crate::field::{Field, Text};
use crate::span::Span;
use crate::values::enums::{Environment, Outcome, ReleaseType, RollbackStrategy, Stage};

/// A parsed release document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ReleaseDoc {
    /// The YAML frontmatter, when the document has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frontmatter: Option<Frontmatter>,
    /// The first level-1 heading's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Every heading of level 2 and deeper, in order.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Every `**Label**: value` paragraph, in order.
    #[serde(default)]
    pub fields: Vec<LabeledField>,
    /// Every group of task-list items, in order.
    #[serde(default)]
    pub checklists: Vec<ChecklistGroup>,
    /// The Overview fields.
    #[serde(default)]
    pub overview: Overview,
    /// Release Scope & Impact.
    #[serde(default)]
    pub scope: Scope,
    /// The Risk Assessment table.
    #[serde(default)]
    pub risks: Table<RiskRow>,
    /// The Rollback Plan.
    #[serde(default)]
    pub rollback: Rollback,
    /// The Deployment Timeline table.
    #[serde(default)]
    pub timeline: Table<TimelineRow>,
    /// The Deployment Commands code blocks.
    #[serde(default)]
    pub commands: Vec<CodeBlock>,
    /// The Monitoring During Deployment table.
    #[serde(default)]
    pub monitoring: Table<MetricRow>,
    /// The Stakeholder Sign-off items.
    #[serde(default)]
    pub signoffs: Vec<SignOff>,
    /// The Issues Encountered table.
    #[serde(default)]
    pub issues: Table<IssueRow>,
    /// Emergency Procedures.
    #[serde(default)]
    pub emergency: Emergency,
    /// Release Notes.
    #[serde(default)]
    pub release_notes: ReleaseNotes,
    /// The Deployment Success Metrics table.
    #[serde(default)]
    pub success_metrics: Table<SuccessMetricRow>,
    /// The Business Impact Metrics table.
    #[serde(default)]
    pub business_metrics: Table<BusinessMetricRow>,
    /// Retrospective & Improvements.
    #[serde(default)]
    pub retrospective: Retrospective,
    /// The Communication Log table.
    #[serde(default)]
    pub communication_log: Table<CommunicationRow>,
    /// Related Documentation links.
    #[serde(default)]
    pub related_docs: Vec<DocLink>,
    /// Quality Standards targets.
    #[serde(default)]
    pub quality_standards: Vec<QualityTarget>,
    /// Sections the template does not know.
    #[serde(default)]
    pub unknown_sections: Vec<UnknownSection>,
}

impl ReleaseDoc {
    /// The first heading of a known section.
    #[must_use]
    pub fn section(&self, id: SectionId) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == Some(id))
    }

    /// The checklist groups of a known section.
    pub fn checklists_in(&self, id: SectionId) -> impl Iterator<Item = &ChecklistGroup> {
        self.checklists
            .iter()
            .filter(move |g| g.section == Some(id))
    }

    /// The fields of a known section.
    pub fn fields_in(&self, id: SectionId) -> impl Iterator<Item = &LabeledField> {
        self.fields.iter().filter(move |f| f.section == Some(id))
    }

    /// The stage the frontmatter declares, if it declares a valid one.
    #[must_use]
    pub fn declared_stage(&self) -> Option<Stage> {
        self.frontmatter
            .as_ref()
            .and_then(|f| f.stage.value().copied())
    }
}

/// The YAML frontmatter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Frontmatter {
    /// The whole block, fences included.
    pub span: Span,
    /// `component`.
    #[serde(default)]
    pub component: Text,
    /// `type`.
    #[serde(default, rename = "type")]
    pub doc_type: Text,
    /// `phase` (`deployment` marks a release document).
    #[serde(default)]
    pub phase: Text,
    /// `status`.
    #[serde(default)]
    pub status: Text,
    /// `created`.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "Field<String>"))]
    pub created: Field<jiff::civil::Date>,
    /// `updated`.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "Field<String>"))]
    pub updated: Field<jiff::civil::Date>,
    /// `owner`.
    #[serde(default)]
    pub owner: Text,
    /// `tags`.
    #[serde(default)]
    pub tags: Field<Vec<String>>,
    /// `stage`: the document's lifecycle stage.
    #[serde(default)]
    pub stage: Field<Stage>,
    /// `outcome`: how the release ended.
    #[serde(default)]
    pub outcome: Field<Outcome>,
    /// Every key in order, known or not, with where it is.
    #[serde(default)]
    pub keys: Vec<FrontmatterKey>,
}

/// One top-level frontmatter key.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FrontmatterKey {
    /// The key.
    pub key: String,
    /// Where the key is.
    pub span: Span,
    /// Its value as JSON (text for scalars, a list for sequences, `null` when empty).
    pub value: serde_json::Value,
    /// Where the value is.
    pub value_span: Span,
}

/// The Overview fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Overview {
    /// The release's name, before the parenthesised version.
    #[serde(default)]
    pub release_name: Text,
    /// The release's version, in parentheses after the name.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "Field<String>"))]
    pub release_version: Field<semver::Version>,
    /// The version it replaces, when the Release field writes a change
    /// (`Profile revamp (2.3.1 → 2.3.2)`, `from 2.3.1 to 2.3.2`); else missing.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "Field<String>"))]
    pub previous_version: Field<semver::Version>,
    /// `Component`.
    #[serde(default)]
    pub component: Text,
    /// `Release Type`.
    #[serde(default)]
    pub release_type: Field<ReleaseType>,
    /// `Target Environment`.
    #[serde(default)]
    pub target_environment: Field<Environment>,
    /// `Scheduled Date`.
    #[serde(default)]
    #[cfg_attr(feature = "schemars", schemars(with = "Field<String>"))]
    pub scheduled_date: Field<jiff::civil::Date>,
    /// `Release Coordinator`.
    #[serde(default)]
    pub release_coordinator: Text,
    /// `Business Owner`.
    #[serde(default)]
    pub business_owner: Text,
}

/// Release Scope & Impact.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Scope {
    /// What's being deployed.
    #[serde(default)]
    pub changes: List,
    /// Expected impact (`Users affected`, `Downtime expected`, ...).
    #[serde(default)]
    pub impact: Vec<LabeledItem>,
}

/// The Rollback Plan's typed parts (its checklists are in [`ReleaseDoc::checklists`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Rollback {
    /// `Rollback Strategy`.
    #[serde(default)]
    pub strategy: Field<RollbackStrategy>,
    /// The Rollback Triggers read as conditions.
    #[serde(default)]
    pub triggers: Vec<TriggerCondition>,
    /// Rollback Steps.
    #[serde(default)]
    pub steps: List,
}

/// Emergency Procedures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Emergency {
    /// If deployment fails: the steps.
    #[serde(default)]
    pub steps: List,
    /// Communication during incident.
    #[serde(default)]
    pub communication: Vec<LabeledItem>,
}

/// The five lists of the Release Notes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ReleaseNotes {
    /// New Features.
    #[serde(default)]
    pub new_features: List,
    /// Bug Fixes.
    #[serde(default)]
    pub bug_fixes: List,
    /// Technical Improvements.
    #[serde(default)]
    pub technical_improvements: List,
    /// Breaking Changes.
    #[serde(default)]
    pub breaking_changes: List,
    /// Known Issues.
    #[serde(default)]
    pub known_issues: List,
}

/// Retrospective & Improvements.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Retrospective {
    /// What Went Well.
    #[serde(default)]
    pub went_well: List,
    /// What Could Be Improved.
    #[serde(default)]
    pub could_improve: List,
    /// The Action Items table.
    #[serde(default)]
    pub action_items: Table<ActionItemRow>,
}
