//! The cells of the known tables as placeholder sites, by column, with when each column
//! is due (the monitoring table's current values and statuses only from `deployed`).

use release_doc::values::{RiskLevel, Stage};
use release_doc::{Field, ReleaseDoc, Span};

use super::sites::Site;
use crate::context::Context;
use crate::due;
use crate::rules::structure::outline;
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

/// The rows of a table, each cell paired with its column's name.
macro_rules! rows {
    ($table:expr, |$r:ident| [$($column:literal => $field:expr),+ $(,)?]) => {
        $table
            .rows
            .iter()
            .map(|$r| row($r.span, [$(($column, $field.span(), $field.raw())),+], &$r.extra))
            .collect()
    };
}

fn rows(doc: &ReleaseDoc, table: KnownTable) -> Vec<Row<'_>> {
    match table {
        KnownTable::Risks => rows!(doc.risks, |r| [
            "Risk" => r.risk, "Probability" => r.probability, "Impact" => r.impact,
            "Mitigation" => r.mitigation, "Owner" => r.owner,
        ]),
        KnownTable::Timeline => rows!(doc.timeline, |r| [
            "Phase" => r.phase, "Start Time" => r.start, "End Time" => r.end,
            "Duration" => r.duration, "Status" => r.status, "Notes" => r.notes,
        ]),
        KnownTable::Monitoring => rows!(doc.monitoring, |r| [
            "Metric" => r.metric, "Threshold" => r.threshold, "Current Value" => r.current,
            "Status" => r.status, "Alert" => r.alert,
        ]),
        KnownTable::Issues => rows!(doc.issues, |r| [
            "Time" => r.time, "Issue" => r.issue, "Severity" => r.severity,
            "Impact" => r.impact, "Resolution" => r.resolution, "Duration" => r.duration,
        ]),
        KnownTable::SuccessMetrics => rows!(doc.success_metrics, |r| [
            "Metric" => r.metric, "Target" => r.target, "Actual" => r.actual, "Status" => r.status,
        ]),
        KnownTable::BusinessMetrics => rows!(doc.business_metrics, |r| [
            "Metric" => r.metric, "Baseline" => r.baseline,
            "Post-Release" => r.post_release, "Change" => r.change,
        ]),
        KnownTable::ActionItems => rows!(doc.retrospective.action_items, |r| [
            "Action" => r.action, "Owner" => r.owner, "Due Date" => r.due, "Priority" => r.priority,
        ]),
        KnownTable::CommunicationLog => rows!(doc.communication_log, |r| [
            "Time" => r.time, "Audience" => r.audience, "Message" => r.message,
            "Channel" => r.channel, "Response" => r.response,
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
            let line_end = outline::line_span(source, row.span.start).end;
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
