//! RL206: a checklist item ticked with an upper-case `[X]`.

use release_doc::Span;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};

declare_rule! {
    /// ## What it does
    /// Reports, as an info, a checklist item ticked with an upper-case `[X]`, anywhere in
    /// the document and at every stage. `[X]` counts as done, as `[x]` does.
    ///
    /// ## Why it matters
    /// Both spellings tick the box, but searches and scripts over release documents
    /// (`grep -c '\[x\]'`) and diffs between releases read one spelling. Writing the
    /// template's `[x]` everywhere keeps them simple.
    ///
    /// ## Example
    /// ```markdown
    /// - [X] Database backups completed
    /// ```
    ///
    /// ## How to fix
    /// Write the box `[x]`.
    ///
    /// ## Fix
    /// Safe: `release-lint fix` writes `x` in place of the `X`, and touches nothing else.
    pub(crate) struct UppercaseCheckbox {
        code: "RL206",
        name: "uppercase-checkbox",
        family: Checklists,
        severity: Info,
        since: Draft,
        summary: "A checklist item is ticked with `[X]` instead of `[x]`",
        fix: Safe,
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let source = ctx.source();
    for item in ctx.model().checklists.iter().flat_map(|g| &g.items) {
        if !item.done {
            continue;
        }
        // The box is between the item's start and its text.
        let Some(prefix) = source.get(item.span.start..item.text_span.start) else {
            continue;
        };
        let Some(at) = prefix.find("[X]") else {
            continue;
        };
        let x = item.span.start + at + 1;
        let span = Span::new(x, x + 1);
        out.push(
            ctx.diagnostic(
                &UppercaseCheckbox::META,
                span,
                format!(
                    "item `{}` is ticked `[X]`; expected `[x]`",
                    super::item_text(item)
                ),
            )
            .with_fix(Fix {
                message: "write the box `[x]`".to_owned(),
                applicability: Applicability::Safe,
                edits: vec![Edit {
                    span,
                    replacement: "x".to_owned(),
                }],
            }),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{check_rule, diagnostics};

    const DOC: &str = "\u{feff}---\r\nphase: deployment\r\nstage: draft\r\n---\r\n## Pre-Deployment Planning\r\n### Deployment Prerequisites\r\n\r\n**Infrastructure**:\r\n\r\n- [X] Database backups completed  \r\n- [x] Target environment health checked\r\n* [ ] Storage capacity verified\r\n";

    #[test]
    fn an_upper_case_box_is_reported_on_its_x() {
        assert_eq!(check_rule("RL206", DOC, None), ["RL206:10"]);
        let found = diagnostics("RL206", DOC, None);
        assert_eq!(
            found[0].message,
            "item `Database backups completed` is ticked `[X]`; expected `[x]`"
        );
        assert_eq!(found[0].span.text(DOC), "X");
        assert_eq!(found[0].severity, crate::Severity::Info);
    }

    #[test]
    fn the_fix_writes_a_lower_case_x_and_keeps_every_other_byte() {
        let fixed = crate::fix::fixed_text(
            DOC,
            &crate::Settings {
                select: vec!["RL206".to_owned()],
                ..crate::Settings::default()
            },
            &crate::fix::FixOptions::default(),
        );
        assert_eq!(
            fixed,
            DOC.replace("- [X] Database", "- [x] Database"),
            "BOM, CRLF and trailing spaces kept"
        );
        assert!(check_rule("RL206", &fixed, None).is_empty());
    }

    #[test]
    fn an_x_in_the_text_is_not_a_box() {
        let source = DOC.replace("- [X] Database", "- [x] Database [X]");
        assert!(check_rule("RL206", &source, None).is_empty());
    }
}
