//! RL009: a suppression comment that suppresses nothing, or names a rule that does not
//! exist.

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a `<!-- release-lint-disable… -->` comment that suppressed no finding,
    /// and each code or name in such a comment that is no rule (`RL2011`, a mistyped
    /// name), naming the nearest real rule ("did you mean `RL201`?"). A suppression of a
    /// rule that is not yet due at the document's stage (an open prerequisite suppressed in
    /// a `planned` document, where RL201 does not run yet) is not reported: it is needed
    /// once the document reaches that stage.
    ///
    /// ## Why it matters
    /// A suppression outlives the problem it hid: once the document is fixed, the
    /// comment only hides the next, unrelated finding of the same rule. A mistyped code
    /// never suppresses anything, so the finding it was meant to hide still shows, with
    /// no word on why.
    ///
    /// ## Example
    /// ```markdown
    /// <!-- release-lint-disable-next-line RL201 -->
    /// - [x] All automated tests passing
    ///
    /// <!-- release-lint-disable-next-line RL2011 -->
    /// - [ ] Staging deployment successful
    /// ```
    ///
    /// ## How to fix
    /// Remove the comment, or name the rule that still needs suppressing by its code
    /// (`release-lint rules` lists them).
    pub(crate) struct UnusedSuppression {
        code: "RL009",
        name: "unused-suppression",
        family: Structure,
        severity: Warning,
        since: Draft,
        summary: "A suppression comment suppresses nothing, or names no rule",
        check: check,
    }
}

/// The engine reports unused suppressions itself, after every other rule has run,
/// because only then is it known what each comment suppressed.
fn check(_ctx: &Context<'_>, _out: &mut Vec<Diagnostic>) {}
