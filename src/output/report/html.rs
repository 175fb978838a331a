//! `report --format html`: one self-contained page (styles inline, SVG charts inline,
//! no script, nothing fetched from the network).

use std::fmt::Write;

use anyhow::{anyhow, Result};
use release_history::Report;

use super::{
    charts, component_headers, component_rows, headline, period_cells, period_headers,
    skipped_line, standard_cells, STANDARD_HEADERS,
};

/// Where the Judged cell is in [`STANDARD_HEADERS`].
const JUDGED: usize = 3;

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#1a202c}\
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #cbd5e0;padding:.3rem .6rem;text-align:left}\
th{background:#edf2f7}.met{color:#276749}.not-met{color:#c53030;font-weight:bold}.miss{background:#fff5f5}\
figure{margin:1.5rem 0}svg{max-width:100%;height:auto}.note{color:#4a5568}";

/// `text` with the characters that HTML reads as markup escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn table(out: &mut String, headers: &[&str], rows: &[(Vec<String>, bool)]) {
    out.push_str("<table><thead><tr>");
    for h in headers {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for (row, miss) in rows {
        out.push_str(if *miss { "<tr class=\"miss\">" } else { "<tr>" });
        for cell in row {
            let _ = write!(out, "<td>{}</td>", escape(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>\n");
}

/// The page.
///
/// # Errors
///
/// A chart could not be drawn.
pub fn render(report: &Report) -> Result<String> {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Release history</title><style>{STYLE}</style></head><body>\n\
         <h1>Release history</h1><p>{}</p>\n",
        escape(&headline(report))
    );
    if let Some(line) = skipped_line(report) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(&line));
    }
    out.push_str("<h2>Quality standards</h2>\n<table><thead><tr>");
    for h in STANDARD_HEADERS {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for j in &report.standards {
        let class = match j.met {
            Some(true) => "met",
            Some(false) => "not-met",
            None => "note",
        };
        let judged = match &j.reason {
            Some(reason) => format!("{}: {reason}", j.status.as_str()),
            None => j.status.as_str().to_owned(),
        };
        out.push_str("<tr>");
        for (at, cell) in standard_cells(j, judged).iter().enumerate() {
            // The Judged cell carries the colour of its verdict.
            let attr = if at == JUDGED {
                format!(" class=\"{class}\"")
            } else {
                String::new()
            };
            let _ = write!(out, "<td{attr}>{}</td>", escape(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>\n");

    let target = |figure: &str| {
        report
            .standards
            .iter()
            .find(|j| j.figure == figure)
            .and_then(|j| j.target_value)
    };
    if !report.periods.is_empty() {
        out.push_str("<h2>Over time</h2>\n");
        let drawn = [
            ("deployments", charts::deployments(report)),
            (
                "change-failure-rate",
                charts::change_failure_rate(
                    report,
                    target("change_failure_rate").map(|t| t * 100.0),
                ),
            ),
            ("mttr", charts::mttr(report, target("mttr_minutes"))),
        ];
        for (id, svg) in drawn {
            let svg = svg.map_err(|e| anyhow!("cannot draw the {id} chart: {e}"))?;
            let _ = writeln!(out, "<figure id=\"chart-{id}\">{svg}</figure>");
        }
    }
    out.push_str("<h2>Lead time for changes</h2>\n");
    if report.lead_time_samples.is_empty() {
        let reason = report
            .metrics
            .reason("lead_time_minutes")
            .unwrap_or("no commits");
        let _ = writeln!(
            out,
            "<p class=\"note\">Not measured: {}.</p>",
            escape(reason)
        );
    } else {
        let svg = charts::lead_times(&report.lead_time_samples)
            .map_err(|e| anyhow!("cannot draw the lead-time chart: {e}"))?;
        let _ = writeln!(out, "<figure id=\"chart-lead-time\">{svg}</figure>");
    }
    if !report.periods.is_empty() {
        let _ = writeln!(out, "<h2>By {}</h2>", report.by.as_str());
        let rows: Vec<(Vec<String>, bool)> = report
            .periods
            .iter()
            .map(|p| (period_cells(p, p.period.clone()), !p.not_met.is_empty()))
            .collect();
        table(&mut out, &period_headers(), &rows);
    }
    if !report.components.is_empty() {
        out.push_str("<h2>By component</h2>\n");
        let rows: Vec<(Vec<String>, bool)> = component_rows(report)
            .into_iter()
            .map(|row| (row, false))
            .collect();
        table(&mut out, &component_headers(), &rows);
    }
    out.push_str("</body></html>\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
    }
}
