//! Plain lists: scope changes, impact, steps, release notes, retrospective lists,
//! communication, related documentation and quality standards.

use std::sync::LazyLock;

use regex::Regex;

use crate::field::Field;
use crate::markdown::{plain, split_label, ListBlock};
use crate::model::{
    normalize_label, DocLink, LabeledItem, List, ListItem, QualityTarget, SectionId, TargetKind,
};
use crate::span::Span;
use crate::values::threshold::{parse_leading_threshold, Threshold};

use super::Builder;

/// Hand a plain list to the part of the model its section and label say it is.
pub(super) fn plain_list(b: &mut Builder<'_>, block: &ListBlock) {
    let Some(section) = b.section else {
        let list = list(b, block);
        if let Some(unknown) = b.doc.unknown_sections.last_mut() {
            unknown.lists.push(list);
        }
        return;
    };
    use SectionId as S;
    // Only two sections look at the label.
    let label = match (section, &b.label) {
        (S::ReleaseScope | S::EmergencyProcedures, Some((l, _))) => normalize_label(l),
        _ => String::new(),
    };
    match section {
        S::ReleaseScope if label.contains("impact") => b.doc.scope.impact = labeled(b, block),
        S::ReleaseScope => {
            let l = list(b, block);
            set_once(&mut b.doc.scope.changes, l)
        }
        S::RollbackPlan => {
            let l = list(b, block);
            set_once(&mut b.doc.rollback.steps, l)
        }
        S::EmergencyProcedures
            if label.contains("communication") || !block.ordered && !label.contains("fail") =>
        {
            b.doc.emergency.communication = labeled(b, block);
        }
        S::EmergencyProcedures => {
            let l = list(b, block);
            set_once(&mut b.doc.emergency.steps, l)
        }
        S::NewFeatures => {
            let l = list(b, block);
            set_once(&mut b.doc.release_notes.new_features, l)
        }
        S::BugFixes => {
            let l = list(b, block);
            set_once(&mut b.doc.release_notes.bug_fixes, l)
        }
        S::TechnicalImprovements => {
            let l = list(b, block);
            set_once(&mut b.doc.release_notes.technical_improvements, l)
        }
        S::BreakingChanges => {
            let l = list(b, block);
            set_once(&mut b.doc.release_notes.breaking_changes, l)
        }
        S::KnownIssues => {
            let l = list(b, block);
            set_once(&mut b.doc.release_notes.known_issues, l)
        }
        S::WhatWentWell => {
            let l = list(b, block);
            set_once(&mut b.doc.retrospective.went_well, l)
        }
        S::WhatCouldBeImproved => {
            let l = list(b, block);
            set_once(&mut b.doc.retrospective.could_improve, l)
        }
        S::RelatedDocumentation => {
            let links = doc_links(b, block);
            b.doc.related_docs.extend(links);
        }
        S::QualityStandards => {
            let targets = quality_targets(b, block);
            b.doc.quality_standards.extend(targets);
        }
        _ => {}
    }
}

/// Whether [`plain_list`] reads a list in `section` into the model (so that a paragraph
/// saying the list does not apply can stand in for it).
pub(super) fn holds_list(section: SectionId) -> bool {
    use SectionId as S;
    matches!(
        section,
        S::ReleaseScope
            | S::RollbackPlan
            | S::EmergencyProcedures
            | S::NewFeatures
            | S::BugFixes
            | S::TechnicalImprovements
            | S::BreakingChanges
            | S::KnownIssues
            | S::WhatWentWell
            | S::WhatCouldBeImproved
    )
}

/// The first list of a kind wins; a second one (in a duplicated section) is kept too.
fn set_once(slot: &mut List, list: List) {
    if slot.span.is_none() {
        *slot = list;
    } else {
        slot.items.extend(list.items);
    }
}

fn list(b: &Builder<'_>, block: &ListBlock) -> List {
    List {
        span: Some(block.span),
        items: block
            .items
            .iter()
            .map(|i| ListItem {
                text: b.text(i.text),
                span: i.span,
            })
            .collect(),
    }
}

fn labeled(b: &Builder<'_>, block: &ListBlock) -> Vec<LabeledItem> {
    block
        .items
        .iter()
        .map(|i| match split_label(b.source, i.text, true) {
            Some((label, label_span, value)) => LabeledItem {
                label,
                label_span,
                value: b.text(value),
                span: i.span,
            },
            None => LabeledItem {
                label: String::new(),
                label_span: i.text,
                value: b.text(i.text),
                span: i.span,
            },
        })
        .collect()
}

static WIKI_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\[([^\[\]\n]*)\]\]").expect("valid regex"));

fn doc_links(b: &Builder<'_>, block: &ListBlock) -> Vec<DocLink> {
    labeled(b, block)
        .into_iter()
        .map(|item| {
            let value = item.value.span().unwrap_or(item.span);
            let raw = value.text(b.source);
            let target = match WIKI_LINK.captures(raw).and_then(|c| c.get(1)) {
                Some(inner) => {
                    let span = Span::new(value.start + inner.start(), value.start + inner.end());
                    Field::text(inner.as_str(), span)
                }
                None => item.value,
            };
            DocLink {
                label: plain(&item.label),
                target,
                span: item.span,
            }
        })
        .collect()
}

fn quality_targets(b: &Builder<'_>, block: &ListBlock) -> Vec<QualityTarget> {
    labeled(b, block)
        .into_iter()
        .map(|item| {
            let span = item.value.span().unwrap_or(item.span);
            let text = span.text(b.source).to_owned();
            let label = plain(&item.label);
            let kind = target_kind(&label);
            let threshold = parse_leading_threshold(&text)
                .map(|(t, _)| t)
                .or_else(|| implied_threshold(kind, &text));
            QualityTarget {
                kind,
                label,
                text,
                threshold,
                span,
            }
        })
        .collect()
}

/// A target written as a bare number (`30 minutes for critical issues`, `95%`): the
/// comparator follows from what it measures (a success rate is a floor, the others are
/// ceilings).
fn implied_threshold(kind: Option<TargetKind>, text: &str) -> Option<Threshold> {
    let comparator = match kind? {
        TargetKind::SuccessRate => ">=",
        TargetKind::Mttr | TargetKind::ChangeFailureRate | TargetKind::LeadTime => "<=",
        _ => return None,
    };
    parse_leading_threshold(&format!("{comparator} {}", text.trim_start())).map(|(t, _)| t)
}

fn target_kind(label: &str) -> Option<TargetKind> {
    let l = label.to_lowercase();
    if l.contains("success rate") {
        Some(TargetKind::SuccessRate)
    } else if l.contains("recovery") || l.contains("mttr") {
        Some(TargetKind::Mttr)
    } else if l.contains("failure rate") {
        Some(TargetKind::ChangeFailureRate)
    } else if l.contains("frequency") {
        Some(TargetKind::DeploymentFrequency)
    } else if l.contains("lead time") {
        Some(TargetKind::LeadTime)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::model::SectionId;

    #[test]
    fn prose_that_says_a_list_or_group_does_not_apply_stands_in_for_it() {
        let doc = "## Release Notes\n\n### Breaking Changes\n\nN/A — hotfix, no schema change.\n\n### Known Issues\n\nNone known.\n\n### Bug Fixes\n\nThe fix was small.\n\n## Pre-Deployment Planning\n\n### Deployment Prerequisites\n\n**Database**:\n\nN/A — this service has no database.\n\n**Infrastructure**:\n\n- Not applicable: serverless\n";
        let model = crate::parse(doc).value;
        let notes = &model.release_notes;
        assert_eq!(notes.breaking_changes.items.len(), 1);
        assert_eq!(notes.known_issues.items.len(), 1);
        // Other prose is not a list.
        assert!(notes.bug_fixes.span.is_none());
        let groups: Vec<_> = model
            .checklists_in(SectionId::DeploymentPrerequisites)
            .map(|g| {
                (
                    g.label.as_str(),
                    g.not_applicable.as_ref().and_then(|n| n.reason.clone()),
                )
            })
            .collect();
        assert_eq!(
            groups,
            [
                ("Database", Some("this service has no database".to_owned())),
                ("Infrastructure", Some("serverless".to_owned()))
            ]
        );
        // The `**Database**:` label is not left behind as an empty field.
        assert!(model.fields.iter().all(|f| f.label != "Database"));
    }
}
