//! RL005: a known table without a column the template's table has.

use release_doc::{Column, ReleaseDoc, Span};

use crate::context::Context;
use crate::declare_rule;
use crate::diagnostic::Diagnostic;
use crate::schema::{comparable_column, KnownTable};

declare_rule! {
    /// ## What it does
    /// Reports a known table (Risk Assessment, Deployment Timeline, Key Metrics, Issues
    /// Encountered, Deployment Success Metrics, Business Impact Metrics, Action Items,
    /// Communication Log) whose header lacks a column the template's table has. Columns
    /// are matched by name, case-insensitively; their order is free and extra columns
    /// are fine.
    ///
    /// ## Why it matters
    /// The columns carry the facts reviewers rely on: a risk table without `Owner` has
    /// nobody to chase, a timeline without `Duration` cannot be checked against its
    /// times. The template is the schema: a team template that adds a column makes it
    /// required.
    ///
    /// ## Example
    /// ```markdown
    /// | Risk | Probability | Impact | Mitigation |
    /// |------|-------------|--------|------------|
    /// | Index rebuild overruns the window | Medium | High | Build offline |
    /// ```
    ///
    /// ## How to fix
    /// Add the missing column to the header and a cell for it to every row.
    pub(crate) struct MissingTableColumn {
        code: "RL005",
        name: "missing-table-column",
        family: Structure,
        severity: Error,
        since: Draft,
        summary: "A known table lacks a column of the template's table",
        check: check,
    }
}

/// The document's table of a kind: where it is and its header.
fn table(doc: &ReleaseDoc, table: KnownTable) -> (Option<Span>, &[Column]) {
    macro_rules! of {
        ($t:expr) => {
            ($t.span, $t.columns.as_slice())
        };
    }
    match table {
        KnownTable::Risks => of!(doc.risks),
        KnownTable::Timeline => of!(doc.timeline),
        KnownTable::Monitoring => of!(doc.monitoring),
        KnownTable::Issues => of!(doc.issues),
        KnownTable::SuccessMetrics => of!(doc.success_metrics),
        KnownTable::BusinessMetrics => of!(doc.business_metrics),
        KnownTable::ActionItems => of!(doc.retrospective.action_items),
        KnownTable::CommunicationLog => of!(doc.communication_log),
    }
}

fn check(ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for &known in KnownTable::ALL {
        let (Some(span), columns) = table(ctx.model(), known) else {
            continue;
        };
        let expected = ctx.schema.columns(known);
        let keys = ctx.schema.column_keys(known);
        // Most tables keep the template's column names as they are: the normalised names
        // are computed only when a column is not found by its exact name.
        let mut present: Option<Vec<String>> = None;
        let missing: Vec<String> = expected
            .iter()
            .zip(keys)
            .filter(|(name, key)| {
                !columns.iter().any(|c| c.name == **name)
                    && !present
                        .get_or_insert_with(|| {
                            columns.iter().map(|c| comparable_column(&c.name)).collect()
                        })
                        .contains(key)
            })
            .map(|(name, _)| format!("`{name}`"))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let header = crate::markdown::line_span(ctx.source(), span.start);
        let noun = if missing.len() == 1 {
            "column"
        } else {
            "columns"
        };
        out.push(ctx.diagnostic(
            &MissingTableColumn::META,
            header,
            format!(
                "the {} table has no {} {noun}; expected columns: {}",
                known.name(),
                missing.join(", "),
                expected.join(", ")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use release_doc::values::Stage;

    use crate::document::Document;
    use crate::schema::Schema;
    use crate::settings::Settings;
    use crate::test_support::{check_rule, diagnostics};

    const RISKS: &str = "## Pre-Deployment Planning\n\n### Risk Assessment\n\n";

    #[test]
    fn missing_columns_are_named_at_the_header() {
        let doc = format!(
            "{RISKS}| risk | PROBABILITY | Impact |\n|---|---|---|\n| Lag | Low | High |\n"
        );
        assert_eq!(check_rule("RL005", &doc, Some(Stage::Draft)), ["RL005:5"]);
        let found = diagnostics("RL005", &doc, Some(Stage::Draft));
        assert!(
            found[0].message.contains("`Mitigation`, `Owner` columns"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn complete_reordered_table_with_extra_column_is_silent() {
        let doc = format!("{RISKS}| Owner | Risk | Impact | Probability | Mitigation | Notes |\n|---|---|---|---|---|---|\n| Ana | Lag | High | Low | Alerts | — |\n");
        assert!(check_rule("RL005", &doc, Some(Stage::Draft)).is_empty());
        assert!(check_rule("RL005", "## Overview\n\ntext\n", Some(Stage::Draft)).is_empty());
    }

    #[test]
    fn a_team_template_column_becomes_required() {
        let template = format!("{RISKS}| Risk | Probability | Impact | Mitigation | Owner | Ticket |\n|---|---|---|---|---|---|\n| {{{{r}}}} | | | | | |\n");
        let settings = Settings {
            stage: Some(Stage::Draft),
            select: vec!["RL005".into()],
            schema: Some(Arc::new(Schema::from_template(&template))),
            ..Settings::default()
        };
        let doc = format!("{RISKS}| Risk | Probability | Impact | Mitigation | Owner |\n|---|---|---|---|---|\n| Lag | Low | High | Alerts | Ana |\n");
        let found = crate::check(&Document::parse(doc), &settings);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.contains("`Ticket`"),
            "{}",
            found[0].message
        );
    }
}
