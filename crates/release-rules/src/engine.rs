//! Running the rules: stage resolution, selection, severities, suppressions, order.

use crate::context::Context;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::registry;
use crate::settings::Settings;
use crate::stage::{self, StageResolution};
use crate::suppression::Suppressions;

/// The stage a document is checked at, and why: `--stage`, the frontmatter's `stage`, its
/// `status` word, the document's evidence, the configured `default-stage`, else `planned`
/// (see [`crate::stage`]).
#[must_use]
pub fn resolve_stage(doc: &Document, settings: &Settings) -> StageResolution {
    stage::resolve(doc.model(), settings)
}

/// Check a document: every selected rule that applies at its stage, with configured
/// severities, minus what inline comments suppress (plus a finding for each suppression
/// that suppressed nothing), sorted by position then code.
#[must_use]
pub fn check(doc: &Document, settings: &Settings) -> Vec<Diagnostic> {
    let resolution = resolve_stage(doc, settings);
    let stage = resolution.stage;
    let ctx = Context::new(doc, resolution, settings);
    let mut found = Vec::new();
    for rule in registry::all() {
        let meta = rule.meta();
        if stage >= meta.since && settings.is_selected(meta) {
            let start = found.len();
            rule.check(&ctx, &mut found);
            for d in &mut found[start..] {
                d.severity = settings.severity_of(meta, d.severity);
            }
        }
    }
    let mut suppressions = Suppressions::read(doc.source());
    let mut kept: Vec<Diagnostic> = found
        .into_iter()
        .filter(|d| !suppressions.suppresses(doc, d))
        .collect();
    let meta = registry::unused_suppression();
    if settings.is_selected(meta) {
        let runs = |code: &str| {
            registry::all().iter().any(|r| {
                let m = r.meta();
                Suppressions::names(code, m) && stage >= m.since
            })
        };
        for unused in suppressions.unused(runs) {
            let d = ctx.diagnostic(meta, unused.span, unused.message);
            kept.push(Diagnostic {
                severity: settings.severity_of(meta, d.severity),
                ..d
            });
        }
    }
    kept.sort_by(|a, b| {
        (a.span.start, a.code, a.span.end).cmp(&(b.span.start, b.code, b.span.end))
    });
    kept.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.message == b.message);
    kept
}
