//! RL002: a frontmatter key written twice.

use release_doc::ProblemKind;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a top-level frontmatter key that appears more than once.
    ///
    /// ## Why it matters
    /// YAML readers disagree on which copy wins: one tool reads the first `updated`,
    /// another the last. The document then says two things at once, and the one a
    /// reviewer sees may not be the one the tooling uses.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// updated: "2026-11-20"
    /// owner: "Ana Lima"
    /// updated: "2026-11-28"
    /// ---
    /// ```
    ///
    /// ## How to fix
    /// Keep one copy of the key, with the value you mean.
    pub(crate) struct DuplicateFrontmatterKey {
        code: "RL002",
        name: "duplicate-frontmatter-key",
        family: Structure,
        severity: Error,
        since: Draft,
        summary: "A frontmatter key appears more than once",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::problems::report(
        ctx,
        out,
        &DuplicateFrontmatterKey::META,
        &[ProblemKind::DuplicateKey],
    );
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::check_rule;

    #[test]
    fn second_copy_is_reported() {
        let doc = "---\nphase: deployment\nupdated: \"2026-11-20\"\nowner: Ana\nupdated: \"2026-11-28\"\n---\n";
        assert_eq!(check_rule("RL002", doc, Some(Stage::Draft)), ["RL002:5"]);
    }

    #[test]
    fn distinct_keys_are_silent() {
        let doc = "---\nphase: deployment\ncreated: \"2026-11-20\"\nupdated: \"2026-11-28\"\n---\n";
        assert!(check_rule("RL002", doc, Some(Stage::Draft)).is_empty());
    }
}
