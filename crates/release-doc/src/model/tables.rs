//! The known tables of the template and their typed rows.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::field::{Field, Text};
use crate::span::Span;
use crate::values::datetime::{Duration, Moment};
use crate::values::enums::{Priority, RiskLevel};
use crate::values::quantity::Quantity;
use crate::values::status::Status;
use crate::values::threshold::Threshold;

/// A table: its header and its rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(bound(deserialize = "R: Deserialize<'de>"))]
#[cfg_attr(feature = "schemars", schemars(rename = "Table_of_{R}"))]
#[non_exhaustive]
pub struct Table<R> {
    /// The whole table, or `None` when the document has no such table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// The header cells in order.
    #[serde(default)]
    pub columns: Vec<Column>,
    /// The body rows, except a row that only says `None` / `N/A` / `—`.
    #[serde(default)]
    pub rows: Vec<R>,
    /// The row that says the table is intentionally empty (`| None | — | — |`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub none_row: Option<Span>,
}

impl<R> Default for Table<R> {
    fn default() -> Self {
        Self {
            span: None,
            columns: Vec::new(),
            rows: Vec::new(),
            none_row: None,
        }
    }
}

impl<R> Table<R> {
    /// Whether the document has this table.
    #[must_use]
    pub fn is_present(&self) -> bool {
        self.span.is_some()
    }
}

/// A header cell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Column {
    /// The header text (markup removed).
    pub name: String,
    /// Where it is.
    pub span: Span,
}

/// A row of a table the template does not know: every cell as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RawRow {
    /// The row.
    pub span: Span,
    /// The cells in column order.
    pub cells: Vec<Text>,
}

/// Cells under columns the known table does not have, by header text.
pub type ExtraCells = BTreeMap<String, Text>;

macro_rules! row {
    ($(#[$meta:meta])* $name:ident { $($(#[$fmeta:meta])* $field:ident : $ty:ty,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
        #[non_exhaustive]
        pub struct $name {
            $($(#[$fmeta])* pub $field: $ty,)*
            /// The whole row.
            pub span: Span,
            /// Cells under extra columns, by header text.
            #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
            pub extra: ExtraCells,
        }
    };
}

row! {
    /// A Risk Assessment row.
    RiskRow {
        /// What could go wrong.
        risk: Text,
        /// How likely it is.
        probability: Field<RiskLevel>,
        /// How bad it would be.
        impact: Field<RiskLevel>,
        /// What reduces it.
        mitigation: Text,
        /// Who owns it.
        owner: Text,
    }
}

row! {
    /// A Deployment Timeline row.
    TimelineRow {
        /// The phase name.
        phase: Text,
        /// When it started.
        start: Field<Moment>,
        /// When it ended.
        end: Field<Moment>,
        /// How long it took, as written.
        duration: Field<Duration>,
        /// How it went.
        status: Field<Status>,
        /// Free notes.
        notes: Text,
    }
}

row! {
    /// A Monitoring During Deployment (Key Metrics) row.
    MetricRow {
        /// The metric's name.
        metric: Text,
        /// The healthy range (`< 1%`).
        threshold: Field<Threshold>,
        /// The value seen during the deployment.
        current: Field<Quantity>,
        /// The status written for it.
        status: Field<Status>,
        /// The alert wired to it.
        alert: Text,
    }
}

row! {
    /// An Issues Encountered row.
    IssueRow {
        /// When it happened.
        time: Field<Moment>,
        /// What happened.
        issue: Text,
        /// How severe (`SEV1`, `Critical`, ...), as written.
        severity: Text,
        /// Its impact.
        impact: Text,
        /// How it was resolved.
        resolution: Text,
        /// How long it lasted.
        duration: Field<Duration>,
    }
}

row! {
    /// A Deployment Success Metrics row.
    SuccessMetricRow {
        /// The metric's name.
        metric: Text,
        /// The target (`< 30 min`).
        target: Field<Threshold>,
        /// The value reached.
        actual: Field<Quantity>,
        /// The status written for it.
        status: Field<Status>,
    }
}

row! {
    /// A Business Impact Metrics row.
    BusinessMetricRow {
        /// The metric's name.
        metric: Text,
        /// Before the release.
        baseline: Field<Quantity>,
        /// After the release.
        post_release: Field<Quantity>,
        /// The change written for it.
        change: Field<Quantity>,
    }
}

row! {
    /// An Action Items row.
    ActionItemRow {
        /// What to do.
        action: Text,
        /// Who does it.
        owner: Text,
        /// By when.
        #[cfg_attr(feature = "schemars", schemars(with = "Field<String>"))]
        due: Field<jiff::civil::Date>,
        /// How urgent.
        priority: Field<Priority>,
    }
}

row! {
    /// A Communication Log row.
    CommunicationRow {
        /// When.
        time: Field<Moment>,
        /// To whom.
        audience: Text,
        /// What was said.
        message: Text,
        /// Where.
        channel: Text,
        /// What came back.
        response: Text,
    }
}
