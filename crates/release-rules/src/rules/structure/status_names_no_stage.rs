//! RL010: the frontmatter `status` holds a word that names no stage.

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::stage::StageSource;

declare_rule! {
    /// ## What it does
    /// Reports, as an info, a frontmatter `status` whose word names no lifecycle stage
    /// (`active`, the template's own default), when neither `--stage` nor a `stage` key
    /// decides the stage. The stage is then read from the document's evidence (times in
    /// the Deployment Timeline, a filled Retrospective), the configured `default-stage`,
    /// else `planned`, and the finding says which was used.
    ///
    /// The words that name a stage, case-insensitive, with `-`, `_` and spaces alike:
    /// `draft`, `wip`, `work in progress` → `draft`; `planned`, `planning`, `proposed`,
    /// `in review`, `review`, `scheduled` → `planned`; `ready`, `approved`, `go` →
    /// `ready`; `deployed`, `shipped`, `released`, `live`, `rolled back`, `failed` →
    /// `deployed`; `closed`, `done`, `complete`, `completed`, `archived` → `closed`.
    ///
    /// ## Why it matters
    /// The stage decides what must be filled. A document whose `status` the linter cannot
    /// read is checked at a stage it guessed; saying so lets the author correct it.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// status: "active"
    /// ---
    /// ```
    ///
    /// ## How to fix
    /// Write the stage the release is at as its `status` (`status: "deployed"`), or add a
    /// `stage` key.
    pub(crate) struct StatusNamesNoStage {
        code: "RL010",
        name: "status-names-no-stage",
        family: Structure,
        severity: Info,
        since: Draft,
        summary: "The frontmatter `status` names no lifecycle stage",
        check: check,
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let resolution = &ctx.resolution;
    let Some((word, span)) = &resolution.unknown_status else {
        return;
    };
    let used = match resolution.source {
        StageSource::Evidence(_) => format!("`{}` ({})", resolution.stage, resolution.reason()),
        StageSource::Config => format!("`{}` (the configured `default-stage`)", resolution.stage),
        _ => format!("`{}` (the default)", resolution.stage),
    };
    out.push(ctx.diagnostic(
        &StatusNamesNoStage::META,
        *span,
        format!(
            "frontmatter `status` is `{word}`, which names no stage; checked at {used}; expected a stage such as `planned`, `ready`, `deployed` or `closed` (or a synonym: `shipped`, `done`…)"
        ),
    ));
}

#[cfg(test)]
mod tests {
    use crate::test_support::check_rule;

    #[test]
    fn reports_a_status_that_names_no_stage_only() {
        let doc = |status: &str| format!("---\nphase: deployment\nstatus: {status}\n---\n");
        assert_eq!(check_rule("RL010", &doc("\"active\""), None), ["RL010:3"]);
        assert!(check_rule("RL010", &doc("shipped"), None).is_empty());
        assert!(check_rule("RL010", &doc("\"{{status}}\""), None).is_empty());
        // A stage key decides: the status word is not needed.
        let staged = "---\nphase: deployment\nstage: ready\nstatus: active\n---\n";
        assert!(check_rule("RL010", staged, None).is_empty());
    }
}
