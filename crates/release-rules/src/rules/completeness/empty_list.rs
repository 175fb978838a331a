//! RL103: a due list or known table with no items or rows.

use release_doc::{ReleaseDoc, SectionId, Span, Table};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::{markdown, outline};

declare_rule! {
    /// ## What it does
    /// Reports a list or known table that is due but empty: a table with a header and
    /// no rows, or a section that is there and has content but lacks the list or table
    /// the template puts in it (Rollback Steps, What's being deployed, New Features, the
    /// Risk Assessment table, ...). A list whose only item is `None`, `N/A` or `—`, or a
    /// table whose only row says so, is filled; so is a list replaced by prose that says
    /// it does not apply (`N/A — hotfix, no schema change.`, `None known.`, `Not
    /// applicable: …`). A section with no content at all is
    /// reported by `empty-section` instead.
    ///
    /// ## Why it matters
    /// An empty list reads as "nothing to report" when it may mean "not written yet":
    /// reviewers cannot tell a release without breaking changes from a document whose
    /// author forgot them. Writing `None` makes the difference explicit.
    ///
    /// ## Example
    /// ```markdown
    /// ### Risk Assessment
    ///
    /// | Risk | Probability | Impact | Mitigation | Owner |
    /// |------|-------------|--------|------------|-------|
    /// ```
    ///
    /// ## How to fix
    /// Add the items or rows; when there are none, say so with a `- None` item or a
    /// `| None | — | — | — | — |` row.
    pub(crate) struct EmptyList {
        code: "RL103",
        name: "empty-list",
        family: Completeness,
        severity: Error,
        since: Planned,
        summary: "A due list or table has no items or rows",
        check: check,
    }
}

/// What a list or table looks like in a model.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Shape {
    Absent,
    /// A table with a header and no row.
    NoRows(Span),
    Filled,
}

fn list(span: Option<Span>, items: usize) -> Shape {
    match span {
        Some(_) if items > 0 => Shape::Filled,
        Some(span) => Shape::NoRows(span),
        None => Shape::Absent,
    }
}

fn items(count: usize) -> Shape {
    if count > 0 {
        Shape::Filled
    } else {
        Shape::Absent
    }
}

fn table<R>(t: &Table<R>) -> Shape {
    match t.span {
        None => Shape::Absent,
        Some(span) if t.rows.is_empty() && t.none_row.is_none() => Shape::NoRows(span),
        Some(_) => Shape::Filled,
    }
}

/// The lists and tables of a model: section, name, whether it is a table, shape.
fn parts(d: &ReleaseDoc) -> Vec<(SectionId, &'static str, bool, Shape)> {
    use SectionId as S;
    let notes = &d.release_notes;
    let retro = &d.retrospective;
    vec![
        (
            S::ReleaseScope,
            "What's being deployed",
            false,
            list(d.scope.changes.span, d.scope.changes.items.len()),
        ),
        (
            S::ReleaseScope,
            "Expected impact",
            false,
            items(d.scope.impact.len()),
        ),
        (S::RiskAssessment, "Risk Assessment", true, table(&d.risks)),
        (
            S::RollbackPlan,
            "Rollback Steps",
            false,
            list(d.rollback.steps.span, d.rollback.steps.items.len()),
        ),
        (
            S::DeploymentTimeline,
            "Deployment Timeline",
            true,
            table(&d.timeline),
        ),
        (
            S::MonitoringDuringDeployment,
            "Key Metrics",
            true,
            table(&d.monitoring),
        ),
        (
            S::IssuesEncountered,
            "Issues Encountered",
            true,
            table(&d.issues),
        ),
        (
            S::EmergencyProcedures,
            "If deployment fails",
            false,
            list(d.emergency.steps.span, d.emergency.steps.items.len()),
        ),
        (
            S::EmergencyProcedures,
            "Communication during incident",
            false,
            items(d.emergency.communication.len()),
        ),
        (
            S::NewFeatures,
            "New Features",
            false,
            list(notes.new_features.span, notes.new_features.items.len()),
        ),
        (
            S::BugFixes,
            "Bug Fixes",
            false,
            list(notes.bug_fixes.span, notes.bug_fixes.items.len()),
        ),
        (
            S::TechnicalImprovements,
            "Technical Improvements",
            false,
            list(
                notes.technical_improvements.span,
                notes.technical_improvements.items.len(),
            ),
        ),
        (
            S::BreakingChanges,
            "Breaking Changes",
            false,
            list(
                notes.breaking_changes.span,
                notes.breaking_changes.items.len(),
            ),
        ),
        (
            S::KnownIssues,
            "Known Issues",
            false,
            list(notes.known_issues.span, notes.known_issues.items.len()),
        ),
        (
            S::MetricsAndAnalytics,
            "Deployment Success Metrics",
            true,
            table(&d.success_metrics),
        ),
        (
            S::MetricsAndAnalytics,
            "Business Impact Metrics",
            true,
            table(&d.business_metrics),
        ),
        (
            S::WhatWentWell,
            "What Went Well",
            false,
            list(retro.went_well.span, retro.went_well.items.len()),
        ),
        (
            S::WhatCouldBeImproved,
            "What Could Be Improved",
            false,
            list(retro.could_improve.span, retro.could_improve.items.len()),
        ),
        (
            S::ActionItems,
            "Action Items",
            true,
            table(&retro.action_items),
        ),
        (
            S::CommunicationLog,
            "Communication Log",
            true,
            table(&d.communication_log),
        ),
        (
            S::RelatedDocumentation,
            "Related Documentation",
            false,
            items(d.related_docs.len()),
        ),
    ]
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let wanted = parts(ctx.schema.template());
    let found = parts(ctx.model());
    for ((id, name, is_table, template), (_, _, _, shape)) in wanted.into_iter().zip(found) {
        if template != Shape::Filled || !ctx.section_due(id) {
            continue;
        }
        let kind = if is_table { "table" } else { "list" };
        let none = if is_table {
            "a row that says `None`"
        } else {
            "a `- None` item"
        };
        match shape {
            Shape::Filled => {}
            Shape::NoRows(span) => out.push(ctx.diagnostic(
                &EmptyList::META,
                markdown::line_span(ctx.source(), span.start),
                format!("the {name} {kind} has no rows; expected at least one, or {none}"),
            )),
            Shape::Absent => {
                // Only in a section that is there and says something; the others are
                // `missing-section`'s and `empty-section`'s.
                let Some(section) = ctx.model().section(id) else {
                    continue;
                };
                let body = ctx.own_body(section);
                if !markdown::has_content(body.text(ctx.source())) {
                    continue;
                }
                out.push(ctx.diagnostic(
                    &EmptyList::META,
                    section.span,
                    format!(
                        "section `{}` has no {name} {kind}; expected one with at least one {}, or {none}",
                        outline::heading(section),
                        if is_table { "row" } else { "item" }
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests;
