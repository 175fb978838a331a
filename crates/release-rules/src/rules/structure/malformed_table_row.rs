//! RL006: a row of a known table with more or fewer cells than its header.

use release_doc::{ProblemKind, ReleaseDoc, Span};

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

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let start = out.len();
    super::problems::report(ctx, out, &MalformedTableRow::META, &[ProblemKind::RowShape]);
    // The Markdown reader pads short rows and drops surplus cells, so the rows are also
    // counted here from the source, skipping those the parser already reported.
    let source = ctx.source();
    for (name, span) in known_tables(ctx.model()) {
        let mut lines = rows(source, span);
        let Some((_, header)) = lines.next() else {
            continue;
        };
        let expected = cells(header);
        for (row, text) in lines.skip(1) {
            let found = cells(text);
            let reported = out[start..]
                .iter()
                .any(|d| d.span.start <= row.start && row.start < d.span.end.max(d.span.start + 1));
            if found != expected && !reported {
                out.push(ctx.diagnostic(
                    &MalformedTableRow::META,
                    row,
                    format!("this {name} row has {found} cells; the header has {expected}"),
                ));
            }
        }
    }
}

/// The known tables of the document, with their names for messages.
fn known_tables(doc: &ReleaseDoc) -> Vec<(&'static str, Span)> {
    [
        ("Risk Assessment", doc.risks.span),
        ("Deployment Timeline", doc.timeline.span),
        ("Key Metrics", doc.monitoring.span),
        ("Issues Encountered", doc.issues.span),
        ("Deployment Success Metrics", doc.success_metrics.span),
        ("Business Impact Metrics", doc.business_metrics.span),
        ("Action Items", doc.retrospective.action_items.span),
        ("Communication Log", doc.communication_log.span),
    ]
    .into_iter()
    .filter_map(|(name, span)| span.map(|s| (name, s)))
    .collect()
}

/// The non-blank lines of a table, each with its span.
fn rows(source: &str, table: Span) -> impl Iterator<Item = (Span, &str)> {
    let text = table.text(source);
    let mut offset = table.start;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim_end_matches(['\n', '\r']);
        (!trimmed.trim().is_empty()).then(|| (Span::new(start, start + trimmed.len()), trimmed))
    })
}

/// The number of cells of a table line: its unescaped `|` separators, without the
/// optional leading and trailing ones.
fn cells(line: &str) -> usize {
    let mut bars = Vec::new();
    let mut after_backslash = false;
    for (i, c) in line.char_indices() {
        if c == '|' && !after_backslash {
            bars.push(i);
        }
        after_backslash = c == '\\' && !after_backslash;
    }
    let trimmed_start = line.len() - line.trim_start().len();
    let trimmed_end = line.trim_end().len();
    let leading = bars.first().is_some_and(|&b| b == trimmed_start);
    let trailing =
        bars.last().is_some_and(|&b| b + 1 == trimmed_end) && bars.len() > usize::from(leading);
    bars.len() + 1 - usize::from(leading) - usize::from(trailing)
}

#[cfg(test)]
mod tests {
    use release_doc::values::enums::Stage;

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
    fn cells_are_counted_with_escapes_and_optional_borders() {
        assert_eq!(super::cells("| a | b |"), 2);
        assert_eq!(super::cells("a | b"), 2);
        assert_eq!(super::cells("| a \\| b | c |"), 2);
        assert_eq!(super::cells("|---|:---:|"), 2);
        assert_eq!(super::cells("| a | |"), 2);
    }

    #[test]
    fn full_rows_are_silent() {
        let doc = format!("{HEAD}| Lag | Low | High | Alerts | Ana |\n");
        assert!(check_rule("RL006", &doc, Some(Stage::Draft)).is_empty());
    }
}
