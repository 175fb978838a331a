//! The items of the known lists (scope changes, steps, release notes, retrospective),
//! labeled items (expected impact, incident communication) and documentation links as
//! placeholder sites.

use release_doc::{List, SectionId};

use super::sites::{site, Site};
use crate::context::Context;
use crate::due;

/// Every item of the known lists, labeled items and links.
pub(super) fn collect(ctx: &Context<'_>, sites: &mut Vec<Site>) {
    use SectionId as S;
    let d = ctx.model();
    let notes = &d.release_notes;
    let plain: [(S, &str, &List, &str); 9] = [
        (
            S::ReleaseScope,
            "Release Scope & Impact › What's being deployed",
            &d.scope.changes,
            "a change being deployed",
        ),
        (
            S::RollbackPlan,
            "Rollback Plan › Rollback Steps",
            &d.rollback.steps,
            "a rollback step",
        ),
        (
            S::EmergencyProcedures,
            "Emergency Procedures › If deployment fails",
            &d.emergency.steps,
            "what to do if the deployment fails",
        ),
        (
            S::NewFeatures,
            "Release Notes › New Features",
            &notes.new_features,
            "a new feature, or `None`",
        ),
        (
            S::BugFixes,
            "Release Notes › Bug Fixes",
            &notes.bug_fixes,
            "a bug fix, or `None`",
        ),
        (
            S::TechnicalImprovements,
            "Release Notes › Technical Improvements",
            &notes.technical_improvements,
            "a technical improvement, or `None`",
        ),
        (
            S::BreakingChanges,
            "Release Notes › Breaking Changes",
            &notes.breaking_changes,
            "a breaking change, or `None`",
        ),
        (
            S::KnownIssues,
            "Release Notes › Known Issues",
            &notes.known_issues,
            "a known issue, or `None`",
        ),
        (
            S::WhatWentWell,
            "Retrospective › What Went Well",
            &d.retrospective.went_well,
            "something that went well",
        ),
    ];
    let improve = (
        S::WhatCouldBeImproved,
        "Retrospective › What Could Be Improved",
        &d.retrospective.could_improve,
        "something that could be improved",
    );
    for (id, place, list, expected) in plain.into_iter().chain([improve]) {
        for item in &list.items {
            if let Some(span) = item.text.span() {
                sites.push(Site::described_if_needed(
                    ctx,
                    span,
                    item.text.raw(),
                    due::section(id),
                    || (place.to_owned(), expected.to_owned()),
                ));
            }
        }
    }
    let labeled = [
        (
            S::ReleaseScope,
            "Release Scope & Impact",
            &d.scope.impact,
            "the impact",
        ),
        (
            S::EmergencyProcedures,
            "Emergency Procedures",
            &d.emergency.communication,
            "who to tell and how",
        ),
    ];
    for (id, section, items, expected) in labeled {
        for item in items {
            let span = item.value.span().unwrap_or(item.span);
            let place = || {
                if item.label.is_empty() {
                    section.to_owned()
                } else {
                    format!("{section} › {}", item.label)
                }
            };
            sites.push(Site::described_if_needed(
                ctx,
                span,
                item.value.raw(),
                due::section(id),
                || (place(), expected.to_owned()),
            ));
        }
    }
    for link in &d.related_docs {
        let span = link.target.span().unwrap_or(link.span);
        let place = format!("Related Documentation › {}", link.label);
        sites.push(site(
            span,
            place,
            "a `[[link]]` to the document",
            S::RelatedDocumentation,
        ));
    }
}
