//! RL004: a known section that appears more than once.

use release_doc::{ProblemKind, SectionId};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports the second (and any later) heading of a section the template knows, such
    /// as a second `### Risk Assessment`.
    ///
    /// ## Why it matters
    /// Readers and tools take the first copy: risks, steps or rows written under the
    /// second heading are easy to miss in review, and the two copies drift apart.
    ///
    /// ## Example
    /// ```markdown
    /// ### Risk Assessment
    /// ...
    /// ### Rollback Plan
    /// ...
    /// ### Risk Assessment
    /// ```
    ///
    /// ## How to fix
    /// Merge the copies into the first one and delete the second heading.
    pub(crate) struct DuplicateSection {
        code: "RL004",
        name: "duplicate-section",
        family: Structure,
        severity: Warning,
        since: Draft,
        summary: "A known section appears more than once",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for problem in super::problems::of_kinds(ctx, &[ProblemKind::DuplicateSection]) {
        let mut d = ctx.diagnostic(
            &DuplicateSection::META,
            problem.span,
            problem.message.clone(),
        );
        let first = problem
            .section
            .as_deref()
            .and_then(SectionId::from_title)
            .and_then(|id| ctx.model().section(id))
            .filter(|first| first.span != problem.span);
        if let Some(first) = first {
            d = d.with_label(first.span, "first written here");
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    #[test]
    fn second_heading_is_reported_with_the_first_as_label() {
        let doc = "## Pre-Deployment Planning\n\n### Risk Assessment\n\ntext\n\n### Rollback Plan\n\ntext\n\n### risk assessment\n\nmore\n";
        assert_eq!(check_rule("RL004", doc, Some(Stage::Draft)), ["RL004:11"]);
        let found = diagnostics("RL004", doc, Some(Stage::Draft));
        assert_eq!(found[0].labels.len(), 1);
    }

    #[test]
    fn unknown_sections_may_repeat() {
        let doc = "## Notes\n\na\n\n## Notes\n\nb\n";
        assert!(check_rule("RL004", doc, Some(Stage::Draft)).is_empty());
    }
}
