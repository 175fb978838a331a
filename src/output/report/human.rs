//! `report --format human`: tables a person reads at a glance, the periods that miss a
//! standard marked.

use std::fmt::Write;

use release_history::Report;

use super::{
    component_headers, component_rows, headline, period_cells, period_headers, skipped_line,
    standard_cells, STANDARD_HEADERS,
};

/// Columns padded to their widest cell (counted in characters).
fn table(out: &mut String, headers: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut s = String::new();
        for (cell, w) in cells.zip(&widths) {
            let _ = write!(s, "{cell}{}  ", " ".repeat(w - cell.chars().count()));
        }
        s.trim_end().to_owned()
    };
    let _ = writeln!(out, "{}", line(&mut headers.iter().copied()));
    let _ = writeln!(
        out,
        "{}",
        widths
            .iter()
            .map(|w| "─".repeat(*w))
            .collect::<Vec<_>>()
            .join("  ")
    );
    for row in rows {
        let _ = writeln!(out, "{}", line(&mut row.iter().map(String::as_str)));
    }
}

/// The report as text; `failed` is the number of files that could not be read.
#[must_use]
pub fn render(report: &Report, failed: usize) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Release history: {}", headline(report));
    if let Some(line) = skipped_line(report) {
        let _ = writeln!(out, "{line}");
    }
    if failed > 0 {
        let _ = writeln!(
            out,
            "{failed} file{} could not be read (see the errors above); not counted",
            if failed == 1 { "" } else { "s" }
        );
    }
    out.push('\n');
    let rows: Vec<Vec<String>> = report
        .standards
        .iter()
        .map(|j| standard_cells(j, j.status.as_str().to_owned()))
        .collect();
    table(&mut out, &STANDARD_HEADERS, &rows);
    for j in &report.standards {
        if let Some(reason) = &j.reason {
            let _ = writeln!(out, "  {}: {}: {reason}", j.name, j.status.as_str());
        }
    }
    if !report.periods.is_empty() {
        out.push('\n');
        let rows: Vec<Vec<String>> = report
            .periods
            .iter()
            .map(|p| {
                let mark = if p.not_met.is_empty() { "" } else { " ✗" };
                period_cells(p, format!("{}{mark}", p.period))
            })
            .collect();
        table(&mut out, &period_headers(), &rows);
        let worst = report
            .periods
            .iter()
            .filter(|p| p.metrics.failures > 0)
            .max_by(|a, b| {
                let rate = |p: &release_history::history::PeriodFigures| {
                    p.metrics.change_failure_rate.unwrap_or(0.0)
                };
                rate(a).total_cmp(&rate(b)).then(b.start.cmp(&a.start))
            });
        if let Some(worst) = worst {
            let _ = writeln!(
                out,
                "✗ misses a standard; worst change failure rate: {} ({} of {})",
                worst.period, worst.metrics.failures, worst.metrics.deployments
            );
        }
    }
    if report.components.len() > 1 {
        out.push('\n');
        table(&mut out, &component_headers(), &component_rows(report));
    }
    out
}
