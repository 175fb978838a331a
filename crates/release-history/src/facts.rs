//! What one release document contributes to a history: whether it is a deployment
//! (spec section 9) and, if so, the few facts the figures need. Nothing of the text is
//! kept, so a history of any size stays small in memory.

use jiff::civil::Date;
use jiff::Timestamp;
use release_doc::values::{Environment, Outcome, Stage};
use release_doc::{Field, QualityTarget, ReleaseDoc};
use release_rules::outcome::{self, OutcomeSource};
use release_rules::{Document, Settings};

use crate::time::{midnight, to_utc};

/// A production deployment, as the figures count it.
#[derive(Debug, Clone, PartialEq)]
pub struct Deployment {
    /// The document's path, as shown.
    pub path: String,
    /// The component (frontmatter `component`, else the Overview's Component, else the
    /// release's name).
    pub component: String,
    /// The release's version, when the Release field gives one.
    pub version: Option<semver::Version>,
    /// When it started, in UTC.
    pub time: Timestamp,
    /// How it ended.
    pub outcome: Outcome,
    /// The Durations, in seconds, of its Critical or SEV1 issues.
    pub incidents: Vec<u64>,
}

impl Deployment {
    /// Whether it failed: rolled back or failed.
    #[must_use]
    pub fn failed(&self) -> bool {
        matches!(self.outcome, Outcome::RolledBack | Outcome::Failed)
    }
}

/// The Quality Standards of a document and the date that makes one document newer than
/// another.
#[derive(Debug, Clone, PartialEq)]
pub struct DatedTargets {
    /// The deployment's date, else the Scheduled Date, else frontmatter `updated`, else
    /// `created`.
    pub date: Option<Date>,
    /// The document's path (breaks ties between documents of the same date).
    pub path: String,
    /// Its Quality Standards bullets.
    pub targets: Vec<QualityTarget>,
}

/// What a document gives the history.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// The document's path, as shown.
    pub path: String,
    /// The deployment, or why the document is not one.
    pub deployment: Result<Deployment, String>,
    /// Its Quality Standards, when it has any.
    pub standards: Option<DatedTargets>,
}

/// Read the facts of `doc`, shown as `path`, with the settings that govern it.
#[must_use]
pub fn read(doc: &Document, settings: &Settings, path: &str) -> Facts {
    let deployment = deployment(doc, settings, path);
    let model = doc.model();
    let standards = (!model.quality_standards.is_empty()).then(|| DatedTargets {
        date: match &deployment {
            Ok(d) => Some(crate::time::utc_date(d.time)),
            Err(_) => document_date(model),
        },
        path: path.to_owned(),
        targets: model.quality_standards.clone(),
    });
    Facts {
        path: path.to_owned(),
        deployment,
        standards,
    }
}

/// The document's own date, when it is not a deployment.
fn document_date(model: &ReleaseDoc) -> Option<Date> {
    let fm = model.frontmatter.as_ref();
    model
        .overview
        .scheduled_date
        .value()
        .copied()
        .or_else(|| fm.and_then(|f| f.updated.value().copied()))
        .or_else(|| fm.and_then(|f| f.created.value().copied()))
}

fn deployment(doc: &Document, settings: &Settings, path: &str) -> Result<Deployment, String> {
    let model = doc.model();
    let resolution = release_rules::resolve_stage(doc, settings);
    if resolution.stage < Stage::Deployed {
        return Err(format!(
            "not deployed: stage {} ({})",
            resolution.stage,
            resolution.reason()
        ));
    }
    let at = |span: Option<release_doc::Span>| {
        span.map_or_else(String::new, |s| format!(" ({})", place(doc, s)))
    };
    let environment = &model.overview.target_environment;
    match environment {
        Field::Value {
            value: Environment::Production,
            ..
        } => {}
        Field::Value { raw, span, .. } => {
            return Err(format!(
                "Target Environment{} is `{raw}`, not Production",
                at(Some(*span))
            ))
        }
        Field::Invalid { raw, span, .. } => {
            return Err(format!(
                "Target Environment{} `{raw}` does not parse; expected Staging, Production or DR",
                at(Some(*span))
            ))
        }
        _ => {
            return Err(format!(
                "no Target Environment{}; expected Production",
                at(environment.span())
            ))
        }
    }
    let inferred = outcome::infer(model, resolution.stage)
        .filter(|o| !settings.require_outcome || o.source == OutcomeSource::Declared)
        .ok_or("no `outcome` in the frontmatter (require-outcome is set)")?;
    Ok(Deployment {
        path: path.to_owned(),
        component: component(model),
        version: model.overview.release_version.value().cloned(),
        time: start(doc)?,
        outcome: inferred.outcome,
        incidents: incidents(doc)?,
    })
}

/// `line 12, column 3`: where a span starts.
fn place(doc: &Document, span: release_doc::Span) -> String {
    let lc = doc.line_col(span.start);
    format!("line {}, column {}", lc.line, lc.column)
}

/// Frontmatter `component`, else the Overview's Component, else the release's name.
fn component(model: &ReleaseDoc) -> String {
    let fm = model.frontmatter.as_ref().and_then(|f| f.component.value());
    fm.or_else(|| model.overview.component.value())
        .or_else(|| model.overview.release_name.value())
        .map_or_else(|| "(no component)".to_owned(), |c| c.trim().to_owned())
}

/// The Start of the first Deployment Timeline row (on the Scheduled Date when it has no
/// date of its own), else the Scheduled Date at 00:00 UTC.
fn start(doc: &Document) -> Result<Timestamp, String> {
    let model = doc.model();
    let scheduled = &model.overview.scheduled_date;
    let line = |span: release_doc::Span| place(doc, span);
    if let Some(first) = model.timeline.rows.first() {
        match &first.start {
            Field::Value { value, span, .. } => {
                let datetime = value.on(scheduled.value().copied()).ok_or_else(|| {
                    format!(
                        "the first Deployment Timeline Start ({}) has no date and there is no Scheduled Date",
                        line(*span)
                    )
                })?;
                return to_utc(datetime, value.zone.as_deref()).map_err(|zone| {
                    format!(
                        "the first Deployment Timeline Start ({}) has an unknown time zone `{zone}`",
                        line(*span)
                    )
                });
            }
            Field::Invalid { raw, span, .. } => {
                return Err(format!(
                    "the first Deployment Timeline Start ({}) `{raw}` does not parse; expected a time like 14:05 UTC",
                    line(*span)
                ))
            }
            _ => {}
        }
    }
    match scheduled {
        Field::Value { value, .. } => Ok(midnight(*value)),
        Field::Invalid { raw, span, .. } => Err(format!(
            "no Deployment Timeline Start, and the Scheduled Date ({}) `{raw}` does not parse",
            line(*span)
        )),
        _ => Err("no deployment time: no Deployment Timeline Start and no Scheduled Date".into()),
    }
}

/// Whether an issue's Severity is Critical or SEV1 (`SEV-1`, `Sev 1`, `🔴 Critical`).
#[must_use]
pub fn is_critical(severity: &str) -> bool {
    let squeezed: String = severity
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    squeezed.contains("critical")
        || squeezed.split("sev1").count() > 1 && !squeezed.contains("sev10")
}

/// The Durations of the Critical and SEV1 issues; one that does not parse makes the
/// document's figures unreadable.
fn incidents(doc: &Document) -> Result<Vec<u64>, String> {
    let mut out = Vec::new();
    for row in &doc.model().issues.rows {
        if !row.severity.value().is_some_and(|s| is_critical(s)) {
            continue;
        }
        let line = place(doc, row.span);
        match &row.duration {
            Field::Value { value, .. } => out.push(value.seconds),
            Field::Invalid { raw, .. } => {
                return Err(format!(
                    "the Duration `{raw}` of the critical issue at {line} does not parse; expected a duration like 45m"
                ))
            }
            _ => {
                return Err(format!(
                    "the critical issue at {line} has no Duration; expected a duration like 45m"
                ))
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn critical_severities() {
        for yes in ["Critical", "SEV1", "sev-1", "Sev 1", "🔴 CRITICAL"] {
            assert!(is_critical(yes), "{yes}");
        }
        for no in ["High", "SEV2", "SEV10", "Low", ""] {
            assert!(!is_critical(no), "{no}");
        }
    }
}
