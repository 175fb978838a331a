//! DORA performance bands (elite, high, medium, low) of the four key figures.
//!
//! The bands follow the software delivery performance clusters of the 2023 Accelerate
//! State of DevOps Report (DORA). The report gives each cluster as a range that leaves
//! gaps between clusters (high deploys "between once per day and once per week", medium
//! "between once per week and once per month"); here each band runs up to the next, so
//! every figure has exactly one band. The table is in `docs/report.md`.

use serde::Serialize;

/// A DORA performance band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    /// The best cluster.
    Elite,
    /// The second.
    High,
    /// The third.
    Medium,
    /// The last.
    Low,
}

impl Band {
    /// `elite`, `high`, `medium` or `low`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Elite => "elite",
            Band::High => "high",
            Band::Medium => "medium",
            Band::Low => "low",
        }
    }
}

const DAY_MINUTES: f64 = 24.0 * 60.0;

/// Deployments per day: elite at least once a day (on demand), high at least once a
/// week, medium at least once a month (30 days), else low.
#[must_use]
pub fn deployment_frequency(per_day: f64) -> Band {
    if per_day >= 1.0 {
        Band::Elite
    } else if per_day >= 1.0 / 7.0 {
        Band::High
    } else if per_day >= 1.0 / 30.0 {
        Band::Medium
    } else {
        Band::Low
    }
}

/// Lead time in minutes: elite under a day, high up to a week, medium up to a month
/// (30 days), else low.
#[must_use]
pub fn lead_time(minutes: f64) -> Band {
    if minutes < DAY_MINUTES {
        Band::Elite
    } else if minutes <= 7.0 * DAY_MINUTES {
        Band::High
    } else if minutes <= 30.0 * DAY_MINUTES {
        Band::Medium
    } else {
        Band::Low
    }
}

/// Change failure rate (a fraction): elite up to 5 %, high up to 10 %, medium up to
/// 15 %, else low.
#[must_use]
pub fn change_failure_rate(rate: f64) -> Band {
    if rate <= 0.05 {
        Band::Elite
    } else if rate <= 0.10 {
        Band::High
    } else if rate <= 0.15 {
        Band::Medium
    } else {
        Band::Low
    }
}

/// Time to recover in minutes: elite under an hour, high under a day, medium up to a
/// week, else low.
#[must_use]
pub fn mttr(minutes: f64) -> Band {
    if minutes < 60.0 {
        Band::Elite
    } else if minutes < DAY_MINUTES {
        Band::High
    } else if minutes <= 7.0 * DAY_MINUTES {
        Band::Medium
    } else {
        Band::Low
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_edges() {
        assert_eq!(deployment_frequency(1.0), Band::Elite);
        assert_eq!(deployment_frequency(0.99), Band::High);
        assert_eq!(deployment_frequency(1.0 / 7.0), Band::High);
        assert_eq!(deployment_frequency(0.1), Band::Medium);
        assert_eq!(deployment_frequency(0.01), Band::Low);
        assert_eq!(lead_time(59.0), Band::Elite);
        assert_eq!(lead_time(DAY_MINUTES), Band::High);
        assert_eq!(lead_time(8.0 * DAY_MINUTES), Band::Medium);
        assert_eq!(lead_time(31.0 * DAY_MINUTES), Band::Low);
        assert_eq!(change_failure_rate(0.05), Band::Elite);
        assert_eq!(change_failure_rate(0.08), Band::High);
        assert_eq!(change_failure_rate(0.15), Band::Medium);
        assert_eq!(change_failure_rate(0.5), Band::Low);
        assert_eq!(mttr(59.0), Band::Elite);
        assert_eq!(mttr(60.0), Band::High);
        assert_eq!(mttr(DAY_MINUTES), Band::Medium);
        assert_eq!(mttr(8.0 * DAY_MINUTES), Band::Low);
    }
}
