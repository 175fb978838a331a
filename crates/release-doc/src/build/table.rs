//! Tables: columns matched by header name (any order, extra columns kept), rows read
//! into the typed rows of the known tables.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::field::{Field, Text};
use crate::known_tables::{self as known, KnownColumn, KnownTableSpec};
use crate::markdown::{plain, unescape_cell, TableBlock};
use crate::model::{
    with_normalized, ActionItemRow, BusinessMetricRow, Column, CommunicationRow, IssueRow,
    MetricRow, RawRow, RiskRow, SectionId, SuccessMetricRow, Table, TimelineRow,
};
use crate::problem::ProblemKind;
use crate::span::Span;
use crate::values::datetime::{parse_date_noted, parse_duration_noted, parse_moment_noted};
use crate::values::enums::{Priority, RiskLevel};
use crate::values::placeholder::is_intentionally_empty;
use crate::values::quantity::parse_quantity_noted;
use crate::values::status::parse_status;
use crate::values::threshold::parse_threshold_noted;

use super::Builder;

/// Hand a table to the known table its section (and label) say it is.
pub(super) fn table(b: &mut Builder<'_>, block: &TableBlock) {
    use SectionId as S;
    match b.section {
        Some(S::RiskAssessment) if !b.doc.risks.is_present() => {
            b.doc.risks = read(b, block, &known::RISKS, risk)
        }
        Some(S::DeploymentTimeline) if !b.doc.timeline.is_present() => {
            b.doc.timeline = read(b, block, &known::TIMELINE, timeline);
        }
        Some(S::MonitoringDuringDeployment) if !b.doc.monitoring.is_present() => {
            b.doc.monitoring = read(b, block, &known::MONITORING, metric);
        }
        Some(S::IssuesEncountered) if !b.doc.issues.is_present() => {
            b.doc.issues = read(b, block, &known::ISSUES, issue);
        }
        Some(S::MetricsAndAnalytics) => {
            let business = b
                .label
                .as_ref()
                .is_some_and(|(l, _)| with_normalized(l, |l| l.contains("business")))
                || header_has(b, block, "baseline");
            if business && !b.doc.business_metrics.is_present() {
                b.doc.business_metrics = read(b, block, &known::BUSINESS_METRICS, business_metric);
            } else if !business && !b.doc.success_metrics.is_present() {
                b.doc.success_metrics = read(b, block, &known::SUCCESS_METRICS, success_metric);
            }
        }
        Some(S::ActionItems) if !b.doc.retrospective.action_items.is_present() => {
            b.doc.retrospective.action_items = read(b, block, &known::ACTION_ITEMS, action);
        }
        Some(S::CommunicationLog) if !b.doc.communication_log.is_present() => {
            b.doc.communication_log = read(b, block, &known::COMMUNICATION_LOG, communication);
        }
        None => {
            let raw = read(b, block, &UNKNOWN, |_, row: &mut Row<'_, '_>| RawRow {
                span: row.span,
                cells: row
                    .cells
                    .iter()
                    .map(|c| {
                        c.as_ref()
                            .map_or(Field::Missing, |(raw, span)| Field::text(raw, *span))
                    })
                    .collect(),
            });
            if let Some(unknown) = b.doc.unknown_sections.last_mut() {
                unknown.tables.push(raw);
            }
        }
        Some(_) => {}
    }
}

fn header_has(b: &Builder<'_>, block: &TableBlock, name: &str) -> bool {
    block
        .header
        .iter()
        .any(|c| with_normalized(&plain(c.text(b.source)), |n| n == name))
}

/// One body row: its cells in column order, and the column index of each known key.
pub(super) struct Row<'r, 's> {
    span: Span,
    cells: &'r [Option<(Cow<'s, str>, Span)>],
    keys: &'r [(&'static KnownColumn, usize)],
    extra: BTreeMap<String, Text>,
}

impl Row<'_, '_> {
    /// The cell of the column read by `key`, with the column's name.
    fn cell(&self, key: &str) -> Option<(&'static str, &(Cow<'_, str>, Span))> {
        let (column, index) = self.keys.iter().find(|(c, _)| c.key == key)?;
        Some((column.name, self.cells.get(*index)?.as_ref()?))
    }

    fn text(&self, key: &str) -> Text {
        self.cell(key)
            .map_or(Field::Missing, |(_, (raw, span))| Field::text(raw, *span))
    }

    /// A cell whose value may be followed by a note (`62m (incl. rollback)`).
    fn noted<T, E: Into<String>>(
        &self,
        b: &mut Builder<'_>,
        key: &str,
        parse: impl for<'t> FnOnce(&'t str) -> Result<(T, Option<&'t str>), E>,
    ) -> Field<T> {
        match self.cell(key) {
            Some((what, (raw, span))) => b.read_noted(what, raw, *span, parse),
            None => Field::Missing,
        }
    }

    fn typed<T, E: Into<String>>(
        &self,
        b: &mut Builder<'_>,
        key: &str,
        parse: fn(&str) -> Result<T, E>,
    ) -> Field<T> {
        match self.cell(key) {
            Some((what, (raw, span))) => b.read(what, raw, *span, parse),
            None => Field::Missing,
        }
    }
}

/// A table of no known kind: its columns are kept as they are.
const UNKNOWN: KnownTableSpec = KnownTableSpec {
    name: "",
    columns: &[],
};

fn read<R>(
    b: &mut Builder<'_>,
    block: &TableBlock,
    spec: &'static KnownTableSpec,
    mut make: impl FnMut(&mut Builder<'_>, &mut Row<'_, '_>) -> R,
) -> Table<R> {
    let source = b.source;
    let (name, specs) = (spec.name, spec.columns);
    let columns: Vec<Column> = block
        .header
        .iter()
        .map(|span| Column {
            name: plain(&unescape_cell(span.text(source))),
            span: *span,
        })
        .collect();
    // The first column whose normalised name is one of a spec's names, for each spec.
    let mut found: Vec<Option<usize>> = vec![None; specs.len()];
    if !specs.is_empty() {
        for (index, column) in columns.iter().enumerate() {
            with_normalized(&column.name, |n| {
                for (slot, spec) in found.iter_mut().zip(specs) {
                    if slot.is_none() && spec.headers.contains(&n) {
                        *slot = Some(index);
                    }
                }
            });
        }
    }
    let mut keys = Vec::with_capacity(specs.len());
    let mut missing = Vec::new();
    for (column, index) in specs.iter().zip(found) {
        match index {
            Some(index) => keys.push((column, index)),
            None => missing.push(column.name),
        }
    }
    if !missing.is_empty() {
        let expected: Vec<&str> = specs.iter().map(|c| c.name).collect();
        let found: Vec<String> = missing.iter().map(|m| format!("`{m}`")).collect();
        b.problem_in(
            ProblemKind::MissingColumn,
            block.header_span,
            format!(
                "the {name} table has no {} column; expected columns: {}",
                found.join(", "),
                expected.join(", ")
            ),
            Some(b.section_title.clone()),
        );
    }
    let mut table = Table {
        span: Some(block.span),
        columns,
        rows: Vec::with_capacity(block.rows.len()),
        none_row: None,
    };
    let mut cells: Vec<Option<(Cow<'_, str>, Span)>> = Vec::new();
    for (row_span, row_cells) in &block.rows {
        // pulldown-cmark pads short rows and drops extra cells: count what was written.
        let written = written_cells(row_span.text(source));
        if !specs.is_empty() && written != table.columns.len() {
            b.problem_in(
                ProblemKind::RowShape,
                *row_span,
                format!(
                    "this {name} row has {written} cells; expected {} like its header",
                    table.columns.len()
                ),
                Some(b.section_title.clone()),
            );
        }
        cells.clear();
        cells.extend(
            row_cells
                .iter()
                .map(|span| Some((unescape_cell(span.text(source)), *span))),
        );
        let mut filled = cells
            .iter()
            .flatten()
            .map(|(raw, _)| raw.trim())
            .filter(|r| !r.is_empty())
            .peekable();
        let says_none = filled.peek().is_some() && filled.all(is_intentionally_empty);
        if says_none && !specs.is_empty() {
            table.none_row.get_or_insert(*row_span);
            continue;
        }
        let mut extra = BTreeMap::new();
        for (index, column) in table.columns.iter().enumerate() {
            if !keys.iter().any(|(_, i)| *i == index) && !specs.is_empty() {
                if let Some(Some((raw, span))) = cells.get(index) {
                    extra.insert(column.name.clone(), Field::text(raw, *span));
                }
            }
        }
        let mut row = Row {
            span: *row_span,
            cells: &cells,
            keys: &keys,
            extra,
        };
        table.rows.push(make(b, &mut row));
    }
    table
}

/// The number of cells written in a table row: unescaped pipes separate them (even
/// inside code spans, as in GFM), and a leading and a trailing pipe are borders.
fn written_cells(row: &str) -> usize {
    let row = row.trim();
    let mut separators = 0;
    let mut escaped = false;
    let mut ends_with_pipe = false;
    // Pipes and backslashes are ASCII: no byte of a multi-byte character is one.
    for (i, &c) in row.as_bytes().iter().enumerate() {
        ends_with_pipe = c == b'|' && !escaped;
        if ends_with_pipe && i > 0 {
            separators += 1;
        }
        escaped = c == b'\\' && !escaped;
    }
    separators + 1 - usize::from(ends_with_pipe && row.len() > 1)
}

fn risk(b: &mut Builder<'_>, r: &mut Row<'_, '_>) -> RiskRow {
    RiskRow {
        risk: r.text("risk"),
        probability: r.typed(b, "probability", RiskLevel::parse),
        impact: r.typed(b, "impact", RiskLevel::parse),
        mitigation: r.text("mitigation"),
        owner: r.text("owner"),
        span: r.span,
        extra: std::mem::take(&mut r.extra),
    }
}

fn timeline(b: &mut Builder<'_>, r: &mut Row<'_, '_>) -> TimelineRow {
    let year = b.year();
    TimelineRow {
        phase: r.text("phase"),
        start: r.noted(b, "start", |t| parse_moment_noted(t, year)),
        end: r.noted(b, "end", |t| parse_moment_noted(t, year)),
        duration: r.noted(b, "duration", parse_duration_noted),
        status: r.typed(b, "status", parse_status),
        notes: r.text("notes"),
        span: r.span,
        extra: std::mem::take(&mut r.extra),
    }
}

fn metric(b: &mut Builder<'_>, r: &mut Row<'_, '_>) -> MetricRow {
    MetricRow {
        metric: r.text("metric"),
        threshold: r.noted(b, "threshold", parse_threshold_noted),
        current: r.noted(b, "current", parse_quantity_noted),
        status: r.typed(b, "status", parse_status),
        alert: r.text("alert"),
        span: r.span,
        extra: std::mem::take(&mut r.extra),
    }
}

fn issue(b: &mut Builder<'_>, r: &mut Row<'_, '_>) -> IssueRow {
    let year = b.year();
    IssueRow {
        time: r.noted(b, "time", |t| parse_moment_noted(t, year)),
        issue: r.text("issue"),
        severity: r.text("severity"),
        impact: r.text("impact"),
        resolution: r.text("resolution"),
        duration: r.noted(b, "duration", parse_duration_noted),
        span: r.span,
        extra: std::mem::take(&mut r.extra),
    }
}

fn success_metric(b: &mut Builder<'_>, r: &mut Row<'_, '_>) -> SuccessMetricRow {
    SuccessMetricRow {
        metric: r.text("metric"),
        target: r.noted(b, "target", parse_threshold_noted),
        actual: r.noted(b, "actual", parse_quantity_noted),
        status: r.typed(b, "status", parse_status),
        span: r.span,
        extra: std::mem::take(&mut r.extra),
    }
}

fn business_metric(b: &mut Builder<'_>, r: &mut Row<'_, '_>) -> BusinessMetricRow {
    BusinessMetricRow {
        metric: r.text("metric"),
        baseline: r.noted(b, "baseline", parse_quantity_noted),
        post_release: r.noted(b, "post_release", parse_quantity_noted),
        change: r.noted(b, "change", parse_quantity_noted),
        span: r.span,
        extra: std::mem::take(&mut r.extra),
    }
}

fn action(b: &mut Builder<'_>, r: &mut Row<'_, '_>) -> ActionItemRow {
    let year = b.year();
    ActionItemRow {
        action: r.text("action"),
        owner: r.text("owner"),
        due: r.noted(b, "due", |t| parse_date_noted(t, year)),
        priority: r.typed(b, "priority", Priority::parse),
        span: r.span,
        extra: std::mem::take(&mut r.extra),
    }
}

fn communication(b: &mut Builder<'_>, r: &mut Row<'_, '_>) -> CommunicationRow {
    let year = b.year();
    CommunicationRow {
        time: r.noted(b, "time", |t| parse_moment_noted(t, year)),
        audience: r.text("audience"),
        message: r.text("message"),
        channel: r.text("channel"),
        response: r.text("response"),
        span: r.span,
        extra: std::mem::take(&mut r.extra),
    }
}

#[cfg(test)]
mod tests {
    use super::written_cells;

    #[test]
    fn counts_written_cells() {
        assert_eq!(written_cells("| a | b |"), 2);
        assert_eq!(written_cells("a | b"), 2);
        assert_eq!(written_cells("| a | b"), 2);
        assert_eq!(written_cells("| a \\| b | `c | d` |"), 3);
        assert_eq!(written_cells("| a |"), 1);
        assert_eq!(written_cells("| a | |"), 2);
        assert_eq!(written_cells("|---|:---:|"), 2);
    }

    #[test]
    fn a_missing_column_is_named_as_the_template_names_it() {
        let source = "## Metrics & Analytics\n\n**Business Impact Metrics**:\n\n\
                      | Metric | Baseline | Change |\n|---|---|---|\n| Conversion | 2% | +1% |\n";
        let parsed = crate::parse(source);
        let messages: Vec<&str> = parsed
            .problems
            .iter()
            .filter(|p| p.kind == crate::ProblemKind::MissingColumn)
            .map(|p| p.message.as_str())
            .collect();
        assert_eq!(
            messages,
            [
                "the Business Impact Metrics table has no `Post-Release` column; expected \
              columns: Metric, Baseline, Post-Release, Change"
            ]
        );
    }
}
