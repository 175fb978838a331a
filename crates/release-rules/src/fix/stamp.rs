//! The last step of [`super::fix`]: once its rounds changed a document, RL413
//! `updated-not-today` proposes setting the frontmatter `updated` to the day of the run
//! ([`super::FixOptions::today`]).

use jiff::civil::Date;

use crate::context::Context;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::settings::Settings;
use crate::suppression::Suppressions;

/// RL413's finding for `document`, a text that `fix` changed, on `today`: `None` when
/// the rule is not selected, the finding is suppressed, or `updated` is not older.
pub(super) fn finding(document: &Document, settings: &Settings, today: Date) -> Option<Diagnostic> {
    let (meta, finding) = crate::registry::updated_not_today();
    if !settings.is_selected(meta) {
        return None;
    }
    let resolution = crate::resolve_stage(document, settings);
    if resolution.stage < meta.since {
        return None;
    }
    let ctx = Context::new(document, resolution, settings);
    let mut found = finding(&ctx, today)?;
    found.severity = settings.severity_of(meta, found.severity);
    let suppressed = Suppressions::read(document.source()).suppresses(document, &found);
    (!suppressed).then_some(found)
}
