//! The known tables of the template and their columns: the one list the parser reads
//! tables by and release-rules names columns and tables with.

/// A known table: its name in messages, and its columns in the template's order.
#[derive(Debug)]
pub struct KnownTableSpec {
    /// The table's name in messages (`Risk Assessment`, `Key Metrics`).
    pub name: &'static str,
    /// Its columns.
    pub columns: &'static [KnownColumn],
}

/// A column of a known table.
#[derive(Debug)]
pub struct KnownColumn {
    /// The key the parser reads the column's cells by (the typed row's field: `start`).
    pub key: &'static str,
    /// The column's name in the template (`Start Time`).
    pub name: &'static str,
    /// The header names it goes by, normalised (lower case, one space apart); the
    /// first is the template's.
    pub headers: &'static [&'static str],
}

impl KnownTableSpec {
    /// The column read by `key`.
    #[must_use]
    pub fn column(&self, key: &str) -> Option<&'static KnownColumn> {
        self.columns.iter().find(|c| c.key == key)
    }
}

const fn column(
    key: &'static str,
    name: &'static str,
    headers: &'static [&'static str],
) -> KnownColumn {
    KnownColumn { key, name, headers }
}

/// Risk Assessment.
pub const RISKS: KnownTableSpec = KnownTableSpec {
    name: "Risk Assessment",
    columns: &[
        column("risk", "Risk", &["risk"]),
        column("probability", "Probability", &["probability", "likelihood"]),
        column("impact", "Impact", &["impact"]),
        column("mitigation", "Mitigation", &["mitigation"]),
        column("owner", "Owner", &["owner"]),
    ],
};

/// Deployment Timeline.
pub const TIMELINE: KnownTableSpec = KnownTableSpec {
    name: "Deployment Timeline",
    columns: &[
        column("phase", "Phase", &["phase"]),
        column("start", "Start Time", &["start time", "start"]),
        column("end", "End Time", &["end time", "end"]),
        column("duration", "Duration", &["duration"]),
        column("status", "Status", &["status"]),
        column("notes", "Notes", &["notes"]),
    ],
};

/// Monitoring During Deployment (Key Metrics).
pub const MONITORING: KnownTableSpec = KnownTableSpec {
    name: "Key Metrics",
    columns: &[
        column("metric", "Metric", &["metric"]),
        column("threshold", "Threshold", &["threshold"]),
        column("current", "Current Value", &["current value", "current"]),
        column("status", "Status", &["status"]),
        column("alert", "Alert", &["alert"]),
    ],
};

/// Issues Encountered.
pub const ISSUES: KnownTableSpec = KnownTableSpec {
    name: "Issues Encountered",
    columns: &[
        column("time", "Time", &["time"]),
        column("issue", "Issue", &["issue"]),
        column("severity", "Severity", &["severity"]),
        column("impact", "Impact", &["impact"]),
        column("resolution", "Resolution", &["resolution"]),
        column("duration", "Duration", &["duration"]),
    ],
};

/// Deployment Success Metrics.
pub const SUCCESS_METRICS: KnownTableSpec = KnownTableSpec {
    name: "Deployment Success Metrics",
    columns: &[
        column("metric", "Metric", &["metric"]),
        column("target", "Target", &["target"]),
        column("actual", "Actual", &["actual"]),
        column("status", "Status", &["status"]),
    ],
};

/// Business Impact Metrics.
pub const BUSINESS_METRICS: KnownTableSpec = KnownTableSpec {
    name: "Business Impact Metrics",
    columns: &[
        column("metric", "Metric", &["metric"]),
        column("baseline", "Baseline", &["baseline"]),
        column(
            "post_release",
            "Post-Release",
            &["post-release", "post release"],
        ),
        column("change", "Change", &["change"]),
    ],
};

/// Action Items.
pub const ACTION_ITEMS: KnownTableSpec = KnownTableSpec {
    name: "Action Items",
    columns: &[
        column("action", "Action", &["action"]),
        column("owner", "Owner", &["owner"]),
        column("due", "Due Date", &["due date", "due"]),
        column("priority", "Priority", &["priority"]),
    ],
};

/// Communication Log.
pub const COMMUNICATION_LOG: KnownTableSpec = KnownTableSpec {
    name: "Communication Log",
    columns: &[
        column("time", "Time", &["time"]),
        column("audience", "Audience", &["audience"]),
        column("message", "Message", &["message"]),
        column("channel", "Channel", &["channel"]),
        column("response", "Response", &["response"]),
    ],
};

/// Every known table.
pub const ALL: [&KnownTableSpec; 8] = [
    &RISKS,
    &TIMELINE,
    &MONITORING,
    &ISSUES,
    &SUCCESS_METRICS,
    &BUSINESS_METRICS,
    &ACTION_ITEMS,
    &COMMUNICATION_LOG,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_the_default_template_s_tables() {
        let template = crate::parse(crate::DEFAULT_TEMPLATE).value;
        let tables = [
            (&RISKS, &template.risks.columns),
            (&TIMELINE, &template.timeline.columns),
            (&MONITORING, &template.monitoring.columns),
            (&ISSUES, &template.issues.columns),
            (&SUCCESS_METRICS, &template.success_metrics.columns),
            (&BUSINESS_METRICS, &template.business_metrics.columns),
            (&ACTION_ITEMS, &template.retrospective.action_items.columns),
            (&COMMUNICATION_LOG, &template.communication_log.columns),
        ];
        for (spec, columns) in tables {
            let names: Vec<&str> = spec.columns.iter().map(|c| c.name).collect();
            let template: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
            assert_eq!(names, template, "{}", spec.name);
            for column in spec.columns {
                assert_eq!(
                    column.headers.first().copied(),
                    Some(crate::normalize_title(column.name).as_str()),
                    "{}: the first header name is the template's",
                    column.name
                );
            }
        }
    }
}
