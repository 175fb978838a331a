//! The template as the schema: required sections, fields, checklist items, table
//! columns and enum options are read by parsing a template with the same parser.

use std::sync::{LazyLock, OnceLock};

use release_doc::internal::known_tables::KnownTableSpec;
use release_doc::{ChecklistGroup, LabeledField, ReleaseDoc, Section, SectionId};

use crate::markdown;

/// The embedded default template (the seed "Deployment & Release Process Template"):
/// [`release_doc::DEFAULT_TEMPLATE`], the one copy.
pub const DEFAULT_TEMPLATE: &str = release_doc::DEFAULT_TEMPLATE;

static DEFAULT: LazyLock<Schema> = LazyLock::new(|| Schema::from_template(DEFAULT_TEMPLATE));

/// A template checklist item in comparable form (see [`Schema::item_patterns`]).
#[derive(Debug, Clone)]
pub(crate) struct ItemPattern {
    /// The item's literal parts between its placeholders, normalised.
    pub parts: Vec<String>,
    /// Whether the item's own text, normalised, holds these parts: then a document item
    /// with the very same text holds them too, with no need to normalise it.
    pub holds_own_text: bool,
}

/// A template, parsed: what every document must keep.
#[derive(Debug, Clone)]
pub struct Schema {
    source: String,
    template: ReleaseDoc,
    /// Each checklist item's comparable form, by group and item, built on first use.
    item_patterns: OnceLock<Vec<Vec<ItemPattern>>>,
    /// Each known table's column names in comparable form, by table, built on first use.
    column_keys: OnceLock<Vec<Vec<String>>>,
    /// Whether each section has content of its own, by section, built on first use.
    own_content: OnceLock<Vec<bool>>,
}

impl Schema {
    /// The schema of the embedded default template.
    #[must_use]
    pub fn default_template() -> &'static Schema {
        &DEFAULT
    }

    /// The schema of a template's text (placeholders and all).
    #[must_use]
    pub fn from_template(source: &str) -> Self {
        Self {
            source: source.to_owned(),
            template: release_doc::parse(source).value,
            item_patterns: OnceLock::new(),
            column_keys: OnceLock::new(),
            own_content: OnceLock::new(),
        }
    }

    /// The template's text.
    #[must_use]
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The template's model.
    #[must_use]
    pub fn template(&self) -> &ReleaseDoc {
        &self.template
    }

    /// The template's sections (known and its own).
    #[must_use]
    pub fn sections(&self) -> &[Section] {
        &self.template.sections
    }

    /// The template's `**Label**: value` fields of a section.
    pub fn fields_in(&self, id: SectionId) -> impl Iterator<Item = &LabeledField> {
        self.template.fields_in(id)
    }

    /// The template's checklist groups.
    #[must_use]
    pub fn checklists(&self) -> &[ChecklistGroup] {
        &self.template.checklists
    }

    /// `pattern` of every checklist item's text, by group and item, computed once per
    /// schema (the first caller's `pattern` is the one kept).
    pub(crate) fn item_patterns(&self, pattern: fn(&str) -> ItemPattern) -> &[Vec<ItemPattern>] {
        self.item_patterns.get_or_init(|| {
            self.checklists()
                .iter()
                .map(|group| group.items.iter().map(|item| pattern(&item.text)).collect())
                .collect()
        })
    }

    /// Whether the template's section at `index` of [`Self::sections`] has content of its
    /// own (text, list, table or code before its first subsection), computed once per
    /// schema.
    pub(crate) fn has_own_content(&self, index: usize) -> bool {
        let own = self.own_content.get_or_init(|| {
            let sections = self.sections();
            sections
                .iter()
                .map(|section| {
                    let body = markdown::own_body(sections, self.source.len(), section);
                    markdown::has_content(body.text(&self.source))
                })
                .collect()
        });
        own.get(index).copied().unwrap_or(false)
    }

    /// Every column name of a known table of the template in [`comparable_column`] form,
    /// in order, computed once per schema.
    pub(crate) fn column_keys(&self, table: KnownTable) -> &[String] {
        let keys = self.column_keys.get_or_init(|| {
            KnownTable::ALL
                .iter()
                .map(|&t| self.columns(t).into_iter().map(comparable_column).collect())
                .collect()
        });
        KnownTable::ALL
            .iter()
            .position(|&t| t == table)
            .and_then(|i| keys.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// The options a template field offers as a hint (`Major | Minor | Patch | Hotfix`),
    /// matched by section and label (case-insensitive).
    #[must_use]
    pub fn options(&self, section: SectionId, label: &str) -> &[String] {
        self.template
            .fields_in(section)
            .find(|f| f.label.eq_ignore_ascii_case(label))
            .map_or(&[], |f| f.options.as_slice())
    }

    /// The column names of a known table of the template, by the section it is in.
    #[must_use]
    pub fn columns(&self, table: KnownTable) -> Vec<&str> {
        let t = &self.template;
        let columns = match table {
            KnownTable::Risks => &t.risks.columns,
            KnownTable::Timeline => &t.timeline.columns,
            KnownTable::Monitoring => &t.monitoring.columns,
            KnownTable::Issues => &t.issues.columns,
            KnownTable::SuccessMetrics => &t.success_metrics.columns,
            KnownTable::BusinessMetrics => &t.business_metrics.columns,
            KnownTable::ActionItems => &t.retrospective.action_items.columns,
            KnownTable::CommunicationLog => &t.communication_log.columns,
        };
        columns.iter().map(|c| c.name.as_str()).collect()
    }
}

/// The known tables of the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KnownTable {
    /// Risk Assessment.
    Risks,
    /// Deployment Timeline.
    Timeline,
    /// Monitoring During Deployment (Key Metrics).
    Monitoring,
    /// Issues Encountered.
    Issues,
    /// Deployment Success Metrics.
    SuccessMetrics,
    /// Business Impact Metrics.
    BusinessMetrics,
    /// Action Items.
    ActionItems,
    /// Communication Log.
    CommunicationLog,
}

impl KnownTable {
    /// Every known table.
    pub const ALL: &'static [KnownTable] = &[
        KnownTable::Risks,
        KnownTable::Timeline,
        KnownTable::Monitoring,
        KnownTable::Issues,
        KnownTable::SuccessMetrics,
        KnownTable::BusinessMetrics,
        KnownTable::ActionItems,
        KnownTable::CommunicationLog,
    ];

    /// The section the table is in.
    #[must_use]
    pub fn section(self) -> SectionId {
        match self {
            KnownTable::Risks => SectionId::RiskAssessment,
            KnownTable::Timeline => SectionId::DeploymentTimeline,
            KnownTable::Monitoring => SectionId::MonitoringDuringDeployment,
            KnownTable::Issues => SectionId::IssuesEncountered,
            KnownTable::SuccessMetrics | KnownTable::BusinessMetrics => {
                SectionId::MetricsAndAnalytics
            }
            KnownTable::ActionItems => SectionId::ActionItems,
            KnownTable::CommunicationLog => SectionId::CommunicationLog,
        }
    }

    /// The table's name in messages (`Key Metrics`).
    #[must_use]
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The parser's description of the table: its name and its columns (key, name in
    /// the template, header names).
    #[must_use]
    pub(crate) fn spec(self) -> &'static KnownTableSpec {
        use release_doc::internal::known_tables as known;
        match self {
            KnownTable::Risks => &known::RISKS,
            KnownTable::Timeline => &known::TIMELINE,
            KnownTable::Monitoring => &known::MONITORING,
            KnownTable::Issues => &known::ISSUES,
            KnownTable::SuccessMetrics => &known::SUCCESS_METRICS,
            KnownTable::BusinessMetrics => &known::BUSINESS_METRICS,
            KnownTable::ActionItems => &known::ACTION_ITEMS,
            KnownTable::CommunicationLog => &known::COMMUNICATION_LOG,
        }
    }
}

/// A column name in comparable form: lower case, white space runs collapsed to one space.
pub(crate) fn comparable_column(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_template_schema_has_the_template_parts() {
        let schema = Schema::default_template();
        assert_eq!(
            schema.sections().iter().filter(|s| s.id.is_some()).count(),
            SectionId::ALL.len()
        );
        assert_eq!(
            schema.options(SectionId::Overview, "Release Type"),
            ["Major", "Minor", "Patch", "Hotfix"]
        );
        assert_eq!(
            schema.columns(KnownTable::Risks),
            ["Risk", "Probability", "Impact", "Mitigation", "Owner"]
        );
        assert_eq!(
            schema
                .checklists()
                .iter()
                .map(|g| g.items.len())
                .sum::<usize>(),
            80
        );
    }
}
