//! The places of a document where a value of a closed vocabulary goes (Release Type,
//! Target Environment, Rollback Strategy, risk Probability/Impact, timeline and metric
//! Status, action item Priority, frontmatter `stage` and `outcome`), and their options,
//! for hover and completion.

use release_doc::internal::split_hint;
use release_doc::values::{Outcome, Priority, RiskLevel, Stage};
use release_doc::{Field, Span};
use release_rules::{Document, Schema};

/// The options of a Status cell, as the template's documents write them.
const STATUSES: &[&str] = &["✅ Pass", "⚠️ Warning", "❌ Fail", "Pending", "N/A"];

/// A place that takes one of a few values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// What goes there (`Release Type`, `risk Probability`).
    pub what: String,
    /// The value written there now, without a trailing `(A | B)` hint: what a completion
    /// replaces.
    pub value: Span,
    /// The allowed values, in the template's order.
    pub options: Vec<String>,
}

fn names<T: std::fmt::Display>(all: &[T]) -> Vec<String> {
    all.iter().map(ToString::to_string).collect()
}

/// The slot at byte `offset` of `doc`, if any.
pub fn at(doc: &Document, offset: usize) -> Option<Slot> {
    labeled_field(doc, offset)
        .or_else(|| frontmatter(doc, offset))
        .or_else(|| table_cell(doc, offset))
}

/// The end of the line holding `offset`.
fn line_end(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text[offset..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| offset + i)
}

/// A `**Label**: value (A | B)` field whose options the document's hint or the
/// template's hint lists.
fn labeled_field(doc: &Document, offset: usize) -> Option<Slot> {
    let text = doc.source();
    let model = doc.model();
    let field = model
        .fields
        .iter()
        .find(|f| f.label_span.start <= offset && offset <= line_end(text, f.label_span.start))?;
    let options = if field.options.is_empty() {
        let section = field.section?;
        Schema::default_template()
            .options(section, &field.label)
            .to_vec()
    } else {
        field.options.clone()
    };
    if options.is_empty() {
        return None;
    }
    let after_label = line_end(text, field.label_span.start);
    let whole = field
        .value
        .span()
        .unwrap_or(Span::new(after_label, after_label));
    Some(Slot {
        what: field.label.clone(),
        value: value_part(text, whole),
        options,
    })
}

/// The part of `span` before a trailing `(A | B)` hint, trimmed.
fn value_part(text: &str, span: Span) -> Span {
    let Some(raw) = text.get(span.start..span.end) else {
        return span;
    };
    let (before, _) = split_hint(raw);
    // `before` is a slice of `raw`.
    let start = before.as_ptr() as usize - raw.as_ptr() as usize;
    let start = if before.is_empty() {
        raw.len() - raw.trim_start().len()
    } else {
        start
    };
    Span::new(span.start + start, span.start + start + before.len())
}

/// Frontmatter `stage:` and `outcome:`.
fn frontmatter(doc: &Document, offset: usize) -> Option<Slot> {
    let text = doc.source();
    let frontmatter = doc.model().frontmatter.as_ref()?;
    let key = frontmatter
        .keys
        .iter()
        .find(|k| k.span.start <= offset && offset <= line_end(text, k.span.start))?;
    let options = match key.key.as_str() {
        "stage" => names(Stage::ALL),
        "outcome" => names(Outcome::ALL),
        _ => return None,
    };
    Some(Slot {
        what: format!("frontmatter `{}`", key.key),
        value: key.value_span,
        options,
    })
}

/// Risk Probability/Impact, a Status cell, an action item's Priority.
fn table_cell(doc: &Document, offset: usize) -> Option<Slot> {
    let model = doc.model();
    let mut cells: Vec<(&str, Option<Span>, Vec<String>)> = Vec::new();
    let levels = names(RiskLevel::ALL);
    let statuses: Vec<String> = STATUSES.iter().map(|s| (*s).to_owned()).collect();
    for row in &model.risks.rows {
        cells.push(("risk Probability", row.probability.span(), levels.clone()));
        cells.push(("risk Impact", row.impact.span(), levels.clone()));
    }
    let status = |f: &Field<_>| (f.span(), statuses.clone());
    for row in &model.timeline.rows {
        let (span, options) = status(&row.status);
        cells.push(("timeline Status", span, options));
    }
    for row in &model.monitoring.rows {
        let (span, options) = status(&row.status);
        cells.push(("metric Status", span, options));
    }
    for row in &model.success_metrics.rows {
        let (span, options) = status(&row.status);
        cells.push(("success metric Status", span, options));
    }
    for row in &model.retrospective.action_items.rows {
        cells.push((
            "action item Priority",
            row.priority.span(),
            names(Priority::ALL),
        ));
    }
    cells.into_iter().find_map(|(what, span, options)| {
        let span = span?;
        (span.start <= offset && offset <= span.end).then(|| Slot {
            what: what.to_owned(),
            value: span,
            options,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(text: &str, at_text: &str) -> Option<Slot> {
        let doc = Document::parse(text);
        at(&doc, text.find(at_text).unwrap_or_default())
    }

    #[test]
    fn a_filled_field_takes_its_options_from_the_template() {
        let text = "## Overview\n\n**Release**: x (1.0.0)\n\n**Release Type**: Mjor\n";
        let found = slot(text, "Mjor").unwrap_or_else(|| panic!("no slot"));
        assert_eq!(found.what, "Release Type");
        assert_eq!(found.options, ["Major", "Minor", "Patch", "Hotfix"]);
        assert_eq!(found.value.text(text), "Mjor");
    }

    #[test]
    fn the_hint_is_not_part_of_the_value() {
        let text = "## Overview\n\n**Target Environment**: {{env}} (Staging | Production)\n";
        let found = slot(text, "Target").unwrap_or_else(|| panic!("no slot"));
        assert_eq!(found.options, ["Staging", "Production"]);
        assert_eq!(found.value.text(text), "{{env}}");
    }

    #[test]
    fn frontmatter_stage_and_risk_cells_are_slots() {
        let text = "---\nphase: deployment\nstage: planed\n---\n\n## Pre-Deployment Planning\n\n### Risk Assessment\n\n| Risk | Probability | Impact | Mitigation | Owner |\n|---|---|---|---|---|\n| r | Hgh | Low | m | o |\n";
        let found = slot(text, "planed").unwrap_or_else(|| panic!("no slot"));
        assert_eq!(found.options, names(Stage::ALL));
        assert_eq!(found.value.text(text), "planed");
        let found = slot(text, "Hgh").unwrap_or_else(|| panic!("no slot"));
        assert_eq!(found.what, "risk Probability");
        assert_eq!(found.options, ["Low", "Medium", "High", "Critical"]);
        assert!(slot(text, "phase").is_none());
        assert!(slot(text, "| m |").is_none());
    }
}
