//! RL001: a frontmatter that is not valid YAML, never closes, is not a mapping, or holds a
//! value of the wrong type.

use release_doc::ProblemKind;

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
}

#[cfg(test)]
mod tests {
    use release_doc::values::enums::Stage;

    use crate::test_support::{check_rule, diagnostics};

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
    fn valid_frontmatter_is_silent() {
        let doc = "---\nphase: deployment\nstage: draft\ntags: [a, b]\n---\n";
        assert!(check_rule("RL001", doc, None).is_empty());
        assert!(check_rule("RL001", "## Overview\n", None).is_empty());
    }
}
