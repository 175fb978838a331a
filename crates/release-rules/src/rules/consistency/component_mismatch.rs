//! RL410: the Overview's Component differs from the frontmatter's `component`.

use release_doc::internal::strip_wrapping;
use release_doc::{Field, Span};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Severity};

declare_rule! {
    /// ## What it does
    /// Compares the Overview's `**Component**:` field with the frontmatter key
    /// `component`, at every stage, when both are filled. Case, surrounding space,
    /// repeated inner space and wrapping markup (`**bold**`, `` `code` ``) are ignored.
    /// When one of them is still a placeholder and the other is filled, it reports, for
    /// information, that the placeholder can take the other's value.
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
    ///
    /// ## Fix
    /// Safe, only when one side is still a placeholder (`{{component}}`): `release-lint
    /// fix` writes the other side's component there (in the frontmatter as a quoted YAML
    /// string). When both are filled and differ there is no fix: which one is right is
    /// for the author to say.
    pub(crate) struct ComponentMismatch {
        code: "RL410",
        name: "component-mismatch",
        family: Consistency,
        severity: Error,
        since: Draft,
        summary: "The Overview Component differs from the frontmatter `component`",
        fix: Safe,
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let model = ctx.model();
    let Some(frontmatter) = &model.frontmatter else {
        return;
    };
    match (&frontmatter.component, &model.overview.component) {
        (
            Field::Value {
                value: declared,
                span: declared_span,
                ..
            },
            Field::Value {
                value: overview,
                span,
                ..
            },
        ) => {
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
        (Field::Unfilled { span, .. }, Field::Value { value, .. }) => {
            out.extend(unfilled_side(
                ctx,
                *span,
                "frontmatter `component`",
                value,
                true,
            ));
        }
        (Field::Value { value, .. }, Field::Unfilled { span, .. }) => {
            out.extend(unfilled_side(
                ctx,
                *span,
                "Overview Component",
                value,
                false,
            ));
        }
        _ => {}
    }
}

/// The finding on a placeholder at `span` (`what`) whose other side names `filled`, with
/// the fix writing it there (as a YAML string when `yaml`).
fn unfilled_side(
    ctx: &Context<'_>,
    span: Span,
    what: &str,
    filled: &str,
    yaml: bool,
) -> Option<Diagnostic> {
    let written = span.text(ctx.source());
    let name = strip_wrapping(filled).trim();
    // Nothing to replace, or a name that does not fit on the line.
    if written.is_empty()
        || written != written.trim()
        || name.is_empty()
        || name.contains(['\n', '\r'])
    {
        return None;
    }
    let (other, replacement) = if yaml {
        let escaped = name.replace('\\', "\\\\").replace('"', "\\\"");
        ("the Overview", format!("\"{escaped}\""))
    } else {
        ("the frontmatter", name.to_owned())
    };
    let message = format!(
        "{what} is still the placeholder `{written}` while {other} names `{name}`; expected `{name}` in both places"
    );
    Some(
        ctx.diagnostic(&ComponentMismatch::META, span, message)
            .with_severity(Severity::Info)
            .with_fix(Fix {
                message: format!("write `{name}` in place of the placeholder"),
                applicability: Applicability::Safe,
                edits: vec![Edit { span, replacement }],
            }),
    )
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
    use release_doc::values::Stage;

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

    fn fixed(source: &str) -> String {
        crate::fix::fixed_text(
            source,
            &crate::Settings {
                select: vec!["RL410".to_owned()],
                ..crate::Settings::default()
            },
            &crate::fix::FixOptions::default(),
        )
    }

    #[test]
    fn a_placeholder_on_one_side_is_reported_for_information_and_fixed() {
        let source = doc("\"{{component}}\"", "**Ledger \"Sync\"**");
        let found = diagnostics("RL410", &source, None);
        assert_eq!(check_rule("RL410", &source, None), ["RL410:4"]);
        assert_eq!(found[0].severity, crate::Severity::Info);
        assert_eq!(
            found[0].message,
            "frontmatter `component` is still the placeholder `\"{{component}}\"` while the Overview names `Ledger \"Sync\"`; expected `Ledger \"Sync\"` in both places"
        );
        let fix = found[0].fix.as_ref().expect("RL410 proposes a fix");
        assert_eq!(fix.applicability, crate::Applicability::Safe);
        assert_eq!(
            fixed(&source),
            doc("\"Ledger \\\"Sync\\\"\"", "**Ledger \"Sync\"**")
        );
        let source = doc("\"Payments API\"", "{{component}}").replace('\n', "\r\n");
        assert_eq!(check_rule("RL410", &source, None), ["RL410:10"]);
        assert_eq!(
            fixed(&source),
            doc("\"Payments API\"", "Payments API").replace('\n', "\r\n")
        );
    }

    #[test]
    fn both_filled_and_different_has_no_fix() {
        let source = doc("\"Payments API\"", "Ledger Sync");
        assert!(diagnostics("RL410", &source, None)[0].fix.is_none());
        assert_eq!(fixed(&source), source);
    }

    #[test]
    fn silent_when_unfilled_missing() {
        assert!(check_rule("RL410", &doc("\"{{component}}\"", "{{component}}"), None).is_empty());
        assert!(check_rule("RL410", &doc("", "Ledger Sync"), None).is_empty());
        let draft = doc("\"Payments API\"", "Ledger Sync");
        assert!(
            !check_rule("RL410", &draft, Some(Stage::Draft)).is_empty(),
            "filled values are checked at every stage"
        );
    }
}
