//! RL410: the Overview's Component differs from the frontmatter's `component`.

use release_doc::values::quantity::strip_wrapping;
use release_doc::Field;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Compares the Overview's `**Component**:` field with the frontmatter key
    /// `component`, at every stage, when both are filled. Case, surrounding space, repeated inner space and
    /// wrapping markup (`**bold**`, `` `code` ``) are ignored.
    ///
    /// ## Why it matters
    /// Tools index release documents by their frontmatter, people read the Overview.
    /// When the two name different components, the document is filed under one service
    /// while describing another, typically after copying last release's document.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// component: "Payments API"
    /// ---
    ///
    /// **Component**: Ledger Sync
    /// ```
    ///
    /// ## How to fix
    /// Write the same component in both places.
    pub(crate) struct ComponentMismatch {
        code: "RL410",
        name: "component-mismatch",
        family: Consistency,
        severity: Error,
        since: Draft,
        summary: "The Overview Component differs from the frontmatter `component`",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let Some(frontmatter) = &model.frontmatter else {
        return;
    };
    let Field::Value {
        value: declared,
        span: declared_span,
        ..
    } = &frontmatter.component
    else {
        return;
    };
    let Field::Value {
        value: overview,
        span,
        ..
    } = &model.overview.component
    else {
        return;
    };
    if key(declared) == key(overview) {
        return;
    }
    let message = format!(
        "Overview Component `{}` differs from frontmatter `component: {}`; expected the same component",
        overview.trim(),
        declared.trim()
    );
    out.push(
        ctx.diagnostic(&ComponentMismatch::META, *span, message)
            .with_label(
                *declared_span,
                format!("frontmatter `component: {}`", declared.trim()),
            ),
    );
}

/// The comparable form of a component name.
fn key(name: &str) -> String {
    strip_wrapping(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use release_doc::values::enums::Stage;

    use crate::test_support::{check_rule, diagnostics};

    fn doc(declared: &str, overview: &str) -> String {
        format!(
            "---\nphase: deployment\nstage: planned\ncomponent: {declared}\n---\n## Overview\n\n**Release**: Payments API (v2.4.0)\n\n**Component**: {overview}\n"
        )
    }

    #[test]
    fn different_components_are_reported_on_the_overview_field() {
        let source = doc("\"Payments API\"", "Ledger Sync");
        assert_eq!(check_rule("RL410", &source, None), ["RL410:10"]);
        let found = diagnostics("RL410", &source, None);
        assert_eq!(
            found[0].message,
            "Overview Component `Ledger Sync` differs from frontmatter `component: Payments API`; expected the same component"
        );
        assert_eq!(found[0].labels.len(), 1);
    }

    #[test]
    fn case_space_and_markup_are_ignored() {
        assert!(check_rule(
            "RL410",
            &doc("\"Payments API\"", "**payments  api** "),
            None
        )
        .is_empty());
    }

    #[test]
    fn silent_when_unfilled_missing() {
        assert!(check_rule("RL410", &doc("\"{{component}}\"", "Ledger Sync"), None).is_empty());
        assert!(check_rule("RL410", &doc("\"Payments API\"", "{{component}}"), None).is_empty());
        let draft = doc("\"Payments API\"", "Ledger Sync");
        assert!(
            !check_rule("RL410", &draft, Some(Stage::Draft)).is_empty(),
            "filled values are checked at every stage"
        );
    }
}
