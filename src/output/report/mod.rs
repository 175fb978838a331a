//! The formats of `release-lint report`: a table for people, JSON, Markdown and a
//! self-contained HTML page with SVG charts.

pub mod charts;
pub mod html;
pub mod human;
pub mod json;
pub mod markdown;

use release_history::figures::Figures;
use release_history::history::PeriodFigures;
use release_history::standards::Judgement;
use release_history::Report;

/// A fraction as a percentage with one decimal: `0.0833` → `8.3%`.
#[must_use]
pub fn percent(fraction: f64) -> String {
    format!("{:.1}%", fraction * 100.0)
}

/// Minutes as people read them: `45m`, `2h 5m`, `3d 4h`.
#[must_use]
pub fn minutes(minutes: f64) -> String {
    let total = minutes.round() as i64;
    let (sign, total) = if total < 0 {
        ("-", -total)
    } else {
        ("", total)
    };
    let (d, h, m) = (total / 1440, total / 60 % 24, total % 60);
    match (d, h) {
        (0, 0) => format!("{sign}{m}m"),
        (0, _) => format!("{sign}{h}h {m}m"),
        _ => format!("{sign}{d}d {h}h"),
    }
}

/// Deployments per day and per week: `0.43/day (3.0/week)`.
#[must_use]
pub fn frequency(per_day: f64) -> String {
    format!("{per_day:.2}/day ({:.1}/week)", per_day * 7.0)
}

/// The figure a standard reads, as text; `not measured` without one.
#[must_use]
pub fn actual(judgement: &Judgement) -> String {
    match (judgement.actual, judgement.figure) {
        (None, _) => "not measured".to_owned(),
        (Some(v), "mttr_minutes" | "lead_time_minutes") => minutes(v),
        (Some(v), "deployment_frequency_per_day") => frequency(v),
        (Some(v), _) => percent(v),
    }
}

/// One optional figure, or `—`.
fn or_dash(value: Option<f64>, show: impl Fn(f64) -> String) -> String {
    value.map_or_else(|| "—".to_owned(), show)
}

/// The rows of the per-component table: the component's name, then its figures.
#[must_use]
pub fn component_rows(report: &release_history::Report) -> Vec<Vec<String>> {
    report
        .components
        .iter()
        .map(|c| {
            let mut row = vec![c.component.clone()];
            row.extend(figure_cells(&c.metrics));
            row
        })
        .collect()
}

/// The cells of a row of figures: deployments, failed, change failure rate, success
/// rate, frequency, MTTR, lead time.
#[must_use]
pub fn figure_cells(f: &Figures) -> Vec<String> {
    vec![
        f.deployments.to_string(),
        f.failures.to_string(),
        or_dash(f.change_failure_rate, percent),
        or_dash(f.deployment_success_rate, percent),
        or_dash(f.deployment_frequency_per_day, |d| format!("{d:.2}/day")),
        or_dash(f.mttr_minutes, minutes),
        or_dash(f.lead_time_minutes, minutes),
    ]
}

/// The headers of [`figure_cells`].
pub const FIGURE_HEADERS: [&str; 7] = [
    "Deploys",
    "Failed",
    "CFR",
    "Success",
    "Frequency",
    "MTTR",
    "Lead time",
];

/// The headers of [`standard_cells`].
pub const STANDARD_HEADERS: [&str; 5] = ["Standard", "Actual", "Target", "Judged", "DORA band"];

/// The cells of a row of the standards table; `judged` is the Judged cell in the
/// format's own words.
#[must_use]
pub fn standard_cells(judgement: &Judgement, judged: String) -> Vec<String> {
    vec![
        judgement.name.to_owned(),
        actual(judgement),
        judgement.target.clone().unwrap_or_else(|| "—".into()),
        judged,
        judgement.band.map_or("—", |b| b.as_str()).to_owned(),
    ]
}

/// The headers of [`period_cells`]: the period, the figures, the standards missed.
#[must_use]
pub fn period_headers() -> Vec<&'static str> {
    let mut headers = vec!["Period"];
    headers.extend(FIGURE_HEADERS);
    headers.push("Misses");
    headers
}

/// The cells of a row of the per-period table; `label` is the period's cell in the
/// format's own marking.
#[must_use]
pub fn period_cells(period: &PeriodFigures, label: String) -> Vec<String> {
    let mut row = vec![label];
    row.extend(figure_cells(&period.metrics));
    row.push(period.not_met.join(", "));
    row
}

/// The headers of [`component_rows`].
#[must_use]
pub fn component_headers() -> Vec<&'static str> {
    let mut headers = vec!["Component"];
    headers.extend(FIGURE_HEADERS);
    headers
}

/// The first line: how many deployments over which days.
#[must_use]
pub fn headline(report: &Report) -> String {
    let window = report.window.map_or_else(String::new, |w| {
        format!(
            ", {} to {} ({} day{})",
            w.since,
            w.until,
            w.days,
            if w.days == 1 { "" } else { "s" }
        )
    });
    format!(
        "{} deployment{}{window}, by {}",
        report.deployments,
        if report.deployments == 1 { "" } else { "s" },
        report.by.as_str()
    )
}

/// The line about what was not counted, if anything was not.
#[must_use]
pub fn skipped_line(report: &Report) -> Option<String> {
    let mut parts = Vec::new();
    if report.skipped > 0 {
        parts.push(format!(
            "{} release document{} not counted (not production deployments, or figures that do not parse; --verbose lists them)",
            report.skipped,
            if report.skipped == 1 { "" } else { "s" }
        ));
    }
    if report.outside_window > 0 {
        parts.push(format!(
            "{} deployment{} outside --since/--until",
            report.outside_window,
            if report.outside_window == 1 { "" } else { "s" }
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_people_write_them() {
        assert_eq!(percent(1.0 / 12.0), "8.3%");
        assert_eq!(minutes(45.2), "45m");
        assert_eq!(minutes(125.0), "2h 5m");
        assert_eq!(minutes(3.0 * 1440.0 + 240.0), "3d 4h");
        assert_eq!(minutes(-5.0), "-5m");
        assert_eq!(frequency(3.0 / 7.0), "0.43/day (3.0/week)");
    }
}
