//! The cells of the known tables as placeholder sites, by column, with when each column
//! is due (the monitoring table's current values and statuses only from `deployed`).

use release_doc::values::{RiskLevel, Stage};
use release_doc::{Field, ReleaseDoc, Span};

use super::sites::Site;
use crate::context::Context;
use crate::due;
use crate::markdown;
use crate::schema::KnownTable;

/// One body row: where it is, its cells by column name and the extra columns' cells.
struct Row<'d> {
    span: Span,
    cells: Vec<(&'d str, Option<Span>, Option<&'d str>)>,
}

fn row<'d, const N: usize>(
    span: Span,
    named: [(&'d str, Option<Span>, Option<&'d str>); N],
    extra: &'d std::collections::BTreeMap<String, Field<String>>,
) -> Row<'d> {
    let mut cells: Vec<(&str, Option<Span>, Option<&str>)> = Vec::with_capacity(N + extra.len());
    cells.extend(named);
    cells.extend(extra.iter().map(|(n, f)| (n.as_str(), f.span(), f.raw())));
    Row { span, cells }
}

/// The name in the template of the column of `table` the parser reads by `key` (the
/// parser's list, `release_doc::internal::known_tables`).
fn column_name(table: KnownTable, key: &'static str) -> &'static str {
    table.spec().column(key).map_or(key, |c| c.name)
}

/// The rows of a table, each cell paired with its column's name.
macro_rules! rows {
    ($kind:expr, $table:expr, |$r:ident| [$($key:literal => $field:expr),+ $(,)?]) => {
        $table
            .rows
            .iter()
            .map(|$r| {
                let named = [$((column_name($kind, $key), $field.span(), $field.raw())),+];
                row($r.span, named, &$r.extra)
            })
            .collect()
    };
}

fn rows(doc: &ReleaseDoc, table: KnownTable) -> Vec<Row<'_>> {
    match table {
        KnownTable::Risks => rows!(table, doc.risks, |r| [
            "risk" => r.risk, "probability" => r.probability, "impact" => r.impact,
            "mitigation" => r.mitigation, "owner" => r.owner,
        ]),
        KnownTable::Timeline => rows!(table, doc.timeline, |r| [
            "phase" => r.phase, "start" => r.start, "end" => r.end,
            "duration" => r.duration, "status" => r.status, "notes" => r.notes,
        ]),
        KnownTable::Monitoring => rows!(table, doc.monitoring, |r| [
            "metric" => r.metric, "threshold" => r.threshold, "current" => r.current,
            "status" => r.status, "alert" => r.alert,
        ]),
        KnownTable::Issues => rows!(table, doc.issues, |r| [
            "time" => r.time, "issue" => r.issue, "severity" => r.severity,
            "impact" => r.impact, "resolution" => r.resolution, "duration" => r.duration,
        ]),
        KnownTable::SuccessMetrics => rows!(table, doc.success_metrics, |r| [
            "metric" => r.metric, "target" => r.target, "actual" => r.actual, "status" => r.status,
        ]),
        KnownTable::BusinessMetrics => rows!(table, doc.business_metrics, |r| [
            "metric" => r.metric, "baseline" => r.baseline,
            "post_release" => r.post_release, "change" => r.change,
        ]),
        KnownTable::ActionItems => rows!(table, doc.retrospective.action_items, |r| [
            "action" => r.action, "owner" => r.owner, "due" => r.due, "priority" => r.priority,
        ]),
        KnownTable::CommunicationLog => rows!(table, doc.communication_log, |r| [
            "time" => r.time, "audience" => r.audience, "message" => r.message,
            "channel" => r.channel, "response" => r.response,
        ]),
    }
}

/// Every cell of every known table of the document.
pub(crate) fn collect(ctx: &Context<'_>, sites: &mut Vec<Site>) {
    let source = ctx.source();
    for &table in KnownTable::ALL {
        let section_due = due::section(table.section());
        for (index, row) in rows(ctx.model(), table).into_iter().enumerate() {
            // Rows are named by their first cell once it is filled in.
            let name = || {
                row.cells
                    .first()
                    .and_then(|(_, span, _)| *span)
                    .map(|span| span.text(source).trim())
                    .filter(|text| !text.is_empty() && ctx.unfilled_marker(text).is_none())
                    .map_or_else(
                        || format!("row {}", index + 1),
                        |text| format!("`{}`", shorten(text)),
                    )
            };
            let line_end = markdown::line_span(source, row.span.start).end;
            for &(column, span, read) in &row.cells {
                // A cell the Markdown reader added to a short row is not in the text
                // (`malformed-table-row` reports the row).
                let Some(span) = span.filter(|s| s.start < line_end) else {
                    continue;
                };
                let due = if table == KnownTable::Monitoring
                    && !due::MONITORING_PLANNED_COLUMNS
                        .iter()
                        .any(|c| c.eq_ignore_ascii_case(column))
                {
                    section_due.max(Some(Stage::Deployed))
                } else {
                    section_due
                };
                // Commentary a row may do without: nothing is missing from an empty one.
                if is_optional(table, column) && span.text(source).trim().is_empty() {
                    sites.push(Site::read(span));
                    continue;
                }
                sites.push(Site::described_if_needed(ctx, span, read, due, || {
                    let place = format!("{} › {} › {column}", table.name(), name());
                    (place, expected(table, &column.to_lowercase(), column))
                }));
            }
        }
    }
}

/// Whether an empty cell of `column` is fine once the table is due: the Deployment
/// Timeline's Notes are commentary on a phase, not a value it must have (a placeholder
/// left in one is still unfilled).
fn is_optional(table: KnownTable, column: &str) -> bool {
    table == KnownTable::Timeline && column.eq_ignore_ascii_case("notes")
}

/// What belongs in a column.
fn expected(table: KnownTable, key: &str, column: &str) -> String {
    let text = match key {
        "probability" | "impact" if table == KnownTable::Risks => {
            let levels: Vec<String> = RiskLevel::ALL.iter().map(|l| format!("`{l}`")).collect();
            return format!("one of {}", levels.join(", "));
        }
        "risk" => "what could go wrong",
        "mitigation" => "how the risk is reduced",
        "owner" => "a person's name",
        "phase" => "the phase",
        "start time" | "end time" | "time" => "a time like `14:05`",
        "duration" => "a duration like `45m`",
        "status" => "a status like `✅ Pass`",
        "threshold" => "a threshold like `< 1%`",
        "target" => "a target like `< 30 min`",
        "current value" => "the value measured during the deployment",
        "actual" => "the value reached",
        "baseline" => "the value before the release",
        "post-release" => "the value after the release",
        "change" => "the change, like `+0.6%`",
        "due date" => "a date like `2026-11-30`",
        "priority" => "a priority like `P2`",
        "severity" => "a severity like `SEV2`",
        "issue" => "what happened",
        "impact" => "its impact",
        "resolution" => "how it was resolved",
        "audience" => "who was told",
        "message" => "what was said",
        "channel" => "where it was said",
        "response" => "what came back, or `—`",
        "metric" => "the metric",
        "notes" => "notes, or nothing",
        "action" => "what to do",
        "alert" => "the alert wired to the metric",
        _ => return format!("a value for `{column}`, or `—`"),
    };
    text.to_owned()
}

/// At most 40 characters of a row's name.
fn shorten(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(39).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Schema;

    #[test]
    fn every_cell_is_named_by_the_parser_s_list_in_the_template_s_order() {
        let template = Schema::default_template();
        for &table in KnownTable::ALL {
            let rows = rows(template.template(), table);
            let first = rows
                .first()
                .unwrap_or_else(|| panic!("{} has rows", table.name()));
            let named: Vec<&str> = first.cells.iter().map(|(name, _, _)| *name).collect();
            let listed: Vec<&str> = table.spec().columns.iter().map(|c| c.name).collect();
            assert_eq!(named, listed, "{}", table.name());
            assert_eq!(listed, template.columns(table), "{}", table.name());
        }
    }
}
