//! RL006: a row of a known table with more or fewer cells than its header.

use release_doc::ProblemKind;

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;

declare_rule! {
    /// ## What it does
    /// Reports a row of a known table (Risk Assessment, Deployment Timeline, Key Metrics,
    /// ...) that has more or fewer cells than the table's header.
    ///
    /// ## Why it matters
    /// A missing cell shifts nothing visibly in some renderers but leaves a column empty;
    /// a surplus cell is dropped or shown under no header. Either way a status, owner or
    /// value is not where the reader (or the linter) looks for it.
    ///
    /// ## Example
    /// ```markdown
    /// | Metric | Threshold | Current Value | Status | Alert |
    /// |--------|-----------|---------------|--------|-------|
    /// | Memory Usage | < 80% | 61% | ✅ |
    /// ```
    ///
    /// ## How to fix
    /// Give the row one cell per column; write `—` in a cell that has nothing to say, and
    /// escape a `|` inside a cell as `\|`.
    pub(crate) struct MalformedTableRow {
        code: "RL006",
        name: "malformed-table-row",
        family: Structure,
        severity: Warning,
        since: Draft,
        summary: "A table row has more or fewer cells than its header",
        check: check,
    }
}

/// The parser counts the cells each row of a known table was written with (the
/// Markdown reader itself pads short rows and drops surplus cells).
fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    super::problems::report(ctx, out, &MalformedTableRow::META, &[ProblemKind::RowShape]);
}

#[cfg(test)]
mod tests {
    use release_doc::values::Stage;

    use crate::test_support::check_rule;

    const HEAD: &str = "## Pre-Deployment Planning\n\n### Risk Assessment\n\n| Risk | Probability | Impact | Mitigation | Owner |\n|---|---|---|---|---|\n";

    #[test]
    fn short_and_long_rows_are_reported() {
        let doc = format!("{HEAD}| Lag | Low | High | Alerts |\n| Lock | Low | Low | Batch | Ana | extra |\n| Ok | Low | Low | Batch | Ana |\n");
        assert_eq!(
            check_rule("RL006", &doc, Some(Stage::Draft)),
            ["RL006:7", "RL006:8"]
        );
    }

    #[test]
    fn full_rows_are_silent() {
        let doc = format!("{HEAD}| Lag | Low | High | Alerts | Ana |\n");
        assert!(check_rule("RL006", &doc, Some(Stage::Draft)).is_empty());
    }
}
