//! `report --format json`: the [`Report`] as docs/report.md describes it.

use release_history::Report;

/// The report as pretty JSON, with a final newline.
#[must_use]
pub fn render(report: &Report) -> String {
    // Serialising plain data with string keys cannot fail.
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}
