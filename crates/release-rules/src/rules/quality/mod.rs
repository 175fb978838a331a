//! Quality-standard rules (`RL5xx`): high risks without mitigation or owner, incidents
//! longer than the MTTR target, a Production release without security sign-off, and
//! action items without owner, with a bad due date or an unknown priority.

use release_doc::internal::placeholder::says_not_applicable;
use release_doc::{Field, Span, Text};

use crate::rule::Rule;

pub(crate) mod action_item_without_owner;
pub(crate) mod incident_exceeds_mttr;
pub(crate) mod invalid_due_date;
pub(crate) mod invalid_priority;
pub(crate) mod missing_security_signoff;
pub(crate) mod unmitigated_high_risk;

/// The rules of this family.
pub(crate) const RULES: &[&'static dyn Rule] = &[
    &unmitigated_high_risk::UnmitigatedHighRisk,
    &incident_exceeds_mttr::IncidentExceedsMttr,
    &missing_security_signoff::MissingSecuritySignoff,
    &action_item_without_owner::ActionItemWithoutOwner,
    &invalid_due_date::InvalidDueDate,
    &invalid_priority::InvalidPriority,
];

/// Why a free-text cell counts as not given, for the quality rules: the column is
/// missing from the row (pointed at `row`), or the cell says on purpose that there is
/// nothing (`None`, `N/A`, `—`). An unfilled cell (placeholder, `TBD`, empty) is
/// `None` here: it is reported as unfilled by RL101 and by nothing else.
pub(crate) fn absent_cell(cell: &Text, row: Span, source: &str) -> Option<(Span, String)> {
    match cell {
        Field::Missing => {
            // The row without its line ending, so the finding stays on one line.
            let text = row.text(source);
            let end = row.start + text.trim_end().len();
            Some((Span::new(row.start, end), "no cell".to_owned()))
        }
        Field::Value { raw, span, .. } if says_not_applicable(raw) => {
            Some((*span, format!("`{raw}`")))
        }
        _ => None,
    }
}

/// The text of a cell for messages, where it is quoted in backticks: its raw text
/// without backticks of its own, or `fallback` when it has none.
pub(crate) fn cell_text<T>(cell: &Field<T>, fallback: &str) -> String {
    cell.raw().unwrap_or(fallback).replace('`', "")
}
