//! RL302: a date that does not parse (Scheduled Date, frontmatter `created`/`updated`).

use super::{invalid_frontmatter, push, report};
use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a filled date that is not a calendar date like `2026-11-30`: the
    /// frontmatter's `created` and `updated` and the Overview's Scheduled Date, at every
    /// stage. A date with a time (`2026-11-30 14:05`) is
    /// accepted. Action item due dates are checked by RL505.
    ///
    /// ## Why it matters
    /// Times without a date are read on the Scheduled Date, and `updated` is compared
    /// with `created`: a date that cannot be read (`30/11/2026`, `next Tuesday`) is
    /// ambiguous for people and turns those checks off.
    ///
    /// ## Example
    /// ```markdown
    /// **Scheduled Date**: 30/11/2026
    /// ```
    ///
    /// ## How to fix
    /// Write the date as ISO 8601, year first: `2026-11-30`.
    pub(crate) struct InvalidDate {
        code: "RL302",
        name: "invalid-date",
        family: Values,
        severity: Error,
        since: Draft,
        summary: "A date does not parse as a calendar date",
        check: check,
    }
}

const KIND: &str = "a valid date";

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    if let Some(fm) = &model.frontmatter {
        for (key, field) in [("created", &fm.created), ("updated", &fm.updated)] {
            if let Some(found) = invalid_frontmatter(fm, key, field) {
                let what = format!("frontmatter `{key}`");
                push(ctx, &InvalidDate::META, &found, KIND, what, out);
            }
        }
    }
    let date = &model.overview.scheduled_date;
    report(
        ctx,
        &InvalidDate::META,
        date,
        KIND,
        || "Scheduled Date".to_owned(),
        out,
    );
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    const DOC: &str = "---\nphase: deployment\nstage: planned\ncreated: \"2026-10-20\"\nupdated: \"20/11/2026\"\n---\n## Overview\n\n**Scheduled Date**: next Tuesday\n\n## Retrospective & Improvements\n### Action Items\n\n| Action | Owner | Due Date | Priority |\n|--------|-------|----------|----------|\n| Fix probes | Jonas Weber | soon | P2 |\n";

    #[test]
    fn reports_dates_that_do_not_parse() {
        assert_eq!(check_rule("RL302", DOC, None), ["RL302:5", "RL302:9"]);
        let found = diagnostics("RL302", DOC, None);
        assert_eq!(
            found[1].message,
            "Scheduled Date is `next Tuesday`, not a valid date; expected a date like 2026-11-30"
        );
    }

    #[test]
    fn filled_values_are_checked_at_every_stage() {
        let closed = check_rule("RL302", DOC, Some(Stage::Closed));
        assert!(!closed.is_empty());
        for stage in Stage::ALL {
            assert_eq!(check_rule("RL302", DOC, Some(*stage)), closed, "{stage}");
        }
    }

    #[test]
    fn silent_on_valid_and_unfilled_dates() {
        let doc = "---\nstage: planned\ncreated: \"{{date}}\"\nupdated: 2026-11-02\n---\n## Overview\n\n**Scheduled Date**: {{scheduled_date}}\n";
        assert!(check_rule("RL302", doc, None).is_empty());
    }
}
