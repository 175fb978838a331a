//! RL411: the frontmatter's `updated` date is earlier than its `created` date.

use release_doc::Field;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a frontmatter whose `updated` date is earlier than its `created` date, at
    /// every stage.
    ///
    /// ## Why it matters
    /// A document cannot be updated before it exists. The dates are used to sort and
    /// audit release documents; a swapped or mistyped date puts the document in the
    /// wrong place in that history.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// created: "2026-11-20"
    /// updated: "2026-11-02"
    /// ---
    /// ```
    ///
    /// ## How to fix
    /// Correct the mistyped date; `updated` is the day of the last edit.
    pub(crate) struct UpdatedBeforeCreated {
        code: "RL411",
        name: "updated-before-created",
        family: Consistency,
        severity: Error,
        since: Draft,
        summary: "The frontmatter `updated` date is earlier than `created`",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(frontmatter) = &ctx.model().frontmatter else {
        return;
    };
    let (
        Field::Value {
            value: created,
            span: created_span,
            ..
        },
        Field::Value {
            value: updated,
            span,
            ..
        },
    ) = (&frontmatter.created, &frontmatter.updated)
    else {
        return;
    };
    if updated >= created {
        return;
    }
    let message = format!(
        "`updated: {updated}` is earlier than `created: {created}`; expected a date on or after {created}"
    );
    out.push(
        ctx.diagnostic(&UpdatedBeforeCreated::META, *span, message)
            .with_label(*created_span, format!("created on {created}")),
    );
}

#[cfg(test)]
mod tests {
    use crate::test_support::{check_rule, diagnostics};

    fn doc(created: &str, updated: &str) -> String {
        format!("---\nphase: deployment\nstage: draft\ncreated: {created}\nupdated: {updated}\n---\n## Overview\n")
    }

    #[test]
    fn updated_before_created_is_reported_on_updated() {
        let source = doc("\"2026-11-20\"", "\"2026-11-02\"");
        assert_eq!(check_rule("RL411", &source, None), ["RL411:5"]);
        let found = diagnostics("RL411", &source, None);
        assert_eq!(
            found[0].message,
            "`updated: 2026-11-02` is earlier than `created: 2026-11-20`; expected a date on or after 2026-11-20"
        );
        assert_eq!(found[0].labels.len(), 1);
    }

    #[test]
    fn silent_when_in_order_or_unfilled() {
        assert!(check_rule("RL411", &doc("2026-11-20", "2026-11-20"), None).is_empty());
        assert!(check_rule("RL411", &doc("2026-11-20", "2026-11-21"), None).is_empty());
        assert!(check_rule("RL411", &doc("\"{{date}}\"", "2026-11-02"), None).is_empty());
        assert!(check_rule("RL411", &doc("2026-11-20", "YYYY-MM-DD"), None).is_empty());
    }
}
