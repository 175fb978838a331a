//! RL413: `fix` changed the document, and its frontmatter `updated` date is older than
//! the day of the run.

use jiff::civil::Date;
use release_doc::{Field, Span};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};

declare_rule! {
    /// ## What it does
    /// When `release-lint fix` changes a document, reports, as an info, a frontmatter
    /// `updated` date earlier than the day of the run, with an unsafe fix that sets it
    /// to that day. `check` never reports it: a document nobody edits is not out of
    /// date, and only `fix` knows that it edited the document. The day is the local date
    /// of the machine running `fix` (`RELEASE_LINT_TODAY=YYYY-MM-DD` sets another, see
    /// docs/cli.md); rules never read the clock themselves.
    ///
    /// ## Why it matters
    /// `updated` is the day of the last edit; documents are sorted and audited by it.
    /// A fix is an edit, so the date it leaves behind would be wrong.
    ///
    /// ## Example
    /// `release-lint fix --unsafe-fixes` recomputing a Duration on 2026-12-03 in:
    ///
    /// ```markdown
    /// ---
    /// updated: "2026-11-25"
    /// ---
    /// ```
    ///
    /// ## How to fix
    /// Set `updated` to the day of the edit: `updated: "2026-12-03"`.
    ///
    /// ## Fix
    /// Unsafe: `release-lint fix --unsafe-fixes` writes the day of the run over the date,
    /// in the same write as the other fixes; the quotes around it and everything else
    /// stay as they were (a date written in words becomes `YYYY-MM-DD`). Without
    /// `--unsafe-fixes`, the fix is listed as available (`--format json`, the human
    /// report, and `--diff`'s summary line). A `created` after the day of the run, or
    /// an `updated` that is not a date, is left alone.
    pub(crate) struct UpdatedNotToday {
        code: "RL413",
        name: "updated-not-today",
        family: Consistency,
        severity: Info,
        since: Draft,
        summary: "`fix` changed the document and its `updated` date is older than the day of the run",
        fix: Unsafe,
        check: check,
    }
}

/// Reports nothing: whether the document was edited is known only to `fix`, which asks
/// [`finding`] once its rounds are done.
fn check(_ctx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}

/// The finding, with its fix, for a document that `fix` changed, checked in `ctx`, on
/// the day `today`: `None` when `updated` is not an earlier date.
pub(crate) fn finding(ctx: &Context<'_>, today: Date) -> Option<Diagnostic> {
    let frontmatter = ctx.model().frontmatter.as_ref()?;
    let Field::Value {
        value: updated,
        raw,
        span,
        ..
    } = &frontmatter.updated
    else {
        return None;
    };
    if *updated >= today {
        return None;
    }
    // Setting `updated` before `created` would trade this finding for RL411.
    if frontmatter
        .created
        .value()
        .is_some_and(|created| *created > today)
    {
        return None;
    }
    // The date's own bytes, inside its quotes.
    let written = raw.trim();
    let at = span.text(ctx.source()).find(written)?;
    let date = Span::new(span.start + at, span.start + at + written.len());
    Some(
        ctx.diagnostic(
            &UpdatedNotToday::META,
            date,
            format!(
                "the document was changed by `fix` on {today}, but `updated` is `{written}`; expected {today}"
            ),
        )
        .with_fix(Fix {
            message: format!("set `updated` to {today}"),
            applicability: Applicability::Unsafe,
            edits: vec![Edit {
                span: date,
                replacement: today.to_string(),
            }],
        }),
    )
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::finding;
    use crate::context::Context;
    use crate::test_support::check_rule;
    use crate::{resolve_stage, Document, Settings};

    fn found(source: &str, today: jiff::civil::Date) -> Option<(String, String)> {
        let doc = Document::parse(source);
        let settings = Settings::default();
        let ctx = Context::new(&doc, resolve_stage(&doc, &settings), &settings);
        let d = finding(&ctx, today)?;
        let fix = d.fix?;
        Some((
            d.span.text(source).to_owned(),
            fix.edits[0].replacement.clone(),
        ))
    }

    fn doc(created: &str, updated: &str) -> String {
        format!("---\nphase: deployment\nstage: draft\ncreated: {created}\nupdated: {updated}\n---\n## Overview\n")
    }

    #[test]
    fn an_older_date_gets_the_day_of_the_run_inside_its_quotes() {
        let today = date(2026, 12, 3);
        let source = doc("\"2026-11-01\"", "\"2026-11-25\"");
        assert_eq!(
            found(&source, today),
            Some(("2026-11-25".to_owned(), "2026-12-03".to_owned()))
        );
        let plain = doc("2026-11-01", "2026-11-25");
        assert_eq!(found(&plain, today).unwrap().0, "2026-11-25");
        let single = doc("'2026-11-01'", "'2026-11-25'");
        assert_eq!(found(&single, today).unwrap().0, "2026-11-25");
    }

    #[test]
    fn the_day_itself_a_later_date_or_a_later_created_is_left_alone() {
        let today = date(2026, 12, 3);
        assert_eq!(found(&doc("2026-11-01", "2026-12-03"), today), None);
        assert_eq!(found(&doc("2026-11-01", "2026-12-04"), today), None);
        assert_eq!(found(&doc("2026-12-10", "2026-11-25"), today), None);
        assert_eq!(found(&doc("2026-11-01", "\"soon\""), today), None);
        assert_eq!(found("## Overview\n", today), None);
    }

    #[test]
    fn check_never_reports_it() {
        assert!(check_rule("RL413", &doc("2020-01-01", "2020-01-02"), None).is_empty());
    }
}
