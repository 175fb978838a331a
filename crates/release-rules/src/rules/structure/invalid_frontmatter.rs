//! RL001: a frontmatter that is not valid YAML, never closes, is not a mapping, or holds a
//! value of the wrong type.

use release_doc::{Field, ProblemKind, Span};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a frontmatter block that the YAML reader cannot use: a syntax error, an
    /// opening `---` that is never closed, YAML that is not a `key: value` mapping, or a
    /// value of the wrong type (a list where `owner` expects text). Each problem is
    /// reported once, at its line; the rest of the document is still checked.
    ///
    /// A block whose closing `---` was forgotten ends at the next `---` line, often a
    /// horizontal rule far down the body. When such a block is not a YAML mapping but its
    /// lines before a Markdown heading are, it is reported once, at line 1, as probably
    /// not closed; the frontmatter is read up to that heading and the rest as Markdown, so
    /// the body's placeholders and sections are reported where they are, not as part of
    /// the frontmatter.
    ///
    /// ## Why it matters
    /// The frontmatter says which stage the document is at, which component it is about
    /// and how the release ended. A broken block silently drops those keys, and every
    /// stage-dependent check then runs at the wrong stage.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// phase: deployment
    /// owner: "Marta Kowalski" (Search Platform)
    /// ---
    /// ```
    ///
    /// ## How to fix
    /// Make the block valid YAML: quote values that contain `:`, `#`, `{` or text after
    /// a closing quote (`owner: "Marta Kowalski (Search Platform)"`), close the block
    /// with a `---` line, and write one `key: value` per line.
    pub(crate) struct InvalidFrontmatter {
        code: "RL001",
        name: "invalid-frontmatter",
        family: Structure,
        severity: Error,
        since: Draft,
        summary: "The frontmatter is not valid YAML, is not closed or is not a mapping",
        check: check,
    }
}

/// What the frontmatter reader says when a value has the wrong YAML type.
const NOT_SINGLE: &str = "a single text value";

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::problems::report(
        ctx,
        out,
        &InvalidFrontmatter::META,
        &[
            ProblemKind::InvalidYaml,
            ProblemKind::UnterminatedFrontmatter,
            ProblemKind::FrontmatterNotMapping,
            ProblemKind::InvalidFrontmatterValue,
        ],
    );
    // The reader marks a list or mapping where a known key expects text as invalid
    // without reporting a problem, so those values are read from the model as well.
    let Some(fm) = &ctx.model().frontmatter else {
        return;
    };
    let values = [
        ("component", wrong_type(&fm.component)),
        ("type", wrong_type(&fm.doc_type)),
        ("phase", wrong_type(&fm.phase)),
        ("status", wrong_type(&fm.status)),
        ("created", wrong_type(&fm.created)),
        ("updated", wrong_type(&fm.updated)),
        ("owner", wrong_type(&fm.owner)),
        ("stage", wrong_type(&fm.stage)),
        ("outcome", wrong_type(&fm.outcome)),
    ];
    let reported = |span: Span| {
        ctx.doc.parsed().problems.iter().any(|p| {
            p.kind == ProblemKind::InvalidFrontmatterValue
                && p.span.start <= span.start
                && span.start < p.span.end.max(p.span.start + 1)
        })
    };
    for (key, invalid) in values {
        let Some((raw, span)) = invalid.filter(|(_, span)| !reported(*span)) else {
            continue;
        };
        out.push(ctx.diagnostic(
            &InvalidFrontmatter::META,
            span,
            format!("frontmatter `{key}` is `{raw}`; expected {NOT_SINGLE}"),
        ));
    }
}

/// The text and span of a value that is not a single scalar.
fn wrong_type<T>(field: &Field<T>) -> Option<(&str, Span)> {
    match field {
        Field::Invalid {
            raw,
            expected,
            span,
        } if expected == NOT_SINGLE => Some((raw, *span)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::{check_rule, diagnostics};

    #[test]
    fn a_frontmatter_closed_by_a_thematic_break_is_probably_not_closed() {
        let doc = include_str!("../../../../../fixtures/broken/unclosed-frontmatter.md");
        assert_eq!(check_rule("RL001", doc, Some(Stage::Draft)), ["RL001:1"]);
        let found = diagnostics("RL001", doc, Some(Stage::Draft));
        assert!(
            found[0].message.contains("probably not closed"),
            "{}",
            found[0].message
        );
        // The body is read as Markdown: no placeholder of it is "in the frontmatter", and
        // the Overview is there.
        let all = diagnostics("ALL", doc, Some(Stage::Planned));
        assert!(
            !all.iter()
                .any(|d| d.message.contains("in the frontmatter;")),
            "{all:#?}"
        );
        assert!(!all.iter().any(|d| d.code == "RL003"), "{all:#?}");
        assert!(
            all.iter().any(|d| d
                .message
                .contains("`{{release_name}}` is still a placeholder in Overview › Release")),
            "{all:#?}"
        );
    }

    #[test]
    fn syntax_error_is_reported_at_its_line_and_the_rest_is_checked() {
        let doc = "---\nphase: deployment\nowner: \"Ana\" (Ops)\n---\n\n## Overview\n";
        assert_eq!(check_rule("RL001", doc, Some(Stage::Draft)), ["RL001:3"]);
        let all = diagnostics("ALL", doc, Some(Stage::Planned));
        assert!(all.iter().any(|d| d.code == "RL003"), "{all:?}");
    }

    #[test]
    fn unterminated_and_not_mapping() {
        let doc = "---\nphase: deployment\n\n## Overview\n";
        assert_eq!(check_rule("RL001", doc, Some(Stage::Draft)), ["RL001:1"]);
        let doc = "---\n- phase: deployment\n---\n";
        assert_eq!(check_rule("RL001", doc, Some(Stage::Draft)), ["RL001:2"]);
    }

    #[test]
    fn a_list_where_text_is_expected() {
        let doc = "---\nphase: deployment\nowner:\n  - Ana\n  - Omar\n---\n";
        assert_eq!(check_rule("RL001", doc, Some(Stage::Draft)), ["RL001:4"]);
    }

    #[test]
    fn valid_frontmatter_is_silent() {
        let doc = "---\nphase: deployment\nstage: draft\ntags: [a, b]\n---\n";
        assert!(check_rule("RL001", doc, None).is_empty());
        assert!(check_rule("RL001", "## Overview\n", None).is_empty());
    }
}
