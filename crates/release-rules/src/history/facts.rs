//! The facts of one document that the history rules compare: what it releases, where,
//! when and how it ended, and the wiki links it makes; small enough to keep for every
//! document of a run.

use std::path::PathBuf;

use release_doc::values::{Environment, Outcome};
use release_doc::{Field, LineCol, Span};

use super::moment;
use crate::diagnostic::Severity;
use crate::document::Document;
use crate::registry;
use crate::rule::RuleMeta;
use crate::settings::Settings;

/// What the history rules need of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Facts {
    /// The path as shown in findings and messages.
    pub path: String,
    /// Whether its findings are reported (false for a document only read from the
    /// history folder, to compare with).
    pub reported: bool,
    /// The frontmatter's `component`, else the Overview's Component, as written.
    pub component: Option<String>,
    /// The Overview's Target Environment.
    pub environment: Option<Environment>,
    /// The Overview's release version.
    pub version: Option<VersionFact>,
    /// When it was deployed (spec section 9): the Start of the first Deployment
    /// Timeline row, else the Scheduled Date at 00:00, in UTC (a time without a zone is
    /// read as UTC).
    pub deployed_at: Option<jiff::Timestamp>,
    /// How it ended ([`crate::outcome::infer`] at its stage).
    pub outcome: Option<Outcome>,
    /// The wiki links of Related Documentation.
    pub links: Vec<LinkFact>,
    /// The configured `[links] root`, absolute: where wiki links must resolve.
    pub links_root: Option<PathBuf>,
    /// The selected history rules, by code, with their configured severity.
    severities: Vec<(&'static str, Severity)>,
}

/// A release version and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionFact {
    /// The version as compared: the SemVer value when it is one, else the text as
    /// written without a leading `v`.
    pub text: String,
    /// The SemVer value, when the version is one.
    pub semver: Option<semver::Version>,
    /// Where it is written.
    pub span: Span,
    /// The same place as a line and column.
    pub at: LineCol,
}

/// A `[[wiki link]]` of Related Documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkFact {
    /// The label of its item (`Runbook`).
    pub label: String,
    /// The link's target as written (`runbooks/payments`).
    pub target: String,
    /// Where the target is written.
    pub span: Span,
}

impl Facts {
    /// The facts of `doc`, shown as `path`, checked with `settings`; `reported` says
    /// whether its findings are reported.
    #[must_use]
    pub fn of(
        doc: &Document,
        settings: &Settings,
        path: impl Into<String>,
        reported: bool,
    ) -> Self {
        let model = doc.model();
        let overview = &model.overview;
        let component = model
            .frontmatter
            .as_ref()
            .and_then(|f| f.component.value())
            .or_else(|| overview.component.value())
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty());
        let version = version_fact(doc, &overview.release_version);
        let stage = crate::resolve_stage(doc, settings).stage;
        let links = model
            .related_docs
            .iter()
            .filter_map(|link| {
                let span = link.target.span()?;
                let target = link.target.value()?;
                // Only `[[…]]` links point into the wiki; other text is not a link.
                let written = doc.text(link.span);
                written.contains("[[").then(|| LinkFact {
                    label: link.label.clone(),
                    target: target.trim().to_owned(),
                    span,
                })
            })
            .collect();
        let severities = registry::history()
            .iter()
            .map(|r| r.meta())
            .filter(|m| settings.is_selected(m))
            .map(|m| (m.code, settings.severity_of(m, m.severity)))
            .collect();
        Self {
            path: path.into(),
            reported,
            component,
            environment: overview.target_environment.value().copied(),
            version,
            deployed_at: moment::deployed_at(model),
            outcome: crate::outcome::infer(model, stage).map(|o| o.outcome),
            links,
            links_root: settings.links_root.clone(),
            severities,
        }
    }

    /// The severity of `meta`'s findings in this document, or `None` when its settings
    /// do not select the rule.
    #[must_use]
    pub fn severity(&self, meta: &RuleMeta) -> Option<Severity> {
        self.severities
            .iter()
            .find(|(code, _)| *code == meta.code)
            .map(|&(_, s)| s)
    }

    /// The component as compared: trimmed, lower-case, inner spaces collapsed.
    #[must_use]
    pub fn component_key(&self) -> Option<String> {
        self.component.as_ref().map(|c| {
            c.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
    }

    /// Whether the release did not stick: rolled back or failed.
    #[must_use]
    pub fn was_undone(&self) -> bool {
        matches!(self.outcome, Some(Outcome::RolledBack | Outcome::Failed))
    }
}

/// The version of a filled Release field: its SemVer value, or the text written.
fn version_fact(doc: &Document, field: &Field<semver::Version>) -> Option<VersionFact> {
    let (text, semver, span) = match field {
        Field::Value { value, span, .. } => (value.to_string(), Some(value.clone()), *span),
        Field::Invalid { raw, span, .. } => {
            let text = raw.trim();
            let text = text.strip_prefix(['v', 'V']).unwrap_or(text);
            (text.to_owned(), None, *span)
        }
        _ => return None,
    };
    (!text.is_empty()).then(|| VersionFact {
        text,
        semver,
        span,
        at: doc.line_col(span.start),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(text: &str) -> Facts {
        Facts::of(&Document::parse(text), &Settings::default(), "a.md", true)
    }

    #[test]
    fn the_facts_of_a_deployed_release() {
        let f = facts(
            "---\ncomponent: Payments API\nstage: closed\noutcome: rolled-back\n---\n# R\n\n## Overview\n\n\
             **Release**: Checkout (v2.4.0)\n\n**Target Environment**: Production\n\n\
             **Scheduled Date**: 2026-11-30\n\n## Related Documentation\n\n\
             - **Runbook**: [[runbooks/payments]]\n- **Architecture**: see the wiki\n",
        );
        assert_eq!(f.component.as_deref(), Some("Payments API"));
        assert_eq!(f.component_key().as_deref(), Some("payments api"));
        let version = f.version.as_ref().unwrap();
        assert_eq!(version.text, "2.4.0");
        assert_eq!(version.at.line, 10);
        assert_eq!(f.environment, Some(Environment::Production));
        assert_eq!(f.deployed_at.unwrap().to_string(), "2026-11-30T00:00:00Z");
        assert!(f.was_undone());
        assert_eq!(f.links.len(), 1);
        assert_eq!(f.links[0].target, "runbooks/payments");
        assert_eq!(f.links[0].label, "Runbook");
    }

    #[test]
    fn a_version_that_is_not_semver_is_kept_as_written() {
        let f = facts("# R\n\n## Overview\n\n**Release**: Q2 (v2024.05.1)\n");
        let version = f.version.unwrap();
        assert_eq!(version.semver, None);
        assert!(version.text.starts_with("2024.05"), "{}", version.text);
    }

    #[test]
    fn an_unfilled_document_has_no_facts() {
        let f = facts("# R\n\n## Overview\n\n**Release**: {{name}} ({{version}})\n");
        assert_eq!(f.version, None);
        assert_eq!(f.component, None);
        assert_eq!(f.deployed_at, None);
        assert!(f.links.is_empty());
    }
}
