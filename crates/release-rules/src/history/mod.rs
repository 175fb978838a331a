//! Rules that compare release documents (family `RL7xx`): the few facts each needs of a
//! document ([`Facts`]), gathered while the documents are checked one by one, and the
//! pass that runs them over the whole set once every document has been read.
//!
//! Only facts are kept, never documents, so a run over thousands of documents holds a
//! few hundred bytes per document for this pass.

mod facts;
mod moment;

pub use facts::{Facts, LinkFact, VersionFact};

use crate::diagnostic::Diagnostic;
use crate::registry;
use crate::rule::RuleMeta;

/// A rule that compares documents: its metadata and a check over every document's facts.
pub trait HistoryRule: Sync {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;

    /// Report findings into `out`, each for one document of `set`. The rule may report
    /// on any document; [`check`] keeps those of documents that are reported on and
    /// where the rule is selected.
    fn check(&self, set: &History, out: &mut Vec<Finding>);
}

/// The facts of every document of a run, in order, plus those of a history folder
/// (`--history DIR`) that are compared with but not reported on.
#[derive(Debug, Default)]
pub struct History {
    facts: Vec<Facts>,
}

impl History {
    /// An empty set.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a document's facts; returns its index, which [`Finding::file`] refers to.
    pub fn push(&mut self, facts: Facts) -> usize {
        self.facts.push(facts);
        self.facts.len() - 1
    }

    /// Every document's facts, by index.
    #[must_use]
    pub fn facts(&self) -> &[Facts] {
        &self.facts
    }

    /// The facts of document `index`.
    #[must_use]
    pub fn get(&self, index: usize) -> Option<&Facts> {
        self.facts.get(index)
    }

    /// How many documents the set has.
    #[must_use]
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    /// Whether the set has no document.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }
}

/// A finding of a history rule, for document [`Finding::file`] of the [`History`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The index of the document it is about.
    pub file: usize,
    /// The finding, its span in that document's source.
    pub diagnostic: Diagnostic,
}

/// Run every history rule over `set`: the findings of documents that are reported on
/// (not those only read from a history folder), of rules each document's settings
/// select, with those settings' severities, ordered by document then position then code.
#[must_use]
pub fn check(set: &History) -> Vec<Finding> {
    let mut kept = Vec::new();
    for rule in registry::history() {
        let meta = rule.meta();
        if !set
            .facts
            .iter()
            .any(|f| f.reported && f.severity(meta).is_some())
        {
            continue;
        }
        let mut found = Vec::new();
        rule.check(set, &mut found);
        for mut finding in found {
            let Some(facts) = set.get(finding.file).filter(|f| f.reported) else {
                continue;
            };
            if let Some(severity) = facts.severity(meta) {
                finding.diagnostic.severity = severity;
                kept.push(finding);
            }
        }
    }
    kept.sort_by(|a, b| {
        let key = |f: &Finding| (f.file, f.diagnostic.span.start, f.diagnostic.code);
        key(a).cmp(&key(b))
    });
    kept.dedup();
    kept
}

/// The findings of history rules about `doc` that its suppression comments do not
/// suppress (`<!-- release-lint-disable-file RL701 -->`, …), in order.
#[must_use]
pub fn unsuppressed(doc: &crate::Document, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut suppressions = crate::suppression::Suppressions::read(doc.source());
    diagnostics
        .into_iter()
        .filter(|d| !suppressions.suppresses(doc, d))
        .collect()
}

/// A finding of `meta` at `span` (its default severity; [`check`] applies the
/// document's settings).
pub(crate) fn diagnostic(
    meta: &RuleMeta,
    span: release_doc::Span,
    section: &str,
    message: String,
) -> Diagnostic {
    Diagnostic {
        code: meta.code,
        name: meta.name,
        severity: meta.severity,
        message,
        span,
        labels: Vec::new(),
        section: Some(section.to_owned()),
        fix: None,
    }
}
