//! The secrets of one document, found once and read by every security rule.

use release_doc::Span;

use super::configured::{find_configured, Configured};
use super::{find_in, Secret, Text};

/// The rule of the generic families, which gives way to configured patterns.
const GENERIC_RULE: &str = "RL604";

/// Every secret of a document by the table of families ([`super::families`]), and what
/// the `secret-patterns` option finds besides.
#[derive(Debug)]
pub(crate) struct Scan {
    all: Vec<Secret>,
    configured: Vec<Configured>,
}

impl Scan {
    /// The secrets of `source` (`lower`: the same with ASCII letters lower-cased), and
    /// what `patterns` (the `secret-patterns` option) find besides.
    pub(crate) fn new(source: &str, lower: &str, patterns: &[String]) -> Self {
        let all = find_in(&Text::new(source, lower));
        let configured = configured_only(&all, find_configured(source, patterns));
        Self { all, configured }
    }

    /// What the `secret-patterns` find and no specific family of the table does: a
    /// configured pattern says more than the generic families.
    pub(crate) fn configured(&self) -> &[Configured] {
        &self.configured
    }

    /// The secrets rule `code` reports (a generic one only where no configured pattern
    /// found it).
    pub(crate) fn of_rule(&self, code: &'static str) -> impl Iterator<Item = &Secret> {
        let configured = if code == GENERIC_RULE {
            self.configured.as_slice()
        } else {
            &[]
        };
        self.all.iter().filter(move |s| {
            s.family.rule == code && !configured.iter().any(|c| overlaps(c.span, s.span))
        })
    }
}

/// The configured secrets no specific family found, the first of overlapping ones.
fn configured_only(all: &[Secret], found: Vec<Configured>) -> Vec<Configured> {
    let mut kept: Vec<Configured> = Vec::new();
    for extra in found {
        let specific = all
            .iter()
            .any(|s| s.family.rule != GENERIC_RULE && overlaps(s.span, extra.span));
        if !specific && !kept.iter().any(|k| overlaps(k.span, extra.span)) {
            kept.push(extra);
        }
    }
    kept
}

/// Whether two spans share a byte.
fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}
