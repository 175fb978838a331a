//! When content becomes due: the lifecycle table of the spec's section 2.
//!
//! | stage | becomes due |
//! |---|---|
//! | `draft` | structure only |
//! | `planned` | Overview, Release Scope & Impact, Risk Assessment, Rollback Plan, Deployment Commands, monitoring thresholds, Emergency Procedures, Related Documentation |
//! | `ready` | Deployment Prerequisites, the Pre-Deployment checklist, Release Notes |
//! | `deployed` | During/Post-Deployment checklists, Deployment Timeline, monitoring current values with their Status and Alert cells, Post-Deployment Validation, Issues Encountered, Communication Log, `outcome` |
//! | `closed` | Post-Release Activities, Metrics & Analytics, Retrospective & Improvements |
//!
//! Deployment Guidelines (and Quality Standards) are guidance: never due. Rollback
//! Validation is due only when the outcome is `rolled-back`.

use release_doc::values::{Outcome, Stage};
use release_doc::{ChecklistGroup, SectionId};

/// The stage from which a known section's content is due; `None` when it never is.
#[must_use]
pub fn section(id: SectionId) -> Option<Stage> {
    use SectionId as S;
    Some(match id {
        S::Overview
        | S::PreDeploymentPlanning
        | S::ReleaseScope
        | S::RiskAssessment
        | S::RollbackPlan
        | S::DeploymentExecution
        | S::DeploymentCommands
        | S::MonitoringDuringDeployment
        | S::IncidentResponse
        | S::EmergencyProcedures
        | S::RelatedDocumentation => Stage::Planned,
        S::DeploymentPrerequisites | S::DeploymentChecklist | S::ReleaseNotes => Stage::Ready,
        S::NewFeatures
        | S::BugFixes
        | S::TechnicalImprovements
        | S::BreakingChanges
        | S::KnownIssues => Stage::Ready,
        S::DeploymentTimeline
        | S::PostDeploymentValidation
        | S::AutomatedValidation
        | S::ManualValidation
        | S::IssuesEncountered
        | S::CommunicationLog => Stage::Deployed,
        S::PostReleaseActivities
        | S::MonitoringAndSupport
        | S::CleanupTasks
        | S::MetricsAndAnalytics
        | S::Retrospective
        | S::WhatWentWell
        | S::WhatCouldBeImproved
        | S::ActionItems => Stage::Closed,
        _ => return None,
    })
}

/// The stage from which a checklist group is due, given the document's outcome.
///
/// The Deployment Checklist's groups become due one by one (Pre-Deployment at `ready`,
/// During and Post-Deployment at `deployed`); Rollback Triggers are conditions, never
/// tasks to tick; Rollback Validation is due from `deployed` only when the release was
/// rolled back. Groups of unknown sections are never due.
#[must_use]
pub fn checklist_group(group: &ChecklistGroup, outcome: Option<Outcome>) -> Option<Stage> {
    let id = group.section?;
    // Only these two sections look at the label.
    let label = if matches!(id, SectionId::DeploymentChecklist | SectionId::RollbackPlan) {
        group.label.to_lowercase()
    } else {
        String::new()
    };
    match id {
        SectionId::DeploymentChecklist if label.contains("during") || label.starts_with("post") => {
            Some(Stage::Deployed)
        }
        SectionId::RollbackPlan if label.contains("trigger") => None,
        SectionId::RollbackPlan if label.contains("validation") => {
            (outcome == Some(Outcome::RolledBack)).then_some(Stage::Deployed)
        }
        id => section(id),
    }
}

/// The monitoring table's columns that are due at `planned` (the rest, current value,
/// status and alert, with the values seen, at `deployed`).
pub const MONITORING_PLANNED_COLUMNS: &[&str] = &["metric", "threshold"];

/// The stage from which `outcome` is required in the frontmatter.
pub const OUTCOME: Stage = Stage::Deployed;
