//! `report --format markdown`: GitHub-flavoured Markdown tables, for a wiki page or a
//! pull-request comment.

use std::fmt::Write;

use release_history::Report;

use super::{
    component_headers, component_rows, headline, period_cells, period_headers, skipped_line,
    standard_cells, STANDARD_HEADERS,
};

/// A cell with its pipes escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn table(out: &mut String, headers: &[&str], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", headers.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(headers.len()));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
}

/// The report as Markdown.
#[must_use]
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## Release history\n\n{}.", headline(report));
    if let Some(line) = skipped_line(report) {
        let _ = writeln!(out, "\n{line}.");
    }
    out.push_str("\n### Quality standards\n\n");
    let rows: Vec<Vec<String>> = report
        .standards
        .iter()
        .map(|j| {
            let judged = match (&j.reason, j.met) {
                (_, Some(true)) => "✅ met".to_owned(),
                (_, Some(false)) => "❌ not met".to_owned(),
                (Some(reason), None) => format!("not measured: {reason}"),
                (None, None) => "not measured".to_owned(),
            };
            standard_cells(j, judged)
        })
        .collect();
    table(&mut out, &STANDARD_HEADERS, &rows);
    if !report.periods.is_empty() {
        let _ = writeln!(out, "\n### By {}\n", report.by.as_str());
        let rows: Vec<Vec<String>> = report
            .periods
            .iter()
            .map(|p| {
                let label = if p.not_met.is_empty() {
                    p.period.clone()
                } else {
                    format!("**{}** ❌", p.period)
                };
                period_cells(p, label)
            })
            .collect();
        table(&mut out, &period_headers(), &rows);
    }
    if !report.components.is_empty() {
        out.push_str("\n### By component\n\n");
        table(&mut out, &component_headers(), &component_rows(report));
    }
    out
}
