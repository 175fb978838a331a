//! RL007: a file that holds NUL bytes, so it is not text.

use release_doc::ProblemKind;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a NUL byte in the document, at the first one.
    ///
    /// ## Why it matters
    /// A NUL byte means the file is not plain text: a binary file saved with a `.md`
    /// name, or text damaged by a bad copy or encoding. Renderers and diff tools treat
    /// it as binary, so reviewers see nothing of it.
    ///
    /// ## Example
    /// A release document exported from a word processor in UTF-16 has a NUL byte after
    /// every ASCII character.
    ///
    /// ## How to fix
    /// Save the document as UTF-8 text, or restore it from version control.
    pub(crate) struct BinaryContent {
        code: "RL007",
        name: "binary-content",
        family: Structure,
        severity: Error,
        since: Draft,
        summary: "The file holds NUL bytes and is not text",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::problems::report(ctx, out, &BinaryContent::META, &[ProblemKind::NotText]);
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::check_rule;

    #[test]
    fn nul_byte_is_reported_once() {
        let doc = "---\nphase: deployment\n---\n\n## Overview\n\nab\0c\0\n";
        assert_eq!(check_rule("RL007", doc, Some(Stage::Draft)), ["RL007:7"]);
    }

    #[test]
    fn text_is_silent() {
        assert!(check_rule("RL007", "## Overview\n\ntext\n", Some(Stage::Draft)).is_empty());
    }
}
