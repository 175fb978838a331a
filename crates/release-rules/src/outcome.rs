//! How a release ended (spec section 2): the frontmatter's `outcome` when it has one,
//! else what the document says. The template has no `outcome` key, so most documents
//! never write one.

use release_doc::values::{Outcome, Stage};
use release_doc::{ReleaseDoc, Span};

use crate::stage::status_key;

/// Where an outcome was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OutcomeSource {
    /// The frontmatter's `outcome` key.
    Declared,
    /// The frontmatter's `status` (`rolled-back`, `failed`).
    Status,
    /// A ticked Rollback Triggers item: the trigger fired.
    FiredTrigger,
    /// A Deployment Timeline phase or an Issues Encountered resolution says it was
    /// rolled back.
    RolledBackText,
    /// Deployed, and nothing says otherwise.
    Deployed,
}

/// The outcome and where it was read, with the place in the document that says so
/// (`None` for [`OutcomeSource::Deployed`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InferredOutcome {
    /// The outcome.
    pub outcome: Outcome,
    /// Where it was read.
    pub source: OutcomeSource,
    /// What in the document says so.
    pub span: Option<Span>,
}

/// The outcome of a release checked at `stage`: the declared `outcome`, else a `status`
/// of `rolled-back` or `failed`, a fired rollback trigger, a timeline phase or incident
/// resolution that says it was rolled back, else `success` from `deployed` on; `None`
/// before `deployed` when nothing says how it ended.
#[must_use]
pub fn infer(doc: &ReleaseDoc, stage: Stage) -> Option<InferredOutcome> {
    let found = |outcome, source, span| {
        Some(InferredOutcome {
            outcome,
            source,
            span,
        })
    };
    let frontmatter = doc.frontmatter.as_ref();
    if let Some(fm) = frontmatter {
        if let Some(&outcome) = fm.outcome.value() {
            return found(outcome, OutcomeSource::Declared, fm.outcome.span());
        }
        if let Some(word) = fm.status.value() {
            let outcome = match status_key(word).as_str() {
                "rolled back" | "rolledback" | "rollback" => Some(Outcome::RolledBack),
                "failed" => Some(Outcome::Failed),
                _ => None,
            };
            if let Some(outcome) = outcome {
                return found(outcome, OutcomeSource::Status, fm.status.span());
            }
        }
    }
    if let Some(trigger) = doc.rollback.triggers.iter().find(|t| t.fired) {
        return found(
            Outcome::RolledBack,
            OutcomeSource::FiredTrigger,
            Some(trigger.span),
        );
    }
    let timeline = doc.timeline.rows.iter().flat_map(|row| {
        [
            row.status.raw().zip(row.status.span()),
            row.notes.raw().zip(row.notes.span()),
        ]
    });
    let issues = doc
        .issues
        .rows
        .iter()
        .map(|row| row.resolution.raw().zip(row.resolution.span()));
    if let Some((_, span)) = timeline
        .chain(issues)
        .flatten()
        .find(|(text, _)| says_rolled_back(text))
    {
        return found(
            Outcome::RolledBack,
            OutcomeSource::RolledBackText,
            Some(span),
        );
    }
    (stage >= Stage::Deployed).then_some(InferredOutcome {
        outcome: Outcome::Success,
        source: OutcomeSource::Deployed,
        span: None,
    })
}

/// Whether `text` says the release was rolled back (`Rolled back to 2.3.1`,
/// `rolled-back`), and not that it was not (`not rolled back`, `no rollback needed`).
fn says_rolled_back(text: &str) -> bool {
    let text = text.to_lowercase().replace('-', " ");
    let Some(at) = text.find("rolled back") else {
        return false;
    };
    let before = text[..at].trim_end();
    !(before.ends_with("not") || before.ends_with("never") || before.ends_with("n't"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    fn outcome(text: &str, stage: Stage) -> Option<(Outcome, OutcomeSource)> {
        infer(Document::parse(text).model(), stage).map(|o| (o.outcome, o.source))
    }

    #[test]
    fn declared_wins_then_status_then_the_document() {
        let fm = |extra: &str| format!("---\nphase: deployment\n{extra}---\n");
        assert_eq!(
            outcome(
                &fm("outcome: failed\nstatus: rolled-back\n"),
                Stage::Deployed
            ),
            Some((Outcome::Failed, OutcomeSource::Declared))
        );
        assert_eq!(
            outcome(&fm("status: Rolled back\n"), Stage::Deployed),
            Some((Outcome::RolledBack, OutcomeSource::Status))
        );
        assert_eq!(
            outcome(&fm("status: failed\n"), Stage::Deployed),
            Some((Outcome::Failed, OutcomeSource::Status))
        );
        assert_eq!(
            outcome(&fm("status: shipped\n"), Stage::Deployed),
            Some((Outcome::Success, OutcomeSource::Deployed))
        );
        assert_eq!(outcome(&fm("status: draft\n"), Stage::Ready), None);
    }

    #[test]
    fn a_fired_trigger_or_a_rolled_back_phase_means_rolled_back() {
        let trigger = "---\nphase: deployment\n---\n## Pre-Deployment Planning\n### Rollback Plan\n\n**Rollback Triggers**:\n\n- [ ] Error rate > 1%\n- [x] Critical functionality broken\n";
        assert_eq!(
            outcome(trigger, Stage::Deployed),
            Some((Outcome::RolledBack, OutcomeSource::FiredTrigger))
        );
        let timeline = |notes: &str| {
            format!("---\nphase: deployment\n---\n## Deployment Execution\n### Deployment Timeline\n\n| Phase | Start Time | End Time | Duration | Status | Notes |\n|---|---|---|---|---|---|\n| Application deployment | 14:20 | 14:41 | 21m | ❌ Failed | {notes} |\n")
        };
        assert_eq!(
            outcome(&timeline("Rolled back to 2.3.1 at 14:45"), Stage::Deployed),
            Some((Outcome::RolledBack, OutcomeSource::RolledBackText))
        );
        assert_eq!(
            outcome(&timeline("slow, but not rolled back"), Stage::Deployed),
            Some((Outcome::Success, OutcomeSource::Deployed))
        );
        let issue = "---\nphase: deployment\n---\n## Incident Response\n### Issues Encountered\n\n| Time | Issue | Severity | Impact | Resolution | Duration |\n|---|---|---|---|---|---|\n| 14:27 | 5xx spike | SEV1 | Checkout down | Rolled-back via blue-green switch | 9m |\n";
        assert_eq!(
            outcome(issue, Stage::Closed),
            Some((Outcome::RolledBack, OutcomeSource::RolledBackText))
        );
    }
}
