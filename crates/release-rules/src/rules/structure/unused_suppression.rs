//! RL009: a suppression comment that suppresses nothing.

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `<!-- release-lint-disable… -->` comment that suppressed no finding.
    ///
    /// ## Why it matters
    /// A suppression outlives the problem it hid: once the document is fixed, the
    /// comment only hides the next, unrelated finding of the same rule.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- release-lint-disable-next-line RL201 -->
    /// - [x] All automated tests passing
    /// ```
    ///
    /// ## How to fix
    /// Remove the comment, or name the rule that still needs suppressing.
    pub(crate) struct UnusedSuppression {
        code: "RL009",
        name: "unused-suppression",
        family: Structure,
        severity: Warning,
        since: Draft,
        summary: "A suppression comment suppresses nothing",
        check: check,
    }
}

/// The engine reports unused suppressions itself, after every other rule has run,
/// because only then is it known what each comment suppressed.
fn check(_ctx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
